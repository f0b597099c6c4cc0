// Sentence splitter. A candidate boundary is a terminator (. ! ? …) followed
// by optional closing quotes or brackets, then white space, then something
// that can start a sentence (an upper-case letter, a digit, an opening quote
// or bracket). A candidate is rejected when the word before the dot is a known
// abbreviation or a single initial, or when it falls inside a double-quoted
// passage that closes later in the same paragraph (quotes are kept whole up
// to a size bound). Quote depth is computed in a first pass so that an
// unclosed quote at the end of a paragraph does not suppress every boundary.
#include "crosscheck/text/sentences.h"

#include <string>
#include <unordered_set>

#include "crosscheck/text/unicode.h"

namespace crosscheck::text {
namespace {

bool IsAbbreviation(std::string_view word_lower) {
  static const std::unordered_set<std::string_view> kAbbrev = {
      "mr",  "mrs",  "ms",  "dr",   "prof", "gen",  "lt",   "col",  "sgt",  "capt",   "cpt",
      "maj", "adm",  "sen", "rep",  "gov",  "st",   "jr",   "sr",   "inc",  "corp",   "ltd",
      "co",  "vs",   "no",  "nos",  "jan",  "feb",  "mar",  "apr",  "jun",  "jul",    "aug",
      "sep", "sept", "oct", "nov",  "dec",  "fig",  "vol",  "dept", "est",  "approx", "rev",
      "ave", "mt",   "ft",  "pres", "gov",  "atty", "supt", "cmdr", "insp", "det",    "messrs",
      "mme", "mlle", "op",  "pp",   "ed",   "eds",  "sens", "reps", "govs", "gens",   "drs"};
  return kAbbrev.count(word_lower) > 0;
}

// States as news agencies abbreviate them ("Wash.", "Calif."): their dot
// ends a sentence only at the end of a place ("in Olympia, Wash. The").
bool IsStateAbbreviation(std::string_view word_lower) {
  static const std::unordered_set<std::string_view> kStates = {
      "ala",  "ariz", "ark", "calif", "colo", "conn", "del",  "fla", "ga",   "ill", "ind",
      "kan",  "ky",   "la",  "md",    "mass", "mich", "minn", "mo",  "mont", "neb", "nev",
      "okla", "ore",  "pa",  "tenn",  "vt",   "va",   "wash", "wis", "wyo"};
  return kStates.count(word_lower) > 0;
}

// Words that begin a sentence after an abbreviation such as "U.S." or "p.m.".
bool IsSentenceStarter(std::string_view w) {
  static const std::unordered_set<std::string_view> kStart = {
      "the",       "he",        "she",    "it",   "they",  "we",   "i",     "but", "and",
      "a",         "an",        "in",     "on",   "this",  "that", "there", "his", "her",
      "their",     "its",       "after",  "when", "while", "as",   "at",    "if",  "however",
      "meanwhile", "officials", "police", "some", "many",  "one",  "both"};
  return kStart.count(w) > 0;
}

bool IsTerminator(char32_t c) { return c == U'.' || c == U'!' || c == U'?' || c == U'\u2026'; }
bool IsCloser(char32_t c) {
  return c == U'"' || c == U'\u201D' || c == U'\u2019' || c == U'\'' || c == U')' || c == U']' ||
         c == U'\u00BB';
}
bool IsOpener(char32_t c) {
  return c == U'"' || c == U'\u201C' || c == U'\u2018' || c == U'\'' || c == U'(' || c == U'[' ||
         c == U'\u00AB' || c == U'\u201E';
}

// Marks, for each byte of the paragraph, whether it lies inside a double
// quote that is closed within the paragraph.
std::vector<bool> ClosedQuoteMask(std::string_view text, Span p) {
  // +1 where a closed quote opens, -1 where it closes; the running sum
  // marks the bytes (linear however deeply quotes nest).
  std::vector<int> delta(p.size() + 1, 0);
  std::vector<size_t> opens;  // stack of open positions (relative)
  bool straight_open = false;
  size_t straight_at = 0;
  size_t i = p.begin;
  while (i < p.end) {
    size_t at = i;
    char32_t c = NextCodePoint(text, i);
    size_t rel = at - p.begin;
    if (c == U'\u201C' || c == U'\u201E' || c == U'\u00AB') {
      opens.push_back(rel);
    } else if ((c == U'\u201D' || c == U'\u00BB') && !opens.empty()) {
      ++delta[opens.back()];
      --delta[rel];
      opens.pop_back();
    } else if (c == U'"') {
      // “...," — a straight mark right after a word or punctuation closes
      // a curly quote left open (outlets mix the two).
      const bool closes_curly = !straight_open && !opens.empty() && at > p.begin && text[at - 1] != ' ' &&
                                text[at - 1] != '\n' && text[at - 1] != '\t';
      if (closes_curly) {
        ++delta[opens.back()];
        --delta[rel];
        opens.pop_back();
      } else if (!straight_open) {
        straight_open = true;
        straight_at = rel;
      } else {
        straight_open = false;
        ++delta[straight_at];
        --delta[rel];
      }
    }
  }
  std::vector<bool> mask(p.size(), false);
  int depth = 0;
  for (size_t k = 0; k < p.size(); ++k) {
    depth += delta[k];
    mask[k] = depth > 0;
  }
  return mask;
}

// Emits the trimmed sentence [b, e); one longer than `max_bytes` is cut into
// pieces at a clause break (", " "; ") or else a space in the second half of
// each window, so no sentence costs more than a bounded amount downstream.
void Emit(std::string_view text, size_t b, size_t e, uint32_t para, size_t max_bytes,
          std::vector<Sentence>& out) {
  auto blank = [&](size_t at) { return text[at] == ' ' || text[at] == '\t' || text[at] == '\n'; };
  while (true) {
    while (b < e && blank(b)) ++b;
    while (e > b && blank(e - 1)) --e;
    if (e <= b) return;
    if (max_bytes == 0 || e - b <= max_bytes) {
      out.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, para});
      return;
    }
    size_t cut = 0;
    size_t space = 0;
    for (size_t at = b + max_bytes; at > b + max_bytes / 2 && cut == 0; --at) {
      if (text[at] != ' ') continue;
      if (space == 0) space = at;
      if (text[at - 1] == ',' || text[at - 1] == ';') cut = at;
    }
    if (cut == 0) cut = space;
    if (cut == 0) {  // no space at all: a cut between code points
      cut = b + max_bytes;
      while (cut > b && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    out.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(cut)}, para});
    b = cut;
  }
}

