// The article and event store on SQLite (WAL mode). Articles are stored once
// (by id and by content hash); each batch of writes is one transaction, so a
// killed process loses nothing already committed and leaves the database
// consistent. All SQL is parametrised.
// Thread-safety: one SqliteStore per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace crosscheck::store {

struct StoredArticle {
  int64_t rowid = 0;
  std::string id, url, outlet, title, published, text;
  std::string received;      // when it arrived, for an undated article (Article::received)
  std::string content_hash;  // of the normalised text
  std::string signature;     // MinHash signature bytes
  std::string vector;        // event-clustering feature vector bytes
  int64_t copy_of = 0;       // rowid of the original when a near-duplicate
  int64_t event = 0;
  int64_t story = 0;  // the event's story (filled by RecentArticles)
  // The article's layout in `text`, as read (filled by ArticlesOfEvent).
  // Articles stored by builds that kept no layout have none: `has_layout`
  // is false and the text must be read again.
  std::vector<Span> paragraphs;
  std::vector<RemovedBlock> removed;
  std::vector<std::string> warnings;
  bool has_layout = false;
};

struct EventRow {
  int64_t id = 0;
  std::string title, first_date, last_date;
  int64_t articles = 0;
  int64_t story = 0;     // the story it belongs to (set when created)
  int64_t last_seq = 0;  // ingest sequence number of its latest article
};

// A story: articles on one subject, which may hold several events (see
// events/subevents.h). Its centroid is what new articles are matched against.
struct StoryRow {
  int64_t id = 0;
  std::string centroid;  // feature vector bytes
  int64_t last_seq = 0;
  std::string first_date, last_date;  // of its events (filled by Stories), empty when none is dated
};

// The ids the next article, event and story would get.
struct NextIds {
  int64_t article = 1, event = 1, story = 1;
};

class SqliteStore {
 public:
  // Opens or creates the database at `path` and its schema.
  static StatusOr<std::unique_ptr<SqliteStore>> Open(const std::string& path);
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  Status Begin();
  // A read transaction: every read until Commit sees one snapshot of the
  // database, whatever another connection writes meanwhile.
  Status BeginRead();
  Status Commit();
  Status Rollback();

  // The event of the stored article with this id or content hash: nullopt
  // when there is none, 0 when it has no event.
  StatusOr<std::optional<int64_t>> Find(const std::string& id, const std::string& content_hash);
  // Inserts an article (with its rowid, when set); returns its rowid.
  StatusOr<int64_t> Insert(const StoredArticle& a);

  // Inserts an event (with its id, when set); returns its id.
  StatusOr<int64_t> CreateEvent(const EventRow& e);
  // Adds e.articles to the event's count, widens its dates to e's and
  // raises its last_seq to e's.
  Status GrowEvent(const EventRow& e);
  // Recomputes an event's article count and dates from its articles.
  Status Recount(int64_t event);
  // Moves a stored article to another event.
  Status MoveArticle(int64_t rowid, int64_t event);

  // Inserts a story (with this id, when not 0); returns its id.
  StatusOr<int64_t> CreateStory(int64_t id = 0);
  // The ids the next article, event and story get.
  StatusOr<NextIds> Next();
  Status UpdateStory(const StoryRow& story);
  // Stories with a centroid, most recently active first; `limit` 0 means all.
  StatusOr<std::vector<StoryRow>> Stories(size_t limit);
  // Every article's id and event, in ingest order.
  StatusOr<std::vector<std::pair<std::string, int64_t>>> ArticleEvents();

  // Events, newest activity first; `since` (YYYY-MM-DD) keeps those whose
  // last date is on or after it. `limit` 0 means all.
  StatusOr<std::vector<EventRow>> Events(const std::string& since = "", size_t limit = 0);
  // One page of events, newest activity first, filtered in SQL: active on or
  // after `since`, begun by `until` (YYYY-MM-DD; undated events pass both),
  // reported by `outlet`, and with each of `title_words` (at most
  // kMaxTitleWords, compared in lower case) in some member's title.
  static constexpr size_t kMaxTitleWords = 8;
  struct EventQuery {
    std::string since, until, outlet;
    std::vector<std::string> title_words;
    size_t limit = 50, offset = 0;
  };
  struct EventPage {
    std::vector<EventRow> events;
    int64_t total = 0;  // matching events in all pages
  };
  StatusOr<EventPage> FindEvents(const EventQuery& query);
  StatusOr<std::optional<EventRow>> Event(int64_t id);
  // Articles of an event (ids, outlets and texts), in ingest order.
  StatusOr<std::vector<StoredArticle>> ArticlesOfEvent(int64_t event);
  // The same without text, signature and layout (ids, outlets, titles,
  // dates and vectors): enough to list an event.
  StatusOr<std::vector<StoredArticle>> MembersOfEvent(int64_t event);
  // One article with its text and layout, by row id (kNotFound if none).
  StatusOr<StoredArticle> ArticleAt(int64_t rowid);
  // Full-text search (SQLite FTS5 over titles and texts). EnableSearch
  // creates the index once, fills it from the stored articles and keeps it
  // up to date from then on (triggers: later inserts pay for it); Search
  // finds the articles holding every word of `words` (any characters: the
  // words are quoted), best first.
  Status EnableSearch();
  struct SearchHit {
    std::string id, title, snippet;  // snippet: the matching passage, words marked [like this]
    int64_t event = 0;
  };
  StatusOr<std::vector<SearchHit>> Search(const std::string& words, size_t limit);
  // This connection's page cache, in KiB (a reader needs less than a writer).
  Status SetCacheKiB(int kib);

  // The row id of the article with this id, or nullopt.
  StatusOr<std::optional<int64_t>> RowOf(const std::string& id);
  // How many articles and events are stored.
  StatusOr<std::pair<int64_t, int64_t>> Counts();
  // The most recent `limit` articles' signatures and vectors, oldest first,
  // to rebuild in-memory indexes after a restart.
  StatusOr<std::vector<StoredArticle>> RecentArticles(size_t limit);
  // Up to 1,000 articles with row ids above `after`, in row order, with text
  // and layout (for replaying the store).
  StatusOr<std::vector<StoredArticle>> ArticlesAfter(int64_t after);

 private:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  Status Exec(const char* sql);
  StatusOr<sqlite3_stmt*> Prepare(const char* sql);
  Status Error(const char* what);
  // Steps `s` (parameter 1 bound to `bound`) and reads each row as an article.
  StatusOr<std::vector<StoredArticle>> ReadRows(StatusOr<sqlite3_stmt*> s, int64_t bound, const char* what);
  sqlite3* db_;
  std::vector<std::pair<const char*, sqlite3_stmt*>> statements_;  // by their SQL literal's address
};

}  // namespace crosscheck::store
