// Civil-calendar arithmetic on proleptic Gregorian dates. Pure; thread-safe.
#pragma once

#include <string>

namespace crosscheck::text {

struct Date {
  int year = 0, month = 0, day = 0;
  bool valid() const { return year > 0 && month >= 1 && month <= 12 && day >= 1; }
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Days since 1970-01-01 and back.
long DaysFromCivil(const Date& d);
Date CivilFromDays(long days);
Date AddDays(const Date& d, long n);
// 0 = Monday ... 6 = Sunday.
int Weekday(const Date& d);
int DaysInMonth(int year, int month);
std::string ToIso(const Date& d);  // YYYY-MM-DD
// Month number 1-12 of a folded (lower-case) month name or abbreviation
// ("september", "sept", "sep"); 0 if none.
int MonthOfName(std::string_view w);

// Parses the date part of an ISO 8601 string ("2025-12-29", "2025-12-29T10:00Z").
bool ParseIsoDate(std::string_view s, Date& out);

}  // namespace crosscheck::text
