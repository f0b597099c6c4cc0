// Facts: sentences of different outlets that state the same thing. Candidate
// pairs (sharing at least one informative feature) are taken in order of
// similarity; two clusters merge when their average pairwise similarity stays
// above the threshold and they hold no sentence of the same document, so a
// fact counts each outlet once and chains of loosely related sentences do not
// snowball. The representative statement is the member most similar to the
// others.
#include <algorithm>
#include <map>
#include <set>

#include "context.h"

namespace crosscheck::analysis::internal {
namespace {

constexpr double kPairThreshold = 0.3;
constexpr double kAverageThreshold = 0.26;
constexpr size_t kMinFeatures = 2;  // "Trust me." states nothing to cross-check

}  // namespace

void BuildFacts(Context& c, Report& r) {
  auto pairs = c.CandidatePairs(kPairThreshold);
  std::map<std::pair<int, int>, int> cluster_of;  // (doc, sent) -> cluster
  std::vector<std::vector<SentenceRef>> clusters;
  auto key = [](SentenceRef s) { return std::make_pair(s.doc, s.sent); };
  auto average = [&](const std::vector<SentenceRef>& a, const std::vector<SentenceRef>& b) {
    double sum = 0;
    for (auto& x : a) for (auto& y : b) sum += c.Similarity(x, y);
    return sum / (a.size() * b.size());
  };
  auto disjoint_docs = [](const std::vector<SentenceRef>& a, const std::vector<SentenceRef>& b) {
    for (auto& x : a) for (auto& y : b) if (x.doc == y.doc) return false;
    return true;
  };
  for (auto& [sim, p] : pairs) {
    if (c.features[p.first.doc][p.first.sent].size() < kMinFeatures ||
        c.features[p.second.doc][p.second.sent].size() < kMinFeatures)
      continue;
    auto ia = cluster_of.find(key(p.first)), ib = cluster_of.find(key(p.second));
    std::vector<SentenceRef> a = ia == cluster_of.end() ? std::vector<SentenceRef>{p.first} : clusters[ia->second];
    std::vector<SentenceRef> b = ib == cluster_of.end() ? std::vector<SentenceRef>{p.second} : clusters[ib->second];
    if (ia != cluster_of.end() && ib != cluster_of.end() && ia->second == ib->second) continue;
    if (!disjoint_docs(a, b) || average(a, b) < kAverageThreshold) continue;
    int target;
    if (ia != cluster_of.end()) target = ia->second;
    else if (ib != cluster_of.end()) target = ib->second;
    else { target = static_cast<int>(clusters.size()); clusters.emplace_back(); }
    std::vector<SentenceRef> merged = a;
    merged.insert(merged.end(), b.begin(), b.end());
    if (ia != cluster_of.end() && ia->second != target) clusters[ia->second].clear();
    if (ib != cluster_of.end() && ib->second != target) clusters[ib->second].clear();
    clusters[target] = merged;
    for (auto& m : merged) cluster_of[key(m)] = target;
  }
  // Keep non-empty clusters, most outlets first, then earliest in the articles.
  std::vector<FactCluster> facts;
  for (auto& members : clusters) {
    if (members.size() < 2) continue;
    std::sort(members.begin(), members.end(), [](auto& a, auto& b) { return a.doc < b.doc; });
    FactCluster f;
    f.members = members;
    double best = -1;
    for (size_t i = 0; i < members.size(); ++i) {
      double sum = 0;
      for (size_t j = 0; j < members.size(); ++j) if (i != j) sum += c.Similarity(members[i], members[j]);
      // Prefer central and not overly long statements.
      double len = c.Doc(members[i].doc).sentences[members[i].sent].span.size();
      double score = sum - len / 4000.0 - (c.SelfContained(members[i]) ? 0.0 : 1.0);
      if (score > best) { best = score; f.representative = static_cast<int>(i); }
    }
    facts.push_back(std::move(f));
  }
  auto position = [&](const FactCluster& f) {
    double p = 0;
    for (auto& m : f.members) p += static_cast<double>(m.sent) / std::max<size_t>(1, c.Doc(m.doc).sentences.size());
    return p / f.members.size();
  };
  // Independent outlets: a wire copy counts with the story it republishes.
  auto root = [&](int d) { return c.copy_of.size() > static_cast<size_t>(d) && !c.copy_of[d].empty() ? c.copy_of[d] : c.SourceId(d); };
  auto independent = [&](const FactCluster& f) {
    std::set<std::string> roots;
    for (const auto& m : f.members) roots.insert(root(m.doc));
    return roots.size();
  };
  std::stable_sort(facts.begin(), facts.end(), [&](const FactCluster& a, const FactCluster& b) {
    if (independent(a) != independent(b)) return independent(a) > independent(b);
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
    return position(a) < position(b);
  });
  c.clusters = facts;
  for (size_t i = 0; i < c.clusters.size(); ++i)
    for (auto& m : c.clusters[i].members) c.fact_of[m.doc][m.sent] = static_cast<int>(i);
  for (size_t i = 0; i < c.clusters.size(); ++i) {
    const FactCluster& f = c.clusters[i];
    Fact out;
    out.id = "f" + std::to_string(i + 1);
    out.statement = c.SentenceText(f.members[f.representative]);
    std::vector<int> docs;
    for (auto& m : f.members) {
      docs.push_back(m.doc);
      out.support.push_back(c.SentenceSupport(m));
    }
    out.sources = SourceIds(c, docs);
    out.independent = static_cast<int>(independent(f));
    for (auto& m : f.members)
      if (root(m.doc) != c.SourceId(m.doc)) out.copies.push_back({c.SourceId(m.doc), root(m.doc)});
    r.facts.push_back(std::move(out));
  }
}

}  // namespace crosscheck::analysis::internal
