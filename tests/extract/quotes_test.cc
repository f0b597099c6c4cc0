#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>

#include "crosscheck/extract/document.h"
#include "test_util.h"

namespace crosscheck::extract {
namespace {

using crosscheck::testing::Parse;

struct Found {
  std::string text, speaker;
};

// The indirect attributions of a document with cue `cue`.
std::vector<const Attribution*> WithCue(const Document& d, std::string_view cue) {
  std::vector<const Attribution*> out;
  for (const auto& a : d.attributions)
    if (!a.direct && a.cue == cue) out.push_back(&a);
  return out;
}

// One article's extraction and its indirect attributions with cue `cue`
// (held together: the attributions point into the extraction).
struct Cued {
  std::vector<Article> arts;
  Extraction x;
  std::vector<const Attribution*> found;
  std::string EntityName(size_t i) const {
    return found[i]->entity >= 0 ? x.entities[found[i]->entity].name : std::string();
  }
};

std::unique_ptr<Cued> WithCue(const std::string& body, std::string_view cue) {
  auto c = std::make_unique<Cued>();
  c->arts = {Parse("a", body)};
  c->x = ExtractAll(c->arts);
  c->found = WithCue(c->x.documents[0], cue);
  return c;
}

std::vector<Found> Quotes(const std::string& body) {
  static std::vector<Article> keep;
  keep = {Parse("q", body)};
  Extraction x = ExtractAll(keep);
  std::vector<Found> out;
  const auto& d = x.documents[0];
  for (const auto& q : d.quotes)
    out.push_back({std::string(d.Text(q.span)), q.entity >= 0 ? x.entities[q.entity].name : ""});
  return out;
}

// The speaker of an article's one quote, or how many quotes it has.
std::string OnlySpeaker(const std::string& body) {
  auto q = Quotes(body);
  return q.size() == 1 ? q[0].speaker : std::to_string(q.size()) + " quotes";
}

TEST(Quotes, SpeakerAfterAndBefore) {
  auto q = Quotes(
      "“We will rebuild every house,” Mayor Tom Reyes said on Friday.\n"
      "Council leader Ana Ortiz said: “The money is already there.”\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "We will rebuild every house");
  EXPECT_EQ(q[0].speaker, "Tom Reyes");
  EXPECT_EQ(q[1].speaker, "Ana Ortiz");
}

// A long apposition between the name and the cue.
TEST(Quotes, ANameSetOffByCommasAfterTheQuoteSpeaksThroughALongApposition) {
  EXPECT_EQ(
      OnlySpeaker(
          "\u201cThey treat the memo like scripture,\u201d Rep. Tom Reyes, D-Wash., the former head of the "
          "panel on housing, transport, parks and water rights in the river valley, told a local paper.\n"),
      "Tom Reyes");
}

// A participle after a comma is a cue ("..., writing “...”", ", denying
// that ..."); without the comma it is no speech ("spent a year writing a
// book").
TEST(Attributions, AParticipleAfterACommaIsACue) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nAna Roe later apologized for her post, writing \"I judged the two girls too quickly and "
      "I regret every word of it.\"\n"
      "Tom Hale answered the charge, denying that he had ever seen the letter.\n"
      "Ola Berg spent the year writing a book about the long war in the north.\n")};
  Extraction x = ExtractAll(arts);
  const Document& d = x.documents[0];
  ASSERT_EQ(d.quotes.size(), 1u);
  ASSERT_GE(d.quotes[0].entity, 0);
  EXPECT_EQ(x.entities[d.quotes[0].entity].name, "Ana Roe");
  auto denying = WithCue(d, "denying");
  ASSERT_EQ(denying.size(), 1u);
  EXPECT_EQ(denying[0]->speaker, "Tom Hale");
  EXPECT_EQ(denying[0]->cue_kind, lexicon::Cue::kDeny);
  EXPECT_TRUE(WithCue(d, "writing").empty());
}

// “... 'inner quote,'" closes with a straight mark after the inner one.
TEST(Quotes, AStraightMarkAfterAnInnerQuoteClosesACurlyQuote) {
  EXPECT_EQ(OnlySpeaker("\u201cBefore the vote she told me, 'You have my trust,'\" Lena Moss said.\n"),
            "Lena Moss");
}

// "“...” of the Berg budget, Ms. Holtz-Eakin said": the sentence runs
// on from the quote, its source stands after the last comma; a hyphenated
// name after an honorific is a name.
TEST(Quotes, AQuoteTheSentenceRunsOnFromHasItsSourceAfterTheLastComma) {
  EXPECT_EQ(OnlySpeaker("Dana Holtz-Eakin, a former director, and Ola Berg studied the plan.\n"
                        "\u201cI like the design\u201d of the Berg budget, Ms. Holtz-Eakin said.\n"),
            "Dana Holtz-Eakin");
}

// "..., Reyes said. “The other reason ...”": a quote opening the sentence
// after one that ends in its source and cue is that source's.
TEST(Quotes, AQuoteAfterASentenceEndingInItsSourceIsTheirs) {
  EXPECT_EQ(OnlySpeaker("The administration has been slow to act while talks go on, Tom Reyes said. \"The "
                        "other factor is the "
                        "election itself.\"\n"),
            "Tom Reyes");
}

// "Reyes touted his record. “We need ...”": a quote that is
// its sentence whole, after one opening with a person, is that person's;
// one with its own source after it is not.
TEST(Quotes, AWholeSentenceQuoteAfterOneOpeningWithAPersonIsTheirs) {
  EXPECT_EQ(OnlySpeaker(
                "Tom Reyes touted his record on jobs. \u201cWe need fair elections in every plant.\u201d\n"),
            "Tom Reyes");
  EXPECT_EQ(
      OnlySpeaker("Ana Roe wrote to the chairman. \"She has done nothing wrong,\" the long letter to the "
                  "chairman of the committee on oversight and reform in the House reads.\n"),
      "");
}

TEST(Quotes, DescribedSourceResolvesByRole) {
  auto q = Quotes(
      "Mayor Bill de Blasio visited the site on Sunday.\n"
      "\"We see no tie to any group,\" the mayor said.\n"
      "\"Roads stay closed,\" said the mayor.\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Bill de Blasio");
  EXPECT_EQ(q[1].speaker, "Bill de Blasio");
}

TEST(Quotes, DescribedSourceMatchesAnAbbreviatedOrOtherWordForTheRole) {
  auto q = Quotes(
      "Gov. Ilse Brandt of Ostmark signed the bill on Thursday. Rep. Karel Dvorak voted against it.\n"
      "\"I back this measure,\" the governor said.\n"
      "\"It was rushed,\" the four-term congressman said.\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Ilse Brandt");
  EXPECT_EQ(q[1].speaker, "Karel Dvorak");
}

