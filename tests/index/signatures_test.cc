#include "crosscheck/index/signatures.h"

#include <gtest/gtest.h>

#include <string>

namespace crosscheck::index {
namespace {

// The raw weight of the one term `word` stands for (its text alone).
float WeightOf(const RawTerms& terms, const std::string& word) {
  RawTerms alone = Analyze("", word).terms;
  EXPECT_EQ(alone.size(), 1u) << word;
  auto it = terms.find(alone.begin()->first);
  return it == terms.end() ? 0.0f : it->second;
}

std::string Filler(int words) {
  std::string s;
  for (int i = 0; i < words; ++i) s += " meadow";
  return s;
}

TEST(Analyze, WordsOfTheLeadCountDouble) {
  auto lead_and_body = Analyze("", "quartz" + Filler(80) + " quartz granite").terms;
  EXPECT_FLOAT_EQ(WeightOf(lead_and_body, "quartz"), 3.0f);  // 2 in the lead, 1 after it
  EXPECT_FLOAT_EQ(WeightOf(lead_and_body, "granite"), 1.0f);
  EXPECT_FLOAT_EQ(WeightOf(lead_and_body, "meadow"), 2.0f * 59 + 21);
}

TEST(Analyze, NumbersOfTheLeadDoNotCountDouble) {
  auto terms = Analyze("", "quartz 4821" + Filler(80) + " 4821").terms;
  EXPECT_FLOAT_EQ(WeightOf(terms, "4821"), 2.0f);
}

TEST(Analyze, HeadingWordsCountDoubleAgainInTheirLead) {
  auto terms = Analyze("quartz", "granite").terms;
  EXPECT_FLOAT_EQ(WeightOf(terms, "quartz"), 4.0f);
  EXPECT_FLOAT_EQ(WeightOf(terms, "granite"), 2.0f);
}

}  // namespace
}  // namespace crosscheck::index
