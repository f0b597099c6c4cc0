// Timeline. Dates are resolved from what the articles themselves say:
//  1. A reference year: the latest year stated with a month anywhere in the
//     event (story text, removed captions, publication dates), else any
//     year; without publication dates, the anchor's year (below).
//  2. An anchor day: the most common publication date. Without one, a
//     stamp that dates a copy (a print line, an embedded post's date), or a
//     date written beside the weekday most articles name ("Tuesday,
//     December 9": the weekday gives a missing year); else the calendar day
//     (the end of a range such as "28-29 December") most widely stated as
//     the day something happened (not "until", "by", "since" or "set for"
//     it), if two articles state it (the only one of a one-article event).
//     News writes the story's own day as a weekday: a date one outlet gives
//     is as often a deadline or the background as the story's day.
//  3. Weekdays resolve to the nearest such day around the anchor (or the
//     latest such day up to the article's publication date, if known); each
//     article's "story day" is its most often resolved weekday, else the
//     anchor, and "yesterday", "a day earlier" or "overnight" count from it.
// Each dated sentence (or, when a sentence names several far-apart dates,
// the clause around each date) becomes an entry; entries of the same dates
// that state the same fact are merged. Entries well before the anchor are
// marked as background. Dates inside removed captions never appear.
#include "timeline.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "context.h"
#include "crosscheck/text/calendar.h"