TEST(Quotes, PronounAfterADescribedSubjectIsThatPerson) {
  auto q = Quotes(
      "Rep. Karel Dvorak spoke on Monday.\n"
      "The congressman also worried about his wife, Ines Maro, a longtime aide. \"I am protecting my "
      "family,\" he told reporters.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Karel Dvorak");
}

TEST(Quotes, DescribedSourceIsTheLatestPersonWithTheRole) {
  auto q = Quotes(
      "Mayor Ana Ruiz met Mayor Tomas Berg on Monday in a town hall.\n"
      "\"We agreed on the bridge,\" the mayor said.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Tomas Berg");
}

// A role known only from another article of the event names the person when
// one person of this article holds it, and no one when two do.
TEST(Quotes, RoleFromAnotherArticleOnlyWhenOnePersonFits) {
  std::vector<Article> arts = {
      Parse("a", "President Ana Ruiz and President Tomas Berg met in Lund on Monday.\n"),
      Parse("b", "Ruiz arrived first. \"We agreed on the bridge,\" the president said.\n"),
      Parse("c", "Ruiz and Berg arrived together. \"We agreed on the bridge,\" the president said.\n")};
  Extraction x = ExtractAll(arts);
  ASSERT_EQ(x.documents[1].quotes.size(), 1u);
  ASSERT_EQ(x.documents[2].quotes.size(), 1u);
  int b = x.documents[1].quotes[0].entity, c = x.documents[2].quotes[0].entity;
  ASSERT_GE(b, 0);
  EXPECT_EQ(x.entities[b].name, "Ana Ruiz");
  EXPECT_EQ(c, -1);
}

TEST(Quotes, TitleWordsAsSurnames) {
  auto q = Quotes(
      "The interview ran on Monday.\n"
      "\"I have never been edited,\" Larry King said.\n"
      "\"Not once,\" Mr. King told me.\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Larry King");
  EXPECT_EQ(q[1].speaker, "Larry King");
}

TEST(Quotes, PronounResolvesToTheSubject) {
  auto q = Quotes(
      "Mayor Tom Reyes visited the flooded school near Ana Ortiz's office.\n"
      "“It is worse than we feared,” he said.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Tom Reyes");
}

TEST(Quotes, APronounChainsBackOverSentencesItOpens) {
  // "He" opens the second sentence ahead of the name it mentions, so the
  // third sentence's "he" is still the mayor; the name after "Of" is what
  // he spoke about, not who spoke.
  auto q = Quotes(
      "“The bridge opens in May,” Mayor Tom Reyes said.\n"
      "He said Governor Paul Whitby “never answered our letters.”\n"
      "Of Whitby, he said, “We still hope he will visit.”\n");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[2].text, "We still hope he will visit.");
  EXPECT_EQ(q[2].speaker, "Tom Reyes");
}

TEST(Quotes, APrepositionsObjectIsNoSubject) {
  auto q = Quotes(
      "In a letter to Senator Ruth Calloway, Mayor Tom Reyes asked for more time.\n"
      "“We need one more winter,” he wrote.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Tom Reyes");
}

TEST(Quotes, APossessorIsNoSpeaker) {
  auto q = Quotes(
      "Mayor Tom Reyes compared his budget with Ruth Calloway's, saying “Ours was balanced.”\n"
      "Paul Whitby's lawyer said, “He will appeal.”\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Tom Reyes");
  EXPECT_EQ(q[1].speaker, "");
}

TEST(Quotes, APartyLabelIsNoSpeakerAndPluralTitlesEndNoSentence) {
  auto q = Quotes(
      "Mayor Tom Reyes wrote to Sens. Ruth Calloway and Paul Whitby on Monday.\n"
      "“We need one more winter,” he wrote.\n"
      "Calloway, D-Ore., replied, “He will have it.”\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Tom Reyes");
  EXPECT_EQ(q[1].speaker, "Ruth Calloway");
}

TEST(Quotes, InterruptedAndNestedQuotes) {
  auto q = Quotes(
      "“First,” Tom Reyes said, “we clear the roads.”\n"
      "“They called it ‘a minor leak’ and it was not,” said Tom Reyes.\n");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].speaker, "Tom Reyes");
  EXPECT_EQ(q[1].speaker, "Tom Reyes");
  EXPECT_EQ(q[2].text, "They called it ‘a minor leak’ and it was not");
  EXPECT_EQ(q[2].speaker, "Tom Reyes");
}

TEST(Quotes, ContinuationParagraphKeepsTheSpeaker) {
  auto q = Quotes(
      "“We have lost everything,” resident Maria Lindgren told reporters.\n"
      "“Nobody came to help us for two days. Nobody.”\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].speaker, "Maria Lindgren");
}

TEST(Quotes, ClauseBreakStopsAttribution) {
  auto q =
      Quotes("The union called the offer “an insult,” but Director Paul Evans said talks would go on.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_NE(q[0].speaker, "Paul Evans");
}

TEST(Attributions, IndirectSpeechAndAccordingTo) {
  std::vector<Article> arts = {
      Parse("a",
            "Police Chief Dana Wells said the bridge would stay closed until Friday.\n"
            "According to Dana Wells, three people were injured in the collapse.\n"
            "The claim was rejected by local officials as premature.\n")};
  Extraction x = ExtractAll(arts);
  const auto& d = x.documents[0];
  int indirect = 0;
  bool according = false, passive = false;
  for (const auto& a : d.attributions) {
    if (a.direct) continue;
    ++indirect;
    if (a.cue == "according") {
      according = true;
      EXPECT_EQ(d.Text(a.content), "three people were injured in the collapse");
    }
    if (a.cue == "rejected") {
      passive = true;
      EXPECT_EQ(a.speaker, "local officials");
    }
  }
  EXPECT_GE(indirect, 3);
  EXPECT_TRUE(according);
  EXPECT_TRUE(passive);
}

TEST(Attributions, ASourceANameDescribesAndNoSpeechInContinuedOn) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nAs the fight over Medicaid continued on Tuesday, the Halvorsen campaign said that the plan "
      "would end the program.\nThe senator continued to question the figures.\nThe mayor continued to spend "
      "the fund on roads.\n")};
  Extraction x = ExtractAll(arts);
  auto said = WithCue(x.documents[0], "said");
  ASSERT_EQ(said.size(), 1u);
  EXPECT_EQ(said[0]->speaker, "Halvorsen campaign");
  auto continued = WithCue(x.documents[0], "continued");
  ASSERT_EQ(continued.size(), 1u);  // "continued to question", not "continued on Tuesday" nor "to spend"
  EXPECT_EQ(continued[0]->speaker, "senator");
}

