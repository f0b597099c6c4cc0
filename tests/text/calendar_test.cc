#include "crosscheck/text/calendar.h"

#include <gtest/gtest.h>

namespace crosscheck::text {
namespace {

TEST(Calendar, WeekdaysAndArithmetic) {
  EXPECT_EQ(Weekday({2025, 12, 29}), 0);  // a Monday
  EXPECT_EQ(Weekday({2000, 1, 1}), 5);    // a Saturday
  EXPECT_EQ(AddDays({2025, 12, 31}, 1), (Date{2026, 1, 1}));
  EXPECT_EQ(AddDays({2024, 3, 1}, -1), (Date{2024, 2, 29}));
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
}

TEST(Calendar, IsoRoundTrip) {
  Date d;
  ASSERT_TRUE(ParseIsoDate("2025-12-29T08:00:00Z", d));
  EXPECT_EQ(ToIso(d), "2025-12-29");
  EXPECT_FALSE(ParseIsoDate("2025-02-30", d));
  EXPECT_FALSE(ParseIsoDate("Monday", d));
}

}  // namespace
}  // namespace crosscheck::text
