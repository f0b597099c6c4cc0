// Body extraction scored on ../shared/corpus/extraction (121 real pages).
// The floor is this build's figure minus a small margin: it catches
// regressions; the README gives the measured figure and the target.
#include <gtest/gtest.h>

#include <filesystem>

#include "crosscheck/eval/extraction_eval.h"
#include "test_util.h"

namespace crosscheck::eval {
namespace {

TEST(ExtractionBenchmark, F1StaysAboveFloor) {
  std::string dir = crosscheck::testing::SharedDir() + "/corpus/extraction";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " not found";
  auto r = EvaluateExtractionFolder(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->pages, 121u);
  EXPECT_GE(r->f1, 0.97);  // the target; this build measures 0.973
}

TEST(ScorePage, BenchmarkMetric) {
  EXPECT_DOUBLE_EQ(ScorePage("a b c d e", "a b c d e").precision, 1.0);
  PageScore s = ScorePage("a b c d e f", "a b c d x y");
  EXPECT_DOUBLE_EQ(s.precision, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.recall, 1.0 / 3);
  EXPECT_DOUBLE_EQ(ScorePage("", "").recall, 1.0);
  EXPECT_DOUBLE_EQ(ScorePage("", "a b c d").recall, 0.0);
}

}  // namespace
}  // namespace crosscheck::eval
