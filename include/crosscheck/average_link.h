// Average-link merging, the grouping behind facts, claims and the events of
// a story. MergeByAverageLink works from candidate links, taken in order of similarity
// (highest first, ties by item order); the groups of a link's two items merge
// when the average similarity over every pair of their members reaches the
// threshold and the caller allows it. Only linked items can meet, so the cost
// follows the candidate links, not all pairs; the average of two large groups
// is taken over their first `max_members` members each, so that cost is
// bounded too. Pure; thread-safe.
#pragma once

#include <functional>
#include <vector>

namespace crosscheck {

struct Link {
  double similarity = 0;
  int a = 0, b = 0;  // item indexes, a != b
};

struct AverageLinkRules {
  double threshold = 0;  // lowest average similarity of two groups that merge
  // Similarity of any two items (called for members of the groups a link joins).
  std::function<double(int, int)> similarity;
  // Optional: whether two groups may merge at all (facts: no two sentences of
  // one outlet).
  std::function<bool(const std::vector<int>&, const std::vector<int>&)> may_merge;
  // Optional: which items open a group of their own. Without it every item
  // may, and two lone items form a group when their link allows; with it
  // only those items start as groups (in item order) and an item that does
  // not open one can only join an existing group.
  std::function<bool(int)> opens;
  // Members of each group (in the order they joined) that the average reads.
  size_t max_members = 64;
};

// The groups formed from `n` items, in the order they were opened; members in
// the order they joined. Items never grouped are left out. Empty groups
// (merged into another) are removed.
std::vector<std::vector<int>> MergeByAverageLink(size_t n, std::vector<Link> links,
                                                 const AverageLinkRules& rules);

// Exact average link over a few items with every pair's similarity known:
// `sum` is the n x n matrix (row-major, symmetric). The two groups with the
// highest average similarity merge while it reaches `threshold`. O(n^3):
// for the small sets it is used on (a story's recent members). Returns one
// label per item, 0..k-1 in order of first use.
std::vector<int> AverageLinkDense(size_t n, std::vector<double> sum, double threshold);

}  // namespace crosscheck
