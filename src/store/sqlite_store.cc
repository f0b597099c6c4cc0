#include "crosscheck/store/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace crosscheck::store {
namespace {

constexpr const char* kSchema = R"(
PRAGMA page_size=16384;  -- new databases only: rows of ~2.5 KB fill 4 KiB pages to 60%, 16 KiB pages to over 90%
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
PRAGMA foreign_keys=ON;
PRAGMA cache_size=-65536;  -- 64 MiB page cache: +8% ingest at 400k articles
PRAGMA wal_autocheckpoint=8192;  -- checkpoint every 128 MiB of log (16 KiB pages): fewer syncs while ingesting
CREATE TABLE IF NOT EXISTS stories(
  id INTEGER PRIMARY KEY,
  centroid BLOB,
  last_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY,
  story INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL DEFAULT '',
  first_date TEXT NOT NULL DEFAULT '',
  last_date TEXT NOT NULL DEFAULT '',
  articles INTEGER NOT NULL DEFAULT 0,
  last_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS articles(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  outlet TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  signature BLOB,
  vector BLOB,
  copy_of INTEGER REFERENCES articles(rowid),
  event INTEGER REFERENCES events(id),
  layout TEXT NOT NULL DEFAULT '',
  received TEXT NOT NULL DEFAULT '');
CREATE UNIQUE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_event ON articles(event);
CREATE INDEX IF NOT EXISTS events_last ON events(last_date);
CREATE INDEX IF NOT EXISTS events_seq ON events(last_seq);
CREATE INDEX IF NOT EXISTS stories_seq ON stories(last_seq);
)";

// Databases written before events were grouped into stories kept each
// event's centroid on the event: each such event becomes a story of its own.
constexpr const char* kAddStories = R"(
ALTER TABLE events ADD COLUMN story INTEGER NOT NULL DEFAULT 0;
INSERT OR IGNORE INTO stories(id, centroid, last_seq) SELECT id, centroid, last_seq FROM events;
UPDATE events SET story = id;
)";

// Articles stored before layouts were kept get an empty one.
constexpr const char* kAddLayout = "ALTER TABLE articles ADD COLUMN layout TEXT NOT NULL DEFAULT ''";
// Articles stored before arrival times were kept have none.
constexpr const char* kAddReceived = "ALTER TABLE articles ADD COLUMN received TEXT NOT NULL DEFAULT ''";

// An article's paragraphs, removed blocks and warnings as compact JSON:
// {"p":[[begin,end],...],"r":[[reason,begin,end,text],...],"w":[...]}.
std::string LayoutToJson(const StoredArticle& a) {
  nlohmann::json j = {{"p", nlohmann::json::array()}, {"r", nlohmann::json::array()}, {"w", a.warnings}};
  for (const auto& p : a.paragraphs) j["p"].push_back({p.begin, p.end});
  for (const auto& r : a.removed) j["r"].push_back({ToString(r.reason), r.span.begin, r.span.end, r.text});
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// False when `text` is not a layout of this form (or is empty).
bool LayoutFromJson(const std::string& text, StoredArticle& a) {
  if (text.empty()) return false;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return false;
  auto span = [](const nlohmann::json& b, const nlohmann::json& e) {
    return Span{b.is_number_unsigned() ? b.get<uint32_t>() : 0,
                e.is_number_unsigned() ? e.get<uint32_t>() : 0};
  };
  for (const auto& p : j.value("p", nlohmann::json::array()))
    if (p.is_array() && p.size() == 2) a.paragraphs.push_back(span(p[0], p[1]));
  for (const auto& r : j.value("r", nlohmann::json::array())) {
    if (!r.is_array() || r.size() != 4 || !r[0].is_string() || !r[3].is_string()) continue;
    auto reason = RemovalFromString(r[0].get<std::string>());
    if (reason) a.removed.push_back({r[3].get<std::string>(), *reason, span(r[1], r[2])});
  }
  for (const auto& w : j.value("w", nlohmann::json::array()))
    if (w.is_string()) a.warnings.push_back(w.get<std::string>());
  a.has_layout = true;
  return true;
}

std::string Column(sqlite3_stmt* s, int i) {
  const unsigned char* t = sqlite3_column_text(s, i);
  return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s, i)) : std::string();
}

