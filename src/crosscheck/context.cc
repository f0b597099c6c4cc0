// Sentence features and similarity. A sentence is a bag of weighted
// features: content-word stems, resolved entities and quantities (value and
// unit). Weights are inverse sentence frequencies over the event's
// sentences, so rare words, names and numbers carry the comparison; entities
// and quantities get a bonus because two outlets rarely share a name and a
// number by chance. Similarity is a soft Dice coefficient: each feature of
// one side finds its best match on the other (1 for the same key, 0.8 for a
// WordNet synonym), and matched weight is divided by total weight.
#include "context.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "crosscheck/lexicon/wordnet.h"

namespace crosscheck::analysis {

std::string FoldSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = true; continue; }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

namespace internal {
namespace {

bool Ignorable(const text::Token& t) {
  if (t.stop || t.kind == text::TokenKind::kClitic || t.kind == text::TokenKind::kSymbol) return true;
  if (lexicon::CueOf(t.norm) == lexicon::Cue::kSay) return true;  // "said", "told": everyone says
  return t.norm.size() < 2;
}

std::string NumberKey(const extract::Quantity& q) {
  std::ostringstream k;
  k << "n:" << q.value << ":" << q.unit;
  return k.str();
}

}  // namespace

Context::Context(const extract::Extraction& xx) : x(xx) {
  features.resize(x.documents.size());
  fact_of.resize(x.documents.size());
  // First pass: raw features for document frequencies.
  std::vector<std::vector<std::vector<Feature>>> raw(x.documents.size());
  double n = 0;
  for (size_t d = 0; d < x.documents.size(); ++d) {
    const auto& doc = x.documents[d];
    raw[d].resize(doc.sentences.size());
    fact_of[d].assign(doc.sentences.size(), -1);
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      raw[d][s] = Build(static_cast<int>(d), doc.sentences[s].span, static_cast<int>(s));
      std::set<std::string> seen;
      for (auto& f : raw[d][s]) if (seen.insert(f.key).second) ++df_[f.key];
      ++n;
    }
  }
  n_sentences_ = std::max(1.0, n);
  for (size_t d = 0; d < raw.size(); ++d) {
    features[d] = std::move(raw[d]);
    for (auto& sent : features[d])
      for (auto& f : sent) f.weight *= Idf(f.key);
  }
}

double Context::Idf(const std::string& key) const {
  auto it = df_.find(key);
  double df = it == df_.end() ? 1 : it->second;
  return std::log(1.0 + n_sentences_ / df);
}

std::vector<Feature> Context::Build(int d, Span span, int sentence) const {
  const auto& doc = x.documents[d];
  std::vector<Feature> out;
  std::set<std::string> keys;
  auto add = [&](std::string key, std::string word, double w) {
    if (keys.insert(key).second) out.push_back({std::move(key), std::move(word), w});
  };
  // Entities (covering tokens are not repeated as words).
  std::vector<Span> covered;
  for (const auto& m : doc.mentions) {
    if (!span.Contains(m.span) || m.entity < 0) continue;
    add("e:" + std::to_string(m.entity), "", 1.5);
    covered.push_back(m.span);
  }
  for (const auto& q : doc.quantities) {
    if (!span.Contains(q.span)) continue;
    add(NumberKey(q), "", 2.0);
    covered.push_back(q.span);
  }
  int s0 = sentence >= 0 ? sentence : doc.SentenceAt(span.begin);
  int s1 = sentence >= 0 ? sentence : doc.SentenceAt(span.end ? span.end - 1 : 0);
  if (s0 < 0 || s1 < 0) return out;
  for (int s = s0; s <= s1; ++s) {
    for (const auto& t : doc.tokens[s]) {
      if (!span.Contains(t.span) || Ignorable(t)) continue;
      bool in_name = false;
      for (const auto& c : covered) in_name |= c.Contains(t.span);
      if (in_name) continue;
      if (t.kind == text::TokenKind::kNumber) continue;  // numbers count through quantities
      add("w:" + t.stem, t.norm, 1.0);
      out.back().senses = &lexicon::WordNet::Get().SenseKeys(t.norm);
    }
  }
  return out;
}

std::vector<Feature> Context::FeaturesOf(int d, Span span) const {
  std::vector<Feature> f = Build(d, span, -1);
  for (auto& x : f) x.weight *= Idf(x.key);
  return f;
}

double Context::Similarity(const std::vector<Feature>& a, const std::vector<Feature>& b) const {
  double total = 0, matched = 0;
  auto side = [&](const std::vector<Feature>& p, const std::vector<Feature>& q) {
    for (const auto& f : p) {
      total += f.weight;
      double best = 0;
      for (const auto& g : q) {
        if (f.key == g.key) { best = 1; break; }
        if (best < 0.8 && f.senses && g.senses && lexicon::ShareSense(*f.senses, *g.senses))
          best = 0.8;
      }
      matched += best * f.weight;
    }
  };
  side(a, b);
  side(b, a);
  return total > 0 ? matched / total : 0;
}

double Context::Similarity(SentenceRef a, SentenceRef b) const {
  return Similarity(features[a.doc][a.sent], features[b.doc][b.sent]);
}

std::vector<std::pair<double, std::pair<SentenceRef, SentenceRef>>> Context::CandidatePairs(double min_sim) const {
  // Inverted index over features that are not too common.
  std::unordered_map<std::string, std::vector<SentenceRef>> index;
  const double max_df = std::max(8.0, n_sentences_ * 0.2);
  for (int d = 0; d < static_cast<int>(features.size()); ++d)
    for (int s = 0; s < static_cast<int>(features[d].size()); ++s)
      for (const auto& f : features[d][s]) {
        auto it = df_.find(f.key);
        if (it != df_.end() && it->second <= max_df) index[f.key].push_back({d, s});
      }
  std::set<std::pair<std::pair<int, int>, std::pair<int, int>>> seen;
  std::vector<std::pair<double, std::pair<SentenceRef, SentenceRef>>> out;
  for (auto& [key, refs] : index) {
    for (size_t i = 0; i < refs.size(); ++i)
      for (size_t j = i + 1; j < refs.size(); ++j) {
        if (refs[i].doc == refs[j].doc) continue;
        auto k = std::make_pair(std::make_pair(refs[i].doc, refs[i].sent), std::make_pair(refs[j].doc, refs[j].sent));
        if (!seen.insert(k).second) continue;
        double sim = Similarity(refs[i], refs[j]);
        if (sim >= min_sim) out.push_back({sim, {refs[i], refs[j]}});
      }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  return out;
}

double Context::BestOtherSimilarity(SentenceRef r) const {
  double best = 0;
  for (int d = 0; d < static_cast<int>(features.size()); ++d) {
    if (d == r.doc) continue;
    for (int s = 0; s < static_cast<int>(features[d].size()); ++s) best = std::max(best, Similarity(r, {d, s}));
  }
  return best;
}

Support Context::MakeSupport(int d, Span span) const {
  return {SourceId(d), FoldSpace(Doc(d).Text(span)), span};
}

std::string Context::SentenceText(SentenceRef r) const {
  return FoldSpace(Doc(r.doc).Text(Doc(r.doc).sentences[r.sent].span));
}

std::vector<std::string> SourceIds(const Context& c, std::vector<int> docs) {
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  std::vector<std::string> out;
  for (int d : docs) out.push_back(c.SourceId(d));
  return out;
}

}  // namespace internal
}  // namespace crosscheck::analysis
