// Date expressions, found over tokens and left unresolved here: absolute
// dates ("December 28-29", "28 December 2025", "February 2022", "in 2014"),
// weekdays with an optional part of day ("Sunday night"), and relative
// expressions ("yesterday", "overnight", "a day earlier", "the previous day",
// "a day after"). Resolution against the story's own dates happens in the
// cross-check stage, which sees every article of the event.
#include <cstdlib>
#include <string>

#include "crosscheck/extract/document.h"

namespace crosscheck::extract {
namespace {

// "28", "28-29" -> day and end day; false if not a day number.
bool ParseDays(const std::string& norm, int& day, int& end_day) {
  char* rest = nullptr;
  long d = std::strtol(norm.c_str(), &rest, 10);
  if (rest == norm.c_str() || d < 1 || d > 31) return false;
  day = static_cast<int>(d);
  end_day = 0;
  std::string tail(rest);
  if (tail.empty()) return true;
  if (tail.size() >= 2 && (tail[0] == '-')) {
    long e = std::strtol(tail.c_str() + 1, &rest, 10);
    if (*rest == '\0' && e > d && e <= 31) {
      end_day = static_cast<int>(e);
      return true;
    }
  }
  if (tail == "st" || tail == "nd" || tail == "rd" || tail == "th") return true;
  return false;
}

bool ParseYear(const std::string& norm, int& year) {
  if (norm.size() != 4) return false;
  for (char c : norm)
    if (c < '0' || c > '9') return false;
  year = std::atoi(norm.c_str());
  return year >= 1800 && year <= 2200;
}

int NumberWord(const std::string& w) {
  static const char* kWords[] = {"zero", "one", "two", "three", "four", "five", "six", "seven"};
  for (int i = 0; i < 8; ++i)
    if (w == kWords[i]) return i;
  if (w == "a" || w == "an") return 1;
  return -1;
}

}  // namespace

void FindDates(Document& doc) {
  doc.dates.clear();
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& t = doc.tokens[s];
    const size_t n = t.size();
    auto norm = [&](size_t i) -> const std::string& {
      static const std::string kEmpty;
      return i < n ? t[i].norm : kEmpty;
    };
    for (size_t i = 0; i < n; ++i) {
      DateMention d;
      d.sentence = s;
      size_t start = i, end = i;  // first and last token used
      int month = lexicon::MonthOf(norm(i));
      bool month_ok = month && (t[i].cap || norm(i).size() > 3) && !(norm(i) == "may" && !t[i].cap) &&
                      !(norm(i) == "march" && !t[i].cap);
      int day = 0, end_day = 0, year = 0;
      if (month_ok && ParseDays(norm(i + 1), day, end_day)) {  // December 28(-29)(, 2025)
        end = i + 1;
        if (ParseYear(norm(i + 2), year)) end = i + 2;
        d.month = month;
        d.day = day;
        d.end_day = end_day;
        d.year = year;
      } else if (month_ok && ParseYear(norm(i + 1), year)) {  // February 2022
        end = i + 1;
        d.month = month;
        d.year = year;
      } else if (month_ok && i > 0 && ParseDays(norm(i - 1), day, end_day) &&
                 t[i - 1].kind == text::TokenKind::kNumber) {  // 28(-29) December (2025)
        if (ParseYear(norm(i + 1), year)) end = i + 1;
        d.month = month;
        d.day = day;
        d.end_day = end_day;
        d.year = year;
        start = i - 1;
      } else if (month_ok && t[i].cap && i > 0 &&
                 (norm(i - 1) == "in" || norm(i - 1) == "since" || norm(i - 1) == "until" ||
                  norm(i - 1) == "last" || norm(i - 1) == "early" || norm(i - 1) == "late" ||
                  norm(i - 1) == "mid" || norm(i - 1) == "during" || norm(i - 1) == "this" ||
                  norm(i - 1) == "next")) {  // "in September": month, year from context
        d.month = month;
      } else if (t[i].kind == text::TokenKind::kNumber && ParseYear(norm(i), year) && i > 0 &&
                 (norm(i - 1) == "in" || norm(i - 1) == "since" || norm(i - 1) == "of" ||
                  norm(i - 1) == "by" || norm(i - 1) == "from" || norm(i - 1) == "until")) {
        d.year = year;
      } else if (int wd = lexicon::WeekdayOf(norm(i)); wd >= 0) {
        d.kind = DateMention::kWeekday;
        d.weekday = wd;
        const std::string& next = norm(i + 1);
        if (next == "night" || next == "evening") {
          d.night = next == "night";
          end = i + 1;
        } else if (next == "morning" || next == "afternoon")
          end = i + 1;
      } else if (norm(i) == "today" || norm(i) == "tonight") {
        d.kind = DateMention::kRelative;
      } else if (norm(i) == "yesterday") {
        d.kind = DateMention::kRelative;
        d.offset_days = -1;
      } else if (norm(i) == "tomorrow") {
        d.kind = DateMention::kRelative;
        d.offset_days = 1;
      } else if (norm(i) == "overnight" || (norm(i) == "last" && norm(i + 1) == "night")) {
        d.kind = DateMention::kRelative;
        d.night = true;
        if (norm(i) == "last") end = i + 1;
      } else if ((norm(i) == "previous" || norm(i) == "prior") && norm(i + 1) == "day") {
        d.kind = DateMention::kRelative;
        d.offset_days = -1;
        end = i + 1;
      } else if ((norm(i) == "next" || norm(i) == "following") && norm(i + 1) == "day") {
        d.kind = DateMention::kRelative;
        d.offset_days = 1;
        end = i + 1;
      } else if ((norm(i + 1) == "day" || norm(i + 1) == "days") && NumberWord(norm(i)) > 0 &&
                 (norm(i + 2) == "earlier" || norm(i + 2) == "before" || norm(i + 2) == "ago" ||
                  norm(i + 2) == "later" || norm(i + 2) == "after")) {
        d.kind = DateMention::kRelative;
        int k = NumberWord(norm(i));
        // "a day later" moves forward; "earlier", "ago", "before" and "a day
        // after <something>" point back to the day before the story's day.
        d.offset_days = norm(i + 2) == "later" ? k : -k;
        end = i + 2;
      } else {
        continue;
      }
      d.span = {t[start].span.begin, t[end].span.end};
      doc.dates.push_back(d);
      i = end;
    }
  }
}

}  // namespace crosscheck::extract
