// Scoring summaries the way DUC 2005-2007 scored them: ROUGE-2 recall with
// stemming against human summaries, 250 words.
//
// ROUGE-N, from its published definition (Lin 2004): the peer and each
// model are lowercased and cut into runs of letters and digits, each
// Porter-stemmed (libstemmer's "porter"), and cut to their first
// `max_words` tokens. Recall against a set of models is the sum over models
// of matched n-grams (each n-gram counts at most as often as the peer has
// it) over the sum of the models' n-grams. With M >= 2 models the score is
// jackknifed, as DUC did so that systems and humans are scored alike: the
// mean of the M recalls against M-1 models.
//
// A DUC folder (`FindDucTopics`): a topics file (`*topics*.sgml`: `<topic>`
// with `<num>`, `<title>`, `<narr>`), one folder of documents per topic
// named by its number ("D0701A", anywhere below; "update" folders are not
// read), and human summaries either as pyramid files (`*.pyr`, one summary
// after each "D0701.M.250.A.X" header line of its <text>) or as plain
// files named "D0701.M.250.A.X". Topics without human summaries are left
// out.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/status.h"

namespace crosscheck::eval {

struct RougeOptions {
  size_t n = 2;
  size_t max_words = 250;  // 0: no cut
  bool stem = true;
};

// The tokens ROUGE compares (see above).
std::vector<std::string> RougeTokens(std::string_view text, const RougeOptions& options = {});

// Recall of `peer` against `models` (see above); 0 without models.
double RougeRecall(std::string_view peer, const std::vector<std::string>& models,
                   const RougeOptions& options = {});

struct DucTopic {
  std::string id;     // "D0701A"
  std::string title;  // the topic statement: title and narrative
  std::string narrative;
  std::string docs;                 // the folder of its documents
  std::vector<std::string> models;  // human summaries
};

// The topics of a DUC folder that have documents and human summaries, in
// topic order. Fails naming the folder when it has no topics file or no
// usable topic.
StatusOr<std::vector<DucTopic>> FindDucTopics(const std::string& dir);

struct SummaryScores {
  struct Topic {
    std::string id;
    double rouge = 0;       // crosscheck's summary
    double lead_rouge = 0;  // DUC's baseline: the opening words of the latest document
    size_t words = 0;       // of crosscheck's summary
  };
  std::vector<Topic> topics;
  double rouge = 0, lead_rouge = 0;  // means over topics
  double seconds = 0;
};

struct SummaryEvalOptions {
  size_t words = 250;        // summary length, and ROUGE's cut
  bool use_focus = true;     // pass each topic's title and narrative as the report's focus
  double focus_weight = -1;  // < 0: the library's default
  std::function<void(size_t done, size_t total)> progress;
};

// Builds each topic's report with a summary of `words` words (and the focus)
// and scores it and the lead baseline.
StatusOr<SummaryScores> EvaluateSummaries(const std::string& dir, const SummaryEvalOptions& options = {});

}  // namespace crosscheck::eval
