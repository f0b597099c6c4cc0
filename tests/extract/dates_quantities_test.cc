#include <gtest/gtest.h>

#include "crosscheck/extract/document.h"
#include "test_util.h"

namespace crosscheck::extract {
namespace {

using crosscheck::testing::Parse;

TEST(Dates, AbsoluteWeekdayAndRelative) {
  std::vector<Article> arts = {
      Parse("d",
            "The strike came on 28–29 December, a day earlier than planned. It hit overnight on Monday. "
            "The war began in February 2022 and the annexation came in 2014.\n")};
  Extraction x = ExtractAll(arts);
  const auto& dates = x.documents[0].dates;
  ASSERT_EQ(dates.size(), 6u);
  EXPECT_EQ(dates[0].month, 12);
  EXPECT_EQ(dates[0].day, 28);
  EXPECT_EQ(dates[0].end_day, 29);
  EXPECT_EQ(dates[1].kind, DateMention::kRelative);
  EXPECT_EQ(dates[1].offset_days, -1);
  EXPECT_TRUE(dates[2].night);
  EXPECT_EQ(dates[3].weekday, 0);
  EXPECT_EQ(dates[4].year, 2022);
  EXPECT_EQ(dates[4].month, 2);
  EXPECT_EQ(dates[5].year, 2014);
}

TEST(Quantities, UnitsCountsFractionsAndHedges) {
  std::vector<Article> arts = {
      Parse("n",
            "They launched 91 long-range drones. The plan is about 95% complete. "
            "Troops were 15 km away and held a fifth of the country on December 3.\n")};
  Extraction x = ExtractAll(arts);
  const auto& q = x.documents[0].quantities;
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].value, 91);
  EXPECT_EQ(q[0].unit, "drone");
  EXPECT_EQ(q[1].unit, "percent");
  EXPECT_TRUE(q[1].approximate);
  EXPECT_EQ(q[2].unit, "km");
  EXPECT_DOUBLE_EQ(q[3].value, 0.2);
  EXPECT_EQ(q[3].unit, "fraction");
}

}  // namespace
}  // namespace crosscheck::extract
