// Parsing with Howard Hinnant's date library (Debian's
// libhowardhinnant-date-dev, the model of C++20's <chrono> parsing): each
// accepted layout is tried in turn on the whole text; a numeric offset
// (%z) is applied by parse itself, a zone name is looked up in a small table.
#include "crosscheck/text/datetime.h"

#include <date/date.h>

#include <array>
#include <cctype>
#include <chrono>
#include <sstream>

namespace crosscheck::text {
namespace {

using Millis = std::chrono::sys_time<std::chrono::milliseconds>;

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// Parses all of `s` with `format`; false when anything is left over.
template <typename T>
bool ParseWhole(const std::string& s, const char* format, T& out, std::chrono::minutes* offset = nullptr) {
  std::istringstream in(s);
  in.imbue(std::locale::classic());
  if (offset)
    in >> date::parse(format, out, *offset);
  else
    in >> date::parse(format, out);
  if (in.fail()) return false;
  in >> std::ws;
  return in.peek() == std::char_traits<char>::eof();
}

// Offsets of the zone names RFC 822 allows, in minutes east of UTC.
bool ZoneOffset(std::string_view name, int& minutes) {
  static constexpr std::array<std::pair<std::string_view, int>, 13> kZones{{{"UT", 0},
                                                                            {"GMT", 0},
                                                                            {"UTC", 0},
                                                                            {"Z", 0},
                                                                            {"EST", -300},
                                                                            {"EDT", -240},
                                                                            {"CST", -360},
                                                                            {"CDT", -300},
                                                                            {"MST", -420},
                                                                            {"MDT", -360},
                                                                            {"PST", -480},
                                                                            {"PDT", -420},
                                                                            {"BST", 60}}};
  for (const auto& [n, m] : kZones)
    if (n == name) {
      minutes = m;
      return true;
    }
  return false;
}

std::string Iso(Millis t) {
  return date::format("%Y-%m-%dT%H:%M:%SZ", std::chrono::floor<std::chrono::seconds>(t));
}

}  // namespace

std::string NormalizeDateTime(std::string_view text) {
  std::string s = Trim(text);
  if (s.empty() || s.size() > 64) return {};
  // RFC 822: the weekday is optional and not checked.
  if (size_t comma = s.find(','); comma != std::string::npos && comma <= 10) s = Trim(s.substr(comma + 1));
  Millis t;
  std::chrono::minutes offset{0};
  for (const char* f : {"%d %b %Y %H:%M:%S %z", "%d %b %Y %H:%M %z", "%Y-%m-%dT%H:%M:%S%Ez",
                        "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%Ez", "%Y-%m-%d %H:%M:%S%Ez"})
    if (ParseWhole(s, f, t, &offset)) return Iso(t);  // parse has applied the offset: t is UTC
  // A zone name, or none, after the time.
  std::string zone;
  std::string body = s;
  if (size_t sp = s.rfind(' '); sp != std::string::npos) {
    std::string last = s.substr(sp + 1);
    int minutes = 0;
    if (ZoneOffset(last, minutes)) {
      zone = last;
      body = s.substr(0, sp);
      offset = std::chrono::minutes{minutes};
    }
  }
  if (!s.empty() && s.back() == 'Z' && s.find('T') != std::string::npos) body = s.substr(0, s.size() - 1);
  for (const char* f :
       {"%d %b %Y %H:%M:%S", "%d %b %Y %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"})
    if (ParseWhole(body, f, t)) return Iso(t - offset);
  date::year_month_day day;
  for (const char* f : {"%Y-%m-%d", "%d %b %Y"})
    if (ParseWhole(body, f, day) && day.ok()) return date::format("%Y-%m-%d", day);
  return {};
}

}  // namespace crosscheck::text
