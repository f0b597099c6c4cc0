// Attribution extraction scored on ../shared/corpus/polnear-dev. The floors
// are the figures this build reaches minus a small margin (and at least the
// targets: direct F1 0.90, direct speaker accuracy 0.85, all F1 0.65): they catch
// regressions; the README states the measured figures and the targets.
#include <gtest/gtest.h>

#include <filesystem>

#include "crosscheck/eval/attribution_eval.h"
#include "test_util.h"

namespace crosscheck::eval {
namespace {

TEST(PolNear, AttributionScoresStayAboveFloors) {
  std::string dir = crosscheck::testing::SharedDir() + "/corpus/polnear-dev";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " not found";
  auto r = EvaluateAttributionsFolder(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GE(r->documents, 80u);
  EXPECT_GE(r->all.f1, 0.70);
  EXPECT_GE(r->direct.f1, 0.91);
  EXPECT_GE(r->direct.speaker_accuracy, 0.85);
}

}  // namespace
}  // namespace crosscheck::eval
