// Tokenizer. One left-to-right pass over code points: a token starts at a
// letter or digit and extends over letters and digits, over a hyphen or an
// apostrophe between letters, over a dot inside an abbreviation (U.S.), and
// over ',' or '.' between digits. A trailing 's after an apostrophe is split
// off as a clitic so that "Putin's" yields the name "Putin".
#include "crosscheck/text/tokens.h"

#include <libstemmer.h>

#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "crosscheck/text/unicode.h"

namespace crosscheck::text {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// Looks strings up by string_view without making a string.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC'; }

}  // namespace

std::string Stem(std::string_view w) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  // Words repeat (Zipf): a per-thread cache of recent stems saves most calls
  // into the stemmer. Emptied when full, so its memory stays bounded.
  thread_local std::unordered_map<std::string, std::string, ViewHash, std::equal_to<>> cache;
  constexpr size_t kCacheWords = 1 << 16;
  if (!stemmer || w.empty()) return std::string(w);
  if (auto it = cache.find(w); it != cache.end()) return it->second;
  std::string key(w);
  const sb_symbol* out = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(w.data()),
                                         static_cast<int>(w.size()));
  std::string stem = out ? std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(stemmer.get()))
                         : std::string(w);
  if (cache.size() >= kCacheWords) cache.clear();
  cache.emplace(std::move(key), stem);
  return stem;
}

bool IsStopWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "in", "on", "at", "to", "for", "from",
      "by", "with", "without", "about", "as", "into", "onto", "over", "under", "after", "before", "between",
      "during", "through", "than", "then", "that", "this", "these", "those", "it", "its", "it's", "he", "him",
      "his", "she", "her", "hers", "they", "them", "their", "theirs", "we", "us", "our", "ours", "you",
      "your", "i", "me", "my", "mine", "who", "whom", "whose", "which", "what", "when", "where", "why", "how",
      "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does",
      "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "if",
      "while", "also", "just", "very", "there", "here", "all", "any", "some", "such", "each", "other", "more",
      "most", "up", "down", "out", "off", "again", "further", "once", "only", "own", "same", "too", "'s", "s",
      "said", "says", "say", "saying", "told", "tell", "which", "whether", "even", "still", "both", "either",
      "neither", "one", "because", "since", "until", "upon", "against", "among", "per", "via", "within",
      "whose", "however", "although", "though",
      // a pronoun with its verb ("I'm", "we're", "they've"): function words like "it's"
      "i'm", "i'd", "i've", "i'll", "you're", "you've", "you'd", "you'll", "we're", "we've", "we'd", "we'll",
      "he's", "he'd", "he'll", "she's", "she'd", "she'll", "they're", "they've", "they'd", "they'll",
      "that's", "there's"};
  return kStop.count(w) > 0;
}

std::vector<Token> Tokenize(std::string_view text, Span range) {
  std::vector<Token> tokens;
  size_t i = range.begin;
  const size_t end = std::min<size_t>(range.end, text.size());
  tokens.reserve(end > i ? (end - i) / 5 + 2 : 0);  // English: about one token per 5 to 6 bytes
  auto peek = [&](size_t at, size_t* next) -> char32_t {
    if (at >= end) {
      *next = at;
      return 0;
    }
    size_t j = at;
    char32_t c = NextCodePoint(text, j);
    *next = j;
    return c;
  };
  while (i < end) {
    size_t next;
    char32_t c = peek(i, &next);
    if (c == U'%' || c == U'$' || c == U'\u20AC' || c == U'\u00A3') {
      Token t;
      t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(next)};
      t.kind = TokenKind::kSymbol;
      t.norm = std::string(text.substr(i, next - i));
      t.stem = t.norm;
      tokens.push_back(std::move(t));
      i = next;
      continue;
    }
    if (IsApostrophe(c)) {  // clitic 's
      size_t n2;
      char32_t s = peek(next, &n2);
      size_t n3;
      char32_t after = peek(n2, &n3);
      if ((s == U's' || s == U'S') && !IsAlpha(after) && !IsDigit(after) && !tokens.empty() &&
          tokens.back().span.end == i) {
        Token t;
        t.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(n2)};
        t.kind = TokenKind::kClitic;
        t.norm = "'s";
        t.stem = "'s";
        t.stop = true;
        tokens.push_back(std::move(t));
        i = n2;
        continue;
      }
    }
    if (!IsAlpha(c) && !IsDigit(c)) {
      i = next;
      continue;
    }
    size_t start = i;
    bool has_alpha = false, has_digit = false, first_upper = IsUpper(c);
    int letters = 0, upper_letters = 0;
    size_t j = i;
    while (j < end) {
      size_t n;
      char32_t d = peek(j, &n);
      if (IsAlpha(d)) {
        has_alpha = true;
        ++letters;
        upper_letters += IsUpper(d);
        j = n;
        continue;
      }
      if (IsDigit(d)) {
        has_digit = true;
        j = n;
        continue;
      }
      size_t n2;
      char32_t e = peek(n, &n2);
      if (IsApostrophe(d) && IsAlpha(e)) {
        size_t n3;
        char32_t f = peek(n2, &n3);
        if ((e == U's' || e == U'S') && !IsAlpha(f) && !IsDigit(f)) break;  // possessive
        j = n;
        continue;
      }
      if (IsDash(d) && d != U'\u2014' && (IsAlpha(e) || IsDigit(e)) && j > start) {
        j = n;
        continue;
      }
      if ((d == U',' || d == U'.') && IsDigit(e) && has_digit && !has_alpha) {
        j = n;
        continue;
      }
      if (d == U'.' && has_alpha && !has_digit) {
        // Abbreviation with inner dots: single letters separated by dots (U.S., e.g.).
        std::string_view sofar = text.substr(start, j - start);
        bool short_piece = true;
        size_t last_dot = sofar.rfind('.');
        std::string_view piece = last_dot == std::string_view::npos ? sofar : sofar.substr(last_dot + 1);
        short_piece = CodePointCount(piece) == 1;
        // After a dash too: "D-N.Y." (a party and a state) is one token.
        size_t last_dash = sofar.rfind('-');
        bool short_after_dash = last_dot == std::string_view::npos && last_dash != std::string_view::npos &&
                                CodePointCount(sofar.substr(last_dash + 1)) == 1;
        if ((short_piece || short_after_dash) && IsAlpha(e)) {
          size_t n3;
          char32_t f = peek(n2, &n3);
          if (f == U'.') {
            j = n;
            continue;
          }
        }
        if (short_piece && last_dot != std::string_view::npos) {
          j = n;
          break;
        }  // closing dot of U.S.
      }
      break;
    }
    Token t;
    t.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(j)};
    std::string_view surface = text.substr(start, j - start);
    t.norm = FoldForMatch(surface);
    t.kind = has_alpha ? TokenKind::kWord : TokenKind::kNumber;
    t.cap = first_upper;
    t.all_caps = letters >= 2 && upper_letters == letters;
    if (t.kind == TokenKind::kWord) {
      t.stop = IsStopWord(t.norm);
      t.stem = Stem(t.norm);
    } else {
      t.stem = t.norm;
    }
    tokens.push_back(std::move(t));
    i = j;
  }
  return tokens;
}

}  // namespace crosscheck::text
