// The entity tagger: features, the averaged perceptron, its text form,
// greedy decoding and training.
//
// Features of word i (each a 64-bit hash of a template id and its values): the word folded and as written,
// its neighbours at distance one and two, two word bigrams, shapes ("Xx", "X.X.", "d-d") of the word and its
// neighbours, prefixes and suffixes up to four letters, the punctuation mark
// before and after it, lexicon facts about it and its neighbours (a place, a
// demonym, a title word, an organisation keyword, a month, a function word,
// a word WordNet knows), whether the document also writes it in lower case
// or in title case mid-sentence, the kind of name this word was tagged as
// earlier in the document, and the two previous tags.
//
// Model text form:
//   crosscheck-entity-tagger 1
//   features N
//   <16 hex digits> <tag>:<weight> ...      (one line per feature, by hash)
// with weights in units of 1/10,000 as integers.
#include "crosscheck/tagger/entity_tagger.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <random>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "crosscheck/lexicon/wordnet.h"
#include "crosscheck/lexicon/words.h"
#include "model_data.h"

namespace crosscheck::tagger {

constexpr int kTags = 9;       // O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC
constexpr int kStart = kTags;  // "tag" before the first word

namespace {

int IndexOf(Tag t) {
  if (t.kind == EntityKind::kNone) return 0;
  return 1 + 2 * (static_cast<int>(t.kind) - 1) + (t.begin ? 0 : 1);
}
Tag TagAt(int i) {
  if (i == 0) return {};
  return {static_cast<EntityKind>(1 + (i - 1) / 2), (i - 1) % 2 == 0};
}
// IOB2: an inside tag continues a name of its kind.
bool Allowed(int prev, int tag) {
  if (tag == 0 || (tag - 1) % 2 == 0) return true;
  return prev != kStart && prev != 0 && (prev - 1) / 2 == (tag - 1) / 2;
}

// Hashing: words are hashed once (FNV-1a); a feature combines a template id
// with up to three such values through a 64-bit finaliser (splitmix64's).
constexpr uint64_t kFnvBasis = 1469598103934665603ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;
uint64_t HashOf(std::string_view s) {
  uint64_t h = kFnvBasis;
  for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
  return h;
}
uint64_t Fin(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
uint64_t Feat(uint64_t id, uint64_t a) { return Fin(Fin(id * 0x9E3779B97F4A7C15ULL) ^ a) | 1; }
uint64_t Feat(uint64_t id, uint64_t a, uint64_t b) {
  return Fin(Feat(id, a) ^ (b * 0xC2B2AE3D27D4EB4FULL)) | 1;
}
uint64_t Feat(uint64_t id, uint64_t a, uint64_t b, uint64_t c) {
  return Fin(Feat(id, a, b) ^ (c * 0x165667B19E3779F9ULL)) | 1;
}

std::string Lower(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The word with typographic apostrophes (U+2019, U+2018, U+02BC) written as
// "'", as the training data writes them ("We’ve" is "We've").
std::string_view AsciiApostrophes(std::string_view w, std::string& buf) {
  if (w.find("\xE2\x80\x99") == std::string_view::npos && w.find("\xE2\x80\x98") == std::string_view::npos &&
      w.find("\xCA\xBC") == std::string_view::npos)
    return w;
  buf.clear();
  for (size_t k = 0; k < w.size(); ++k) {
    if (w.compare(k, 3, "\xE2\x80\x99") == 0 || w.compare(k, 3, "\xE2\x80\x98") == 0) {
      buf += '\'';
      k += 2;
    } else if (w.compare(k, 2, "\xCA\xBC") == 0) {
      buf += '\'';
      k += 1;
    } else {
      buf += w[k];
    }
  }
  return buf;
}

std::string ShapeOf(std::string_view w) {
  std::string s;
  for (unsigned char c : w) {
    char k;
    if (std::isupper(c))
      k = 'X';
    else if (std::islower(c))
      k = 'x';
    else if (std::isdigit(c))
      k = 'd';
    else if (c >= 0x80)
      k = (c & 0xC0) == 0x80 ? '\0' : 'u';  // one mark per non-ASCII character
    else
      k = static_cast<char>(c);
    if (k == '\0') continue;
    if (s.empty() || s.back() != k) s += k;
  }
  return s;
}

bool Capitalised(std::string_view w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }
bool AllCaps(std::string_view w) {
  int letters = 0;
  for (unsigned char c : w) {
    if (std::islower(c)) return false;
    letters += std::isupper(c) ? 1 : 0;
  }
  return letters >= 2;
}

enum LexBit : uint32_t {
  kPlace = 1,
  kDemonym = 2,
  kTitleWord = 4,
  kTitleHead = 8,
  kOrgWord = 16,
  kPlaceWord = 32,
  kMonth = 64,
  kWeekday = 128,
  kStop = 256,
  kKnown = 512,
  kCue = 1024,
};
constexpr int kLexBits = 11;

uint32_t LexiconFlags(std::string_view word) {
  // An abbreviation's dot is not part of the word the lists hold ("Sen.").
  std::string lw(word.size() > 1 && word.back() == '.' && word.find('.') == word.size() - 1
                     ? word.substr(0, word.size() - 1)
                     : word);
  uint32_t f = 0;
  if (lexicon::LookupPlace(lw) != lexicon::PlaceKind::kNone) f |= kPlace;
  if (!lexicon::CountryOfDemonym(lw).empty()) f |= kDemonym;
  if (lexicon::IsTitleWord(lw)) f |= kTitleWord;
  if (lexicon::IsTitleHead(lw)) f |= kTitleHead;
  if (lexicon::IsOrgKeyword(lw)) f |= kOrgWord;
  if (lexicon::IsPlaceKeyword(lw)) f |= kPlaceWord;
  if (lexicon::MonthOf(lw)) f |= kMonth;
  if (lexicon::WeekdayOf(lw) >= 0) f |= kWeekday;
  if (lexicon::IsDeterminer(lw) || lexicon::IsPersonPronoun(lw)) f |= kStop;
  if (lexicon::WordNet::Get().Knows(lw)) f |= kKnown;
  if (lexicon::CueOf(lw) != lexicon::Cue::kNone) f |= kCue;
  return f;
}

// Word -> (coarse + 1, fine + 1) cluster.
using Clusters = std::unordered_map<std::string, std::pair<uint32_t, uint32_t>>;

Status ParseClusters(std::string_view text, Clusters& out, size_t& end) {
  // "clusters N" then N lines "word\tcoarse\tfine".
  size_t e = text.find('\n');
  if (e == std::string_view::npos) return InvalidArgument("entity model: bad cluster count");
  std::string_view head = text.substr(0, e);
  size_t n = 0;
  if (!head.starts_with("clusters ") ||
      std::from_chars(head.data() + 9, head.data() + head.size(), n).ec != std::errc() || n > 10'000'000)
    return InvalidArgument("entity model: bad cluster count");
  size_t b = e + 1;
  out.reserve(n);
  for (size_t k = 0; k < n; ++k) {
    e = text.find('\n', b);
    if (e == std::string_view::npos) return InvalidArgument("entity model: clusters cut short");
    std::string_view line = text.substr(b, e - b);
    size_t t1 = line.find('\t'), t2 = line.rfind('\t');
    uint32_t c = 0, f = 0;
    if (t1 == std::string_view::npos || t2 == t1 ||
        std::from_chars(line.data() + t1 + 1, line.data() + t2, c).ec != std::errc() ||
        std::from_chars(line.data() + t2 + 1, line.data() + line.size(), f).ec != std::errc())
      return InvalidArgument("entity model: bad cluster line " + std::to_string(k + 1));
    out.emplace(std::string(line.substr(0, t1)), std::make_pair(c + 1, f + 1));
    b = e + 1;
  }
  end = b;
  return Status::Ok();
}

// The clusters of a word: as written, else in title case (a headline in
// capitals), else in lower case.
std::pair<uint32_t, uint32_t> ClusterOf(const Clusters& clusters, std::string_view w,
                                        const std::string& lower) {
  if (clusters.empty()) return {0, 0};
  if (auto it = clusters.find(std::string(w)); it != clusters.end()) return it->second;
  if (AllCaps(w) && !lower.empty()) {
    std::string title = lower;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    if (auto it = clusters.find(title); it != clusters.end()) return it->second;
  }
  if (auto it = clusters.find(lower); it != clusters.end()) return it->second;
  return {0, 0};
}

// The gazetteer: for each word, the kinds of known names it is part of
// (bit k-1 for kind k), and the known phrases themselves.
// A phrase's key: its words' hashes combined in order.
uint64_t PhraseStep(uint64_t h, uint64_t word) { return Fin(h ^ (word * 0x9E3779B97F4A7C15ULL)) | 1; }

struct Gazetteer {
  std::unordered_map<std::string, uint8_t> word_kinds;
  std::unordered_map<uint64_t, uint8_t> phrase_kinds;  // by PhraseStep over the words' HashOf
  // Lower-case nouns of people, groups and places (bits 0, 1, 2).
  std::unordered_map<std::string, uint8_t> noun_kinds;
  size_t longest = 1;  // words in the longest phrase, at most 6
  void Add(std::string_view phrase, int kind) {
    if (kind >= 5 && kind <= 7) {
      noun_kinds[std::string(phrase)] |= static_cast<uint8_t>(1u << (kind - 5));
      return;
    }
    if (kind < 1 || kind > 4) return;
    const auto bit = static_cast<uint8_t>(1u << (kind - 1));
    size_t words = 0;
    uint64_t key = 0;
    for (size_t b = 0; b <= phrase.size();) {
      size_t e = phrase.find(' ', b);
      if (e == std::string_view::npos) e = phrase.size();
      if (e > b) {
        word_kinds[std::string(phrase.substr(b, e - b))] |= bit;
        key = PhraseStep(key, HashOf(phrase.substr(b, e - b)));
        ++words;
      }
      b = e + 1;
    }
    if (words == 0 || words > 6) return;
    phrase_kinds[key] |= bit;
    longest = std::max(longest, words);
  }
};

Status ParseNames(std::string_view text, Gazetteer& out, size_t& end) {
  // "names N" then N lines "kind\tphrase".
  size_t e = text.find('\n');
  std::string_view head = text.substr(0, e == std::string_view::npos ? text.size() : e);
  size_t n = 0;
  if (e == std::string_view::npos || !head.starts_with("names ") ||
      std::from_chars(head.data() + 6, head.data() + head.size(), n).ec != std::errc() || n > 10'000'000)
    return InvalidArgument("entity model: bad name count");
  size_t b = e + 1;
  for (size_t k = 0; k < n; ++k) {
    e = text.find('\n', b);
    if (e == std::string_view::npos) return InvalidArgument("entity model: names cut short");
    std::string_view line = text.substr(b, e - b);
    int kind = 0;
    if (line.size() < 3 || line[1] != '\t' ||
        std::from_chars(line.data(), line.data() + 1, kind).ec != std::errc() || kind < 1 || kind > 7)
      return InvalidArgument("entity model: bad name line " + std::to_string(k + 1));
    out.Add(line.substr(2), kind);
    b = e + 1;
  }
  end = b;
  return Status::Ok();
}

std::string NamesSection(const std::vector<std::pair<std::string, int>>& names) {
  std::string out;
  size_t n = 0;
  for (const auto& [phrase, kind] : names) {
    if (kind < 1 || kind > 7 || phrase.empty() || phrase.find_first_of("\t\n") != std::string::npos) continue;
    out += std::to_string(kind);
    out += '\t';
    out += phrase;
    out += '\n';
    ++n;
  }
  return "names " + std::to_string(n) + "\n" + out;
}

// A word as the gazetteer writes it: as written, or in title case when in
// capitals.
std::string_view GazetteerForm(std::string_view w, std::string& buf) {
  if (!AllCaps(w)) return w;
  buf.assign(w);
  for (size_t k = 1; k < buf.size(); ++k)
    buf[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(buf[k])));
  return buf;
}

// What a document tells about its words, shared by all its sentences.
struct DocContext {
  struct Word {
    uint32_t flags = 0;
    bool lower_seen = false;          // written in lower case somewhere
    bool title_seen = false;          // capitalised mid-sentence in a sentence not in capitals
    std::array<uint16_t, 5> kinds{};  // how often tagged as each EntityKind so far
  };
  std::unordered_map<uint64_t, Word> words;  // by the folded word's hash
};

// Hashes of one word's forms, computed once per word.
struct WordHashes {
  uint64_t lower = 0, cased = 0, shape = 0;
  std::array<uint64_t, 4> prefix{}, suffix{};
  uint8_t affixes = 0;            // how many prefixes and suffixes (the word's length - 1, at most 4)
  uint32_t coarse = 0, fine = 0;  // word clusters, 0 when the word has none
  bool cap = false, lower_initial = false;
};

struct SentenceView {
  const Sentence* s;
  std::vector<WordHashes> h;
  // Gazetteer: kinds of names each word belongs to, and the longest known
  // phrase covering it (kind bits, and whether the word begins it).
  std::vector<uint8_t> name_bits, phrase_bits, noun_bits;
  std::vector<bool> phrase_begin;
  std::vector<DocContext::Word*> info;
  bool all_caps = false;
};

const uint64_t kBosHash = HashOf("<s>"), kEosHash = HashOf("</s>");

WordHashes HashWord(std::string_view w, const std::string& lower) {
  WordHashes h;
  h.lower = HashOf(lower);
  h.cased = HashOf(w);
  h.shape = HashOf(ShapeOf(w));
  h.cap = Capitalised(w);
  h.lower_initial = !w.empty() && std::islower(static_cast<unsigned char>(w[0]));
  size_t n = std::min<size_t>(4, lower.empty() ? 0 : lower.size() - 1);
  h.affixes = static_cast<uint8_t>(n);
  uint64_t p = kFnvBasis;
  for (size_t k = 0; k < n; ++k) {
    p = (p ^ static_cast<unsigned char>(lower[k])) * kFnvPrime;
    h.prefix[k] = p;
  }
  uint64_t q = kFnvBasis;
  for (size_t k = 0; k < n; ++k) {
    q = (q ^ static_cast<unsigned char>(lower[lower.size() - 1 - k])) * kFnvPrime;
    h.suffix[k] = q;
  }
  return h;
}

bool SentenceInCapitals(const Sentence& s) {
  int caps = 0, lower = 0;
  for (std::string_view w : s.words) {
    if (AllCaps(w)) ++caps;
    for (unsigned char c : w)
      if (std::islower(c)) {
        ++lower;
        break;
      }
  }
  return caps >= 2 && caps > lower;
}

// What the gazetteer knows of one word as written.
struct WordNames {
  uint8_t name_bits = 0, noun_bits = 0;
  uint64_t form = 0;  // HashOf its gazetteer form
};

// The kinds of lower-case noun a word is (a plural by its singular).
uint8_t NounBits(const Gazetteer& g, const std::string& lower) {
  if (g.noun_kinds.empty()) return 0;
  auto it = g.noun_kinds.find(lower);
  if (it == g.noun_kinds.end() && lower.size() > 3 && lower.back() == 's')
    it = g.noun_kinds.find(lower.substr(0, lower.size() - 1));  // plural
  return it != g.noun_kinds.end() ? it->second : 0;
}

WordNames LookUpNames(const Gazetteer& g, std::string_view w, const std::string& lower) {
  WordNames out;
  out.noun_bits = NounBits(g, lower);
  std::string buf;
  std::string_view form = GazetteerForm(w, buf);
  out.form = HashOf(form);
  if (!g.word_kinds.empty())
    if (auto it = g.word_kinds.find(std::string(form)); it != g.word_kinds.end()) out.name_bits = it->second;
  return out;
}

// The longest known phrases, from the words' names (one per word).
void MatchNames(const Gazetteer& g, const std::vector<WordNames>& names, SentenceView& v) {
  const Sentence& s = *v.s;
  const size_t n = s.words.size();
  v.name_bits.assign(n, 0);
  v.phrase_bits.assign(n, 0);
  v.phrase_begin.assign(n, false);
  v.noun_bits.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    v.name_bits[i] = names[i].name_bits;
    v.noun_bits[i] = names[i].noun_bits;
  }
  if (g.phrase_kinds.empty()) return;
  for (size_t i = 0; i < n;) {
    size_t matched = 0;
    uint8_t bits = 0;
    if (v.name_bits[i] && Capitalised(s.words[i])) {
      uint64_t key = 0;
      const size_t most = std::min(g.longest, n - i);
      for (size_t len = 1; len <= most; ++len) {
        key = PhraseStep(key, names[i + len - 1].form);
        if (auto it = g.phrase_kinds.find(key); it != g.phrase_kinds.end()) {
          matched = len;
          bits = it->second;
        }
      }
    }
    if (!matched) {
      ++i;
      continue;
    }
    for (size_t k = i; k < i + matched; ++k) v.phrase_bits[k] = bits;
    v.phrase_begin[i] = true;
    i += matched;
  }
}

// Words each per-thread cache holds before it is emptied: a server's many
// threads each keep one, so each stays a few MiB.
constexpr size_t kThreadCacheWords = 1u << 16;

// A number no other model object had, for the per-thread caches.
uint64_t NewModelId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

DocContext BuildContext(const std::vector<Sentence>& doc, const Clusters& clusters, const Gazetteer& names,
                        uint64_t model_id, std::vector<SentenceView>& views) {
  DocContext ctx;
  views.clear();
  views.reserve(doc.size());
  // Everything known of a word as written, looked up once per document.
  struct Cased {
    WordHashes h;
    WordNames names;
    DocContext::Word* info = nullptr;
  };
  std::unordered_map<std::string_view, Cased> cased;
  std::vector<WordNames> names_of;
  std::string lower, ascii;
  // What the model's lists say of a word as written, kept per thread across
  // documents (the lists are the model's: a new model starts afresh).
  struct Known {
    uint32_t coarse = 0, fine = 0, flags = 0;
    WordNames names;
  };
  thread_local uint64_t known_owner = 0;
  thread_local std::unordered_map<uint64_t, Known> known;
  if (known_owner != model_id || known.size() > kThreadCacheWords) {
    known.clear();
    known_owner = model_id;
  }
  for (const Sentence& s : doc) {
    SentenceView v;
    v.s = &s;
    v.all_caps = SentenceInCapitals(s);
    v.h.reserve(s.words.size());
    v.info.reserve(s.words.size());
    names_of.clear();
    for (size_t i = 0; i < s.words.size(); ++i) {
      std::string_view w = s.words[i];
      auto [c, fresh_word] = cased.try_emplace(w);
      if (fresh_word) {
        std::string_view form = AsciiApostrophes(w, ascii);
        lower = Lower(form);
        c->second.h = HashWord(form, lower);
        auto [k, unknown] = known.try_emplace(c->second.h.cased);
        if (unknown) {
          std::tie(k->second.coarse, k->second.fine) = ClusterOf(clusters, form, lower);
          k->second.names = LookUpNames(names, form, lower);
          k->second.flags = LexiconFlags(lower);
        }
        c->second.h.coarse = k->second.coarse;
        c->second.h.fine = k->second.fine;
        c->second.names = k->second.names;
        auto [it, fresh] = ctx.words.try_emplace(c->second.h.lower);
        if (fresh) it->second.flags = k->second.flags;
        c->second.info = &it->second;
      }
      v.h.push_back(c->second.h);
      names_of.push_back(c->second.names);
      DocContext::Word* info = c->second.info;
      v.info.push_back(info);
      if (c->second.h.lower_initial) info->lower_seen = true;
      if (i > 0 && !v.all_caps && c->second.h.cap && s.mark_before[i] != '.' && s.mark_before[i] != '"' &&
          s.mark_before[i] != ':')
        info->title_seen = true;
    }
    MatchNames(names, names_of, v);
    views.push_back(std::move(v));
  }
  return ctx;
}

int HistoryKind(const DocContext::Word& w) {
  int best = 0, n = 0;
  for (int k = 1; k < 5; ++k)
    if (w.kinds[k] > n) {
      n = w.kinds[k];
      best = k;
    }
  return best;
}

// The features of word i that do not depend on the previous tags.
// Without `word`, the features naming the word itself are left out (training
// drops them now and then, so that context and shape learn to carry a name
// the data never showed).
// The features of a word that depend on nothing but the word (so a word's
// score from them can be kept for the next time it is seen).
void WordOnlyFeatures(const WordHashes& h, uint32_t flags, uint8_t noun_bits, uint8_t name_bits,
                      std::vector<uint64_t>& out, bool word = true) {
  out.push_back(Feat(1, 0));
  if (word) {
    out.push_back(Feat(2, h.lower));
    out.push_back(Feat(13, h.cased));
  }
  out.push_back(Feat(9, h.shape));
  for (size_t k = 0; k < h.affixes; ++k) {
    out.push_back(Feat(14 + k, h.prefix[k]));
    out.push_back(Feat(18 + k, h.suffix[k]));
  }
  for (int b = 0; b < kLexBits; ++b)
    if (flags & (1u << b)) out.push_back(Feat(27, static_cast<uint64_t>(b)));
  if (h.coarse) {
    out.push_back(Feat(40, h.coarse));
    out.push_back(Feat(41, h.fine));
    out.push_back(Feat(46, h.fine, h.shape));
  }
  if (noun_bits) out.push_back(Feat(52, static_cast<uint64_t>(noun_bits), 1));
  for (int b = 0; b < 4; ++b)
    if (name_bits & (1u << b)) out.push_back(Feat(50, static_cast<uint64_t>(b)));
}

// The features of word i that depend on its sentence and document but not
// on the previous tags.
void ContextFeatures(const SentenceView& v, size_t i, std::vector<uint64_t>& out, bool word = true) {
  const Sentence& s = *v.s;
  const auto n = static_cast<ptrdiff_t>(s.words.size());
  const auto p = static_cast<ptrdiff_t>(i);
  auto lower = [&](ptrdiff_t k) { return k < 0 ? kBosHash : k >= n ? kEosHash : v.h[k].lower; };
  auto shape = [&](ptrdiff_t k) { return k < 0 ? kBosHash : k >= n ? kEosHash : v.h[k].shape; };
  const WordHashes& h = v.h[i];
  out.push_back(Feat(3, lower(p - 1)));
  out.push_back(Feat(4, lower(p + 1)));
  out.push_back(Feat(5, lower(p - 2)));
  out.push_back(Feat(6, lower(p + 2)));
  if (word) {
    out.push_back(Feat(7, lower(p - 1), h.lower));
    out.push_back(Feat(8, h.lower, lower(p + 1)));
  }
  out.push_back(Feat(10, shape(p - 1)));
  out.push_back(Feat(11, shape(p + 1)));
  out.push_back(Feat(12, shape(p - 1), h.shape, shape(p + 1)));
  if (i == 0) out.push_back(Feat(22, h.shape));
  if (v.all_caps) out.push_back(Feat(23, h.shape));
  char before = s.mark_before[i];
  char after = i + 1 < s.words.size() ? s.mark_before[i + 1] : s.mark_after_last;
  out.push_back(Feat(24, static_cast<uint64_t>(static_cast<unsigned char>(before))));
  out.push_back(Feat(25, static_cast<uint64_t>(static_cast<unsigned char>(after))));
  for (int d = -1; d <= 2; ++d) {
    ptrdiff_t k = p + d;
    if (d == 0 || k < 0 || k >= n) continue;
    uint32_t f = v.info[k]->flags;
    for (int b = 0; b < kLexBits; ++b)
      if (f & (1u << b)) out.push_back(Feat(d == 2 ? 39 : 27 + d, static_cast<uint64_t>(b)));
  }
  if (h.coarse) {
    auto coarse = [&](ptrdiff_t k) -> uint64_t { return k < 0 || k >= n ? 0 : v.h[k].coarse; };
    auto fine = [&](ptrdiff_t k) -> uint64_t { return k < 0 || k >= n ? 0 : v.h[k].fine; };
    out.push_back(Feat(42, fine(p - 1)));
    out.push_back(Feat(43, fine(p + 1)));
    out.push_back(Feat(44, coarse(p - 1), h.coarse));
    out.push_back(Feat(45, h.coarse, coarse(p + 1)));
  }
  for (int d = -1; d <= 1; d += 2) {
    ptrdiff_t k = p + d;
    if (k < 0 || k >= n || !v.noun_bits[k]) continue;
    out.push_back(Feat(52, static_cast<uint64_t>(v.noun_bits[k]), d < 0 ? uint64_t{0} : uint64_t{2}));
  }
  for (int b = 0; b < 4; ++b)
    if (v.phrase_bits[i] & (1u << b))
      out.push_back(Feat(51, static_cast<uint64_t>(b), static_cast<uint64_t>(v.phrase_begin[i])));
  const DocContext::Word& info = *v.info[i];
  if (h.cap) out.push_back(Feat(29, static_cast<uint64_t>(info.lower_seen)));
  if (h.cap && (i == 0 || v.all_caps || before == '"' || before == '.' || before == ':'))
    out.push_back(Feat(30, static_cast<uint64_t>(info.title_seen)));
}

void StaticFeatures(const SentenceView& v, size_t i, std::vector<uint64_t>& out, bool word = true) {
  WordOnlyFeatures(v.h[i], v.info[i]->flags, v.noun_bits[i], v.name_bits[i], out, word);
  ContextFeatures(v, i, out, word);
}

void TagFeatures(const SentenceView& v, size_t i, int prev, int prev2, std::vector<uint64_t>& out,
                 bool word = true) {
  out.push_back(Feat(31, static_cast<uint64_t>(HistoryKind(*v.info[i])), static_cast<uint64_t>(prev)));
  out.push_back(Feat(32, static_cast<uint64_t>(prev)));
  out.push_back(Feat(33, static_cast<uint64_t>(prev2), static_cast<uint64_t>(prev)));
  if (word) out.push_back(Feat(34, static_cast<uint64_t>(prev), v.h[i].lower));
  // "Kessel and Marro": the tag before a conjunction or comma.
  if (i >= 2) out.push_back(Feat(36, static_cast<uint64_t>(prev2), v.h[i - 1].lower));
  out.push_back(Feat(35, static_cast<uint64_t>(prev), v.h[i].shape));
}

void Remember(SentenceView& v, size_t i, int tag) {
  auto& k = v.info[i]->kinds[static_cast<int>(TagAt(tag).kind)];
  if (k < UINT16_MAX) ++k;
}

}  // namespace

// Feature weights: an open-addressing table from feature hash to a row of
// kTags weights.
class Model {
 public:
  const uint64_t id = NewModelId();
  Clusters clusters;
  Gazetteer names;
  void Reserve(size_t n) {
    size_t cap = 16;
    while (cap < n * 2) cap <<= 1;
    slots_.assign(cap, Slot{});
    weights_.clear();
    weights_.reserve(n * kTags);
  }
  float* Row(uint64_t key) {
    size_t mask = slots_.size() - 1;
    for (size_t h = key & mask;; h = (h + 1) & mask) {
      if (slots_[h].key == key) return &weights_[static_cast<size_t>(slots_[h].row) * kTags];
      if (slots_[h].key == 0) {
        slots_[h] = {key, static_cast<uint32_t>(weights_.size() / kTags)};
        weights_.resize(weights_.size() + kTags, 0.f);
        return &weights_[static_cast<size_t>(slots_[h].row) * kTags];
      }
    }
  }
  const float* Find(uint64_t key) const {
    size_t mask = slots_.size() - 1;
    for (size_t h = key & mask;; h = (h + 1) & mask) {
      if (slots_[h].key == key) return &weights_[static_cast<size_t>(slots_[h].row) * kTags];
      if (slots_[h].key == 0) return nullptr;
    }
  }
  void Score(const std::vector<uint64_t>& feats, float* scores) const {
    // The probes miss the cache: ask for all slots first, then for the
    // rows found, so the loads overlap instead of waiting one by one.
    const size_t mask = slots_.size() - 1;
    for (uint64_t f : feats) __builtin_prefetch(&slots_[f & mask]);
    const float* rows[128];
    size_t n = 0;
    for (uint64_t f : feats)
      if (const float* r = Find(f); r && n < 128) {
        __builtin_prefetch(r);
        rows[n++] = r;
      }
    for (size_t k = 0; k < n; ++k)
      for (int t = 0; t < kTags; ++t) scores[t] += rows[k][t];
  }

