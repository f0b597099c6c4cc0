// Stance: FNC-1's CSV files, its score, the features and training, on text
// written for this test.
#include "crosscheck/statements/stance.h"

#include <gtest/gtest.h>

namespace crosscheck::statements {
namespace {

TEST(StanceCsv, QuotedFieldsWithCommasQuotesAndLineBreaks) {
  auto bodies = ParseBodies(
      "Body ID,articleBody\n"
      "7,\"The dam held, officials said.\n\nA \"\"second\"\" check is due.\"\n"
      "8,Plain body\n");
  ASSERT_TRUE(bodies.ok()) << bodies.status().ToString();
  ASSERT_EQ(bodies->size(), 2u);
  EXPECT_EQ(bodies->at("7"), "The dam held, officials said.\n\nA \"second\" check is due.");
  auto items =
      ParseStances("Headline,Body ID,Stance\n\"Dam holds, says city\",7,agree\nPort shut,8,3\nNew,8\n");
  ASSERT_TRUE(items.ok()) << items.status().ToString();
  ASSERT_EQ(items->size(), 3u);
  EXPECT_EQ((*items)[0].headline, "Dam holds, says city");
  EXPECT_EQ((*items)[0].stance, static_cast<int>(Stance::kAgree));
  EXPECT_EQ((*items)[1].stance, static_cast<int>(Stance::kUnrelated));
  EXPECT_EQ((*items)[2].stance, -1);
  auto bad = ParseStances("Headline,Body ID,Stance\nA,7,maybe\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("record 2"), std::string::npos);
  EXPECT_FALSE(ParseBodies("Body ID,articleBody\n7,\"never closed\n").ok());
  EXPECT_EQ(CsvField("a, \"b\""), "\"a, \"\"b\"\"\"");
  EXPECT_EQ(CsvField("plain"), "plain");
}

TEST(StanceScore, FncWeights) {
  StanceScores s;
  s.Add(Stance::kAgree, Stance::kAgree);          // 1.0 of 1.0
  s.Add(Stance::kDisagree, Stance::kDiscuss);     // 0.25 of 1.0
  s.Add(Stance::kUnrelated, Stance::kUnrelated);  // 0.25 of 0.25
  s.Add(Stance::kUnrelated, Stance::kAgree);      // 0 of 0.25
  EXPECT_DOUBLE_EQ(s.score, 1.5);
  EXPECT_DOUBLE_EQ(s.best, 2.5);
  EXPECT_DOUBLE_EQ(s.F1(Stance::kAgree), 2.0 / 3);
}

TEST(StanceFeatures, OverlapAndRefutingWordsNearTheClaim) {
  ArticleView body = ReadArticle(
      "The city opened a new bridge on Monday.\n\nClaims that the bridge collapsed are a hoax, the mayor "
      "said.");
  StanceFeatures related = StanceFeaturesOf("Bridge collapsed in city", body);
  StanceFeatures other = StanceFeaturesOf("Bakers win national bread prize", body);
  EXPECT_GT(related[0], other[0]);  // the claim's words are in the body
  EXPECT_GT(related[9], 0);         // "hoax" near the sentence closest to the claim
}

TEST(StanceTrain, DeterministicAndRoundTrips) {
  ArticleView body = ReadArticle("The city opened a new bridge on Monday. Officials confirmed it.");
  std::vector<StanceFeatures> x = {StanceFeaturesOf("City opens bridge", body),
                                   StanceFeaturesOf("Bakers win bread prize", body),
                                   StanceFeaturesOf("New bridge opened by city", body),
                                   StanceFeaturesOf("Farmers protest milk prices", body)};
  std::vector<Stance> y = {Stance::kAgree, Stance::kUnrelated, Stance::kAgree, Stance::kUnrelated};
  StanceModel a = TrainStance(x, y, 300), b = TrainStance(x, y, 300);
  EXPECT_EQ(a.ToText(), b.ToText());
  for (size_t i = 0; i < x.size(); ++i) EXPECT_EQ(a.Predict(x[i]), y[i]) << i;
  auto back = StanceModel::FromText(a.ToText());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->ToText(), a.ToText());
  EXPECT_FALSE(StanceModel::FromText("crosscheck-stance 1\nbias 0 0 0\n").ok());
}

}  // namespace
}  // namespace crosscheck::statements
