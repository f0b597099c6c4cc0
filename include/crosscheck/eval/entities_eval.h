// Scoring names on a CoNLL-2003 file the way conlleval does: a name is its
// first and last token and its type; a predicted name counts only when all
// three match a gold one. Documents in odd and even places are the two folds.
// Two things are scored: the learned tagger alone (four types), and the
// names the report uses (extract::FindMentions and ResolveEntities on each
// document's text, tokens joined by spaces, one paragraph per sentence),
// which has no MISC: there, gold MISC names and "other" entities are left
// out on both sides.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "crosscheck/status.h"

namespace crosscheck::eval {

struct NameScores {
  size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? static_cast<double>(correct) / predicted : 0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct NameEvaluation {
  NameScores all;
  std::map<std::string, NameScores> by_type;  // "LOC", "MISC", "ORG", "PER"
  NameScores folds[2];
};

struct EntityEvaluation {
  NameEvaluation tagger, mentions;
  size_t documents = 0, tokens = 0;
  double seconds = 0;  // tagging only
};

// Tags the file with the library's model and scores it. Fails when the
// file is missing, malformed, or has no tags to score against. With
// `errors`, the report's names that are wrong or missed, one line each
// ("missed<TAB>Bay Co Building Authority (ORG)").
StatusOr<EntityEvaluation> EvaluateEntities(const std::string& conll_path,
                                            const std::function<void(size_t, size_t)>& progress = {},
                                            std::vector<std::string>* errors = nullptr);

}  // namespace crosscheck::eval
