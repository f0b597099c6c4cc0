#include "crosscheck/text/sentences.h"

#include <gtest/gtest.h>

namespace crosscheck::text {
namespace {

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& x : SplitSentences(s, {{0, static_cast<uint32_t>(s.size())}}))
    out.emplace_back(x.span.In(s));
  return out;
}

TEST(SplitSentences, SplitsOnTerminators) {
  EXPECT_EQ(Split("It rained. Then it stopped! Why? Nobody knows."),
            (std::vector<std::string>{"It rained.", "Then it stopped!", "Why?", "Nobody knows."}));
}

TEST(SplitSentences, SurvivesAbbreviationsAndInitials) {
  EXPECT_EQ(Split("Mr. Smith met Dr. J. R. Doe in the U.S. capital on Jan. 5. They talked."),
            (std::vector<std::string>{"Mr. Smith met Dr. J. R. Doe in the U.S. capital on Jan. 5.",
                                      "They talked."}));
  // A run of initials, the next a letter that could open a sentence.
  EXPECT_EQ(Split("He told L. A. Superior Court Judge Ann Roe the news. She ruled."),
            (std::vector<std::string>{"He told L. A. Superior Court Judge Ann Roe the news.", "She ruled."}));
}

TEST(SplitSentences, AbbreviationCanEndASentence) {
  EXPECT_EQ(Split("He moved to the U.S. The move was quick."),
            (std::vector<std::string>{"He moved to the U.S.", "The move was quick."}));
}

// A state's abbreviation inside a phrase ends nothing; ending a place after
// its comma it may end the sentence.
TEST(SplitSentences, AStateAbbreviationEndsASentenceOnlyAfterItsPlace) {
  EXPECT_EQ(Split("The ban grew, with Wash. Gov. Ann Roe joining. She spoke."),
            (std::vector<std::string>{"The ban grew, with Wash. Gov. Ann Roe joining.", "She spoke."}));
  EXPECT_EQ(Split("He lives in Olympia, Wash. Ferries run daily."),
            (std::vector<std::string>{"He lives in Olympia, Wash.", "Ferries run daily."}));
}

// "ed." abbreviates "editor", but not as the end of "op-ed".
TEST(SplitSentences, AHyphenatedWordsEndIsNoAbbreviation) {
  EXPECT_EQ(Split("\"I abhor it,\" Lee wrote in an op-ed. \"If I saw it, I would leave.\""),
            (std::vector<std::string>{"\"I abhor it,\" Lee wrote in an op-ed.",
                                      "\"If I saw it, I would leave.\""}));
}

// A curly quote closed by a straight mark is closed: the sentence after its
// attribution is a sentence of its own.
TEST(SplitSentences, AStraightMarkClosesACurlyQuote) {
  EXPECT_EQ(Split("\u201cI find it disturbing,\" Lee said in a statement. \"We will join the ban.\""),
            (std::vector<std::string>{"\u201cI find it disturbing,\" Lee said in a statement.",
                                      "\"We will join the ban.\""}));
}

TEST(SplitSentences, KeepsDecimals) {
  EXPECT_EQ(Split("Growth was 2.5 percent. It slowed."),
            (std::vector<std::string>{"Growth was 2.5 percent.", "It slowed."}));
}

TEST(SplitSentences, KeepsAQuoteSpanningSentencesWithItsAttribution) {
  EXPECT_EQ(Split("“It is late. We must go,” she said. Then they left."),
            (std::vector<std::string>{"“It is late. We must go,” she said.", "Then they left."}));
}

TEST(SplitSentences, SplitsAfterAClosingQuote) {
  EXPECT_EQ(Split("He called it “a lie.” Others agreed."),
            (std::vector<std::string>{"He called it “a lie.”", "Others agreed."}));
}

TEST(SplitSentences, QuotedQuestionKeepsItsAttribution) {
  EXPECT_EQ(Split("“Who pays for this?” Ann Lee asked. “Nobody knows!” The room laughed."),
            (std::vector<std::string>{"“Who pays for this?” Ann Lee asked.", "“Nobody knows!”",
                                      "The room laughed."}));
}

TEST(SplitSentences, ATitlesDotInsideTheAttributionEndsNothing) {
  EXPECT_EQ(Split("“Nobody pays for this!” Mr. Lee told the council. “Nobody.” Dr. Ruiz left."),
            (std::vector<std::string>{"“Nobody pays for this!” Mr. Lee told the council.", "“Nobody.”",
                                      "Dr. Ruiz left."}));
}

TEST(SplitSentences, UnclosedQuoteDoesNotSwallowTheParagraph) {
  EXPECT_EQ(Split("He said “we will win. They left. Nobody stayed."),
            (std::vector<std::string>{"He said “we will win.", "They left.", "Nobody stayed."}));
}

TEST(SplitSentences, SpansIndexParagraphsAndTrimSpace) {
  std::string s = "One two.  Three four.\nFive.";
  auto out = SplitSentences(s, {{0, 21}, {22, 27}});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].span.In(s), "Three four.");
  EXPECT_EQ(out[2].paragraph, 1u);
}

TEST(SplitSentences, AnEndlessSentenceIsCutAtClauseBreaksOrSpaces) {
  std::string clauses;
  while (clauses.size() < 9000) clauses += "the council met again on the matter, ";
  std::vector<std::string> parts = Split(clauses);
  ASSERT_GT(parts.size(), 4u);
  std::string joined;
  for (const auto& p : parts) {
    EXPECT_LE(p.size(), 2000u);
    EXPECT_EQ(p.back(), ',') << "cut after a comma: " << p.substr(p.size() - 20);
    joined += (joined.empty() ? "" : " ") + p;
  }
  EXPECT_EQ(joined + " ", clauses) << "nothing lost at the cuts";
  // No space at all: cut between code points, never inside one.
  std::string runes;
  while (runes.size() < 5000) runes += "\u00e9\u4e16";
  size_t total = 0;
  for (const auto& p : Split(runes)) {
    EXPECT_LE(p.size(), 2000u);
    EXPECT_NE(static_cast<unsigned char>(p[0]) & 0xC0, 0x80u);
    total += p.size();
  }
  EXPECT_EQ(total, runes.size());
}

TEST(SplitSentences, NestedQuotesStayWhole) {
  EXPECT_EQ(Split("\u201cHe said \u201cgo. Now.\u201d and left.\u201d She agreed. Then rain."),
            (std::vector<std::string>{"\u201cHe said \u201cgo. Now.\u201d and left.\u201d", "She agreed.",
                                      "Then rain."}));
}

}  // namespace
}  // namespace crosscheck::text
