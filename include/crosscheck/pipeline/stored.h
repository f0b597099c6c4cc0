// Reading stored events back as articles, for reports on the store.
// Thread-safety: opens its own connection per call.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/status.h"
#include "crosscheck/store/sqlite_store.h"

namespace crosscheck::pipeline {

// Articles a report on a stored event reads at most (see ArticlesOfEvent).
constexpr size_t kMaxReportArticles = 1000;

// The articles of a stored event, in ingest order, as they were read: text,
// paragraphs, removed blocks, warnings and metadata as stored, and each
// copy's original (when that original is in the event too). Articles stored
// without a layout are read again from their text. Fails with kNotFound
// when there is no such event.
//
// A report's cost grows with its articles, so an event of more than
// `max_articles` members is read as the `max_articles` closest to its centre
// (the mean of the members' stored vectors; ties to the earlier), still in
// ingest order; `members`, when given, receives how many the event has.
StatusOr<std::vector<Article>> ArticlesOfEvent(store::SqliteStore& store, int64_t event,
                                               size_t max_articles = kMaxReportArticles,
                                               size_t* members = nullptr);

// One line of the events list: the event, its articles' ids and the outlets
// that report it (display names, sorted, each once). The title is that of
// the member closest to the event's centre, never one from outside it.
struct EventListing {
  store::EventRow event;
  std::vector<std::string> articles, outlets;
};

// Events whose last date is on or after `since` (YYYY-MM-DD, or empty for
// all), most recently active first, read in one transaction: one snapshot
// of the store even while an ingest writes to it.
StatusOr<std::vector<EventListing>> ListEvents(store::SqliteStore& store, const std::string& since = "");

// One page of the events list, filtered and paged in SQL (see
// SqliteStore::FindEvents), in one snapshot; only the page's events are
// read in full.
struct EventsPage {
  std::vector<EventListing> events;
  int64_t total = 0;  // matching events in all pages
};
StatusOr<EventsPage> FindEvents(store::SqliteStore& store, const store::SqliteStore::EventQuery& query);

// Converts one stored article.
StatusOr<Article> FromStored(const store::StoredArticle& s);

}  // namespace crosscheck::pipeline
