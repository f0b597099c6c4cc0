// Named-entity tagger: a greedy left-to-right averaged perceptron over word,
// shape, affix, context, lexicon and document features, trained on
// CoNLL-2003 (PER, ORG, LOC, MISC; IOB2 internally). The model that ships is
// compiled into the library (models/entities.model, written by
// `crosscheck train entities`); training is deterministic: the same data and
// options give the same file byte for byte.
// Thread-safety: a loaded EntityTagger is immutable; Tag() is safe from any
// thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/status.h"

namespace crosscheck::tagger {

enum class EntityKind : uint8_t { kNone, kPerson, kOrganization, kPlace, kMisc };
const char* ToString(EntityKind k);  // "PER", "ORG", "LOC", "MISC", "O"

// One tag per word: the kind and whether the word begins a name.
struct Tag {
  EntityKind kind = EntityKind::kNone;
  bool begin = false;
  bool operator==(const Tag&) const = default;
};
std::string ToIob2(Tag t);  // "B-PER", "I-ORG", "O"

// A sentence as the tagger reads it: the words (punctuation left out), and
// for each word the punctuation mark standing right before it ('\0' when
// none; ',' '.' '(' ')' '"' ':' '-' and '?' for any other mark).
struct Sentence {
  std::vector<std::string_view> words;
  std::vector<char> mark_before;
  char mark_after_last = '\0';
};
// Splits raw tokens into words and marks: a token with no letter or digit
// is a mark. Keeps views into `tokens`.
Sentence FromTokens(const std::vector<std::string_view>& tokens);
// The class of a punctuation token or gap text ('\0' when it holds none).
char MarkClass(std::string_view text);

class Model;

class EntityTagger {
 public:
  // The model compiled into the library; loaded on first use.
  static const EntityTagger& Default();
  static StatusOr<EntityTagger> FromText(std::string_view model_text);
  EntityTagger(EntityTagger&&) noexcept;
  EntityTagger& operator=(EntityTagger&&) noexcept;
  ~EntityTagger();

  // Tags the sentences of one document in order (names tagged earlier in
  // the document inform later ones). With `margins`, also how far each
  // chosen tag's score is ahead of the next allowed one (a confidence).
  std::vector<std::vector<Tag>> TagDocument(const std::vector<Sentence>& doc,
                                            std::vector<std::vector<float>>* margins = nullptr) const;
  // Whether the model's gazetteer has a lower-case noun whose first sense
  // is a person ("reporter", "lawyer"; a plural by its singular).
  bool IsPersonNoun(std::string_view lower) const;

 private:
  explicit EntityTagger(std::unique_ptr<Model> m);
  std::unique_ptr<Model> model_;
};

// CoNLL-2003: token in the first column, the NER tag in the last (IOB1 or
// IOB2); "-DOCSTART-" lines start documents; blank lines end sentences.
struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> gold;  // as in the file (may be empty: untagged input)
};
struct ConllDocument {
  std::vector<ConllSentence> sentences;
};
// Reads CoNLL text; fails with a message naming the line on a malformed one
// (bounded: at most `max_tokens` tokens). Without `with_tags` only the
// first column is read (input to tag: any columns may follow).
StatusOr<std::vector<ConllDocument>> ParseConll(std::string_view text, size_t max_tokens = 5'000'000,
                                                bool with_tags = true);
// Gold tags of a sentence as IOB2 Tags (IOB1 "I-X" after a different kind
// begins a name).
std::vector<Tag> GoldTags(const ConllSentence& s);
// Tags one CoNLL document: one Tag per token, marks tagged O.
std::vector<std::vector<Tag>> TagConll(const EntityTagger& t, const ConllDocument& d);

struct TrainOptions {
  // Word clusters (ClusterWords' file) the features use; empty for none.
  // They are stored in the model.
  std::string clusters;
  // Known names (phrase, kind: 1 PER, 2 ORG, 3 LOC, 4 MISC) and nouns of
  // people, groups and places (5, 6, 7; lower case), a gazetteer the
  // features consult; stored in the model too. Empty for none.
  std::vector<std::pair<std::string, int>> names;
  int epochs = 12;
  uint32_t seed = 1;           // order of documents in each epoch
  double min_weight = 0.0005;  // averaged weights smaller than this are dropped
  // Share of training words whose own identity features are left out, so
  // the model learns names from context and shape too (names unseen in
  // training are the rule in news).
  double word_dropout = 0.2;
};
// Trains a model and returns its text form; fails on a malformed clusters
// file. `progress(epoch, errors)` is called after every epoch when set.
StatusOr<std::string> Train(const std::vector<ConllDocument>& docs, const TrainOptions& options,
                            const std::function<void(int, size_t)>& progress = {});

struct ClusterOptions {
  uint32_t min_count = 3;      // words seen fewer times get no cluster
  size_t contexts = 1000;      // the most frequent words serve as neighbours
  int coarse = 64, fine = 16;  // clusters, and sub-clusters of each
  int iterations = 15;
};
// Clusters the words of `sentences` (tokens as written); returns the
// clusters file. `progress` hears of each step when set.
std::string ClusterWords(const std::vector<std::vector<std::string>>& sentences,
                         const ClusterOptions& options,
                         const std::function<void(const std::string&)>& progress = {});

}  // namespace crosscheck::tagger
