// Extractive summary: facts are taken in order of how many outlets report
// them (maximal marginal relevance: a candidate too similar to a sentence
// already chosen is skipped), so the summary leads with what most outlets
// agree on. If the leading claim is contested, its strongest denial is added
// so both sides appear. Short reports are filled up to three sentences with
// the most informative exclusive material. Every sentence cites its outlets.
#include <algorithm>
#include <set>

#include "context.h"

namespace crosscheck::analysis::internal {
void BuildSummary(Context& c, Report& r) {
  const SummaryOptions& o = c.options.summary;
  const size_t max_n = std::clamp<size_t>(o.max_sentences, 3, 8);
  std::vector<std::vector<Feature>> chosen;
  auto redundant = [&](const std::vector<Feature>& f) {
    for (auto& g : chosen)
      if (c.Similarity(f, g) >= o.redundant) return true;
    return false;
  };
  auto add = [&](SentenceRef ref, std::vector<std::string> sources) {
    const auto& f = c.features[ref.doc][ref.sent];
    size_t words = 0;
    for (const auto& t : c.Doc(ref.doc).tokens[ref.sent]) words += t.IsWord();
    if (words < o.min_words || redundant(f)) return;
    chosen.push_back(f);
    r.summary.push_back({c.SentenceText(ref), std::move(sources), c.SourceId(ref.doc)});
  };
  // Room for one denial when the leading claim is contested.
  bool contested = false;
  for (const auto& claim : r.claims)
    for (const auto& p : claim.positions) contested |= p.stance == "denies";
  size_t fact_budget = contested ? max_n - 1 : max_n;
  for (size_t i = 0; i < c.clusters.size() && r.summary.size() < fact_budget; ++i) {
    const FactCluster& f = c.clusters[i];
    add(f.members[f.representative], r.facts[i].sources);
  }
  if (contested) {
    for (const auto& claim : r.claims) {
      const Position* best = nullptr;
      for (const auto& p : claim.positions)
        if (p.stance == "denies" && (!best || p.sources.size() > best->sources.size())) best = &p;
      if (!best || best->support.empty()) continue;
      // The first self-contained support sentence ("Ukraine rejected ...",
      // rather than "He said ...").
      const Support* chosen = &best->support.front();
      for (const auto& sup : best->support) {
        SentenceRef ref = c.RefOf(sup);
        if (ref.doc >= 0 && ref.sent >= 0 && c.SelfContained(ref)) {
          chosen = &sup;
          break;
        }
      }
      SentenceRef ref = c.RefOf(*chosen);
      if (ref.doc >= 0 && ref.sent >= 0) {
        size_t before = r.summary.size();
        add(ref, best->sources);
        // Keep the denial next to the claim it answers: right after the
        // summary line that states the claim (an asserting sentence, or the
        // fact it belongs to), else right after the lead.
        if (r.summary.size() > before && r.summary.size() > 2) {
          std::set<std::string> asserted;
          for (const auto& p : claim.positions)
            if (p.stance == "asserts")
              for (const auto& sup : p.support) asserted.insert(sup.sentence);
          for (const auto& f : r.facts) {
            bool states = false;
            for (const auto& sup : f.support) states |= asserted.count(sup.sentence) > 0;
            if (states) asserted.insert(f.statement);
          }
          size_t after = 0;
          for (size_t i = 0; i + 1 < r.summary.size(); ++i)
            if (asserted.count(r.summary[i].text)) {
              after = i;
              break;
            }
          std::rotate(r.summary.begin() + static_cast<long>(after) + 1, r.summary.end() - 1, r.summary.end());
        }
      }
      break;
    }
  }
  for (const auto& e : r.exclusive) {
    if (r.summary.size() >= 3) break;
    for (const auto& s : e.support) {
      if (r.summary.size() >= 3) break;
      SentenceRef ref = c.RefOf(s);
      if (ref.doc >= 0 && ref.sent >= 0) add(ref, {e.source});
    }
  }
  // A single article: its opening sentences.
  for (int s = 0;
       r.summary.size() < 3 && !c.x.documents.empty() && s < static_cast<int>(c.Doc(0).sentences.size()); ++s)
    add({0, s}, {c.SourceId(0)});
}

}  // namespace crosscheck::analysis::internal
