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
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_set>

#include "crosscheck/lexicon/wordnet.h"
#include "crosscheck/text/unicode.h"

namespace crosscheck::analysis {

std::string FoldSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

namespace internal {
namespace {

uint64_t SenseBit(uint64_t sense) { return uint64_t{1} << ((sense * 0x9E3779B97F4A7C15ull) >> 58); }

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

Context::Context(const extract::Extraction& xx, const ReportOptions& o, std::vector<std::string> copies)
    : x(xx), options(o), copy_of(std::move(copies)) {
  copy_of.resize(x.documents.size());
  for (size_t d = 0; d < x.documents.size(); ++d)
    doc_of_.emplace(x.documents[d].article->id, static_cast<int>(d));
  std::unordered_map<std::string, int> by_name;
  for (size_t e = 0; e < x.entities.size(); ++e)
    by_name.emplace(text::FoldForMatch(x.entities[e].name), static_cast<int>(e));
  for (size_t e = 0; e < x.entities.size(); ++e) {
    std::string_view country = lexicon::CountryOfCapital(text::FoldForMatch(x.entities[e].name));
    if (auto it = by_name.find(std::string(country)); !country.empty() && it != by_name.end())
      wider_[static_cast<int>(e)].push_back(it->second);
  }
  AddContainment();
  features.resize(x.documents.size());
  fact_of.resize(x.documents.size());
  best_other_.resize(x.documents.size());
  double n = 0;
  for (size_t d = 0; d < x.documents.size(); ++d) {
    const auto& doc = x.documents[d];
    features[d].resize(doc.sentences.size());
    fact_of[d].assign(doc.sentences.size(), -1);
    best_other_[d].assign(doc.sentences.size(), 0.f);
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      features[d][s] = Build(static_cast<int>(d), doc.sentences[s].span, static_cast<int>(s));
      for (auto& f : features[d][s]) ++df_[f.id];
      ++n;
    }
  }
  n_sentences_ = std::max(1.0, n);
  for (auto& doc : features)
    for (auto& sent : doc) Finish(sent);
  EventSenseMasks();
  // Best similarity to another document, from the candidate pairs.
  for (auto& [sim, p] : CandidatePairs(0.0)) {
    float& a = best_other_[p.first.doc][p.first.sent];
    float& b = best_other_[p.second.doc][p.second.sent];
    a = std::max(a, static_cast<float>(sim));
    b = std::max(b, static_cast<float>(sim));
  }
}

void Context::AddContainment() {
  // "A in B" and "A, B" with two places (a word may stand between A and "in":
  // "Mar-a-Lago estate in Palm Beach"); in the comma form B is a known
  // region or country, A is not one, and no list goes on after B ("Moscow,
  // Kyiv and Washington" puts nothing inside anything).
  auto is_place = [&](int e) { return e >= 0 && x.entities[e].type == extract::EntityType::kPlace; };
  auto kind_of = [&](int e) { return lexicon::LookupPlace(text::FoldForMatch(x.entities[e].name)); };
  // Whether mention k and the next are two places of a list ("Paris, Kyiv",
  // "Kyiv and Moscow").
  auto listed = [&](const extract::Document& doc, size_t k) {
    if (k + 1 >= doc.mentions.size()) return false;
    const auto& m = doc.mentions[k];
    const auto& n = doc.mentions[k + 1];
    if (m.sentence != n.sentence || !is_place(m.entity) || !is_place(n.entity) || n.span.begin < m.span.end)
      return false;
    std::string_view gap = doc.text().substr(m.span.end, n.span.begin - m.span.end);
    return gap == ", " || gap == " and " || gap == " or " || gap == ", and ";
  };
  std::map<int, std::set<int>> inside;
  for (const auto& doc : x.documents) {
    std::string_view t = doc.text();
    for (size_t k = 0; k + 1 < doc.mentions.size(); ++k) {
      const auto& a = doc.mentions[k];
      const auto& b = doc.mentions[k + 1];
      if (a.sentence != b.sentence || a.entity == b.entity || !is_place(a.entity) || !is_place(b.entity) ||
          b.span.begin < a.span.end || b.span.begin - a.span.end > 24)
        continue;
      const lexicon::PlaceKind a_kind = kind_of(a.entity);
      if (a_kind == lexicon::PlaceKind::kCountry) continue;  // a country is inside nothing the articles name
      std::string_view gap = t.substr(a.span.end, b.span.begin - a.span.end);
      bool contained = false;
      if (gap == ", ") {
        if (a_kind == lexicon::PlaceKind::kRegion) continue;  // "Nebraska, Oklahoma": two regions listed
        const lexicon::PlaceKind kind = kind_of(b.entity);
        contained = (kind == lexicon::PlaceKind::kRegion || kind == lexicon::PlaceKind::kCountry) &&
                    !(k > 0 && listed(doc, k - 1)) && !listed(doc, k + 1);
      } else {
        // " in ", " in the ", " estate in ": at most a word naming a kind of
        // place ("island", "street") before "in".
        std::string_view g = gap;
        if (g.ends_with(" the ")) g.remove_suffix(4);
        if (g.ends_with(" in ")) {
          g.remove_suffix(4);
          contained = g.empty() || (g.front() == ' ' && lexicon::IsPlaceKeyword(g.substr(1)));
        }
      }
      if (contained) inside[a.entity].insert(b.entity);
    }
  }
  // Containment is transitive (Mar-a-Lago, Palm Beach, Florida); a cycle
  // (two places each said to be in the other) holds nothing.
  for (const auto& [a, direct] : inside) {
    std::set<int> all;
    std::vector<int> todo(direct.begin(), direct.end());
    while (!todo.empty() && all.size() < 8) {
      int b = todo.back();
      todo.pop_back();
      if (b == a || !all.insert(b).second) continue;
      if (auto it = inside.find(b); it != inside.end())
        todo.insert(todo.end(), it->second.begin(), it->second.end());
    }
    bool cycle = false;
    for (int b : all)
      if (auto it = inside.find(b); it != inside.end() && it->second.count(a)) cycle = true;
    if (cycle) continue;
    auto& out = wider_[a];
    for (int b : all)
      if (std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
  }
}

void Context::EventSenseMasks() {
  // A sense that only one of the event's features has can never make two
  // of them synonyms: each feature's mask keeps only the senses it shares
  // with another, so masks rarely overlap by chance.
  table_ = static_cast<uint32_t>(ids_.size());
  shared_mask_.assign(table_, 0);
  // One id can carry several sense lists (words of one stem: "ran", "runs").
  std::vector<std::pair<uint32_t, const std::vector<uint64_t>*>> lists;
  for (const auto& doc : features)
    for (const auto& sent : doc)
      for (const auto& f : sent)
        if (f.senses && !f.senses->empty()) lists.emplace_back(f.id, f.senses);
  std::sort(lists.begin(), lists.end());
  lists.erase(std::unique(lists.begin(), lists.end()), lists.end());
  std::unordered_map<uint64_t, uint32_t> first;  // sense -> the first feature with it
  std::unordered_set<uint64_t> shared;
  for (const auto& [id, list] : lists)
    for (uint64_t k : *list) {
      auto [it, fresh] = first.try_emplace(k, id);
      if (!fresh && it->second != id) shared.insert(k);
    }
  for (const auto& [id, list] : lists)
    for (uint64_t k : *list)
      if (shared.count(k)) shared_mask_[id] |= SenseBit(k);
  for (auto& doc : features)
    for (auto& sent : doc)
      for (auto& f : sent) f.sense_mask = shared_mask_[f.id];
}

uint32_t Context::IdOf(const std::string& key) const {
  auto it = ids_.find(key);
  return it == ids_.end() ? UINT32_MAX : it->second;
}

std::vector<Feature> Context::TextFeatures(std::string_view text) const {
  std::vector<Feature> out;
  if (text.empty()) return out;
  std::set<uint32_t> seen;
  std::set<std::string> stems;
  auto add = [&](const std::string& key, Feature::Kind kind, float w) {
    uint32_t id = IdOf(key);
    if (id == UINT32_MAX || !seen.insert(id).second) return;
    Feature f;
    f.kind = kind;
    f.id = id;
    f.weight = w * static_cast<float>(Idf(id));
    out.push_back(f);
  };
  for (const auto& t : text::Tokenize(text, Span{0, static_cast<uint32_t>(text.size())})) {
    if (Ignorable(t) || t.kind == text::TokenKind::kNumber) continue;
    stems.insert(t.stem);
    add("w:" + t.stem, Feature::kWord, 1.0f);
  }
  if (!entity_stems_ready_) {
    for (size_t e = 0; e < x.entities.size(); ++e) {
      const std::string& name = x.entities[e].name;
      for (const auto& t : text::Tokenize(name, Span{0, static_cast<uint32_t>(name.size())}))
        if (!Ignorable(t)) {
          auto& list = entities_of_stem_[t.stem];
          if (list.empty() || list.back() != static_cast<int>(e)) list.push_back(static_cast<int>(e));
        }
    }
    entity_stems_ready_ = true;
  }
  for (const auto& stem : stems)
    if (auto it = entities_of_stem_.find(stem); it != entities_of_stem_.end())
      for (int e : it->second) add("e:" + std::to_string(e), Feature::kEntity, 1.5f);
  std::sort(out.begin(), out.end(), [](const Feature& a, const Feature& b) { return a.id < b.id; });
  return out;
}

double Context::Idf(uint32_t id) const {
  double df = id < df_.size() && df_[id] > 0 ? df_[id] : 1;
  return std::log(1.0 + n_sentences_ / df);
}

void Context::Finish(std::vector<Feature>& f) const {
  for (auto& x : f) x.weight *= static_cast<float>(Idf(x.id));
  std::sort(f.begin(), f.end(), [](const Feature& a, const Feature& b) { return a.id < b.id; });
}

namespace {

uint64_t SenseMask(const std::vector<uint64_t>& senses) {
  uint64_t m = 0;
  for (uint64_t k : senses) m |= SenseBit(k);
  return m;
}

struct Raw {
  std::string key;
  Feature::Kind kind;
  float weight;
  const std::vector<uint64_t>* senses;
};

// Raw features of a span of a document: entities, quantities, content words.
// A capital also stands, at lower weight, for its country's entity when the
// event names that country, and a place for the larger places the event puts
// it in (`wider`: place entity -> those entities).
std::vector<Raw> RawFeatures(const extract::Document& doc, Span span, int sentence,
                             const std::unordered_map<int, std::vector<int>>& wider,
                             const SimilarityOptions& options) {
  std::vector<Raw> out;
  std::set<std::string> keys;
  auto add = [&](std::string key, Feature::Kind kind, float w, const std::vector<uint64_t>* senses) {
    if (keys.insert(key).second) out.push_back({std::move(key), kind, w, senses});
  };
  // Mentions and quantities are in text order: only those from the span's
  // start are read, so a span costs its own size.
  auto from = [&](const auto& items) {
    return std::lower_bound(items.begin(), items.end(), span.begin,
                            [](const auto& item, uint32_t at) { return item.span.begin < at; });
  };
  std::vector<Span> covered;
  for (auto it = from(doc.mentions); it != doc.mentions.end() && it->span.begin < span.end; ++it) {
    const auto& m = *it;
    if (!span.Contains(m.span) || m.entity < 0) continue;
    add("e:" + std::to_string(m.entity), Feature::kEntity, 1.5f, nullptr);
    if (auto it = wider.find(m.entity); it != wider.end())
      for (int w : it->second)
        add("e:" + std::to_string(w), Feature::kEntity, static_cast<float>(options.entity_weight), nullptr);
    covered.push_back(m.span);
  }
  for (auto it = from(doc.quantities); it != doc.quantities.end() && it->span.begin < span.end; ++it) {
    const auto& q = *it;
    if (!span.Contains(q.span)) continue;
    add(NumberKey(q), Feature::kNumber, 2.0f, nullptr);
    covered.push_back(q.span);
  }
  int s0 = sentence >= 0 ? sentence : doc.SentenceAt(span.begin);
  int s1 = sentence >= 0 ? sentence : doc.SentenceAt(span.end ? span.end - 1 : 0);
  if (s0 < 0 || s1 < 0) return out;
  // Tokens and covered spans both in order: a token lies in a name when some
  // span opened before it reaches past its end.
  std::sort(covered.begin(), covered.end(), [](Span a, Span b) { return a.begin < b.begin; });
  size_t next_cover = 0;
  uint32_t covered_to = 0;
  for (int s = s0; s <= s1; ++s) {
    for (const auto& t : doc.tokens[s]) {
      while (next_cover < covered.size() && covered[next_cover].begin <= t.span.begin)
        covered_to = std::max(covered_to, covered[next_cover++].end);
      if (!span.Contains(t.span) || Ignorable(t)) continue;
      bool in_name = t.span.end <= covered_to;
      if (in_name || t.kind == text::TokenKind::kNumber) continue;  // numbers count through quantities
      add("w:" + t.stem, Feature::kWord, 1.0f, &lexicon::WordNet::Get().SenseKeys(t.norm));
    }
  }
  return out;
}

Feature Make(const Raw& r, uint32_t id) {
  Feature f;
  f.kind = r.kind;
  f.id = id;
  f.weight = r.weight;
  f.senses = r.senses;
  if (r.senses) f.sense_mask = SenseMask(*r.senses);
  return f;
}

}  // namespace

std::vector<Feature> Context::Build(int d, Span span, int sentence) {
  std::vector<Feature> out;
  for (auto& r : RawFeatures(x.documents[d], span, sentence, wider_, options.similarity)) {
    auto [it, inserted] = ids_.emplace(r.key, static_cast<uint32_t>(ids_.size()));
    if (inserted) df_.push_back(0);
    out.push_back(Make(r, it->second));
  }
  return out;
}

std::vector<Feature> Context::BuildConst(int d, Span span) const {
  std::vector<Feature> out;
  // Keys the event never used get ids past the table: they match only themselves.
  uint32_t next = static_cast<uint32_t>(ids_.size());
  std::unordered_map<std::string, uint32_t> local;
  for (auto& r : RawFeatures(x.documents[d], span, -1, wider_, options.similarity)) {
    uint32_t id = IdOf(r.key);
    if (id == UINT32_MAX) {
      auto [it, inserted] = local.emplace(r.key, next);
      if (inserted) ++next;
      id = it->second;
    }
    out.push_back(Make(r, id));
    if (id < table_) out.back().sense_mask = shared_mask_[id];
  }
  return out;
}

std::vector<Feature> Context::FeaturesOf(int d, Span span) const {
  std::vector<Feature> f = BuildConst(d, span);
  Finish(f);
  return f;
}

namespace {

// Matched weight on each side (exact matches, then WordNet synonyms of the
// words left unmatched) and total weight on each side.
struct Match {
  double matched_a = 0, matched_b = 0, total_a = 0, total_b = 0;
};

// With `floor` > 0, the synonym pass is skipped when even full credit for
// every unmatched word with senses could not lift the similarity to it.
// `totals`, when given, are the two sides' total weights, summed already.
Match MatchFeatures(const std::vector<Feature>& a, const std::vector<Feature>& b, double synonym_credit,
                    uint32_t table, double floor = 0, const std::pair<double, double>* totals = nullptr) {
  Match m;
  // Masks of the event's own features hold only senses some other feature
  // of the event has (see Context::Context): two of them that share no bit
  // share no sense. A feature from outside the event is tested in full.
  const bool in_table = (a.empty() || a.back().id < table) && (b.empty() || b.back().id < table);
  auto has_senses = [&](const Feature& p) {
    return in_table ? p.sense_mask != 0 : p.senses != nullptr && !p.senses->empty();
  };
  auto may_share = [&](const Feature& p, const Feature& q) {
    return in_table ? (p.sense_mask & q.sense_mask) != 0 : has_senses(p) && has_senses(q);
  };
  uint64_t exact_a = 0, exact_b = 0;  // bit i: feature i matched exactly (first 64 features)
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].id == b[j].id) {
      if (i < 64) exact_a |= uint64_t{1} << i;
      if (j < 64) exact_b |= uint64_t{1} << j;
      m.matched_a += a[i].weight;
      m.matched_b += b[j].weight;
      ++i;
      ++j;
    } else if (a[i].id < b[j].id) {
      ++i;
    } else {
      ++j;
    }
  }
  if (totals) {
    std::tie(m.total_a, m.total_b) = *totals;
  } else {
    for (const auto& f : a) m.total_a += f.weight;
    for (const auto& f : b) m.total_b += f.weight;
  }
  if (floor > 0) {
    double open = 0;  // weight that a synonym could still match
    for (size_t x = 0; x < a.size(); ++x)
      if (has_senses(a[x]) && !(x < 64 && (exact_a >> x & 1))) open += a[x].weight;
    for (size_t y = 0; y < b.size(); ++y)
      if (has_senses(b[y]) && !(y < 64 && (exact_b >> y & 1))) open += b[y].weight;
    double total = m.total_a + m.total_b;
    if (total > 0 && (m.matched_a + m.matched_b + synonym_credit * open) / total < floor) return m;
  }
  if (a.size() <= 64 && b.size() <= 64) {
    // Each pair of open words is tested once for both sides: a word is
    // matched when it shares a sense with any open word of the other side.
    uint64_t got_a = 0, got_b = 0;
    uint64_t open_b = 0;  // the masks of b's open words together: most words of a meet none
    for (size_t y = 0; y < b.size(); ++y)
      if (!(exact_b >> y & 1)) open_b |= b[y].sense_mask;
    for (size_t x = 0; x < a.size(); ++x) {
      if ((exact_a >> x & 1) || !has_senses(a[x])) continue;
      if (in_table && !(a[x].sense_mask & open_b)) continue;
      for (size_t y = 0; y < b.size(); ++y) {
        if ((exact_b >> y & 1) || !may_share(a[x], b[y])) continue;
        if ((got_a >> x & 1) && (got_b >> y & 1)) continue;
        if (lexicon::ShareSense(*a[x].senses, *b[y].senses)) {
          got_a |= uint64_t{1} << x;
          got_b |= uint64_t{1} << y;
        }
      }
    }
    for (size_t x = 0; x < a.size(); ++x)
      if (got_a >> x & 1) m.matched_a += synonym_credit * a[x].weight;
    for (size_t y = 0; y < b.size(); ++y)
      if (got_b >> y & 1) m.matched_b += synonym_credit * b[y].weight;
    return m;
  }
  auto synonyms = [&](const std::vector<Feature>& p, uint64_t mp, const std::vector<Feature>& q,
                      uint64_t mq) {
    double got = 0;
    for (size_t x = 0; x < p.size(); ++x) {
      if ((x < 64 && (mp >> x & 1)) || !has_senses(p[x])) continue;
      for (size_t y = 0; y < q.size(); ++y) {
        if ((y < 64 && (mq >> y & 1)) || !may_share(p[x], q[y])) continue;
        if (lexicon::ShareSense(*p[x].senses, *q[y].senses)) {
          got += synonym_credit * p[x].weight;
          break;
        }
      }
    }
    return got;
  };
  m.matched_a += synonyms(a, exact_a, b, exact_b);
  m.matched_b += synonyms(b, exact_b, a, exact_a);
  return m;
}

}  // namespace

