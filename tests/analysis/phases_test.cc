// The analysis phases one by one, on three short reports written for this
// test: a spill, its size given two ways, a claim and its denial, a word on
// evidence, dated by weekday against publication dates.
#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

#include "claims.h"
#include "context.h"
#include "crosscheck/analysis/report.h"
#include "crosscheck/extract/document.h"
#include "crosscheck/index/copies.h"
#include "crosscheck/ingest/inputs.h"
#include "test_util.h"
#include "timeline.h"

namespace crosscheck::analysis::internal {
namespace {

using crosscheck::testing::Parse;

std::vector<Article> Reports() {
  std::vector<Article> out;
  out.push_back(
      Parse("north",
            "A tanker spilled 400 tonnes of oil near Kessel Point on Monday, the Ministry of Ports said.\n\n"
            "The ministry said the tanker Orla had struck a rock while leaving the harbour.\n\n"
            "The Harbour Union denied that the Orla struck a rock near the harbour.\n\n"
            "Fishermen said no evidence of the cause had been shown to them.\n"));
  out.push_back(
      Parse("south",
            "The Ministry of Ports said the tanker Orla struck a rock as it left the harbour on Monday.\n\n"
            "About 400 tonnes of oil were spilled near Kessel Point, the ministry said.\n\n"
            "Crews laid floating barriers along the shore through the night.\n"));
  out.push_back(
      Parse("east",
            "Some 450 tonnes of oil spilled near Kessel Point after the tanker Orla struck a rock on Monday, "
            "the Ministry of Ports said.\n\n"
            "Volunteers cleaned seabirds at a shelter in the nearby town of Marro.\n"));
  out[0].published = "2026-03-04T09:00:00Z";  // a Wednesday
  out[1].published = "2026-03-03T18:00:00Z";
  out[2].published = "2026-03-04T07:00:00Z";
  return out;
}

// Articles extracted and ready for the phases (the context refers to the
// extraction and the options).
struct Analysed {
  explicit Analysed(std::vector<Article> a)
      : articles(std::move(a)), x(extract::ExtractAll(articles)), c(x, options) {}
  std::vector<Article> articles;
  extract::Extraction x;
  ReportOptions options;
  Context c;
};

class Phases : public ::testing::Test {
 protected:
  Analysed analysed_{Reports()};
  Context& c_ = analysed_.c;
};

// Ingest signs a text by tokenizing it whole; the report signs it from its
// sentences' tokens: both must agree, or a copy would be found by one only.
TEST(CopySignature, EqualsTheSignatureOfTheWholeText) {
  std::vector<std::string> files;
  for (const char* dir : {"/corpus/seeds", "/corpus/ecbplus", "/corpus/duc2007/duc2007_testdocs/main/D0701A"})
    files.push_back(crosscheck::testing::SharedDir() + dir);
  auto read = ingest::ReadArticles(files);
  ASSERT_TRUE(read.ok()) << read.status().message();
  std::vector<Article> articles = std::move(*read);
  articles.push_back(Parse("plain", "No sentence ends here"));
  articles.push_back(
      Parse("marks", "DATELINE --\n\n\"Quoted,\" he said. U.S. officials' 2.5% rise.\n\nBy A. Writer"));
  ASSERT_GT(articles.size(), 800u);
  auto x = extract::ExtractAll(articles);
  for (size_t d = 0; d < articles.size(); ++d)
    EXPECT_EQ(CopySignature(x.documents[d]), index::TextSignature(articles[d].text)) << articles[d].id;
}

TEST(Claims, TrimClaimDropsADanglingEnd) {
  EXPECT_EQ(TrimClaim("some 234 miles of border wall, a"), "some 234 miles of border wall");
  EXPECT_EQ(TrimClaim("he fired her after the firing, and the"), "he fired her after the firing");
  EXPECT_EQ(TrimClaim("the dam was sabotaged"), "the dam was sabotaged");
  EXPECT_EQ(TrimClaim("a"), "a");
}

TEST_F(Phases, FactsCountEachOutletOnce) {
  Report r;
  BuildFacts(c_, r);
  ASSERT_FALSE(r.facts.empty());
  const Fact& top = r.facts.front();
  EXPECT_EQ(top.sources.size(), 3u) << top.statement;
  EXPECT_EQ(top.independent, 3);
  std::set<std::string> outlets;
  for (const auto& s : top.support) EXPECT_TRUE(outlets.insert(s.source).second) << "one sentence per outlet";
}

TEST_F(Phases, ConflictsFindTheTwoSizes) {
  Report r;
  BuildFacts(c_, r);
  BuildConflicts(c_, r);
  bool tonnes = false;
  for (const auto& k : r.conflicts) {
    if (k.kind != "number") continue;
    std::set<double> values;
    for (const auto& v : k.variants)
      if (v.number) values.insert(*v.number);
    tonnes |= values.count(400) && values.count(450);
  }
  EXPECT_TRUE(tonnes);
}

TEST_F(Phases, ClaimItemsCarryActorsAndStances) {
  std::vector<Item> items = CollectItems(c_);
  bool ministry_asserts = false, union_denies = false;
  for (const auto& it : items) {
    ministry_asserts |=
        it.actor.find("Ministry of Ports") != std::string::npos && it.stance == Stance::kAsserts;
    union_denies |= it.actor.find("Harbour Union") != std::string::npos && it.stance == Stance::kDenies;
  }
  EXPECT_TRUE(ministry_asserts);
  EXPECT_TRUE(union_denies);
}

TEST(Claims, AnEventOrAMannerToldIsNoClaim) {
  std::vector<Article> arts = {
      Parse("a",
            "Title\n\nThe mayor recalled when she was campaigning in the valley last spring.\n\nThe mayor "
            "explained how the new levy would be collected.\n\nThe mayor said the levy would fund the "
            "harbour repairs.\n")};
  Analysed a(std::move(arts));
  std::vector<Item> items = CollectItems(a.c);
  ASSERT_EQ(items.size(), 1u);
  const auto& doc = a.c.Doc(items[0].doc);
  EXPECT_EQ(doc.attributions[items[0].att].cue, "said");
}

TEST(Claims, QuestionsAskedAndAlternativesAreNoDoubt) {
  std::vector<Article> arts = {
      Parse("a",
            "Title\n\nMayor Tess Orrin said she would ask the board some tough questions about the levy.\n\n"
            "Orrin said that whether residents rent or own, the levy would be fair.\n\n"
            "Councillor Ian Brandt said it was an open question whether the levy would pass.\n")};
  Analysed a(std::move(arts));
  int orrin = 0, brandt = 0;
  for (const auto& it : CollectItems(a.c)) {
    if (it.actor.find("Orrin") != std::string::npos) {
      EXPECT_EQ(it.stance, Stance::kAsserts) << it.actor;
      ++orrin;
    }
    if (it.actor.find("Brandt") != std::string::npos) {
      EXPECT_EQ(it.stance, Stance::kQuestions);
      ++brandt;
    }
  }
  EXPECT_EQ(orrin, 2);
  EXPECT_EQ(brandt, 1);
}

// Certainty ("no doubt"), a possibility named before its noun, "maybe"
// grading an amount, a question asking for information or a favour, a
// question named as a topic and "questionable" doubt nothing; "it was
// possible that" does.
TEST(Claims, CertaintyAndRequestsForInformationAreNoDoubt) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nCouncillor Ian Brandt said there was no doubt the levy would pass.\n\nEditor Ola Berg asked "
      "Mayor Tess Orrin what the levy would cost.\n\nBrandt asked her if she could explain the levy.\n\nThe "
      "Harbour Board said it was reviewing the mayor for possible breaches of the levy rules.\n\nOn the "
      "question of "
      "why the levy rose, Orrin said costs had grown.\n\nEngineer Ivo Kern said the repairs were getting "
      "closer, maybe very close, to the end.\n\nThe Harbour Board said the mayor had questionable expenses."
      "\n\nAuditor Ana Voss said it was possible the levy would fail.\n")};
  Analysed a(std::move(arts));
  int asserts = 0, questions = 0;
  for (const auto& it : CollectItems(a.c)) {
    const bool voss = it.actor.find("Voss") != std::string::npos;
    EXPECT_EQ(it.stance, voss ? Stance::kQuestions : Stance::kAsserts) << it.actor;
    asserts += it.stance == Stance::kAsserts;
    questions += it.stance == Stance::kQuestions;
  }
  EXPECT_EQ(asserts, 5);  // Brandt's certainty, the board's two, Orrin's costs, Kern's degree
  EXPECT_EQ(questions, 1);
}

