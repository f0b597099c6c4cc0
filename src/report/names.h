// The names a reader sees for sources in Markdown and HTML: the outlet's
// display name where it is known and no other source of the report shares
// it, "Outlet (id)" where several do, else the source id. The JSON keeps
// ids. Also the wording both share. Internal to the report module.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "crosscheck/analysis/report.h"

namespace crosscheck::report::internal {

class SourceNames {
 public:
  explicit SourceNames(const analysis::Report& r) {
    std::map<std::string, int> uses;
    for (const auto& s : r.sources)
      if (!s.outlet.empty()) ++uses[s.outlet];
    for (const auto& s : r.sources)
      names_[s.id] = s.outlet.empty() ? s.id : uses[s.outlet] > 1 ? s.outlet + " (" + s.id + ")" : s.outlet;
  }
  // The name of a source id (the id itself when the report has no such source).
  const std::string& operator()(const std::string& id) const {
    auto it = names_.find(id);
    return it == names_.end() ? id : it->second;
  }
  std::vector<std::string> operator()(const std::vector<std::string>& ids) const {
    std::vector<std::string> out;
    for (const auto& id : ids) out.push_back((*this)(id));
    return out;
  }

 private:
  std::map<std::string, std::string> names_;
};

// Who said a quote, as a reader sees it: the speaker's name; else how an
// article describes a speaker it does not name ("The former Alaska
// governor"), marked as such; else `unknown`. A lone pronoun describes no one.
inline std::string SpeakerLabel(const analysis::QuoteGroup& q, const std::string& unknown) {
  if (q.speaker) return *q.speaker;
  for (const auto& v : q.variants) {
    const std::string& w = v.speaker_as_written;
    if (w.find(' ') != std::string::npos) return w + " (not named)";
  }
  return unknown;
}

// The line under the timeline's heading: what its dates rest on, or why
// there is none.
inline std::string TimelineNote(const analysis::Report& r) {
  if (r.dated_by.empty())
    return "No timeline: no article has a publication date, and no date is stated by two articles as the "
           "day something happened (one outlet's date is as often a deadline or the background), so nothing "
           "pins a day.";
  return "Dates resolved from " + r.dated_by + (r.timeline.empty() ? "; no dated statement." : ".");
}

}  // namespace crosscheck::report::internal
