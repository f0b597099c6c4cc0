#include "crosscheck/analysis/report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "test_util.h"

namespace crosscheck::analysis {
namespace {

using crosscheck::testing::Parse;

std::vector<Article> Wildfire() {
  return {Parse("alpha",
                "Officials in Dunmore said 40 homes were destroyed by the wildfire on Saturday.\n"
                "Governor Lisa Park said the fire was started deliberately.\n"
                "“We will find whoever did this,” Park said.\n"),
          Parse("bravo",
                "The wildfire destroyed 55 homes in Dunmore on Saturday, fire officials said.\n"
                "Governor Lisa Park claimed the blaze had been started deliberately.\n"
                "The landowner, Carl Menzies, denied the claim and called it baseless.\n"
                "“We will find whoever did this and bring them to justice,” Park told reporters.\n"),
          Parse("charlie",
                "A wildfire swept through Dunmore on Saturday.\n"
                "Gov. Lisa Park said the fire had been started deliberately, but she offered no evidence.\n"
                "Carl Menzies rejected the accusation.\n"
                "A local bakery handed out free bread to the firefighters and their families.\n")};
}

TEST(BuildReport, WireCopiesCountOnceAsIndependentOutlets) {
  auto arts = Wildfire();
  std::string copy = arts[1].text + "Distributed by the wire service.\n";
  arts.push_back(Parse("delta", copy));
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sources.back().copy_of, "bravo");
  bool counted = false;
  for (const auto& f : r->facts) {
    bool has_copy = std::count(f.sources.begin(), f.sources.end(), "delta") > 0;
    if (!has_copy) continue;
    counted = true;
    EXPECT_EQ(f.independent, static_cast<int>(f.sources.size()) - 1);
    ASSERT_EQ(f.copies.size(), 1u);
    EXPECT_EQ(f.copies[0].second, "bravo");
  }
  EXPECT_TRUE(counted);
}

TEST(BuildReport, ACopyNeitherMakesFactsNorEmptiesExclusives) {
  auto arts = Wildfire();
  auto before = BuildReport(arts);
  ASSERT_TRUE(before.ok());
  arts.push_back(Parse("delta", arts[2].text + "Distributed by the wire service.\n"));
  auto after = BuildReport(arts);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->sources.back().copy_of, "charlie");
  auto exclusive_of = [](const Report& r, const std::string& source) {
    for (const auto& e : r.exclusive)
      if (e.source == source) return e.support.size();
    return size_t{0};
  };
  ASSERT_GT(exclusive_of(*before, "charlie"), 0u);
  EXPECT_EQ(exclusive_of(*after, "charlie"), exclusive_of(*before, "charlie"));
  EXPECT_EQ(exclusive_of(*after, "delta"), 0u);  // listed once, under the original
  for (const auto& f : after->facts) {
    std::set<std::string> s(f.sources.begin(), f.sources.end());
    EXPECT_FALSE(s.size() == 2 && s.count("charlie") && s.count("delta")) << f.statement;
  }
  EXPECT_EQ(after->facts.size(), before->facts.size());
}

