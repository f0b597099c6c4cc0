// HTML rendering: one self-contained page (inline CSS, no script, no external
// resource). Every piece of article text goes through EscapeHtml. Each
// support entry links to the exact sentence in the article, which the page
// shows in full under "Sources" with one anchor per sentence.
#include <cctype>
#include <sstream>

#include "crosscheck/report/render.h"
#include "names.h"

namespace crosscheck::report {
namespace {

using namespace analysis;

std::string Anchor(const std::string& source, uint32_t begin) {
  std::string a = "s-";
  for (char c : source) a += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return a + "-" + std::to_string(begin);
}

// Sources as the reader names them; the id stays in the title attribute.
std::string Ids(const internal::SourceNames& name, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids)
    out += "<span class=src title=\"" + EscapeHtml(id) + "\">" + EscapeHtml(name(id)) + "</span>";
  return out;
}

void Supports(std::ostringstream& o, const internal::SourceNames& name, const std::vector<Support>& v) {
  if (v.empty()) return;
  o << "<ul class=support>";
  for (const auto& s : v)
    o << "<li><a href=\"#" << EscapeHtml(Anchor(s.source, s.span.begin)) << "\">"
      << EscapeHtml(name(s.source)) << "</a>: " << EscapeHtml(s.sentence) << "</li>";
  o << "</ul>";
}

constexpr const char* kStyle =
    R"(body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;margin-top:2rem}
.src{display:inline-block;background:#eef;border-radius:3px;padding:0 .3rem;margin:0 .15rem;font-size:.8rem}
.support{font-size:.85rem;color:#555;margin:.2rem 0 .8rem}
.stance-asserts{color:#05610b}.stance-denies{color:#a00}.stance-questions{color:#8a5a00}
.removed{color:#888;font-size:.85rem}.sent:target{background:#ffef9e}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
table.who{border-collapse:collapse}table.who td,table.who th{text-align:left;padding:.2rem .6rem .2rem 0;vertical-align:top}
.meta{color:#666})";

}  // namespace

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ToHtml(const Report& r) {
  std::ostringstream o;
  const internal::SourceNames name(r);
  o << "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
    << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
       "'unsafe-inline'\">"
    << "<title>" << EscapeHtml(r.title) << "</title><style>" << kStyle << "</style></head><body>";
  o << "<h1>" << EscapeHtml(r.title) << "</h1><p class=meta>" << r.sources.size() << " sources";
  if (r.first_date)
    o << " · " << EscapeHtml(*r.first_date)
      << (r.last_date && *r.last_date != *r.first_date ? " to " + EscapeHtml(*r.last_date) : "");
  o << "</p>";
  o << "<nav class=meta><a href=#summary>Summary</a> · <a href=#facts>Facts</a> · <a "
       "href=#conflicts>Conflicts</a> · "
       "<a href=#claims>Claims</a> · <a href=#quotes>Quotes</a> · <a href=#exclusive>One outlet only</a> · "
       "<a href=#timeline>Timeline</a> · <a href=#entities>Who's who</a> · <a "
       "href=#sources>Sources</a></nav>";
  o << "<h2 id=summary>Summary</h2><ul>";
  for (const auto& s : r.summary) {
    o << "<li>" << EscapeHtml(s.text) << " " << Ids(name, s.sources);
    if (s.sources.size() > 1 && !s.source.empty())
      o << " <small>wording: " << Ids(name, {s.source}) << "</small>";
    o << "</li>";
  }
  o << "</ul><h2 id=facts>Facts</h2>";
  for (const auto& f : r.facts) {
    o << "<details><summary>" << f.sources.size() << " outlets: " << EscapeHtml(f.statement) << "</summary>"
      << Ids(name, f.sources);
    Supports(o, name, f.support);
    o << "</details>";
  }
  o << "<h2 id=conflicts>Conflicts</h2>";
  for (const auto& c : r.conflicts) {
    o << "<h3>" << EscapeHtml(c.about) << "</h3><ul>";
    for (const auto& v : c.variants) {
      o << "<li><b>" << EscapeHtml(v.value) << "</b> " << Ids(name, v.sources);
      Supports(o, name, v.support);
      o << "</li>";
    }
    o << "</ul>";
  }
  o << "<h2 id=claims>Claims</h2>";
  for (const auto& c : r.claims) {
    o << "<h3>" << EscapeHtml(c.claim) << "</h3><ul>";
    for (const auto& p : c.positions) {
      o << "<li>" << EscapeHtml(p.actor) << " <b class=\"stance-" << EscapeHtml(p.stance) << "\">"
        << EscapeHtml(p.stance) << "</b> " << Ids(name, p.sources);
      Supports(o, name, p.support);
      o << "</li>";
    }
    o << "</ul><p><b>Evidence:</b> " << (c.evidence ? EscapeHtml(*c.evidence) : "nothing said") << "</p>";
    Supports(o, name, c.evidence_support);
    if (!c.treatments.empty()) o << "<ul class=treatments>";
    for (const auto& t : c.treatments) {
      o << "<li>" << EscapeHtml(name(t.source)) << " <b class=\"treatment-" << EscapeHtml(t.treatment)
        << "\">" << EscapeHtml(t.treatment) << "</b> it";
      Supports(o, name, {t.support});
      o << "</li>";
    }
    if (!c.treatments.empty()) o << "</ul>";
  }
  o << "<h2 id=quotes>Quotes</h2>";
  for (const auto& q : r.quotes) {
    o << "<details><summary>" << EscapeHtml(internal::SpeakerLabel(q, "Unknown speaker")) << ": “"
      << EscapeHtml(q.text) << "” " << Ids(name, q.sources) << "</summary><ul>";
    for (const auto& v : q.variants)
      o << "<li>" << EscapeHtml(name(v.source)) << ": “" << EscapeHtml(v.text) << "”</li>";
    o << "</ul></details>";
  }
  o << "<h2 id=exclusive>Reported by one outlet only</h2>";
  for (const auto& e : r.exclusive) {
    o << "<h3>" << EscapeHtml(name(e.source)) << "</h3>";
    Supports(o, name, e.support);
  }
  o << "<h2 id=timeline>Timeline</h2><p class=note>" << EscapeHtml(internal::TimelineNote(r)) << "</p><ul>";
  for (const auto& t : r.timeline) {
    o << "<li><b>" << EscapeHtml(t.date) << (t.end ? " to " + EscapeHtml(*t.end) : "") << "</b>"
      << (t.background ? " <i>(background)</i>" : "") << ": " << EscapeHtml(t.what);
    Supports(o, name, t.support);
    o << "</li>";
  }
  // Who's who: people (name, roles, organisation, outlets), then the rest.
  o << "</ul><h2 id=entities>Who's who</h2><table "
       "class=who><tr><th>Person<th>Role<th>Organisation<th>Reported by</tr>";
  for (const auto& e : r.entities) {
    if (e.type != "person") continue;
    o << "<tr><td><b>" << EscapeHtml(e.name) << "</b>";
    if (!e.aliases.empty()) {
      o << " <span class=meta>also ";
      for (size_t i = 0; i < e.aliases.size(); ++i) o << (i ? ", " : "") << EscapeHtml(e.aliases[i]);
      o << "</span>";
    }
    o << "<td>";
    for (size_t i = 0; i < e.roles.size(); ++i) o << (i ? ", " : "") << EscapeHtml(e.roles[i]);
    o << "<td>" << EscapeHtml(e.organization) << "<td>" << Ids(name, e.sources) << "</tr>";
  }
  o << "</table><h3>Organisations, places and other names</h3><ul>";
  for (const auto& e : r.entities) {
    if (e.type == "person") continue;
    o << "<li>" << EscapeHtml(e.name) << " <span class=meta>(" << EscapeHtml(e.type) << ")</span>";
    if (!e.aliases.empty()) {
      o << " also ";
      for (size_t i = 0; i < e.aliases.size(); ++i) o << (i ? ", " : "") << EscapeHtml(e.aliases[i]);
    }
    o << " " << Ids(name, e.sources) << "</li>";
  }
  o << "</ul><h2 id=sources>Sources</h2>";
  for (const auto& s : r.sources) {
    o << "<details><summary>" << EscapeHtml(name(s.id))
      << (name(s.id) != s.id ? " <span class=meta>" + EscapeHtml(s.id) + "</span>" : "")
      << (s.title.empty() ? "" : ": " + EscapeHtml(s.title)) << "</summary>";
    for (const auto& w : s.warnings) o << "<p class=removed>Warning: " << EscapeHtml(w) << "</p>";
    for (const auto& t : s.text)
      o << "<span class=sent id=\"" << EscapeHtml(Anchor(s.id, t.span.begin)) << "\">"
        << EscapeHtml(t.sentence) << "</span> ";
    for (const auto& b : s.removed)
      o << "<p class=removed>Removed (" << EscapeHtml(ToString(b.reason)) << "): " << EscapeHtml(b.text)
        << "</p>";
    o << "</details>";
  }
  o << "</body></html>\n";
  return o.str();
}

}  // namespace crosscheck::report
