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
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_set>

#include "crosscheck/lexicon/wordnet.h"
#include "crosscheck/lexicon/words.h"
#include "crosscheck/tagger/entity_tagger.h"
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

// What stands between tokens k - 1 and k; empty at either end.
std::string_view GapBefore(std::string_view text, const std::vector<text::Token>& toks, uint32_t k) {
  if (k == 0 || k >= toks.size() || toks[k].span.begin < toks[k - 1].span.end) return {};
  return text.substr(toks[k - 1].span.end, toks[k].span.begin - toks[k - 1].span.end);
}

}  // namespace

namespace internal {

bool OnlySpaces(std::string_view text, uint32_t from, uint32_t to) {
  if (to < from) return false;
  for (uint32_t k = from; k < to; ++k)
    if (text[k] != ' ') return false;
  return true;
}

bool CommaBefore(std::string_view text, const std::vector<text::Token>& toks, uint32_t k) {
  return GapBefore(text, toks, k).find(',') != std::string_view::npos;
}

bool DashBefore(std::string_view text, const std::vector<text::Token>& toks, uint32_t k) {
  std::string_view gap = GapBefore(text, toks, k);
  return gap.find("\xE2\x80\x94") != std::string_view::npos || gap.find(" - ") != std::string_view::npos ||
         gap.find("--") != std::string_view::npos || gap.find(" \xE2\x80\x93") != std::string_view::npos ||
         gap.find("\xE2\x80\x93 ") != std::string_view::npos;
}

namespace {
bool StandsFor(const text::Token& t) { return t.norm == "for" || t.norm == "to"; }
// Roles held on someone's behalf ("a spokesman for", "a lawyer for").
bool RoleWord(const text::Token& t) {
  static const std::unordered_set<std::string_view> kOnBehalf = {
      "spokesman", "spokeswoman", "spokesperson",   "aide",      "lawyer",     "attorney",   "adviser",
      "advisor",   "counsel",     "representative", "publicist", "consultant", "strategist", "staffer",
      "assistant", "agent",       "negotiator",     "envoy",     "emissary"};
  return t.IsWord() && !t.cap && kOnBehalf.count(t.norm) > 0;
}

// The role word of a represented mention, or -1: past the title words a
// mention may leave out ("to President Obama").
int RoleOfRepresented(const std::vector<text::Token>& toks, const Mention& m) {
  uint32_t first = std::min<uint32_t>(m.first_token, static_cast<uint32_t>(toks.size()));
  while (first > 0 && toks[first - 1].cap && lexicon::IsTitleWord(toks[first - 1].norm)) --first;
  return first >= 2 && StandsFor(toks[first - 1]) && RoleWord(toks[first - 2]) ? static_cast<int>(first - 2)
                                                                               : -1;
}
}  // namespace

bool IsRepresented(const std::vector<text::Token>& toks, const Mention& m) {
  return RoleOfRepresented(toks, m) >= 0;
}

Span RepresentedDescription(const std::vector<text::Token>& toks, const Mention& m) {
  const int role = RoleOfRepresented(toks, m);
  if (role < 0 || m.end_token == 0 || m.end_token > toks.size()) return {};
  auto start = static_cast<uint32_t>(role);
  for (uint32_t d = start; d-- > 0 && static_cast<uint32_t>(role) - d <= 3;) {
    const std::string& w = toks[d].norm;
    if (w == "the" || w == "a" || w == "an" || w == "one") {
      start = d;
      break;
    }
    if (!toks[d].IsWord() || toks[d].stop) break;
  }
  return {toks[start].span.begin, toks[m.end_token - 1].span.end};
}

uint32_t RepresentedEnd(const std::vector<text::Token>& toks, uint32_t head, uint32_t limit) {
  limit = std::min<uint32_t>(limit, static_cast<uint32_t>(toks.size()));
  if (head + 2 >= limit || !RoleWord(toks[head]) || !StandsFor(toks[head + 1])) return head + 1;
  uint32_t e = head + 2;
  while (e < limit && e - head - 2 < 6 && toks[e].IsWord() && toks[e].cap) ++e;
  return e > head + 2 ? e : head + 1;
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
  // An organisation word at the end makes the whole run one name: "Justice
  // Department" is no Justice named Department.
  if (lexicon::IsOrgKeyword(toks[j].norm)) {
    bool joined = false;  // "Senate President Pro Tem Ivo Lund and House ...": two names
    for (size_t k = i; k < j; ++k) joined |= toks[k].norm == "and";
    if (!joined) return i;
  }
  for (size_t h = j; h-- > i;) {
    if (!lexicon::IsTitleHead(toks[h].norm)) continue;
    for (size_t k = i; k <= h; ++k) {
      const auto& w = toks[k].norm;
      if (!(lexicon::IsTitleWord(w) || toks[k].cap || IsConnector(w))) return i;
    }
    // The office after "of" is part of the title: "Director of National
    // Intelligence James Clapper".
    if (h + 2 <= j && toks[h + 1].norm == "of") {
      size_t k = h + 2;
      while (k <= j && lexicon::IsTitleWord(toks[k].norm) && toks[k].cap) ++k;
      if (k > h + 2) return k;
    }
    return h + 1;
  }
  return i;
}
bool IsHonorific(std::string_view w) {
  return w == "mr" || w == "mrs" || w == "ms" || w == "dr" || w == "miss";
}

// Runs that are not names: role words alone ("Foreign Minister"; a given
// name before the head makes a name: "Larry King"), a lone demonym, a
// relation between names ("Russia-U.S."), a people ("the Russians"), title
// words alone (unless after an honorific: "Mr. King").
bool NotAName(const Document& doc, const std::vector<Token>& toks, size_t i, size_t j, size_t name_begin,
              const CapStats& stats) {
  std::string_view text = doc.text();
  // A name has a letter ("2009" is none), and a hashtag is no one's name
  // ("#ReleaseTheFullReport").
  bool letter = false;
  for (size_t k = name_begin; k <= j && !letter; ++k)
    for (char ch : toks[k].norm)
      letter |= std::isalpha(static_cast<unsigned char>(ch)) != 0 || (ch & 0x80) != 0;
  if (!letter) return true;
  if (const uint32_t at = toks[name_begin].span.begin; at > 0 && text[at - 1] == '#') return true;
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
  // One hyphenated word of capitalised parts ("Indo-Pacific", "Pro-Trump")
  // is no name, unless an honorific or a title stands before it ("Ms.
  // Lund-Ortiz").
  const bool titled = name_begin > 0 && (IsHonorific(toks[name_begin - 1].norm) ||
                                         lexicon::IsTitleHead(toks[name_begin - 1].norm));
  if (name_end - name_begin == 1 && !titled) {
    std::string_view w = toks[name_begin].span.In(text);
    size_t parts = 1, cap_parts = 1;
    for (size_t k = 0; k + 1 < w.size(); ++k)
      if (w[k] == '-') {
        ++parts;
        cap_parts += std::isupper(static_cast<unsigned char>(w[k + 1])) ? 1 : 0;
      }
    if (parts >= 2 && parts == cap_parts) return true;
  }
  // A party and state label after a politician's name: "D-N.Y.", "R-Texas".
  if (std::string_view w0 = toks[name_begin].span.In(text);
      w0.size() >= 3 && (w0[0] == 'D' || w0[0] == 'R' || w0[0] == 'I') && w0[1] == '-' &&
      std::isupper(static_cast<unsigned char>(w0[2])))
    return true;
  const std::string& nm = toks[name_begin].norm;
  if (name_end - name_begin == 1 && nm.size() > 3 && nm.back() == 's' &&
      !lexicon::CountryOfDemonym(nm.substr(0, nm.size() - 1)).empty())
    return true;
  bool all_title = true;
  for (size_t k = name_begin; k < name_end; ++k) all_title &= lexicon::IsTitleWord(toks[k].norm);
  if (name_begin > 0) {
    if (IsHonorific(toks[name_begin - 1].norm)) all_title = ends_in_title = false;
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

// The tagger's vote for the kind it gives a name, against the rules' votes
// (a title 3, an organisation word 3, a known place 4).
constexpr float kTaggerVote = 3;

// The learned tagger's tag for every token of every sentence (symbols are
// punctuation to it, and tagged O).
std::vector<std::vector<tagger::Tag>> NameTags(const Document& doc) {
  std::vector<std::vector<int>> word_of;
  std::vector<tagger::Sentence> sents = TaggerSentences(doc, &word_of);
  auto tagged = tagger::EntityTagger::Default().TagDocument(sents);
  std::vector<std::vector<tagger::Tag>> out(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s)
    for (int w : word_of[s]) out[s].push_back(w < 0 ? tagger::Tag{} : tagged[s][w]);
  return out;
}

// Whether two tokens tagged as one name can be one: only spaces between
// them, or the dot of an initial or abbreviation ("J. Smith", "Gen. Ray"),
// or an ampersand ("Procter & Gamble"); never a bracket or a comma.
bool JoinsName(std::string_view text, const Token& a, const Token& b) {
  std::string_view gap = text.substr(a.span.end, b.span.begin - a.span.end);
  if (gap.find_first_not_of(' ') == std::string_view::npos) return true;
  return gap == ". " || gap == "." || gap == " & " || gap == "&";
}

// The EntityType vote of a tagger kind.
int VoteIndex(tagger::EntityKind k) {
  switch (k) {
    case tagger::EntityKind::kPerson:
      return 0;
    case tagger::EntityKind::kOrganization:
      return 1;
    case tagger::EntityKind::kPlace:
      return 2;
    default:
      return 3;
  }
}

}  // namespace

namespace {

// A mention of the name at tokens name_begin..j of sentence s, its role
// (if any) starting at `first`.
Mention MakeMention(const Document& doc, uint32_t s, size_t first, size_t name_begin, size_t j,
                    const std::vector<Span>& quotes) {
  std::string_view text = doc.text();
  const auto& toks = doc.tokens[s];
  Mention m;
  m.sentence = s;
  m.first_token = static_cast<uint32_t>(name_begin);
  m.end_token = static_cast<uint32_t>(j + 1);
  m.span = {toks[name_begin].span.begin, toks[j].span.end};
  m.full_span = {toks[first].span.begin, toks[j].span.end};
  m.surface = std::string(m.span.In(text));
  if (name_begin > first)
    m.role = std::string(
        text.substr(toks[first].span.begin, toks[name_begin - 1].span.end - toks[first].span.begin));
  std::string folded_name;
  for (size_t k = name_begin; k <= j; ++k) {
    if (!m.key.empty()) {
      m.key += ' ';
      folded_name += ' ';
    }
    m.key += NameKey(toks[k].norm);
    folded_name += toks[k].norm;
  }
  m.in_quote = internal::InsideAny(quotes, m.span.begin);
  VoteType(doc, toks, first, name_begin, j, folded_name, m);
  return m;
}

}  // namespace

std::vector<tagger::Sentence> TaggerSentences(const Document& doc, std::vector<std::vector<int>>* word_of) {
  std::string_view text = doc.text();
  std::vector<tagger::Sentence> sents(doc.sentences.size());
  if (word_of) word_of->assign(doc.sentences.size(), {});
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& toks = doc.tokens[s];
    tagger::Sentence& ts = sents[s];
    uint32_t prev_end = doc.sentences[s].span.begin;
    char mark = '\0';
    for (const Token& t : toks) {
      if (t.span.begin > prev_end)
        if (char m = tagger::MarkClass(text.substr(prev_end, t.span.begin - prev_end))) mark = m;
      prev_end = std::max(prev_end, t.span.end);
      if (t.kind == text::TokenKind::kSymbol) {
        if (word_of) (*word_of)[s].push_back(-1);
        mark = '?';
        continue;
      }
      if (word_of) (*word_of)[s].push_back(static_cast<int>(ts.words.size()));
      std::string_view w = t.span.In(text);
      // A dot right after a word inside a sentence ends an abbreviation
      // ("Mr.", "Gen."): part of the word, as in the tagger's training data.
      if (&t != &toks.back() && t.span.end < text.size() && text[t.span.end] == '.' &&
          (t.span.end + 1 >= text.size() || text[t.span.end + 1] != '.')) {
        w = std::string_view(text.data() + t.span.begin, w.size() + 1);
        prev_end = t.span.end + 1;
      }
      ts.words.push_back(w);
      ts.mark_before.push_back(mark);
      mark = '\0';
    }
    uint32_t end = doc.sentences[s].span.end;
    if (end > prev_end)
      if (char m = tagger::MarkClass(text.substr(prev_end, end - prev_end))) mark = m;
    ts.mark_after_last = mark;
  }
  return sents;
}

void FindMentions(Document& doc, const CapStats& stats) {
  doc.mentions.clear();
  const auto tags = NameTags(doc);
  const std::vector<Span>& quotes = doc.quote_regions;
  std::string_view text = doc.text();
  std::vector<Mention> here;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& toks = doc.tokens[s];
    const auto& st = tags[s];
    here.clear();
    // Runs of capitalised words (the rules' candidates): run_start[k] is
    // where the run holding token k starts, or -1.
    std::vector<int> run_start(toks.size(), -1);
    std::vector<std::pair<size_t, size_t>> runs;
    for (size_t i = 0; i < toks.size();) {
      if (!NameLike(doc, toks, i, stats)) {
        ++i;
        continue;
      }
      size_t j = RunEnd(doc, toks, i, stats);
      for (size_t k = i; k <= j; ++k) run_start[k] = static_cast<int>(i);
      runs.emplace_back(i, j);
      i = j + 1;
    }
    // The tagger's names. A name's role is the rest of its run before it
    // when that holds a title ("FBI Special Agent" before "Peter Strzok",
    // "Russian Foreign Minister" before "Sergei Lavrov").
    std::vector<bool> covered(toks.size(), false);
    size_t place_of = toks.size();  // the token after "X of", where the name of X's place starts
    for (size_t b = 0; b < toks.size();) {
      // A possessive ends a name: "BuzzFeed" in "BuzzFeed's description",
      // two names in "Trump's Moscow project".
      if (st[b].kind == tagger::EntityKind::kNone || toks[b].kind == text::TokenKind::kClitic) {
        ++b;
        continue;
      }
      size_t e = b + 1;
      while (e < toks.size() && st[e].kind == st[b].kind && !st[e].begin &&
             toks[e].kind != text::TokenKind::kClitic && JoinsName(text, toks[e - 1], toks[e])) {
        // "of" is no part of a person's name: "Joaquin Castro of Texas".
        if (st[b].kind == tagger::EntityKind::kPerson && !toks[e].cap && toks[e].norm == "of") {
          place_of = e + 1;
          break;
        }
        ++e;
      }
      const tagger::EntityKind kind = st[b].kind;
      size_t j = e - 1;
      size_t name_begin = b, first = b;
      // A preposition right before the name relates someone else to it
      // ("Reps for Griffin", "CEO of World Wrestling Entertainment"): no
      // role of the name, unless the title goes on past "of" into it
      // ("Director of National Intelligence James Clapper", below).
      const bool related = b > 0 && !toks[b - 1].cap && lexicon::IsPreposition(toks[b - 1].norm);
      if (run_start[b] >= 0 && static_cast<size_t>(run_start[b]) < b &&
          st[b - 1].kind == tagger::EntityKind::kNone && (!related || toks[b - 1].norm == "of")) {
        bool titled = false;
        for (size_t k = static_cast<size_t>(run_start[b]); k < b; ++k)
          titled |= lexicon::IsTitleWord(toks[k].norm) || lexicon::IsTitleHead(toks[k].norm);
        if (titled) first = static_cast<size_t>(run_start[b]);
      }
      // An abbreviated title ends its run at its dot: "Gov. Mike Pence".
      if (first == b && b > 0 && st[b - 1].kind == tagger::EntityKind::kNone &&
          lexicon::IsTitleHead(toks[b - 1].norm) && JoinsName(text, toks[b - 1], toks[b]))
        first = run_start[b - 1] >= 0 ? static_cast<size_t>(run_start[b - 1]) : b - 1;
      // A title the tagger took into the name: what follows it is a person
      // ("FBI Special Agent Peter Strzok" tagged as one organisation).
      tagger::EntityKind name_kind = kind;
      if (size_t nb = NameBegin(toks, b, j); nb > b && nb <= j) {
        name_begin = nb;
        first = std::min(first, b);
        name_kind = tagger::EntityKind::kPerson;
        // The rest of the name, tagged as a person of its own: "House
        // Minority Whip Steny" then "Hoyer".
        if (e < toks.size() && st[e].kind == tagger::EntityKind::kPerson && toks[e].cap &&
            internal::OnlySpaces(text, toks[e - 1].span.end, toks[e].span.begin)) {
          ++e;
          while (e < toks.size() && st[e].kind == tagger::EntityKind::kPerson && !st[e].begin &&
                 JoinsName(text, toks[e - 1], toks[e]))
            ++e;
          j = e - 1;
        }
        // A person's name stops at "and": "Senate President Pro Tem David
        // Long and House Speaker ...", tagged as one organisation.
        for (size_t k = name_begin + 1; k <= j; ++k)
          if (toks[k].norm == "and" && !toks[k].cap) {
            j = k - 1;
            break;
          }
      }
      // The office after a title's "of" is the title's: "Director of
      // National Intelligence James Clapper".
      if (first < name_begin && toks[name_begin - 1].norm == "of")
        while (name_begin < j && toks[name_begin].cap && lexicon::IsTitleWord(toks[name_begin].norm))
          ++name_begin;
      if (related && name_begin == b) first = b;
      // A preposition the tagger took in at a sentence start: "Of Whitby, ...".
      while (name_begin < j && toks[name_begin].stop && !toks[name_begin].all_caps &&
             lexicon::IsPreposition(toks[name_begin].norm)) {
        if (first == name_begin) ++first;
        ++name_begin;
      }
      bool function_words = true;  // "It", "That" at a quote's start
      for (size_t k = name_begin; k <= j; ++k) function_words &= toks[k].stop;
      if (!function_words && !NotAName(doc, toks, name_begin, j, name_begin, stats)) {
        // Only names kept cover their run: "Russian" alone is no name, so
        // "Russian Armed Forces" is left to the rules.
        for (size_t k = b; k < e; ++k) covered[k] = true;
        Mention m = MakeMention(doc, s, first, name_begin, j, quotes);
        // What follows "X of" is where X comes from or works: a place the
        // gazetteer knows, else an organisation ("of Harvard").
        if (name_begin == place_of)
          name_kind = lexicon::LookupPlace(m.key) != lexicon::PlaceKind::kNone
                          ? tagger::EntityKind::kPlace
                          : tagger::EntityKind::kOrganization;
        m.tagged = VoteIndex(name_kind);
        m.votes[m.tagged] += kTaggerVote;
        here.push_back(std::move(m));
      }
      b = e;
    }
    // Runs the tagger left untagged stay names when the rules' evidence is
    // strong: a title or honorific before the name ("Mr. King"), an
    // organisation word in it, a place the gazetteer knows.
    for (auto [i, j] : runs) {
      bool any = false;
      for (size_t k = i; k <= j; ++k) any |= covered[k];
      if (any) continue;
      size_t name_begin = NameBegin(toks, i, j);
      if (name_begin > j || NotAName(doc, toks, i, j, name_begin, stats)) continue;  // a title alone
      Mention m = MakeMention(doc, s, i, name_begin, j, quotes);
      bool honorific = false;
      if (name_begin > 0) {
        const std::string& h = toks[name_begin - 1].norm;
        honorific = h == "mr" || h == "mrs" || h == "ms" || h == "dr" || h == "miss";
      }
      if (honorific) m.votes[0] += kTaggerVote;
      bool keep = *std::max_element(std::begin(m.votes), std::end(m.votes)) >= kTaggerVote;
      // Capitals inside a sentence mark a name, unless every word is a
      // common one the articles also write in lower case ("a Witch Hunt"
      // beside "witch hunt"); a speech verb after it settles that.
      // At a sentence start, only words the articles capitalise elsewhere.
      const std::string& w0 = toks[name_begin].norm;
      bool capitalised_elsewhere = stats.SeenCapitalised(w0) && stats.counts.at(w0).second == 0;
      if (!keep && (!StartsSentence(doc, toks, i) || capitalised_elsewhere)) {
        bool common = true;
        for (size_t k = name_begin; k <= j; ++k)
          common &= lexicon::WordNet::Get().Knows(toks[k].norm) && stats.counts.count(toks[k].norm) &&
                    stats.counts.at(toks[k].norm).second > 0;
        bool speaks = j + 1 < toks.size() && lexicon::CueOf(toks[j + 1].norm) != lexicon::Cue::kNone;
        keep = !common || speaks;
        // Kept on capitals alone, it is a name of no known kind unless it
        // speaks ("a big Second Amendment guy" is no person).
        if (keep && !speaks) m.votes[0] = 0;
      }
      if (keep) here.push_back(std::move(m));
    }
    std::sort(here.begin(), here.end(),
              [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
    for (auto& m : here) doc.mentions.push_back(std::move(m));
  }
  // A one-word name that is the last word of a person named in full in the
  // same article is that person ("Essen" after "Halvard Essen"), whatever
  // the tagger made of it alone.
  std::unordered_set<std::string> surnames;
  for (const Mention& m : doc.mentions)
    if (m.end_token - m.first_token >= 2 && m.tagged == 0)
      surnames.insert(m.key.substr(m.key.rfind(' ') + 1));
  for (Mention& m : doc.mentions) {
    if (m.end_token - m.first_token != 1 || m.tagged <= 0 || !surnames.count(m.key)) continue;
    if (lexicon::LookupPlace(m.key) != lexicon::PlaceKind::kNone) continue;
    m.votes[m.tagged] -= kTaggerVote;
    m.tagged = 0;
    m.votes[0] += kTaggerVote;
  }
}

}  // namespace crosscheck::extract
