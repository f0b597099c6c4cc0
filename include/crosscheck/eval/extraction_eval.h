// Scoring article-body extraction on a folder laid out like the public
// article-extraction benchmark (html/<id>.html[.gz], ground-truth.json with
// {id: {"articleBody": ..., "url": ...}}). The metric is the benchmark's:
// split text into \w+ tokens, take 4-token shingles as multisets, count per
// page tp/fp/fn normalised to sum 1; precision and recall are the means over
// pages (a page with nothing predicted and nothing true counts 1); F1 is
// 2PR/(P+R) of those means.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/status.h"

namespace crosscheck::eval {

struct PageScore {
  std::string id;
  double precision = 0, recall = 0;
};

struct ExtractionScores {
  double precision = 0, recall = 0, f1 = 0;
  size_t pages = 0;
  double seconds = 0;  // time spent extracting (not reading files)
  std::vector<PageScore> per_page;
};

// Precision and recall of one page's predicted text against the true text.
PageScore ScorePage(std::string_view predicted, std::string_view truth);

StatusOr<ExtractionScores> EvaluateExtractionFolder(const std::string& dir);

}  // namespace crosscheck::eval
