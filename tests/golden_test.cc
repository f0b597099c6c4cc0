// Golden files: every tests/data/<stage>/<name>.in is run through its stage
// and the result, line-oriented, must equal <name>.expected beside it, so a
// change of behaviour shows as a diff that reads like a review. After a
// change that is meant, run with CROSSCHECK_UPDATE_GOLDEN=1 to rewrite the
// expected files, and read the diff before committing it.
//
// A .in file holds one article, or several, each opened by a line
// "=== <id>" (optional "published: <date>" and "outlet: <name>" lines may
// follow it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "crosscheck/analysis/report.h"
#include "crosscheck/extract/document.h"
#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/report/render.h"
#include "crosscheck/text/sentences.h"
#include "test_util.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

fs::path DataDir() { return fs::path(CROSSCHECK_SOURCE_DIR) / "tests" / "data"; }

std::vector<Article> ReadIn(const fs::path& p) {
  std::string all = testing::ReadAll(p.string());
  std::vector<std::pair<std::string, std::string>> parts;  // id, text
  std::istringstream in(all);
  std::string line;
  std::vector<std::string> published, outlet;
  while (std::getline(in, line)) {
    if (line.rfind("=== ", 0) == 0) {
      parts.push_back({line.substr(4), ""});
      published.emplace_back();
      outlet.emplace_back();
      continue;
    }
    if (parts.empty()) {
      parts.push_back({p.stem().string(), ""});
      published.emplace_back();
      outlet.emplace_back();
    }
    if (parts.back().second.empty() && line.rfind("published: ", 0) == 0) {
      published.back() = line.substr(11);
      continue;
    }
    if (parts.back().second.empty() && line.rfind("outlet: ", 0) == 0) {
      outlet.back() = line.substr(8);
      continue;
    }
    parts.back().second += line + "\n";
  }
  std::vector<Article> out;
  for (size_t i = 0; i < parts.size(); ++i) {
    out.push_back(testing::Parse(parts[i].first, parts[i].second));
    out.back().published = published[i];
    if (!outlet[i].empty()) out.back().outlet = outlet[i];
  }
  return out;
}

std::string Sentences(const std::vector<Article>& arts) {
  std::string out;
  for (const auto& a : arts)
    for (const auto& s : text::SplitSentences(a.text, a.paragraphs))
      out += std::to_string(s.paragraph) + ": " + std::string(s.span.In(a.text)) + "\n";
  return out;
}

std::string Reader(const std::vector<Article>& arts) {
  std::string out;
  for (const auto& a : arts) {
    out += "title: " + a.title + "\n";
    if (!a.url.empty()) out += "url: " + a.url + "\n";
    if (!a.outlet.empty()) out += "outlet: " + a.outlet + "\n";
    if (!a.published.empty()) out += "published: " + a.published + "\n";
    for (const auto& p : a.paragraphs) out += "paragraph: " + std::string(p.In(a.text)) + "\n";
    for (const auto& r : a.removed)
      out += std::string("removed (") + ToString(r.reason) + "): " + r.text + "\n";
  }
  return out;
}

std::string Entities(const std::vector<Article>& arts) {
  auto x = extract::ExtractAll(arts);
  std::string out;
  for (const auto& e : x.entities) {
    out += e.name + " | " + extract::ToString(e.type);
    std::string aliases, roles;
    for (const auto& a : e.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
    for (const auto& r : e.roles) roles += (roles.empty() ? "" : ", ") + r;
    out += " | aliases: " + aliases + " | roles: " + roles + "\n";
  }
  return out;
}

std::string Quotes(const std::vector<Article>& arts) {
  auto x = extract::ExtractAll(arts);
  std::string out;
  for (const auto& d : x.documents)
    for (const auto& q : d.quotes) {
      std::string who =
          q.entity >= 0 ? x.entities[q.entity].name : (q.speaker.empty() ? "?" : q.speaker + " (unresolved)");
      out += who + " | " + (q.cue.empty() ? "-" : q.cue) + " | " + std::string(q.span.In(d.text())) +
             (q.embedded ? " [embedded]" : "") + (q.title ? " [title]" : "") + "\n";
    }
  return out;
}

std::string Dates(const std::vector<Article>& arts) {
  auto x = extract::ExtractAll(arts);
  static const char* kKinds[] = {"absolute", "weekday", "relative"};
  std::string out;
  for (const auto& d : x.documents)
    for (const auto& m : d.dates) {
      char buf[96];
      std::snprintf(buf, sizeof buf, " | y%d m%d d%d-%d wd%d off%d%s\n", m.year, m.month, m.day, m.end_day,
                    m.weekday, m.offset_days, m.night ? " night" : "");
      out += std::string(kKinds[m.kind]) + " | " + std::string(m.span.In(d.text())) + buf;
    }
  return out;
}

std::string Report(const std::vector<Article>& arts) {
  auto r = analysis::BuildReport(arts);
  return r.ok() ? report::ToMarkdown(*r) : "error: " + r.status().message() + "\n";
}

std::string RunStage(const std::string& stage, const std::vector<Article>& arts) {
  if (stage == "sentences") return Sentences(arts);
  if (stage == "reader") return Reader(arts);
  if (stage == "entities") return Entities(arts);
  if (stage == "quotes") return Quotes(arts);
  if (stage == "dates") return Dates(arts);
  if (stage == "report") return Report(arts);
  return "unknown stage " + stage + "\n";
}

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  for (const auto& stage : fs::directory_iterator(DataDir()))
    for (const auto& f : fs::directory_iterator(stage.path()))
      if (f.path().extension() == ".in")
        out.push_back(stage.path().filename().string() + "/" + f.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesExpected) {
  const std::string name = GetParam();
  const std::string stage = name.substr(0, name.find('/'));
  fs::path in = DataDir() / (name + ".in"), expected = DataDir() / (name + ".expected");
  std::string got = RunStage(stage, ReadIn(in));
  if (std::getenv("CROSSCHECK_UPDATE_GOLDEN")) {
    std::ofstream(expected, std::ios::binary) << got;
    GTEST_SKIP() << "rewrote " << expected;
  }
  ASSERT_TRUE(fs::exists(expected)) << expected << " is missing; run with CROSSCHECK_UPDATE_GOLDEN=1";
  EXPECT_EQ(got, testing::ReadAll(expected.string())) << "stage output differs from " << expected;
}

INSTANTIATE_TEST_SUITE_P(Stages, Golden, ::testing::ValuesIn(Cases()), [](const auto& info) {
  std::string n = info.param;
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
});

}  // namespace
}  // namespace crosscheck
