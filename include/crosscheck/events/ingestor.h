// The news-flow pipeline: each article is checked against the store (same
// id or same text: stored once), against recent articles for near-duplicates
// (MinHash; a copy joins its original's event and is recorded as a copy), and
// otherwise assigned to a story by the online clusterer and to an event of
// that story by SubEvents (which may move earlier articles of the story to
// another event). Writes are batched in transactions; state needed after a
// restart (recent signatures and members, active stories' centroids) is
// rebuilt from the store when it opens.
// Not thread-safe: one Ingestor per database connection.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "crosscheck/events/clusterer.h"
#include "crosscheck/events/subevents.h"
#include "crosscheck/index/signatures.h"
#include "crosscheck/ingest/article.h"
#include "crosscheck/store/sqlite_store.h"

namespace crosscheck::events {

struct IngestOptions {
  size_t batch = 1000;            // articles per transaction
  double near_duplicate = 0.7;    // estimated Jaccard of 5-word shingles for a copy
  size_t dedup_window = 100000;   // recent articles checked for copies
  ClusterOptions cluster;
  SubEventOptions subevents;
};

struct IngestStats {
  size_t added = 0;       // stored as new articles
  size_t duplicates = 0;  // same id or same text as a stored article
  size_t copies = 0;      // near-duplicates of a recent article
  size_t events = 0;      // events opened
  size_t stories = 0;     // stories opened
  size_t moves = 0;       // earlier articles moved to another event
};

class Ingestor {
 public:
  static StatusOr<std::unique_ptr<Ingestor>> Open(const std::string& db_path, const IngestOptions& options = {});
  ~Ingestor();
  // Adds one article; returns the event it belongs to (0 if unknown). Later
  // articles may move it to another event of its story: the store has the
  // current assignment.
  StatusOr<int64_t> Add(const ingest::Article& a);
  // Adds articles in order; their signatures are computed on `threads`
  // threads first (the rest is sequential). Returns their events.
  StatusOr<std::vector<int64_t>> AddAll(const std::vector<ingest::Article>& articles, unsigned threads = 2);
  // Commits the open batch.
  Status Flush();
  const IngestStats& stats() const { return stats_; }
  store::SqliteStore& store() { return *store_; }

 private:
  Ingestor(std::unique_ptr<store::SqliteStore> s, const IngestOptions& o)
      : store_(std::move(s)), opt_(o), clusterer_(o.cluster), subevents_(o.subevents), lsh_(o.dedup_window) {}
  Status Restore();
  StatusOr<int64_t> AddAnalyzed(const ingest::Article& a, index::ArticleSignatures&& sig);
  StatusOr<store::EventRow*> EventRow(int64_t id);
  StatusOr<int64_t> NewEvent(const ingest::Article& a, int64_t story);
  Status Move(const SubEvents::Move& m);
  std::unique_ptr<store::SqliteStore> store_;
  IngestOptions opt_;
  OnlineClusterer clusterer_;
  SubEvents subevents_;
  index::LshIndex lsh_;
  struct Placed {
    int64_t event, story;
  };
  std::unordered_map<int64_t, Placed> placed_;  // article rowid -> event and story, for the dedup window
  std::unordered_map<int64_t, store::EventRow> dirty_;
  std::unordered_set<int64_t> dirty_stories_;
  std::unordered_set<int64_t> recount_;  // events that lost articles to a move
  IngestStats stats_;
  size_t in_batch_ = 0;        // articles added in the open transaction
  bool in_transaction_ = false;
  int64_t seq_ = 0;
};

// A stable hash of an article's text with white space folded (hex, 32 chars).
std::string ContentHash(std::string_view text);

}  // namespace crosscheck::events
