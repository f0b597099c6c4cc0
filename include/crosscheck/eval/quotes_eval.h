// Scoring quote speakers against BASIL-style annotations: a folder of
// events (one sub-folder per event holding one .txt per outlet) and
// quotes.jsonl, one annotated quote a line: {"triplet": event folder,
// "source": outlet file stem, "txt": the quote, "speaker": who said it}.
// Quotes whose speaker is "other ..." (BASIL's label for anyone who is not
// a main entity) are left out. Each event's articles are analysed together,
// as a report does. A quote is found when its opening words occur in the
// article inside a predicted attribution; its speaker is right when a word
// of the annotated speaker (three letters or more) is in the predicted
// speaker or the entity it resolved to. Events in odd and even places are
// the two folds.
#pragma once

#include <string>
#include <vector>

#include "crosscheck/status.h"

namespace crosscheck::eval {

struct SpeakerScores {
  size_t quotes = 0;   // annotated quotes with a named speaker
  size_t found = 0;    // inside a predicted attribution
  size_t right = 0;    // of those found, the speaker right
  size_t unknown = 0;  // of those found, no speaker predicted
  double accuracy() const { return found ? static_cast<double>(right) / found : 0; }
};

struct QuoteEvaluation {
  SpeakerScores all, folds[2];
  size_t events = 0;
  std::vector<std::string> errors;  // "event/outlet<TAB>gold<TAB>predicted<TAB>quote"
};

StatusOr<QuoteEvaluation> EvaluateQuoteSpeakers(const std::string& dir);

}  // namespace crosscheck::eval
