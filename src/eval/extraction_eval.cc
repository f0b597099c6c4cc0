#include "crosscheck/eval/extraction_eval.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "crosscheck/analysis/report.h"
#include "crosscheck/html/page.h"
#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/text/unicode.h"

namespace crosscheck::eval {
namespace {

bool IsWordChar(char32_t c) {
  if (c == U'_' || text::IsAlpha(c) || text::IsDigit(c)) return true;
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_DECIMAL_DIGIT_NUMBER;
}

std::vector<std::string> WordTokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  size_t i = 0;
  while (i < s.size()) {
    size_t at = i;
    char32_t c = text::NextCodePoint(s, i);
    if (IsWordChar(c))
      cur.append(s.substr(at, i - at));
    else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::map<std::string, int> Shingles(std::string_view s) {
  std::vector<std::string> t = WordTokens(s);
  std::map<std::string, int> out;
  const size_t n = 4;
  if (t.size() < n) {
    if (!t.empty()) {
      std::string k;
      for (auto& w : t) k += w + ' ';
      ++out[k];
    }
    return out;
  }
  for (size_t i = 0; i + n <= t.size(); ++i) {
    std::string k;
    for (size_t j = 0; j < n; ++j) k += t[i + j] + ' ';
    ++out[k];
  }
  return out;
}

}  // namespace

PageScore ScorePage(std::string_view predicted, std::string_view truth) {
  auto p = Shingles(predicted), g = Shingles(truth);
  double tp = 0, fp = 0, fn = 0;
  for (auto& [k, c] : p) {
    auto it = g.find(k);
    int m = it == g.end() ? 0 : std::min(c, it->second);
    tp += m;
    fp += c - m;
  }
  for (auto& [k, c] : g) {
    auto it = p.find(k);
    fn += c - (it == p.end() ? 0 : std::min(c, it->second));
  }
  PageScore s;
  if (tp + fp + fn == 0) {
    s.precision = s.recall = 1;
    return s;
  }
  s.precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  s.recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return s;
}

namespace {
// Extracts `name` from dir/html/ (name.gz when it exists, else name), adding
// the time spent inflating and extracting (not reading) to *seconds. Fails
// only when the file cannot be read or inflated; a page the extractor
// refuses leaves *page empty, and scores as an empty extraction.
Status ExtractBenchmarkPage(const std::string& dir, const std::string& name, double* seconds,
                            std::optional<html::Page>* page) {
  namespace fs = std::filesystem;
  fs::path path = fs::path(dir) / "html" / (name + ".gz");
  bool gz = fs::exists(path);
  if (!gz) path = fs::path(dir) / "html" / name;
  auto bytes = ingest::ReadFileBytes(path.string(), 64u << 20);
  if (!bytes.ok()) return bytes.status();
  auto start = std::chrono::steady_clock::now();
  std::string raw = std::move(*bytes);
  if (gz) {
    auto inflated = html::Gunzip(raw, 64u << 20);
    if (!inflated.ok())
      return Status(inflated.status().code(), path.string() + ": " + inflated.status().message());
    raw = std::move(*inflated);
  }
  auto extracted = html::ExtractPage(raw);
  *seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  page->reset();
  if (extracted.ok()) *page = std::move(*extracted);
  return Status::Ok();
}
}  // namespace

StatusOr<ExtractionScores> EvaluateExtractionFolder(const std::string& dir) {
  namespace fs = std::filesystem;
  auto truth_bytes = ingest::ReadFileBytes((fs::path(dir) / "ground-truth.json").string(), 256u << 20);
  if (!truth_bytes.ok()) return truth_bytes.status();
  nlohmann::json truth = nlohmann::json::parse(*truth_bytes, nullptr, false);
  if (truth.is_discarded() || !truth.is_object())
    return InvalidInput(dir + "/ground-truth.json: not a JSON object");
  ExtractionScores out;
  double sum_p = 0, sum_r = 0;
  for (auto& [id, entry] : truth.items()) {
    std::optional<html::Page> extracted;
    CROSSCHECK_RETURN_IF_ERROR(ExtractBenchmarkPage(dir, id + ".html", &out.seconds, &extracted));
    std::string body = extracted ? extracted->Body() : std::string();
    std::string gold = entry.contains("articleBody") && entry["articleBody"].is_string()
                           ? entry["articleBody"].get<std::string>()
                           : std::string();
    PageScore s = ScorePage(body, gold);
    s.id = id;
    sum_p += s.precision;
    sum_r += s.recall;
    out.per_page.push_back(s);
  }
  out.pages = out.per_page.size();
  if (out.pages == 0) return InvalidInput(dir + "/ground-truth.json: no page");
  out.precision = sum_p / out.pages;
  out.recall = sum_r / out.pages;
  out.f1 = out.precision + out.recall > 0 ? 2 * out.precision * out.recall / (out.precision + out.recall) : 0;
  return out;
}

namespace {
// Both sides already folded.
bool FoundIn(const std::string& text, const std::string& snippet) {
  return !snippet.empty() && text.find(snippet) != std::string::npos;
}
}  // namespace

bool ContainsSnippet(std::string_view text, std::string_view snippet) {
  return FoundIn(analysis::FoldSpace(text), analysis::FoldSpace(snippet));
}

StatusOr<SnippetScores> EvaluateSnippetFolder(const std::string& dir) {
  namespace fs = std::filesystem;
  const std::string meta = (fs::path(dir) / "evaldata.json").string();
  auto bytes = ingest::ReadFileBytes(meta, 256u << 20);
  if (!bytes.ok()) return bytes.status();
  nlohmann::json data = nlohmann::json::parse(*bytes, nullptr, false);
  if (data.is_discarded() || !data.is_object()) return InvalidInput(meta + ": not a JSON object");
  SnippetScores out;
  for (auto& item : data.items()) {
    // Named, not bound: clang 14 cannot capture a structured binding.
    const std::string& url = item.key();
    const nlohmann::json& entry = item.value();
    std::string where = meta;
    where += ": entry '";
    where += url;
    where += "'";
    if (!entry.is_object() || !entry.contains("file") || !entry["file"].is_string())
      return InvalidInput(where + " has no \"file\"");
    std::string file = entry["file"].get<std::string>();
    if (file.find('/') != std::string::npos || file.find("..") != std::string::npos) {
      where += ": file name '";
      where += file;
      where += "' leaves html/";
      return InvalidInput(where);
    }
    std::optional<html::Page> extracted;
    CROSSCHECK_RETURN_IF_ERROR(ExtractBenchmarkPage(dir, file, &out.seconds, &extracted));
    const std::string body = extracted ? analysis::FoldSpace(extracted->Body()) : std::string();
    SnippetPage p;
    p.file = file;
    p.language = extracted && !extracted->language.empty() ? extracted->language : "?";
    auto count = [&](const char* key, size_t& found, size_t& missed) {
      if (!entry.contains(key) || !entry[key].is_array()) return;
      for (const auto& snippet : entry[key]) {
        if (!snippet.is_string()) continue;
        std::string s = analysis::FoldSpace(snippet.get<std::string>());
        if (s.empty()) continue;
        (FoundIn(body, s) ? found : missed)++;
      }
    };
    count("with", p.counts.tp, p.counts.fn);
    count("without", p.counts.fp, p.counts.tn);
    out.all.Add(p.counts);
    out.pages.push_back(std::move(p));
  }
  if (out.pages.empty()) return InvalidInput(meta + ": no page");
  std::sort(out.pages.begin(), out.pages.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
  return out;
}

}  // namespace crosscheck::eval
