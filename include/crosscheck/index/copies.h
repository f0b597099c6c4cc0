// Copy detection, shared by `report` on files and by ingest: an article whose
// text is the same as an earlier one's (ContentHash) is a duplicate; one whose
// 5-word shingles mostly repeat an earlier one's (MinHash, estimated Jaccard
// at least `near_duplicate`) republishes it. Candidates come from an LSH
// index over the most recent `window` articles, never from all pairs.
// CopyDetector is a plain value type; not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "crosscheck/index/signatures.h"

namespace crosscheck::index {

struct CopyOptions {
  // Estimated Jaccard similarity of 5-word shingles at which an article is a
  // copy of an earlier one. Wire copies with a changed headline or an added
  // paragraph score 0.8-0.95, two outlets' own reports of one event below
  // 0.3; 0.7 sits between.
  double near_duplicate = 0.7;
  size_t window = 100000;  // recent articles a new one is checked against (memory bound)
};

// A stable hash of a text with white space folded (hex, 32 characters).
std::string ContentHash(std::string_view text);

// The MinHash signature of an article's text as both callers compute it.
Signature TextSignature(std::string_view text);

class CopyDetector {
 public:
  explicit CopyDetector(const CopyOptions& options = {}) : opt_(options), lsh_(options.window) {}
  // The id of the most recent remembered article `s` copies, or 0.
  int64_t OriginalOf(const Signature& s) const;
  // Remembers an article (ids increase); the oldest beyond the window go.
  void Add(int64_t id, const Signature& s) { lsh_.Add(id, s); }

 private:
  CopyOptions opt_;
  LshIndex lsh_;
};

}  // namespace crosscheck::index
