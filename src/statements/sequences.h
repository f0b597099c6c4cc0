// Word sequences compared: longest common subsequence and edit distance
// (insert, delete, substitute one word) of two sequences of word keys.
// A sequence of up to 64 words is compared with bit vectors (a step per
// word of the other sequence: Allison and Dix's LCS, Myers' and Hyyrö's
// edit distance); longer ones by the textbook dynamic programme, which the
// tests hold the bit vectors to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace crosscheck::statements::internal {

size_t Lcs(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);
size_t EditDistance(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// The dynamic programmes themselves, for any length.
size_t LcsTable(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);
size_t EditDistanceTable(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace crosscheck::statements::internal