 private:
  struct Slot {
    uint64_t key = 0;  // 0: empty (feature hashes are odd)
    uint32_t row = 0;
  };
  std::vector<Slot> slots_;
  std::vector<float> weights_;
};

namespace {

int BestAllowed(const float* scores, int prev) {
  int best = 0;
  for (int t = 1; t < kTags; ++t)
    if (Allowed(prev, t) && scores[t] > scores[best]) best = t;
  return best;
}

}  // namespace

const char* ToString(EntityKind k) {
  switch (k) {
    case EntityKind::kPerson:
      return "PER";
    case EntityKind::kOrganization:
      return "ORG";
    case EntityKind::kPlace:
      return "LOC";
    case EntityKind::kMisc:
      return "MISC";
    case EntityKind::kNone:
      break;
  }
  return "O";
}

std::string ToIob2(Tag t) {
  if (t.kind == EntityKind::kNone) return "O";
  return std::string(t.begin ? "B-" : "I-") + ToString(t.kind);
}

char MarkClass(std::string_view text) {
  char last = '\0';
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c < 0x80) {
      if (std::isalnum(c)) return last;
      switch (c) {
        case ',':
        case '.':
        case '(':
        case ')':
        case '"':
        case ':':
        case '-':
          last = static_cast<char>(c);
          break;
        case ';':
          last = ':';
          break;
        case '!':
        case '?':
          last = '.';
          break;
        case '[':
          last = '(';
          break;
        case ']':
          last = ')';
          break;
        case '`':
        case '\'':
          last = '"';
          break;
        default:
          last = '?';
      }
      continue;
    }
    // UTF-8 punctuation: curly quotes and guillemets, dashes, ellipsis.
    std::string_view rest = text.substr(i);
    if (rest.starts_with("\xE2\x80\x9C") || rest.starts_with("\xE2\x80\x9D") ||
        rest.starts_with("\xE2\x80\x98") || rest.starts_with("\xE2\x80\x99") ||
        rest.starts_with("\xE2\x80\x9E") || rest.starts_with("\xC2\xAB") || rest.starts_with("\xC2\xBB"))
      last = '"';
    else if (rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94"))
      last = '-';
    else if (rest.starts_with("\xE2\x80\xA6"))
      last = '.';
    else if (rest.starts_with("\xC2\xA0"))
      ;  // no-break space
    else
      last = '?';
    while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;
  }
  return last;
}

