#include "crosscheck/pipeline/ingestor.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "test_util.h"

namespace crosscheck::pipeline {
namespace {

namespace fs = std::filesystem;
using crosscheck::testing::Parse;

using crosscheck::testing::TempDb;

const char* kQuake =
    "A magnitude 6.1 earthquake struck near the town of Verano in Castile on Sunday, officials said. "
    "Rescue teams from Valdemar searched collapsed houses through the night. "
    "Mayor Lucia Ferran said at least 12 people were killed and 40 injured.\n";
const char* kQuakeOther =
    "Rescuers in Verano, Castile, dug through rubble on Monday after Sunday's magnitude 6.1 earthquake. "
    "Mayor Lucia Ferran said 12 people died. Teams from Valdemar brought dogs and heavy equipment.\n";
const char* kElection =
    "Voters in Norland re-elected Prime Minister Anders Holt on Tuesday, giving his Harbour Party a narrow "
    "majority in parliament. Turnout was 71 percent, the election commission said.\n";

TEST(Ingestor, StoresOnceGroupsEventsAndFindsCopies) {
  std::string db = TempDb("crosscheck_ingest_test.db");
  auto ing = Ingestor::Open(db);
  ASSERT_TRUE(ing.ok()) << ing.status().ToString();
  auto e1 = (*ing)->Add(Parse("quake-a", kQuake));
  auto e2 = (*ing)->Add(Parse("quake-b", kQuakeOther));
  auto e3 = (*ing)->Add(Parse("vote", kElection));
  ASSERT_TRUE((*ing)->Flush().ok());
  auto again = (*ing)->Add(Parse("quake-a", kQuake));        // same id, first of a new batch
  auto same_text = (*ing)->Add(Parse("quake-a-2", kQuake));  // same text, other id
  std::string copy_text = std::string(kQuake) + "Reporting by the wire desk.\n";
  auto copy = (*ing)->Add(Parse("quake-copy", copy_text));  // a wire copy
  ASSERT_TRUE(e1.ok() && e2.ok() && e3.ok() && again.ok() && same_text.ok() && copy.ok());
  EXPECT_EQ(*e1, *e2);
  EXPECT_NE(*e1, *e3);
  EXPECT_EQ(*again, *e1);
  EXPECT_EQ(*same_text, *e1);
  EXPECT_EQ(*copy, *e1);
  ASSERT_TRUE((*ing)->Flush().ok());
  EXPECT_EQ((*ing)->stats().added, 4u);
  EXPECT_EQ((*ing)->stats().duplicates, 2u);
  EXPECT_EQ((*ing)->stats().copies, 1u);
  auto arts = (*ing)->store().ArticlesOfEvent(*e1);
  ASSERT_TRUE(arts.ok());
  EXPECT_EQ(arts->size(), 3u);
  int copies = 0;
  for (const auto& a : *arts) copies += a.copy_of != 0;
  EXPECT_EQ(copies, 1);
}

// An undated article groups by when it arrived: two years after a dated
// event it is no part of it, though it tells the same story; undated and
// unrecorded, it joins. The arrival is kept, so a reopened store groups
// alike; with date_undated_by_arrival the ingestor records it.
TEST(Ingestor, AnUndatedArticleGroupsByItsArrival) {
  std::string db = TempDb("crosscheck_arrival_test.db");
  int64_t late = 0;
  {
    auto ing = Ingestor::Open(db);
    ASSERT_TRUE(ing.ok()) << ing.status().ToString();
    Article a = Parse("quake-a", kQuake), b = Parse("quake-b", kQuakeOther);
    a.published = "2024-03-03T08:00:00Z";
    b.published = "2024-03-04T08:00:00Z";
    Article again = Parse("quake-late", std::string(kQuake) + "A year on, the town is rebuilding.\n");
    again.received = "2026-05-01T10:00:00Z";
    Article bare = Parse("quake-bare", std::string(kQuakeOther) + "Aid reached the valley.\n");
    auto ea = (*ing)->Add(a);
    auto eb = (*ing)->Add(b);
    auto el = (*ing)->Add(again);
    auto eu = (*ing)->Add(bare);
    ASSERT_TRUE(ea.ok() && eb.ok() && el.ok() && eu.ok());
    EXPECT_EQ(*ea, *eb);
    EXPECT_NE(*el, *ea) << "arrived two years later";
    EXPECT_EQ(*eu, *ea) << "no date, no arrival: no time to tell it apart";
    late = *el;
    ASSERT_TRUE((*ing)->Flush().ok());
  }
  {
    IngestOptions live;
    live.date_undated_by_arrival = true;
    auto ing = Ingestor::Open(db, live);
    ASSERT_TRUE(ing.ok());
    EXPECT_TRUE((*ing)->restored_exactly());
    auto again = (*ing)->Add(Parse("quake-late", "ignored: the id is stored\n"));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, late);
    ASSERT_TRUE((*ing)->Add(Parse("vote", kElection)).ok());
    ASSERT_TRUE((*ing)->Flush().ok());
    auto rows = (*ing)->store().ArticlesAfter(0);
    ASSERT_TRUE(rows.ok());
    std::map<std::string, std::string> received;
    for (const auto& r : *rows) received[r.id] = r.received;
    EXPECT_EQ(received["quake-late"], "2026-05-01T10:00:00Z");
    EXPECT_EQ(received["quake-bare"], "");
    EXPECT_EQ(received["quake-a"], "");  // dated: no arrival needed
    EXPECT_EQ(received["vote"].size(), 20u) << "recorded on arrival";
  }
}

TEST(Ingestor, AnArticleWithoutOutletIsStoredUnderItsUrlHost) {
  auto ing = Ingestor::Open(":memory:");
  ASSERT_TRUE(ing.ok());
  auto e =
      (*ing)->Add(Parse("quake-url", std::string("https://www.coast-daily.example/2024/quake\n") + kQuake));
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  ASSERT_TRUE((*ing)->Flush().ok());
  auto arts = (*ing)->store().ArticlesOfEvent(*e);
  ASSERT_TRUE(arts.ok());
  ASSERT_EQ(arts->size(), 1u);
  EXPECT_EQ((*arts)[0].outlet, "coast-daily.example");
}

TEST(Ingestor, StateSurvivesARestart) {
  std::string db = TempDb("crosscheck_restart_test.db");
  int64_t first = 0;
  {
    auto ing = Ingestor::Open(db);
    ASSERT_TRUE(ing.ok());
    first = *(*ing)->Add(Parse("quake-a", kQuake));
    (void)(*ing)->Add(Parse("vote", kElection));
  }  // closing flushes
  auto ing = Ingestor::Open(db);
  ASSERT_TRUE(ing.ok());
  auto e = (*ing)->Add(Parse("quake-b", kQuakeOther));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(*e, first);
  auto events = (*ing)->store().Events();
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->size(), 2u);
}

