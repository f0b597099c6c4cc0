// Per-article signatures for following the news flow: a term vector for
// event clustering and a MinHash signature (with an LSH index) for finding
// wire copies and republished stories. Pure functions, except LshIndex,
// which is a plain value type (not thread-safe).
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "crosscheck/text/tokens.h"

namespace crosscheck::index {

// Term -> raw weight (term frequency, names and numbers weighted up).
// Terms are 32-bit hashes of stems; "name:" terms for capitalised words
// that do not start a sentence. Name and number terms have kNameBit set.
constexpr uint32_t kNameBit = 0x80000000u;
inline bool IsNameTerm(uint32_t t) { return (t & kNameBit) != 0; }
using RawTerms = std::unordered_map<uint32_t, float>;

// A sparse vector, sorted by term, L2-normalised.
struct TermVector {
  std::vector<std::pair<uint32_t, float>> terms;
  std::string Serialize() const;
  static TermVector Deserialize(std::string_view bytes);
};
double Dot(const TermVector& a, const TermVector& b);

constexpr int kMinHashSize = 64;
using Signature = std::array<uint32_t, kMinHashSize>;
// MinHash over 5-word shingles of the folded words of tokens already made
// (text::Tokenize output, in order); one hash per shingle, 64 bins.
Signature MinHash(const std::vector<text::Token>& tokens);
// The same over tokens given in consecutive pieces (a text's sentences and
// the text between them): equal to MinHash of the pieces joined.
Signature MinHash(const std::vector<const std::vector<text::Token>*>& pieces);
double EstimatedJaccard(const Signature& a, const Signature& b);
std::string SerializeSignature(const Signature& s);
// False for bytes that are not a signature of this scheme (such as one
// stored by a build that hashed differently).
bool DeserializeSignature(std::string_view bytes, Signature& out);

// Locality-sensitive hashing over signatures (16 bands of 4 rows) for the
// most recent `capacity` articles; older ones are forgotten.
class LshIndex {
 public:
  explicit LshIndex(size_t capacity) : capacity_(capacity) {}
  void Add(int64_t id, const Signature& s);
  // Ids whose signatures share at least two bands with s (for Jaccard 0.8
  // that misses fewer than 1 in 1,000 pairs), most recent first.
  std::vector<std::pair<int64_t, const Signature*>> Candidates(const Signature& s) const;
  size_t size() const { return order_.size(); }

 private:
  static constexpr int kBands = 16, kRows = 4;
  static constexpr size_t kBucketCap = 64;  // most recent ids kept per bucket
  size_t capacity_;
  std::unordered_map<int64_t, Signature> signatures_;
  std::deque<int64_t> order_;
  std::unordered_map<uint64_t, std::vector<int64_t>> buckets_[kBands];
  size_t since_sweep_ = 0;  // additions since forgotten ids were last swept from the buckets
};

// Both signatures from one tokenization of the article.
struct ArticleSignatures {
  RawTerms terms;
  Signature minhash;
  // Months the text names with their year ("in September 2010", "June 24,
  // 2005"), as year * 12 + month - 1, ascending, each once, at most
  // kStatedMonths of them (the first found).
  std::vector<int32_t> months;
};
constexpr size_t kStatedMonths = 16;
// The months `toks` name with a year: a capitalised month name followed,
// within three tokens (a day, a comma), by a year from 1900 to 2099.
std::vector<int32_t> StatedMonths(const std::vector<text::Token>& toks);
ArticleSignatures Analyze(std::string_view title, std::string_view text);

// FNV-1a, the hash behind term ids.
uint32_t Fnv1a(std::string_view s);

}  // namespace crosscheck::index