// "..., Ms. Roe said in an interview on television.": after the cue stand
// only where it was said; what was said comes first. Not so when the
// sentence opens with its own circumstance, nor for an apposition.
TEST(Attributions, WhatComesBeforeTheSourceIsSaidWhenOnlyACircumstanceFollowsTheCue) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nThe visit has \u201churt the ties between the two nations,\u201d Ms. Ana Roe said in an "
      "interview on a public television program.\n"
      "In a speech on Monday in Lund, Tom Hale vowed to cut the tax on fuel by half.\n"
      "His former aide, Ola Berg, also described at length how the office treated its staff.\n")};
  Extraction x = ExtractAll(arts);
  const Document& d = x.documents[0];
  auto said = WithCue(d, "said");
  ASSERT_EQ(said.size(), 1u);
  EXPECT_EQ(d.Text(said[0]->content), "The visit has \u201churt the ties between the two nations,\u201d");
  auto vowed = WithCue(d, "vowed");
  ASSERT_EQ(vowed.size(), 1u);
  EXPECT_EQ(d.Text(vowed[0]->content), "to cut the tax on fuel by half");
  auto described = WithCue(d, "described");
  ASSERT_EQ(described.size(), 1u);
  EXPECT_EQ(d.Text(described[0]->content), "at length how the office treated its staff");
}

// "28% of Green claims": a noun after a preposition and its modifier, no
// cue; "Ola Berg claims her stance ..." is one.
TEST(Attributions, ClaimsAfterAPrepositionAndAModifierIsANoun) {
  auto c = WithCue(
      "Title\n\nThe site judged 28% of Green claims to be wrong in its review.\n"
      "Ola Berg claims her stance on wages has not moved.\n",
      "claims");
  ASSERT_EQ(c->found.size(), 1u);
  EXPECT_EQ(c->found[0]->speaker, "Ola Berg");
}

// ", calling her tenure “ineffective”": what someone calls a thing in quotes
// is said, by the main clause's subject, also when it stands after an
// opening phrase ("In Tuesday's address the senator ..."); "calling on"
// says nothing.
TEST(Attributions, CallingAThingInQuotesIsTheMainSubjectsWords) {
  auto c = WithCue(
      "Title\n\nSenator Tom Hale spoke in Lund.\n"
      "In Tuesday's address the senator also went after Ana Roe, calling her record as minister "
      "\u201ctimid at the start and careless at the end.\u201d\n"
      "Ola Berg wrote to the board on Monday, calling on its members to resign at once.\n",
      "calling");
  ASSERT_EQ(c->found.size(), 1u);
  EXPECT_EQ(c->EntityName(0), "Tom Hale");
}

// "according to the survey", "according to aides close to both": a source
// with no name is the words after "to".
TEST(Attributions, AccordingToAnUnnamedSourceNamesItsWords) {
  auto c = WithCue(
      "Title\n\nHale is ahead of Roe, 51 percent to 44 percent, according to the survey.\n"
      "According to aides close to both men, the meeting went well.\n",
      "according");
  ASSERT_EQ(c->found.size(), 2u);
  EXPECT_EQ(c->found[0]->speaker, "the survey");
  EXPECT_EQ(c->found[1]->speaker, "aides close to both men");
}

TEST(Attributions, APersonDescribedRightBeforeTheCueIsTheSpeakerNotANameBefore) {
  std::vector<Article> arts = {
      Parse("a",
            "Title\n\nIn the video, Senator Ruth Ambler heads for the door while the reporter asks, "
            "\"Do you back the bill?\"\nAfter Ambler left, a young student said the senator had pushed "
            "him.\nAn Ambler campaign aide, though, said the "
            "vote had been fair.\n")};
  Extraction x = ExtractAll(arts);
  const auto& d = x.documents[0];
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "the reporter");
  bool student = false, aide = false;
  for (const auto& a : d.attributions) {
    if (a.direct || a.cue != "said") continue;
    if (a.sentence == 1) {
      student = true;
      EXPECT_EQ(a.speaker, "young student");
    } else {
      aide = true;
      EXPECT_EQ(a.speaker, "Ambler campaign aide");  // not Ambler
    }
  }
  EXPECT_TRUE(student);
  EXPECT_TRUE(aide);
}

TEST(Attributions, AParticipleSharesThePronounThatOpensTheSentence) {
  std::vector<Article> arts = {
      Parse("a",
            "Title\n\nMayor Tess Orrin spoke on Monday.\nShe then took a swipe at Harlow Daily and Channel "
            "Nine, saying that both had misreported the vote.\n")};
  Extraction x = ExtractAll(arts);
  auto saying = WithCue(x.documents[0], "saying");
  ASSERT_EQ(saying.size(), 1u);
  EXPECT_EQ(saying[0]->speaker, "She");
  ASSERT_GE(saying[0]->entity, 0);
  EXPECT_EQ(x.entities[saying[0]->entity].name, "Tess Orrin");
}

TEST(Attributions, AParticipleSharesTheDescribedSubjectOfItsSentence) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nA Harlow County judge rejected a request to unseal the divorce file of Oskar Brandt, saying "
      "that the courts had no business in the campaign.\n")};
  Extraction x = ExtractAll(arts);
  auto saying = WithCue(x.documents[0], "saying");
  ASSERT_EQ(saying.size(), 1u);
  EXPECT_EQ(saying[0]->speaker, "A Harlow County judge");
}

// A court and its papers speak ("A grand jury ... indicted the Lunds,
// saying"), the object of the main verb does not, and a court naming a
// thing is not the source ("court records indicated": the records are).
TEST(Attributions, ACourtSpeaksButNotItsRecords) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nMayor Ivo Lund and his wife, Ana Lund, spoke on Monday.\nA grand jury in Harlow indicted "
      "the Lunds on fraud charges, saying the couple misused the fund.\nThe lawsuit says the fund was "
      "drained.\nAfter court records indicated a plea deal, Lund said he was sorry.\n")};
  Extraction x = ExtractAll(arts);
  auto saying = WithCue(x.documents[0], "saying");
  ASSERT_EQ(saying.size(), 1u);
  EXPECT_EQ(saying[0]->speaker, "A grand jury");
  auto says = WithCue(x.documents[0], "says");
  ASSERT_EQ(says.size(), 1u);
  EXPECT_EQ(says[0]->speaker, "lawsuit");
  for (const auto* a : WithCue(x.documents[0], "indicated")) EXPECT_EQ(a->speaker, "court records");
}

// "Mr. Lund's office disputed": the office speaks, not a person named
// earlier in the sentence.
TEST(Attributions, AnOfficeSpeaksForItsOwner) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nThe Gazette stood by its report, its editor, Ana Voss, said after Mr. Lund\u2019s office "
      "disputed the account.\n")};
  Extraction x = ExtractAll(arts);
  auto disputed = WithCue(x.documents[0], "disputed");
  ASSERT_EQ(disputed.size(), 1u);
  EXPECT_NE(disputed[0]->speaker.find("office"), std::string::npos) << disputed[0]->speaker;
  EXPECT_EQ(disputed[0]->speaker.find("Voss"), std::string::npos) << disputed[0]->speaker;
}