Sentence FromTokens(const std::vector<std::string_view>& tokens) {
  Sentence s;
  char mark = '\0';
  for (std::string_view t : tokens) {
    bool word = false;
    for (unsigned char c : t)
      if (std::isalnum(c) || c >= 0x80) {
        word = true;
        break;
      }
    if (word && MarkClass(t) == '?' && t.size() <= 3 && static_cast<unsigned char>(t[0]) >= 0x80)
      word = false;
    if (!word) {
      if (char m = MarkClass(t)) mark = m;
      continue;
    }
    s.words.push_back(t);
    s.mark_before.push_back(mark);
    mark = '\0';
  }
  s.mark_after_last = mark;
  return s;
}

EntityTagger::EntityTagger(std::unique_ptr<Model> m) : model_(std::move(m)) {}
EntityTagger::EntityTagger(EntityTagger&&) noexcept = default;
EntityTagger& EntityTagger::operator=(EntityTagger&&) noexcept = default;
EntityTagger::~EntityTagger() = default;

StatusOr<EntityTagger> EntityTagger::FromText(std::string_view text) {
  auto fail = [](const std::string& why) { return InvalidArgument("entity model: " + why); };
  auto line_end = [&](size_t from) {
    size_t e = text.find('\n', from);
    return e == std::string_view::npos ? text.size() : e;
  };
  size_t e = line_end(0);
  if (text.substr(0, e) != "crosscheck-entity-tagger 1") return fail("not a crosscheck entity model");
  size_t b = e + 1;
  auto m = std::make_unique<Model>();
  if (text.substr(b).starts_with("clusters ")) {
    size_t used = 0;
    CROSSCHECK_RETURN_IF_ERROR(ParseClusters(text.substr(b), m->clusters, used));
    b += used;
  }
  if (text.substr(b).starts_with("names ")) {
    size_t used = 0;
    CROSSCHECK_RETURN_IF_ERROR(ParseNames(text.substr(b), m->names, used));
    b += used;
  }
  e = line_end(b);
  std::string_view count_line = text.substr(b, e - b);
  size_t n = 0;
  if (!count_line.starts_with("features ") ||
      std::from_chars(count_line.data() + 9, count_line.data() + count_line.size(), n).ec != std::errc() ||
      n > 50'000'000)
    return fail("bad feature count");
  m->Reserve(n);
  size_t lines = 0;
  for (b = e + 1; b < text.size(); b = e + 1) {
    e = line_end(b);
    std::string_view line = text.substr(b, e - b);
    if (line.empty()) continue;
    const char* p = line.data();
    const char* end = line.data() + line.size();
    uint64_t key = 0;
    auto r = std::from_chars(p, end, key, 16);
    if (r.ec != std::errc() || key == 0) return fail("bad line " + std::to_string(lines + 3));
    float* row = m->Row(key);
    p = r.ptr;
    while (p < end) {
      if (*p == ' ') {
        ++p;
        continue;
      }
      int tag = 0;
      long w = 0;
      r = std::from_chars(p, end, tag);
      if (r.ec != std::errc() || r.ptr >= end || *r.ptr != ':' || tag < 0 || tag >= kTags)
        return fail("bad weight on feature line " + std::to_string(lines + 1));
      r = std::from_chars(r.ptr + 1, end, w);
      if (r.ec != std::errc()) return fail("bad weight on feature line " + std::to_string(lines + 1));
      row[tag] = static_cast<float>(w) / 10000.f;
      p = r.ptr;
    }
    if (++lines > n) return fail("more features than announced");
  }
  return EntityTagger(std::move(m));
}