namespace crosscheck::analysis::internal {
namespace {

using text::Date;

constexpr std::string_view kByPublication = "publication dates";  // Report::dated_by

}  // namespace

int LatestYear(const Context& c) {
  int with_month = 0, any = 0;
  static const re2::RE2 kYear("\\b(19[5-9][0-9]|20[0-9][0-9])\\b");
  for (const auto& doc : c.x.documents) {
    for (const auto& d : doc.dates) {
      if (!d.year) continue;
      any = std::max(any, d.year);
      if (d.month) with_month = std::max(with_month, d.year);
    }
    Date p;
    if (text::ParseIsoDate(doc.article->published, p)) with_month = std::max(with_month, p.year);
    for (const auto& b : doc.article->removed) {
      re2::StringPiece rest(b.text);
      int year = 0;
      while (re2::RE2::FindAndConsume(&rest, kYear, &year)) with_month = std::max(with_month, year);
    }
  }
  return with_month ? with_month : any;
}

namespace {

Date NearestWeekday(const Date& around, int weekday) {
  for (int k = 0; k <= 3; ++k) {
    Date a = text::AddDays(around, -k), b = text::AddDays(around, k);
    if (text::Weekday(a) == weekday) return a;
    if (text::Weekday(b) == weekday) return b;
  }
  return around;
}

Date LatestWeekdayUpTo(const Date& limit, int weekday) {
  for (int k = 0; k < 7; ++k) {
    Date a = text::AddDays(limit, -k);
    if (text::Weekday(a) == weekday) return a;
  }
  return limit;
}

// The clause around `span` in sentence `s`: between commas, widened to the
// previous clause when it opens with a relative pronoun ("Russia, which ...").
Span ClauseAround(const extract::Document& doc, int s, Span span) {
  Span sent = doc.sentences[s].span;
  std::string_view t = doc.text();
  uint32_t b = span.begin, e = span.end;
  while (b > sent.begin && t[b - 1] != ',') --b;
  while (e < sent.end && t[e] != ',') ++e;
  auto starts_relative = [&](uint32_t at) {
    while (at < e && t[at] == ' ') ++at;
    std::string_view rest = t.substr(at, e - at);
    return rest.starts_with("which ") || rest.starts_with("who ") || rest.starts_with("where ") ||
           rest.starts_with("when ");
  };
  if (b > sent.begin && starts_relative(b)) {
    uint32_t pb = b - 1;
    while (pb > sent.begin && t[pb - 1] != ',') --pb;
    b = pb;
  }
  while (b < e && t[b] == ' ') ++b;
  if (e - b < 12) return sent;
  return {b, e};
}

// How a stated date stands in its sentence.
enum class DateRole { kStory, kStamp, kBound };

DateRole RoleOf(const extract::Document& doc, const extract::DateMention& m) {
  std::string_view sentence = doc.Text(doc.sentences[m.sentence].span);
  const size_t at = m.span.begin - doc.sentences[m.sentence].span.begin;
  std::string_view before = sentence.substr(0, std::min(at, sentence.size()));
  // A copy's own date: a print line, or the date under an embedded post
  // ("— Name (@handle) December 4, 2017").
  if (before.find("in print on") != std::string_view::npos) return DateRole::kStamp;
  if (size_t handle = before.rfind("(@"); handle != std::string_view::npos &&
                                          before.find(')', handle) != std::string_view::npos &&
                                          before.size() - before.find(')', handle) <= 3)
    return DateRole::kStamp;
  // A bound of a span of time, not a day on which something happened.
  const text::Token* last = nullptr;  // the word before the date
  for (const auto& t : doc.tokens[m.sentence]) {
    if (t.span.end > m.span.begin) break;
    last = &t;
  }
  if (last)
    for (std::string_view bound : {"until", "till", "by", "before", "through", "since", "for"})
      if (last->norm == bound) return DateRole::kBound;
  return DateRole::kStory;
}

// The weekday written right beside a date in its sentence, or -1.
int WeekdayBeside(const extract::Document& doc, const extract::DateMention& m) {
  constexpr uint32_t kNear = 12;  // ", " or " evening (" between them
  for (const auto& w : doc.dates) {
    if (w.kind != extract::DateMention::kWeekday || w.sentence != m.sentence) continue;
    if ((w.span.end <= m.span.begin && m.span.begin - w.span.end <= kNear) ||
        (m.span.end <= w.span.begin && w.span.begin - m.span.end <= kNear))
      return w.weekday;
  }
  return -1;
}

}  // namespace

Date FindAnchor(const Context& c, int year, std::string* by) {
  std::string ignored;
  if (!by) by = &ignored;
  by->clear();
  // Days the articles state, by the articles stating them; stamps apart.
  std::map<Date, std::set<int>> stated, stamped;
  const int documents = static_cast<int>(c.x.documents.size());
  // The weekdays most articles name, and the latest year any states.
  int latest_stated = year;
  std::set<int> story_weekdays;
  {
    std::map<int, int> articles_naming;
    for (int d = 0; d < documents; ++d) {
      std::set<int> named;
      for (const auto& m : c.Doc(d).dates) {
        if (m.kind == extract::DateMention::kWeekday) named.insert(m.weekday);
        if (m.year) latest_stated = std::max(latest_stated, m.year);
      }
      for (int w : named) ++articles_naming[w];
    }
    int most = 0;
    for (auto& [w, n] : articles_naming) most = std::max(most, n);
    for (auto& [w, n] : articles_naming)
      if (n == most) story_weekdays.insert(w);
  }
  for (int d = 0; d < documents; ++d) {
    const auto& doc = c.Doc(d);
    for (const auto& m : doc.dates) {
      if (m.kind != extract::DateMention::kAbsolute || !m.day || !m.month) continue;
      int y = m.year ? m.year : year;
      if (!y) continue;
      Date day{y, m.month, m.end_day ? m.end_day : m.day};
      if (day.day > text::DaysInMonth(y, m.month)) continue;
      // A date written with its weekday ("on Tuesday, December 9, 2008",
      // "Thursday evening (December 11)") is the story's day when they agree
      // and the weekday is the one the event's articles name most (an
      // obituary's "Tuesday, Oct. 10, 1972" is not). Without a year, the
      // weekday tells it: the agreeing year nearest the latest year stated.
      if (int weekday = WeekdayBeside(doc, m); weekday >= 0) {
        Date pinned;
        const int from = m.year ? m.year : latest_stated;
        for (int k = 0; k <= (m.year ? 0 : 6) && !pinned.valid(); ++k)
          for (int t_year : {from - k, from + k}) {
            Date t{t_year, m.month, m.day};
            if (!pinned.valid() && t_year > 0 && m.day <= text::DaysInMonth(t_year, m.month) &&
                text::Weekday(t) == weekday)
              pinned = t;
          }
        if (pinned.valid() && story_weekdays.count(weekday)) stamped[pinned].insert(d);
        continue;
      }
      switch (RoleOf(doc, m)) {
        case DateRole::kStamp:
          if (m.year) stamped[day].insert(d);
          break;
        case DateRole::kStory:
          stated[day].insert(d);
          break;
        case DateRole::kBound:
          break;
      }
    }
  }
  // With publication dates, the news day is the most common of them (the
  // latest on a tie); without, the most widely stated calendar date.
  Date anchor;
  std::map<Date, int> published_days;
  for (const auto& doc : c.x.documents) {
    Date p;
    if (text::ParseIsoDate(doc.article->published, p)) ++published_days[p];
  }
  int most_published = 0;
  for (auto& [day, n] : published_days)
    if (n >= most_published) {
      most_published = n;
      anchor = day;
      *by = kByPublication;
    }
  auto most_stated = [&](const std::map<Date, std::set<int>>& days, size_t at_least, const char* what) {
    size_t best = at_least;
    for (auto& [day, docs] : days)
      if (docs.size() >= best) {
        best = docs.size();
        anchor = day;
        *by = what;
      }
  };
  if (!anchor.valid()) most_stated(stamped, 1, "dates the articles state");
  if (!anchor.valid())
    most_stated(stated, static_cast<size_t>(std::min(2, documents)), "dates the articles state");
  // Last resort: the latest full date in removed material (a caption's
  // "on October 14, 2025"). It only pins weekdays; it is never an entry.
  if (!anchor.valid()) {
    for (const auto& doc : c.x.documents)
      for (const auto& b : doc.article->removed) {
        Article tmp;
        tmp.text = b.text;
        tmp.paragraphs.push_back({0, static_cast<uint32_t>(tmp.text.size())});
        extract::Document d = extract::Segment(tmp);
        extract::FindDates(d);
        for (const auto& m : d.dates)
          if (m.year && m.month && m.day && m.day <= text::DaysInMonth(m.year, m.month)) {
            Date day{m.year, m.month, m.day};
            if (day > anchor) anchor = day;
            *by = "a date in removed material";
          }
      }
  }
  return anchor;
}

std::vector<Resolved> ResolveDates(const Context& c, int d, const Date& anchor, int year) {
  const auto& doc = c.Doc(d);
  Date published;
  bool has_published = text::ParseIsoDate(doc.article->published, published);
  std::vector<Resolved> resolved;
  std::map<Date, int> weekday_days;
  for (const auto& m : doc.dates) {
    if (m.kind != extract::DateMention::kWeekday) continue;
    Date day = has_published ? LatestWeekdayUpTo(published, m.weekday) : NearestWeekday(anchor, m.weekday);
    ++weekday_days[day];
  }
  Date story = has_published ? published : anchor;
  int most = 0;
  for (auto& [day, n] : weekday_days)
    if (n > most) {
      most = n;
      story = day;
    }
  // A relative date counts from a day named in its own sentence, if any
  // ("fought overnight, the fire service said on Wednesday").
  std::map<uint32_t, Date> named_day;
  for (const auto& m : doc.dates)
    if (m.kind == extract::DateMention::kWeekday)
      named_day.emplace(m.sentence, has_published ? LatestWeekdayUpTo(published, m.weekday)
                                                  : NearestWeekday(anchor, m.weekday));
  for (const auto& m : doc.dates) {
    Resolved x;
    x.span = m.span;
    x.sentence = static_cast<int>(m.sentence);
    switch (m.kind) {
      case extract::DateMention::kAbsolute: {
        int y = m.year ? m.year : year;
        if (!y) continue;
        // A date without a year that would fall after the article was
        // published is last year's ("on June 8" in a May article).
        if (!m.year && has_published && m.month &&
            (m.month > published.month || (m.month == published.month && m.day > published.day)) &&
            y >= published.year)
          y = published.year - 1;
        if (m.day && m.month) {
          if (m.day > text::DaysInMonth(y, m.month)) continue;
          x.start = {y, m.month, m.day};
          x.end = m.end_day ? Date{y, m.month, std::min(m.end_day, text::DaysInMonth(y, m.month))} : x.start;
        } else if (m.month) {
          x.start = {y, m.month, 1};
          x.end = {y, m.month, text::DaysInMonth(y, m.month)};
        } else {
          x.start = {y, 1, 1};
          x.end = {y, 12, 31};
        }
        break;
      }
      case extract::DateMention::kWeekday:
        x.start = x.end =
            has_published ? LatestWeekdayUpTo(published, m.weekday) : NearestWeekday(anchor, m.weekday);
        break;
      case extract::DateMention::kRelative: {
        auto named = named_day.find(m.sentence);
        Date base = named != named_day.end() && m.offset_days == 0 ? named->second : story;
        x.end = text::AddDays(base, m.offset_days);
        x.start = m.night && m.offset_days == 0 ? text::AddDays(x.end, -1) : x.end;
        break;
      }
    }
    resolved.push_back(x);
  }
  return resolved;
}

std::vector<Entry> EntriesOf(const Context& c, int d, const std::vector<Resolved>& resolved,
                             const Date& anchor) {
  const auto& doc = c.Doc(d);
  std::vector<Entry> entries;
  // Group the resolved dates of each sentence.
  std::map<int, std::vector<Resolved>> by_sentence;
  for (auto& x : resolved) by_sentence[x.sentence].push_back(x);
  for (auto& [s, xs] : by_sentence) {
    std::sort(xs.begin(), xs.end(), [](auto& a, auto& b) { return a.start < b.start; });
    // Dates within two days of each other make one range.
    std::vector<std::vector<Resolved>> runs;
    for (auto& x : xs) {
      if (!runs.empty() && text::DaysFromCivil(x.start) - text::DaysFromCivil(runs.back().back().end) <= 2)
        runs.back().push_back(x);
      else
        runs.push_back({x});
    }
    for (auto& run : runs) {
      Entry e;
      e.start = run.front().start;
      e.end = run.front().end;
      for (auto& x : run) e.end = std::max(e.end, x.end);
      Span what_span = runs.size() > 1 ? ClauseAround(doc, s, run.front().span) : doc.sentences[s].span;
      e.what = FoldSpace(doc.Text(what_span));
      e.support.push_back(c.SentenceSupport({d, s}));
      e.refs.push_back({d, s});
      e.background = text::DaysFromCivil(e.end) < text::DaysFromCivil(anchor) - 30;
      entries.push_back(std::move(e));
    }
  }
  return entries;
}

std::vector<Entry> MergeEntries(const Context& c, std::vector<Entry> entries) {
  // Merge entries of the same dates that state the same fact.
  std::vector<Entry> merged;
  for (auto& e : entries) {
    Entry* target = nullptr;
    for (auto& m : merged) {
      if (m.start != e.start || m.end != e.end) continue;
      int fe = c.fact_of[e.refs[0].doc][e.refs[0].sent];
      bool same_fact = fe >= 0 && fe == c.fact_of[m.refs[0].doc][m.refs[0].sent];
      if (same_fact || c.Similarity(e.refs[0], m.refs[0]) >= c.options.timeline.same_entry) {
        target = &m;
        break;
      }
    }
    if (!target) {
      merged.push_back(std::move(e));
      continue;
    }
    bool dup = false;
    for (auto& s : target->support) dup |= s.source == e.support[0].source && s.span == e.support[0].span;
    if (!dup) {
      target->support.push_back(e.support[0]);
      target->refs.push_back(e.refs[0]);
    }
  }
  return merged;
}

void BuildTimeline(Context& c, Report& r) {
  int year = LatestYear(c);
  const Date anchor = FindAnchor(c, year, &r.dated_by);
  if (!anchor.valid()) return;  // nothing to pin dates to: the report says so
  // Without publication dates, a date stated without its year is of the
  // anchor's year.
  if (r.dated_by != kByPublication) year = anchor.year;
  std::vector<Entry> entries;
  for (int d = 0; d < static_cast<int>(c.x.documents.size()); ++d) {
    std::vector<Entry> of_doc = EntriesOf(c, d, ResolveDates(c, d, anchor, year), anchor);
    entries.insert(entries.end(), std::make_move_iterator(of_doc.begin()),
                   std::make_move_iterator(of_doc.end()));
  }
  std::vector<Entry> merged = MergeEntries(c, std::move(entries));
  std::stable_sort(merged.begin(), merged.end(), [](const Entry& a, const Entry& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.support.size() > b.support.size();
  });
  // The event's own dates come from entries precise to a few days; a month
  // or a year ("in 2008") only when nothing finer is known.
  auto precise = [](const Entry& e) {
    return text::DaysFromCivil(e.end) - text::DaysFromCivil(e.start) <= 7;
  };
  bool any_precise = false;
  for (const auto& e : merged) any_precise |= !e.background && precise(e);
  for (auto& e : merged) {
    TimelineEntry t;
    t.date = text::ToIso(e.start);
    if (e.end != e.start) t.end = text::ToIso(e.end);
    t.what = e.what;
    t.support = std::move(e.support);
    t.background = e.background;
    r.timeline.push_back(std::move(t));
    if (!e.background && (precise(e) || !any_precise)) {
      std::string first = text::ToIso(e.start), last = text::ToIso(e.end);
      if (!r.first_date || first < *r.first_date) r.first_date = first;
      if (!r.last_date || last > *r.last_date) r.last_date = last;
    }
  }
}

}  // namespace crosscheck::analysis::internal