// "false" said of something told denies it ("the claims were false",
// "falsely promised", "false allegations"); a thing someone is charged with
// making false ("filing false records") is no denial.
TEST(Claims, FalseRecordsAreNoDenialButFalseClaimsAre) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nProsecutors said the mayor had filed false records for years.\n\nMayor Tess Orrin said "
      "the claims were false.\n\nCouncillor Ian Brandt said the mayor had falsely promised a new bridge.\n\n"
      "Auditor Ana Voss said the false allegations had hurt the town.\n")};
  Analysed a(std::move(arts));
  int denies = 0, prosecutors = 0;
  for (const auto& it : CollectItems(a.c)) {
    if (it.actor.find("rosecutors") != std::string::npos) {
      EXPECT_EQ(it.stance, Stance::kAsserts);
      ++prosecutors;
    }
    denies += it.stance == Stance::kDenies;
  }
  EXPECT_EQ(prosecutors, 1);
  EXPECT_EQ(denies, 3);
}

// Not knowing whether, or setting out to see whether, asks; wondering, being
// unsure or finding it too early to say whether doubts.
TEST(Claims, AnInquiryIsNoDoubtButWonderingIs) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nCouncillor Ian Brandt said he did not know whether the mayor had read the audit.\n\nMayor "
      "Tess "
      "Orrin said she had told the clerks to see whether the levy was paid.\n\nAuditor Ana Voss said she "
      "wondered whether the levy was legal.\n\nEngineer Ivo Kern said it was too early to say whether the "
      "wall would hold.\n")};
  Analysed a(std::move(arts));
  int voss = 0, kern = 0;
  for (const auto& it : CollectItems(a.c)) {
    if (it.stance != Stance::kQuestions) continue;
    voss += it.actor.find("Voss") != std::string::npos;
    kern += it.actor.find("Kern") != std::string::npos;
    EXPECT_TRUE(it.actor.find("Brandt") == std::string::npos && it.actor.find("Orrin") == std::string::npos)
        << it.actor;
  }
  EXPECT_GE(voss, 1);
  EXPECT_GE(kern, 1);
}