// A few words from `from` that hold a speech verb (within the first six) and
// end at a comma or full stop ("Graham asked.", "said Ann Lee,", "she told
// reporters."). The verbs are listed here: this layer sits below the lexicon.
bool AttributionFollows(std::string_view text, size_t from, size_t end) {
  static const std::unordered_set<std::string_view> kVerbs = {
      "said",    "says",    "asked", "asks",      "added",     "told",     "replied", "wondered",
      "shouted", "tweeted", "wrote", "continued", "exclaimed", "recalled", "joked",   "yelled"};
  size_t i = from;
  bool verb = false;
  for (int words = 0; words < 8 && i < end;) {
    size_t w = i;
    while (i < end) {
      size_t t = i;
      char32_t d = NextCodePoint(text, t);
      if (!IsAlpha(d) && d != U'\'' && d != U'\u2019' && d != U'-') break;
      i = t;
    }
    if (i == w) return false;
    ++words;
    const std::string word = FoldForMatch(text.substr(w, i - w));
    verb |= kVerbs.count(word) > 0;
    if (i >= end) return false;
    char p = text[i];
    // "Mr. Calderón told CNBC.": a title's dot ends nothing.
    if (p == '.' && IsAbbreviation(word) && i + 1 < end && text[i + 1] == ' ') {
      i += 2;
      continue;
    }
    if (p == '.' || p == ',') return verb;
    if (p != ' ') return false;
    ++i;
    if (words >= 6 && !verb) return false;
  }
  return false;
}

}  // namespace

