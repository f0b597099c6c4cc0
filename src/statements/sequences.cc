#include "sequences.h"

#include <algorithm>
#include <array>
#include <bit>

namespace crosscheck::statements::internal {
namespace {

// Rows of the dynamic programmes, kept per thread between calls.
std::vector<size_t>& Row(int k, size_t n) {
  thread_local std::vector<size_t> rows[4];
  rows[k].resize(n);
  return rows[k];
}

// For each distinct word of a sequence of at most 64, the positions where
// it stands, as bits; looked up by key in a small open-addressing table.
class Positions {
 public:
  explicit Positions(const std::vector<uint64_t>& p) {
    for (size_t i = 0; i < p.size(); ++i) {
      size_t h = Slot(p[i]);
      while (used_[h] && keys_[h] != p[i]) h = (h + 1) & (kSlots - 1);
      used_[h] = true;
      keys_[h] = p[i];
      bits_[h] |= uint64_t{1} << i;
    }
  }
  uint64_t Of(uint64_t key) const {
    for (size_t h = Slot(key); used_[h]; h = (h + 1) & (kSlots - 1))
      if (keys_[h] == key) return bits_[h];
    return 0;
  }

 private:
  static constexpr size_t kSlots = 128;  // at most 64 keys: half full at most
  static size_t Slot(uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 57; }
  std::array<uint64_t, kSlots> keys_{}, bits_{};
  std::array<bool, kSlots> used_{};
};

}  // namespace

size_t LcsTable(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<size_t>&prev = Row(0, b.size() + 1), &cur = Row(1, b.size() + 1);
  std::fill(prev.begin(), prev.end(), 0);
  std::fill(cur.begin(), cur.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

size_t EditDistanceTable(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<size_t>&prev = Row(2, b.size() + 1), &cur = Row(3, b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

size_t Lcs(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  const bool a_short = a.size() <= b.size();
  const auto& p = a_short ? a : b;  // the pattern: bits
  const auto& t = a_short ? b : a;
  if (p.empty()) return 0;
  if (p.size() > 64) return LcsTable(a, b);
  const Positions at(p);
  // Zero bits of v mark the pattern positions of a longest common
  // subsequence of the text read so far.
  uint64_t v = ~uint64_t{0};
  for (uint64_t key : t) {
    const uint64_t u = v & at.Of(key);
    v = (v + u) | (v - u);
  }
  const uint64_t mask = p.size() == 64 ? ~uint64_t{0} : (uint64_t{1} << p.size()) - 1;
  return p.size() - static_cast<size_t>(std::popcount(v & mask));
}

size_t EditDistance(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  const bool a_short = a.size() <= b.size();
  const auto& p = a_short ? a : b;
  const auto& t = a_short ? b : a;
  if (p.empty()) return t.size();
  if (p.size() > 64) return EditDistanceTable(a, b);
  const Positions at(p);
  // The vertical differences of the table's last column read so far, as
  // +1 (pv) and -1 (mv) bits; the distance is tracked in the last row.
  const uint64_t last = uint64_t{1} << (p.size() - 1);
  uint64_t pv = ~uint64_t{0}, mv = 0;
  size_t score = p.size();
  for (uint64_t key : t) {
    const uint64_t eq = at.Of(key);
    const uint64_t xv = eq | mv;
    const uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
    uint64_t ph = mv | ~(xh | pv);
    uint64_t mh = pv & xh;
    if (ph & last)
      ++score;
    else if (mh & last)
      --score;
    ph = (ph << 1) | 1;  // the first row grows by one a word
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

}  // namespace crosscheck::statements::internal
