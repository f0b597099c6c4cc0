// JSON rendering: field names and meanings follow REPORT.md; extra fields
// (roles, kind, background, span offsets) only add to the contract.
#include "crosscheck/report/render.h"

namespace crosscheck::report {
namespace {

using nlohmann::json;
using namespace analysis;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json OrNull(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json SupportJson(const std::vector<Support>& v) {
  json a = json::array();
  for (const auto& s : v)
    a.push_back(
        {{"source", s.source}, {"sentence", s.sentence}, {"start", s.span.begin}, {"end", s.span.end}});
  return a;
}

}  // namespace

json ToJson(const Report& r) {
  json j;
  j["event"] = {{"title", r.title},
                {"first_date", OrNull(r.first_date)},
                {"last_date", OrNull(r.last_date)},
                {"dated_by", r.dated_by.empty() ? nlohmann::json() : nlohmann::json(r.dated_by)}};
  j["sources"] = json::array();
  for (const auto& s : r.sources) {
    json removed = json::array();
    for (const auto& b : s.removed) removed.push_back({{"text", b.text}, {"reason", ToString(b.reason)}});
    json src = {{"id", s.id},           {"outlet", OrNull(s.outlet)},       {"title", OrNull(s.title)},
                {"url", OrNull(s.url)}, {"published", OrNull(s.published)}, {"sentences", s.sentences},
                {"removed", removed}};
    if (!s.warnings.empty()) src["warnings"] = s.warnings;
    src["copy_of"] = OrNull(s.copy_of);
    j["sources"].push_back(std::move(src));
  }
  j["entities"] = json::array();
  for (const auto& e : r.entities) {
    nlohmann::json ej = {
        {"id", e.id},       {"name", e.name},       {"type", e.type},        {"aliases", e.aliases},
        {"roles", e.roles}, {"sources", e.sources}, {"mentions", e.mentions}};
    if (!e.organization.empty()) ej["organization"] = e.organization;
    j["entities"].push_back(std::move(ej));
  }
  j["facts"] = json::array();
  for (const auto& f : r.facts) {
    nlohmann::json copies = nlohmann::json::array();
    for (const auto& [copy, orig] : f.copies) copies.push_back({{"source", copy}, {"copy_of", orig}});
    j["facts"].push_back({{"id", f.id},
                          {"statement", f.statement},
                          {"sources", f.sources},
                          {"independent_sources", f.independent},
                          {"copies", copies},
                          {"support", SupportJson(f.support)}});
  }
  j["conflicts"] = json::array();
  for (const auto& c : r.conflicts) {
    json vs = json::array();
    for (const auto& v : c.variants) {
      json norm = v.number ? json(*v.number) : OrNull(v.normalized);
      vs.push_back({{"value", v.value},
                    {"normalized", norm},
                    {"sources", v.sources},
                    {"support", SupportJson(v.support)}});
    }
    j["conflicts"].push_back({{"id", c.id}, {"about", c.about}, {"kind", c.kind}, {"variants", vs}});
  }
  j["claims"] = json::array();
  for (const auto& c : r.claims) {
    json ps = json::array();
    for (const auto& p : c.positions)
      ps.push_back({{"actor", p.actor},
                    {"stance", p.stance},
                    {"sources", p.sources},
                    {"support", SupportJson(p.support)}});
    json ts = json::array();
    for (const auto& t : c.treatments)
      ts.push_back({{"source", t.source},
                    {"treatment", t.treatment},
                    {"model", t.model},
                    {"support", SupportJson({t.support})}});
    j["claims"].push_back({{"id", c.id},
                           {"claim", c.claim},
                           {"positions", ps},
                           {"treatments", ts},
                           {"evidence", OrNull(c.evidence)},
                           {"evidence_support", SupportJson(c.evidence_support)}});
  }
  j["quotes"] = json::array();
  for (const auto& q : r.quotes) {
    json vs = json::array();
    for (const auto& v : q.variants)
      vs.push_back({{"source", v.source},
                    {"text", v.text},
                    {"sentence", v.sentence},
                    {"speaker_as_written", OrNull(v.speaker_as_written)}});
    j["quotes"].push_back({{"id", q.id},
                           {"speaker", OrNull(q.speaker)},
                           {"text", q.text},
                           {"sources", q.sources},
                           {"variants", vs}});
  }
  j["exclusive"] = json::array();
  for (const auto& e : r.exclusive)
    j["exclusive"].push_back({{"source", e.source}, {"support", SupportJson(e.support)}});
  j["timeline"] = json::array();
  for (const auto& t : r.timeline)
    j["timeline"].push_back({{"date", t.date},
                             {"end", OrNull(t.end)},
                             {"what", t.what},
                             {"background", t.background},
                             {"support", SupportJson(t.support)}});
  j["summary"] = json::array();
  for (const auto& s : r.summary) {
    json line = {
        {"text", s.text}, {"sources", s.sources}, {"wording", s.source}, {"support", SupportJson(s.support)}};
    if (s.lede) line["lede"] = true;
    j["summary"].push_back(std::move(line));
  }
  return j;
}

std::string DumpJson(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string ToJsonText(const Report& r, int indent) { return DumpJson(ToJson(r), indent); }

}  // namespace crosscheck::report
