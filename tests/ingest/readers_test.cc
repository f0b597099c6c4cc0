// The JSONL and feed readers, and ReadInputs over mixed inputs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "crosscheck/ingest/feed_reader.h"
#include "crosscheck/ingest/inputs.h"
#include "crosscheck/ingest/jsonl_reader.h"

namespace crosscheck::ingest {
namespace {

namespace fs = std::filesystem;

TEST(Readers, JsonlAndFeedsReportBadItemsAndKeepTheRest) {
  fs::path dir = fs::temp_directory_path() / "crosscheck_reader_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "in.jsonl") << "{\"id\":\"x1\",\"outlet\":\"Wire\",\"published\":\"2025-03-03\","
                                     "\"text\":\"A bridge reopened on Monday, officials said.\"}\n"
                                     "{broken\n"
                                     "{\"id\":\"x2\"}\n"
                                     "{\"id\":\"x3\",\"html\":\"<p>The mayor opened the new library on "
                                     "Tuesday morning with a speech.</p>\"}\n";
  std::vector<Article> got;
  std::vector<size_t> bad;
  auto st = ReadJsonl((dir / "in.jsonl").string(), [&](Article&& a) { got.push_back(std::move(a)); },
                      [&](const LineError& e) { bad.push_back(e.line); });
  ASSERT_TRUE(st.ok());
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].outlet, "Wire");
  EXPECT_EQ(bad, (std::vector<size_t>{2, 3}));
  std::ofstream(dir / "a.atom")
      << R"(<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title>
<entry><title>Library opens</title><link href="https://example.org/lib"/><id>tag:lib</id><published>2025-03-04T09:00:00Z</published>
<content type="html">&lt;p&gt;The mayor opened the new library on Tuesday morning with a speech.&lt;/p&gt;</content></entry></feed>)";
  got.clear();
  st = ReadFeed((dir / "a.atom").string(), [&](Article&& a) { got.push_back(std::move(a)); },
                [&](const LineError&) {});
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].title, "Library opens");
  EXPECT_EQ(got[0].outlet, "Gazette");
  EXPECT_EQ(got[0].published, "2025-03-04T09:00:00Z");
  EXPECT_EQ(FeedDateToIso("Mon, 03 Mar 2025 08:00:00 GMT"), "2025-03-03T08:00:00Z");
  std::ofstream(dir / "bad.xml") << "<html><body>not a feed</body></html>";
  EXPECT_FALSE(ReadFeed((dir / "bad.xml").string(), [](Article&&) {}, [](const LineError&) {}).ok());
  fs::remove_all(dir);
}

TEST(Readers, JsonlPublishedThatIsNoDateIsReportedAndLeftEmpty) {
  fs::path dir = fs::temp_directory_path() / "crosscheck_reader_dates";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "in.jsonl")
      << "{\"id\":\"a\",\"published\":\"yesterday\",\"text\":\"The ferry sailed "
         "at noon, the harbour master said.\"}\n"
         "{\"id\":\"b\",\"published\":\"2025-03-03T23:30:00-07:00\",\"text\":"
         "\"The ferry sailed at noon, the harbour master said.\"}\n"
         "{\"id\":\"c\",\"received\":\"Tue, 04 Mar 2025 10:00:00 +0100\",\"text\":"
         "\"The ferry sailed at noon again, the harbour master said.\"}\n";
  std::vector<Article> got;
  std::vector<std::string> errors;
  ASSERT_TRUE(
      ReadJsonl((dir / "in.jsonl").string(), [&](Article&& a) { got.push_back(std::move(a)); },
                [&](const LineError& e) { errors.push_back(std::to_string(e.line) + " " + e.message); })
          .ok());
  ASSERT_EQ(got.size(), 3u) << "an article with a bad date is kept, undated";
  EXPECT_EQ(got[0].published, "");
  EXPECT_EQ(got[1].published, "2025-03-04T06:30:00Z");  // the offset applied
  EXPECT_EQ(got[2].published, "");
  EXPECT_EQ(got[2].received, "2025-03-04T09:00:00Z");  // when it was fetched
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("1 \"published\""), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("yesterday"), std::string::npos);
  fs::remove_all(dir);
}

TEST(ReadInputs, MixedKindsInNameOrderWithProblemsNamed) {
  fs::path dir = fs::temp_directory_path() / "crosscheck_inputs_mixed";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt")
      << "https://news.example.co.uk/2025/ferry\n\nThe ferry sailed at noon, the harbour master said.\n";
  std::ofstream(dir / "b.jsonl")
      << "{\"id\":\"j1\",\"text\":\"The ferry returned at dusk with forty passengers aboard.\"}\n"
         "not json\n";
  std::ofstream(dir / "c.txt") << "";
  std::ofstream(dir / "ignored.csv") << "x,y\n";
  auto files = ExpandInputs({dir.string()});
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  ASSERT_EQ(files->size(), 3u);  // the .csv is not an input
  std::vector<Article> got;
  std::vector<InputProblem> problems;
  ReadInputs(
      *files, [&](Article&& a) { got.push_back(std::move(a)); },
      [&](const InputProblem& p) { problems.push_back(p); });
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].id, "a");
  EXPECT_EQ(got[0].outlet, "example.co.uk");  // the URL line's registrable domain
  EXPECT_EQ(got[1].id, "j1");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].where, (dir / "b.jsonl").string() + ":2");
  EXPECT_EQ(problems[1].where, (dir / "c.txt").string());
  EXPECT_NE(problems[1].status.message().find((dir / "c.txt").string()), std::string::npos);
  // ReadArticles stops at the first problem and names it.
  auto all = ReadArticles({dir.string()});
  ASSERT_FALSE(all.ok());
  EXPECT_NE(all.status().message().find("b.jsonl:2"), std::string::npos) << all.status().message();
  EXPECT_EQ(ExpandInputs({(dir / "nope").string()}).status().code(), StatusCode::kNotFound);
  fs::remove_all(dir);
}

// The first N articles, and no file read past them: a broken file after
// them is never opened.
TEST(ReadFirstArticles, StopsReadingOnceMoreThanTheLimitAreRead) {
  fs::path dir = fs::temp_directory_path() / "crosscheck_inputs_first";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.jsonl")
      << "{\"id\":\"j1\",\"text\":\"The ferry sailed at noon from the harbour.\"}\n"
         "{\"id\":\"j2\",\"text\":\"The ferry returned at dusk with forty aboard.\"}\n";
  std::ofstream(dir / "b.txt") << "The harbour master said the crossing was calm all day.\n";
  std::ofstream(dir / "c.jsonl") << "not json\n";
  bool more = false;
  auto two = ReadFirstArticles({dir.string()}, 2, &more);
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(two->size(), 2u);
  EXPECT_TRUE(more);  // b.txt was read, c.jsonl never
  auto three = ReadFirstArticles({(dir / "a.jsonl").string(), (dir / "b.txt").string()}, 3, &more);
  ASSERT_TRUE(three.ok());
  EXPECT_EQ(three->size(), 3u);
  EXPECT_FALSE(more);
  auto all = ReadFirstArticles({dir.string()}, 0, &more);  // 0: no limit, so the broken file counts
  EXPECT_FALSE(all.ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck::ingest
