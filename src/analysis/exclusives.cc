// Exclusives: sentences no other outlet comes close to. A sentence counts
// when it belongs to no fact and its best similarity to any sentence of
// another article stays low; very short sentences are left out. Per source,
// the sentences carrying the most informative features come first.
#include <algorithm>

#include "context.h"

namespace crosscheck::analysis::internal {
void BuildExclusives(Context& c, Report& r) {
  const ExclusiveOptions& o = c.options.exclusives;
  for (int d = 0; d < static_cast<int>(c.x.documents.size()); ++d) {
    if (!c.copy_of[d].empty()) continue;  // its original's exclusives are its own
    const auto& doc = c.Doc(d);
    std::vector<std::pair<double, int>> picks;
    for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s) {
      if (c.fact_of[d][s] >= 0) continue;
      size_t words = 0;
      for (const auto& t : doc.tokens[s]) words += t.IsWord();
      if (words < o.min_words) continue;
      if (c.BestOtherSimilarity({d, s}) >= o.max_other_similarity) continue;
      double info = 0;
      for (const auto& f : c.features[d][s]) info += f.weight;
      picks.push_back({info, s});
    }
    if (picks.empty() || c.x.documents.size() < 2) continue;
    std::stable_sort(picks.begin(), picks.end(), [](auto& a, auto& b) { return a.first > b.first; });
    if (picks.size() > o.max_per_source) picks.resize(o.max_per_source);
    std::sort(picks.begin(), picks.end(), [](auto& a, auto& b) { return a.second < b.second; });
    Exclusive e;
    e.source = c.SourceId(d);
    for (auto& [info, s] : picks) e.support.push_back(c.SentenceSupport({d, s}));
    r.exclusive.push_back(std::move(e));
  }
}

}  // namespace crosscheck::analysis::internal
