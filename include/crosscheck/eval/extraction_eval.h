// Scoring article-body extraction on a folder laid out like the public
// article-extraction benchmark (html/<id>.html[.gz], ground-truth.json with
// {id: {"articleBody": ..., "url": ...}}). The metric is the benchmark's:
// split text into \w+ tokens, take 4-token shingles as multisets, count per
// page tp/fp/fn normalised to sum 1; precision and recall are the means over
// pages (a page with nothing predicted and nothing true counts 1); F1 is
// 2PR/(P+R) of those means.
#pragma once

#include <map>
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

// The snippet layout of trafilatura's evaluation set: html/<file>[.gz] and
// evaldata.json {url: {"file", "with": [...], "without": [...]}}. Each
// `with` snippet found in the extracted body is a true positive, missed a
// false negative; each `without` snippet found a false positive. Text and
// snippets are compared with their white space folded to single spaces.
// Counts are pooled over pages.
struct SnippetCounts {
  size_t tp = 0, fn = 0, fp = 0, tn = 0;
  double Precision() const { return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0; }
  double Recall() const { return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  void Add(const SnippetCounts& o) { tp += o.tp, fn += o.fn, fp += o.fp, tn += o.tn; }
};

struct SnippetPage {
  std::string file, language;  // language: <html lang>'s primary subtag, or "?"
  SnippetCounts counts;
};

struct SnippetScores {
  SnippetCounts all;
  std::vector<SnippetPage> pages;  // in file-name order
  double seconds = 0;              // time spent extracting
};

// Whether a `snippet` occurs in `text`, white space folded on both sides.
bool ContainsSnippet(std::string_view text, std::string_view snippet);

StatusOr<SnippetScores> EvaluateSnippetFolder(const std::string& dir);

}  // namespace crosscheck::eval