TEST(Claims, RhetoricInAQuoteIsNoStanceAndTheAgencyReportingAQuoteIsNoActor) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\n\"The waste and the cheating have already happened, and we must repair it,\" Mayor Tess "
      "Orrin "
      "said.\n\n\"Nobody will need to wonder whether I can finish it,\" Orrin said.\n\n\"If possible, we "
      "will "
      "explain the plan again,\" Orrin said.\n\n\"My job is to "
      "lead,\" Orrin said in 2014, according to the AP.\n\n\"It is destructive to the fabric of the town,\" "
      "Orrin said.\n\nCity officials denied that the budget was "
      "late.\n")};
  Analysed a(std::move(arts));
  int asserts = 0, denies = 0;
  for (const auto& it : CollectItems(a.c)) {
    EXPECT_EQ(it.actor.find("AP"), std::string::npos) << it.actor;
    if (it.actor.find("Orrin") != std::string::npos) {
      EXPECT_EQ(it.stance, Stance::kAsserts);
      ++asserts;
    }
    denies += it.stance == Stance::kDenies;
  }
  EXPECT_EQ(asserts, 5);
  EXPECT_EQ(denies, 1);  // the officials'
}

// An outlet that reports what someone said is the channel, not an actor
// ("..., the Harbour Gazette reported"), unless the words are its own; and
// a possibility a speaker names ("a possible arson") is no doubt.
TEST(Claims, TheOutletReportingSomeonesWordsIsNoActorAndANamedPossibilityNoDoubt) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nFire chief Ana Voss said the department was treating the blaze as suspicious, the Harbour "
      "Gazette reported.\n\nThe blaze caused about $2 million in damage, the Harbour Gazette reported.\n\n"
      "Officials said they were treating the fire as a possible arson.\n\nOfficials said it was possible "
      "possibly failed.\n")};
  Analysed a(std::move(arts));
  int gazette = 0, voss = 0, questions = 0;
  for (const auto& it : CollectItems(a.c)) {
    gazette += it.actor.find("Gazette") != std::string::npos;
    voss += it.actor.find("Voss") != std::string::npos;
    questions += it.stance == Stance::kQuestions;
  }
  EXPECT_EQ(voss, 1);
  EXPECT_EQ(gazette, 1);    // its own report of the damage, not Voss's words
  EXPECT_EQ(questions, 1);  // "possibly failed", not "a possible arson"
}

