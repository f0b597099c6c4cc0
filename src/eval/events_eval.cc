#include "crosscheck/eval/events_eval.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "crosscheck/ingest/jsonl_reader.h"
#include "crosscheck/ingest/text_reader.h"

namespace crosscheck::eval {

std::map<std::string, std::string> ParseGoldTsv(std::string_view tsv) {
  std::map<std::string, std::string> gold;
  while (!tsv.empty()) {
    size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t tab = line.find('\t');
    if (tab != std::string_view::npos)
      gold[std::string(line.substr(0, tab))] = std::string(line.substr(tab + 1));
  }
  return gold;
}

StatusOr<ClusteringScores> EvaluateEventsFolder(const std::string& path,
                                                const pipeline::IngestOptions& options, bool ignore_urls) {
  namespace fs = std::filesystem;
  // A folder of texts, or a JSONL file with gold.tsv beside it.
  const bool jsonl = fs::path(path).extension() == ".jsonl";
  const fs::path dir = jsonl ? fs::path(path).parent_path() : fs::path(path);
  auto gold_bytes = ingest::ReadFileBytes((dir / "gold.tsv").string(), 64u << 20);
  if (!gold_bytes.ok()) return gold_bytes.status();
  std::map<std::string, std::string> gold = ParseGoldTsv(*gold_bytes);
  if (gold.empty()) return InvalidInput((dir / "gold.tsv").string() + ": no article<TAB>event line");
  std::vector<Article> articles;
  if (jsonl) {
    std::string bad;
    CROSSCHECK_RETURN_IF_ERROR(ingest::ReadJsonl(
        path, [&](Article&& a) { articles.push_back(std::move(a)); },
        [&](const ingest::LineError& e) {
          if (bad.empty()) bad = path + ":" + std::to_string(e.line) + ": " + e.message;
        }));
    if (!bad.empty()) return InvalidInput(bad);
  } else {
    std::vector<std::string> files;
    files.reserve(gold.size());
    for (const auto& [id, event] : gold) files.push_back((dir / (id + ".txt")).string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      CROSSCHECK_ASSIGN_OR_RETURN(Article a, ingest::ReadTextFile(f));
      articles.push_back(std::move(a));
    }
  }
  if (ignore_urls)
    for (auto& a : articles) {
      a.url.clear();
      std::erase_if(a.removed, [](const RemovedBlock& b) { return b.reason == Removal::kSourceUrl; });
    }
  for (const auto& a : articles)
    if (!gold.count(a.id))
      return InvalidInput((dir / "gold.tsv").string() + ": no event for article " + a.id);
  auto ingestor = pipeline::Ingestor::Open(":memory:", options);
  if (!ingestor.ok()) return ingestor.status();
  std::map<std::string, int64_t> predicted;
  ClusteringScores out;
  for (const auto& a : articles) {
    auto start = std::chrono::steady_clock::now();
    auto event = (*ingestor)->Add(a);
    out.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!event.ok()) return event.status();
  }
  CROSSCHECK_RETURN_IF_ERROR((*ingestor)->Flush());
  // Scored on the final assignment: later articles may have moved earlier
  // ones to another event of their story.
  auto assigned = (*ingestor)->store().ArticleEvents();
  if (!assigned.ok()) return assigned.status();
  for (const auto& [id, e] : *assigned) predicted[id] = e;
  // B-cubed over articles.
  std::map<int64_t, std::vector<std::string>> by_pred;
  std::map<std::string, std::vector<std::string>> by_gold;
  for (const auto& [id, e] : predicted) {
    by_pred[e].push_back(id);
    by_gold[gold[id]].push_back(id);
  }
  double p = 0, r = 0;
  for (const auto& [id, e] : predicted) {
    const auto& cluster = by_pred[e];
    const auto& truth = by_gold[gold[id]];
    std::set<std::string> t(truth.begin(), truth.end());
    size_t both = 0;
    for (const auto& x : cluster) both += t.count(x);
    p += static_cast<double>(both) / cluster.size();
    r += static_cast<double>(both) / truth.size();
  }
  auto counts = [](const std::map<std::string, size_t>& m) {
    std::vector<std::pair<std::string, size_t>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string s;
    for (const auto& [k, n] : v) s += "  " + k + "=" + std::to_string(n);
    return s;
  };
  for (const auto& [e, ids] : by_pred) {
    std::map<std::string, size_t> parts;
    for (const auto& id : ids) ++parts[gold[id]];
    if (parts.size() > 1) out.errors.push_back("merged event " + std::to_string(e) + ":" + counts(parts));
  }
  for (const auto& [g, ids] : by_gold) {
    std::map<std::string, size_t> parts;
    for (const auto& id : ids) ++parts[std::to_string(predicted[id])];
    if (parts.size() > 1) out.errors.push_back("split " + g + ":" + counts(parts));
  }
  out.articles = predicted.size();
  out.events = by_pred.size();
  out.gold_events = by_gold.size();
  out.precision = p / out.articles;
  out.recall = r / out.articles;
  out.f1 = out.precision + out.recall > 0 ? 2 * out.precision * out.recall / (out.precision + out.recall) : 0;
  return out;
}

}  // namespace crosscheck::eval