const EntityTagger& EntityTagger::Default() {
  static const EntityTagger* t = [] {
    auto loaded = FromText(internal::EntityModelText());
    // The model is part of the build; a broken one is a build error.
    if (!loaded.ok()) std::abort();
    return new EntityTagger(std::move(loaded).value());
  }();
  return *t;
}

bool EntityTagger::IsPersonNoun(std::string_view lower) const {
  return (NounBits(model_->names, std::string(lower)) & 1) != 0;
}

std::vector<std::vector<Tag>> EntityTagger::TagDocument(const std::vector<Sentence>& doc,
                                                        std::vector<std::vector<float>>* margins) const {
  std::vector<SentenceView> views;
  DocContext ctx = BuildContext(doc, model_->clusters, model_->names, model_->id, views);
  std::vector<std::vector<Tag>> out(doc.size());
  if (margins) margins->assign(doc.size(), {});
  std::vector<uint64_t> feats;
  // Scores of the word-only features, per word as written: they are the
  // same wherever the word occurs. Kept per thread for this model.
  thread_local uint64_t cache_owner = 0;
  thread_local std::unordered_map<uint64_t, std::array<float, kTags>> word_scores;
  if (cache_owner != model_->id || word_scores.size() > kThreadCacheWords) {
    word_scores.clear();
    cache_owner = model_->id;
  }
  for (size_t s = 0; s < doc.size(); ++s) {
    SentenceView& v = views[s];
    int prev = kStart, prev2 = kStart;
    for (size_t i = 0; i < doc[s].words.size(); ++i) {
      auto [ws, fresh] = word_scores.try_emplace(v.h[i].cased);
      if (fresh) {
        feats.clear();
        WordOnlyFeatures(v.h[i], v.info[i]->flags, v.noun_bits[i], v.name_bits[i], feats);
        ws->second.fill(0.f);
        model_->Score(feats, ws->second.data());
      }
      feats.clear();
      ContextFeatures(v, i, feats);
      TagFeatures(v, i, prev, prev2, feats);
      float scores[kTags];
      for (int t = 0; t < kTags; ++t) scores[t] = ws->second[t];
      model_->Score(feats, scores);
      int t = BestAllowed(scores, prev);
      out[s].push_back(TagAt(t));
      if (margins) {
        float second = -1e30f;
        for (int k = 0; k < kTags; ++k)
          if (k != t && Allowed(prev, k)) second = std::max(second, scores[k]);
        (*margins)[s].push_back(scores[t] - second);
      }
      Remember(v, i, t);
      prev2 = prev;
      prev = t;
    }
  }
  return out;
}

