// WordNet synonym keys through Debian's libwordnet (wordnet-base data).
// Two words are synonyms when they share a synset among their first senses.
// Thread-safety: libwordnet keeps global state; every call takes a mutex and
// results are cached per process.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace crosscheck::lexicon {

class WordNet {
 public:
  // The process-wide instance; opens the database on first use.
  static WordNet& Get();
  bool available() const { return available_; }
  // Synset keys (part of speech and offset) of the first senses of the base
  // form of `folded_word` as noun, verb and adjective. Empty if unknown.
  const std::vector<uint64_t>& SenseKeys(std::string_view folded_word);

 private:
  WordNet();
  bool available_ = false;
};

// True when a and b share a synset key. Both inputs sorted.
bool ShareSense(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace crosscheck::lexicon
