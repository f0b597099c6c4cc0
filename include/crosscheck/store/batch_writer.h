// Batched writes. A Batch is everything one group of ingested articles
// changes, applied in one transaction (WriteBatch): a killed process loses
// nothing committed and leaves the database consistent. BatchWriter applies
// batches in order, on a thread of its own when asked, so the caller can
// build the next batch meanwhile; after a failed batch the later ones are
// dropped, not written (they may use stories and events the failed one
// would have created), and the failure is returned by every later call.
// BatchWriter is used from one thread; its own writer thread only touches
// the store it was given and the queue.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crosscheck/status.h"
#include "crosscheck/store/sqlite_store.h"

namespace crosscheck::store {

struct ArticleMove {
  int64_t article = 0;  // rowid
  int64_t to = 0;       // its new event
};

// The writes of one batch, applied in this order.
struct Batch {
  std::vector<int64_t> stories;  // opened
  std::vector<EventRow> events;  // opened
  std::vector<StoredArticle> articles;
  std::vector<ArticleMove> moves;
  std::unordered_map<int64_t, EventRow> grown;  // per event: articles added, their dates, last_seq
  std::unordered_set<int64_t> recount;          // events whose articles moved: counted again
  std::vector<StoryRow> centroids;
  bool empty() const {
    return stories.empty() && events.empty() && articles.empty() && moves.empty() && centroids.empty();
  }
};

// Applies `b` to `store` in one transaction; rolls back on failure.
Status WriteBatch(SqliteStore& store, const Batch& b);

class BatchWriter {
 public:
  // `store` must outlive the writer. With `background`, batches are written
  // by a thread of its own, at most `in_flight` waiting; otherwise each is
  // written inside Submit.
  BatchWriter(SqliteStore& store, bool background, size_t in_flight);
  ~BatchWriter();  // writes what is queued, then stops the thread
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  // Queues a batch (waiting while the queue is full). Returns the first
  // write error so far, if any.
  Status Submit(Batch b);
  // Moves the batches committed (or dropped) since the last call into
  // `done`, waiting until every queued batch is through when `all`. Returns
  // the first write error so far, if any.
  Status Collect(bool all, std::vector<Batch>& done);
  // The first write error so far, if any.
  Status status();

 private:
  void Loop();
  SqliteStore& store_;
  bool background_;
  size_t in_flight_;
  std::thread thread_;
  std::mutex mu_;  // guards what follows
  std::condition_variable cv_;
  std::deque<Batch> queue_;     // the front is being written
  std::vector<Batch> written_;  // through, not yet collected
  bool quit_ = false;
  Status status_ = Status::Ok();
};

}  // namespace crosscheck::store
