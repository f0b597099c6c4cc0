// Whether two sentences state the same thing: a logistic regression over
// overlap features (content stems, WordNet synonyms, word and letter
// n-grams, BLEU, edit distance, numbers, names, negation, length, longest
// common subsequence, words left unmatched) with boosted trees on its
// margin, trained on the MSRP paraphrase corpus by `crosscheck train same`. The
// model that ships (models/same.model) is compiled into the library;
// training is deterministic.
// Thread-safety: a loaded SameModel is immutable; Score() is safe from any
// thread.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/status.h"
#include "crosscheck/text/tokens.h"

namespace crosscheck::statements {

constexpr size_t kPairFeatures = 24;
using PairFeatures = std::array<double, kPairFeatures>;

// A sentence read once, for comparing with many others. Words, n-grams and
// letter trigrams are 64-bit keys; the sets are sorted and unique.
struct Statement {
  std::vector<uint64_t> stems;                       // every word (stemmed) and number, in order
  std::vector<uint64_t> content;                     // the stems of words that are not function words
  std::vector<const std::vector<uint64_t>*> senses;  // WordNet senses of each content word (process lifetime)
  std::vector<uint64_t> sense_masks;  // their senses hashed to bits: disjoint masks share no sense
  std::vector<uint64_t> content_set, numbers, names;
  std::array<std::vector<uint64_t>, 4> grams;  // stem 1- to 4-grams
  std::vector<uint64_t> trigrams;              // letter trigrams
  bool negated = false;
};
Statement ReadStatement(std::string_view sentence);
// The same from the sentence's tokens, already made (text::Tokenize of it).
Statement ReadStatement(std::string_view sentence, const std::vector<text::Token>& tokens);

// The features of a pair of sentences (symmetric: a, b and b, a agree).
PairFeatures FeaturesOf(std::string_view a, std::string_view b);
PairFeatures FeaturesOf(const Statement& a, const Statement& b);
const char* FeatureName(size_t k);

class SameModel {
 public:
  // The model compiled into the library.
  static const SameModel& Default();
  static StatusOr<SameModel> FromText(std::string_view text);
  std::string ToText() const;
  // Probability that the two sentences state the same thing.
  double Score(std::string_view a, std::string_view b) const;
  double Score(const Statement& a, const Statement& b) const { return ScoreFeatures(FeaturesOf(a, b)); }
  double ScoreFeatures(const PairFeatures& f) const;
  // The log-odds behind ScoreFeatures.
  double Margin(const PairFeatures& f) const;
  bool Same(std::string_view a, std::string_view b) const { return Score(a, b) >= threshold; }

  // Standardisation (mean, scale) and weights per feature; a score at or
  // above the threshold says "same".
  PairFeatures mean{}, scale{}, weight{};
  double bias = 0, threshold = 0.5;

  // Boosted regression trees of depth 3 added to the linear margin: node k
  // (0..6) sends a pair right when feature[k] > cut[k] (feature -1: always
  // left), its children are 2k+1 and 2k+2, and nodes 7..14 are leaves.
  struct Tree {
    std::array<int, 7> feature{};
    std::array<double, 7> cut{};
    std::array<double, 8> leaf{};
  };
  std::vector<Tree> trees;
};

// One MSRP line: label (1 same, 0 not), the two ids and sentences.
struct LabelledPair {
  int label = 0;
  std::string id1, id2, s1, s2;
};
// MSRP's tab-separated layout, header line first ("Quality  #1 ID ...");
// fails naming the line on a malformed one. Labels may be absent (test
// input to label): then label is -1.
StatusOr<std::vector<LabelledPair>> ParseMsrp(std::string_view text, size_t max_pairs = 1'000'000);

// Fits the model to features and labels (0/1): standardised features,
// L2-regularised logistic regression by full-batch gradient descent, a fixed
// number of steps from zero weights; threshold 0.5 (choosing it on the
// training pairs measured worse under cross-validation). The same data give
// the same model.
// Then `rounds` trees are boosted on the linear model's margin (Newton
// steps on the logistic loss, cuts at feature quantiles, shrinkage 0.1).
SameModel TrainSame(const std::vector<PairFeatures>& x, const std::vector<int>& y, int steps = 3000,
                    int rounds = 60);

struct PairCounts {
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
  double accuracy() const { return static_cast<double>(tp + tn) / std::max<size_t>(1, tp + fp + fn + tn); }
  double f1() const { return tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0; }
};
// The features of every pair, in order.
std::vector<PairFeatures> FeaturesOfPairs(const std::vector<LabelledPair>& pairs);
// Counts of `model`'s decisions against the labels, over the pairs whose
// place i has i % k == fold (fold -1: all).
PairCounts Decisions(const SameModel& model, const std::vector<LabelledPair>& pairs,
                     const std::vector<PairFeatures>& x, size_t k = 1, int fold = -1);
// k-fold cross-validation: pairs in place i % k form fold i, each scored by
// a model trained on the others. One count per fold.
std::vector<PairCounts> CrossValidate(const std::vector<LabelledPair>& pairs,
                                      const std::vector<PairFeatures>& x, size_t k);

}  // namespace crosscheck::statements
