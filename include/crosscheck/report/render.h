// Renderings of a cross-check report: JSON (the REPORT.md contract),
// Markdown for the terminal, and one self-contained HTML page in which all
// article text is escaped. Pure functions; thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "crosscheck/crosscheck/report.h"

namespace crosscheck::report {

nlohmann::json ToJson(const analysis::Report& r);
std::string ToJsonText(const analysis::Report& r, int indent = 2);
std::string ToMarkdown(const analysis::Report& r);
std::string ToHtml(const analysis::Report& r);

// Escapes & < > " ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view s);

}  // namespace crosscheck::report