std::vector<Tag> GoldTags(const ConllSentence& s) {
  std::vector<Tag> out;
  Tag prev;
  for (const std::string& g : s.gold) {
    Tag t;
    if (g.size() > 2 && (g[0] == 'B' || g[0] == 'I') && g[1] == '-') {
      std::string_view k = std::string_view(g).substr(2);
      t.kind = k == "PER"   ? EntityKind::kPerson
               : k == "ORG" ? EntityKind::kOrganization
               : k == "LOC" ? EntityKind::kPlace
                            : EntityKind::kMisc;
      t.begin = g[0] == 'B' || prev.kind != t.kind;
    }
    out.push_back(t);
    prev = t;
  }
  return out;
}

namespace {

// The words of a CoNLL sentence (marks left out) and where each came from.
Sentence WordsOf(const ConllSentence& s, std::vector<size_t>* positions) {
  std::vector<std::string_view> toks(s.tokens.begin(), s.tokens.end());
  Sentence out = FromTokens(toks);
  if (positions) {
    positions->clear();
    size_t w = 0;
    for (size_t k = 0; k < toks.size() && w < out.words.size(); ++k)
      if (toks[k].data() == out.words[w].data()) {
        positions->push_back(k);
        ++w;
      }
  }
  return out;
}

}  // namespace