// "“The president must ...,” he said": the role opening the quote is whom
// the words are about, not who says them.
TEST(Attributions, ARoleOpeningAQuoteIsNotItsSpeaker) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nPresident Ivo Lund spoke in Harlow on Monday.\n\nHarbour leader Tomas Berg urged Lund to "
      "reopen the port.\n\n\u201cThe president must reopen the port now,\u201d he said.\n")};
  Extraction x = ExtractAll(arts);
  const auto& d = x.documents[0];
  ASSERT_EQ(d.quotes.size(), 1u);
  ASSERT_GE(d.quotes[0].entity, 0);
  EXPECT_EQ(x.entities[d.quotes[0].entity].name, "Tomas Berg");
}

// "called the plan “a disaster”" gives a verdict; "called for a vote",
// "was called “the harbour tax”" and "so-called" give none.
TEST(Attributions, CallingSomethingInQuotesIsAVerdict) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nMayor Tess Orrin called the levy plan \u201ca disaster for the harbour\u201d on Monday.\n"
      "Councillor Ian Brandt called for a new vote on the levy.\nThe levy was called \u201cthe harbour "
      "tax\u201d by its critics.\n")};
  Extraction x = ExtractAll(arts);
  auto called = WithCue(x.documents[0], "called");
  ASSERT_EQ(called.size(), 1u);
  EXPECT_EQ(called[0]->speaker, "Tess Orrin");
}

// A poll, study or record speaks through what it shows or found; "police
// found the car" reports no one's words.
TEST(Attributions, APollShowsAndAStudyFinds) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nA new Harlow Gazette poll released Monday shows Mayor Tess Orrin leading by ten points.\n"
      "Police found the car near the river.\nThe audit found that the levy had been spent on roads.\n")};
  Extraction x = ExtractAll(arts);
  auto shows = WithCue(x.documents[0], "shows");
  ASSERT_EQ(shows.size(), 1u);
  EXPECT_NE(shows[0]->speaker.find("poll"), std::string::npos) << shows[0]->speaker;
  auto found = WithCue(x.documents[0], "found");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0]->speaker.find("audit"), std::string::npos) << found[0]->speaker;
}

// People a plural noun names speak without an article ("Civil rights
// activists say", "Economists say" opening the sentence).
TEST(Attributions, PeopleNamedByAPluralNounSpeak) {
  std::vector<Article> arts = {
      Parse("a",
            "Title\n\nCivil rights activists say the harbour police have been too harsh.\nEconomists say the "
            "levy will slow trade.\nMost voters say they will back the levy.\n")};
  Extraction x = ExtractAll(arts);
  std::vector<std::string> speakers;
  for (const auto* a : WithCue(x.documents[0], "say")) speakers.push_back(a->speaker);
  EXPECT_EQ(speakers, (std::vector<std::string>{"Civil rights activists", "Economists", "voters"}));
}

TEST(Attributions, AppositionNamesTheSpeakerAndAPossessorIsNone) {
  std::vector<Article> arts = {
      Parse("a",
            "Marta Lind, President Oskar Brandt's chief of staff, said the budget would pass on Friday.\n"
            "Brandt's lawyer has said the senator will not testify.\n")};
  Extraction x = ExtractAll(arts);
  const auto& d = x.documents[0];
  bool lind = false;
  for (const auto& a : d.attributions) {
    ASSERT_GE(a.entity, -1);
    if (a.sentence == 0) {
      ASSERT_GE(a.entity, 0);
      EXPECT_EQ(x.entities[a.entity].name, "Marta Lind");
      lind = true;
    }
    if (a.sentence == 1 && a.entity >= 0) EXPECT_NE(x.entities[a.entity].name, "Oskar Brandt") << a.speaker;
  }
  EXPECT_TRUE(lind);
}

TEST(Quotes, DescribedSourceOfOneCountryIsNotAnotherCountrysMinister) {
  std::vector<Article> arts = {
      Parse("a", "Ukrainian Foreign Minister Andrii Sybiha called the claim a fabrication.\n"),
      Parse("b",
            "Russian Foreign Minister Sergei Lavrov said drones had been launched.\n"
            "Ukraine's foreign minister also described the allegation as invented.\n")};
  Extraction x = ExtractAll(arts);
  bool found = false;
  for (const auto& a : x.documents[1].attributions) {
    if (a.sentence != 1) continue;
    found = true;
    ASSERT_GE(a.entity, 0) << a.speaker;
    EXPECT_EQ(x.entities[a.entity].name, "Andrii Sybiha");
  }
  EXPECT_TRUE(found);
}

