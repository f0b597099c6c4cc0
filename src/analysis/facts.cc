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
#include "crosscheck/average_link.h"

namespace crosscheck::analysis::internal {
void BuildFacts(Context& c, Report& r) {
  const FactOptions& o = c.options.facts;
  // Sentences as items; candidate pairs as links.
  std::vector<SentenceRef> refs;
  std::map<std::pair<int, int>, int> item_of;  // (doc, sent) -> item
  auto item = [&](SentenceRef s) {
    auto [it, added] = item_of.emplace(std::make_pair(s.doc, s.sent), static_cast<int>(refs.size()));
    if (added) refs.push_back(s);
    return it->second;
  };
  std::vector<Link> links;
  for (auto& [sim, p] : c.CandidatePairs(o.pair_threshold)) {
    if (c.features[p.first.doc][p.first.sent].size() < o.min_features ||
        c.features[p.second.doc][p.second.sent].size() < o.min_features)
      continue;
    int a = item(p.first), b = item(p.second);
    links.push_back({sim, a, b});
  }
  AverageLinkRules rules;
  rules.threshold = o.average_threshold;
  rules.similarity = [&](int x, int y) { return c.Similarity(refs[x], refs[y]); };
  rules.may_merge = [&](const std::vector<int>& a, const std::vector<int>& b) {
    for (int x : a)
      for (int y : b)
        if (refs[x].doc == refs[y].doc) return false;  // one sentence per outlet
    return true;
  };
  std::vector<std::vector<SentenceRef>> clusters;
  for (const auto& g : MergeByAverageLink(refs.size(), std::move(links), rules)) {
    clusters.emplace_back();
    for (int m : g) clusters.back().push_back(refs[m]);
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
      for (size_t j = 0; j < members.size(); ++j)
        if (i != j) sum += c.Similarity(members[i], members[j]);
      // Prefer central and not overly long statements.
      double len = c.Doc(members[i].doc).sentences[members[i].sent].span.size();
      double score = sum - len / 4000.0 - (c.SelfContained(members[i]) ? 0.0 : 1.0);
      if (score > best) {
        best = score;
        f.representative = static_cast<int>(i);
      }
    }
    facts.push_back(std::move(f));
  }
  auto position = [&](const FactCluster& f) {
    double p = 0;
    for (auto& m : f.members)
      p += static_cast<double>(m.sent) / std::max<size_t>(1, c.Doc(m.doc).sentences.size());
    return p / f.members.size();
  };
  // Independent outlets: a wire copy counts with the story it republishes.
  auto root = [&](int d) {
    return c.copy_of.size() > static_cast<size_t>(d) && !c.copy_of[d].empty() ? c.copy_of[d] : c.SourceId(d);
  };
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
