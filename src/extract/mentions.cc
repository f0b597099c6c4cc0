// Name mentions. A mention is a maximal run of capitalised words in a
// sentence (joined only by spaces, or by "of"/"for" after an organisation or
// title word). A sentence-initial word counts only if the documents also use
// it capitalised mid-sentence, so "Speaking" or "Despite" are not names.
// A leading run ending in a title head ("Russian Foreign Minister") becomes
// the mention's role. Each mention collects type evidence from its words
// (titles, organisation and place keywords, a gazetteer) and its context
// (a following "region", a preceding "in", a following speech verb); the
// votes are summed per entity after resolution.
#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "crosscheck/text/unicode.h"
#include "internal.h"

namespace crosscheck::extract {
namespace {

using text::Token;

bool IsConnector(std::string_view w) {
  return w == "of" || w == "for" || w == "de" || w == "von" || w == "van" || w == "bin" || w == "al" ||
         w == "da" || w == "du" || w == "la";
}

bool LooksInflected(std::string_view w) {
  return w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly");
}

std::string CanonicalPlaceKey(const std::string& key) {
  if (key == "u.s." || key == "us" || key == "usa" || key == "united states of america" || key == "u.s.a.")
    return "united states";
  if (key == "u.k." || key == "uk" || key == "britain" || key == "great britain") return "united kingdom";
  if (key == "kiev") return "kyiv";
  return key;
}

bool StartsSentence(const Document& doc, const std::vector<Token>& toks, size_t i) {
  if (i == 0) return true;
  uint32_t from = toks[i - 1].span.end;
  std::string_view gap = doc.text().substr(from, toks[i].span.begin - from);
  // A straight mark opens a quote only right before the word (a closing one
  // is followed by a space: `," Larry King said`).
  return gap.find("\xE2\x80\x9C") != std::string_view::npos || (!gap.empty() && gap.back() == '"') ||
         gap.find(':') != std::string_view::npos || gap.find("\xE2\x80\x94") != std::string_view::npos ||
         gap.find('.') != std::string_view::npos || gap.find('?') != std::string_view::npos ||
         gap.find('!') != std::string_view::npos;
}

}  // namespace

namespace internal {

bool OnlySpaces(std::string_view text, uint32_t from, uint32_t to) {
  if (to < from) return false;
  for (uint32_t k = from; k < to; ++k)
    if (text[k] != ' ') return false;
  return true;
}

std::pair<size_t, size_t> SentenceMentions(const Document& doc, uint32_t s) {
  auto lo = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), s,
                             [](const Mention& m, uint32_t v) { return m.sentence < v; });
  auto hi = std::upper_bound(lo, doc.mentions.end(), s,
                             [](uint32_t v, const Mention& m) { return v < m.sentence; });
  return {static_cast<size_t>(lo - doc.mentions.begin()), static_cast<size_t>(hi - doc.mentions.begin())};
}

int MentionAtToken(const Document& doc, uint32_t s, uint32_t t) {
  auto [first, last] = SentenceMentions(doc, s);
  for (size_t m = first; m < last; ++m) {
    const Mention& mm = doc.mentions[m];
    if (mm.sentence == s && mm.first_token <= t && t < mm.end_token) return static_cast<int>(m);
  }
  return -1;
}

}  // namespace internal

std::string NameKey(std::string_view folded) {
  std::string s;
  s.reserve(folded.size());
  for (char c : folded)
    if (c != '\'' && c != '.') s += c;
  auto replace_all = [&](std::string_view from, std::string_view to) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
      s.replace(p, from.size(), to);
  };
  replace_all("kh", "h");
  replace_all("ck", "k");
  replace_all("ph", "f");
  replace_all("w", "v");
  for (std::string_view end : {"iy", "yy", "ij", "ii", "yi"}) {
    if (s.size() > 3 && s.ends_with(end)) {
      s.resize(s.size() - 2);
      s += 'y';
      break;
    }
  }
  if (s.size() > 4 && s.back() == 'i') s.back() = 'y';
  if (s.size() > 4 && s.ends_with("ey")) {
    s.resize(s.size() - 2);
    s += 'y';
  }
  std::string out;
  for (char c : s)
    if (out.empty() || out.back() != c) out += c;  // collapse doubled letters
  return out;
}

