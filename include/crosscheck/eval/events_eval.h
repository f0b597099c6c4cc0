// Scoring event clustering on a folder laid out like ../shared/corpus/ecbplus
// (*.txt articles, gold.tsv: article<TAB>event), ingested in file-name
// order, or on a JSONL file with gold.tsv beside it (basil-dev's
// articles.jsonl), ingested in line order. Articles go into a fresh
// in-memory store; B-cubed precision, recall and F1 are computed over
// articles, on the final assignment.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/pipeline/ingestor.h"
#include "crosscheck/status.h"

namespace crosscheck::eval {

struct ClusteringScores {
  double precision = 0, recall = 0, f1 = 0;
  size_t articles = 0, events = 0, gold_events = 0;
  double seconds = 0;
  // Predicted events holding articles of more than one gold event, and gold
  // events spread over more than one predicted event: one line each,
  // "merged" or "split", then gold event (or predicted id) = article count.
  std::vector<std::string> errors;
};

// gold.tsv's lines, article<TAB>event (lines without a tab are skipped; a
// later line for an article replaces an earlier one).
std::map<std::string, std::string> ParseGoldTsv(std::string_view tsv);

// `ignore_urls` drops every article's URL (and a URL line in its text)
// before ingest: how the grouping does without them.
StatusOr<ClusteringScores> EvaluateEventsFolder(const std::string& path,
                                                const pipeline::IngestOptions& options = {},
                                                bool ignore_urls = false);

}  // namespace crosscheck::eval
