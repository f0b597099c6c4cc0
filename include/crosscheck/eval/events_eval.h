// Scoring event clustering on a folder laid out like ../shared/corpus/ecbplus
// (*.txt articles, gold.tsv: article<TAB>event). Articles are ingested in
// file-name order into a fresh in-memory store; B-cubed precision, recall and
// F1 are computed over articles.
#pragma once

#include <string>

#include "crosscheck/pipeline/ingestor.h"
#include "crosscheck/status.h"

namespace crosscheck::eval {

struct ClusteringScores {
  double precision = 0, recall = 0, f1 = 0;
  size_t articles = 0, events = 0, gold_events = 0;
  double seconds = 0;
};

StatusOr<ClusteringScores> EvaluateEventsFolder(const std::string& dir,
                                                const pipeline::IngestOptions& options = {});

}  // namespace crosscheck::eval