namespace {

// Whether token i of a sentence can be part of a name: capitalised, not a
// month, weekday or stop word; at a sentence start only if the articles also
// capitalise it mid-sentence (or it is a title, place or demonym).
bool NameLike(const Document& doc, const std::vector<Token>& toks, size_t i, const CapStats& stats) {
  std::string_view text = doc.text();
  const size_t n = toks.size();
  const Token& t = toks[i];
  if (!t.IsWord() || !t.cap) return false;
  if (lexicon::MonthOf(t.norm) && t.norm.size() > 3) return false;
  if (lexicon::WeekdayOf(t.norm) >= 0) return false;
  if (t.norm == "i") return false;
  if (t.stop && !t.all_caps) return false;
  if (StartsSentence(doc, toks, i)) {
    if (lexicon::IsTitleWord(t.norm) || lexicon::LookupPlace(t.norm) != lexicon::PlaceKind::kNone ||
        !lexicon::CountryOfDemonym(t.norm).empty())
      return true;
    if (stats.SeenCapitalised(t.norm) && !stats.MostlyLower(t.norm)) return true;
    if (stats.MostlyLower(t.norm) || LooksInflected(t.norm)) return false;
    // An unknown first word before a word known as a name is not part of it
    // ("Despite Kyiv", "Typical Russian").
    return i + 1 < n && toks[i + 1].IsWord() && toks[i + 1].cap &&
           internal::OnlySpaces(text, t.span.end, toks[i + 1].span.begin) &&
           !stats.SeenCapitalised(toks[i + 1].norm) && lexicon::CountryOfDemonym(toks[i + 1].norm).empty();
  }
  return true;
}

// The last token of the capitalised run starting at i: adjacent name-like
// words, joined across "of" after an organisation or title word ("Ministry
// of Defence") and across a name particle ("Bill de Blasio").
size_t RunEnd(const Document& doc, const std::vector<Token>& toks, size_t i, const CapStats& stats) {
  std::string_view text = doc.text();
  const size_t n = toks.size();
  size_t j = i;
  while (j + 1 < n) {
    if (internal::OnlySpaces(text, toks[j].span.end, toks[j + 1].span.begin) &&
        NameLike(doc, toks, j + 1, stats)) {
      ++j;
      continue;
    }
    bool particle = toks[j + 1].norm != "of" && toks[j + 1].norm != "for" && !toks[j + 1].cap;
    if (j + 2 < n && IsConnector(toks[j + 1].norm) &&
        (particle || lexicon::IsOrgKeyword(toks[j].norm) || lexicon::IsTitleHead(toks[j].norm)) &&
        internal::OnlySpaces(text, toks[j].span.end, toks[j + 1].span.begin) &&
        internal::OnlySpaces(text, toks[j + 1].span.end, toks[j + 2].span.begin) &&
        NameLike(doc, toks, j + 2, stats)) {
      j += 2;
      continue;
    }
    break;
  }
  return j;
}

// Where the name starts in the run i..j: after a leading run of role words
// that ends in a title head ("Russian Foreign Minister Sergei Lavrov").
size_t NameBegin(const std::vector<Token>& toks, size_t i, size_t j) {
  for (size_t h = j; h-- > i;) {
    if (!lexicon::IsTitleHead(toks[h].norm)) continue;
    for (size_t k = i; k <= h; ++k) {
      const auto& w = toks[k].norm;
      if (!(lexicon::IsTitleWord(w) || toks[k].cap || IsConnector(w))) return i;
    }
    return h + 1;
  }
  return i;
}

// Runs that are not names: role words alone ("Foreign Minister"; a given
// name before the head makes a name: "Larry King"), a lone demonym, a
// relation between names ("Russia-U.S."), a people ("the Russians"), title
// words alone (unless after an honorific: "Mr. King").
bool NotAName(const Document& doc, const std::vector<Token>& toks, size_t i, size_t j, size_t name_begin,
              const CapStats& stats) {
  std::string_view text = doc.text();
  bool ends_in_title = lexicon::IsTitleHead(toks[j].norm) && name_begin == i;
  if (ends_in_title && j == i + 1) {
    const std::string& w = toks[i].norm;
    ends_in_title = lexicon::IsTitleWord(w) || lexicon::IsOrgKeyword(w) || IsConnector(w) ||
                    lexicon::LookupPlace(w) != lexicon::PlaceKind::kNone ||
                    !lexicon::CountryOfDemonym(w).empty() || toks[i].all_caps || stats.MostlyLower(w);
  }
  const size_t name_end = j + 1;
  bool single_demonym = name_end - name_begin == 1 &&
                        !lexicon::CountryOfDemonym(toks[name_begin].norm).empty() &&
                        lexicon::LookupPlace(toks[name_begin].norm) == lexicon::PlaceKind::kNone;
  if (name_end - name_begin == 1) {
    std::string_view w = toks[name_begin].span.In(text);
    size_t parts = 1, cap_parts = 1;
    for (size_t k = 0; k + 1 < w.size(); ++k)
      if (w[k] == '-') {
        ++parts;
        cap_parts += std::isupper(static_cast<unsigned char>(w[k + 1])) ? 1 : 0;
      }
    if (parts >= 2 && parts == cap_parts) return true;
  }
  const std::string& nm = toks[name_begin].norm;
  if (name_end - name_begin == 1 && nm.size() > 3 && nm.back() == 's' &&
      !lexicon::CountryOfDemonym(nm.substr(0, nm.size() - 1)).empty())
    return true;
  bool all_title = true;
  for (size_t k = name_begin; k < name_end; ++k) all_title &= lexicon::IsTitleWord(toks[k].norm);
  if (name_begin > 0) {
    const std::string& h = toks[name_begin - 1].norm;
    if (h == "mr" || h == "mrs" || h == "ms" || h == "dr" || h == "miss") all_title = ends_in_title = false;
  }
  return ends_in_title || single_demonym || all_title;
}

// Votes for the mention's type (person, organisation, place) from its words
// and the words around it.
void VoteType(const Document& doc, const std::vector<Token>& toks, size_t i, size_t name_begin, size_t j,
              const std::string& folded_name, Mention& m) {
  std::string_view text = doc.text();
  const size_t n = toks.size(), name_end = j + 1, len = name_end - name_begin;
  if (!m.role.empty()) m.votes[0] += 3;
  bool org_word = false, place_word = false;
  for (size_t k = name_begin; k < name_end; ++k) {
    org_word |= lexicon::IsOrgKeyword(toks[k].norm);
    place_word |= lexicon::IsPlaceKeyword(toks[k].norm) && k > name_begin;
  }
  if (org_word) m.votes[1] += 3;
  if (place_word) m.votes[2] += 2;
  lexicon::PlaceKind pk = lexicon::LookupPlace(folded_name);
  if (pk != lexicon::PlaceKind::kNone) {
    m.votes[2] += 4;
    m.key = CanonicalPlaceKey(folded_name);
  }
  if (len == 1 && toks[name_begin].all_caps && pk == lexicon::PlaceKind::kNone) m.votes[1] += 1.5;
  if (len >= 2 && len <= 3 && !org_word && !place_word && pk == lexicon::PlaceKind::kNone) {
    bool alpha = true;
    for (size_t k = name_begin; k < name_end; ++k)
      alpha &= toks[k].kind == text::TokenKind::kWord && !toks[k].all_caps;
    if (alpha) m.votes[0] += 1;
  }
  static const std::unordered_set<std::string_view> kOrgHeads = {
      "plant",        "factory",    "company", "firm",         "facility",  "mill",
      "mine",         "refinery",   "works",   "headquarters", "store",     "brand",
      "bank",         "group",      "airline", "newspaper",    "spokesman", "spokeswoman",
      "spokesperson", "executives", "shares",  "subsidiary"};
  if (name_end < n && !toks[name_end].cap && kOrgHeads.count(toks[name_end].norm)) m.votes[1] += 1.5;
  if (name_end < n && !toks[name_end].cap && lexicon::IsPlaceKeyword(toks[name_end].norm) &&
      toks[name_end].norm != "estate" && toks[name_end].norm != "base")
    m.votes[2] += 2;
  if (i > 0) {
    const std::string& prev = toks[i - 1].norm;
    if ((prev == "in" || prev == "near" || prev == "outside" || prev == "across") && m.role.empty())
      m.votes[2] += 1.5;
    if (prev == "the" && m.role.empty()) {
      m.votes[1] += 0.5;
      m.votes[2] += 0.25;
    }
  }
  if (name_end < n && lexicon::CueOf(toks[name_end].norm) != lexicon::Cue::kNone &&
      internal::OnlySpaces(text, toks[j].span.end, toks[name_end].span.begin)) {
    m.votes[0] += 1;
    m.votes[1] += 0.5;
  }
  if (name_end + 1 < n && text.substr(toks[j].span.end, 2) == ", " &&
      lexicon::LookupPlace(toks[name_end].norm) != lexicon::PlaceKind::kNone)
    m.votes[2] += 1;
}

}  // namespace

