#include "crosscheck/average_link.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>

namespace crosscheck {

std::vector<std::vector<int>> MergeByAverageLink(size_t n, std::vector<Link> links,
                                                 const AverageLinkRules& rules) {
  std::vector<int> group_of(n, -1);
  std::vector<std::vector<int>> groups;
  if (rules.opens)
    for (size_t i = 0; i < n; ++i)
      if (rules.opens(static_cast<int>(i))) {
        group_of[i] = static_cast<int>(groups.size());
        groups.push_back({static_cast<int>(i)});
      }
  std::stable_sort(links.begin(), links.end(),
                   [](const Link& x, const Link& y) { return x.similarity > y.similarity; });
  // A refused merge stays refused while neither side changes: later links
  // between the same two groups are skipped without recomputing (a side is
  // a group at a version, or a lone item).
  std::vector<uint32_t> version;
  std::set<std::array<int64_t, 2>> refused;
  auto side = [&](int g, int item) -> int64_t {
    if (g < 0) return -1 - static_cast<int64_t>(item);
    if (version.size() <= static_cast<size_t>(g)) version.resize(g + 1, 0);
    return (static_cast<int64_t>(g) << 32) | version[g];
  };
  for (const Link& l : links) {
    const int ga = group_of[l.a], gb = group_of[l.b];
    if (ga >= 0 && ga == gb) continue;
    if (ga < 0 && gb < 0 && rules.opens) continue;  // neither may stand alone
    int64_t sa = side(ga, l.a), sb = side(gb, l.b);
    std::array<int64_t, 2> key{std::min(sa, sb), std::max(sa, sb)};
    if (refused.count(key) != 0) continue;
    std::vector<int> a = ga >= 0 ? groups[ga] : std::vector<int>{l.a};
    std::vector<int> b = gb >= 0 ? groups[gb] : std::vector<int>{l.b};
    if (rules.may_merge && !rules.may_merge(a, b)) {
      refused.insert(key);
      continue;
    }
    double sum = 0;
    const size_t na = std::min(a.size(), rules.max_members), nb = std::min(b.size(), rules.max_members);
    for (size_t x = 0; x < na; ++x)
      for (size_t y = 0; y < nb; ++y) sum += rules.similarity(a[x], b[y]);
    if (sum / static_cast<double>(na * nb) < rules.threshold) {
      refused.insert(key);
      continue;
    }
    int target = ga >= 0 ? ga : gb;
    if (target < 0) {
      target = static_cast<int>(groups.size());
      groups.emplace_back();
    }
    std::vector<int> merged = std::move(a);
    merged.insert(merged.end(), b.begin(), b.end());
    if (ga >= 0 && ga != target) groups[ga].clear();
    if (gb >= 0 && gb != target) groups[gb].clear();
    for (int m : merged) group_of[m] = target;
    groups[target] = std::move(merged);
    (void)side(target, 0);
    ++version[target];
  }
  std::erase_if(groups, [](const std::vector<int>& g) { return g.empty(); });
  return groups;
}

std::vector<int> AverageLinkDense(size_t n, std::vector<double> sum, double threshold) {
  std::vector<size_t> size(n, 1);
  std::vector<size_t> group(n);
  for (size_t i = 0; i < n; ++i) group[i] = i;
  std::vector<size_t> alive(n);
  for (size_t i = 0; i < n; ++i) alive[i] = i;
  while (alive.size() > 1) {
    double best = -1;
    size_t bi = 0, bj = 0;
    for (size_t x = 0; x < alive.size(); ++x)
      for (size_t y = x + 1; y < alive.size(); ++y) {
        size_t i = alive[x], j = alive[y];
        double avg = sum[i * n + j] / static_cast<double>(size[i] * size[j]);
        if (avg > best) {
          best = avg;
          bi = x;
          bj = y;
        }
      }
    if (best < threshold) break;
    size_t i = alive[bi], j = alive[bj];
    for (size_t k : alive) {
      if (k == i || k == j) continue;
      sum[i * n + k] = sum[k * n + i] = sum[i * n + k] + sum[j * n + k];
    }
    size[i] += size[j];
    for (auto& g : group)
      if (g == j) g = i;
    alive.erase(alive.begin() + static_cast<long>(bj));
  }
  std::vector<int> label(n, -1), out(n);
  int next = 0;
  for (size_t m = 0; m < n; ++m) {
    if (label[group[m]] < 0) label[group[m]] = next++;
    out[m] = label[group[m]];
  }
  return out;
}

}  // namespace crosscheck
