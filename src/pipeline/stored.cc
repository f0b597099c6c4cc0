#include "crosscheck/pipeline/stored.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "crosscheck/index/signatures.h"
#include "crosscheck/ingest/text_reader.h"

namespace crosscheck::pipeline {

StatusOr<Article> FromStored(const store::StoredArticle& s) {
  Article a;
  if (s.has_layout) {
    a.id = s.id;
    a.text = s.text;
    a.paragraphs = s.paragraphs;
    a.removed = s.removed;
    a.warnings = s.warnings;
    auto fits = [&](Span p) { return p.begin <= p.end && p.end <= a.text.size(); };
    for (const auto& p : a.paragraphs)
      if (!fits(p)) return InvalidInput(s.id + ": stored layout does not fit its text");
    for (const auto& r : a.removed)
      if (!fits(r.span)) return InvalidInput(s.id + ": stored layout does not fit its text");
  } else {
    auto parsed = ingest::ParseTextArticle(s.id, s.text);
    if (!parsed.ok()) return parsed.status();
    a = std::move(*parsed);
  }
  if (!s.title.empty()) a.title = s.title;
  a.url = s.url;
  a.outlet = s.outlet;
  a.published = s.published;
  a.received = s.received;
  return a;
}

namespace {
// How close each member is to the event's centre: the dot product of its
// stored vector with the sum of all members' vectors.
std::vector<double> Centrality(const std::vector<store::StoredArticle>& arts) {
  std::vector<index::TermVector> vs;
  vs.reserve(arts.size());
  std::unordered_map<uint32_t, double> centre;
  for (const auto& a : arts) {
    vs.push_back(index::TermVector::Deserialize(a.vector));
    for (const auto& [t, w] : vs.back().terms) centre[t] += w;
  }
  std::vector<double> out(arts.size(), 0);
  for (size_t i = 0; i < arts.size(); ++i)
    for (const auto& [t, w] : vs[i].terms) out[i] += w * centre[t];
  return out;
}

StatusOr<std::vector<Article>> ArticlesOfEventIn(store::SqliteStore& store, int64_t event,
                                                 size_t max_articles, size_t* members) {
  CROSSCHECK_ASSIGN_OR_RETURN(std::vector<store::StoredArticle> chosen, store.MembersOfEvent(event));
  if (chosen.empty()) return NotFound("no event " + std::to_string(event));
  if (members) *members = chosen.size();
  std::vector<store::StoredArticle> stored;
  if (max_articles == 0 || chosen.size() <= max_articles) {
    CROSSCHECK_ASSIGN_OR_RETURN(stored, store.ArticlesOfEvent(event));  // one query for all
  } else {
    // The members closest to the centre, in ingest order, read one by one.
    std::vector<double> score = Centrality(chosen);
    std::vector<size_t> order(chosen.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return score[x] > score[y]; });
    order.resize(max_articles);
    std::sort(order.begin(), order.end());
    stored.reserve(order.size());
    for (size_t i : order) {
      CROSSCHECK_ASSIGN_OR_RETURN(store::StoredArticle s, store.ArticleAt(chosen[i].rowid));
      stored.push_back(std::move(s));
    }
  }
  std::unordered_map<int64_t, std::string> id_of;
  for (const auto& s : stored) id_of[s.rowid] = s.id;
  std::vector<Article> out;
  out.reserve(stored.size());
  for (const auto& s : stored) {
    CROSSCHECK_ASSIGN_OR_RETURN(Article a, FromStored(s));
    if (auto o = id_of.find(s.copy_of); s.copy_of && o != id_of.end()) a.copy_of = o->second;
    out.push_back(std::move(a));
  }
  return out;
}
}  // namespace

StatusOr<std::vector<Article>> ArticlesOfEvent(store::SqliteStore& store, int64_t event, size_t max_articles,
                                               size_t* members) {
  // Members and texts from one snapshot, so an ingest meanwhile cannot tear them.
  CROSSCHECK_RETURN_IF_ERROR(store.BeginRead());
  auto out = ArticlesOfEventIn(store, event, max_articles, members);
  Status done = store.Commit();
  if (out.ok() && !done.ok()) return done;
  return out;
}

namespace {
// The title of the member closest to the event's centre (the mean of its
// members' stored vectors) among those with a title, so the title always
// comes from an article of the event; the stored title when none has one.
std::string RepresentativeTitle(const std::vector<store::StoredArticle>& arts, const std::string& stored) {
  std::vector<double> score = Centrality(arts);
  const std::string* best = nullptr;
  double best_dot = -1;
  for (size_t i = 0; i < arts.size(); ++i) {
    if (arts[i].title.empty()) continue;
    if (score[i] > best_dot) {
      best_dot = score[i];
      best = &arts[i].title;
    }
  }
  return best ? *best : stored;
}

StatusOr<EventListing> ListingOf(store::SqliteStore& store, const store::EventRow& e) {
  CROSSCHECK_ASSIGN_OR_RETURN(const std::vector<store::StoredArticle> arts, store.MembersOfEvent(e.id));
  EventListing l;
  l.event = e;
  std::set<std::string> outlets;
  for (const auto& a : arts) {
    l.articles.push_back(a.id);
    if (!a.outlet.empty()) outlets.insert(a.outlet);
  }
  l.outlets.assign(outlets.begin(), outlets.end());
  l.event.title = RepresentativeTitle(arts, e.title);
  return l;
}

// Runs `read` in one read transaction: one snapshot of the store, so an
// ingest running meanwhile cannot show an event with no articles or an
// article in two events.
template <typename F>
auto InOneSnapshot(store::SqliteStore& store, F read) -> decltype(read()) {
  CROSSCHECK_RETURN_IF_ERROR(store.BeginRead());
  auto out = read();
  Status done = store.Commit();
  if (out.ok() && !done.ok()) return done;
  return out;
}

}  // namespace

StatusOr<std::vector<EventListing>> ListEvents(store::SqliteStore& store, const std::string& since) {
  return InOneSnapshot(store, [&]() -> StatusOr<std::vector<EventListing>> {
    CROSSCHECK_ASSIGN_OR_RETURN(const std::vector<store::EventRow> events, store.Events(since));
    std::vector<EventListing> out;
    for (const auto& e : events) {
      CROSSCHECK_ASSIGN_OR_RETURN(EventListing l, ListingOf(store, e));
      out.push_back(std::move(l));
    }
    return out;
  });
}

StatusOr<EventsPage> FindEvents(store::SqliteStore& store, const store::SqliteStore::EventQuery& query) {
  return InOneSnapshot(store, [&]() -> StatusOr<EventsPage> {
    CROSSCHECK_ASSIGN_OR_RETURN(const store::SqliteStore::EventPage rows, store.FindEvents(query));
    EventsPage page;
    page.total = rows.total;
    for (const auto& e : rows.events) {
      CROSSCHECK_ASSIGN_OR_RETURN(EventListing l, ListingOf(store, e));
      page.events.push_back(std::move(l));
    }
    return page;
  });
}

}  // namespace crosscheck::pipeline
