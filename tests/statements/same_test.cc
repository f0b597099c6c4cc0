// Same statement or not: the MSRP reader, the features, training and the
// shipped model, on sentences written for this test.
#include "crosscheck/statements/same.h"

#include <gtest/gtest.h>

namespace crosscheck::statements {
namespace {

TEST(Msrp, ReadsPairsAndNamesBadLines) {
  auto p = ParseMsrp(
      "\xEF\xBB\xBFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
      "1\t10\t11\tThe ferry sank.\tThe ferry went down.\n"
      "0\t12\t13\tThe mayor resigned.\tThe port reopened.\n");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ((*p)[0].label, 1);
  EXPECT_EQ((*p)[1].id2, "13");
  auto bad = ParseMsrp("Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t10\t11\tonly four\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(ParseMsrp("7\ta\tb\tc\td\n").ok());
  EXPECT_FALSE(ParseMsrp("").ok());
  auto unlabelled = ParseMsrp("?\ta\tb\tc\td\n");
  ASSERT_TRUE(unlabelled.ok());
  EXPECT_EQ((*unlabelled)[0].label, -1);
}

TEST(Features, SymmetricAndSensitiveToNumbers) {
  const char* a = "Rescuers pulled 40 passengers from the ferry on Tuesday.";
  const char* b = "On Tuesday rescuers saved 42 passengers from the ferry.";
  PairFeatures ab = FeaturesOf(a, b), ba = FeaturesOf(b, a);
  for (size_t k = 0; k < kPairFeatures; ++k) EXPECT_DOUBLE_EQ(ab[k], ba[k]) << FeatureName(k);
  EXPECT_EQ(ab[7], 1.0);  // the numbers differ
  PairFeatures same = FeaturesOf(a, a);
  EXPECT_EQ(same[13], 1.0);
  EXPECT_EQ(same[7], 0.0);
}

TEST(Train, SameDataSameModelAndItLearns) {
  std::vector<PairFeatures> x;
  std::vector<int> y;
  const char* pairs[][3] = {
      {"The ferry sank near the harbour.", "The ferry went down near the harbour.", "1"},
      {"The mayor resigned on Monday.", "On Monday the mayor resigned.", "1"},
      {"Storms closed the port.", "The port was closed by storms.", "1"},
      {"The mayor resigned on Monday.", "Fishermen sold their catch at dawn.", "0"},
      {"Storms closed the port.", "The museum opened a new wing.", "0"},
      {"The ferry sank near the harbour.", "Prices of bread rose again.", "0"}};
  for (auto& p : pairs) {
    x.push_back(FeaturesOf(p[0], p[1]));
    y.push_back(p[2][0] - '0');
  }
  SameModel a = TrainSame(x, y), b = TrainSame(x, y);
  EXPECT_EQ(a.ToText(), b.ToText());
  for (size_t i = 0; i < x.size(); ++i) EXPECT_EQ(a.ScoreFeatures(x[i]) >= a.threshold, y[i] == 1) << i;
  auto back = SameModel::FromText(a.ToText());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->ToText(), a.ToText());
}

TEST(Model, RefusesBrokenText) {
  EXPECT_FALSE(SameModel::FromText("").ok());
  EXPECT_FALSE(SameModel::FromText("crosscheck-same 2\nthreshold 2\nbias 0\n").ok());
  EXPECT_FALSE(SameModel::FromText("crosscheck-same 2\nthreshold 0.5\nbias 0\ncontent_dice 0 0 1\n").ok());
}

TEST(Model, ShippedModelTellsRewordingFromAnotherStatement) {
  const SameModel& m = SameModel::Default();
  double same = m.Score("The company said its profit rose 10 percent in the third quarter.",
                        "Profit rose 10 percent in the third quarter, the company said.");
  double other = m.Score("The company said its profit rose 10 percent in the third quarter.",
                         "The union called a strike at two of the company's plants.");
  EXPECT_TRUE(m.Same("The company said its profit rose 10 percent in the third quarter.",
                     "Profit rose 10 percent in the third quarter, the company said."));
  EXPECT_GT(same, other);
  EXPECT_LT(other, m.threshold);
}

}  // namespace
}  // namespace crosscheck::statements
