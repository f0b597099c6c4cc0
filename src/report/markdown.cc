// Markdown rendering for the terminal: the same content as the JSON, in
// reading order (summary first), each statement followed by its sources.
#include <sstream>

#include "crosscheck/report/render.h"
#include "names.h"

namespace crosscheck::report {
namespace {

using namespace analysis;

std::string Join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

// Markdown-significant characters in article text are escaped so that text
// cannot inject links or formatting.
std::string Md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '#' ||
        c == '|')
      out += '\\';
    out += c;
  }
  return out;
}

void Supports(std::ostringstream& o, const internal::SourceNames& name, const std::vector<Support>& v,
              const char* indent = "  ") {
  for (const auto& s : v) o << indent << "- " << Md(name(s.source)) << ": " << Md(s.sentence) << "\n";
}

}  // namespace

std::string ToMarkdown(const Report& r) {
  std::ostringstream o;
  const internal::SourceNames name(r);
  auto names = [&](const std::vector<std::string>& ids) { return Md(Join(name(ids))); };
  o << "# " << Md(r.title) << "\n\n";
  if (r.first_date)
    o << "*Dates:* " << *r.first_date
      << (r.last_date && *r.last_date != *r.first_date ? " to " + *r.last_date : "") << "  \n";
  o << "*Sources:* " << r.sources.size() << " articles\n\n";
  o << "## Summary\n\n";
  for (const auto& s : r.summary) {
    o << "- " << Md(s.text) << " [" << names(s.sources);
    if (s.sources.size() > 1 && !s.source.empty()) o << "; wording: " << names({s.source});
    o << "]\n";
  }
  o << "\n## Facts (" << r.facts.size() << ")\n\n";
  for (const auto& f : r.facts) {
    o << "**" << f.id << "** (" << f.sources.size() << " outlets: " << names(f.sources);
    if (!f.copies.empty()) o << "; " << f.independent << " independent";
    o << ") " << Md(f.statement) << "\n";
    for (const auto& [copy, orig] : f.copies)
      o << "  - " << Md(name(copy)) << " republishes " << Md(name(orig)) << "\n";
    Supports(o, name, f.support);
  }
  o << "\n## Conflicts (" << r.conflicts.size() << ")\n\n";
  for (const auto& c : r.conflicts) {
    o << "**" << c.id << "** " << Md(c.about) << "\n";
    for (const auto& v : c.variants) {
      o << "  - **" << Md(v.value) << "** [" << names(v.sources) << "]\n";
      Supports(o, name, v.support, "    ");
    }
  }
  o << "\n## Claims (" << r.claims.size() << ")\n\n";
  for (const auto& c : r.claims) {
    o << "**" << c.id << "** " << Md(c.claim) << "\n";
    for (const auto& p : c.positions) {
      o << "  - " << Md(p.actor) << " **" << p.stance << "** [" << names(p.sources) << "]\n";
      Supports(o, name, p.support, "    ");
    }
    o << "  - Evidence: " << (c.evidence ? Md(*c.evidence) : std::string("nothing said")) << "\n";
    Supports(o, name, c.evidence_support, "    ");
    for (const auto& t : c.treatments) {
      o << "  - " << Md(name(t.source)) << " **" << t.treatment << "** it\n";
      Supports(o, name, {t.support}, "    ");
    }
  }
  o << "\n## Quotes (" << r.quotes.size() << ")\n\n";
  for (const auto& q : r.quotes) {
    o << "**" << q.id << "** " << Md(internal::SpeakerLabel(q, "(speaker unknown)")) << ": \"" << Md(q.text)
      << "\" [" << names(q.sources) << "]\n";
    for (const auto& v : q.variants) o << "  - " << Md(name(v.source)) << ": \"" << Md(v.text) << "\"\n";
  }
  o << "\n## Reported by one outlet only\n\n";
  for (const auto& e : r.exclusive) {
    o << "**" << Md(name(e.source)) << "**\n";
    Supports(o, name, e.support);
  }
  o << "\n## Timeline\n\n" << internal::TimelineNote(r) << "\n\n";
  for (const auto& t : r.timeline) {
    o << "- **" << t.date << (t.end ? " to " + *t.end : "") << "**" << (t.background ? " (background)" : "")
      << ": " << Md(t.what) << " [";
    std::vector<std::string> ids;
    for (const auto& s : t.support) ids.push_back(s.source);
    o << names(ids) << "]\n";
  }
  o << "\n## Sources\n\n";
  for (const auto& s : r.sources) {
    o << "- " << (name(s.id) != s.id ? "**" + Md(name(s.id)) + "** " : std::string()) << "`" << s.id << "`"
      << (s.title.empty() ? "" : ": " + Md(s.title)) << " (" << s.sentences << " sentences";
    if (!s.removed.empty()) o << ", " << s.removed.size() << " blocks removed";
    o << ")\n";
    for (const auto& b : s.removed) o << "  - removed (" << ToString(b.reason) << "): " << Md(b.text) << "\n";
    for (const auto& w : s.warnings) o << "  - warning: " << Md(w) << "\n";
  }
  // Who's who: the people with their roles and organisations, then the
  // organisations, places and other names.
  o << "\n## Who's who\n\n";
  for (bool people : {true, false}) {
    if (!people) o << "\n**Organisations, places and other names**\n\n";
    for (const auto& e : r.entities) {
      if ((e.type == "person") != people) continue;
      o << "- **" << Md(e.name) << "**";
      if (people) {
        if (!e.roles.empty()) o << ", " << Md(Join(e.roles));
        if (!e.organization.empty()) o << " (" << Md(e.organization) << ")";
      } else {
        o << " (" << e.type << ")";
      }
      if (!e.aliases.empty()) o << "; also: " << Md(Join(e.aliases));
      o << " [" << names(e.sources) << "]\n";
    }
  }
  return o.str();
}

}  // namespace crosscheck::report