std::string Blob(sqlite3_stmt* s, int i) {
  const void* b = sqlite3_column_blob(s, i);
  return b ? std::string(static_cast<const char*>(b), sqlite3_column_bytes(s, i)) : std::string();
}

void BindText(sqlite3_stmt* s, int i, const std::string& v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

void BindBlob(sqlite3_stmt* s, int i, const std::string& v) {
  if (v.empty())
    sqlite3_bind_null(s, i);
  else
    sqlite3_bind_blob(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

struct Reset {
  sqlite3_stmt* s;
  ~Reset() {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
};

}  // namespace

StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    if (db) sqlite3_close(db);
    return IoError(path + ": cannot open database: " + msg);
  }
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<SqliteStore> s(new SqliteStore(db));
  char* err = nullptr;
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return InvalidInput(path + ": not a crosscheck database, or unusable: " + msg);
  }
  // A column a database from an earlier version lacks.
  auto lacks = [&](const char* probe_sql) {
    sqlite3_stmt* probe = nullptr;
    const bool has = sqlite3_prepare_v2(db, probe_sql, -1, &probe, nullptr) == SQLITE_OK;
    sqlite3_finalize(probe);
    return !has;
  };
  if (lacks("SELECT story FROM events LIMIT 0")) {
    Status m = s->Exec("BEGIN IMMEDIATE");
    if (m.ok()) m = s->Exec(kAddStories);
    if (m.ok()) m = s->Exec("COMMIT");
    if (!m.ok()) return InvalidInput(path + ": cannot bring the database up to date: " + m.message());
  }
  for (const auto& [probe_sql, add] : {std::pair{"SELECT layout FROM articles LIMIT 0", kAddLayout},
                                       std::pair{"SELECT received FROM articles LIMIT 0", kAddReceived}}) {
    if (!lacks(probe_sql)) continue;
    if (Status m = s->Exec(add); !m.ok())
      return InvalidInput(path + ": cannot bring the database up to date: " + m.message());
  }
  // Stories' date spans are read through their events (after the story
  // column exists in databases from before stories).
  if (Status m = s->Exec("CREATE INDEX IF NOT EXISTS events_story ON events(story)"); !m.ok())
    return InvalidInput(path + ": cannot bring the database up to date: " + m.message());
  return s;
}

SqliteStore::~SqliteStore() {
  for (const auto& st : statements_) sqlite3_finalize(st.second);
  sqlite3_close(db_);
}

Status SqliteStore::Error(const char* what) {
  return IoError(std::string(what) + ": " + sqlite3_errmsg(db_));
}

Status SqliteStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return IoError(std::string("database: ") + msg);
  }
  return Status::Ok();
}

StatusOr<sqlite3_stmt*> SqliteStore::Prepare(const char* sql) {
  // Statements are cached by their text's address (each call site passes a
  // literal; a literal's address is all that is compared).
  for (const auto& [text, s] : statements_)
    if (text == sql) return s;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
    return Error("prepare");
  statements_.push_back({sql, s});
  return s;
}

Status SqliteStore::Begin() { return Exec("BEGIN IMMEDIATE"); }
Status SqliteStore::BeginRead() { return Exec("BEGIN DEFERRED"); }
Status SqliteStore::Commit() { return Exec("COMMIT"); }
Status SqliteStore::Rollback() { return Exec("ROLLBACK"); }

StatusOr<std::optional<int64_t>> SqliteStore::Find(const std::string& id, const std::string& hash) {
  auto s = Prepare("SELECT coalesce(event, 0) FROM articles WHERE id = ?1 OR content_hash = ?2 LIMIT 1");
  if (!s.ok()) return s.status();
  Reset r{*s};
  BindText(*s, 1, id);
  BindText(*s, 2, hash);
  int rc = sqlite3_step(*s);
  if (rc == SQLITE_ROW) return std::optional<int64_t>(sqlite3_column_int64(*s, 0));
  if (rc == SQLITE_DONE) return std::optional<int64_t>();
  return Error("lookup");
}

