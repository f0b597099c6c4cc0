// A stored event's report is the report of the same files.
#include "crosscheck/pipeline/stored.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "crosscheck/analysis/report.h"
#include "crosscheck/ingest/inputs.h"
#include "crosscheck/pipeline/ingestor.h"
#include "crosscheck/report/render.h"
#include "test_util.h"

namespace crosscheck::pipeline {
namespace {

namespace fs = std::filesystem;

std::string Demo() { return std::string(CROSSCHECK_SOURCE_DIR) + "/examples/port-aldous"; }

using crosscheck::testing::TempDb;

TEST(StoredEvent, ReportEqualsTheReportOfTheFiles) {
  std::string db = TempDb("crosscheck_stored_test.db");
  {
    auto ing = Ingestor::Open(db);
    ASSERT_TRUE(ing.ok()) << ing.status().ToString();
    auto files = ingest::ExpandInputs({Demo()});
    ASSERT_TRUE(files.ok());
    std::vector<std::string> problems;
    ASSERT_TRUE(
        IngestFiles(**ing, *files, [&](const ingest::InputProblem& p) { problems.push_back(p.where); }).ok());
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ((*ing)->stats().added, 4u);
  }
  auto store = store::SqliteStore::Open(db);
  ASSERT_TRUE(store.ok());
  auto events = ListEvents(**store);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u) << "the four reports of one fire are one event";
  const EventListing& e = events->front();
  EXPECT_EQ(e.articles.size(), 4u);
  auto stored = ArticlesOfEvent(**store, e.event.id);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  auto files = ingest::ReadArticles({Demo()});
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(stored->size(), files->size());
  for (size_t i = 0; i < files->size(); ++i) {
    EXPECT_EQ((*stored)[i].paragraphs, (*files)[i].paragraphs) << (*files)[i].id;
    EXPECT_EQ((*stored)[i].removed.size(), (*files)[i].removed.size()) << (*files)[i].id;
  }
  auto from_store = analysis::BuildReport(*stored);
  auto from_files = analysis::BuildReport(*files);
  ASSERT_TRUE(from_store.ok() && from_files.ok());
  EXPECT_EQ(report::ToJsonText(*from_store), report::ToJsonText(*from_files));
  EXPECT_FALSE(from_store->conflicts.empty());
  bool title_of_a_member = false;
  for (const auto& a : *files) title_of_a_member |= !a.title.empty() && a.title == e.event.title;
  EXPECT_TRUE(title_of_a_member) << e.event.title;  // the location and the number disputes survive the store
  EXPECT_EQ(ArticlesOfEvent(**store, 999).status().code(), StatusCode::kNotFound);
  // Bounded: with room for two, the two members closest to the centre, in
  // ingest order, and the count of all.
  size_t members = 0;
  auto two = ArticlesOfEvent(**store, e.event.id, 2, &members);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(members, 4u);
  ASSERT_EQ(two->size(), 2u);
  auto rank = [&](const std::string& id) {
    return std::find(e.articles.begin(), e.articles.end(), id) - e.articles.begin();
  };
  EXPECT_LT(rank((*two)[0].id), rank((*two)[1].id));
  size_t all = 0;
  EXPECT_EQ(ArticlesOfEvent(**store, e.event.id, 0, &all)->size(), 4u);
  EXPECT_EQ(all, 4u);
}

// Readers beside a running ingest: every listing is one snapshot (the
// first n articles added, each in exactly one event) and reading an event's
// articles never fails but for an event that a regroup emptied meanwhile.
TEST(StoredEvent, ListingsAndReportsReadOneSnapshotWhileIngesting) {
  std::string db = TempDb("crosscheck_stored_concurrent.db");
  IngestOptions options;
  options.batch = 20;  // many commits while the reader reads
  auto ing = Ingestor::Open(db, options);
  ASSERT_TRUE(ing.ok()) << ing.status().ToString();
  // Even articles open events of their own (made-up names); odd ones are
  // near-copies of an earlier even one and join its event: so a commit both
  // opens events and adds to old ones, and a torn listing shows a gap.
  auto name = [](int n) {
    std::string w = "Zor";
    for (int k = 0; k < 4; ++k, n /= 7) w += "aeiouyk"[n % 7];
    return w;
  };
  auto story = [&](int n) {
    return "In " + name(n) + ", the " + name(n + 1000) + " council closed the " + name(n + 2000) +
           " market on day " + std::to_string(n) + ", officials of " + name(n + 3000) + " said.\n";
  };
  std::atomic<bool> done{false};
  Status writer = Status::Ok();
  std::thread ingest([&] {
    for (int i = 0; i < 1200 && writer.ok(); ++i) {
      std::string text =
          i % 2 == 0 ? story(i) : story(i / 4 * 2) + "Reporting by the desk " + std::to_string(i) + ".\n";
      auto e = (*ing)->Add(crosscheck::testing::Parse("a" + std::to_string(i), text));
      if (!e.ok()) writer = e.status();
    }
    if (writer.ok()) writer = (*ing)->Flush();
    done = true;
  });
  auto reader = store::SqliteStore::Open(db);
  ASSERT_TRUE(reader.ok());
  int listings = 0;
  std::string problem;
  while (problem.empty() && (!done || listings == 0)) {
    auto events = ListEvents(**reader);
    if (!events.ok()) {
      problem = "listing: " + events.status().ToString();
      break;
    }
    ++listings;
    // A snapshot holds the first n articles added, each in one event.
    std::set<std::string> seen;
    int last = -1;
    for (const auto& e : *events) {
      if (e.articles.empty()) problem = "event " + std::to_string(e.event.id) + " has no article";
      for (const auto& id : e.articles) {
        if (!seen.insert(id).second) problem = id + " is in two events";
        last = std::max(last, std::stoi(id.substr(1)));
      }
    }
    if (static_cast<size_t>(last + 1) != seen.size())
      problem = "the listing holds " + std::to_string(seen.size()) + " articles, the last a" +
                std::to_string(last) + ": not one snapshot";
    if (!events->empty()) {
      auto arts = ArticlesOfEvent(**reader, events->front().event.id);
      if (!arts.ok() && arts.status().code() != StatusCode::kNotFound)
        problem = "articles: " + arts.status().ToString();
    }
  }
  ingest.join();
  ASSERT_TRUE(writer.ok()) << writer.ToString();
  EXPECT_EQ(problem, "");
  EXPECT_GT(listings, 0);
}

TEST(StoredEvent, ArticlesStoredWithoutALayoutAreReadAgain) {
  store::StoredArticle s;
  s.id = "old";
  s.text = "By A. Writer\n\nThe bridge reopened on Monday after repairs, the council said.\n";
  auto a = FromStored(s);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->paragraphs.size(), 1u);
  ASSERT_EQ(a->removed.size(), 1u);
  EXPECT_EQ(a->removed[0].reason, Removal::kByline);
  s.has_layout = true;
  s.paragraphs = {{0, 400}};  // past the end of the text
  EXPECT_EQ(FromStored(s).status().code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace crosscheck::pipeline