double Context::Coverage(const std::vector<Feature>& a, const std::vector<Feature>& b) const {
  Match m = MatchFeatures(a, b, options.similarity.synonym_credit, table_);
  return m.total_a > 0 ? m.matched_a / m.total_a : 0;
}

double Context::Similarity(const std::vector<Feature>& a, const std::vector<Feature>& b) const {
  Match m = MatchFeatures(a, b, options.similarity.synonym_credit, table_);
  double total = m.total_a + m.total_b;
  return total > 0 ? (m.matched_a + m.matched_b) / total : 0;
}

double Context::Similarity(SentenceRef a, SentenceRef b) const {
  return Similarity(features[a.doc][a.sent], features[b.doc][b.sent]);
}

std::vector<std::pair<double, std::pair<SentenceRef, SentenceRef>>> Context::CandidatePairs(
    double min_sim) const {
  if (!pairs_ready_) {
    // Sentences by one flat number; an inverted index over the features
    // that are not too common.
    std::vector<SentenceRef> refs;
    for (int d = 0; d < static_cast<int>(features.size()); ++d)
      for (int s = 0; s < static_cast<int>(features[d].size()); ++s) refs.push_back({d, s});
    std::vector<std::vector<uint32_t>> index(df_.size());
    const double max_df = std::min(std::max(8.0, n_sentences_ * options.similarity.max_feature_share),
                                   static_cast<double>(options.similarity.max_feature_carriers));
    std::vector<double> total(refs.size(), 0);
    // Each sentence's document root as a number: compared for every index
    // hit below.
    std::vector<int> root(refs.size());
    {
      std::unordered_map<std::string_view, int> number;
      std::vector<int> of_doc(features.size());
      for (int d = 0; d < static_cast<int>(features.size()); ++d)
        of_doc[d] = number.try_emplace(Root(d), static_cast<int>(number.size())).first->second;
      for (size_t g = 0; g < refs.size(); ++g) root[g] = of_doc[refs[g].doc];
    }
    for (uint32_t g = 0; g < refs.size(); ++g)
      for (const auto& f : features[refs[g].doc][refs[g].sent]) {
        total[g] += f.weight;
        if (df_[f.id] <= max_df) index[f.id].push_back(g);
      }
    // Each sentence keeps the `max_partners` sentences of other documents
    // whose shared features weigh most (the exact part of the similarity),
    // so the full similarity is computed for a bounded number of pairs per
    // sentence however large the event.
    std::vector<float> shared(refs.size(), 0.f);
    std::vector<uint32_t> touched;
    std::vector<std::pair<double, uint32_t>> ranked;
    std::vector<uint64_t> pairs;
    const size_t k = std::max<size_t>(1, options.similarity.max_partners);
    for (uint32_t g = 0; g < refs.size(); ++g) {
      touched.clear();
      const int own = root[g];
      for (const auto& f : features[refs[g].doc][refs[g].sent]) {
        if (df_[f.id] > max_df) continue;
        for (uint32_t h : index[f.id]) {
          if (root[h] == own) continue;
          if (shared[h] == 0.f) touched.push_back(h);
          shared[h] += f.weight;
        }
      }
      ranked.clear();
      for (uint32_t h : touched) {
        ranked.push_back({-2.0 * shared[h] / std::max(1e-9, total[g] + total[h]), h});
        shared[h] = 0.f;
      }
      if (ranked.size() > k) {
        std::nth_element(ranked.begin(), ranked.begin() + static_cast<long>(k), ranked.end());
        ranked.resize(k);
      }
      for (const auto& [score, h] : ranked) pairs.push_back(uint64_t{std::min(g, h)} << 32 | std::max(g, h));
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    pairs_cache_.reserve(pairs.size());
    // No consumer reads a pair below this (facts start at pair_threshold,
    // exclusives test the best other similarity against theirs): the
    // synonym pass is spared where it could not reach it.
    const double floor = std::min(options.facts.pair_threshold, options.exclusives.max_other_similarity);
    for (uint64_t p : pairs) {
      const uint32_t g = static_cast<uint32_t>(p >> 32), h = static_cast<uint32_t>(p & 0xffffffffu);
      SentenceRef a = refs[g], b = refs[h];
      const auto& fa = features[a.doc][a.sent];
      const auto& fb = features[b.doc][b.sent];
      const std::pair<double, double> totals{total[g], total[h]};
      Match m = MatchFeatures(fa, fb, options.similarity.synonym_credit, table_, floor, &totals);
      double total = m.total_a + m.total_b;
      pairs_cache_.push_back({total > 0 ? (m.matched_a + m.matched_b) / total : 0, {a, b}});
    }
    // Most similar first; ties in text order.
    std::stable_sort(pairs_cache_.begin(), pairs_cache_.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    pairs_ready_ = true;
  }
  std::vector<std::pair<double, std::pair<SentenceRef, SentenceRef>>> out;
  for (const auto& p : pairs_cache_) {
    if (p.first < min_sim) break;
    out.push_back(p);
  }
  return out;
}

std::vector<std::pair<int, int>> Context::SharingPairs(
    const std::vector<const std::vector<Feature>*>& sets) const {
  const double max_share = options.similarity.max_feature_share;
  std::unordered_map<uint32_t, std::vector<int>> index;
  for (int i = 0; i < static_cast<int>(sets.size()); ++i)
    for (const auto& f : *sets[i]) index[f.id].push_back(i);
  const size_t max_df = std::min(std::max<size_t>(8, static_cast<size_t>(sets.size() * max_share)),
                                 options.similarity.max_feature_carriers);
  // Shared features per pair, counted for one item at a time in a dense
  // table; each item keeps its `max_partners` partners sharing the most
  // (ties to the earlier), so the similarity work that follows is bounded
  // per item. Small events never reach the bound.
  std::vector<std::pair<int, int>> out;
  const size_t cap = options.similarity.max_partners;
  std::vector<uint32_t> shared(sets.size(), 0);
  std::vector<int> touched;
  std::vector<std::pair<uint32_t, int>> p;  // (shared, other)
  for (int i = 0; i < static_cast<int>(sets.size()); ++i) {
    touched.clear();
    for (const auto& f : *sets[i]) {
      const auto& members = index[f.id];
      if (members.size() > max_df) continue;
      for (int j : members)
        if (j != i && shared[j]++ == 0) touched.push_back(j);
    }
    p.clear();
    for (int j : touched) {
      p.push_back({shared[j], j});
      shared[j] = 0;
    }
    if (p.size() > cap) {
      auto better = [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
      };
      std::nth_element(p.begin(), p.begin() + static_cast<long>(cap), p.end(), better);
      p.resize(cap);
    }
    for (const auto& [n, j] : p) out.push_back({std::min(i, j), std::max(i, j)});
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Support Context::MakeSupport(int d, Span span) const {
  return {SourceId(d), FoldSpace(Doc(d).Text(span)), span};
}

bool Context::SelfContained(SentenceRef r) const {
  for (const auto& t : Doc(r.doc).tokens[r.sent]) {
    if (!t.IsWord()) continue;
    return !(t.norm == "he" || t.norm == "she" || t.norm == "they" || t.norm == "it" || t.norm == "this" ||
             t.norm == "these" || t.norm == "his" || t.norm == "her" || t.norm == "their");
  }
  return true;
}

SentenceRef Context::RefOf(const Support& s) const {
  auto it = doc_of_.find(s.source);
  if (it == doc_of_.end()) return {-1, -1};
  return {it->second, Doc(it->second).SentenceAt(s.span.begin)};
}

Span Context::Body(SentenceRef r) const {
  const auto& doc = Doc(r.doc);
  const Span span = doc.sentences[r.sent].span;
  const auto& toks = doc.tokens[r.sent];
  std::string_view t = doc.text();
  // The place: words in capitals (at least one of three letters or more),
  // then perhaps ", State", ", Country" or ", November 19"; then perhaps an
  // agency in parentheses; then a dash (AP's wire copy writes " _ ").
  // Nothing before it.
  size_t k = 0;
  bool capitals = false;
  while (k < toks.size() && k < 5 && toks[k].IsWord() && toks[k].all_caps &&
         (k == 0 || t.substr(toks[k - 1].span.end, toks[k].span.begin - toks[k - 1].span.end) == " ")) {
    capitals |= toks[k].norm.size() >= 3;
    ++k;
  }
  if (!capitals || toks.front().span.begin != span.begin) return span;
  auto gap_after = [&](size_t i) {
    uint32_t to = i + 1 < toks.size() ? toks[i + 1].span.begin : span.end;
    return t.substr(toks[i].span.end, to - toks[i].span.end);
  };
  if (k < toks.size() && gap_after(k - 1) == ", ")  // ", Idaho", ", New Mexico"
    for (size_t n = 0; n < 3 && k < toks.size() &&
                       ((toks[k].IsWord() && toks[k].cap) || toks[k].kind == text::TokenKind::kNumber) &&
                       (n == 0 || gap_after(k - 1) == " ");
         ++n)
      ++k;
  std::string_view gap = gap_after(k - 1);
  uint32_t at = toks[k - 1].span.end;
  if (gap.starts_with(" (")) {  // "(AP)", "(Reuters)"
    size_t close = t.find(')', at);
    if (close == std::string_view::npos || close >= span.end || close - at > 30) return span;
    at = static_cast<uint32_t>(close + 1);
  }
  static constexpr std::string_view kDashes[] = {" -- ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ",
                                                 " _ ",  "\xE2\x80\x94"};
  for (std::string_view d : kDashes)
    if (t.substr(at, d.size()) == d) {
      at += static_cast<uint32_t>(d.size());
      while (at < span.end && t[at] == ' ') ++at;
      // What is left must read as a sentence: it opens with a capital or a digit.
      if (at < span.end && (std::isupper(static_cast<unsigned char>(t[at])) ||
                            std::isdigit(static_cast<unsigned char>(t[at])) || t[at] == '"'))
        return {at, span.end};
      return span;
    }
  return span;
}

std::string Context::SentenceText(SentenceRef r) const { return FoldSpace(Doc(r.doc).Text(Body(r))); }

std::vector<std::string> SourceIds(const Context& c, std::vector<int> docs) {
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  std::vector<std::string> out;
  out.reserve(docs.size());
  for (int d : docs) out.push_back(c.SourceId(d));
  return out;
}

bool OpensWithQuoteMark(std::string_view s) {
  return s.starts_with("\"") || s.starts_with("'") || s.starts_with("\u201C") || s.starts_with("\u2018") ||
         s.starts_with("\u00AB");
}

}  // namespace internal
}  // namespace crosscheck::analysis
