#include "crosscheck/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "crosscheck/store/batch_writer.h"
#include "test_util.h"

namespace crosscheck::store {
namespace {

namespace fs = std::filesystem;

using crosscheck::testing::TempDb;

StoredArticle Sample(int64_t rowid, const std::string& id, int64_t event) {
  StoredArticle a;
  a.rowid = rowid;
  a.id = id;
  a.content_hash = "hash-" + id;
  a.text = "Byline\n\nStory text of " + id + ".\n";
  a.published = "2025-03-0" + std::to_string(rowid) + "T10:00:00Z";
  a.outlet = "Gazette";
  a.event = event;
  a.paragraphs = {{8, static_cast<uint32_t>(a.text.size() - 1)}};
  a.removed = {{"Byline", Removal::kByline, {0, 6}}};
  a.warnings = {"a repaired byte"};
  return a;
}

TEST(SqliteStore, KeepsArticlesWithTheirLayout) {
  auto s = SqliteStore::Open(TempDb("crosscheck_store_layout.db"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_TRUE((*s)->CreateStory(1).ok());
  EventRow e;
  e.id = 1;
  e.story = 1;
  e.title = "Story";
  ASSERT_TRUE((*s)->CreateEvent(e).ok());
  ASSERT_TRUE((*s)->Insert(Sample(1, "a", 1)).ok());
  ASSERT_TRUE((*s)->Insert(Sample(2, "it's \"quoted\"; DROP TABLE articles;--", 1)).ok());  // parametrised
  ASSERT_TRUE((*s)->Recount(1).ok());
  auto arts = (*s)->ArticlesOfEvent(1);
  ASSERT_TRUE(arts.ok());
  ASSERT_EQ(arts->size(), 2u);
  const StoredArticle& a = (*arts)[0];
  EXPECT_TRUE(a.has_layout);
  EXPECT_EQ(a.paragraphs, Sample(1, "a", 1).paragraphs);
  ASSERT_EQ(a.removed.size(), 1u);
  EXPECT_EQ(a.removed[0].reason, Removal::kByline);
  EXPECT_EQ(a.removed[0].span, (Span{0, 6}));
  EXPECT_EQ(a.warnings, std::vector<std::string>{"a repaired byte"});
  EXPECT_EQ((*arts)[1].id, "it's \"quoted\"; DROP TABLE articles;--");
  auto ev = (*s)->Event(1);
  ASSERT_TRUE(ev.ok() && ev->has_value());
  EXPECT_EQ((*ev)->articles, 2);
  EXPECT_EQ((*ev)->first_date, "2025-03-01");
  EXPECT_EQ((*ev)->last_date, "2025-03-02");
  auto since = (*s)->Events("2025-03-02");
  ASSERT_TRUE(since.ok());
  EXPECT_EQ(since->size(), 1u);
  EXPECT_TRUE((*s)->Events("2025-03-03")->empty());
  auto found = (*s)->Find("a", "nothing");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ(**found, 1);
  EXPECT_FALSE((*s)->Find("zz", "nothing")->has_value());
}

TEST(SqliteStore, FindsAPageOfEventsFilteredInSql) {
  auto s = SqliteStore::Open(TempDb("crosscheck_store_find.db"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_TRUE((*s)->CreateStory(1).ok());
  // Five events of one article each: event k on 2025-03-0k, by the Gazette
  // when k is odd, titled "Ferry strike k" when k is even.
  for (int k = 1; k <= 5; ++k) {
    EventRow e;
    e.id = k;
    e.story = 1;
    ASSERT_TRUE((*s)->CreateEvent(e).ok());
    StoredArticle a = Sample(k, "a" + std::to_string(k), k);
    a.outlet = k % 2 ? "Gazette" : "Courier";
    a.title = k % 2 ? "Harbour fire" : "Ferry STRIKE " + std::to_string(k);
    ASSERT_TRUE((*s)->Insert(a).ok());
    ASSERT_TRUE((*s)->Recount(k).ok());
  }
  auto ids = [](const SqliteStore::EventPage& p) {
    std::vector<int64_t> out;
    for (const auto& e : p.events) out.push_back(e.id);
    return out;
  };
  SqliteStore::EventQuery q;
  q.limit = 2;
  auto page = (*s)->FindEvents(q);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 5);
  EXPECT_EQ(ids(*page), (std::vector<int64_t>{5, 4}));  // newest activity first
  q.offset = 4;
  EXPECT_EQ(ids(*(*s)->FindEvents(q)), (std::vector<int64_t>{1}));
  q.offset = 10;
  page = (*s)->FindEvents(q);
  EXPECT_TRUE(page->events.empty());
  EXPECT_EQ(page->total, 5);  // told even past the end

  SqliteStore::EventQuery f;
  f.outlet = "Gazette";
  EXPECT_EQ(ids(*(*s)->FindEvents(f)), (std::vector<int64_t>{5, 3, 1}));
  f.since = "2025-03-02";
  f.until = "2025-03-04";
  EXPECT_EQ(ids(*(*s)->FindEvents(f)), (std::vector<int64_t>{3}));
  SqliteStore::EventQuery t;
  t.title_words = {"strike", "ferry"};  // any order, any case
  EXPECT_EQ(ids(*(*s)->FindEvents(t)), (std::vector<int64_t>{4, 2}));
  t.title_words = {"strike", "4"};
  EXPECT_EQ(ids(*(*s)->FindEvents(t)), (std::vector<int64_t>{4}));
  t.title_words = {"%", "'); DROP TABLE events;--"};  // plain text, not SQL or a pattern
  EXPECT_TRUE((*s)->FindEvents(t)->events.empty());
  t.title_words.assign(SqliteStore::kMaxTitleWords + 1, "ferry");
  EXPECT_FALSE((*s)->FindEvents(t).ok());
  EXPECT_EQ((*s)->FindEvents({})->total, 5);
}

TEST(SqliteStore, AddsTheLayoutColumnToAnOlderDatabase) {
  std::string path = TempDb("crosscheck_store_old.db");
  {
    auto s = SqliteStore::Open(path);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->Insert(Sample(1, "a", 0)).ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "ALTER TABLE articles DROP COLUMN layout", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto s = SqliteStore::Open(path);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  auto arts = (*s)->RecentArticles(10);
  ASSERT_TRUE(arts.ok());
  ASSERT_EQ(arts->size(), 1u);
  EXPECT_TRUE((*s)->Insert(Sample(2, "b", 0)).ok());
}

TEST(SqliteStore, RefusesAFileThatIsNoDatabase) {
  std::string path = TempDb("crosscheck_store_junk.db");
  {
    std::ofstream(path)
        << "this is not a database, only some text that is long enough to be read as a header";
  }
  auto s = SqliteStore::Open(path);
  EXPECT_FALSE(s.ok());
}

TEST(BatchWriter, WritesInOrderInlineOrOnItsThread) {
  for (bool background : {false, true}) {
    std::string path = TempDb(background ? "crosscheck_writer_bg.db" : "crosscheck_writer_inline.db");
    auto s = SqliteStore::Open(path);
    ASSERT_TRUE(s.ok());
    {
      BatchWriter w(**s, background, 2);
      for (int b = 0; b < 5; ++b) {
        Batch batch;
        batch.articles.push_back(Sample(b + 1, "art" + std::to_string(b), 0));
        ASSERT_TRUE(w.Submit(std::move(batch)).ok());
      }
      std::vector<Batch> done;
      ASSERT_TRUE(w.Collect(true, done).ok());
      EXPECT_EQ(done.size(), 5u);
    }
    auto all = (*s)->ArticleEvents();
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), 5u) << (background ? "background" : "inline");
  }
}

TEST(BatchWriter, AFailedBatchRollsBackAndDropsTheRest) {
  auto s = SqliteStore::Open(TempDb("crosscheck_writer_fail.db"));
  ASSERT_TRUE(s.ok());
  BatchWriter w(**s, true, 4);
  Batch good, bad, later;
  good.articles.push_back(Sample(1, "a", 0));
  bad.articles.push_back(Sample(2, "b", 0));
  bad.articles.push_back(Sample(2, "c", 0));  // the same rowid twice: the insert fails
  later.articles.push_back(Sample(4, "d", 0));
  EXPECT_TRUE(w.Submit(std::move(good)).ok());
  (void)w.Submit(std::move(bad));
  (void)w.Submit(std::move(later));
  std::vector<Batch> done;
  EXPECT_FALSE(w.Collect(true, done).ok());
  EXPECT_FALSE(w.status().ok());
  auto all = (*s)->ArticleEvents();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);  // only the first batch: "b" rolled back, "d" never written
  EXPECT_EQ((*all)[0].first, "a");
}

}  // namespace
}  // namespace crosscheck::store
