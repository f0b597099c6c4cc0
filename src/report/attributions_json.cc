// Rendering of one article's attributions (the `attributions` command).
#include <sstream>

#include "crosscheck/report/render.h"
#include "crosscheck/text/unicode.h"

namespace crosscheck::report {
namespace {

std::string Content(const extract::Document& doc, const extract::AttributionRecord& r) {
  std::string out;
  for (const Span& s : r.parts) out += (out.empty() ? "" : " ") + std::string(doc.Text(s));
  return out;
}

}  // namespace

nlohmann::json AttributionsToJson(const extract::Extraction& x, size_t d) {
  const auto& doc = x.documents[d];
  std::vector<uint32_t> cp = text::CodePointOffsets(doc.text());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : extract::ListAttributions(doc)) {
    nlohmann::json parts = nlohmann::json::array();
    for (const Span& s : r.parts) parts.push_back({cp[s.begin], cp[s.end]});
    out.push_back(
        {{"speaker", r.speaker.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.speaker)},
         {"entity", r.entity >= 0 ? nlohmann::json(x.entities[r.entity].name) : nlohmann::json(nullptr)},
         {"cue", r.cue.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.cue)},
         {"content", Content(doc, r)},
         {"direct", r.direct},
         {"start", cp[r.parts.front().begin]},
         {"end", cp[r.parts.back().end]},
         {"parts", parts}});
    if (!r.speaker_span.empty()) {
      out.back()["speaker_start"] = cp[r.speaker_span.begin];
      out.back()["speaker_end"] = cp[r.speaker_span.end];
    }
  }
  return out;
}

std::string AttributionsToText(const extract::Extraction& x, size_t d) {
  const auto& doc = x.documents[d];
  std::ostringstream o;
  for (const auto& r : extract::ListAttributions(doc)) {
    std::string who = r.entity >= 0 ? x.entities[r.entity].name : (r.speaker.empty() ? "?" : r.speaker);
    o << who << " [" << (r.cue.empty() ? "-" : r.cue) << (r.direct ? ", quote" : "") << "] "
      << Content(doc, r) << "\n";
  }
  return o.str();
}

}  // namespace crosscheck::report