TEST(Attributions, APronounSkipsAPersonOfTheOtherGender) {
  std::vector<Article> arts = {Parse("a",
                                     "Senator Tom Hale met Mrs. Ana Berg in Lund on Monday.\n"
                                     "Hale spoke first, and he kept his remarks short.\n"
                                     "She said the talks had failed.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* hale = nullptr;
  for (const auto& e : x.entities)
    if (e.name == "Tom Hale") hale = &e;
  ASSERT_NE(hale, nullptr);
  EXPECT_EQ(hale->gender, Entity::Gender::kMale);
  bool found = false;
  for (const auto& a : x.documents[0].attributions) {
    if (a.sentence != 2) continue;
    found = true;
    ASSERT_GE(a.entity, 0);
    EXPECT_EQ(x.entities[a.entity].name, "Ana Berg");
    EXPECT_EQ(x.entities[a.entity].gender, Entity::Gender::kFemale);
  }
  EXPECT_TRUE(found);
}

// "she told Mr. Lund": the one person named is the one spoken to; his
// honorific, not her pronouns, says who he is.
TEST(Attributions, AnHonorificOutweighsThePronounsOfWhoeverAddressesHim) {
  std::vector<Article> arts = {Parse("a",
                                     "Dana Roe, the adviser, spoke to the host Tom Lund on Tuesday.\n"
                                     "\u201cI will not guess at motives,\u201d she told Mr. Lund.\n"
                                     "She told Mr. Lund she was tired. She said it twice.\n"
                                     "\u201cWe have worked hard,\u201d she said.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* lund = nullptr;
  for (const auto& e : x.entities)
    if (e.name == "Tom Lund") lund = &e;
  ASSERT_NE(lund, nullptr);
  EXPECT_EQ(lund->gender, Entity::Gender::kMale);
  bool found = false;
  for (const auto& q : x.documents[0].quotes) {
    if (x.documents[0].Text(q.span).find("worked hard") == std::string_view::npos) continue;
    found = true;
    ASSERT_GE(q.entity, 0);
    EXPECT_EQ(x.entities[q.entity].name, "Dana Roe");
  }
  EXPECT_TRUE(found);
}

// What `crosscheck train genders` counts: each person of each article once,
// by the gender its honorifics, role words and pronouns give it.
TEST(GivenNames, CountsEachArticlesPeopleByTheirHonorifics) {
  GivenNameCounter c;
  for (int i = 0; i < 3; ++i)
    c.Add(Parse("a" + std::to_string(i), "Title\n\nMs. Dana Roe said on Monday that the plan had failed.\n"));
  c.Add(Parse("b", "Title\n\nMr. Ola Berg said on Monday that the plan had failed.\n"));
  std::string table = c.Write(3, 0.8);
  EXPECT_TRUE(table.starts_with("crosscheck-given-names 1\n"));
  EXPECT_NE(table.find("\ndana\t0\t3\n"), std::string::npos) << table;
  EXPECT_EQ(table.find("ola\t"), std::string::npos) << table;  // seen once
  EXPECT_NE(c.Write(1, 0.8).find("\nola\t1\t0\n"), std::string::npos);
}

// The compiled-in table (models/given_names.tsv) genders a person whom no
// honorific or pronoun does: "she" skips Tom for Hillary.
TEST(GivenNames, TheTableGendersAPersonNothingElseDoes) {
  std::vector<Article> arts = {Parse("a",
                                     "Title\n\nTom Berg met Hillary Lund in Oslo on Monday.\n"
                                     "\u201cThe talks went well,\u201d she said.\n")};
  Extraction x = ExtractAll(arts);
  ASSERT_EQ(x.documents[0].quotes.size(), 1u);
  const Quote& q = x.documents[0].quotes[0];
  ASSERT_GE(q.entity, 0);
  EXPECT_EQ(x.entities[q.entity].name, "Hillary Lund");
}

std::vector<AttributionRecord> Records(const std::string& body, std::string* text) {
  static std::vector<Article> keep;
  keep = {Parse("r", body)};
  Extraction x = ExtractAll(keep);
  *text = std::string(x.documents[0].text());
  return ListAttributions(x.documents[0]);
}

std::vector<std::string> DirectParts(const std::string& body) {
  std::string text;
  std::vector<std::string> out;
  for (const auto& r : Records(body, &text)) {
    if (!r.direct) continue;
    std::string joined;
    for (const Span& s : r.parts) joined += (joined.empty() ? "" : " | ") + text.substr(s.begin, s.size());
    out.push_back(joined);
  }
  return out;
}

TEST(Quotes, DoubledApostrophesAreQuoteMarks) {
  auto q = Quotes("''The dam will hold,'' said engineer Lena Moss.\n");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "The dam will hold");
  EXPECT_EQ(q[0].speaker, "Lena Moss");
}

TEST(Quotes, MixedMarksCloseTheQuote) {
  auto q = Quotes("“The dam will hold,\" engineer Lena Moss said. \"We checked it twice.”\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "The dam will hold");
  EXPECT_EQ(q[1].text, "We checked it twice.");
}

TEST(Attributions, QuoteWithoutItsOwnCueJoinsTheAttributionBefore) {
  auto d = DirectParts(
      "“The water came at night,” Lena Moss said on Sunday as she walked with her two sons along the broken "
      "levee behind the school. "
      "“We had no warning at all.”\n"
      "“Nobody listens,” a neighbour said.\n");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0], "The water came at night | We had no warning at all.");
  EXPECT_EQ(d[1], "Nobody listens");
}

TEST(Attributions, InterruptedQuoteIsOneAttribution) {
  auto d = DirectParts("“The report is ready,” Lena Moss said, “and it is alarming.”\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0], "The report is ready | and it is alarming.");
}

// A quote opening a sentence and left open at the paragraph's end runs to
// that end; what it says is no attribution of its own.
TEST(Quotes, AQuoteLeftOpenAtTheEndOfItsParagraphRunsToThatEnd) {
  auto d = DirectParts(
      "\u201cHe left a record of lawsuits,\u201d Lena Moss said. \u201cTom Hale says he can manage the "
      "city like his shop? Good luck.\n"
      "The crowd cheered.\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0],
            "He left a record of lawsuits | Tom Hale says he can manage the city like his shop? Good luck.");
}

// "said, adding “...”": the second quote is added, not woven into the first
// cue's clause.
TEST(Attributions, AQuoteAfterSaidAddingIsTheSpeakersToo) {
  auto d = DirectParts(
      "\"I understand how it hurts people,\" Lena Moss said, adding \"I have made many mistakes.\"\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0], "I understand how it hurts people | I have made many mistakes.");
}

// `,” Hale's longtime campaign adviser said in a talk with Radio Lund`:
// the description with its possessor, not the network after the cue.
TEST(Quotes, ADescriptionOpeningWithAPossessorSpeaks) {
  std::string text;
  auto recs = Records(
      "\u201cIt went too far,\u201d Hale's longtime campaign adviser said in a talk "
      "with Radio Lund.\n",
      &text);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].speaker, "Hale's longtime campaign adviser");
}

TEST(Attributions, MixedQuoteBelongsToReportedSpeech) {
  std::string text;
  auto recs = Records(
      "Engineer Lena Moss said that “the dam is safe for another decade, whatever the rain does this "
      "winter.”\n"
      "The ministry said the levee was “badly maintained” for years.\n",
      &text);
  for (const auto& r : recs) EXPECT_FALSE(r.direct) << text.substr(r.parts[0].begin, r.parts[0].size());
  ASSERT_FALSE(recs.empty());
}

TEST(Attributions, TranscriptTurnsNameTheirSpeaker) {
  std::string text;
  auto recs = Records(
      "Host Mara Quinn interviewed Senator Ivo Brandt on Sunday.\n"
      "\"QUINN: Will the bill pass this week?\n"
      "\"BRANDT: It will pass, and it will pass with votes from both sides.\n"
      "\"We have counted them twice.\n",
      &text);
  std::vector<std::string> turns;
  for (const auto& r : recs) {
    EXPECT_FALSE(r.direct);
    if (r.cue == ":") turns.push_back(r.speaker + "|" + text.substr(r.parts[0].begin, r.parts[0].size()));
  }
  EXPECT_EQ(turns,
            (std::vector<std::string>{"QUINN|Will the bill pass this week?",
                                      "BRANDT|It will pass, and it will pass with votes from both sides.",
                                      "BRANDT|We have counted them twice."}));
}

TEST(Attributions, AskedReportsAQuestionOnlyWhenThereIsOne) {
  std::string text;
  auto recs = Records(
      "Councillor Rita Vance asked whether the bridge would reopen before winter.\n"
      "Engineer Omar Reyes, asked for his view on the repairs, said the cables were sound.\n",
      &text);
  std::vector<std::string> cues;
  for (const auto& r : recs) cues.push_back(r.cue + "|" + text.substr(r.parts[0].begin, r.parts[0].size()));
  EXPECT_NE(std::find(cues.begin(), cues.end(), "asked|whether the bridge would reopen before winter"),
            cues.end())
      << ::testing::PrintToString(cues);
  for (const auto& c : cues) EXPECT_NE(c.rfind("asked|for his view", 0), 0u) << c;
}

TEST(Attributions, NeitherADashAsideNorAPlaceAfterOfIsTheSubject) {
  std::string text;
  std::vector<std::string> got;
  for (const auto& r : Records(
           "Bridge\n\n"
           "Mayor Tom Hale opened the bridge on Monday.\n"
           "A handful of councillors \u2014 including Rita Vance, a frequent critic of Mr. Hale \u2014 urged "
           "the mayor to close it again.\n"
           "Senator Ana Ortiz of Vermont said the repairs had cost too much.\n",
           &text))
    got.push_back(r.speaker + "|" + r.cue);
  EXPECT_EQ(got, (std::vector<std::string>{"Ana Ortiz|said"}));
}

// What someone goes on to add is theirs, though another person's quoted
// aside stands between, whatever type the tagger gave the name ("Reading",
// a surname and a town, "said ... \u2013 he \u201cclaimed ...\u201d \u2013 and added").
TEST(Attributions, WhatASpeakerAddsIsTheirsAcrossAQuotedAside) {
  std::string text;
  std::vector<std::string> got;
  for (const auto& r :
       Records("Escape\n\n"
               "Reading said that Abel Pratt used crutches in prison \u2013 he \u201cclaimed "
               "they were necessary\u201d \u2013 and added, \u201cSince he ran off, that is in "
               "doubt.\u201d\n",
               &text))
    if (r.cue == "added") got.push_back(r.speaker);
  EXPECT_EQ(got, (std::vector<std::string>{"Reading"}));
}

TEST(Attributions, ALoneCapitalLabelIsNotATranscript) {
  std::string text;
  for (const auto& r : Records("UPDATE: The bridge reopened on Monday morning.\n", &text))
    EXPECT_NE(r.cue, ":");
}

TEST(Attributions, APersonARelativeClauseDescribesIsTheSubject) {
  std::vector<Article> arts = {
      Parse("a",
            "Mill\n\n"
            "Jon Dale, who founded a co-operative called Green Acres, also disputed the figures.\n"
            "The mill will close in May, spokesman Tim Roe said.\n")};
  Extraction x = ExtractAll(arts);
  const auto& d = x.documents[0];
  bool dale = false, roe = false;
  for (const auto& a : d.attributions) {
    if (a.cue == "disputed") {
      dale = true;
      ASSERT_GE(a.entity, 0) << a.speaker;
      EXPECT_EQ(x.entities[a.entity].name, "Jon Dale");
      EXPECT_EQ(d.Text(a.content), "the figures");
    }
    if (a.cue == "said") {
      roe = true;
      // The role is the source's, not what it said.
      EXPECT_EQ(d.Text(a.content), "The mill will close in May");
    }
  }
  EXPECT_TRUE(dale);
  EXPECT_TRUE(roe);
}

TEST(Attributions, AClaimThatIsSaidAboutIsNoSecondAttribution) {
  std::vector<Article> arts = {
      Parse("a", "Water\n\nMayor Ann Holt said claims that the water was unsafe were false and damaging.\n")};
  Extraction x = ExtractAll(arts);
  ASSERT_EQ(x.documents[0].attributions.size(), 1u);
  EXPECT_EQ(x.documents[0].attributions[0].cue, "said");
}

TEST(Quotes, ANameInsideTheSpeakersDescriptionIsNotTheSpeaker) {
  static std::vector<Article> keep;
  keep = {Parse(
      "q", "Schools\n\nThe former Texas governor said on Friday: \"We never closed a single school.\"\n")};
  Extraction x = ExtractAll(keep);
  const auto& d = x.documents[0];
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "The former Texas governor");
  EXPECT_EQ(d.quotes[0].entity, -1);
}

TEST(Attributions, TheAgentOfAPassiveCueAndNoneWithoutOne) {
  std::vector<Article> arts = {
      Parse("a",
            "Port\n\n"
            "The closure was announced by Port Authority Director Lena Voss on Friday morning.\n"
            "Nurse Ida Park left early, and the new rules were announced on Monday at the hospital.\n")};
  Extraction x = ExtractAll(arts);
  const auto& d = x.documents[0];
  int announced = 0;
  for (const auto& a : d.attributions) {
    if (a.cue != "announced") continue;
    ++announced;
    ASSERT_GE(a.entity, 0) << a.speaker;
    EXPECT_EQ(x.entities[a.entity].name, "Lena Voss");
  }
  EXPECT_EQ(announced, 1);
}

TEST(Attributions, AnAppositionsOrganisationIsNotTheSpeaker) {
  std::vector<Article> arts = {
      Parse("a",
            "Farm\n\n"
            "Sen. Ruth Kell, the top Democrat on the Senate Agriculture Committee, also said the bill would "
            "fail.\n")};
  Extraction x = ExtractAll(arts);
  ASSERT_EQ(x.documents[0].attributions.size(), 1u);
  const auto& a = x.documents[0].attributions[0];
  ASSERT_GE(a.entity, 0) << a.speaker;
  EXPECT_EQ(x.entities[a.entity].name, "Ruth Kell");
}

TEST(Attributions, ThePresidentIsTheOneNamedWithoutACountry) {
  std::vector<Article> arts = {
      Parse("a",
            "Summit\n\n"
            "President Tom Hale will meet Moldovan President Ivo Lanu in Vienna next week.\n"
            "The president has said he wants to see the other leader alone.\n")};
  Extraction x = ExtractAll(arts);
  bool found = false;
  for (const auto& a : x.documents[0].attributions) {
    if (a.cue != "said") continue;
    found = true;
    ASSERT_GE(a.entity, 0) << a.speaker;
    EXPECT_EQ(x.entities[a.entity].name, "Tom Hale");
  }
  EXPECT_TRUE(found);
}

TEST(Quotes, WhoWasToldIsNotTheSpeakerAndTheParticipleKeepsTheQuotesSpeaker) {
  std::vector<Article> arts = {
      Parse("a",
            "Dam\n\n"
            "\"It is a disgrace,\" a Harbor City official told Tide News, adding that the vote had been no "
            "accident at all.\n")};
  Extraction x = ExtractAll(arts);
  const auto& d = x.documents[0];
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "a Harbor City official");
  bool adding = false;
  for (const auto& a : d.attributions)
    if (a.cue == "adding") {
      adding = true;
      EXPECT_EQ(a.speaker, "a Harbor City official");
    }
  EXPECT_TRUE(adding);
}

