// The news-flow pipeline: each article is checked against the store (same
// id or same text: stored once), against recent articles for near-duplicates
// (MinHash; a copy joins its original's event and is recorded as a copy), and
// otherwise assigned to a story by the online clusterer and to an event of
// that story by events::SubEvents (which may move earlier articles of the story to
// another event). Writes are gathered in batches, each one transaction; a
// file database writes them on a thread of its own while the next batch is
// built (ids are given out here, so nothing waits for the store). State
// needed after a restart (recent signatures and members, active stories'
// centroids) is rebuilt from the store when it opens.
// Not thread-safe: one Ingestor per database, used from one thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "crosscheck/events/clusterer.h"
#include "crosscheck/events/subevents.h"
#include "crosscheck/index/signatures.h"
#include "crosscheck/article.h"
#include "crosscheck/store/sqlite_store.h"

namespace crosscheck::pipeline {

struct IngestOptions {
  size_t batch = 4000;            // articles per transaction (fewer index pages written per article)
  bool background_writes = true;  // write batches on a thread of their own (file databases only)
  size_t batches_in_flight = 4;   // batches queued for that thread before adding waits
  double near_duplicate = 0.7;    // estimated Jaccard of 5-word shingles for a copy
  size_t dedup_window = 100000;   // recent articles checked for copies
  events::ClusterOptions cluster;
  events::SubEventOptions subevents;
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
  static StatusOr<std::unique_ptr<Ingestor>> Open(const std::string& db_path,
                                                  const IngestOptions& options = {});
  ~Ingestor();
  // Adds one article; returns the event it belongs to (0 if unknown). Later
  // articles may move it to another event of its story: the store has the
  // current assignment.
  StatusOr<int64_t> Add(const Article& a);
  // Adds articles in order; their signatures are computed on `threads`
  // threads first (the rest is sequential). Returns their events.
  StatusOr<std::vector<int64_t>> AddAll(const std::vector<Article>& articles, unsigned threads = 2);
  // Commits the open batch and waits until every batch is written.
  Status Flush();
  const IngestStats& stats() const { return stats_; }
  // The store, once everything added so far is written (a write error
  // shows at the next Add or Flush).
  store::SqliteStore& store() {
    (void)Flush();
    return *store_;
  }

 private:
  // The writes of one batch, applied in this order in one transaction.
  struct Batch {
    std::vector<int64_t> stories;         // opened
    std::vector<store::EventRow> events;  // opened
    std::vector<store::StoredArticle> articles;
    std::vector<events::SubEvents::Move> moves;
    std::unordered_map<int64_t, store::EventRow> grown;  // per event: articles added, their dates, last_seq
    std::unordered_set<int64_t> recount;                 // events whose articles moved: counted again
    std::vector<store::StoryRow> centroids;
    bool empty() const {
      return stories.empty() && events.empty() && articles.empty() && moves.empty() && centroids.empty();
    }
  };

  Ingestor(std::unique_ptr<store::SqliteStore> s, std::unique_ptr<store::SqliteStore> reader,
           const IngestOptions& o)
      : store_(std::move(s)),
        reader_(std::move(reader)),
        opt_(o),
        clusterer_(o.cluster),
        subevents_(o.subevents),
        lsh_(o.dedup_window) {}
  Status Restore();
  StatusOr<int64_t> AddAnalyzed(const Article& a, index::ArticleSignatures&& sig);
  // The stored article with this id or text, written or still pending.
  StatusOr<std::optional<int64_t>> Find(const std::string& id, const std::string& content_hash);
  int64_t NewEvent(const Article& a, int64_t story);
  void Move(const events::SubEvents::Move& m);
  // Hands the open batch to the writer (waiting while the queue is full).
  Status Submit();
  // Waits until every batch handed over is written; returns the writer's
  // first error, if any.
  Status Wait();
  // Forgets the pending ids of the batches written so far (waiting for all
  // when `all`); returns the writer's first error, if any.
  Status Collect(bool all);
  Status Write(const Batch& b);
  void WriterLoop();

  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<store::SqliteStore>
      reader_;  // a second connection for lookups; null: store_ is used, writes are inline
  IngestOptions opt_;
  events::OnlineClusterer clusterer_;
  events::SubEvents subevents_;
  index::LshIndex lsh_;
  struct Placed {
    int64_t event, story;
  };
  std::unordered_map<int64_t, Placed> placed_;  // article rowid -> event and story, for the dedup window
  std::unordered_set<int64_t> dirty_stories_;
  IngestStats stats_;
  store::NextIds next_;
  int64_t seq_ = 0;

  Batch open_;  // being built
  // Ids and texts of the articles not yet known to be committed (the open
  // batch, the queue and the written batches not yet collected), with their
  // events.
  std::unordered_map<std::string, int64_t> pending_ids_, pending_hashes_;
  std::thread writer_;
  std::mutex mu_;  // guards what follows
  std::condition_variable cv_;
  std::deque<Batch> queue_;     // handed to the writer; the front is being written
  std::vector<Batch> written_;  // committed, their pending ids not yet forgotten
  bool quit_ = false;
  Status writer_status_ = Status::Ok();
};

// A stable hash of an article's text with white space folded (hex, 32 chars).
std::string ContentHash(std::string_view text);

}  // namespace crosscheck::pipeline
