// Calendar arithmetic on std::chrono's civil calendar (proleptic Gregorian).
#include "crosscheck/text/calendar.h"

#include <chrono>
#include <cstdio>
#include <unordered_map>

namespace crosscheck::text {
namespace {
namespace ch = std::chrono;
ch::year_month_day Ymd(const Date& d) {
  return ch::year_month_day{ch::year{d.year}, ch::month{static_cast<unsigned>(d.month)},
                            ch::day{static_cast<unsigned>(d.day)}};
}
}  // namespace

long DaysFromCivil(const Date& d) { return ch::sys_days{Ymd(d)}.time_since_epoch().count(); }

Date CivilFromDays(long days) {
  ch::year_month_day ymd{ch::sys_days{ch::days{days}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date AddDays(const Date& d, long n) { return CivilFromDays(DaysFromCivil(d) + n); }

int Weekday(const Date& d) {
  // iso_encoding: Monday 1 ... Sunday 7.
  return static_cast<int>(ch::weekday{ch::sys_days{Ymd(d)}}.iso_encoding()) - 1;
}

int DaysInMonth(int year, int month) {
  if (month < 1 || month > 12) return 30;
  ch::year_month_day_last last{ch::year{year} / ch::month{static_cast<unsigned>(month)} / ch::last};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

std::string ToIso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

bool ParseIsoDate(std::string_view s, Date& out) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  Date d{(s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'),
         (s[5] - '0') * 10 + (s[6] - '0'), (s[8] - '0') * 10 + (s[9] - '0')};
  if (!Ymd(d).ok()) return false;
  out = d;
  return true;
}

int MonthOfName(std::string_view w) {
  static const std::unordered_map<std::string_view, int> m = {
      {"january", 1},  {"jan", 1},    {"february", 2},  {"feb", 2},       {"march", 3},     {"mar", 3},
      {"april", 4},    {"apr", 4},    {"may", 5},       {"june", 6},      {"jun", 6},       {"july", 7},
      {"jul", 7},      {"august", 8}, {"aug", 8},       {"september", 9}, {"sep", 9},       {"sept", 9},
      {"october", 10}, {"oct", 10},   {"november", 11}, {"nov", 11},      {"december", 12}, {"dec", 12}};
  auto it = m.find(w);
  return it == m.end() ? 0 : it->second;
}

}  // namespace crosscheck::text
