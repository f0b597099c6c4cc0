#include "crosscheck/events/clusterer.h"

#include <algorithm>
#include <cmath>

#include "crosscheck/text/calendar.h"

namespace crosscheck::events {

namespace {
// Keeps the k heaviest terms, L2-normalised and sorted by term.
index::TermVector Strongest(std::vector<std::pair<uint32_t, float>> terms, size_t k) {
  if (terms.size() > k) {
    std::nth_element(terms.begin(), terms.begin() + static_cast<long>(k), terms.end(),
                     [](auto& a, auto& b) { return a.second > b.second; });
    terms.resize(k);
  }
  double n = 0;
  for (auto& t : terms) n += static_cast<double>(t.second) * t.second;
  n = std::sqrt(std::max(n, 1e-12));
  for (auto& t : terms) t.second = static_cast<float>(t.second / n);
  std::sort(terms.begin(), terms.end());
  return index::TermVector{std::move(terms)};
}

// The k heaviest terms (heaviest first when there are more than k).
std::vector<std::pair<uint32_t, float>> Heaviest(const index::TermVector& v, size_t k) {
  std::vector<std::pair<uint32_t, float>> q = v.terms;
  if (q.size() > k) {
    std::partial_sort(q.begin(), q.begin() + static_cast<long>(k), q.end(),
                      [](auto& a, auto& b) { return a.second > b.second; });
    q.resize(k);
  }
  return q;
}
}  // namespace

// Document frequencies are young at the start of a stream: with N articles
// seen, a term every one of them carries would weigh least, though it is
// what they share. Weights are computed as if at least this many had been
// seen (the young terms count as rare).
constexpr double kMinDocuments = 50;

index::TermVector OnlineClusterer::Weigh(const index::RawTerms& raw, index::TermVector* detail) {
  ++documents_;
  std::vector<std::pair<uint32_t, float>> terms;
  terms.reserve(raw.size());
  for (const auto& [term, tf] : raw) {
    uint32_t& df = df_[term];
    ++df;
    double idf = std::log((1.0 + std::max<double>(documents_, kMinDocuments)) / (1.0 + df)) + 1.0;
    terms.push_back({term, static_cast<float>((1.0 + std::log(tf)) * idf)});
  }
  if (!detail) return Strongest(std::move(terms), opt_.article_terms);
  *detail = Strongest(std::move(terms), std::max(opt_.detail_terms, opt_.article_terms));
  return Strongest(detail->terms, opt_.article_terms);
}

void OnlineClusterer::CountDocument(const index::TermVector& v) {
  ++documents_;
  for (const auto& t : v.terms) ++df_[t.first];
}

int32_t DayOf(std::string_view iso) {
  text::Date d;
  return text::ParseIsoDate(iso, d) ? static_cast<int32_t>(text::DaysFromCivil(d)) : kNoDay;
}

double TimeFactor(int64_t gap, double time_scale_days, double time_tolerance_days) {
  const double over = static_cast<double>(gap) - time_tolerance_days;
  if (time_scale_days <= 0 || over <= 0) return 1.0;
  return 1.0 / (1.0 + over / time_scale_days);
}

namespace {
// Days from `day` to the nearest day of month `m` (year * 12 + month - 1).
int64_t DaysToMonth(int32_t day, int32_t m) {
  const long first = text::DaysFromCivil({m / 12, m % 12 + 1, 1});
  const long last = first + text::DaysInMonth(m / 12, m % 12 + 1) - 1;
  if (day < first) return first - day;
  return day > last ? day - last : 0;
}
}  // namespace

int64_t DaysApart(const When& a, const When& b) {
  if (a.day == kNoDay || b.day == kNoDay) return -1;
  int64_t gap = std::abs(int64_t{a.day} - b.day);
  for (int32_t m : b.months) gap = std::min(gap, DaysToMonth(a.day, m));
  for (int32_t m : a.months) gap = std::min(gap, DaysToMonth(b.day, m));
  return gap;
}

std::pair<int64_t, double> OnlineClusterer::Best(const index::TermVector& v, int32_t day) const {
  // Query with the article's strongest terms that index some story: a term
  // no story carries finds nothing, and while document frequencies are
  // young an article's strongest terms are often its own words alone.
  auto q = v.terms;
  std::sort(q.begin(), q.end(), [](auto& a, auto& b) {
    return a.second > b.second || (a.second == b.second && a.first < b.first);
  });
  double article_names2 = 0;
  for (const auto& [term, w] : v.terms)
    if (index::IsNameTerm(term)) article_names2 += static_cast<double>(w) * w;
  // Count, per event, the query terms it is indexed under (in a small
  // open-addressing table sized to the postings read); score only the events
  // sharing the most of them.
  size_t reads = 0;
  std::vector<const std::vector<int64_t>*> lists;
  for (const auto& [term, w] : q) {
    if (lists.size() == opt_.query_terms) break;
    auto it = postings_.find(term);
    if (it == postings_.end() || it->second.empty()) continue;
    lists.push_back(&it->second);
    reads += std::min(it->second.size(), opt_.posting_tail);
  }
  size_t cap = 16;
  while (cap < 2 * reads) cap <<= 1;
  std::vector<std::pair<int64_t, int>> table(cap, {0, 0});  // event ids are > 0
  std::vector<std::pair<int, int64_t>> ranked;
  for (const auto* list : lists) {
    const auto& p = *list;
    for (size_t k = p.size() > opt_.posting_tail ? p.size() - opt_.posting_tail : 0; k < p.size(); ++k) {
      int64_t id = p[k];
      size_t h = (static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ull) >> 20;
      for (;; ++h) {
        auto& slot = table[h & (cap - 1)];
        if (slot.first == id) {
          ++slot.second;
          break;
        }
        if (slot.first == 0) {
          slot = {id, 1};
          break;
        }
      }
    }
  }
  for (const auto& [id, n] : table)
    if (id) ranked.push_back({n, id});
  if (ranked.size() > opt_.max_candidates) {
    std::nth_element(ranked.begin(), ranked.begin() + opt_.max_candidates, ranked.end(), std::greater<>());
    ranked.resize(opt_.max_candidates);
  }
  int64_t best = 0;
  double best_sim = 0;
  for (const auto& [h, id] : ranked) {
    auto it = events_.find(id);
    if (it == events_.end()) continue;  // retired; its postings are stale
    const Event& e = it->second;
    // Both vectors are sorted by term: one merge pass.
    double dot = 0, name_dot = 0;
    auto a = v.terms.begin(), b = e.sum.begin();
    while (a != v.terms.end() && b != e.sum.end()) {
      if (a->first < b->first) {
        ++a;
        continue;
      }
      if (b->first < a->first) {
        ++b;
        continue;
      }
      double x = static_cast<double>(a->second) * b->second;
      dot += x;
      if (index::IsNameTerm(a->first)) name_dot += x;
      ++a;
      ++b;
    }
    double sim = e.norm2 > 0 ? dot / std::sqrt(e.norm2) : 0;
    if (day != kNoDay && e.first_day != kNoDay) {
      int64_t gap = day < e.first_day ? e.first_day - day : day > e.last_day ? day - e.last_day : 0;
      sim *= TimeFactor(gap, opt_.time_scale_days, opt_.time_tolerance_days);
    }
    if (article_names2 > 0 && e.name_norm2 > 0) {
      double name_sim = name_dot / std::sqrt(article_names2 * e.name_norm2);
      if (name_sim < opt_.name_threshold) continue;
    }
    if (sim > best_sim) {
      best_sim = sim;
      best = id;
    }
  }
  return {best, best_sim};
}

void OnlineClusterer::Prune(Event& e) {
  if (e.sum.size() <= 2 * opt_.centroid_terms) return;
  std::nth_element(e.sum.begin(), e.sum.begin() + static_cast<long>(opt_.centroid_terms), e.sum.end(),
                   [](auto& a, auto& b) { return a.second > b.second; });
  e.sum.resize(opt_.centroid_terms);
  std::sort(e.sum.begin(), e.sum.end());
  Renorm(e);
}

void OnlineClusterer::Renorm(Event& e) {
  e.norm2 = e.name_norm2 = 0;
  for (const auto& [t, w] : e.sum) {
    e.norm2 += static_cast<double>(w) * w;
    if (index::IsNameTerm(t)) e.name_norm2 += static_cast<double>(w) * w;
  }
}

void OnlineClusterer::Add(int64_t id, const index::TermVector& v, int64_t seq, int32_t day) {
  auto [it, created] = events_.try_emplace(id);
  Event& e = it->second;
  if (day != kNoDay) {
    e.first_day = e.first_day == kNoDay ? day : std::min(e.first_day, day);
    e.last_day = e.last_day == kNoDay ? day : std::max(e.last_day, day);
  }
  if (!created) by_seq_.erase(e.seq);
  // Merge the article's sorted terms into the event's.
  std::vector<std::pair<uint32_t, float>> merged;
  merged.reserve(e.sum.size() + v.terms.size());
  auto a = e.sum.begin();
  for (const auto& [term, w] : v.terms) {
    while (a != e.sum.end() && a->first < term) merged.push_back(*a++);
    float s = 0;
    if (a != e.sum.end() && a->first == term) s = (a++)->second;
    double delta = (static_cast<double>(s) + w) * (s + w) - static_cast<double>(s) * s;
    e.norm2 += delta;
    if (index::IsNameTerm(term)) e.name_norm2 += delta;
    merged.push_back({term, s + w});
  }
  merged.insert(merged.end(), a, e.sum.end());
  e.sum.swap(merged);
  Prune(e);
  e.seq = seq;
  by_seq_[seq] = id;
  // Index the event under the article's strongest terms.
  for (const auto& [term, w] : Heaviest(v, opt_.query_terms)) {
    auto& p = postings_[term];
    if (p.empty() || p.back() != id) p.push_back(id);
    if (p.size() > 4 * opt_.posting_tail) p.erase(p.begin(), p.end() - static_cast<long>(opt_.posting_tail));
  }
  Retire();
}

void OnlineClusterer::Retire() {
  while (events_.size() > opt_.max_active_events && !by_seq_.empty()) {
    auto oldest = by_seq_.begin();
    events_.erase(oldest->second);
    by_seq_.erase(oldest);
  }
  if (++since_sweep_ >= opt_.sweep_every) Sweep();
}

void OnlineClusterer::Sweep() {
  since_sweep_ = 0;
  // Postings of retired events go, and terms left with none.
  for (auto it = postings_.begin(); it != postings_.end();) {
    std::erase_if(it->second, [&](int64_t id) { return !events_.count(id); });
    if (it->second.empty())
      it = postings_.erase(it);
    else
      ++it;
  }
  // Document frequencies decay by half: IDF follows the recent flow, and
  // terms not seen lately leave the table.
  for (auto it = df_.begin(); it != df_.end();) {
    it->second /= 2;
    if (it->second == 0)
      it = df_.erase(it);
    else
      ++it;
  }
  documents_ /= 2;
}

index::TermVector OnlineClusterer::Centroid(int64_t id, int64_t* seq) const {
  index::TermVector v;
  auto it = events_.find(id);
  if (it == events_.end()) return v;
  if (seq) *seq = it->second.seq;
  v.terms = it->second.sum;  // already sorted by term
  return v;
}

void OnlineClusterer::Restore(int64_t id, const index::TermVector& centroid, int64_t seq, int32_t first_day,
                              int32_t last_day) {
  Event& e = events_[id];
  e.first_day = first_day;
  e.last_day = last_day;
  e.sum = centroid.terms;
  std::sort(e.sum.begin(), e.sum.end());
  Renorm(e);
  e.seq = seq;
  by_seq_[seq] = id;
  for (const auto& [term, w] : Heaviest(centroid, opt_.query_terms * 2)) postings_[term].push_back(id);
  Retire();
}

}  // namespace crosscheck::events