TEST(BuildReport, WhoSaidItIsPartOfTheFact) {
  std::vector<Article> arts = {
      Parse("a",
            "Storms flooded the port of Velm on Tuesday.\n"
            "Mayor Ilse Varga said the flood defences had failed because of years of neglect.\n"),
      Parse("b",
            "The port of Velm flooded on Tuesday after storms.\n"
            "Engineer Tomas Rehn said the flood defences had failed because of years of neglect.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  bool port = false;
  for (const auto& f : r->facts) {
    ASSERT_EQ(f.support.size(), f.sources.size());
    bool varga = false, rehn = false;
    for (const auto& s : f.support) {
      varga |= s.sentence.find("Varga") != std::string::npos;
      rehn |= s.sentence.find("Rehn") != std::string::npos;
      port |= s.sentence.find("Storms flooded") != std::string::npos;
    }
    EXPECT_FALSE(varga && rehn) << "two speakers' words made one fact";
  }
  EXPECT_TRUE(port);
}

TEST(BuildReport, SummaryPlacesTheDenialAfterTheClaimAndAvoidsPronouns) {
  auto r = BuildReport(Wildfire());
  ASSERT_TRUE(r.ok());
  int denial = -1;
  for (size_t i = 0; i < r->summary.size(); ++i) {
    const std::string& t = r->summary[i].text;
    if (t.find("Menzies") != std::string::npos) denial = static_cast<int>(i);
    EXPECT_NE(t.rfind("He ", 0), 0u) << t;
    EXPECT_NE(t.rfind("She ", 0), 0u) << t;
  }
  ASSERT_GT(denial, 0) << "the contested claim's denial belongs in the summary";
  EXPECT_NE(r->summary[denial - 1].text.find("deliberately"), std::string::npos);
}

TEST(BuildReport, RefusesNoArticles) { EXPECT_FALSE(BuildReport({}).ok()); }

TEST(BuildReport, FactsCountOutletsAndKeepExactProvenance) {
  auto arts = Wildfire();
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->facts.empty());
  EXPECT_GE(r->facts[0].sources.size(), 2u);
  auto check = [&](const Support& s) {
    for (const auto& a : arts)
      if (a.id == s.source) {
        EXPECT_EQ(FoldSpace(s.span.In(a.text)), s.sentence);
        return;
      }
    ADD_FAILURE() << "unknown source " << s.source;
  };
  for (const auto& f : r->facts)
    for (const auto& s : f.support) check(s);
  for (const auto& c : r->claims)
    for (const auto& p : c.positions)
      for (const auto& s : p.support) check(s);
  for (const auto& t : r->timeline)
    for (const auto& s : t.support) check(s);
  for (const auto& e : r->exclusive)
    for (const auto& s : e.support) check(s);
}

TEST(BuildReport, NumberConflictBetweenOutlets) {
  auto r = BuildReport(Wildfire());
  ASSERT_TRUE(r.ok());
  bool found = false;
  for (const auto& c : r->conflicts) {
    if (c.kind != "number") continue;
    std::set<double> values;
    for (const auto& v : c.variants)
      if (v.number) values.insert(*v.number);
    found |= values.count(40) && values.count(55);
  }
  EXPECT_TRUE(found);
}

// Figures that are not about the same thing: several values in one
// sentence, a speaker's quoted claim against another's, sums spent on
// different things.
TEST(BuildReport, FiguresAboutDifferentThingsAreNoConflict) {
  std::vector<Article> arts = {
      Parse(
          "alpha",
          "In the Harlow poll, Mayor Tess Orrin won 41 percent while Councillor Ivo Brandt won 38 percent.\n"
          "\"The levy will raise $40 million for the harbour,\" Orrin said in Harlow.\n"
          "The Orrin campaign spent $5,150 on billboards in Harlow.\n"),
      Parse("bravo",
            "Tess Orrin led the Harlow poll with 44 percent, the pollster said.\n"
            "\"Her levy would cost families $90 million,\" Brandt said of the Harlow levy.\n"
            "In Harlow, the Orrin campaign spent $313 on coffee for volunteers.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  for (const auto& c : r->conflicts) {
    if (c.kind != "number") continue;
    std::set<double> values;
    for (const auto& v : c.variants)
      if (v.number) values.insert(*v.number);
    EXPECT_FALSE(values.count(38) || values.count(41)) << c.about;  // alpha's poll gives two values
    EXPECT_FALSE(values.count(40e6) && values.count(90e6)) << c.about;
    EXPECT_FALSE(values.count(5150) && values.count(313)) << c.about;
  }
}

// A sentence that is all quote, its speaker named in the sentence before,
// would read alone as the outlet's own words.
TEST(BuildReport, TheSummaryGivesNoQuoteWithoutItsSpeaker) {
  std::vector<Article> arts = {
      Parse("alpha",
            "Harbour to reopen\n\nThe storm closed the Harlow harbour for a week. \"We will rebuild the "
            "pier,\" "
            "Mayor Tess Orrin told the crowd. \"And we will do it fast. The harbour will reopen to fishing "
            "boats "
            "in May.\"\n"),
      Parse(
          "bravo",
          "Harlow harbour closed\n\nThe storm closed the Harlow harbour for a week. \"Thank you all,\" Orrin "
          "said at the quay. \"It was hard. The harbour will reopen to fishing boats in May.\"\n"),
      Parse("charlie", "Harlow storm\n\nThe storm closed the Harlow harbour for a week.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->summary.empty());
  for (const auto& line : r->summary) EXPECT_EQ(line.text.find("reopen"), std::string::npos) << line.text;
}

TEST(BuildReport, CompatiblePlaceDescriptionsAreNoConflictOppositeOnesAre) {
  auto located = [](const std::string& a, const std::string& b, const std::string& c) {
    std::vector<Article> arts = {
        Parse("a", "A dam burst near the Kessel plant, " + a + ", on Sunday. Farms were flooded.\n"),
        Parse("b", "The Kessel plant, " + b + ", lost power after the dam burst on Sunday.\n"),
        Parse("c", "Workers left the Kessel plant, " + c + ", after the dam burst on Sunday.\n")};
    auto r = BuildReport(arts);
    EXPECT_TRUE(r.ok());
    size_t variants = 0;
    for (const auto& k : r->conflicts)
      if (k.kind == "location") variants += k.variants.size();
    return variants;
  };
  EXPECT_EQ(located("west of Dornbach", "between Dornbach and Hessel", "in the country's northwest"), 0u);
  EXPECT_EQ(located("west of Dornbach", "northwest of Dornbach", "north of Dornbach"), 0u);
  EXPECT_EQ(located("west of Dornbach", "east of Dornbach", "between Dornbach and Hessel"), 2u);
}

TEST(BuildReport, TheReportSaysWhatDatesTheTimelineOrThatNothingDoes) {
  std::vector<Article> arts = {Parse("a", "A storm felled trees along the coast on Tuesday.\n"),
                               Parse("b", "Trees fell along the coast on Tuesday in a storm.\n")};
  auto undated = BuildReport(arts);
  ASSERT_TRUE(undated.ok());
  EXPECT_TRUE(undated->timeline.empty());
  EXPECT_TRUE(undated->dated_by.empty());
  arts[1].published = "2026-03-05";
  auto dated = BuildReport(arts);
  ASSERT_TRUE(dated.ok());
  EXPECT_EQ(dated->dated_by, "publication dates");
  ASSERT_FALSE(dated->timeline.empty());
  EXPECT_EQ(dated->timeline[0].date, "2026-03-03");  // the Tuesday up to that day
}

// Undated articles: what a stated date may anchor the timeline on.
std::string AnchorOf(const std::string& a, const std::string& b) {
  auto r = BuildReport({Parse("a", a + "\n"), Parse("b", b + "\n")});
  EXPECT_TRUE(r.ok());
  return r.ok() && r->first_date ? *r->first_date : "";
}

TEST(BuildReport, UndatedArticlesAnchorOnlyOnADateTheyCorroborate) {
  const std::string storm_a = "A storm felled trees along the coast on Tuesday. ";
  const std::string storm_b = "Trees fell along the coast on Tuesday in a storm. ";
  // One outlet's background date is not the story's day.
  EXPECT_EQ(AnchorOf(storm_a + "The mayor had warned of storms at a meeting on July 27, 2016.", storm_b), "");
  // Two outlets stating the day are.
  EXPECT_EQ(AnchorOf(storm_a + "It struck on March 3, 2026, before dawn.",
                     storm_b + "The storm of March 3, 2026 closed roads."),
            "2026-03-03");
  // A deadline both give is not a day on which anything happened.
  EXPECT_EQ(AnchorOf(storm_a + "Repairs must be done by April 9, 2026, the mayor said.",
                     storm_b + "Roads stay shut until April 9, 2026."),
            "");
  // A print line dates its copy; weekdays resolve around it.
  EXPECT_EQ(
      AnchorOf(storm_a + "A version of this article appears in print on March 5, 2026, on page A4.", storm_b),
      "2026-03-03");
  // A date written with the weekday most articles name pins the day, and
  // the year when none is given (the agreeing year nearest 2006: 2008).
  EXPECT_EQ(
      AnchorOf(storm_a + "The storm came ashore on Tuesday, December 9, the worst since 2006.", storm_b),
      "2008-12-09");
  EXPECT_EQ(AnchorOf(storm_a + "Its last landfall was on Sunday, March 7, 2021.", storm_b), "");
}

TEST(BuildReport, EachOutletsTreatmentOfAClaimCitesItsSentence) {
  std::vector<Article> arts = {
      Parse("a",
            "Governor Lena Vasko said the dam at Orsk had been sabotaged by saboteurs on Monday night.\n"),
      Parse("b", "Officials said the dam at Orsk had been sabotaged by saboteurs on Monday night.\n"),
      Parse("c", "The dam at Orsk was sabotaged by saboteurs on Monday night.\nWater reached the valley.\n"),
      Parse("d", "Rumours that the dam at Orsk was sabotaged by saboteurs on Monday night are false.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->claims.empty());
  std::map<std::string, std::string> treatment;
  for (const auto& t : r->claims[0].treatments) {
    treatment[t.source] = t.treatment;
    EXPECT_EQ(t.support.source, t.source);
    EXPECT_NE(t.support.sentence.find("dam at Orsk"), std::string::npos);
    EXPECT_FALSE(t.model.empty());
  }
  EXPECT_EQ(treatment["a"], "attributes");
  EXPECT_EQ(treatment["b"], "attributes");
  EXPECT_EQ(treatment["c"], "states");
  EXPECT_EQ(treatment["d"], "refutes");
}

TEST(BuildReport, TwoActorsSpeakingTogetherHoldNoPosition) {
  std::vector<Article> arts = {
      Parse("a", "Vorland and Kestia said the border talks in Anselm had collapsed on Monday night.\n"),
      Parse("b", "Minister Ada Rusk said the border talks in Anselm had collapsed on Monday night.\n"),
      Parse("c", "Envoy Piet Lorne said the border talks in Anselm had collapsed on Monday night.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->claims.empty());
  for (const auto& k : r->claims)
    for (const auto& p : k.positions)
      for (const auto& s : p.support) EXPECT_NE(s.source, "a") << p.actor;
}

TEST(BuildReport, SmallCountsConflictWithinOneFactOnly) {
  std::vector<Article> arts = {
      Parse("a",
            "The navy sank two pirate boats off the coast of Somalia on Tuesday morning.\n"
            "Both sides met in Mogadishu later.\n"),
      Parse("b",
            "The navy sank three pirate boats off the coast of Somalia on Tuesday morning.\n"
            "The two sides met in Mogadishu later.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  bool boats = false;
  for (const auto& k : r->conflicts) {
    if (k.kind != "number") continue;
    std::set<double> values;
    for (const auto& v : k.variants)
      if (v.number) values.insert(*v.number);
    boats |= values.count(2) && values.count(3);
    EXPECT_EQ(k.about.find("side"), std::string::npos) << k.about;
  }
  EXPECT_TRUE(boats);
}

TEST(BuildReport, RanksYearsAddressesAndModelNamesAreNoCounts) {
  std::vector<Article> arts = {Parse("a",
                                     "Vera Holm took the No. 2 job in the Senate after the 1983 season, "
                                     "police said of the 3400 block of "
                                     "Elm Street, where 14 AK-47 rifles were found in June.\n"),
                               Parse("b",
                                     "Vera Holm took the No. 3 job in the Senate after the 1978 season, "
                                     "police said of the 2200 block of "
                                     "Elm Street, where 14 AK-12 rifles were found on June 20.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  for (const auto& k : r->conflicts) {
    EXPECT_NE(k.kind, "date") << k.about;  // a month and a day of it agree
    for (const auto& v : k.variants)
      if (v.number) {
        EXPECT_NE(*v.number, 2) << k.about;
        EXPECT_NE(*v.number, 1983) << k.about;
        EXPECT_NE(*v.number, 3400) << k.about;
        EXPECT_NE(*v.number, 47) << k.about;
      }
  }
}

TEST(BuildReport, ClaimWithAssertionDenialAndEvidenceNote) {
  auto r = BuildReport(Wildfire());
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->claims.empty());
  const Claim& c = r->claims[0];
  bool park_asserts = false, menzies_denies = false;
  for (const auto& p : c.positions) {
    park_asserts |= p.actor == "Lisa Park" && p.stance == "asserts";
    menzies_denies |= p.actor == "Carl Menzies" && p.stance == "denies";
  }
  EXPECT_TRUE(park_asserts);
  EXPECT_TRUE(menzies_denies);
  ASSERT_TRUE(c.evidence.has_value());
  EXPECT_NE(c.evidence->find("No evidence"), std::string::npos);
}

TEST(BuildReport, NoDenialWhereNoneIsMade) {
  // "does not deny", and "told to lie" (what someone was told to do), are
  // no denials; "rejected" is.
  std::vector<Article> arts = {
      Parse("a",
            "Levy plan\n\nThe council statement does not deny that the city is open to raising the levy.\n"
            "The Gazette reported that the mayor told Ivo Kern to lie to the auditors about the levy.\n"),
      Parse("b",
            "Levy row\n\nMayor Ada Moss rejected the claim that she told Ivo Kern to lie to the auditors.\n"
            "The Gazette reported that the mayor told Ivo Kern to lie to the auditors about the levy.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  bool moss = false;
  for (const auto& c : r->claims)
    for (const auto& p : c.positions) {
      if (p.stance != "denies") continue;
      EXPECT_EQ(p.actor, "Ada Moss") << c.claim;
      moss = true;
    }
  EXPECT_TRUE(moss);
}

// The name of a show in quotation marks is no one's words; a capitalised
// exclamation is.
TEST(BuildReport, AShowsNameIsNoQuote) {
  std::vector<Article> arts = {
      Parse(
          "a",
          "Levy\n\nMayor Tess Orrin defended the levy on Sunday on Harbour TV\u2019s \u201cThis Week.\u201d "
          "\u201cThe levy will pay for the wall and nothing else,\u201d Orrin said.\n\nOn Monday she posted: "
          "\u201cStop The Tolls Now!\u201d\n"),
      Parse(
          "b",
          "Levy row\n\n\u201cThe levy will pay for the wall and nothing else,\u201d Mayor Tess Orrin said on "
          "\u201cThis Week.\u201d\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  bool tolls = false;
  for (const auto& q : r->quotes) {
    EXPECT_EQ(q.text.find("This Week"), std::string::npos) << q.text;
    tolls |= q.text.find("Stop The Tolls Now") != std::string::npos;
  }
  EXPECT_TRUE(tolls);
}

// A denial stands in the summary in a sentence that says whose it is, not
// as a quote alone.
TEST(BuildReport, ASummaryLineIsNoQuoteWithoutItsSpeaker) {
  std::vector<Article> arts = {
      Parse(
          "a",
          "Spill\n\nThe Ministry of Ports said the tanker Orla struck a rock near Kessel Point on Monday.\n\n"
          "About 400 tonnes of oil spilled near Kessel Point, the ministry said.\n\nCrews laid barriers "
          "along the shore.\n"),
      Parse(
          "b",
          "Spill row\n\nThe Ministry of Ports said the tanker Orla struck a rock near Kessel Point on Monday."
          "\n\n\u201cWe were at sea all week,\u201d union leader Ana Voss said on Tuesday. \u201cOur crew "
          "never "
          "hit anything out there, and the ministry story is false.\u201d\n\nAbout 400 tonnes of oil "
          "spilled, "
          "officials said.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  bool denied = false;
  for (const auto& k : r->claims)
    for (const auto& p : k.positions) denied |= p.stance == "denies";
  ASSERT_TRUE(denied);
  ASSERT_FALSE(r->summary.empty());
  for (const auto& line : r->summary) EXPECT_NE(line.text.rfind("\u201c", 0), 0u) << line.text;
}

TEST(BuildReport, QuotesGroupedExclusivesAndSummary) {
  auto r = BuildReport(Wildfire());
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->quotes.empty());
  EXPECT_EQ(r->quotes[0].sources.size(), 2u);
  EXPECT_EQ(r->quotes[0].speaker.value_or(""), "Lisa Park");
  bool bakery = false;
  for (const auto& e : r->exclusive)
    for (const auto& s : e.support) bakery |= s.sentence.find("bakery") != std::string::npos;
  EXPECT_TRUE(bakery);
  EXPECT_GE(r->summary.size(), 3u);
  EXPECT_LE(r->summary.size(), 8u);
  for (const auto& s : r->summary) EXPECT_FALSE(s.sources.empty());
}

// "rejected claims that ...": the clause names the claim denied; it is not
// read as a reference back to whatever claim leads the event.
TEST(BuildReport, ADenialThatNamesItsClaimAttachesOnlyToAClaimLikeIt) {
  std::vector<Article> arts = {
      Parse(
          "a",
          "Velm budget\n\nMayor Ilse Varga claimed the city budget would be balanced by May.\n"
          "Councillor Oskar Brandt rejected claims that he had hidden the harbour audit from the council.\n"),
      Parse("b",
            "Velm budget\n\nMayor Ilse Varga claimed the budget of the city would be balanced in May.\n")};
  auto r = BuildReport(arts);
  ASSERT_TRUE(r.ok());
  bool varga = false;
  for (const auto& k : r->claims)
    for (const auto& p : k.positions) {
      varga |= p.actor == "Ilse Varga";
      EXPECT_NE(p.actor, "Oskar Brandt") << k.claim;
    }
  EXPECT_TRUE(varga);
}

}  // namespace
}  // namespace crosscheck::analysis
