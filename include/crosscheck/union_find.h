// Disjoint sets over 0..n-1 with path halving. Internal helper shared by the
// stages that group items (entities, quotes, conflicts). Not thread-safe.
#pragma once

#include <numeric>
#include <vector>

namespace crosscheck {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // Joins the sets of a and b; the smaller root index becomes the root.
  void Union(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<int> parent_;
};

}  // namespace crosscheck
