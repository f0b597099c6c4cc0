#include "crosscheck/events/subevents.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <tuple>

#include "crosscheck/average_link.h"

namespace crosscheck::events {
namespace {

// The members' vectors with each term's weight scaled by log((1 + n) / df),
// df counted among the members; terms of a single member are dropped. Terms
// are renumbered densely (0 .. slots-1), so that dot products scatter one
// vector into an array and read the other's slots, with no merge. Each
// vector keeps its terms' order and is L2-normalised.
struct LocalSpace {
  using Term = std::pair<uint32_t, float>;  // (slot, weight)
  size_t slots = 0;
  std::vector<Term> terms;    // every member's, one after the other
  std::vector<size_t> begin;  // member i's are terms[begin[i], begin[i + 1])
  std::span<const Term> Member(size_t i) const {
    return {terms.data() + begin[i], terms.data() + begin[i + 1]};
  }
};

LocalSpace LocalVectors(const std::vector<const index::TermVector*>& members) {
  // Member counts per term in a small open-addressing table (count 0 marks
  // an empty slot); `where` keeps each member term's table index.
  struct Entry {
    uint32_t term = 0, count = 0, slot = 0;
  };
  const size_t n = members.size();
  size_t total = 0;
  for (const auto* v : members) total += v->terms.size();
  size_t cap = 64;
  while (cap < 2 * total) cap <<= 1;
  std::vector<Entry> table(cap);
  std::vector<uint32_t> where;
  where.reserve(total);
  for (const auto* v : members)
    for (const auto& t : v->terms) {
      for (size_t h = static_cast<size_t>(t.first * 0x9E3779B1u) & (cap - 1);; h = (h + 1) & (cap - 1)) {
        Entry& e = table[h];
        if (e.count == 0) e.term = t.first;
        if (e.term == t.first) {
          ++e.count;
          where.push_back(static_cast<uint32_t>(h));
          break;
        }
      }
    }
  std::vector<double> idf(n + 1, 0);  // by member count
  for (size_t d = 2; d <= n; ++d) idf[d] = std::log((1.0 + static_cast<double>(n)) / static_cast<double>(d));
  LocalSpace out;
  uint32_t next = 0;
  for (Entry& e : table)
    if (e.count >= 2) e.slot = next++;
  out.slots = next;
  out.terms.reserve(total);
  out.begin.reserve(n + 1);
  size_t k = 0;
  for (const auto* v : members) {
    out.begin.push_back(out.terms.size());
    double norm = 0;
    for (const auto& t : v->terms) {
      const Entry& e = table[where[k++]];
      if (e.count < 2) continue;
      double x = t.second * idf[e.count];
      out.terms.push_back({e.slot, static_cast<float>(x)});
      norm += x * x;
    }
    norm = std::sqrt(std::max(norm, 1e-12));
    for (size_t j = out.begin.back(); j < out.terms.size(); ++j)
      out.terms[j].second = static_cast<float>(out.terms[j].second / norm);
  }
  out.begin.push_back(out.terms.size());
  return out;
}

// A vector of a LocalSpace spread over its slots, for dot products with the
// others.
class Dense {
 public:
  explicit Dense(size_t slots) : w_(slots, 0.0f) {}
  void Set(std::span<const LocalSpace::Term> v) {
    for (const auto& [slot, w] : v) w_[slot] = w;
  }
  void Clear(std::span<const LocalSpace::Term> v) {
    for (const auto& t : v) w_[t.first] = 0.0f;
  }
  double Dot(std::span<const LocalSpace::Term> v) const {
    double s = 0;
    for (const auto& [slot, w] : v) s += w_[slot] * w;
    return s;
  }

