// The news-flow pipeline, step by step for each article:
//   1. stored once: an article with the id or the text (index::ContentHash)
//      of a stored one is a duplicate and is not stored again;
//   2. copies: index::CopyDetector finds a recent article it republishes;
//   3. assignment: events::Assigner picks its story and event (a copy starts
//      from its original's), and may move earlier articles of the story;
//   4. writing: the changes gather in a store::Batch, each one transaction,
//      written by store::BatchWriter on a thread of its own for a file
//      database while the next batch is built (ids are given out here, so
//      nothing waits for the store).
// State needed after a restart (recent signatures and members, active
// stories' centroids) is rebuilt from the store when it opens.
// Not thread-safe: one Ingestor per database, used from one thread.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "crosscheck/article.h"
#include "crosscheck/events/assign.h"
#include "crosscheck/index/copies.h"
#include "crosscheck/index/signatures.h"
#include "crosscheck/ingest/inputs.h"
#include "crosscheck/store/batch_writer.h"
#include "crosscheck/store/sqlite_store.h"

namespace crosscheck::pipeline {

struct IngestOptions {
  size_t batch = 4000;            // articles per transaction (fewer index pages written per article)
  bool background_writes = true;  // write batches on a thread of their own (file databases only)
  size_t batches_in_flight = 4;   // batches queued for that thread before adding waits
  index::CopyOptions copies;      // near-duplicate threshold and window
  events::AssignOptions assign;   // story and event grouping
  // On opening a store of at most this many articles, the grouping state is
  // rebuilt by replaying every stored article through the same steps (no
  // writes): exactly the state the last commit left, so a restart, after a
  // crash too, groups as an uninterrupted run would. A larger store, or one
  // whose replay does not give its stored events (written with other
  // options), is restored from its recent articles and stories instead.
  size_t max_replay = 100000;
  unsigned threads = 2;  // threads computing signatures during that replay
  // An article with no publication date groups by when it arrived: its
  // Article::received, else, with this set, the time it is added (kept
  // with it, so a replay groups it alike). Right for a live flow (the
  // server sets it); wrong for an old corpus loaded today.
  bool date_undated_by_arrival = false;
};

// The current time, ISO 8601 in UTC to the second ("2026-03-04T09:00:00Z").
std::string NowIso();

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
  // Whether opening rebuilt the grouping state exactly (see max_replay).
  bool restored_exactly() const { return restored_exactly_; }
  // The store, once everything added so far is written (a write error
  // shows at the next Add or Flush).
  store::SqliteStore& store() {
    (void)Flush();
    return *store_;
  }

 private:
  Ingestor(std::unique_ptr<store::SqliteStore> s, std::unique_ptr<store::SqliteStore> reader,
           const IngestOptions& o);
  Status Restore();
  // Replays the stored articles; false when the replay's events differ from
  // the stored ones.
  StatusOr<bool> Replay(const store::NextIds& next);
  // Remembers a placed article for the copy window.
  void RememberPlaced(int64_t rowid, const index::Signature& minhash, const events::Assignment& placed);
  StatusOr<int64_t> AddAnalyzed(const Article& a, index::ArticleSignatures&& sig);
  // The event of the stored article with this id or text, written or still pending.
  StatusOr<std::optional<int64_t>> Find(const std::string& id, const std::string& content_hash);
  // The article as stored, with its signature and vector.
  store::StoredArticle ToStored(const Article& a, const index::ArticleSignatures& sig,
                                const events::Weighted& w) const;
  // Records in the open batch what an assignment changed.
  void Record(const Article& a, const events::Assignment& placed);
  // Hands the open batch to the writer and forgets the pending ids of the
  // batches committed since.
  Status Submit();
  Status Collect(bool all);

  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<store::SqliteStore> reader_;  // a second connection for lookups; null: store_ serves them
  IngestOptions opt_;
  index::CopyDetector copies_;
  events::Assigner assigner_;
  std::unordered_map<int64_t, events::Placed>
      placed_;  // article rowid -> event and story, for the copy window
  IngestStats stats_;
  int64_t next_article_ = 1;
  bool restored_exactly_ = false;
  store::Batch open_;  // being built
  // Ids and texts of the articles not yet known to be committed (the open
  // batch, the queue and the written batches not yet collected), with their
  // events.
  std::unordered_map<std::string, int64_t> pending_ids_, pending_hashes_;
  std::unique_ptr<store::BatchWriter> writer_;
};

// Reads `files` (ingest::ExpandInputs' output) and adds their articles in
// order, `chunk` at a time through AddAll (signatures on two threads), then
// flushes. Inputs that cannot be read go to `problem` and are skipped;
// `progress`, when set, is told how many articles were added so far after
// each chunk. Returns the first store error, which stops the ingest (what
// was committed before it stays).
Status IngestFiles(Ingestor& ingestor, const std::vector<std::string>& files,
                   const std::function<void(const ingest::InputProblem&)>& problem,
                   const std::function<void(size_t)>& progress = {}, size_t chunk = 1000);

}  // namespace crosscheck::pipeline
