// The crosscheck binary: exit codes, messages and outputs.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace {

struct Result {
  int code = -1;
  std::string out;
};

Result Exec(const std::string& args) {
  std::string cmd = std::string(CROSSCHECK_BINARY) + " " + args + " 2>&1";
  Result r;
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string Demo() { return std::string(CROSSCHECK_SOURCE_DIR) + "/examples/port-aldous"; }

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(Exec("").code, 2);
  EXPECT_EQ(Exec("frobnicate").code, 2);
  EXPECT_EQ(Exec("report").code, 2);
  Result r = Exec("report --format pdf " + Demo());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--format"), std::string::npos);
  EXPECT_EQ(Exec("report --bogus " + Demo()).code, 2);
}

TEST(Cli, InputErrorsExitThreeNamingTheFile) {
  Result r = Exec("report /no/such/article.txt");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("/no/such/article.txt"), std::string::npos);
  auto bin = std::filesystem::temp_directory_path() / "crosscheck_cli_binary.txt";
  {
    std::ofstream f(bin, std::ios::binary);
    f << std::string(
        "\x7f"
        "ELF\0\0\0",
        7);
  }
  r = Exec("report " + bin.string());
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find(bin.string()), std::string::npos);
  std::filesystem::remove(bin);
}

TEST(Cli, ServeRefusesWhatIsUnsafeOrUnreadable) {
  const std::string db = crosscheck::testing::TempDb("crosscheck_cli_serve.db");
  Result open = Exec("serve --db " + db + " --host 0.0.0.0 --port 0");
  EXPECT_NE(open.code, 0);
  EXPECT_NE(open.out.find("token"), std::string::npos) << open.out;
  Result missing = Exec("serve --db " + db + " --port 0 --token-file /no/such/token");
  EXPECT_EQ(missing.code, 3);
  EXPECT_NE(missing.out.find("/no/such/token"), std::string::npos) << missing.out;
  EXPECT_EQ(Exec("serve --port 70000").code, 2);
}

TEST(Cli, JsonMarkdownAndHtmlOnTheDemo) {
  Result j = Exec("report --format json " + Demo());
  ASSERT_EQ(j.code, 0) << j.out;
  auto parsed = nlohmann::json::parse(j.out);
  EXPECT_EQ(parsed["sources"].size(), 4u);
  EXPECT_FALSE(parsed["facts"].empty());
  Result m = Exec("report --format md " + Demo());
  EXPECT_EQ(m.code, 0);
  EXPECT_NE(m.out.find("## Facts"), std::string::npos);
  auto out = std::filesystem::temp_directory_path() / "crosscheck_cli_report.html";
  Result h = Exec("report --format html --out " + out.string() + " " + Demo());
  EXPECT_EQ(h.code, 0);
  std::string html = crosscheck::testing::ReadAll(out.string());
  EXPECT_NE(html.find("<!DOCTYPE html>"), std::string::npos);
  std::filesystem::remove(out);
}

TEST(Cli, AttributionsCommand) {
  auto file = std::string(CROSSCHECK_SOURCE_DIR) + "/examples/port-aldous/coast-daily.txt";
  Result r = Exec("attributions " + file);
  ASSERT_EQ(r.code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_FALSE(j.empty());
  bool okafor = false;
  for (const auto& a : j) {
    for (const char* k : {"speaker", "entity", "cue", "content", "direct", "start", "end"})
      EXPECT_TRUE(a.contains(k)) << k;
    okafor |= a["direct"] == true && a["entity"] == "Daniel Okafor";
  }
  EXPECT_TRUE(okafor);
  EXPECT_EQ(Exec("attributions").code, 2);
  EXPECT_EQ(Exec("attributions /no/such.txt").code, 3);
  EXPECT_EQ(Exec("eval attributions /no/such/dir").code, 3);
  EXPECT_EQ(Exec("eval bogus x").code, 2);
}

std::string TempFile(const char* name, const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / name;
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

TEST(Cli, TagKeepsEveryLineAndSameScoresEveryPair) {
  std::string conll = TempFile("crosscheck_cli.conll",
                               "-DOCSTART- -X- O O\n\nIlse NNP\nBrandt NNP\nvisited VBD\nOslo NNP\n. .\n\n");
  Result r = Exec("tag --format conll " + conll);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out, "-DOCSTART- -X- O O\n\nIlse\tB-PER\nBrandt\tI-PER\nvisited\tO\nOslo\tB-LOC\n.\tO\n\n");
  std::string pairs =
      TempFile("crosscheck_cli_pairs.tsv",
               "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
               "1\t7\t8\tThe ferry sank near the harbour.\tThe ferry went down near the harbour.\n"
               "0\t9\t10\tThe mayor resigned.\tPrices of bread rose again in March.\n");
  r = Exec("same " + pairs);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.substr(0, 7), "7\t8\t1\t0");
  EXPECT_NE(r.out.find("\n9\t10\t0\t0."), std::string::npos) << r.out;
  std::string broken = TempFile("crosscheck_cli_broken.tsv", "1\tonly\tthree\n");
  r = Exec("same " + broken);
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find(broken), std::string::npos);
  EXPECT_EQ(Exec("train entities /no/such.conll").code, 3);
  std::string bodies = TempFile("crosscheck_cli_bodies.csv",
                                "Body ID,articleBody\n1,\"The city opened a new bridge, officials said.\"\n");
  std::string stances =
      TempFile("crosscheck_cli_stances.csv", "Headline,Body ID\n\"City opens bridge, officials say\",1\n");
  r = Exec("stance --bodies " + bodies + " --stances " + stances);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.substr(0, 24), "Headline,Body ID,Stance\n");
  EXPECT_NE(r.out.find("\"City opens bridge, officials say\",1,"), std::string::npos) << r.out;
  std::string orphan = TempFile("crosscheck_cli_orphan.csv", "Headline,Body ID\nA claim,99\n");
  r = Exec("stance --bodies " + bodies + " --stances " + orphan);
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("body 99"), std::string::npos) << r.out;
  for (const auto& f : {bodies, stances, orphan}) std::filesystem::remove(f);
  for (const auto& f : {conll, pairs, broken}) std::filesystem::remove(f);
}