StatusOr<int64_t> SqliteStore::Insert(const StoredArticle& a) {
  auto s = Prepare(
      "INSERT INTO articles(id, content_hash, url, outlet, title, published, text, signature, vector, "
      "copy_of, event, rowid, "
      "layout, received) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  if (!s.ok()) return s.status();
  Reset r{*s};
  BindText(*s, 1, a.id);
  BindText(*s, 2, a.content_hash);
  BindText(*s, 3, a.url);
  BindText(*s, 4, a.outlet);
  BindText(*s, 5, a.title);
  BindText(*s, 6, a.published);
  BindText(*s, 7, a.text);
  BindBlob(*s, 8, a.signature);
  BindBlob(*s, 9, a.vector);
  if (a.copy_of)
    sqlite3_bind_int64(*s, 10, a.copy_of);
  else
    sqlite3_bind_null(*s, 10);
  if (a.event)
    sqlite3_bind_int64(*s, 11, a.event);
  else
    sqlite3_bind_null(*s, 11);
  if (a.rowid)
    sqlite3_bind_int64(*s, 12, a.rowid);
  else
    sqlite3_bind_null(*s, 12);
  BindText(*s, 13, LayoutToJson(a));
  BindText(*s, 14, a.received);
  if (sqlite3_step(*s) != SQLITE_DONE) return Error("insert article");
  return sqlite3_last_insert_rowid(db_);
}

StatusOr<int64_t> SqliteStore::CreateEvent(const EventRow& e) {
  auto s = Prepare(
      "INSERT INTO events(title, first_date, last_date, articles, story, last_seq, id) VALUES(?1, ?2, ?3, "
      "?4, ?5, ?6, ?7)");
  if (!s.ok()) return s.status();
  Reset r{*s};
  BindText(*s, 1, e.title);
  BindText(*s, 2, e.first_date);
  BindText(*s, 3, e.last_date);
  sqlite3_bind_int64(*s, 4, e.articles);
  sqlite3_bind_int64(*s, 5, e.story);
  sqlite3_bind_int64(*s, 6, e.last_seq);
  if (e.id)
    sqlite3_bind_int64(*s, 7, e.id);
  else
    sqlite3_bind_null(*s, 7);
  if (sqlite3_step(*s) != SQLITE_DONE) return Error("insert event");
  return sqlite3_last_insert_rowid(db_);
}

Status SqliteStore::Recount(int64_t event) {
  // Dates are the first ten characters of ISO 8601 publication times.
  auto s = Prepare(
      "UPDATE events SET "
      "articles = (SELECT count(*) FROM articles WHERE event = ?1), "
      "first_date = coalesce((SELECT min(substr(published, 1, 10)) FROM articles WHERE event = ?1 AND "
      "published != ''), ''), "
      "last_date = coalesce((SELECT max(substr(published, 1, 10)) FROM articles WHERE event = ?1 AND "
      "published != ''), '') "
      "WHERE id = ?1");
  if (!s.ok()) return s.status();
  Reset r{*s};
  sqlite3_bind_int64(*s, 1, event);
  return sqlite3_step(*s) == SQLITE_DONE ? Status::Ok() : Error("recount event");
}

Status SqliteStore::MoveArticle(int64_t rowid, int64_t event) {
  auto s = Prepare("UPDATE articles SET event = ?2 WHERE rowid = ?1");
  if (!s.ok()) return s.status();
  Reset r{*s};
  sqlite3_bind_int64(*s, 1, rowid);
  sqlite3_bind_int64(*s, 2, event);
  return sqlite3_step(*s) == SQLITE_DONE ? Status::Ok() : Error("move article");
}

Status SqliteStore::GrowEvent(const EventRow& e) {
  auto s = Prepare(
      "UPDATE events SET articles = articles + ?2, "
      "first_date = CASE WHEN ?3 != '' AND (first_date = '' OR ?3 < first_date) THEN ?3 ELSE first_date END, "
      "last_date = CASE WHEN ?4 > last_date THEN ?4 ELSE last_date END, "
      "last_seq = max(last_seq, ?5) WHERE id = ?1");
  if (!s.ok()) return s.status();
  Reset r{*s};
  sqlite3_bind_int64(*s, 1, e.id);
  sqlite3_bind_int64(*s, 2, e.articles);
  BindText(*s, 3, e.first_date);
  BindText(*s, 4, e.last_date);
  sqlite3_bind_int64(*s, 5, e.last_seq);
  return sqlite3_step(*s) == SQLITE_DONE ? Status::Ok() : Error("update event");
}

StatusOr<NextIds> SqliteStore::Next() {
  auto s = Prepare(
      "SELECT (SELECT coalesce(max(rowid), 0) FROM articles), (SELECT coalesce(max(id), 0) FROM events), "
      "(SELECT coalesce(max(id), 0) FROM stories)");
  if (!s.ok()) return s.status();
  Reset r{*s};
  if (sqlite3_step(*s) != SQLITE_ROW) return Error("read largest ids");
  return NextIds{sqlite3_column_int64(*s, 0) + 1, sqlite3_column_int64(*s, 1) + 1,
                 sqlite3_column_int64(*s, 2) + 1};
}

StatusOr<int64_t> SqliteStore::CreateStory(int64_t id) {
  auto s = Prepare("INSERT INTO stories(centroid, last_seq, id) VALUES(NULL, 0, ?1)");
  if (!s.ok()) return s.status();
  Reset r{*s};
  if (id)
    sqlite3_bind_int64(*s, 1, id);
  else
    sqlite3_bind_null(*s, 1);
  if (sqlite3_step(*s) != SQLITE_DONE) return Error("insert story");
  return sqlite3_last_insert_rowid(db_);
}

Status SqliteStore::UpdateStory(const StoryRow& story) {
  auto s = Prepare("UPDATE stories SET centroid = ?2, last_seq = ?3 WHERE id = ?1");
  if (!s.ok()) return s.status();
  Reset r{*s};
  sqlite3_bind_int64(*s, 1, story.id);
  BindBlob(*s, 2, story.centroid);
  sqlite3_bind_int64(*s, 3, story.last_seq);
  return sqlite3_step(*s) == SQLITE_DONE ? Status::Ok() : Error("update story");
}

StatusOr<std::vector<StoryRow>> SqliteStore::Stories(size_t limit) {
  auto s = Prepare(
      "SELECT s.id, s.centroid, s.last_seq, "
      "coalesce((SELECT min(first_date) FROM events WHERE story = s.id AND first_date != ''), ''), "
      "coalesce((SELECT max(last_date) FROM events WHERE story = s.id AND last_date != ''), '') "
      "FROM stories s WHERE s.centroid IS NOT NULL ORDER BY s.last_seq DESC LIMIT ?1");
  if (!s.ok()) return s.status();
  Reset r{*s};
  sqlite3_bind_int64(*s, 1, limit ? static_cast<int64_t>(limit) : -1);
  std::vector<StoryRow> out;
  int rc;
  while ((rc = sqlite3_step(*s)) == SQLITE_ROW)
    out.push_back({sqlite3_column_int64(*s, 0), Blob(*s, 1), sqlite3_column_int64(*s, 2), Column(*s, 3),
                   Column(*s, 4)});
  if (rc != SQLITE_DONE) return Error("list stories");
  return out;
}

StatusOr<std::vector<std::pair<std::string, int64_t>>> SqliteStore::ArticleEvents() {
  auto s = Prepare("SELECT id, coalesce(event, 0) FROM articles ORDER BY rowid");
  if (!s.ok()) return s.status();
  Reset r{*s};
  std::vector<std::pair<std::string, int64_t>> out;
  int rc;
  while ((rc = sqlite3_step(*s)) == SQLITE_ROW) out.push_back({Column(*s, 0), sqlite3_column_int64(*s, 1)});
  if (rc != SQLITE_DONE) return Error("read article events");
  return out;
}

namespace {
EventRow ReadEvent(sqlite3_stmt* s) {
  EventRow e;
  e.id = sqlite3_column_int64(s, 0);
  e.title = Column(s, 1);
  e.first_date = Column(s, 2);
  e.last_date = Column(s, 3);
  e.articles = sqlite3_column_int64(s, 4);
  e.story = sqlite3_column_int64(s, 5);
  e.last_seq = sqlite3_column_int64(s, 6);
  return e;
}
}  // namespace

StatusOr<std::vector<EventRow>> SqliteStore::Events(const std::string& since, size_t limit) {
  auto s = Prepare(
      "SELECT id, title, first_date, last_date, articles, story, last_seq FROM events "
      "WHERE articles > 0 AND (?1 = '' OR last_date = '' OR last_date >= ?1) "
      "ORDER BY last_seq DESC LIMIT ?2");
  if (!s.ok()) return s.status();
  Reset r{*s};
  BindText(*s, 1, since);
  sqlite3_bind_int64(*s, 2, limit ? static_cast<int64_t>(limit) : -1);
  std::vector<EventRow> out;
  int rc;
  while ((rc = sqlite3_step(*s)) == SQLITE_ROW) out.push_back(ReadEvent(*s));
  if (rc != SQLITE_DONE) return Error("list events");
  return out;
}

StatusOr<SqliteStore::EventPage> SqliteStore::FindEvents(const EventQuery& q) {
  if (q.title_words.size() > kMaxTitleWords)
    return InvalidArgument("at most " + std::to_string(kMaxTitleWords) + " words of the title");
#define CC_TITLE_WORD(n) \
  " AND (?" #n           \
  " = '' OR EXISTS (SELECT 1 FROM articles a WHERE a.event = e.id AND instr(lower(a.title), ?" #n ")))"
  auto s = Prepare(
      "SELECT id, title, first_date, last_date, articles, story, last_seq, count(*) OVER () FROM events e "
      "WHERE articles > 0 AND (?1 = '' OR last_date = '' OR last_date >= ?1) "
      "AND (?2 = '' OR first_date = '' OR first_date <= ?2) "
      "AND (?3 = '' OR EXISTS (SELECT 1 FROM articles a WHERE a.event = e.id AND a.outlet = "
      "?3))" CC_TITLE_WORD(4) CC_TITLE_WORD(5) CC_TITLE_WORD(6) CC_TITLE_WORD(7) CC_TITLE_WORD(8)
          CC_TITLE_WORD(9) CC_TITLE_WORD(10)
              CC_TITLE_WORD(11) " ORDER BY last_seq DESC, id DESC LIMIT ?12 OFFSET ?13");
#undef CC_TITLE_WORD
  if (!s.ok()) return s.status();
  Reset r{*s};
  BindText(*s, 1, q.since);
  BindText(*s, 2, q.until);
  BindText(*s, 3, q.outlet);
  std::vector<std::string> words(kMaxTitleWords);
  for (size_t i = 0; i < q.title_words.size(); ++i) {
    words[i] = q.title_words[i];
    for (auto& c : words[i]) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (size_t i = 0; i < kMaxTitleWords; ++i) BindText(*s, static_cast<int>(4 + i), words[i]);
  sqlite3_bind_int64(*s, 12, static_cast<int64_t>(q.limit));
  sqlite3_bind_int64(*s, 13, static_cast<int64_t>(q.offset));
  EventPage page;
  int rc;
  while ((rc = sqlite3_step(*s)) == SQLITE_ROW) {
    page.events.push_back(ReadEvent(*s));
    page.total = sqlite3_column_int64(*s, 7);
  }
  if (rc != SQLITE_DONE) return Error("find events");
  // A page past the end has no row to carry the count.
  if (page.events.empty() && q.offset > 0) {
    sqlite3_reset(*s);  // the same statement runs again
    EventQuery first = q;
    first.offset = 0;
    first.limit = 1;
    CROSSCHECK_ASSIGN_OR_RETURN(EventPage head, FindEvents(first));
    page.total = head.total;
  }
  return page;
}

StatusOr<std::optional<EventRow>> SqliteStore::Event(int64_t id) {
  auto s =
      Prepare("SELECT id, title, first_date, last_date, articles, story, last_seq FROM events WHERE id = ?1");
  if (!s.ok()) return s.status();
  Reset r{*s};
  sqlite3_bind_int64(*s, 1, id);
  int rc = sqlite3_step(*s);
  if (rc == SQLITE_ROW) return std::optional<EventRow>(ReadEvent(*s));
  if (rc == SQLITE_DONE) return std::optional<EventRow>();
  return Error("read event");
}

namespace {
StoredArticle ReadArticle(sqlite3_stmt* s) {
  StoredArticle a;
  a.rowid = sqlite3_column_int64(s, 0);
  a.id = Column(s, 1);
  a.url = Column(s, 2);
  a.outlet = Column(s, 3);
  a.title = Column(s, 4);
  a.published = Column(s, 5);
  a.text = Column(s, 6);
  a.signature = Blob(s, 7);
  a.vector = Blob(s, 8);
  a.copy_of = sqlite3_column_int64(s, 9);
  a.event = sqlite3_column_int64(s, 10);
  a.content_hash = Column(s, 11);
  if (sqlite3_column_count(s) > 12) a.story = sqlite3_column_int64(s, 12);
  if (sqlite3_column_count(s) > 13) LayoutFromJson(Column(s, 13), a);
  if (sqlite3_column_count(s) > 14) a.received = Column(s, 14);
  return a;
}
}  // namespace

StatusOr<std::vector<StoredArticle>> SqliteStore::ReadRows(StatusOr<sqlite3_stmt*> s, int64_t bound,
                                                           const char* what) {
  if (!s.ok()) return s.status();
  Reset r{*s};
  sqlite3_bind_int64(*s, 1, bound);
  std::vector<StoredArticle> out;
  int rc;
  while ((rc = sqlite3_step(*s)) == SQLITE_ROW) out.push_back(ReadArticle(*s));
  if (rc != SQLITE_DONE) return Error(what);
  return out;
}

// The columns ReadArticle reads, text and layout included (a macro, so each
// query stays one literal: statements are cached by the literal's address).
#define SELECT_WHOLE_ARTICLES                                                                                \
  "SELECT rowid, id, url, outlet, title, published, text, signature, vector, copy_of, event, content_hash, " \
  "0, layout, received FROM articles "

StatusOr<std::vector<StoredArticle>> SqliteStore::ArticlesOfEvent(int64_t event) {
  return ReadRows(Prepare(SELECT_WHOLE_ARTICLES "WHERE event = ?1 ORDER BY rowid"), event, "read articles");
}

StatusOr<StoredArticle> SqliteStore::ArticleAt(int64_t rowid) {
  CROSSCHECK_ASSIGN_OR_RETURN(
      std::vector<StoredArticle> one,
      ReadRows(Prepare(SELECT_WHOLE_ARTICLES "WHERE rowid = ?1"), rowid, "read article"));
  if (one.empty()) return NotFound("no article " + std::to_string(rowid));
  return std::move(one.front());
}

Status SqliteStore::EnableSearch() {
  sqlite3_stmt* probe = nullptr;
  bool exists =
      sqlite3_prepare_v2(db_, "SELECT rowid FROM articles_fts LIMIT 0", -1, &probe, nullptr) == SQLITE_OK;
  sqlite3_finalize(probe);
  if (exists) return Status::Ok();
  CROSSCHECK_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  Status s = Exec(R"(
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');)");
  if (!s.ok()) {
    (void)Exec("ROLLBACK");
    return s;
  }
  return Exec("COMMIT");
}

StatusOr<std::vector<SqliteStore::SearchHit>> SqliteStore::Search(const std::string& words, size_t limit) {
  // Each word quoted (quotes doubled): FTS5's query syntax never sees the
  // user's operators, so any input is a plain "all these words" search.
  std::string query;
  for (size_t i = 0; i < words.size();) {
    while (i < words.size() && std::isspace(static_cast<unsigned char>(words[i]))) ++i;
    size_t j = i;
    while (j < words.size() && !std::isspace(static_cast<unsigned char>(words[j]))) ++j;
    if (j == i) break;
    query += query.empty() ? "\"" : " \"";
    for (size_t k = i; k < j; ++k) query += words[k] == '"' ? std::string("\"\"") : std::string(1, words[k]);
    query += '"';
    i = j;
  }
  std::vector<SearchHit> out;
  if (query.empty()) return out;
  auto s = Prepare(
      "SELECT a.id, a.title, coalesce(a.event, 0), snippet(articles_fts, 1, '[', ']', '...', 16) "
      "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?1 "
      "ORDER BY rank LIMIT ?2");
  if (!s.ok()) return s.status();
  Reset r{*s};
  BindText(*s, 1, query);
  sqlite3_bind_int64(*s, 2, static_cast<int64_t>(limit));
  int rc;
  while ((rc = sqlite3_step(*s)) == SQLITE_ROW) {
    SearchHit h;
    h.id = reinterpret_cast<const char*>(sqlite3_column_text(*s, 0));
    h.title = reinterpret_cast<const char*>(sqlite3_column_text(*s, 1));
    h.event = sqlite3_column_int64(*s, 2);
    const unsigned char* snip = sqlite3_column_text(*s, 3);
    h.snippet = snip ? reinterpret_cast<const char*>(snip) : "";
    out.push_back(std::move(h));
  }
  if (rc != SQLITE_DONE) return Error("search");
  return out;
}

Status SqliteStore::SetCacheKiB(int kib) {
  std::string sql = "PRAGMA cache_size=-" + std::to_string(std::max(64, kib));
  return Exec(sql.c_str());
}

StatusOr<std::optional<int64_t>> SqliteStore::RowOf(const std::string& id) {
  auto s = Prepare("SELECT rowid FROM articles WHERE id = ?1 LIMIT 1");
  if (!s.ok()) return s.status();
  Reset r{*s};
  BindText(*s, 1, id);
  int rc = sqlite3_step(*s);
  if (rc == SQLITE_ROW) return std::optional<int64_t>(sqlite3_column_int64(*s, 0));
  if (rc == SQLITE_DONE) return std::optional<int64_t>();
  return Error("lookup");
}

StatusOr<std::pair<int64_t, int64_t>> SqliteStore::Counts() {
  auto s = Prepare("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)");
  if (!s.ok()) return s.status();
  Reset r{*s};
  if (sqlite3_step(*s) != SQLITE_ROW) return Error("count");
  return std::pair<int64_t, int64_t>(sqlite3_column_int64(*s, 0), sqlite3_column_int64(*s, 1));
}

StatusOr<std::vector<StoredArticle>> SqliteStore::ArticlesAfter(int64_t after) {
  return ReadRows(Prepare(SELECT_WHOLE_ARTICLES "WHERE rowid > ?1 ORDER BY rowid LIMIT 1000"), after,
                  "read articles");
}

StatusOr<std::vector<StoredArticle>> SqliteStore::MembersOfEvent(int64_t event) {
  return ReadRows(
      Prepare("SELECT rowid, id, url, outlet, title, published, '', NULL, vector, copy_of, event, "
              "content_hash FROM articles WHERE event = ?1 ORDER BY rowid"),
      event, "read event members");
}

StatusOr<std::vector<StoredArticle>> SqliteStore::RecentArticles(size_t limit) {
  auto out =
      ReadRows(Prepare("SELECT a.rowid, a.id, a.url, a.outlet, a.title, a.published, '', a.signature, "
                       "a.vector, a.copy_of, "
                       "a.event, a.content_hash, coalesce(e.story, 0), '', a.received "
                       "FROM articles a LEFT JOIN events e ON e.id = a.event ORDER BY a.rowid DESC LIMIT ?1"),
               static_cast<int64_t>(limit), "read recent articles");
  if (out.ok()) std::reverse(out->begin(), out->end());
  return out;
}

}  // namespace crosscheck::store
