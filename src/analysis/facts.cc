// Facts: sentences of different outlets that state the same thing. Candidate
// pairs (sharing at least one informative feature) are scored (FactOptions:
// feature similarity, the same-statement model, leads, speakers) and taken
// best first; two clusters merge when their average pairwise score stays
// above the threshold and they hold no sentence of the same document, so a
// fact counts each outlet once and chains of loosely related sentences do not
// snowball. The representative statement is the member most similar to the
// others.
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "context.h"
#include "crosscheck/average_link.h"
#include "crosscheck/statements/same.h"

namespace crosscheck::analysis::internal {
namespace {

// The person a sentence is attributed to, by sentence: entity index or -1.
// Only a sentence that is mostly what someone said has a speaker ("A day
// earlier, X met Y and said ..." reports the meeting as fact).
std::vector<std::vector<int>> Speakers(const Context& c, double min_share) {
  std::vector<std::vector<int>> out(c.x.documents.size());
  for (size_t d = 0; d < out.size(); ++d) {
    const auto& doc = c.x.documents[d];
    out[d].assign(doc.sentences.size(), -1);
    for (const auto& a : doc.attributions) {
      if (a.entity < 0 || a.sentence >= out[d].size() || out[d][a.sentence] >= 0 ||
          c.x.entities[a.entity].type != extract::EntityType::kPerson)
        continue;
      if (a.content.size() >= min_share * doc.sentences[a.sentence].span.size())
        out[d][a.sentence] = a.entity;
    }
  }
  return out;
}

// Whether each sentence is among its article's first `n` with enough features.
std::vector<std::vector<bool>> Leads(const Context& c, size_t n, size_t min_features) {
  std::vector<std::vector<bool>> out(c.features.size());
  for (size_t d = 0; d < out.size(); ++d) {
    out[d].assign(c.features[d].size(), false);
    for (size_t s = 0, seen = 0; s < out[d].size() && seen < n; ++s)
      if (c.features[d][s].size() >= min_features) out[d][s] = true, ++seen;
  }
  return out;
}

}  // namespace

void BuildFacts(Context& c, Report& r) {
  const FactOptions& o = c.options.facts;
  const statements::SameModel& same = statements::SameModel::Default();
  const auto speakers = Speakers(c, o.speech_share);
  const auto leads = Leads(c, o.lead_sentences, o.min_features);
  // Sentences are read for the model once, the first time a pair needs them.
  std::vector<std::vector<std::unique_ptr<statements::Statement>>> read(c.x.documents.size());
  for (size_t d = 0; d < read.size(); ++d) read[d].resize(c.Doc(static_cast<int>(d)).sentences.size());
  auto statement = [&](SentenceRef s) -> const statements::Statement& {
    auto& slot = read[s.doc][s.sent];
    if (!slot)
      slot = std::make_unique<statements::Statement>(statements::ReadStatement(
          c.Doc(s.doc).Text(c.Doc(s.doc).sentences[s.sent].span), c.Doc(s.doc).tokens[s.sent]));
    return *slot;
  };
  // Scores of candidate pairs, by (item, item). A pair that was no candidate
  // (average link asks about every pair of two groups) scores by features,
  // leads and speakers only: the model is kept for the pairs that matter.
  std::unordered_map<uint64_t, double> scored;
  std::vector<uint64_t> first_sentence(c.x.documents.size() + 1, 0);  // sentences numbered across documents
  for (size_t d = 0; d < c.x.documents.size(); ++d)
    first_sentence[d + 1] = first_sentence[d] + c.Doc(static_cast<int>(d)).sentences.size();
  auto pair_key = [&](SentenceRef a, SentenceRef b) {
    uint64_t x = first_sentence[a.doc] + static_cast<uint64_t>(a.sent);
    uint64_t y = first_sentence[b.doc] + static_cast<uint64_t>(b.sent);
    return std::min(x, y) << 32 | std::max(x, y);
  };
  // `sim`: their feature similarity when known (a candidate pair's), else < 0.
  auto score = [&](SentenceRef a, SentenceRef b, bool model, double sim) {
    int sa = speakers[a.doc][a.sent], sb = speakers[b.doc][b.sent];
    if (sa >= 0 && sb >= 0 && sa != sb) return 0.0;
    double s = sim >= 0 ? sim : c.Similarity(a, b);
    // Near-identical wording needs no model; below that it can lift a pair
    // the features miss or halve one it calls different.
    if (model && s < o.model_below) {
      double p = same.Score(statement(a), statement(b));
      s = std::max(s, o.same_weight * p);
      if (p < o.different) s *= 0.5;
    }
    if (leads[a.doc][a.sent] && leads[b.doc][b.sent]) s += o.lead_bonus;
    return s;
  };
  auto known = [&](SentenceRef a, SentenceRef b) {
    auto it = scored.find(pair_key(a, b));
    return it != scored.end() ? it->second : score(a, b, false, -1);
  };
  // Sentences as items; candidate pairs as links.
  std::vector<SentenceRef> refs;
  std::map<std::pair<int, int>, int> item_of;  // (doc, sent) -> item
  auto item = [&](SentenceRef s) {
    auto [it, added] = item_of.emplace(std::make_pair(s.doc, s.sent), static_cast<int>(refs.size()));
    if (added) refs.push_back(s);
    return it->second;
  };
  std::vector<Link> links;
  for (auto& [sim, p] : c.CandidatePairs(o.candidate_similarity)) {
    if (c.features[p.first.doc][p.first.sent].size() < o.min_features ||
        c.features[p.second.doc][p.second.sent].size() < o.min_features)
      continue;
    double s = score(p.first, p.second, true, sim);
    scored[pair_key(p.first, p.second)] = s;
    if (s < o.pair_threshold) continue;
    int a = item(p.first), b = item(p.second);
    links.push_back({s, a, b});
  }
  AverageLinkRules rules;
  rules.threshold = o.average_threshold;
  rules.similarity = [&](int x, int y) { return known(refs[x], refs[y]); };
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
      // Prefer central and not overly long statements, in an outlet's own
      // voice rather than someone's quoted words.
      const auto& doc = c.Doc(members[i].doc);
      double len = doc.sentences[members[i].sent].span.size();
      double score = sum - len / 4000.0 - (c.SelfContained(members[i]) ? 0.0 : 1.0) -
                     (OpensWithQuoteMark(doc.Text(c.Body(members[i]))) ? 0.5 : 0.0);
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
  auto root = [&](int d) { return c.Root(d); };
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
