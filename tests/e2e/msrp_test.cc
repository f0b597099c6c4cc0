// The same-statement decision cross-validated on ../shared/corpus/msrp (the
// training part only). Floors: this build's figures minus a margin.
#include <gtest/gtest.h>

#include <filesystem>

#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/statements/same.h"
#include "test_util.h"

namespace crosscheck::statements {
namespace {

TEST(Msrp, CrossValidatedAccuracyStaysAboveFloors) {
  std::string file = crosscheck::testing::SharedDir() + "/corpus/msrp/msr_paraphrase_train.txt";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " not found";
  auto bytes = ingest::ReadFileBytes(file, 64u << 20);
  ASSERT_TRUE(bytes.ok());
  auto pairs = ParseMsrp(*bytes);
  ASSERT_TRUE(pairs.ok()) << pairs.status().ToString();
  auto x = FeaturesOfPairs(*pairs);
  PairCounts all;
  for (const auto& c : CrossValidate(*pairs, x, 10)) {
    EXPECT_GE(c.accuracy(), 0.72);
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
    all.tn += c.tn;
  }
  EXPECT_GE(all.accuracy(), 0.755);
  EXPECT_GE(all.f1(), 0.83);
}

}  // namespace
}  // namespace crosscheck::statements
