// The cross-check report model (the JSON contract in REPORT.md) and the entry
// point that builds it from articles about one event. Plain value types.
// BuildReport is thread-safe: it keeps no state between calls (WordNet
// lookups are cached process-wide behind a mutex).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crosscheck/analysis/options.h"
#include "crosscheck/article.h"
#include "crosscheck/status.h"

namespace crosscheck::analysis {

// One exact sentence of one source: the unit of provenance.
struct Support {
  std::string source;    // source id
  std::string sentence;  // exact text of the sentence (white space folded)
  Span span;             // its bytes in that source's text
};

struct SourceInfo {
  std::string id, outlet, title, url, published;  // empty = unknown
  int sentences = 0;
  std::vector<RemovedBlock> removed;
  std::vector<std::string> warnings;
  std::vector<Support> text;  // every kept sentence, for readers that show the article
  std::string copy_of;        // the source this one republishes (a wire copy), if any
};

struct EntityInfo {
  std::string id, name, type;
  std::vector<std::string> aliases, roles, sources;
  // A person's organisation or country, as a role names it ("FBI" in "FBI
  // Special Agent", "Russia" in "Russian Foreign Minister"); may be empty.
  std::string organization;
  int mentions = 0;
};

struct Fact {
  std::string id, statement;
  std::vector<std::string> sources;  // most support first
  std::vector<Support> support;
  int independent = 0;  // outlets counted once per original story (copies fold into it)
  std::vector<std::pair<std::string, std::string>> copies;  // (copy, original) among sources
};

struct ConflictVariant {
  std::string value;
  std::optional<double> number;  // normalised number, if numeric
  std::string normalized;        // normalised text, if not numeric
  std::vector<std::string> sources;
  std::vector<Support> support;
};

struct Conflict {
  std::string id, about, kind;  // kind: "number", "location", "date"
  std::vector<ConflictVariant> variants;
};

struct Position {
  std::string actor, stance;  // stance: asserts | denies | questions
  std::vector<std::string> sources;
  std::vector<Support> support;
};

// How one outlet treats a claim: "states" it as fact in its own voice,
// "attributes" it to someone, or "refutes" it in its own voice, citing the
// sentence that shows it. `model` is the stance model's reading of the
// whole article against the claim (FNC-1's agree, disagree, discuss,
// unrelated; `crosscheck stance` runs the same code), shown beside it.
struct Treatment {
  std::string source, treatment, model;
  Support support;
};

struct Claim {
  std::string id, claim;
  std::vector<Position> positions;
  std::vector<Treatment> treatments;  // one per outlet that reports the claim
  std::optional<std::string> evidence;
  std::vector<Support> evidence_support;
};

struct QuoteVariant {
  std::string source, text, sentence;
  std::string speaker_as_written;
};

struct QuoteGroup {
  std::string id;
  std::optional<std::string> speaker;
  std::string text;
  std::vector<QuoteVariant> variants;
  std::vector<std::string> sources;
};

struct Exclusive {
  std::string source;
  std::vector<Support> support;
};

struct TimelineEntry {
  std::string date;
  std::optional<std::string> end;
  std::string what;
  std::vector<Support> support;
  bool background = false;  // before the event's own days (history, context)
};

struct SummarySentence {
  std::string text;
  std::vector<std::string> sources;
  std::string source;            // the source whose sentence this is (its wording)
  bool lede = false;             // the opening line: the event's core, from what most outlets report
  std::vector<Support> support;  // per cited source, its sentence that says it (in `sources`' order)
};

struct Report {
  std::string title;
  std::optional<std::string> first_date, last_date;
  std::vector<SourceInfo> sources;
  std::vector<EntityInfo> entities;
  std::vector<Fact> facts;
  std::vector<Conflict> conflicts;
  std::vector<Claim> claims;
  std::vector<QuoteGroup> quotes;
  std::vector<Exclusive> exclusive;
  std::vector<TimelineEntry> timeline;
  // What pins the timeline's dates: "publication dates", "dates the
  // articles state" or "a date in removed material"; empty when nothing
  // does (no publication date and no full date), and then there is no
  // timeline.
  std::string dated_by;
  std::vector<SummarySentence> summary;
};

// Cross-checks articles that report one event. Fails (kInvalidArgument) only
// when given no article.
StatusOr<Report> BuildReport(const std::vector<Article>& articles, const ReportOptions& options = {});

// Folds runs of white space to one space and trims: the form in which every
// support sentence is printed.
std::string FoldSpace(std::string_view s);

}  // namespace crosscheck::analysis
