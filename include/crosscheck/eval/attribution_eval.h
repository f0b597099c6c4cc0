// Scoring attribution extraction against brat standoff annotations laid out
// like PolNeAR (text/NAME.txt, attributions/NAME_ANNOTATOR.ann).
//
// Metrics (token overlap): predicted and gold attributions are matched one
// to one, greedily by the number of word tokens their contents share.
// Content precision = shared tokens of matched pairs / tokens of all
// predictions; recall = shared tokens / tokens of all gold contents.
// Speaker accuracy = share of matched pairs (with a gold source) whose
// predicted speaker overlaps the gold source span or shares a word with it.
// "Direct" restricts both sides to quotations (gold content opening with a
// quotation mark; predictions flagged direct).
#pragma once

#include <string>
#include <vector>

#include "crosscheck/span.h"
#include "crosscheck/status.h"

namespace crosscheck::eval {

struct GoldAttribution {
  std::vector<Span> content;  // code-point offsets, possibly discontinuous
  Span source;                // empty when the annotation has no source
  std::string cue;
};

// Parses brat standoff lines: T lines (Source, Cue, Content) joined by E lines.
std::vector<GoldAttribution> ParseBrat(std::string_view ann);

struct PredictedAttribution {
  std::vector<Span> content;  // code-point offsets
  Span speaker;               // code-point offsets, empty when unknown
  std::string speaker_name;   // resolved entity name, may be empty
  bool direct = false;
};

struct Scores {
  double precision = 0, recall = 0, f1 = 0, speaker_accuracy = 0;
  size_t gold = 0, predicted = 0, matched = 0;
};

struct AttributionScores {
  Scores all, direct;
  size_t documents = 0;
};

// Adds one document's comparison to running totals.
class AttributionScorer {
 public:
  void Add(std::string_view text, const std::vector<GoldAttribution>& gold,
           const std::vector<PredictedAttribution>& predicted);
  AttributionScores Result() const;

 private:
  struct Totals {
    double shared = 0, pred_tokens = 0, gold_tokens = 0, speaker_ok = 0, speaker_n = 0;
    size_t gold = 0, predicted = 0, matched = 0;
  };
  void AddTo(Totals& t, std::string_view text, const std::vector<const GoldAttribution*>& gold,
             const std::vector<const PredictedAttribution*>& predicted);
  static Scores Finish(const Totals& t);
  Totals all_, direct_;
  size_t documents_ = 0;
};

// Runs crosscheck's attribution extraction over every annotated file of a
// folder laid out like PolNeAR and scores it. Each .ann file counts as one
// gold document (an article annotated twice counts twice).
StatusOr<AttributionScores> EvaluateAttributionsFolder(const std::string& dir);

}  // namespace crosscheck::eval
