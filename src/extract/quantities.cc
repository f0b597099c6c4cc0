// Quantities: a number (digits or a number word, a fraction word such as
// "a fifth" or "three-quarters") with its unit: a percent sign or word, a
// measure (km, miles, hours, years, dollars), or else the counted noun that
// follows ("91 long-range drones" -> unit "drone"). Hedges before the number
// ("about", "roughly", "nearly", "more than") mark it approximate. Numbers
// that are part of a date are skipped.
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "crosscheck/extract/document.h"

namespace crosscheck::extract {
namespace {

double WordValue(const std::string& w) {
  static const std::unordered_map<std::string, double> kValues = {
      {"two", 2},     {"three", 3},     {"four", 4},    {"five", 5},       {"six", 6},
      {"seven", 7},   {"eight", 8},     {"nine", 9},    {"ten", 10},       {"eleven", 11},
      {"twelve", 12}, {"fifteen", 15},  {"twenty", 20}, {"thirty", 30},    {"forty", 40},
      {"fifty", 50},  {"hundred", 100}, {"dozen", 12},  {"hundreds", 100}, {"thousands", 1000},
      {"dozens", 12}};
  auto it = kValues.find(w);
  return it == kValues.end() ? -1 : it->second;
}

double FractionValue(const std::string& w) {
  static const std::unordered_map<std::string, double> kValues = {
      {"half", 0.5},          {"third", 1.0 / 3},      {"quarter", 0.25},        {"fifth", 0.2},
      {"tenth", 0.1},         {"two-thirds", 2.0 / 3}, {"three-quarters", 0.75}, {"three-fourths", 0.75},
      {"one-third", 1.0 / 3}, {"one-quarter", 0.25},   {"one-fifth", 0.2},       {"one-half", 0.5}};
  auto it = kValues.find(w);
  return it == kValues.end() ? -1 : it->second;
}

double Multiplier(const std::string& w) {
  if (w == "thousand") return 1e3;
  if (w == "million" || w == "mln" || w == "m") return 1e6;
  if (w == "billion" || w == "bln" || w == "bn") return 1e9;
  if (w == "trillion") return 1e12;
  return 0;
}

std::string UnitOf(const std::string& w) {
  static const std::unordered_map<std::string, std::string> kUnits = {
      {"%", "percent"},     {"percent", "percent"}, {"per", "percent"},
      {"km", "km"},         {"kilometres", "km"},   {"kilometers", "km"},
      {"kilometre", "km"},  {"kilometer", "km"},    {"miles", "mile"},
      {"mile", "mile"},     {"metres", "m"},        {"meters", "m"},
      {"m", "m"},           {"hours", "hour"},      {"hour", "hour"},
      {"days", "day"},      {"day", "day"},         {"weeks", "week"},
      {"week", "week"},     {"months", "month"},    {"month", "month"},
      {"years", "year"},    {"year", "year"},       {"minutes", "minute"},
      {"minute", "minute"}, {"dollars", "usd"},     {"euros", "eur"},
      {"people", "person"}, {"persons", "person"},  {"kg", "kg"},
      {"tonnes", "tonne"},  {"tons", "tonne"}};
  auto it = kUnits.find(w);
  return it == kUnits.end() ? std::string() : it->second;
}

bool IsHedge(const std::string& w) {
  return w == "about" || w == "around" || w == "roughly" || w == "nearly" || w == "almost" ||
         w == "approximately" || w == "some" || w == "over" || w == "more" || w == "than" || w == "up" ||
         w == "least" || w == "estimated" || w == "close";
}

}  // namespace

void FindQuantities(Document& doc) {
  doc.quantities.clear();
  size_t date_i = 0;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& t = doc.tokens[s];
    for (size_t i = 0; i < t.size(); ++i) {
      // Skip numbers inside date expressions (dates are in text order; those
      // that end before this token are passed for good).
      while (date_i < doc.dates.size() && doc.dates[date_i].span.end <= t[i].span.begin) ++date_i;
      bool in_date = false;
      for (size_t k = date_i; k < doc.dates.size(); ++k) {
        if (doc.dates[k].span.Contains(t[i].span)) {
          in_date = true;
          break;
        }
        if (doc.dates[k].span.begin > t[i].span.end) break;
      }
      if (in_date) continue;
      Quantity q;
      q.sentence = s;
      size_t first = i, last = i;
      const std::string& w = t[i].norm;
      double value = -1;
      std::string unit;
      if (t[i].kind == text::TokenKind::kNumber) {
        std::string digits;
        for (char c : w)
          if (c != ',') digits += c;
        size_t dash = digits.find('-');
        if (dash != std::string::npos && dash > 0) continue;  // ranges like 28-29 are not counts here
        value = std::atof(digits.c_str());
      } else if (t[i].kind == text::TokenKind::kWord) {
        size_t dash = w.find('-');
        if (dash != std::string::npos && dash > 0) {  // "50-year", "20-point", "three-quarters"
          double f = FractionValue(w);
          if (f > 0) {
            value = f;
            unit = "fraction";
          } else {
            std::string head = w.substr(0, dash), tail = w.substr(dash + 1);
            double v =
                std::isdigit(static_cast<unsigned char>(head[0])) ? std::atof(head.c_str()) : WordValue(head);
            if (v > 0 && tail.find('-') == std::string::npos) {
              value = v;
              unit = UnitOf(tail).empty() ? text::Stem(tail) : UnitOf(tail);
            }
          }
        } else if (double f = FractionValue(w); f > 0 && i > 0 &&
                                                (t[i - 1].norm == "a" || t[i - 1].norm == "one") &&
                                                i + 1 < t.size() && t[i + 1].norm == "of") {
          value = f;
          unit = "fraction";
          first = i - 1;
        } else {
          value = WordValue(w);
        }
      }
      if (value < 0) continue;
      // Scale words and the unit.
      size_t j = last + 1;
      if (j < t.size() && Multiplier(t[j].norm) > 0 && unit.empty()) {
        value *= Multiplier(t[j].norm);
        last = j++;
      }
      if (first > 0 && (t[first - 1].norm == "$" || t[first - 1].norm == "€" || t[first - 1].norm == "£")) {
        unit = t[first - 1].norm == "$" ? "usd" : (t[first - 1].norm == "€" ? "eur" : "gbp");
        --first;
      }
      if (unit.empty() && j < t.size()) {
        std::string u = UnitOf(t[j].norm);
        if (u == "percent" && t[j].norm == "per" && !(j + 1 < t.size() && t[j + 1].norm == "cent")) u.clear();
        if (!u.empty()) {
          unit = u;
          last = (t[j].norm == "per") ? j + 1 : j;
        }
      }
      if (unit.empty()) {
        // The counted noun: the next content word, passing one hyphenated modifier.
        for (size_t k = j; k < t.size() && k < j + 3; ++k) {
          if (t[k].kind != text::TokenKind::kWord) break;
          if (t[k].stop) break;
          if (t[k].norm.find('-') != std::string::npos && k + 1 < t.size() && !t[k + 1].stop) continue;
          unit = t[k].stem;
          q.noun = t[k].norm;
          last = k;
          break;
        }
      }
      if (unit.empty()) continue;
      if (t[i].kind == text::TokenKind::kWord && unit != "fraction" && UnitOf(t[last].norm).empty() &&
          value < 2)
        continue;  // "one" as a pronoun
      for (size_t k = first; k-- > 0 && k + 3 > first;) {
        if (IsHedge(t[k].norm)) {
          q.approximate = true;
          break;
        }
        if (!t[k].stop) break;
      }
      q.value = value;
      q.unit = unit;
      q.span = {t[first].span.begin, t[last].span.end};
      doc.quantities.push_back(q);
      i = last;
    }
  }
}

}  // namespace crosscheck::extract
