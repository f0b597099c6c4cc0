#include "crosscheck/events/subevents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace crosscheck::events {
namespace {

// A vector over named terms (term ids are small integers here), normalised.
index::TermVector Vec(std::vector<uint32_t> terms) {
  std::sort(terms.begin(), terms.end());
  index::TermVector v;
  float w = 1.0f / std::sqrt(static_cast<float>(terms.size()));
  for (uint32_t t : terms) v.terms.push_back({t, w});
  return v;
}

// Story terms 1..4 are in every article; 10.. belong to event A, 20.. to
// event B; 30+i is noise of article i alone.
index::TermVector EventA(uint32_t i) { return Vec({1, 2, 3, 4, 10, 11, 12 + i % 2, 30 + i}); }
index::TermVector EventB(uint32_t i) { return Vec({1, 2, 3, 4, 20, 21, 22 + i % 2, 60 + i}); }

TEST(GroupByLocalTerms, TermsSharedByTheWholeStoryDoNotHoldItsEventsTogether) {
  std::vector<index::TermVector> vs;
  for (uint32_t i = 0; i < 6; ++i) {
    vs.push_back(EventA(i));
    vs.push_back(EventB(i));
  }
  std::vector<const index::TermVector*> ptrs;
  for (const auto& v : vs) ptrs.push_back(&v);
  auto label = GroupByLocalTerms(ptrs, {});
  ASSERT_EQ(label.size(), 12u);
  for (size_t i = 0; i < 12; ++i) EXPECT_EQ(label[i], label[i % 2]) << i;
  EXPECT_NE(label[0], label[1]);
}

TEST(GroupByLocalTerms, OneEventStaysOneGroup) {
  std::vector<index::TermVector> vs;
  for (uint32_t i = 0; i < 8; ++i) vs.push_back(EventA(i));
  std::vector<const index::TermVector*> ptrs;
  for (const auto& v : vs) ptrs.push_back(&v);
  auto label = GroupByLocalTerms(ptrs, {});
  for (int l : label) EXPECT_EQ(l, 0);
  EXPECT_TRUE(GroupByLocalTerms({}, {}).empty());
}

TEST(GroupByLocalTerms, ArticlesAYearApartAreTwoEventsUnlessOneRecallsTheOthersMonth) {
  std::vector<index::TermVector> vs;
  std::vector<When> when;
  const int32_t day = DayOf("2018-01-22");
  for (uint32_t i = 0; i < 8; ++i) {
    vs.push_back(EventA(i));
    when.push_back({day + (i < 4 ? 0 : 362) + static_cast<int32_t>(i % 2), {}});
  }
  std::vector<const index::TermVector*> ptrs;
  std::vector<const When*> times;
  for (size_t i = 0; i < vs.size(); ++i) {
    ptrs.push_back(&vs[i]);
    times.push_back(&when[i]);
  }
  auto one = GroupByLocalTerms(ptrs, {});
  EXPECT_EQ(*std::max_element(one.begin(), one.end()), 0);
  auto two = GroupByLocalTerms(ptrs, {}, times);
  for (size_t i = 0; i < 8; ++i) EXPECT_EQ(two[i], i < 4 ? 0 : 1) << i;
  // A follow-up that names January 2018 sits beside the articles of then.
  for (size_t i = 4; i < 8; ++i) when[i].months = {2018 * 12 + 0};
  auto recalled = GroupByLocalTerms(ptrs, {}, times);
  EXPECT_EQ(*std::max_element(recalled.begin(), recalled.end()), 0);
  // A season apart is still one event.
  for (size_t i = 4; i < 8; ++i) when[i] = {day + 80, {}};
  auto season = GroupByLocalTerms(ptrs, {}, times);
  EXPECT_EQ(*std::max_element(season.begin(), season.end()), 0);
}

TEST(DaysApart, DatesOrAStatedMonthWhicheverIsNearer) {
  const When jan{DayOf("2018-01-22"), {}};
  When next_year{DayOf("2019-01-19"), {}};
  EXPECT_EQ(DaysApart(jan, next_year), 362);
  next_year.months = {2018 * 12 + 0};  // "January 2018"
  EXPECT_EQ(DaysApart(jan, next_year), 0);
  EXPECT_EQ(DaysApart(next_year, jan), 0);
  next_year.months = {2017 * 12 + 11};  // "December 2017": 22 days before
  EXPECT_EQ(DaysApart(jan, next_year), 22);
  EXPECT_EQ(DaysApart(jan, When{}), -1);
}

TEST(SubEvents, EarlyMixUpsAreMovedOnceTheStoryShowsTwoEvents) {
  SubEvents sub;
  int64_t next_event = 100;
  std::map<int64_t, int64_t> event_of;  // article -> event, following moves
  size_t moves = 0;
  auto add = [&](int64_t article, const index::TermVector& v) {
    auto p = sub.Place(7, v, [&]() -> StatusOr<int64_t> { return ++next_event; });
    ASSERT_TRUE(p.ok());
    for (const auto& m : p->moves) {
      EXPECT_EQ(event_of[m.article], m.from);
      event_of[m.article] = m.to;
      ++moves;
    }
    event_of[article] = p->event;
    sub.Remember(7, article, p->event, v);
  };
  for (uint32_t i = 0; i < 10; ++i) {
    add(2 * i + 1, EventA(i));
    add(2 * i + 2, EventB(i));
  }
  // With two articles only, every shared term is shared by all: they start
  // as one event and are told apart as the story grows.
  for (int64_t a = 3; a <= 20; ++a) EXPECT_EQ(event_of[a], event_of[a % 2 ? 1 : 2]) << a;
  EXPECT_NE(event_of[1], event_of[2]);
  EXPECT_GT(moves, 0u);
  EXPECT_EQ(sub.stories(), 1u);
}

TEST(SubEvents, MembersAndStoriesStayBounded) {
  SubEventOptions o;
  o.members = 4;
  o.stories = 3;
  SubEvents sub(o);
  for (int64_t story = 1; story <= 10; ++story)
    for (int64_t a = 0; a < 6; ++a)
      sub.Remember(story, story * 100 + a, story, EventA(static_cast<uint32_t>(a)));
  EXPECT_EQ(sub.stories(), 3u);
  // A forgotten story's next article opens a new event.
  auto p = sub.Place(1, EventA(0), []() -> StatusOr<int64_t> { return 999; });
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->event, 999);
}

}  // namespace
}  // namespace crosscheck::events