// A claim is worded by an assertion that reads as a statement, not by what
// follows a cue that takes an object ("urged Governor Ames not to close").
TEST(Claims, TheWordingIsAStatementNotTheRestOfACuesPhrase) {
  std::vector<Article> arts = {
      Parse("a",
            "Title\n\nSenator Tom Rhee urged Governor Lena Ames not to close the Vell river bridge to "
            "trucks.\n"),
      Parse("b", "Title\n\nGovernor Lena Ames said she would close the Vell river bridge to trucks.\n"),
      Parse("c",
            "Title\n\nOn Friday, Mayor Ida Kern of Osby urged Governor Lena Ames not to close the Vell river "
            "bridge to heavy trucks.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  bool found = false;
  for (const auto& k : r->claims) {
    EXPECT_EQ(k.claim.find("Ames not to"), std::string::npos) << k.claim;
    found |= k.claim.find("would close the Vell river bridge") != std::string::npos;
  }
  EXPECT_TRUE(found);
}

// A sentence that also writes the other outlet's figure agrees with it:
// "58 wins" against "58-3 with 51 wins coming by knockout" is no conflict,
// "120 firefighters" against "150 firefighters" is.
TEST(Conflicts, ASentenceWritingTheOtherFigureAgreesWithIt) {
  std::vector<Article> arts = {
      Parse("a",
            "Bout\n\nBoxer Ivo Lenz improved to a career record of 58 wins and three defeats in Bern.\n\n"
            "About 120 firefighters fought the blaze at the Bern arena on Sunday.\n"),
      Parse("b",
            "Bout\n\nBoxer Ivo Lenz improved to 58-3 in Bern, with 51 wins coming by knockout.\n\n"
            "About 150 firefighters fought the blaze at the Bern arena on Sunday.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->conflicts.size(), 1u);
  EXPECT_NE(r->conflicts[0].about.find("firefighters"), std::string::npos) << r->conflicts[0].about;
}

// A sentence whose quotation marks do not pair up begins or ends inside a
// quote; the summary gives the fact in another outlet's sentence.
TEST(Summary, ASentenceInsideAQuoteIsNoSummaryLine) {
  std::vector<Article> arts = {
      Parse("a",
            "Bridge\n\n\"The work was hard.\nWe are proud of it, \" said Mayor Tom Hale, who opened the "
            "new Vell bridge on Monday after two years of repairs.\n"),
      Parse("b",
            "Bridge\n\nMayor Tom Hale opened the new Vell bridge on Monday after two years of repairs, "
            "saying the town was proud of it.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->summary.empty());
  for (const auto& line : r->summary)
    EXPECT_EQ(std::count(line.text.begin(), line.text.end(), '"') % 2, 0) << line.text;
}

TEST_F(Phases, TheDenialAnswersTheClaimItDisputes) {
  std::vector<Item> items = CollectItems(c_);
  std::vector<const std::vector<Feature>*> sets;
  for (const auto& it : items) sets.push_back(&it.features);
  auto sharing = c_.SharingPairs(sets);
  auto claims = GroupAssertions(c_, items, sharing);
  ASSERT_FALSE(claims.empty());
  // The rock: asserted by the ministry in more than one outlet.
  int rock = -1;
  for (size_t g = 0; g < claims.size(); ++g)
    for (int i : claims[g]) {
      const auto& doc = c_.Doc(items[i].doc);
      if (doc.Text(doc.attributions[items[i].att].content).find("rock") != std::string_view::npos)
        rock = static_cast<int>(g);
    }
  ASSERT_GE(rock, 0);
  EXPECT_GE(OutletsOf(items, claims[rock]), 2u);
  auto responses = AttachResponses(c_, items, claims, sharing);
  bool denied = false;
  for (int i : responses[rock]) denied |= items[i].stance == Stance::kDenies;
  EXPECT_TRUE(denied);
  auto kept = KeepClaims(c_, items, claims, responses);
  ASSERT_FALSE(kept.empty());
  EXPECT_EQ(kept.front(), rock) << "a contested claim comes first";
  auto evidence = EvidenceOf(c_, items, claims, kept);
  Claim shown = RenderClaim(c_, items, claims[kept[0]], responses[kept[0]], evidence[0], 0);
  EXPECT_EQ(shown.id, "k1");
  ASSERT_TRUE(shown.evidence.has_value());
  EXPECT_NE(shown.evidence->find("No evidence"), std::string::npos) << *shown.evidence;
}

// A dispute needs two sides: what a speaker rejects is no answer to their
// own claim ("rejects calls for ..., saying ..."), while another's denial is.
// A fact is worded in an outlet's own voice rather than by someone's quote.
TEST(Facts, AFactIsWordedInAnOutletsOwnVoice) {
  std::vector<Article> arts = {
      Parse(
          "a",
          "Levy\n\nStorms damaged the harbour wall in Kessel last week.\n\n\"The harbour wall in Kessel will "
          "be repaired by June,\" Orrin said.\n"),
      Parse("b",
            "Repairs\n\nThe harbour wall in Kessel will be repaired by June, Mayor Tess Orrin said on "
            "Monday.\n\n"
            "Storms damaged the wall last week.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  bool found = false;
  for (const auto& f : r->facts) {
    if (f.statement.find("repaired") == std::string::npos) continue;
    found = true;
    EXPECT_NE(f.statement.front(), '"') << f.statement;
  }
  EXPECT_TRUE(found);
}

// A denial that names no claim answers none: "reported by" is a verb, not
// "the report"; "the alleged attack" names the claim.
TEST(Claims, AReportingVerbIsNoAnaphor) {
  std::vector<Article> arts = {
      Parse("a",
            "Audit\n\nCouncillor Ian Brandt said the mayor had hidden the harbour audit from the board.\n"),
      Parse("b",
            "Audit row\n\nCouncillor Ian Brandt said the mayor hid the harbour audit from the board "
            "members.\n"),
      Parse("c",
            "Letter\n\nIn a letter reported by the Gazette, Mayor Tess Orrin wrote: \u201cWhat the ferry "
            "company says about the new bridge is false.\u201d\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->claims.empty());
  for (const auto& k : r->claims)
    for (const auto& p : k.positions) EXPECT_EQ(p.actor.find("Orrin"), std::string::npos) << k.claim;
}

TEST(Claims, NoOneDisputesTheirOwnClaim) {
  std::vector<Article> arts = {
      Parse("a",
            "Levy\n\nMayor Tess Orrin said the new levy would pay for the harbour wall repairs.\n\nOrrin "
            "rejected calls for a harbour wall levy on boats, saying the new levy would pay for the "
            "repairs.\n"),
      Parse("b",
            "Levy\n\nMayor Tess Orrin said the new levy would pay for repairs to the harbour wall.\n\n"
            "Councillor Ian Brandt denied that the new levy would pay for the harbour wall repairs.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  bool brandt = false;
  for (const auto& k : r->claims)
    for (const auto& p : k.positions) {
      if (p.actor.find("Orrin") != std::string::npos) EXPECT_EQ(p.stance, "asserts") << k.claim;
      brandt |= p.actor.find("Brandt") != std::string::npos && p.stance == "denies";
    }
  EXPECT_TRUE(brandt);
}

TEST_F(Phases, TimelineResolvesWeekdaysFromPublicationDates) {
  const int year = LatestYear(c_);
  EXPECT_EQ(year, 2026);
  const text::Date anchor = FindAnchor(c_, year);
  EXPECT_EQ(text::ToIso(anchor), "2026-03-04");  // the most common publication day
  auto resolved = ResolveDates(c_, 0, anchor, year);
  ASSERT_FALSE(resolved.empty());
  EXPECT_EQ(text::ToIso(resolved[0].start), "2026-03-02");  // "Monday" up to Wednesday's article
  std::vector<Entry> all;
  for (int d = 0; d < 3; ++d) {
    auto e = EntriesOf(c_, d, ResolveDates(c_, d, anchor, year), anchor);
    all.insert(all.end(), e.begin(), e.end());
  }
  size_t before = all.size();
  auto merged = MergeEntries(c_, all);
  EXPECT_LT(merged.size(), before) << "the outlets' Monday sentences of one fact make one entry";
  for (const auto& e : merged) EXPECT_EQ(text::ToIso(e.start), "2026-03-02") << e.what;
}

// A place the event's own text puts inside another ("Kennebunkport, Maine")
// also stands for the larger place, so "met in Maine" and "met at
// Kennebunkport" share it; two regions listed ("Maine, Vermont") put
// nothing inside anything.
TEST(Context, APlaceStandsForThePlacesTheArticlesPutItIn) {
  std::vector<Article> a;
  a.push_back(Parse("one", "The two presidents met in Maine on Sunday and agreed to reopen the border.\n"));
  a.push_back(Parse("two",
                    "The two presidents met at Kennebunkport on Sunday and agreed to reopen the border.\n\n"
                    "Kennebunkport, Maine, has hosted such summits before.\n\n"
                    "Officials from Maine, Vermont and Quebec also attended.\n\n"
                    "Delegates came from Kyiv, Poland and Germany.\n\n"
                    "Kyiv sent its foreign minister.\n"));
  Analysed an(std::move(a));
  auto entity = [&](std::string_view name) {
    for (size_t e = 0; e < an.x.entities.size(); ++e)
      if (an.x.entities[e].name == name) return static_cast<int>(e);
    return -1;
  };
  auto has = [&](int doc, int sent, int e) {
    uint32_t id = an.c.IdOf("e:" + std::to_string(e));
    for (const auto& f : an.c.features[doc][sent])
      if (f.id == id) return true;
    return false;
  };
  const int maine = entity("Maine"), vermont = entity("Vermont"), port = entity("Kennebunkport");
  const int poland = entity("Poland");
  ASSERT_GE(poland, 0);
  ASSERT_GE(maine, 0);
  ASSERT_GE(vermont, 0);
  ASSERT_GE(port, 0);
  EXPECT_TRUE(has(1, 0, maine)) << "Kennebunkport stands for Maine";
  EXPECT_FALSE(has(0, 0, port)) << "but Maine is not Kennebunkport";
  EXPECT_FALSE(has(1, 2, vermont) && has(1, 0, vermont)) << "a list contains nothing";
  EXPECT_FALSE(has(1, 4, poland)) << "nor does a city before a list of countries";
  EXPECT_GT(an.c.Similarity({0, 0}, {1, 0}), 0.6);
}

// A wire dateline opening a sentence is not part of what the sentence says:
// statements and summary lines show, and cite, what follows it.
TEST(Context, ADatelineIsNoPartOfTheStatement) {
  std::vector<Article> a;
  a.push_back(Parse("wire",
                    "COEUR D'ALENE, Idaho (AP) -- A jury on Thursday awarded $6 million to a family.\n\n"
                    "NATO said on Monday that its ships had left the port.\n"));
  a.push_back(Parse("paper",
                    "WASHINGTON \u2014 The Senate passed the bill late on Friday.\n\n"
                    "BONN (Reuters) - the talks went on.\n\n"
                    "JERUSALEM (AP) _ Two men were held on Sunday.\n\n"
                    "NICOSIA, November 19 (Xinhua) -- The talks resumed.\n"));
  Analysed an(std::move(a));
  auto body = [&](int d, int s) { return std::string(an.x.documents[d].Text(an.c.Body({d, s}))); };
  EXPECT_EQ(body(0, 0), "A jury on Thursday awarded $6 million to a family.");
  EXPECT_EQ(an.c.SentenceText({0, 0}), "A jury on Thursday awarded $6 million to a family.");
  EXPECT_EQ(body(0, 1), "NATO said on Monday that its ships had left the port.");
  EXPECT_EQ(body(1, 0), "The Senate passed the bill late on Friday.");
  EXPECT_EQ(body(1, 1), "BONN (Reuters) - the talks went on.");  // what follows is no sentence
  EXPECT_EQ(body(1, 2), "Two men were held on Sunday.");         // AP's wire dash
  EXPECT_EQ(body(1, 3), "The talks resumed.");
}

}  // namespace
}  // namespace crosscheck::analysis::internal
