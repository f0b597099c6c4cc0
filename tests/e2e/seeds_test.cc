// End-to-end properties of the report on the seed corpus (../shared/corpus/seeds),
// as its README lists them. Asserts properties, not one frozen output.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "crosscheck/analysis/report.h"
#include "crosscheck/ingest/inputs.h"
#include "crosscheck/report/render.h"
#include "test_util.h"

namespace crosscheck {
namespace {

using analysis::Report;
using analysis::Support;

class Seeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string dir = testing::SharedDir() + "/corpus/seeds";
    if (!std::filesystem::exists(dir)) return;
    auto arts = ingest::ReadArticles({dir});
    ASSERT_TRUE(arts.ok()) << arts.status().ToString();
    articles_ = new std::vector<crosscheck::Article>(std::move(*arts));
    auto r = analysis::BuildReport(*articles_);
    ASSERT_TRUE(r.ok());
    report_ = new Report(std::move(*r));
  }
  void SetUp() override {
    if (!report_) GTEST_SKIP() << "../shared/corpus/seeds not found";
  }
  static const crosscheck::Article* ArticleById(const std::string& id) {
    for (const auto& a : *articles_)
      if (a.id == id) return &a;
    return nullptr;
  }
  static std::vector<const Support*> AllSupport() {
    std::vector<const Support*> out;
    for (const auto& f : report_->facts)
      for (const auto& s : f.support) out.push_back(&s);
    for (const auto& c : report_->conflicts)
      for (const auto& v : c.variants)
        for (const auto& s : v.support) out.push_back(&s);
    for (const auto& c : report_->claims) {
      for (const auto& p : c.positions)
        for (const auto& s : p.support) out.push_back(&s);
      for (const auto& s : c.evidence_support) out.push_back(&s);
    }
    for (const auto& e : report_->exclusive)
      for (const auto& s : e.support) out.push_back(&s);
    for (const auto& t : report_->timeline)
      for (const auto& s : t.support) out.push_back(&s);
    for (const auto& l : report_->summary)
      for (const auto& s : l.support) out.push_back(&s);
    return out;
  }
  static inline std::vector<crosscheck::Article>* articles_ = nullptr;
  static inline Report* report_ = nullptr;
};

TEST_F(Seeds, OneEntityPerPersonDespiteSpellings) {
  const analysis::EntityInfo* zelensky = nullptr;
  for (const auto& e : report_->entities) {
    std::set<std::string> forms(e.aliases.begin(), e.aliases.end());
    forms.insert(e.name);
    if (forms.count("Zelensky") || forms.count("Zelenskyy") || forms.count("Zelenskiy")) {
      EXPECT_EQ(zelensky, nullptr) << "Zelensky split into two entities";
      zelensky = &e;
      EXPECT_TRUE(forms.count("Zelensky") && forms.count("Zelenskyy") && forms.count("Zelenskiy"));
      EXPECT_EQ(e.type, "person");
      EXPECT_EQ(e.sources.size(), 5u);
    }
  }
  ASSERT_NE(zelensky, nullptr);
  int lavrov = 0;
  for (const auto& e : report_->entities) {
    bool has = e.name.find("Lavrov") != std::string::npos;
    for (const auto& a : e.aliases) has |= a == "Lavrov";
    if (has) {
      ++lavrov;
      EXPECT_EQ(e.name, "Sergei Lavrov");
      EXPECT_TRUE(std::count(e.roles.begin(), e.roles.end(), "Russian Foreign Minister"));
    }
  }
  EXPECT_EQ(lavrov, 1);
}

TEST_F(Seeds, SharedTrumpQuoteGroupedAcrossThreeOutlets) {
  bool found = false;
  for (const auto& q : report_->quotes) {
    bool offensive = q.text.find("one thing to be offensive") != std::string::npos;
    if (!offensive) continue;
    found = true;
    EXPECT_EQ(q.speaker.value_or(""), "Donald Trump");
    EXPECT_GE(q.sources.size(), 3u);
  }
  EXPECT_TRUE(found);
  // "he said" after Lavrov's words resolves to Lavrov somewhere in the quotes.
  bool lavrov = false;
  for (const auto& q : report_->quotes) lavrov |= q.speaker.value_or("") == "Sergei Lavrov";
  EXPECT_TRUE(lavrov);
}

TEST_F(Seeds, CaptionsCreditsSignOffsHeadingsRemoved) {
  std::multiset<std::string> reasons;
  for (const auto& s : report_->sources)
    for (const auto& r : s.removed) reasons.insert(ToString(r.reason));
  EXPECT_GE(reasons.count("photo caption"), 2u);
  EXPECT_GE(reasons.count("photo credit"), 2u);
  EXPECT_EQ(reasons.count("agency sign-off"), 1u);
  EXPECT_EQ(reasons.count("section heading"), 1u);
  EXPECT_EQ(reasons.count("headline after the body"), 1u);
  // Nothing removed is cited as content.
  std::vector<std::string> removed;
  for (const auto& s : report_->sources)
    for (const auto& r : s.removed) removed.push_back(analysis::FoldSpace(r.text));
  for (const Support* s : AllSupport())
    for (const auto& r : removed) EXPECT_EQ(s->sentence.find(r), std::string::npos) << r;
}