TEST(Cli, ExtractAndReportOnPages) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "crosscheck_cli_pages";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "page.html") << "<html><head><meta property=\"og:title\" content=\"Storm hits "
                                      "coast\"><meta property=\"og:site_name\" "
                                      "content=\"Wire\"></head><body><article><p>A storm hit the coast of "
                                      "Varnek on Monday, closing the port "
                                      "for two days, officials said.</p><p>About 300 homes lost power, and "
                                      "crews worked through the night to "
                                      "restore it.</p></article></body></html>";
  std::ofstream(dir / "text.txt")
      << "A storm closed the port of Varnek on Monday for two days, officials said.\n"
         "About 300 homes lost power overnight.\n";
  Result e = Exec("extract " + (dir / "page.html").string());
  ASSERT_EQ(e.code, 0) << e.out;
  auto j = nlohmann::json::parse(e.out);
  EXPECT_EQ(j["title"], "Storm hits coast");
  EXPECT_EQ(j["outlet"], "Wire");
  EXPECT_NE(j["body"].get<std::string>().find("300 homes"), std::string::npos);
  for (const char* k : {"authors", "published", "url"}) EXPECT_TRUE(j.contains(k)) << k;
  Result r = Exec("report --format json " + dir.string());
  ASSERT_EQ(r.code, 0) << r.out;
  auto rep = nlohmann::json::parse(r.out);
  EXPECT_EQ(rep["sources"].size(), 2u);
  EXPECT_FALSE(rep["facts"].empty());
  EXPECT_EQ(Exec("extract /no/such/page.html").code, 3);
  fs::remove_all(dir);
}

TEST(Cli, ReportAndIngestAWebArchive) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "crosscheck_cli_warc";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto record = [](const std::string& uri, const std::string& page) {
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page;
    return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
           "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
           std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  };
  std::string archive =
      record(
          "https://www.wire.example/2025/03/03/storm",
          "<html><head><title>Storm closes Varnek port</title></head><body><article><p>A storm hit the "
          "coast of Varnek on Monday, closing the port for two days, officials said.</p><p>About 300 "
          "homes lost power, and crews worked through the night to restore it.</p></article></body></html>") +
      record("https://news.gazette.example/2025/03/03/varnek",
             "<html><head><title>Varnek port shut by storm</title></head><body><article><p>A storm closed "
             "the port of Varnek on Monday for two days, officials said.</p><p>Some 300 homes lost power "
             "overnight.</p></article></body></html>");
  std::ofstream(dir / "crawl.warc", std::ios::binary) << archive;
  Result r = Exec("report --format json " + (dir / "crawl.warc").string());
  ASSERT_EQ(r.code, 0) << r.out;
  auto rep = nlohmann::json::parse(r.out);
  ASSERT_EQ(rep["sources"].size(), 2u);
  EXPECT_EQ(rep["sources"][0]["id"], "https://www.wire.example/2025/03/03/storm");
  EXPECT_EQ(rep["sources"][0]["published"].get<std::string>().substr(0, 10), "2025-03-03");
  EXPECT_FALSE(rep["facts"].empty());
  const std::string db = (dir / "db").string();
  Result in = Exec("ingest --db " + db + " " + (dir / "crawl.warc").string());
  ASSERT_EQ(in.code, 0) << in.out;
  Result ev = Exec("events --format json --db " + db);
  ASSERT_EQ(ev.code, 0) << ev.out;
  auto events = nlohmann::json::parse(ev.out);
  ASSERT_EQ(events.size(), 1u) << ev.out;
  EXPECT_EQ(events[0]["articles"].size(), 2u);
  // A cut archive: what came before the cut is read, and the cut is named.
  std::ofstream(dir / "cut.warc", std::ios::binary) << archive.substr(0, archive.size() - 100);
  Result cut = Exec("report " + (dir / "cut.warc").string());
  EXPECT_EQ(cut.code, 3);
  EXPECT_NE(cut.out.find("cut.warc:record 2: the record is cut short"), std::string::npos) << cut.out;
  fs::remove_all(dir);
}

}  // namespace
