// Renderings of a cross-check report: JSON (the REPORT.md contract),
// Markdown for the terminal, and one self-contained HTML page in which all
// article text is escaped. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "crosscheck/analysis/report.h"
#include "crosscheck/extract/document.h"

namespace crosscheck::report {

nlohmann::json ToJson(const analysis::Report& r);
std::string ToJsonText(const analysis::Report& r, int indent = 2);
std::string ToMarkdown(const analysis::Report& r);
std::string ToHtml(const analysis::Report& r);

// Every attribution of one analysed article: speaker (as written), entity
// (resolved name), cue, content, direct, and start/end in code points into
// the text as read. An interrupted quote has several `parts`; its content is
// the parts joined by a space and start/end cover them all.
nlohmann::json AttributionsToJson(const extract::Extraction& x, size_t document);
std::string AttributionsToText(const extract::Extraction& x, size_t document);

// JSON text of `j` followed by a newline. Never throws: bytes that are not
// UTF-8 in a string come out as U+FFFD.
std::string DumpJson(const nlohmann::json& j, int indent = 2);

// Escapes & < > " ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view s);

}  // namespace crosscheck::report