TEST_F(Seeds, ContestedClaimHasBothSidesAndEvidenceNote) {
  ASSERT_FALSE(report_->claims.empty());
  const auto& c = report_->claims[0];
  std::set<std::string> asserts, denies;
  for (const auto& p : c.positions) (p.stance == "asserts" ? asserts : denies).insert(p.actor);
  auto any = [](const std::set<std::string>& s, std::initializer_list<const char*> names) {
    for (auto n : names)
      if (s.count(n)) return true;
    return false;
  };
  EXPECT_TRUE(any(asserts, {"Sergei Lavrov", "Kremlin", "Russia", "Moscow"}));
  EXPECT_TRUE(any(denies, {"Volodymyr Zelensky", "Ukraine", "Kyiv", "Andrii Sybiha"}));
  ASSERT_TRUE(c.evidence.has_value());
  EXPECT_NE(c.evidence->find("No evidence"), std::string::npos);
  EXPECT_GE(c.evidence_support.size(), 2u);
}

TEST_F(Seeds, EveryOutletReportsTheCoreFact) {
  bool core = false;
  for (const auto& f : report_->facts)
    core |= f.sources.size() == 5 && f.statement.find("91") != std::string::npos &&
            f.statement.find("Novgorod") != std::string::npos;
  EXPECT_TRUE(core);
  // Facts are sorted by number of outlets.
  for (size_t i = 1; i < report_->facts.size(); ++i)
    EXPECT_GE(report_->facts[i - 1].sources.size(), report_->facts[i].sources.size());
}

TEST_F(Seeds, ConflictsExclusivesAndTimeline) {
  ASSERT_FALSE(report_->conflicts.empty());
  for (const auto& c : report_->conflicts) {
    std::set<std::string> srcs;
    for (const auto& v : c.variants) srcs.insert(v.sources.begin(), v.sources.end());
    EXPECT_GE(c.variants.size(), 2u);
    EXPECT_GE(srcs.size(), 2u);
  }
  EXPECT_GE(report_->exclusive.size(), 3u);
  std::set<std::string> dates;
  for (const auto& t : report_->timeline)
    if (!t.background) dates.insert(t.date);
  EXPECT_TRUE(dates.count("2025-12-29"));  // "Monday"
  EXPECT_TRUE(dates.count("2025-12-28"));  // "a day earlier"
  for (const auto& t : report_->timeline) {
    EXPECT_NE(t.date, "2025-11-27") << "a photo's date leaked into the timeline";
    EXPECT_NE(t.date, "2025-08-15") << "a photo's date leaked into the timeline";
  }
  ASSERT_TRUE(report_->first_date.has_value());
  EXPECT_EQ(*report_->first_date, "2025-12-28");
}

TEST_F(Seeds, ProvenanceIsExact) {
  size_t checked = 0;
  for (const Support* s : AllSupport()) {
    const crosscheck::Article* a = ArticleById(s->source);
    ASSERT_NE(a, nullptr) << s->source;
    EXPECT_EQ(analysis::FoldSpace(s->span.In(a->text)), s->sentence);
    // And the sentence is in the file as written (white space folded).
    std::string file =
        analysis::FoldSpace(testing::ReadAll(testing::SharedDir() + "/corpus/seeds/" + a->id + ".txt"));
    EXPECT_NE(file.find(s->sentence), std::string::npos) << s->sentence;
    ++checked;
  }
  for (const auto& q : report_->quotes)
    for (const auto& v : q.variants) {
      const crosscheck::Article* a = ArticleById(v.source);
      EXPECT_NE(analysis::FoldSpace(a->text).find(v.sentence), std::string::npos);
    }
  EXPECT_GT(checked, 50u);
}

TEST_F(Seeds, SummaryLeadsWithAgreementAndCites) {
  ASSERT_GE(report_->summary.size(), 3u);
  ASSERT_LE(report_->summary.size(), 8u);
  // The lede: an opening most outlets share, in words that are not a quote.
  EXPECT_TRUE(report_->summary[0].lede);
  EXPECT_GE(report_->summary[0].sources.size(), 3u);
  EXPECT_NE(report_->summary[0].text.substr(0, 1), "\"");
  EXPECT_NE(report_->summary[0].text.substr(0, 3), "\u201C");
  for (size_t i = 1; i < report_->summary.size(); ++i) EXPECT_FALSE(report_->summary[i].lede);
  for (const auto& s : report_->summary) {
    EXPECT_FALSE(s.sources.empty());
    // Its wording is one of the sources it cites.
    EXPECT_NE(std::find(s.sources.begin(), s.sources.end(), s.source), s.sources.end()) << s.text;
    // Each cited source with the sentence of its own that says it; the
    // wording's is the line itself.
    ASSERT_EQ(s.support.size(), s.sources.size()) << s.text;
    for (size_t k = 0; k < s.sources.size(); ++k) {
      EXPECT_EQ(s.support[k].source, s.sources[k]);
      if (s.sources[k] == s.source) EXPECT_EQ(s.support[k].sentence, s.text);
    }
  }
}

TEST_F(Seeds, RenderingsCarryTheSameContent) {
  std::string md = report::ToMarkdown(*report_);
  std::string html = report::ToHtml(*report_);
  auto json = report::ToJson(*report_);
  EXPECT_EQ(json["facts"].size(), report_->facts.size());
  for (const auto& f : report_->facts) {
    EXPECT_NE(html.find(report::EscapeHtml(f.statement)), std::string::npos);
    EXPECT_NE(md.find(f.id), std::string::npos);
  }
  for (const auto& c : report_->claims) EXPECT_NE(html.find(report::EscapeHtml(c.claim)), std::string::npos);
}

}  // namespace
}  // namespace crosscheck
