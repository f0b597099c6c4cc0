#include "crosscheck/index/copies.h"

#include <cstdio>

#include "crosscheck/text/tokens.h"

namespace crosscheck::index {

std::string ContentHash(std::string_view text) {
  // Two 64-bit FNV-style lanes over the text, runs of white space read as one
  // space: the same story stored with other line breaks hashes the same.
  uint64_t a = 1469598103934665603ull, b = 0x9E3779B97F4A7C15ull;
  bool space = false;
  for (unsigned char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space) {
      a = (a ^ ' ') * 1099511628211ull;
      b = (b ^ ' ') * 0xff51afd7ed558ccdull + 7;
      space = false;
    }
    a = (a ^ c) * 1099511628211ull;
    b = (b ^ c) * 0xff51afd7ed558ccdull + 7;
  }
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return buf;
}

Signature TextSignature(std::string_view text) {
  return MinHash(text::Tokenize(text, {0, static_cast<uint32_t>(text.size())}));
}

int64_t CopyDetector::OriginalOf(const Signature& s) const {
  for (const auto& [id, other] : lsh_.Candidates(s))
    if (EstimatedJaccard(s, *other) >= opt_.near_duplicate) return id;
  return 0;
}

}  // namespace crosscheck::index