// A stream of articles on a few overlapping stories, with near-copies,
// numbers and dates, so that stories, events, copies and regroups all occur.
std::vector<Article> Stream(int n) {
  auto name = [](int k) {
    std::string w = "Vor";
    for (int d = 0; d < 3; ++d, k /= 7) w += "aeiouyk"[k % 7];
    return w;
  };
  const char* what[] = {"an earthquake damaged houses", "voters elected a council",  "a ferry ran aground",
                        "a storm closed the harbour",   "a fire destroyed a market", "the bridge reopened"};
  std::vector<Article> out;
  for (int i = 0; i < n; ++i) {
    int topic = (i * 37) % 97;  // topics recur, interleaved
    std::string text = "In " + name(topic) + ", " + what[topic % 6] + " on Monday, " +
                       std::to_string(10 + topic % 13 + i % 2) + " people were hurt, officials said. Mayor " +
                       name(topic / 2 + 200) + " said crews from " + name((topic + i) % 97) + " and " +
                       name(topic % 5 + 300) + " would help.\n";
    if (i % 5 == 4) text += "Reporting by the wire desk, item " + std::to_string(i) + ".\n";
    Article a = Parse("s" + std::to_string(i), text);
    a.published = "2025-03-" + std::to_string(10 + (i / 40) % 18);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<std::pair<std::string, int64_t>> EventsIn(const std::string& db) {
  auto store = store::SqliteStore::Open(db);
  auto events = (*store)->ArticleEvents();
  std::sort(events->begin(), events->end());
  return *events;
}

TEST(Ingestor, AReopenedStoreGroupsAsOneUninterruptedRun) {
  const std::vector<Article> stream = Stream(1000);
  IngestOptions o;
  o.batch = 25;
  std::string whole = TempDb("crosscheck_replay_whole.db");
  {
    auto ing = Ingestor::Open(whole, o);
    ASSERT_TRUE(ing.ok());
    ASSERT_TRUE((*ing)->AddAll(stream).ok());
    EXPECT_GT((*ing)->stats().moves + (*ing)->stats().copies, 0u);
  }
  // The same stream in three runs, reopened between them (restored from
  // recent rows alone, max_replay 0, the events here differ).
  std::string parts = TempDb("crosscheck_replay_parts.db");
  for (size_t from : {0, 370, 770}) {
    auto ing = Ingestor::Open(parts, o);
    ASSERT_TRUE(ing.ok());
    EXPECT_TRUE((*ing)->restored_exactly());
    size_t to = from == 0 ? 370 : from == 370 ? 770 : stream.size();
    ASSERT_TRUE((*ing)->AddAll({stream.begin() + from, stream.begin() + to}).ok());
  }
  EXPECT_EQ(EventsIn(parts), EventsIn(whole)) << "same events, same ids";
  // Reopened with other grouping options, the stored events cannot be
  // replayed: the recent state is restored instead, and said so.
  IngestOptions other = o;
  other.assign.cluster.threshold = 0.99;  // every article a story of its own
  auto ing = Ingestor::Open(parts, other);
  ASSERT_TRUE(ing.ok());
  EXPECT_FALSE((*ing)->restored_exactly());
  // A row that cannot be read again (its layout does not fit its text) does
  // not stop the store from opening: it is restored from recent rows.
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(parts.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "UPDATE articles SET layout = '{\"p\":[[0,99999999]]}' WHERE rowid = 5",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
    auto damaged = Ingestor::Open(parts, o);
    ASSERT_TRUE(damaged.ok()) << damaged.status().ToString();
    EXPECT_FALSE((*damaged)->restored_exactly());
  }
  IngestOptions small = o;
  small.max_replay = 10;
  auto approx = Ingestor::Open(whole, small);
  ASSERT_TRUE(approx.ok());
  EXPECT_FALSE((*approx)->restored_exactly());
}

TEST(Ingestor, KilledMidBatchLeavesAConsistentDatabase) {
  std::string db = TempDb("crosscheck_kill_test.db");
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    IngestOptions o;
    o.batch = 25;
    auto ing = Ingestor::Open(db, o);
    if (!ing.ok()) _exit(1);
    for (int i = 0;; ++i) {
      std::string text = "Story number " + std::to_string(i) + " about the town of Place" +
                         std::to_string(i % 50) + " where officials said " + std::to_string(i * 7) +
                         " homes were flooded on Monday.\n";
      if (!(*ing)->Add(Parse("a" + std::to_string(i), text)).ok()) _exit(2);
    }
  }
  usleep(400 * 1000);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  auto scalar = [&](const char* sql) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(raw, sql, -1, &s, nullptr);
    std::string out;
    if (sqlite3_step(s) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return out;
  };
  EXPECT_EQ(scalar("PRAGMA integrity_check"), "ok");
  int articles = std::stoi(scalar("SELECT count(*) FROM articles"));
  EXPECT_GT(articles, 0);
  EXPECT_EQ(articles % 25, 0) << "only whole batches are committed";
  EXPECT_EQ(scalar("SELECT count(*) FROM articles WHERE event NOT IN (SELECT id FROM events)"), "0");
  sqlite3_close(raw);
  // And the database keeps working.
  auto ing = Ingestor::Open(db);
  ASSERT_TRUE(ing.ok());
  EXPECT_TRUE((*ing)->Add(Parse("after", kElection)).ok());
}

TEST(Ingestor, OpensADatabaseWrittenBeforeStories) {
  // The earlier layout: each event carried its own centroid.
  std::string db = TempDb("crosscheck_old_layout_test.db");
  int64_t first = 0;
  {
    auto ing = Ingestor::Open(db);
    ASSERT_TRUE(ing.ok());
    first = *(*ing)->Add(Parse("quake-a", kQuake));
    (void)(*ing)->Add(Parse("vote", kElection));
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  const char* downgrade =
      "CREATE TABLE old_events(id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '', "
      "first_date TEXT NOT NULL DEFAULT '', last_date TEXT NOT NULL DEFAULT '', articles INTEGER NOT NULL "
      "DEFAULT 0, "
      "centroid BLOB, last_seq INTEGER NOT NULL DEFAULT 0);"
      "INSERT INTO old_events SELECT e.id, e.title, e.first_date, e.last_date, e.articles, s.centroid, "
      "e.last_seq "
      "FROM events e JOIN stories s ON s.id = e.story;"
      "PRAGMA foreign_keys=OFF; DROP TABLE events; ALTER TABLE old_events RENAME TO events; DROP TABLE "
      "stories;";
  ASSERT_EQ(sqlite3_exec(raw, downgrade, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
  sqlite3_close(raw);
  auto ing = Ingestor::Open(db);
  ASSERT_TRUE(ing.ok()) << ing.status().ToString();
  auto e = (*ing)->Add(Parse("quake-b", kQuakeOther));
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(*e, first);
  ASSERT_TRUE((*ing)->Flush().ok());
  auto events = (*ing)->store().Events();
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  for (const auto& ev : *events) EXPECT_EQ(ev.story, ev.id);
}

TEST(Ingestor, AFailedBatchStopsTheBatchesAfterIt) {
  std::string db = TempDb("crosscheck_write_error_test.db");
  IngestOptions o;
  o.batch = 1;
  auto ing = Ingestor::Open(db, o);
  ASSERT_TRUE(ing.ok());
  ASSERT_TRUE((*ing)->Add(Parse("quake-a", kQuake)).ok());
  ASSERT_TRUE((*ing)->Flush().ok());
  // Another connection takes the rowid the next article is given, so that
  // article's batch fails.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  sqlite3_busy_timeout(raw, 5000);
  ASSERT_EQ(
      sqlite3_exec(raw, "INSERT INTO articles(rowid, id, content_hash, text) VALUES(2, 'other', 'x', 'x')",
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  (void)(*ing)->Add(Parse("vote", kElection));
  (void)(*ing)->Add(Parse("shares",
                          "Shares in Talvik Shipping fell 12 percent on Wednesday after the company cut its "
                          "forecast for the year.\n"));
  EXPECT_FALSE((*ing)->Flush().ok());
  EXPECT_FALSE((*ing)->Add(Parse("later", kQuakeOther)).ok());
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw, "SELECT count(*) FROM articles WHERE id IN ('vote', 'shares', 'later')",
                               -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 0) << "nothing after the failed batch is written";
  sqlite3_finalize(st);
  sqlite3_close(raw);
}

void MovesLeaveCountsRight(size_t batch);

TEST(Ingestor, MovedArticlesLeaveCountsRight) {
  // Two events of one kind in one story, arriving interleaved: regrouping
  // moves articles, and every event's count must match its articles.
  // Also in batches of three, so that moves reach articles of batches still
  // being written.
  for (size_t batch : {size_t{1000}, size_t{3}}) {
    SCOPED_TRACE(batch);
    MovesLeaveCountsRight(batch);
  }
}

void MovesLeaveCountsRight(size_t batch) {
  std::string db = TempDb("crosscheck_moves_test.db");
  IngestOptions o;
  o.batch = batch;
  auto ing = Ingestor::Open(db, o);
  ASSERT_TRUE(ing.ok());
  // Each report tells three of five things about its event, so no two are
  // copies of each other.
  const std::vector<std::string> a_lines = {
      "A magnitude 6.1 earthquake struck the town of Verano in Castile, the Red Cross said.",
      "Mayor Lucia Ferran said the old quarter of Verano lost its bell tower.",
      "Rescuers from Valdemar searched collapsed houses in Verano through the night.",
      "Castile declared three days of mourning for the victims in Verano.",
      "Schools in Verano and nearby Castile villages stayed closed."};
  const std::vector<std::string> b_lines = {
      "A magnitude 6.1 earthquake struck the port of Kessa in Ostmark, the Red Cross said.",
      "Governor Piet Lorne said the harbour cranes of Kessa were damaged.",
      "Divers from Brannholm checked the flooded piers of Kessa at dawn.",
      "Ostmark sent army engineers to repair the Kessa rail bridge.",
      "Ferries between Kessa and the Ostmark islands were cancelled."};
  auto report = [](const std::vector<std::string>& lines, int i) {
    return lines[i % 5] + " " + lines[(i + 1) % 5] + " " + lines[(i + 3) % 5] + "\n";
  };
  for (int i = 0; i < 5; ++i) {
    std::string n = std::to_string(i);
    ASSERT_TRUE((*ing)->Add(Parse("a" + n, report(a_lines, i))).ok());
    ASSERT_TRUE((*ing)->Add(Parse("b" + n, report(b_lines, i))).ok());
  }
  ASSERT_TRUE((*ing)->Flush().ok());
  EXPECT_GT((*ing)->stats().moves, 0u);
  auto assigned = (*ing)->store().ArticleEvents();
  ASSERT_TRUE(assigned.ok());
  std::map<std::string, int64_t> event_of(assigned->begin(), assigned->end());
  for (int i = 1; i < 5; ++i) {
    EXPECT_EQ(event_of["a" + std::to_string(i)], event_of["a0"]) << i;
    EXPECT_EQ(event_of["b" + std::to_string(i)], event_of["b0"]) << i;
  }
  EXPECT_NE(event_of["a0"], event_of["b0"]);
  auto events = (*ing)->store().Events();
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  for (const auto& ev : *events) {
    auto arts = (*ing)->store().ArticlesOfEvent(ev.id);
    ASSERT_TRUE(arts.ok());
    EXPECT_EQ(static_cast<size_t>(ev.articles), arts->size());
  }
}

TEST(Ingestor, FindsDuplicatesOfBatchesStillBeingWritten) {
  std::string db = TempDb("crosscheck_pending_test.db");
  IngestOptions o;
  o.batch = 1;  // each article is handed to the writer at once
  auto ing = Ingestor::Open(db, o);
  ASSERT_TRUE(ing.ok());
  auto first = (*ing)->Add(Parse("quake-a", kQuake));
  auto same_id = (*ing)->Add(Parse("quake-a", kQuakeOther));
  auto same_text = (*ing)->Add(Parse("quake-a-2", kQuake));
  ASSERT_TRUE(first.ok() && same_id.ok() && same_text.ok());
  EXPECT_EQ(*same_id, *first);
  EXPECT_EQ(*same_text, *first);
  ASSERT_TRUE((*ing)->Flush().ok());
  EXPECT_EQ((*ing)->stats().added, 1u);
  EXPECT_EQ((*ing)->stats().duplicates, 2u);
  auto assigned = (*ing)->store().ArticleEvents();
  ASSERT_TRUE(assigned.ok());
  EXPECT_EQ(assigned->size(), 1u);
}

}  // namespace
}  // namespace crosscheck::pipeline