TEST(Quotes, AShortWholeSentenceAfterACommaIsAQuoteOfItsSpeaker) {
  auto q = Quotes(
      "Bridge\n\n"
      "Asked about the tolls, Mayor Tom Reyes said, \u201cThat\u2019s above my pay grade.\u201d\n"
      "Councillor Ana Ortiz called the plan \u201ca costly detour\u201d on Monday.\n");
  std::vector<std::string> got;
  for (const auto& f : q) got.push_back(f.speaker + "|" + f.text);
  EXPECT_EQ(got, (std::vector<std::string>{"Tom Reyes|That\u2019s above my pay grade.", "|a costly detour"}));
  std::vector<Article> arts = {
      Parse("a", "Bridge\n\nMayor Tom Reyes said, \u201cThat\u2019s above my pay grade.\u201d\n")};
  Extraction x = ExtractAll(arts);
  for (const auto& a : x.documents[0].attributions)
    EXPECT_TRUE(a.direct) << "no indirect copy of the quote: " << x.documents[0].Text(a.content);
}

// A quote added past another one's aside is the first speaker's, when a
// name stands right before the sentence's first cue; otherwise unknown.
TEST(Quotes, WhatIsAddedPastAnAsideQuoteIsTheFirstSpeakers) {
  auto q = Quotes(
      "Escape\n\n"
      "Reading said that Abel Pratt used crutches in prison \u2013 he \u201cclaimed they were "
      "necessary\u201d "
      "\u2013 and added, \u201cSince he ran off, that is in doubt.\u201d\n"
      "Then, the warden, speaking softly, said Pratt was \u201cnot careful\u201d and added: \u201cWe will "
      "find him.\u201d\n");
  std::vector<std::string> got;
  for (const auto& f : q)
    if (f.text.starts_with("Since") || f.text.starts_with("We will")) got.push_back(f.speaker + "|" + f.text);
  EXPECT_EQ(got,
            (std::vector<std::string>{"Reading|Since he ran off, that is in doubt.", "|We will find him."}));
}

