#include "crosscheck/text/tokens.h"

#include <gtest/gtest.h>

namespace crosscheck::text {
namespace {

std::vector<std::string> Norms(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& t : Tokenize(s, {0, static_cast<uint32_t>(s.size())})) out.push_back(t.norm);
  return out;
}

TEST(Tokenize, SplitsPossessiveClitic) {
  EXPECT_EQ(Norms("Putin’s residence"), (std::vector<std::string>{"putin", "'s", "residence"}));
}

TEST(Tokenize, KeepsAbbreviationsHyphensAndNumbers) {
  EXPECT_EQ(
      Norms("U.S. long-range drones cost $1,500.50 or 95%"),
      (std::vector<std::string>{"u.s.", "long-range", "drones", "cost", "$", "1,500.50", "or", "95", "%"}));
}

TEST(Tokenize, APartyAndStateLabelIsOneTokenAndAHyphenatedNameKeepsItsFullStop) {
  EXPECT_EQ(Norms("Schumer (D-N.Y.) said"), (std::vector<std::string>{"schumer", "d-n.y.", "said"}));
  EXPECT_EQ(Norms("met Jay-Z. Then"), (std::vector<std::string>{"met", "jay-z", "then"}));
}

TEST(Tokenize, ContractionsStayWhole) {
  EXPECT_EQ(Norms("didn’t happen"), (std::vector<std::string>{"didn't", "happen"}));
}

TEST(Tokenize, SpansPointIntoTheText) {
  std::string s = "Say “Kyiv” twice";
  auto toks = Tokenize(s, {0, static_cast<uint32_t>(s.size())});
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(toks[1].span.In(s), "Kyiv");
  EXPECT_TRUE(toks[1].cap);
  EXPECT_FALSE(toks[2].cap);
}

TEST(Tokenize, StemsWithSnowball) {
  auto toks = Tokenize("attacks attacked", {0, 16});
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[0].stem, "attack");
  EXPECT_EQ(toks[1].stem, "attack");
  EXPECT_EQ(Stem("negotiations"), "negoti");
}

TEST(Tokenize, MarksStopWordsAndAllCaps) {
  auto toks = Tokenize("The NATO summit", {0, 15});
  EXPECT_TRUE(toks[0].stop);
  EXPECT_TRUE(toks[1].all_caps);
  EXPECT_FALSE(toks[2].stop);
}

}  // namespace
}  // namespace crosscheck::text
