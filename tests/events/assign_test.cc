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
  EXPECT_TRUE(first.new_event);
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