TEST(Quotes, WhoWasAskedSpeaksAndTheParticipleSharesTheMainSubject) {
  std::vector<Article> arts = {Parse(
      "a",
      "Bridge\n\n"
      "Engineer Omar Reyes, an adviser to the council, asked if Mayor Tom Hale should close the bridge, "
      "said, \u201cI\u2019ll leave that to the mayor.\u201d\n"
      "Councillor Rita Vance attacked Tom Hale over the repairs, saying, \u201cHe has wasted a year and "
      "lost our trust.\u201d\n"
      "Asked whether Tom Hale had failed, Rita Vance went further, saying, \u201cHe should resign before "
      "the winter comes.\u201d\n")};
  Extraction x = ExtractAll(arts);
  const auto& d = x.documents[0];
  std::vector<std::string> speakers;
  for (const auto& q : d.quotes) speakers.push_back(q.entity >= 0 ? x.entities[q.entity].name : q.speaker);
  EXPECT_EQ(speakers, (std::vector<std::string>{"Omar Reyes", "Rita Vance", "Rita Vance"}));
  for (const auto& a : d.attributions) EXPECT_NE(a.cue, "asked") << d.Text(a.content);
}

TEST(Quotes, APossessorMayDescribeTheSpeakerAfterTheQuote) {
  std::vector<Article> arts = {
      Parse("a", "Ad\n\n\u201cWho pays for this?\u201d the ad\u2019s narrator asks.\n")};
  Extraction x = ExtractAll(arts);
  ASSERT_EQ(x.documents[0].quotes.size(), 1u);
  EXPECT_EQ(x.documents[0].quotes[0].speaker, "the ad\u2019s narrator");
}

TEST(Quotes, WhomASpokesmanStandsForIsNotTheSpeaker) {
  std::vector<Article> arts = {
      Parse("a",
            "Budget\n\nMarta Lind, an aide to Oskar Brandt, unveiled the plan on Monday.\n"
            "\u201cThe plan is a serious answer,\u201d a spokeswoman for Brandt said.\n"
            "\u201cWe will fight it,\u201d said a spokesman for Senate Majority Leader Ivo Kern.\n"
            "Jon Pell, a former aide to Mr. Kern, said of him: \u201cHe never gives up.\u201d\n"
            "A lawyer for Brandt said that the senator would testify.\n"
            "A lawyer for Mr. Kern, Ada Moss of Moss Hale, confirmed that charges were coming.\n")};
  Extraction x = ExtractAll(arts);
  const auto& d = x.documents[0];
  ASSERT_EQ(d.quotes.size(), 3u);
  EXPECT_EQ(d.quotes[0].speaker, "a spokeswoman for Brandt");
  // An indefinite description is someone not named, not the aide named above.
  EXPECT_EQ(d.quotes[0].entity, -1);
  EXPECT_EQ(d.quotes[1].speaker, "a spokesman for Senate Majority Leader Ivo Kern");
  EXPECT_EQ(d.quotes[2].speaker, "Jon Pell");
  bool lawyer = false;
  for (const auto& a : d.attributions)
    if (!a.direct && a.sentence == 4) {
      EXPECT_EQ(a.speaker, "lawyer for Brandt");
      EXPECT_EQ(a.entity, -1);
      lawyer = true;
    } else if (a.sentence == 5) {
      ASSERT_GE(a.entity, 0);
      EXPECT_EQ(x.entities[a.entity].name, "Ada Moss");
    }
  EXPECT_TRUE(lawyer);
}

TEST(Attributions, AGuiltyPleaIsNoClaimAndANotGuiltyPleaDenies) {
  std::vector<Article> arts = {
      Parse("a",
            "Plea\n\nThe mayor said he was sorry for Ivo Kern, who pleaded guilty on Friday to lying to the "
            "police about the fire.\nThe senator pleaded not guilty to all of the charges against her.\n")};
  Extraction x = ExtractAll(arts);
  const auto& d = x.documents[0];
  int pleas = 0;
  for (const auto& a : d.attributions) {
    if (a.cue != "pleaded") continue;
    ++pleas;
    EXPECT_EQ(a.sentence, 1u) << a.speaker;
    EXPECT_EQ(a.cue_kind, lexicon::Cue::kDeny);
  }
  EXPECT_EQ(pleas, 1);
}

// Each sentence's last attribution's speaker.
std::map<uint32_t, std::string> SpeakerBySentence(const std::vector<Article>& arts) {
  Extraction x = ExtractAll(arts);
  std::map<uint32_t, std::string> out;
  for (const auto& a : x.documents[0].attributions) out[a.sentence] = a.speaker;
  return out;
}

TEST(Attributions, TheSubjectIsNotAnObjectNorAClauseInItsAside) {
  std::vector<Article> arts = {Parse(
      "a",
      "Levy\n\nMayor Ada Moss, hoping to end a strange affair that has clouded her work on the budget and "
      "dimmed her hopes of a seat in the state senate, denied that she had sent it.\n"
      "One person familiar with the testimony to the council's auditors said that Ms. Moss had not lied.\n"
      "Sources close to her office say she plans another run next year.\n"
      "The Gazette published the story, citing two city officials who said the levy was illegal.\n")};
  auto by_sentence = SpeakerBySentence(arts);
  EXPECT_EQ(by_sentence[0], "Ada Moss");
  EXPECT_EQ(by_sentence[1], "person");  // familiar with ..., not the auditors
  EXPECT_EQ(by_sentence[2], "Sources");
  EXPECT_EQ(by_sentence[3], "two city officials");
}

