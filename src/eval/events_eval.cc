#include "crosscheck/eval/events_eval.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "crosscheck/ingest/text_reader.h"

namespace crosscheck::eval {

StatusOr<ClusteringScores> EvaluateEventsFolder(const std::string& dir,
                                                const pipeline::IngestOptions& options) {
  namespace fs = std::filesystem;
  auto gold_bytes = ingest::ReadFileBytes((fs::path(dir) / "gold.tsv").string(), 64u << 20);
  if (!gold_bytes.ok()) return gold_bytes.status();
  std::map<std::string, std::string> gold;
  std::istringstream in(*gold_bytes);
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab != std::string::npos) gold[line.substr(0, tab)] = line.substr(tab + 1);
  }
  if (gold.empty()) return InvalidInput(dir + "/gold.tsv: no article<TAB>event line");
  std::vector<std::string> files;
  files.reserve(gold.size());
  for (const auto& [id, event] : gold) files.push_back((fs::path(dir) / (id + ".txt")).string());
  std::sort(files.begin(), files.end());
  auto ingestor = pipeline::Ingestor::Open(":memory:", options);
  if (!ingestor.ok()) return ingestor.status();
  std::map<std::string, int64_t> predicted;
  ClusteringScores out;
  for (const auto& f : files) {
    auto a = ingest::ReadTextFile(f);
    if (!a.ok()) return a.status();
    auto start = std::chrono::steady_clock::now();
    auto event = (*ingestor)->Add(*a);
    out.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!event.ok()) return event.status();
  }
  Status f = (*ingestor)->Flush();
  if (!f.ok()) return f;
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
  out.articles = predicted.size();
  out.events = by_pred.size();
  out.gold_events = by_gold.size();
  out.precision = p / out.articles;
  out.recall = r / out.articles;
  out.f1 = out.precision + out.recall > 0 ? 2 * out.precision * out.recall / (out.precision + out.recall) : 0;
  return out;
}

}  // namespace crosscheck::eval
