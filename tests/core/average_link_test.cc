#include "crosscheck/average_link.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

// Items 0-1-2 are close, 3-4 are close, 5 is alone; 2-3 has one strong link
// but the groups are far apart on average.
double Sim(int a, int b) {
  if (a > b) std::swap(a, b);
  if (a <= 2 && b <= 2) return 0.8;
  if (a == 3 && b == 4) return 0.9;
  if (a == 2 && b == 3) return 0.95;
  return 0.0;
}

std::vector<Link> AllLinks(int n) {
  std::vector<Link> out;
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (Sim(i, j) > 0) out.push_back({Sim(i, j), i, j});
  return out;
}

TEST(MergeByAverageLink, StrongSingleLinksDoNotChainGroups) {
  AverageLinkRules rules;
  rules.threshold = 0.5;
  rules.similarity = Sim;
  auto groups = MergeByAverageLink(6, AllLinks(6), rules);
  // 2-3 is taken first; 4 then cannot join them (average 0.45), and 0-1,
  // a group of their own, stay apart from 2-3 (average 0.4): one strong link
  // does not chain the two sides.
  EXPECT_EQ(groups, (std::vector<std::vector<int>>{{2, 3}, {0, 1}}));
  for (const auto& g : groups)  // 4 and 5 stand alone
    EXPECT_TRUE(std::find(g.begin(), g.end(), 4) == g.end() && std::find(g.begin(), g.end(), 5) == g.end());
}

TEST(MergeByAverageLink, CallerRulesHold) {
  AverageLinkRules rules;
  rules.threshold = 0.5;
  rules.similarity = Sim;
  rules.may_merge = [](const std::vector<int>& a, const std::vector<int>& b) {
    for (int x : a)
      for (int y : b)
        if ((x == 0 && y == 1) || (x == 1 && y == 0)) return false;  // 0 and 1 never together
    return true;
  };
  for (const auto& g : MergeByAverageLink(6, AllLinks(6), rules)) {
    bool zero = std::count(g.begin(), g.end(), 0), one = std::count(g.begin(), g.end(), 1);
    EXPECT_FALSE(zero && one);
  }
  AverageLinkRules opening;
  opening.threshold = 0.5;
  opening.similarity = Sim;
  opening.opens = [](int i) { return i == 0; };  // only item 0 opens a group; 3 and 4 cannot pair alone
  auto groups = MergeByAverageLink(6, AllLinks(6), opening);
  ASSERT_EQ(groups.size(), 1u);
  std::vector<int> g = groups[0];
  std::sort(g.begin(), g.end());
  EXPECT_EQ(g, (std::vector<int>{0, 1, 2}));
}

TEST(AverageLinkDense, MergesTheBestAverageFirst) {
  const size_t n = 4;
  // 0-1 0.9, 2-3 0.8, across 0.1.
  std::vector<double> sum(n * n, 0.1);
  sum[0 * n + 1] = sum[1 * n + 0] = 0.9;
  sum[2 * n + 3] = sum[3 * n + 2] = 0.8;
  EXPECT_EQ(AverageLinkDense(n, sum, 0.5), (std::vector<int>{0, 0, 1, 1}));
  EXPECT_EQ(AverageLinkDense(n, sum, 0.05), (std::vector<int>{0, 0, 0, 0}));
  EXPECT_EQ(AverageLinkDense(n, sum, 0.95), (std::vector<int>{0, 1, 2, 3}));
}

}  // namespace
}  // namespace crosscheck
