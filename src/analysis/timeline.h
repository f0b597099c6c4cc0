// The timeline's phases, in the order BuildTimeline runs them (see
// timeline.cc for the algorithm). Internal to the analysis module.
#pragma once

#include <string>
#include <vector>

#include "context.h"
#include "crosscheck/text/calendar.h"

namespace crosscheck::analysis::internal {

// A date expression of one sentence, resolved to days.
struct Resolved {
  text::Date start, end;
  Span span;  // the date expression
  int sentence = 0;
};

// One timeline line before rendering.
struct Entry {
  text::Date start, end;
  std::string what;
  std::vector<Support> support;
  std::vector<SentenceRef> refs;
  bool background = false;
};

// The reference year: the latest year stated with a month anywhere in the
// event (story text, removed captions, publication dates), else any year
// stated; 0 when none is.
int LatestYear(const Context& c);
// The event's anchor day (invalid when nothing pins one); `by`, when given,
// says what pinned it ("publication dates", "dates the articles state", "a
// date in removed material"; empty when nothing did).
text::Date FindAnchor(const Context& c, int year, std::string* by = nullptr);
// Every date expression of document `d` resolved around the anchor.
std::vector<Resolved> ResolveDates(const Context& c, int d, const text::Date& anchor, int year);
// The entries of document `d`: one per dated sentence, or per clause when a
// sentence names far-apart dates.
std::vector<Entry> EntriesOf(const Context& c, int d, const std::vector<Resolved>& resolved,
                             const text::Date& anchor);
// Entries of the same dates that state the same fact, merged.
std::vector<Entry> MergeEntries(const Context& c, std::vector<Entry> entries);

}  // namespace crosscheck::analysis::internal
