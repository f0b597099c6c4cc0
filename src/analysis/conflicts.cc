// Conflicts between outlets.
//
// Numbers: two quantities of different outlets with the same unit and
// different values conflict when their sentences talk about the same thing
// (similar enough, sharing a name or a content word besides the unit) and
// neither outlet also gives the other's figure. A figure is compared only
// when its sentence gives no other value of its unit for the same thing, a
// figure in a speaker's quoted words only with the same speaker's, and a
// sum of money only with one the words around it say is for the same
// thing. Conflicting pairs are joined into one conflict per subject with
// one variant per value.
//
// Place descriptions: where outlets locate the same place incompatibly
// ("west of Moscow" against "east of Moscow"), each wording is a variant of
// one conflict about that place. Containment and neighbouring directions
// are compatible ("west of Moscow", "between Moscow and St Petersburg",
// "in the country's northwest"); only opposite directions from the same
// reference conflict.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "context.h"
#include "crosscheck/text/unicode.h"
#include "crosscheck/union_find.h"

namespace crosscheck::analysis::internal {
namespace {

// Two figures of the same unit from different outlets need little shared
// context to be about the same thing, but they must share a name.

struct QRef {
  int doc, q;
};

bool IsMoney(const std::string& unit) { return unit == "usd" || unit == "eur" || unit == "gbp"; }

std::string Label(const std::string& unit, const std::string& noun) {
  if (unit == "percent") return "percentage";
  if (unit == "fraction") return "share";
  if (unit == "km" || unit == "mile" || unit == "m") return "distance (" + unit + ")";
  if (IsMoney(unit)) return "amount (" + unit + ")";
  if (unit == "hour" || unit == "day" || unit == "week" || unit == "month" || unit == "year" ||
      unit == "minute")
    return "duration (" + unit + "s)";
  return "number of " + (noun.empty() ? unit : noun);
}

bool IsCompass(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "north",        "south",        "east",       "west",       "northwest",    "northeast",
      "southwest",    "southeast",    "northern",   "southern",   "eastern",      "western",
      "north-west",   "north-east",   "south-west", "south-east", "northwestern", "northeastern",
      "southwestern", "southeastern", "central"};
  return kWords.count(w) > 0;
}

// Whether a sentence writes `value` as a number, alone or in a run such as
// a record ("58-3") or a score ("2-1").
bool Writes(const std::vector<text::Token>& toks, double value) {
  for (const auto& t : toks) {
    if (t.kind != text::TokenKind::kNumber) continue;
    std::string_view n = t.norm;
    for (size_t at = 0; at <= n.size();) {
      size_t end = n.find('-', at);
      if (end == std::string_view::npos) end = n.size();
      std::string part;
      for (char ch : n.substr(at, end - at))
        if (ch != ',') part += ch;
      double v = 0;
      auto r = std::from_chars(part.data(), part.data() + part.size(), v);
      if (!part.empty() && r.ec == std::errc() && r.ptr == part.data() + part.size() &&
          std::fabs(v - value) < 1e-9)
        return true;
      at = end + 1;
    }
  }
  return false;
}

void NumberConflicts(Context& c, Report& r) {
  const ConflictOptions& o = c.options.conflicts;
  std::vector<QRef> all;
  // Small counts of generic nouns ("two sides") are not claims about
  // numbers, except between the sentences of one fact ("two pirate boats"
  // against "three"): there the same statement gives two counts.
  std::vector<QRef> small;
  for (int d = 0; d < static_cast<int>(c.x.documents.size()); ++d)
    for (int q = 0; q < static_cast<int>(c.Doc(d).quantities.size()); ++q) {
      const auto& qq = c.Doc(d).quantities[q];
      // "the No. 2 job" is a rank, "the 1983 NBA draft" a year and "the
      // 3400 block of" an address, not counts.
      std::string_view before = c.Doc(d).text().substr(0, qq.span.begin);
      if (before.ends_with("No. ") || before.ends_with("no. ") || before.ends_with("#")) continue;
      if (before.size() >= 2 && before.back() == '-' &&
          std::isalpha(static_cast<unsigned char>(before[before.size() - 2])))
        continue;  // a model's name ("AK-47", "F-16")
      std::string_view written = c.Doc(d).Text(qq.span);
      const bool four_digits =
          written.size() >= 4 &&
          std::all_of(written.begin(), written.begin() + 4, [](char ch) { return ch >= '0' && ch <= '9'; }) &&
          (written.size() == 4 || !(written[4] >= '0' && written[4] <= '9'));
      if (!IsMoney(qq.unit) && four_digits && qq.value >= 1800 && qq.value <= 2100 &&
          qq.value == std::floor(qq.value))
        continue;
      if (qq.unit == "block") continue;
      bool generic = qq.value <= 3 && qq.unit != "percent" && qq.unit != "fraction" && qq.unit != "km";
      (generic ? small : all).push_back({d, q});
    }
  const size_t large = all.size();
  all.insert(all.end(), small.begin(), small.end());
  // Values each document states, per unit (every quantity, generic or not).
  std::set<std::tuple<int, std::string, double>> stated;
  for (int d = 0; d < static_cast<int>(c.x.documents.size()); ++d)
    for (const auto& q : c.Doc(d).quantities) stated.insert({d, q.unit, q.value});
  auto has_value = [&](int doc, const std::string& unit, double value) {
    auto it = stated.lower_bound({doc, unit, value - 1e-9});
    return it != stated.end() && std::get<0>(*it) == doc && std::get<1>(*it) == unit &&
           std::fabs(std::get<2>(*it) - value) < 1e-9;
  };
  // Pairs of one unit from two documents.
  std::map<std::string, std::vector<size_t>> by_unit;
  for (size_t i = 0; i < large; ++i) by_unit[c.Doc(all[i].doc).quantities[all[i].q].unit].push_back(i);
  // A unit stated at most `kAllPairsUpTo` times is compared across all its
  // pairs; a more common one (a big event's "people") only where the two
  // sentences are candidate pairs (Context::CandidatePairs: bounded per
  // sentence), so the cost stays near-linear in the event's size.
  constexpr size_t kAllPairsUpTo = 256;
  std::vector<std::pair<size_t, size_t>> pairs;
  std::set<std::string> common_units;
  for (const auto& unit : by_unit) {
    const std::vector<size_t>& idx = unit.second;  // named: clang 14 cannot capture a structured binding
    if (idx.size() > kAllPairsUpTo) {
      common_units.insert(unit.first);
      continue;
    }
    ForCrossDocumentPairs(
        idx.size(), [&](size_t x) { return all[idx[x]].doc; },
        [&](size_t x, size_t y) {
          pairs.push_back({idx[x], idx[y]});
        });
  }
  if (!common_units.empty()) {
    std::map<std::pair<int, int>, std::vector<size_t>>
        in_sentence;  // (doc, sentence) -> quantities of common units
    for (size_t i = 0; i < all.size(); ++i) {
      const auto& q = c.Doc(all[i].doc).quantities[all[i].q];
      if (common_units.count(q.unit)) in_sentence[{all[i].doc, static_cast<int>(q.sentence)}].push_back(i);
    }
    for (const auto& [sim, p] : c.CandidatePairs(o.context)) {
      auto a = in_sentence.find({p.first.doc, p.first.sent}),
           b = in_sentence.find({p.second.doc, p.second.sent});
      if (a == in_sentence.end() || b == in_sentence.end()) continue;
      for (size_t i : a->second)
        for (size_t j : b->second)
          if (c.Doc(all[i].doc).quantities[all[i].q].unit == c.Doc(all[j].doc).quantities[all[j].q].unit)
            pairs.push_back({std::min(i, j), std::max(i, j)});
    }
  }
  {
    // Small counts of one counted noun within a fact.
    std::map<std::pair<int, std::string>, std::vector<size_t>> in_fact;
    for (size_t i = large; i < all.size(); ++i) {
      const auto& q = c.Doc(all[i].doc).quantities[all[i].q];
      int f = c.fact_of[all[i].doc][q.sentence];
      if (f >= 0 && !q.noun.empty()) in_fact[{f, q.unit}].push_back(i);
    }
    for (const auto& group : in_fact) {
      const std::vector<size_t>& idx = group.second;
      for (size_t x = 0; x < idx.size(); ++x)
        for (size_t y = x + 1; y < idx.size(); ++y)
          if (all[idx[x]].doc != all[idx[y]].doc) pairs.push_back({idx[x], idx[y]});
    }
  }
  std::sort(pairs.begin(), pairs.end());  // the order of a pass over all pairs
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  // What each figure allows, worked out once per figure (a pair looks at
  // two of them).
  // A sentence that gives several values of one unit ("Gingrich garnered
  // 11 percent, while Palin earned 10 percent") does not say which of them
  // another outlet's figure is about: a value there is compared only when
  // its counted noun is its own in the sentence ("1.5 million women").
  std::map<std::tuple<int, uint32_t, std::string>, std::vector<const extract::Quantity*>> same_unit;
  for (const auto& ref : all) {
    const auto& q = c.Doc(ref.doc).quantities[ref.q];
    same_unit[{ref.doc, q.sentence, q.unit}].push_back(&q);
  }
  std::vector<bool> unambiguous(all.size(), true);
  // A figure in a speaker's quoted words is that speaker's claim: it
  // conflicts only with what the same speaker is quoted as saying (an ad's
  // "$716 billion" and a rival's "$800 billion" are two claims). -1: not
  // quoted; -2: quoted, speaker unknown.
  std::vector<int> quoted_by(all.size(), -1);
  // For a sum of money: the lower-case content words (stems) right before
  // it and in the four words after it (what it is for), but for the verbs
  // any sum goes with ("spent", "paid", "cost"): what the money is, not who
  // has it.
  static const std::set<std::string_view> kMoneyVerbs = {"spend", "spent", "pay", "paid",  "cost",
                                                         "worth", "total", "sum", "amount"};
  std::vector<std::set<std::string>> near_words(all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    const auto& doc = c.Doc(all[i].doc);
    const auto& q = doc.quantities[all[i].q];
    for (const auto* other : same_unit[{all[i].doc, q.sentence, q.unit}])
      if (std::fabs(other->value - q.value) >= 1e-9 && (q.noun.empty() || other->noun == q.noun))
        unambiguous[i] = false;
    for (const auto& qt : doc.quotes)
      if (!qt.fragment && qt.span.Contains(q.span)) {
        quoted_by[i] = qt.entity >= 0 ? qt.entity : -2;
        break;
      }
    if (!IsMoney(q.unit)) continue;
    const auto& toks = doc.tokens[q.sentence];
    size_t k = 0;
    while (k < toks.size() && toks[k].span.begin < q.span.begin) ++k;
    size_t e = k;
    while (e < toks.size() && toks[e].span.begin < q.span.end) ++e;
    for (size_t t = k >= 1 ? k - 1 : 0; t < std::min(toks.size(), e + 4); ++t)
      if ((t < k || t >= e) && toks[t].IsWord() && !toks[t].stop && !toks[t].cap &&
          !kMoneyVerbs.count(toks[t].stem))
        near_words[i].insert(toks[t].stem);
  }
  UnionFind sets(all.size());
  std::vector<bool> involved(all.size(), false);
  for (auto [i, j] : pairs) {
    const auto& a = c.Doc(all[i].doc).quantities[all[i].q];
    const auto& b = c.Doc(all[j].doc).quantities[all[j].q];
    if (std::fabs(a.value - b.value) < 1e-9) continue;
    if (!unambiguous[i] || !unambiguous[j]) continue;
    if (int qa = quoted_by[i], qb = quoted_by[j]; (qa != -1 || qb != -1) && (qa != qb || qa < 0)) continue;
    // Sums of money are spent on many things: two are about the same one
    // when the words around them say so ("$5,150 on fur capes" is not the
    // "$43,000 Rolex").
    if (IsMoney(a.unit) && a.noun.empty()) {
      bool common = false;  // a loop: clang 14 cannot capture the structured binding j
      for (const auto& w : near_words[i]) common |= near_words[j].count(w) > 0;
      if (!common) continue;
    }
    if (has_value(all[j].doc, a.unit, a.value) || has_value(all[i].doc, b.unit, b.value)) continue;
    SentenceRef sa{all[i].doc, static_cast<int>(a.sentence)}, sb{all[j].doc, static_cast<int>(b.sentence)};
    // A sentence that also writes the other figure, in any form, agrees
    // with it: its own is about something else ("58 wins and three
    // defeats" against "58-3 with 51 wins coming by knockout").
    if (Writes(c.Doc(sb.doc).tokens[sb.sent], a.value) || Writes(c.Doc(sa.doc).tokens[sa.sent], b.value))
      continue;
    // Same subject: similar sentences, or a shared name, or the same
    // counted thing ("firefighters") in loosely similar sentences.
    double sim = c.Similarity(sa, sb);
    if (sim < o.context) continue;
    bool shared = false;
    for (const auto& f : c.features[sa.doc][sa.sent]) {
      if (f.kind != Feature::kEntity) continue;
      for (const auto& g : c.features[sb.doc][sb.sent]) shared |= f.id == g.id;
    }
    bool counted = !a.noun.empty() && sim >= 1.5 * o.context;
    if (!shared && !counted && sim < o.context_alone) continue;
    sets.Union(static_cast<int>(i), static_cast<int>(j));
    involved[i] = involved[j] = true;
  }
  std::map<int, std::vector<int>> groups;
  for (size_t i = 0; i < all.size(); ++i)
    if (involved[i]) groups[sets.Find(static_cast<int>(i))].push_back(static_cast<int>(i));
  for (auto& [root, members] : groups) {
    Conflict conflict;
    conflict.kind = "number";
    std::map<double, int> variant_of;
    std::vector<std::vector<int>> docs;
    std::set<std::string> names;
    for (int m : members) {
      const auto& doc = c.Doc(all[m].doc);
      const auto& q = doc.quantities[all[m].q];
      auto [it, inserted] = variant_of.emplace(q.value, static_cast<int>(conflict.variants.size()));
      if (inserted) {
        ConflictVariant v;
        v.value = FoldSpace(doc.Text(q.span));
        v.number = q.value;
        conflict.variants.push_back(std::move(v));
        docs.emplace_back();
      }
      conflict.variants[it->second].support.push_back(
          c.SentenceSupport({all[m].doc, static_cast<int>(q.sentence)}));
      docs[it->second].push_back(all[m].doc);
      for (const auto& men : doc.mentions)
        if (men.sentence == q.sentence && men.entity >= 0 && names.size() < 3)
          names.insert(c.x.entities[men.entity].name);
    }
    for (size_t v = 0; v < conflict.variants.size(); ++v)
      conflict.variants[v].sources = SourceIds(c, docs[v]);
    const auto& q0 = c.Doc(all[members[0]].doc).quantities[all[members[0]].q];
    conflict.about = Label(q0.unit, q0.noun);
    if (!names.empty()) {
      conflict.about += " in reports about ";
      size_t k = 0;
      for (const auto& n : names) conflict.about += (k++ ? ", " : "") + n;
    }
    r.conflicts.push_back(std::move(conflict));
  }
}

// The compass direction of a description as (east, north), and what it is
// measured from: the words after "of" ("moscow"), else "" (the container:
// "in the country's northwest"). No direction: {0, 0}.
struct Bearing {
  int east = 0, north = 0;
  std::string from;
};

Bearing BearingOf(const std::string& norm) {
  Bearing b;
  std::istringstream in(norm);
  std::string w;
  bool of = false;
  while (in >> w) {
    if (of) {
      b.from += (b.from.empty() ? "" : " ") + w;
      continue;
    }
    if (w == "of") {
      of = true;
      continue;
    }
    if (!IsCompass(w)) continue;
    b.north += w.find("north") != std::string::npos ? 1 : 0;
    b.north -= w.find("south") != std::string::npos ? 1 : 0;
    b.east += w.find("east") != std::string::npos ? 1 : 0;
    b.east -= w.find("west") != std::string::npos ? 1 : 0;
  }
  if (b.from.starts_with("the ")) b.from.erase(0, 4);
  return b;
}

// Opposite directions from the same reference: the two cannot both hold.
bool Incompatible(const Bearing& a, const Bearing& b) {
  if (a.from != b.from || (!a.east && !a.north) || (!b.east && !b.north)) return false;
  return a.east * b.east + a.north * b.north < 0;
}

void PlaceConflicts(Context& c, Report& r) {
  // entity -> normalised description -> (wording, docs, supports)
  struct Variant {
    std::string wording;
    std::vector<int> docs;
    std::vector<Support> support;
  };
  std::map<int, std::map<std::string, Variant>> by_place;
  for (int d = 0; d < static_cast<int>(c.x.documents.size()); ++d) {
    const auto& doc = c.Doc(d);
    for (const auto& m : doc.mentions) {
      if (m.entity < 0 || m.in_quote) continue;
      auto type = c.x.entities[m.entity].type;
      if (type == extract::EntityType::kPerson) continue;
      const auto& toks = doc.tokens[m.sentence];
      uint32_t k = m.end_token;
      // The thing located: the name and up to two common nouns ("plant", "region").
      for (int n = 0; n < 2 && k < toks.size() && toks[k].IsWord() && !toks[k].cap && !toks[k].stop &&
                      !IsCompass(toks[k].norm) && lexicon::CueOf(toks[k].norm) == lexicon::Cue::kNone &&
                      toks[k].norm != "located" && toks[k].norm != "situated";
           ++n)
        ++k;
      uint32_t start = k;
      // Linking words: ", located on the", ", which sits on the", "in the country's".
      static const std::set<std::string_view> kLink = {"located", "situated", "which",   "that", "sits",
                                                       "lies",    "is",       "stands",  "on",   "in",
                                                       "at",      "the",      "country", "'s",   "near"};
      uint32_t link = 0;
      while (k < toks.size() && link < 6 && kLink.count(toks[k].norm)) {
        ++k;
        ++link;
      }
      if (k >= toks.size()) continue;
      bool between = toks[k].norm == "between";
      if (!between && !IsCompass(toks[k].norm)) continue;
      // The description runs to the next comma or the end of the sentence (at most 8 words).
      uint32_t e = k + 1;
      while (e < toks.size() && e < k + 8) {
        std::string_view gap =
            doc.text().substr(toks[e - 1].span.end, toks[e].span.begin - toks[e - 1].span.end);
        if (gap.find(',') != std::string_view::npos || gap.find('.') != std::string_view::npos) break;
        if (!between && toks[e].stop && toks[e].norm != "of" && toks[e].norm != "the") break;
        ++e;
      }
      if (start >= toks.size()) continue;
      Span span{toks[start].span.begin, toks[e - 1].span.end};
      std::string wording = FoldSpace(doc.Text(span));
      std::string norm;
      for (uint32_t t = k; t < e; ++t) norm += (norm.empty() ? "" : " ") + toks[t].norm;
      Variant& v = by_place[m.entity][norm];
      if (v.wording.empty()) v.wording = wording;
      v.docs.push_back(d);
      v.support.push_back(c.SentenceSupport({d, static_cast<int>(m.sentence)}));
    }
  }
  for (auto& [entity, variants] : by_place) {
    // Only the wordings some other outlet's wording contradicts.
    std::set<std::string> clashing;
    for (auto& [n, v] : variants)
      for (auto& [m, w] : variants) {
        if (n >= m || !Incompatible(BearingOf(n), BearingOf(m))) continue;
        std::set<int> docs(v.docs.begin(), v.docs.end());
        docs.insert(w.docs.begin(), w.docs.end());
        if (docs.size() < 2) continue;
        clashing.insert(n);
        clashing.insert(m);
      }
    if (clashing.empty()) continue;
    Conflict conflict;
    conflict.kind = "location";
    conflict.about = "where " + c.x.entities[entity].name + " is located";
    for (auto& [n, v] : variants) {
      if (!clashing.count(n)) continue;
      ConflictVariant cv;
      cv.value = v.wording;
      cv.normalized = n;
      cv.sources = SourceIds(c, v.docs);
      cv.support = v.support;
      conflict.variants.push_back(std::move(cv));
    }
    r.conflicts.push_back(std::move(conflict));
  }
}

// Dates: outlets that state the same fact with different calendar dates
// ("launched in December" / "launched in September").
void DateConflicts(Context& c, Report& r) {
  for (size_t f = 0; f < c.clusters.size(); ++f) {
    std::map<std::string, std::pair<std::vector<int>, std::vector<Support>>> by_date;
    std::map<std::string, std::string> wording;
    for (const auto& m : c.clusters[f].members) {
      const auto& doc = c.Doc(m.doc);
      for (const auto& d : doc.dates) {
        if (static_cast<int>(d.sentence) != m.sent || d.kind != extract::DateMention::kAbsolute || !d.month)
          continue;
        std::ostringstream key;
        key << (d.year ? std::to_string(d.year) : std::string("?")) << "-" << d.month << "-" << d.day;
        auto& slot = by_date[key.str()];
        slot.first.push_back(m.doc);
        slot.second.push_back(c.SentenceSupport(m));
        wording.emplace(key.str(), FoldSpace(doc.Text(d.span)));
      }
    }
    if (by_date.size() < 2) continue;
    // Only months and days that truly differ: a year given by one outlet
    // and left out by another is not a disagreement, nor is a month ("in
    // June") against a day of it ("June 20").
    std::set<std::string> month_day, months_with_day;
    for (auto& [k, v] : by_date) {
      std::string md = k.substr(k.find('-') + 1);
      if (!md.ends_with("-0")) months_with_day.insert(md.substr(0, md.find('-')));
    }
    for (auto& [k, v] : by_date) {
      std::string md = k.substr(k.find('-') + 1);
      if (md.ends_with("-0") && months_with_day.count(md.substr(0, md.find('-')))) continue;
      month_day.insert(md);
    }
    if (month_day.size() < 2) continue;
    Conflict conflict;
    conflict.kind = "date";
    conflict.about = "date given for: " + r.facts[f].statement;
    for (auto& [k, v] : by_date) {
      ConflictVariant cv;
      cv.value = wording[k];
      cv.normalized = k;
      cv.sources = SourceIds(c, v.first);
      cv.support = v.second;
      conflict.variants.push_back(std::move(cv));
    }
    r.conflicts.push_back(std::move(conflict));
  }
}

}  // namespace

void BuildConflicts(Context& c, Report& r) {
  NumberConflicts(c, r);
  PlaceConflicts(c, r);
  DateConflicts(c, r);
  // Sort variants by support, then number conflicts first.
  for (auto& conflict : r.conflicts)
    std::stable_sort(conflict.variants.begin(), conflict.variants.end(),
                     [](const auto& a, const auto& b) { return a.sources.size() > b.sources.size(); });
  for (size_t i = 0; i < r.conflicts.size(); ++i) r.conflicts[i].id = "c" + std::to_string(i + 1);
}

}  // namespace crosscheck::analysis::internal
