#include "crosscheck/index/signatures.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "crosscheck/text/tokens.h"

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

// Words made of letters only, all different: word i for i in [from, to).
std::vector<std::string> Words(int from, int to) {
  static const char* kSyllables[] = {"ka", "lo", "mi", "nu", "pe", "ro", "sa", "ti", "vo", "ze",
                                     "bu", "da", "fe", "gi", "ho", "ja", "ke", "li", "mo", "ne"};
  std::vector<std::string> out;
  for (int i = from; i < to; ++i)
    out.push_back(std::string(kSyllables[i % 20]) + kSyllables[(i / 20) % 20] + kSyllables[(i / 400) % 20]);
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += w + " ";
  return s;
}

Signature SignatureOf(const std::string& text) {
  return MinHash(text::Tokenize(text, {0, static_cast<uint32_t>(text.size())}));
}

// Jaccard similarity of the two word lists' 5-word shingles.
double ShingleJaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto shingles = [](const std::vector<std::string>& w) {
    std::set<std::string> s;
    for (size_t i = 0; i + 5 <= w.size(); ++i)
      s.insert(w[i] + " " + w[i + 1] + " " + w[i + 2] + " " + w[i + 3] + " " + w[i + 4]);
    return s;
  };
  auto sa = shingles(a), sb = shingles(b);
  size_t both = 0;
  for (const auto& x : sa) both += sb.count(x);
  return static_cast<double>(both) / static_cast<double>(sa.size() + sb.size() - both);
}

TEST(Analyze, MonthsNamedWithTheirYear) {
  auto months = Analyze("",
                        "Hiller, charged over the shootings of September 2010 and of Sept. 9, 2010, "
                        "went on trial on Monday, Sep 10, 2012. In May she may plead; in march 2011 "
                        "nothing; December 31 2009 a party; 2014 May Day.")
                    .months;
  EXPECT_EQ(months, (std::vector<int32_t>{2009 * 12 + 11, 2010 * 12 + 8, 2012 * 12 + 8}));
}

TEST(MinHash, EstimatesShingleJaccard) {
  const auto base = Words(0, 400);
  std::vector<std::vector<std::string>> others = {
      base,  // the same text
      [&] {
        auto w = base;
        auto t = Words(1000, 40);
        w.insert(w.end(), t.begin(), t.end());
        return w;
      }(),
      [&] {
        auto w = base;
        w[100] = "changed";
        w[300] = "altered";
        return w;
      }(),                // two words edited
      Words(200, 600),    // half shared
      Words(2000, 2400),  // nothing shared
  };
  for (size_t i = 0; i < others.size(); ++i) {
    double truth = ShingleJaccard(base, others[i]);
    double estimate = EstimatedJaccard(SignatureOf(Join(base)), SignatureOf(Join(others[i])));
    EXPECT_NEAR(estimate, truth, 0.15) << "case " << i << ": true Jaccard " << truth;
  }
}

TEST(MinHash, ShortTextsFillEveryPosition) {
  // 12 words: 8 shingles for 64 positions.
  Signature s = SignatureOf(Join(Words(0, 12)));
  for (uint32_t v : s) EXPECT_NE(v, UINT32_MAX);
  EXPECT_DOUBLE_EQ(EstimatedJaccard(s, SignatureOf(Join(Words(0, 12)))), 1.0);
  EXPECT_LT(EstimatedJaccard(s, SignatureOf(Join(Words(50, 62)))), 0.1);
  // No word at all: nothing to compare.
  EXPECT_DOUBLE_EQ(EstimatedJaccard(SignatureOf(""), SignatureOf("")), 0.0);
}

TEST(MinHash, StoredSignaturesRoundTripAndOtherSchemesAreRefused) {
  Signature s = SignatureOf(Join(Words(0, 50)));
  Signature back{};
  ASSERT_TRUE(DeserializeSignature(SerializeSignature(s), back));
  EXPECT_EQ(back, s);
  // 64 raw values without the scheme's tag (how an earlier build stored them).
  std::string untagged(reinterpret_cast<const char*>(s.data()), sizeof(uint32_t) * kMinHashSize);
  EXPECT_FALSE(DeserializeSignature(untagged, back));
  EXPECT_FALSE(DeserializeSignature("", back));
}

}  // namespace
}  // namespace crosscheck::index