TEST(Attributions, NoPlacePartyLetterDatelineOrObjectIsTheSpeaker) {
  std::vector<Article> arts = {Parse(
      "a",
      "Levy\n\nLinden (AP) \u2013 Harland's senior legal official promises to defend the levy, "
      "saying the city needs the money.\n"
      "On Friday, the aide, Ada Moss, 31, who has some 9,000 followers online as @AdaM and then worked as "
      "press aide to an obscure councillor from Harland, wrote a public letter.\n"
      "Harland Gov. Ivo Kern (D) announced Monday that state staff would stop their trips to the city.\n"
      "The letter accused the Harland Teachers Union of resorting to tactics and urged the board to "
      "reconsider whether it can keep the levy.\n")};
  auto by_sentence = SpeakerBySentence(arts);
  EXPECT_EQ(by_sentence[0], "Harland's senior legal official");
  EXPECT_EQ(by_sentence[1], "Ada Moss");  // an age between the name and "who"
  EXPECT_EQ(by_sentence[2], "Ivo Kern");
  EXPECT_EQ(by_sentence[3].find("Union"), std::string::npos) << by_sentence[3];
}

// Each attribution's speaker and content by the words of its cue (the last
// of a cue's words wins).
struct SaidBy {
  std::string speaker, content;
};
std::map<std::string, SaidBy> ByCue(const Document& doc) {
  std::map<std::string, SaidBy> out;
  for (const auto& a : doc.attributions)
    out[std::string(a.cue_span.In(doc.text()))] = {a.speaker, std::string(a.content.In(doc.text()))};
  return out;
}

// A person named in a phrase that opens the sentence ("After talks with
// X, ...") is not the subject that a participle or a second verb shares.
TEST(Attributions, APersonOfAnOpeningPhraseIsNotTheSubjectAParticipleShares) {
  std::vector<Article> arts = {Parse(
      "a",
      "Levy\n\nStanding beside Governor Ivo Kern at the fair, Mayor Ada Moss said voters back the levy and "
      "urged the board to pass it.\n"
      "After a meeting with Ivo Kern on Monday, Mayor Ada Moss rejected the audit, saying it was wrong.\n"
      "Despite talks with the unions, led by Ivo Kern, Ada Moss has said she will sign and thinks the "
      "board will agree.\n")};
  Extraction x = ExtractAll(arts);
  const Document& doc = x.documents[0];
  auto by_cue = ByCue(doc);
  EXPECT_EQ(by_cue["urged"].speaker, "Ada Moss");
  EXPECT_EQ(by_cue["saying"].speaker, "Ada Moss");
  EXPECT_EQ(by_cue["thinks"].speaker, "Ada Moss");
}

// A body that opens the sentence is the subject a participle shares, not a
// person named in a clause of time after it; "announced it on Saturday,
// maintaining that ...": that "that" is the participle's.
TEST(Attributions, AParticipleSharesTheSubjectNotAPersonOfAClauseOfTime) {
  std::vector<Article> arts = {Parse(
      "a",
      "Levy\n\nThe Harland Teachers Union rejected the offer before Mayor Ivo Kern announced it on Saturday, "
      "maintaining that it did not go far enough.\n")};
  Extraction x = ExtractAll(arts);
  const Document& doc = x.documents[0];
  auto by_cue = ByCue(doc);
  EXPECT_EQ(by_cue["maintaining"].speaker, "Harland Teachers Union");
  EXPECT_EQ(by_cue["maintaining"].content, "it did not go far enough");
  EXPECT_NE(by_cue["announced"].content.find("it did not"), 0u) << by_cue["announced"].content;
}

// "what some have said", "others said": an unnamed few speak, not a person
// named elsewhere in the sentence.
TEST(Attributions, AnUnnamedFewSpeakForThemselves) {
  std::vector<Article> arts = {
      Parse("a",
            "Levy\n\n\u201cI back the levy,\u201d Kern told host Ana Roe, denying what some have said was a "
            "change of mind.\n"
            "Many came to the hall, and others said they wanted lower taxes.\n")};
  Extraction x = ExtractAll(arts);
  const Document& doc = x.documents[0];
  auto by_cue = ByCue(doc);
  EXPECT_EQ(by_cue["said"].speaker, "others");  // the last "said"
  for (const auto& a : doc.attributions) EXPECT_NE(a.speaker, "Ana Roe") << a.content.In(doc.text());
}

// "A strong critic of the levy, she has ... and said": the description
// stands before the subject, the pronoun after the comma speaks.
TEST(Attributions, ADescriptionBeforeTheSubjectIsNotTheSpeaker) {
  std::vector<Article> arts = {Parse("a",
                                     "Levy\n\nMayor Ada Moss met the board.\n"
                                     "A strong critic of the levy, she has been sharply critical of the "
                                     "board and said the plan is unfair.\n")};
  Extraction x = ExtractAll(arts);
  const Document& doc = x.documents[0];
  ASSERT_EQ(doc.attributions.size(), 1u);
  const auto& a = doc.attributions[0];
  EXPECT_EQ(a.speaker, "she");
  ASSERT_GE(a.entity, 0);
  EXPECT_EQ(x.entities[a.entity].name, "Ada Moss");
}

// A cue in a clause that opens the sentence says what runs to the comma
// that closes the clause; "As X reported, ..." reports the main clause; an
// indictment ("charged the couple") is no speech; "the ex-mayor" speaks.
TEST(Attributions, ACueInAnOpeningClauseSaysWhatRunsToItsComma) {
  std::vector<Article> arts = {
      Parse("a",
            "Levy\n\nMayor Eli Varga of Harland resigned.\n"
            "When Ada Moss noted the levy was late, Ivo Kern replied that it was on time.\n"
            "As the Harland Gazette reported Tuesday, the board will vote on the levy in May.\n"
            "When prosecutors charged the couple last week, the ex-mayor said he accepts the blame.\n"
            "Ana Roe charged at a rally in the hall of the county that the count was rigged.\n")};
  Extraction x = ExtractAll(arts);
  const Document& doc = x.documents[0];
  auto by_cue = ByCue(doc);
  EXPECT_EQ(by_cue["noted"].content, "the levy was late");
  EXPECT_EQ(by_cue["replied"].speaker, "Ivo Kern");
  EXPECT_EQ(by_cue["reported"].content, "the board will vote on the levy in May");
  EXPECT_EQ(by_cue["charged"].speaker, "Ana Roe");
  EXPECT_EQ(std::count_if(doc.attributions.begin(), doc.attributions.end(),
                          [&](const auto& a) { return a.cue_span.In(doc.text()) == "charged"; }),
            1);  // the couple's charge is none
  EXPECT_EQ(by_cue["said"].speaker, "ex-mayor");
  EXPECT_EQ(by_cue["said"].content, "he accepts the blame");
  for (const auto& a : doc.attributions)
    if (a.cue_span.In(doc.text()) == "said") {
      ASSERT_GE(a.entity, 0);
      EXPECT_EQ(x.entities[a.entity].name, "Eli Varga");  // the ex-mayor
    }
}

}  // namespace
}  // namespace crosscheck::extract