 private:
  std::vector<float> w_;
};

// The time factor of two members (1 when either is undated).
double TimeBetween(const When& a, const When& b, const SubEventOptions& o) {
  const int64_t gap = DaysApart(a, b);
  return gap < 0 ? 1.0 : TimeFactor(gap, o.time_scale_days, o.time_tolerance_days);
}

}  // namespace

std::vector<int> GroupByLocalTerms(const std::vector<const index::TermVector*>& members,
                                   const SubEventOptions& options, const std::vector<const When*>& when) {
  const size_t n = members.size();
  const bool timed = when.size() == n;
  auto local = LocalVectors(members);
  // sum[i * n + j]: summed similarity between the members of groups i and j
  // (each group named by one of its members).
  std::vector<double> sum(n * n, 0);
  Dense dense(local.slots);
  for (size_t i = 0; i < n; ++i) {
    dense.Set(local.Member(i));
    for (size_t j = i + 1; j < n; ++j) {
      double sim = dense.Dot(local.Member(j));
      if (timed) sim *= TimeBetween(*when[i], *when[j], options);
      sum[i * n + j] = sum[j * n + i] = sim;
    }
    dense.Clear(local.Member(i));
  }
  return AverageLinkDense(n, std::move(sum), options.threshold);
}

StatusOr<SubEvents::Placement> SubEvents::Place(int64_t story, const index::TermVector& v,
                                                const NewEvent& new_event, int64_t event, const When& when) {
  auto it = stories_.find(story);
  if (it == stories_.end() || it->second.members.empty()) {
    if (event) return Placement{event, {}};
    auto e = new_event();
    if (!e.ok()) return e.status();
    return Placement{*e, {}};
  }
  Story& s = it->second;
  size_t n = s.members.size() + 1;
  size_t due = std::max<size_t>(1, static_cast<size_t>(opt_.regroup_growth * static_cast<double>(n)));
  if (++s.since_regroup >= due) {
    s.since_regroup = 0;
    return Regroup(s, v, when, new_event);
  }
  if (event) return Placement{event, {}};
  return Join(s, v, when, new_event);
}

std::vector<const index::TermVector*> SubEvents::WithNew(const Story& s, const index::TermVector& v) {
  std::vector<const index::TermVector*> all;
  all.reserve(s.members.size() + 1);
  for (const auto& m : s.members) all.push_back(&m.v);
  all.push_back(&v);
  return all;
}

StatusOr<SubEvents::Placement> SubEvents::Join(Story& s, const index::TermVector& v, const When& when,
                                               const NewEvent& new_event) {
  auto all = WithNew(s, v);
  auto local = LocalVectors(all);
  Dense dense(local.slots);
  dense.Set(local.Member(all.size() - 1));
  // Average similarity of the new article to each event's members.
  std::unordered_map<int64_t, std::pair<double, int>> by_event;
  for (size_t i = 0; i + 1 < all.size(); ++i) {
    auto& [total, count] = by_event[s.members[i].event];
    total += dense.Dot(local.Member(i)) * TimeBetween(s.members[i].when, when, opt_);
    ++count;
  }
  int64_t best = 0;
  double best_avg = opt_.threshold;
  for (const auto& [event, tc] : by_event) {
    double avg = tc.first / tc.second;
    if (avg >= best_avg) {
      best_avg = avg;
      best = event;
    }
  }
  if (best) return Placement{best, {}};
  auto e = new_event();
  if (!e.ok()) return e.status();
  return Placement{*e, {}};
}

StatusOr<SubEvents::Placement> SubEvents::Regroup(Story& s, const index::TermVector& v, const When& when,
                                                  const NewEvent& new_event) {
  auto all = WithNew(s, v);
  std::vector<const When*> times;
  times.reserve(all.size());
  for (const auto& m : s.members) times.push_back(&m.when);
  times.push_back(&when);
  std::vector<int> label = GroupByLocalTerms(all, opt_, times);
  int groups = *std::max_element(label.begin(), label.end()) + 1;
  // Each group keeps the existing event it shares the most members with
  // (the older event on ties); each event goes to at most one group.
  std::map<std::pair<int, int64_t>, int> overlap;
  for (size_t i = 0; i < s.members.size(); ++i) ++overlap[{label[i], s.members[i].event}];
  std::vector<std::tuple<int, int64_t, int>> pairs;  // (-count, event, group)
  pairs.reserve(overlap.size());
  for (const auto& [key, count] : overlap) pairs.push_back({-count, key.second, key.first});
  std::sort(pairs.begin(), pairs.end());
  std::vector<int64_t> event_of(static_cast<size_t>(groups), 0);
  std::vector<int64_t> taken;
  for (const auto& [neg, event, g] : pairs) {
    if (event_of[static_cast<size_t>(g)] || std::find(taken.begin(), taken.end(), event) != taken.end())
      continue;
    event_of[static_cast<size_t>(g)] = event;
    taken.push_back(event);
  }
  for (auto& e : event_of) {
    if (e) continue;
    auto id = new_event();
    if (!id.ok()) return id.status();
    e = *id;
  }
  Placement p;
  p.event = event_of[static_cast<size_t>(label.back())];
  for (size_t i = 0; i < s.members.size(); ++i) {
    int64_t to = event_of[static_cast<size_t>(label[i])];
    if (s.members[i].event == to) continue;
    p.moves.push_back({s.members[i].article, s.members[i].event, to});
    s.members[i].event = to;
  }
  return p;
}

void SubEvents::Remember(int64_t story, int64_t article, int64_t event, index::TermVector v, When when) {
  Story& s = stories_[story];
  if (s.seq) by_seq_.erase(s.seq);
  s.seq = ++clock_;
  by_seq_[s.seq] = story;
  s.members.push_back({article, event, std::move(v), std::move(when)});
  if (s.members.size() > opt_.members) s.members.erase(s.members.begin());
  while (stories_.size() > opt_.stories && !by_seq_.empty()) {
    auto oldest = by_seq_.begin();
    stories_.erase(oldest->second);
    by_seq_.erase(oldest);
  }
}

}  // namespace crosscheck::events
