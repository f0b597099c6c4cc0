// Publication dates and times as feeds and pages write them, to one form.
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace crosscheck::text {

// A date-time in RFC 822/1123 ("Mon, 29 Dec 2025 10:00:00 GMT", "29 Dec 2025
// 10:00 -0700", zone names UT, GMT, UTC, Z, EST/EDT, CST/CDT, MST/MDT,
// PST/PDT) or ISO 8601 ("2025-12-29T10:00:00-07:00", "...Z", "...+0530",
// fractions of a second allowed) as ISO 8601 in UTC: "2025-12-29T17:00:00Z",
// so that one instant is one day for every outlet. Without a zone the time
// is taken as UTC; a date alone stays a date ("2025-12-29"). Empty when the
// text is not such a date (or names an impossible one).
std::string NormalizeDateTime(std::string_view text);

}  // namespace crosscheck::text
