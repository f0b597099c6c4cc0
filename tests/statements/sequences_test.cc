// The bit-vector LCS and edit distance against the dynamic programmes, on
// random word sequences of every length around the 64-word bit width.
#include "sequences.h"

#include <gtest/gtest.h>

#include <random>

namespace crosscheck::statements::internal {
namespace {

std::vector<uint64_t> Words(std::mt19937_64& rng, size_t n, uint64_t alphabet) {
  std::vector<uint64_t> w(n);
  for (auto& x : w) x = (rng() % alphabet) * 0x9E3779B97F4A7C15ull + 7;  // keys as hashes look
  return w;
}

TEST(Sequences, BitVectorsAgreeWithTheTables) {
  std::mt19937_64 rng(20261207);
  const size_t lengths[] = {0, 1, 2, 5, 17, 40, 63, 64, 65, 90};
  for (size_t la : lengths)
    for (size_t lb : lengths)
      for (uint64_t alphabet : {2u, 6u, 40u})
        for (int round = 0; round < 4; ++round) {
          auto a = Words(rng, la, alphabet), b = Words(rng, lb, alphabet);
          ASSERT_EQ(Lcs(a, b), LcsTable(a, b)) << la << " " << lb << " " << alphabet;
          ASSERT_EQ(EditDistance(a, b), EditDistanceTable(a, b)) << la << " " << lb << " " << alphabet;
        }
}

TEST(Sequences, KnownValues) {
  // "the ship sank" / "the old ship sank fast": two words inserted.
  std::vector<uint64_t> a = {1, 2, 3}, b = {1, 4, 2, 3, 5};
  EXPECT_EQ(Lcs(a, b), 3u);
  EXPECT_EQ(EditDistance(a, b), 2u);
  EXPECT_EQ(EditDistance(b, a), 2u);
  EXPECT_EQ(EditDistance({}, b), 5u);
  EXPECT_EQ(Lcs({}, b), 0u);
  EXPECT_EQ(EditDistance({1, 2}, {3, 4}), 2u);  // two substitutions
}

}  // namespace
}  // namespace crosscheck::statements::internal
