// Event grouping on the ECB+ folder of ../shared (skipped when it is absent).
#include <gtest/gtest.h>

#include <filesystem>

#include "crosscheck/eval/events_eval.h"
#include "test_util.h"

namespace crosscheck::eval {
namespace {

TEST(EcbPlus, ClusteringStaysAboveFloor) {
  std::string dir = crosscheck::testing::SharedDir() + "/corpus/ecbplus";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " not found";
  auto r = EvaluateEventsFolder(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->articles, 772u);
  // The target; this build scores 0.959 (precision 0.944, recall 0.975).
  EXPECT_GE(r->f1, 0.95);
  EXPECT_GE(r->precision, 0.94);
  EXPECT_GE(r->recall, 0.94);
}

}  // namespace
}  // namespace crosscheck::eval
