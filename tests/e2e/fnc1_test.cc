// Stance cross-validated by article on ../shared/corpus/fnc1 (its training
// data only). Floors: this build's figures minus a margin.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/statements/stance.h"
#include "test_util.h"

namespace crosscheck::statements {
namespace {

TEST(Fnc1, ArticleFoldsStayAboveFloors) {
  std::string dir = crosscheck::testing::SharedDir() + "/corpus/fnc1";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " not found";
  auto b = ingest::ReadFileBytes(dir + "/train_bodies.csv", 64u << 20);
  auto s = ingest::ReadFileBytes(dir + "/train_stances.csv", 64u << 20);
  ASSERT_TRUE(b.ok() && s.ok());
  auto bodies = ParseBodies(*b);
  auto items = ParseStances(*s);
  ASSERT_TRUE(bodies.ok() && items.ok());
  std::vector<std::string> ids;
  for (const auto& [id, text] : *bodies) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  std::unordered_map<std::string, ArticleView> views;
  std::unordered_map<std::string, int> fold;
  for (size_t i = 0; i < ids.size(); ++i) {
    views.emplace(ids[i], ReadArticle(bodies->at(ids[i])));
    fold[ids[i]] = static_cast<int>(i % 2);
  }
  std::vector<StanceFeatures> x;
  for (const auto& it : *items) x.push_back(StanceFeaturesOf(it.headline, views.at(it.body_id)));
  for (int f = 0; f < 2; ++f) {
    std::vector<StanceFeatures> tx;
    std::vector<Stance> ty;
    for (size_t i = 0; i < x.size(); ++i)
      if (fold[(*items)[i].body_id] != f) {
        tx.push_back(x[i]);
        ty.push_back(static_cast<Stance>((*items)[i].stance));
      }
    StanceModel m = TrainStance(tx, ty);
    StanceScores sc;
    for (size_t i = 0; i < x.size(); ++i)
      if (fold[(*items)[i].body_id] == f) sc.Add(static_cast<Stance>((*items)[i].stance), m.Predict(x[i]));
    EXPECT_GE(sc.relative(), 0.82) << "fold " << f;
    EXPECT_GE(sc.MacroF1(), 0.59) << "fold " << f;
  }
}

}  // namespace
}  // namespace crosscheck::statements
