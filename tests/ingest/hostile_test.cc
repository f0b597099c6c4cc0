// Inputs an attacker or an accident can hand over: each is refused quickly
// with a message naming it, and what is good beside it is still read.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "crosscheck/ingest/feed_reader.h"
#include "crosscheck/ingest/inputs.h"
#include "crosscheck/ingest/jsonl_reader.h"
#include "crosscheck/ingest/page_reader.h"

namespace crosscheck::ingest {
namespace {

namespace fs = std::filesystem;

fs::path Fresh(const char* name) {
  fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(Hostile, AFifoIsRefusedNotWaitedOn) {
  fs::path dir = Fresh("crosscheck_hostile_fifo");
  fs::path fifo = dir / "pipe.txt";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  auto a = ReadTextFile(fifo.string());
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(a.status().message().find("not a regular file"), std::string::npos);
  EXPECT_FALSE(ExpandInputs({fifo.string()}).ok());
  // In a directory it is simply not an input.
  std::ofstream(dir / "a.txt") << "The harbour reopened on Monday, the port authority said.\n";
  auto files = ExpandInputs({dir.string()});
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(files->size(), 1u);
  fs::remove_all(dir);
}

TEST(Hostile, ASymlinkLoopIsSkipped) {
  fs::path dir = Fresh("crosscheck_hostile_loop");
  fs::create_symlink(dir / "loop.txt", dir / "loop.txt");
  fs::create_directory_symlink(dir, dir / "self");
  std::ofstream(dir / "a.txt") << "The harbour reopened on Monday, the port authority said.\n";
  auto files = ExpandInputs({dir.string()});
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_EQ(files->size(), 1u);
  EXPECT_FALSE(ExpandInputs({(dir / "loop.txt").string()}).ok());
  fs::remove_all(dir);
}

TEST(Hostile, BinaryBytesNamedHtmlAreNoPage) {
  fs::path dir = Fresh("crosscheck_hostile_binary");
  std::string elf(
      "\x7f"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
      16);
  for (int i = 0; i < 200; ++i) elf += "title<binary junk\x01\x02";
  { std::ofstream(dir / "x.html", std::ios::binary) << elf; }
  { std::ofstream(dir / "plain.html") << "just some words and no markup at all\n"; }
  auto a = ReadPageFile((dir / "x.html").string());
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("not a web page"), std::string::npos);
  EXPECT_NE(a.status().message().find("x.html"), std::string::npos);
  EXPECT_FALSE(ReadPageFile((dir / "plain.html").string()).ok());
  EXPECT_TRUE(LooksLikeMarkup("<!DOCTYPE html><p>x</p>"));
  EXPECT_TRUE(LooksLikeMarkup(std::string("\xFF\xFE<\0h\0", 6)));
  // A page with a few stray NUL bytes deep inside is still a page; bytes
  // that are control codes all through are not.
  std::string stray =
      "<!DOCTYPE html><html><body>" + std::string(3000, 'x') + std::string(11, '\0') + "</body></html>";
  EXPECT_TRUE(LooksLikeMarkup(stray));
  std::string noisy = std::string(2000, 'x') + "<p>";
  for (int i = 0; i < 400; ++i) noisy += "\x01\x02\x03 and";
  EXPECT_FALSE(LooksLikeMarkup(noisy));
  fs::remove_all(dir);
}

TEST(Hostile, FeedEntitiesAreNotExpanded) {
  fs::path dir = Fresh("crosscheck_hostile_entities");
  std::ofstream(dir / "laughs.rss") << R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss><channel><title>T</title><item><title>&c;</title><description>&c;</description></item>
<item><title>Ferry</title><description>The ferry sailed at noon, the harbour master said.</description></item></channel></rss>)";
  size_t articles = 0;
  Status st =
      ReadFeed((dir / "laughs.rss").string(), [&](Article&&) { ++articles; }, [](const LineError&) {});
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("entities"), std::string::npos);
  EXPECT_EQ(articles, 0u);
  fs::remove_all(dir);
}

TEST(Hostile, ABrokenFeedIsReadInPartAndSaysWhereItBroke) {
  fs::path dir = Fresh("crosscheck_hostile_broken_feed");
  std::ofstream(dir / "broken.rss") << "<?xml version=\"1.0\"?><rss><channel><title>T</title>\n"
                                       "<item><guid>a</guid><description>The ferry sailed at noon, the "
                                       "harbour master said.</description></item>\n"
                                       "<item><title>Cut off<guid>b</guid><description>Broken & here";
  std::vector<InputProblem> problems;
  size_t articles = 0;
  ReadInputs(
      {(dir / "broken.rss").string()}, [&](Article&&) { ++articles; },
      [&](const InputProblem& p) { problems.push_back(p); });
  EXPECT_EQ(articles, 1u) << "the good item before the break is read";
  bool said = false;
  for (const auto& p : problems)
    if (p.partial) {
      said = true;
      EXPECT_NE(p.status.message().find("not well-formed XML at line"), std::string::npos)
          << p.status.message();
    }
  EXPECT_TRUE(said);
  fs::remove_all(dir);
}

TEST(Hostile, AnOverlongJsonlLineIsSkippedAndTheRestRead) {
  fs::path dir = Fresh("crosscheck_hostile_jsonl");
  {
    std::ofstream f(dir / "in.jsonl");
    f << "{\"id\":\"big\",\"text\":\"" << std::string(300000, 'x') << "\"}\n";
    f << "{\"id\":\"ok\",\"text\":\"The ferry sailed at noon, the harbour master said.\"}\n";
  }
  ReadOptions small;
  small.max_bytes = 100000;
  std::vector<std::string> ids, errors;
  ASSERT_TRUE(
      ReadJsonl((dir / "in.jsonl").string(), [&](Article&& a) { ids.push_back(a.id); },
                [&](const LineError& e) { errors.push_back(std::to_string(e.line) + ": " + e.message); },
                small)
          .ok());
  EXPECT_EQ(ids, std::vector<std::string>{"ok"});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("1: line is longer", 0), 0u) << errors[0];
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck::ingest