void FindMentions(Document& doc, const CapStats& stats) {
  doc.mentions.clear();
  std::vector<Span> quotes = internal::QuoteRegions(doc);
  std::string_view text = doc.text();
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& toks = doc.tokens[s];
    size_t i = 0;
    while (i < toks.size()) {
      if (!NameLike(doc, toks, i, stats)) {
        ++i;
        continue;
      }
      const size_t j = RunEnd(doc, toks, i, stats);
      const size_t name_begin = NameBegin(toks, i, j), name_end = j + 1;
      if (NotAName(doc, toks, i, j, name_begin, stats)) {
        i = j + 1;
        continue;
      }
      Mention m;
      m.sentence = s;
      m.first_token = static_cast<uint32_t>(name_begin);
      m.end_token = static_cast<uint32_t>(name_end);
      m.span = {toks[name_begin].span.begin, toks[j].span.end};
      m.full_span = {toks[i].span.begin, toks[j].span.end};
      m.surface = std::string(m.span.In(text));
      if (name_begin > i)
        m.role =
            std::string(text.substr(toks[i].span.begin, toks[name_begin - 1].span.end - toks[i].span.begin));
      std::string folded_name;
      for (size_t k = name_begin; k < name_end; ++k) {
        if (!m.key.empty()) {
          m.key += ' ';
          folded_name += ' ';
        }
        m.key += NameKey(toks[k].norm);
        folded_name += toks[k].norm;
      }
      m.in_quote = internal::InsideAny(quotes, m.span.begin);
      VoteType(doc, toks, i, name_begin, j, folded_name, m);
      doc.mentions.push_back(std::move(m));
      i = j + 1;
    }
  }
}

}  // namespace crosscheck::extract