std::vector<std::vector<Tag>> TagConll(const EntityTagger& t, const ConllDocument& d) {
  std::vector<Sentence> sents;
  std::vector<std::vector<size_t>> pos(d.sentences.size());
  for (size_t s = 0; s < d.sentences.size(); ++s) sents.push_back(WordsOf(d.sentences[s], &pos[s]));
  auto tags = t.TagDocument(sents);
  std::vector<std::vector<Tag>> out(d.sentences.size());
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    out[s].assign(d.sentences[s].tokens.size(), Tag{});
    for (size_t w = 0; w < pos[s].size(); ++w) out[s][pos[s][w]] = tags[s][w];
    // A mark inside a name ("Mr. Smith" split, "Wal-Mart") keeps the name whole.
    for (size_t k = 1; k + 1 < out[s].size(); ++k)
      if (out[s][k].kind == EntityKind::kNone && out[s][k + 1].kind != EntityKind::kNone &&
          !out[s][k + 1].begin && out[s][k - 1].kind == out[s][k + 1].kind)
        out[s][k] = {out[s][k + 1].kind, false};
  }
  return out;
}

StatusOr<std::string> Train(const std::vector<ConllDocument>& docs, const TrainOptions& options,
                            const std::function<void(int, size_t)>& progress) {
  // Averaged perceptron with lazy averaging: w is the current weight, u the
  // sum of (time of update * update); the average is w - u / time.
  struct Row {
    std::array<double, kTags> w{}, u{};
  };
  std::unordered_map<uint64_t, Row> rows;
  rows.reserve(1 << 20);
  Model current;  // the weights used while decoding, mirrored from rows
  current.Reserve(1 << 21);
  std::string clusters_section;
  if (!options.clusters.empty()) {
    // The clusters file's body, as the model stores it.
    std::string_view c = options.clusters;
    size_t body = c.find('\n');
    body = body == std::string_view::npos ? c.size() : body + 1;
    size_t lines = 0;
    for (size_t k = body; k < c.size(); ++k) lines += c[k] == '\n';
    clusters_section = "clusters " + std::to_string(lines) + "\n" + std::string(c.substr(body));
    if (!c.starts_with("crosscheck-word-clusters 1\n")) return InvalidArgument("not a word clusters file");
    size_t used = 0;
    CROSSCHECK_RETURN_IF_ERROR(ParseClusters(clusters_section, current.clusters, used));
  }
  std::string names_section;
  if (!options.names.empty()) {
    names_section = NamesSection(options.names);
    size_t used = 0;
    CROSSCHECK_RETURN_IF_ERROR(ParseNames(names_section, current.names, used));
  }
  double time = 1;
  std::vector<size_t> order(docs.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937 rng(options.seed);
  std::vector<uint64_t> feats;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with the engine's raw output: the same on every platform.
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
    size_t errors = 0;
    for (size_t d : order) {
      std::vector<Sentence> sents;
      std::vector<std::vector<Tag>> gold;
      for (const auto& cs : docs[d].sentences) {
        std::vector<size_t> pos;
        sents.push_back(WordsOf(cs, &pos));
        std::vector<Tag> g = GoldTags(cs), words;
        for (size_t p : pos) words.push_back(p < g.size() ? g[p] : Tag{});
        gold.push_back(std::move(words));
      }
      std::vector<SentenceView> views;
      DocContext ctx = BuildContext(sents, current.clusters, current.names, current.id, views);
      for (size_t s = 0; s < sents.size(); ++s) {
        int prev = kStart, prev2 = kStart;
        for (size_t i = 0; i < sents[s].words.size(); ++i) {
          feats.clear();
          const bool word = options.word_dropout <= 0 || rng() % 1000 >= options.word_dropout * 1000;
          StaticFeatures(views[s], i, feats, word);
          TagFeatures(views[s], i, prev, prev2, feats, word);
          float scores[kTags] = {};
          current.Score(feats, scores);
          int guess = BestAllowed(scores, prev);
          int truth = IndexOf(gold[s][i]);
          if (guess != truth) {
            ++errors;
            for (uint64_t f : feats) {
              Row& r = rows[f];
              float* cur = current.Row(f);
              r.w[truth] += 1;
              r.u[truth] += time;
              r.w[guess] -= 1;
              r.u[guess] -= time;
              cur[truth] = static_cast<float>(r.w[truth]);
              cur[guess] = static_cast<float>(r.w[guess]);
            }
          }
          time += 1;
          Remember(views[s], i, guess);
          prev2 = prev;
          prev = guess;
        }
      }
    }
    if (progress) progress(epoch, errors);
  }
  std::vector<std::pair<uint64_t, std::array<long, kTags>>> kept;
  for (const auto& [key, r] : rows) {
    std::array<long, kTags> q{};
    bool any = false;
    for (int t = 0; t < kTags; ++t) {
      double avg = r.w[t] - r.u[t] / time;
      if (std::fabs(avg) < options.min_weight) continue;
      q[t] = std::lround(avg * 10000);
      any |= q[t] != 0;
    }
    if (any) kept.emplace_back(key, q);
  }
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out = "crosscheck-entity-tagger 1\n" + clusters_section + names_section + "features " +
                    std::to_string(kept.size()) + "\n";
  char buf[32];
  for (const auto& [key, q] : kept) {
    auto r = std::to_chars(buf, buf + sizeof buf, key, 16);
    out.append(static_cast<size_t>(16 - (r.ptr - buf)), '0');
    out.append(buf, r.ptr);
    for (int t = 0; t < kTags; ++t) {
      if (q[t] == 0) continue;
      out += ' ';
      out += std::to_string(t);
      out += ':';
      out += std::to_string(q[t]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace crosscheck::tagger
