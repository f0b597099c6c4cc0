// How an article treats a claim (FNC-1's task): agrees with it, disagrees,
// discusses it without taking a side, or is unrelated. A multinomial
// logistic model over overlap features between the claim and the article
// (the whole body, its opening, its closest sentence) and cue words around
// the overlap (refuting, hedging, confirming, negation), trained by
// `crosscheck train stance`; the shipped model (models/stance.model) is
// compiled into the library. Training is deterministic.
// Thread-safety: a loaded StanceModel is immutable; Predict() is safe from
// any thread.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crosscheck/status.h"

namespace crosscheck::statements {

enum class Stance : uint8_t { kAgree, kDisagree, kDiscuss, kUnrelated };
constexpr size_t kStances = 4;
const char* ToString(Stance s);  // "agree", "disagree", "discuss", "unrelated"

constexpr size_t kStanceFeatures = 24;
using StanceFeatures = std::array<double, kStanceFeatures>;

// An article read once for many claims: its sentences as stem sets.
struct ArticleView {
  std::vector<std::vector<std::string>> sentences;  // content stems per sentence, in order
  std::vector<std::vector<std::string>> words;      // every stem per sentence (for bigrams and cues)
};
ArticleView ReadArticle(std::string_view body);
StanceFeatures StanceFeaturesOf(std::string_view claim, const ArticleView& article);

class StanceModel {
 public:
  static const StanceModel& Default();
  static StatusOr<StanceModel> FromText(std::string_view text);
  std::string ToText() const;
  Stance Predict(const StanceFeatures& f) const;
  std::array<double, kStances> Probabilities(const StanceFeatures& f) const;

  StanceFeatures mean{}, scale{};
  std::array<StanceFeatures, kStances> weight{};
  std::array<double, kStances> bias{};
};

// Fits the model (softmax regression, standardised features, L2, full-batch
// gradient descent from zero for a fixed number of steps).
StanceModel TrainStance(const std::vector<StanceFeatures>& x, const std::vector<Stance>& y, int steps = 1500);

// FNC-1's files: bodies (Body ID, articleBody) and stances (Headline, Body
// ID, Stance; the stance may be missing in input to label). CSV with quoted
// fields, doubled quotes and line breaks inside quotes.
struct StanceItem {
  std::string headline, body_id;
  int stance = -1;  // a Stance, or -1 when unlabelled
};
StatusOr<std::unordered_map<std::string, std::string>> ParseBodies(std::string_view csv);
StatusOr<std::vector<StanceItem>> ParseStances(std::string_view csv);
// One CSV field, quoted when it must be.
std::string CsvField(std::string_view s);

// FNC-1's score: 0.25 for telling related from unrelated, 0.75 more for the
// right one of agree, disagree, discuss; relative to the best possible.
struct StanceScores {
  double score = 0, best = 0;
  std::array<std::array<size_t, kStances>, kStances> confusion{};  // [gold][predicted]
  double relative() const { return best > 0 ? score / best : 0; }
  double F1(Stance s) const;
  double MacroF1() const;
  void Add(Stance gold, Stance predicted);
};

}  // namespace crosscheck::statements
