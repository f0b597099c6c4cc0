// Names and quote speakers scored on ../shared/corpus dev sets. The floors
// are the figures this build reaches minus a small margin: they catch
// regressions; the README states the measured figures.
#include <gtest/gtest.h>

#include <filesystem>

#include "crosscheck/eval/entities_eval.h"
#include "crosscheck/eval/quotes_eval.h"
#include "test_util.h"

namespace crosscheck::eval {
namespace {

TEST(Conll, TaggerAndReportNamesStayAboveFloors) {
  std::string file = crosscheck::testing::SharedDir() + "/corpus/conll2003/eng.testa";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " not found";
  auto r = EvaluateEntities(file);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GE(r->tagger.all.f1(), 0.87);
  EXPECT_GE(r->tagger.folds[0].f1(), 0.86);
  EXPECT_GE(r->tagger.folds[1].f1(), 0.86);
  EXPECT_GE(r->mentions.all.f1(), 0.85);
}

TEST(Basil, QuoteSpeakersStayAboveFloors) {
  std::string dir = crosscheck::testing::SharedDir() + "/corpus/basil-dev";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " not found";
  auto r = EvaluateQuoteSpeakers(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GE(r->all.found, 120u);
  EXPECT_GE(r->all.accuracy(), 0.54);
}

}  // namespace
}  // namespace crosscheck::eval
