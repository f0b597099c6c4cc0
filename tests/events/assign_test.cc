// Assignment alone: no store, only the clusterer state.
#include "crosscheck/events/assign.h"

#include <gtest/gtest.h>

#include "crosscheck/index/signatures.h"

namespace crosscheck::events {
namespace {

const char* kFireA =
    "Firefighters battled a blaze at the Norvik paper mill in Ellerby overnight, and 300 residents were "
    "evacuated, the fire service said. Chief Ada Brennan said the mill's roof had collapsed.";
const char* kFireB =
    "A fire destroyed part of the Norvik paper mill in Ellerby; Chief Ada Brennan said 300 people left "
    "their homes as crews fought the flames through the night.";
const char* kVote =
    "Voters in the coastal province of Tarrow chose a new governor on Sunday, electing Imre Vass with 54 "
    "percent after a campaign dominated by ferry fares and housing.";

index::RawTerms Terms(const char* text) { return index::Analyze("", text).terms; }

TEST(Assigner, SameEventTogetherOtherApart) {
  Assigner a;
  a.SetNextIds(10, 100);
  Assignment first = a.Assign(1, a.Weigh(Terms(kFireA)));
  EXPECT_TRUE(first.new_story);
  EXPECT_TRUE(first.NewEvent());
  EXPECT_EQ(first.story, 10);
  EXPECT_EQ(first.event, 100);
  EXPECT_EQ(first.opened_events, std::vector<int64_t>{100});
  // The second report of the fire: while document frequencies are young,
  // its strongest terms are its own words; the story is still found.
  Assignment second = a.Assign(2, a.Weigh(Terms(kFireB)));
  EXPECT_FALSE(second.new_story);
  EXPECT_EQ(second.story, first.story);
  EXPECT_EQ(second.event, first.event);
  Assignment vote = a.Assign(3, a.Weigh(Terms(kVote)));
  EXPECT_TRUE(vote.new_story);
  EXPECT_NE(vote.event, first.event);
  EXPECT_EQ(a.seq(), 3);
}

TEST(Assigner, ACopyStartsFromItsOriginal) {
  Assigner a;
  Assignment fire = a.Assign(1, a.Weigh(Terms(kFireA)));
  Assignment vote = a.Assign(2, a.Weigh(Terms(kVote)));
  // A copy joins its original's story and event.
  Assignment copy = a.Assign(3, a.Weigh(Terms(kFireA)), Placed{fire.event, fire.story});
  EXPECT_FALSE(copy.new_story);
  EXPECT_EQ(copy.story, fire.story);
  EXPECT_EQ(copy.event, fire.event);
  // The story comes from the original, whatever the words say (the event
  // inside it may still be regrouped).
  Assignment odd = a.Assign(4, a.Weigh(Terms(kFireB)), Placed{vote.event, vote.story});
  EXPECT_EQ(odd.story, vote.story);
}

TEST(Assigner, ChangedCentroidsAreHandedOutOnce) {
  Assigner a;
  a.Assign(1, a.Weigh(Terms(kFireA)));
  a.Assign(2, a.Weigh(Terms(kVote)));
  auto changed = a.TakeChangedCentroids();
  ASSERT_EQ(changed.size(), 2u);
  EXPECT_FALSE(changed[0].centroid.terms.empty());
  EXPECT_TRUE(a.TakeChangedCentroids().empty());
}

TEST(Assigner, RestoredStateGroupsLikeTheLiveOne) {
  Assigner live;
  Assignment first = live.Assign(1, live.Weigh(Terms(kFireA)));
  auto centroids = live.TakeChangedCentroids();
  Assigner restored;
  restored.SetNextIds(first.story + 1, first.event + 1);
  restored.RestoreArticle(1, live.Weigh(Terms(kFireA)).story, {first.event, first.story});
  for (const auto& c : centroids) restored.RestoreStory(c.story, c.centroid, c.seq);
  Assignment second = restored.Assign(2, restored.Weigh(Terms(kFireB)));
  EXPECT_EQ(second.story, first.story);
  EXPECT_EQ(second.event, first.event);
}

}  // namespace
}  // namespace crosscheck::events

namespace crosscheck::events {
namespace {

TEST(TimeFactor, IsSoftAndTolerant) {
  EXPECT_EQ(TimeFactor(0, 365, 30), 1.0);
  EXPECT_EQ(TimeFactor(30, 365, 30), 1.0);  // within the tolerance
  EXPECT_NEAR(TimeFactor(30 + 365, 365, 30), 0.5, 1e-12);
  EXPECT_GT(TimeFactor(100, 365, 30), TimeFactor(1000, 365, 30));
  EXPECT_EQ(TimeFactor(5000, 0, 0), 1.0);  // time off
  EXPECT_EQ(DayOf("1970-01-02T10:00:00Z"), 1);
  EXPECT_EQ(DayOf(""), kNoDay);
}

TEST(Assigner, TheSameKindOfNewsYearsApartIsAnotherStory) {
  AssignOptions with_time, without_time;
  with_time.cluster.time_scale_days = 30;
  with_time.cluster.time_tolerance_days = 7;
  without_time.cluster.time_scale_days = 0;
  for (bool timed : {false, true}) {
    Assigner a(timed ? with_time : without_time);
    auto fire = a.Assign(1, a.Weigh(Terms(kFireA)), std::nullopt, DayOf("2019-03-02"));
    a.Assign(2, a.Weigh(Terms(kVote)), std::nullopt, DayOf("2019-03-02"));
    // A report of the same words years later, and one with no date.
    auto later = a.Assign(3, a.Weigh(Terms(kFireB)), std::nullopt, DayOf("2024-06-10"));
    auto undated = a.Assign(4, a.Weigh(Terms(kFireB)));
    if (timed) {
      EXPECT_NE(later.story, fire.story) << "five years apart";
      EXPECT_TRUE(undated.story == fire.story || undated.story == later.story) << "no date: no penalty";
    } else {
      EXPECT_EQ(later.story, fire.story) << "without time the words decide";
    }
    // A late copy of the old report still joins it, whatever its date.
    auto copy = a.Assign(5, a.Weigh(Terms(kFireA)), Placed{fire.event, fire.story}, DayOf("2024-06-11"));
    EXPECT_EQ(copy.story, fire.story);
  }
}

}  // namespace
}  // namespace crosscheck::events