void SplitParagraph(std::string_view text, Span p, uint32_t para, const SplitOptions& opt,
                    std::vector<Sentence>& out) {
  std::vector<bool> in_quote;
  if (opt.keep_quotes_whole) in_quote = ClosedQuoteMask(text, p);
  size_t sentence_start = p.begin;
  size_t i = p.begin;
  while (i < p.end) {
    size_t at = i;
    char32_t c = NextCodePoint(text, i);
    if (!IsTerminator(c)) continue;
    // Swallow repeated terminators and closers.
    size_t j = i;
    while (j < p.end) {
      size_t k = j;
      char32_t d = NextCodePoint(text, k);
      if (IsTerminator(d) || IsCloser(d))
        j = k;
      else
        break;
    }
    // Require white space, then a sentence start.
    size_t k = j;
    bool saw_space = false;
    while (k < p.end) {
      size_t m = k;
      char32_t d = NextCodePoint(text, m);
      if (!IsSpace(d)) break;
      saw_space = true;
      k = m;
    }
    if (!saw_space || k >= p.end) {
      i = j;
      continue;
    }
    size_t m = k;
    char32_t next = NextCodePoint(text, m);
    if (!(IsUpper(next) || IsDigit(next) || IsOpener(next))) {
      i = j;
      continue;
    }
    // Inside a quote that closes later? Judge by the last character taken
    // (a closing mark right after the terminator ends the quote).
    if (opt.keep_quotes_whole && j - 1 - p.begin < in_quote.size() && in_quote[j - 1 - p.begin] &&
        at - sentence_start < opt.max_quoted_sentence_bytes) {
      i = j;
      continue;
    }
    // “Does anybody know?” Graham asked. — a question or exclamation
    // closing a quote is not the end of the sentence its attribution ends.
    if ((c == U'?' || c == U'!') && j > i && AttributionFollows(text, k, p.end)) {
      i = j;
      continue;
    }
    if (c == U'.') {
      // The word before the dot.
      size_t w = at;
      while (w > p.begin) {
        size_t back = w - 1;
        while (back > p.begin && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
        size_t tmp = back;
        char32_t b = NextCodePoint(text, tmp);
        if (IsAlpha(b) || b == U'.')
          w = back;
        else
          break;
      }
      std::string word = FoldForMatch(text.substr(w, at - w));
      // The next word, for abbreviation-at-sentence-end decisions.
      size_t ne = k;
      while (ne < p.end) {
        size_t t = ne;
        char32_t d = NextCodePoint(text, t);
        if (!IsAlpha(d)) break;
        ne = t;
      }
      std::string next_word = FoldForMatch(text.substr(k, ne - k));
      bool single_initial = CodePointCount(word) == 1 && IsUpper(text[w]);
      bool dotted = word.find('.') != std::string::npos;  // U.S., e.g., a.m.
      // A run of initials ("L. A. Superior Court", "J. R. R. Tolkien"): the
      // next word is one capital with its own dot.
      bool initials = single_initial && CodePointCount(next_word) == 1 && ne < p.end && text[ne] == '.' &&
                      IsUpper(text[k]);
      // The end of a hyphenated word ("an op-ed.") abbreviates nothing.
      const bool hyphenated = w > p.begin && text[w - 1] == '-';
      if ((IsAbbreviation(word) && !hyphenated) || initials ||
          (single_initial && !IsSentenceStarter(next_word))) {
        i = j;
        continue;
      }
      if (dotted && !IsSentenceStarter(next_word)) {
        i = j;
        continue;
      }
      // "with Ore. Gov. Ana Berg": a state inside a phrase, not ending
      // a place after its comma ("Salem, Ore.").
      if (IsStateAbbreviation(word) && IsUpper(text[w]) && !IsSentenceStarter(next_word)) {
        size_t before = w;
        while (before > p.begin && text[before - 1] == ' ') --before;
        const bool after_comma = before > p.begin && text[before - 1] == ',';
        const bool title_next = IsAbbreviation(next_word) && ne < p.end && text[ne] == '.';
        if (title_next || !after_comma) {
          i = j;
          continue;
        }
      }
    }
    Emit(text, sentence_start, j, para, opt.max_sentence_bytes, out);
    sentence_start = k;
    i = k;
  }
  Emit(text, sentence_start, p.end, para, opt.max_sentence_bytes, out);
}

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Span>& paragraphs,
                                     const SplitOptions& options) {
  std::vector<Sentence> out;
  for (uint32_t p = 0; p < paragraphs.size(); ++p) SplitParagraph(text, paragraphs[p], p, options, out);
  return out;
}

}  // namespace crosscheck::text
