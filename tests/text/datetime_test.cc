#include "crosscheck/text/datetime.h"

#include <gtest/gtest.h>

namespace crosscheck::text {
namespace {

TEST(NormalizeDateTime, Rfc822WithZonesGoesToUtc) {
  EXPECT_EQ(NormalizeDateTime("Mon, 29 Dec 2025 10:00:00 GMT"), "2025-12-29T10:00:00Z");
  EXPECT_EQ(NormalizeDateTime("Mon, 29 Dec 2025 23:30:00 -0700"), "2025-12-30T06:30:00Z");
  EXPECT_EQ(NormalizeDateTime("Tue, 30 Dec 2025 01:00:00 +0900"), "2025-12-29T16:00:00Z");
  EXPECT_EQ(NormalizeDateTime("29 Dec 2025 10:00 EST"), "2025-12-29T15:00:00Z");
  EXPECT_EQ(NormalizeDateTime("  29 Dec 2025 10:00:00  "), "2025-12-29T10:00:00Z");
}

TEST(NormalizeDateTime, Iso8601WithAndWithoutOffsets) {
  EXPECT_EQ(NormalizeDateTime("2025-12-29T10:00:00-07:00"), "2025-12-29T17:00:00Z");
  EXPECT_EQ(NormalizeDateTime("2025-12-29T10:00:00+0530"), "2025-12-29T04:30:00Z");
  EXPECT_EQ(NormalizeDateTime("2025-12-29T10:00:00Z"), "2025-12-29T10:00:00Z");
  EXPECT_EQ(NormalizeDateTime("2025-12-29T10:00:00.250Z"), "2025-12-29T10:00:00Z");
  EXPECT_EQ(NormalizeDateTime("2025-12-29T10:00:00"), "2025-12-29T10:00:00Z");
  EXPECT_EQ(NormalizeDateTime("2025-12-29"), "2025-12-29");
}

TEST(NormalizeDateTime, RefusesWhatIsNotADate) {
  EXPECT_EQ(NormalizeDateTime(""), "");
  EXPECT_EQ(NormalizeDateTime("yesterday"), "");
  EXPECT_EQ(NormalizeDateTime("2020-13-45"), "");
  EXPECT_EQ(NormalizeDateTime("2021-02-29"), "");
  EXPECT_EQ(NormalizeDateTime("2025-12-29T10:00:00 and more"), "");
}

}  // namespace
}  // namespace crosscheck::text
