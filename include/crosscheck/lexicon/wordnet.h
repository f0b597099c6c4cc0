// WordNet synonym keys, read from Debian's WordNet 3.0 database
// (wordnet-base: /usr/share/wordnet). Two words are synonyms when they share
// a synset among their first senses.
// The index and exception files are loaded into memory once, on first use
// (about 6 MB of text); lookups are then hash-table probes.
// Thread-safety: Get(), SenseKeys() and Knows() are safe from any thread.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosscheck::lexicon {

class WordNet {
 public:
  // The process-wide instance; loads the database on first use. Reads
  // $WNSEARCHDIR when set, else the Debian location.
  static WordNet& Get();
  bool available() const { return available_; }
  // Synset keys (part of speech and offset) of the first senses of the base
  // forms of `folded_word` as noun, verb and adjective; empty if unknown.
  // The reference stays valid for the life of the process.
  const std::vector<uint64_t>& SenseKeys(std::string_view folded_word);
  // Whether a folded word, or a base form of it, is a WordNet noun, verb or
  // adjective ("lower-case English"). Lock-free.
  bool Knows(std::string_view folded_word) const;
  // The capitalised nouns of the database with a kind of name: 1 a person
  // (a named instance of noun.person), 2 an organisation (noun.group), 3 a
  // place (noun.location, or a named noun.object: rivers, mountains), 4
  // anything else named, and peoples and members ("Russian", "Democrat");
  // and the one-word lower-case nouns whose first sense is 5 a person
  // ("engineer", "lawyer"), 6 a group ("police", "committee") or 7 a place
  // ("city", "region"). Phrases have spaces for WordNet's underscores.
  // Reads data.noun each call (about 15 MB): for training, not tagging.
  std::vector<std::pair<std::string, int>> NamedNouns() const;
  // Base forms of a word for a part of speech (0 noun, 1 verb, 2 adjective)
  // by WordNet's morphology: exception lists, then suffix rules.
  std::vector<std::string> BaseForms(std::string_view word, int pos) const;

 private:
  WordNet();
  struct Senses {
    std::array<uint32_t, 2> offset{};
    uint8_t count = 0;
  };
  bool available_ = false;
  std::unordered_map<std::string, Senses> index_[3];
  std::unordered_map<std::string, std::vector<std::string>> exceptions_[3];
  std::mutex mu_;
  std::unordered_map<std::string, std::vector<uint64_t>> cache_;
};

// True when a and b share a synset key. Both inputs sorted.
bool ShareSense(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace crosscheck::lexicon
