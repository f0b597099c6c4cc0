// Boilerplate classification. Each block is described by cheap features:
// word count, whether it ends like a sentence, whether it has a pipe-
// separated credit shape or a photo/agency marker. Rules then apply in order
// of certainty: credits, captions (a photo phrase, or the block right before
// a credit), bylines and sign-offs at the edges, a short unterminated first
// block as the title, a short unterminated last block as a headline printed
// after the body, and short unterminated blocks inside as section headings.
#include "boilerplate.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "crosscheck/text/unicode.h"

namespace crosscheck::ingest {
namespace {

struct Features {
  int words = 0;
  bool terminated = false;  // ends with . ! ? … or a closing quote after one
  bool has_pipe_credit = false;
  std::string lower;  // folded text
};

Features Describe(std::string_view b) {
  Features f;
  f.lower = text::FoldForMatch(b);
  bool in_word = false;
  for (char c : f.lower) {
    bool w = std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
    if (w && !in_word) ++f.words;
    in_word = w;
  }
  std::string_view t = f.lower;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  while (!t.empty() && (t.back() == '"' || t.back() == '\'' || t.back() == ')')) t.remove_suffix(1);
  f.terminated =
      !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?' || t.ends_with("\xE2\x80\xA6"));
  int pipes = static_cast<int>(std::count(f.lower.begin(), f.lower.end(), '|'));
  f.has_pipe_credit = pipes >= 1 && f.words <= 16 && !f.terminated;
  return f;
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes)
    if (s.starts_with(p)) return true;
  return false;
}
bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> parts) {
  for (auto p : parts)
    if (s.find(p) != std::string_view::npos) return true;
  return false;
}

bool IsCredit(const Features& f) {
  if (f.has_pipe_credit) return true;
  if (f.words > 14) return false;
  if (StartsWithAny(f.lower, {"photo:", "photo by", "photograph by", "photos:", "image:", "image by",
                              "picture:", "credit:", "photo credit", "illustration by", "video:"}))
    return true;
  return !f.terminated &&
         ContainsAny(f.lower, {"getty images", "ap photo", "afp via", "via reuters", "/afp", "/reuters",
                               "epa-efe", "shutterstock", "/ap", "associated press photo"});
}

bool IsCaption(const Features& f) {
  // "In this photo ..." within the first words, or a FILE marker.
  if (StartsWithAny(f.lower, {"file photo", "file -", "file:", "caption:", "pictured:", "above:"}))
    return true;
  if (!f.lower.starts_with("in this ") && !f.lower.starts_with("this ")) return false;
  std::string_view head = std::string_view(f.lower).substr(0, 60);
  return ContainsAny(
      head, {"photo", "picture", "image", "handout", "screenshot", "screen grab", "video grab", "still"});
}

bool IsSignOffOrCreditLine(const Features& f) {
  static const std::array<std::string_view, 22> kAgencies = {"reuters",
                                                             "ap",
                                                             "afp",
                                                             "dpa",
                                                             "xinhua",
                                                             "bloomberg",
                                                             "tass",
                                                             "ani",
                                                             "pti",
                                                             "upi",
                                                             "ians",
                                                             "anadolu",
                                                             "efe",
                                                             "ansa",
                                                             "kyodo",
                                                             "yonhap",
                                                             "associated press",
                                                             "agence france-presse",
                                                             "the associated press",
                                                             "cnn",
                                                             "bbc",
                                                             "ria novosti"};
  std::string s = f.lower;
  std::erase_if(s, [](char c) { return c == '(' || c == ')' || c == '-' || c == '.'; });
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (s.rfind("\xE2\x80\x94", 0) == 0 || s.rfind("\xE2\x80\x93", 0) == 0) s = s.substr(3);
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  for (auto a : kAgencies)
    if (s == a) return true;
  return StartsWithAny(f.lower, {"reporting by", "writing by", "editing by", "additional reporting",
                                 "compiled by", "(reporting by", "contributing:", "with reporting by"});
}

bool IsUrlLine(std::string_view raw, const Features& f) {
  return f.words <= 40 && (raw.starts_with("http:") || raw.starts_with("https:") || raw.starts_with("www."));
}

// Whether `s` holds a date written in numbers with a four-digit year:
// d/m/yyyy or m/d/yyyy (slashes, dots or dashes), or yyyy-mm-dd.
bool HasNumericDate(std::string_view s) {
  auto digits = [&](size_t i) {
    size_t j = i;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    return j - i;
  };
  auto sep = [](char c) { return c == '/' || c == '-' || c == '.'; };
  for (size_t i = 0; i < s.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])) ||
        (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1]))))
      continue;
    const size_t a = digits(i);
    if (i + a >= s.size() || !sep(s[i + a])) continue;
    const size_t j = i + a + 1, b = digits(j);
    if (b < 1 || b > 2 || j + b >= s.size() || s[j + b] != s[i + a]) continue;
    const size_t k = j + b + 1, c = digits(k);
    if ((a <= 2 && c == 4) || (a == 4 && c >= 1 && c <= 2)) return true;
  }
  return false;
}

// A short line that is only a date and time stamp ("May 03, 2013",
// "PUBLISHED: 2 May 2013 13:32", "Updated 10:05 GMT, 3 May", "Posted at
// 3:21 PM ET, 01/5/2011").
bool IsDateline(const Features& f) {
  if (f.words > 14 || f.terminated) return false;
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  bool month = false, year = false;
  for (const char* m : kMonths) month |= f.lower.find(m) != std::string::npos;
  for (size_t i = 0; i + 4 <= f.lower.size(); ++i)
    if ((f.lower.compare(i, 2, "19") == 0 || f.lower.compare(i, 2, "20") == 0) &&
        std::isdigit(static_cast<unsigned char>(f.lower[i + 2])) &&
        std::isdigit(static_cast<unsigned char>(f.lower[i + 3])) &&
        (i == 0 || !std::isdigit(static_cast<unsigned char>(f.lower[i - 1]))) &&
        (i + 4 == f.lower.size() || !std::isdigit(static_cast<unsigned char>(f.lower[i + 4]))))
      year = true;
  // Or a date in numbers: "01/5/2011", "2011-01-05".
  if (!month || !year) {
    if (!HasNumericDate(f.lower)) return false;
    month = year = true;
  }
  // Mostly date words and numbers: few other words.
  int other = 0;
  // a, p, m: a.m., p.m.
  static const char* kAllowed[] = {"published", "updated", "posted", "last", "modified", "am",  "pm",  "a",
                                   "p",         "m",       "gmt",    "utc",  "est",      "edt", "pst", "pdt",
                                   "bst",       "cet",     "et",     "on",   "at",       "by"};
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    bool ok = std::isdigit(static_cast<unsigned char>(word[0])) != 0;
    for (const char* m : kMonths) ok |= word.rfind(m, 0) == 0;
    for (const char* a : kAllowed) ok |= word == a;
    static const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (const char* d : kDays) ok |= word.rfind(d, 0) == 0;
    other += !ok;
    word.clear();
  };
  for (char c : f.lower) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      word += c;
    else
      flush();
  }
  flush();
  return other <= 1;
}

bool IsByline(const Features& f) {
  return f.words <= 8 && !f.terminated && StartsWithAny(f.lower, {"by ", "story by", "words by"});
}

bool IsPageChrome(const Features& f) {
  if (f.words > 8) return false;
  return StartsWithAny(f.lower, {"advertisement", "read more", "share this", "subscribe", "sign up",
                                 "related:", "related articles", "click here", "follow us", "updated ",
                                 "published ", "listen to this", "watch:"});
}

bool HeadlineShaped(const Features& f) { return !f.terminated && f.words >= 2 && f.words <= 20; }

std::optional<Removal> Furniture(std::string_view block, const Features& f, bool last_half) {
  if (IsUrlLine(block, f)) return Removal::kSourceUrl;
  if (IsDateline(f)) return Removal::kDateline;
  if (IsCredit(f)) return Removal::kPhotoCredit;
  if (IsCaption(f)) return Removal::kPhotoCaption;
  if (IsSignOffOrCreditLine(f)) return last_half ? Removal::kAgencySignOff : Removal::kAgencyCredit;
  if (IsByline(f)) return Removal::kByline;
  if (IsPageChrome(f)) return Removal::kPageFurniture;
  return std::nullopt;
}

}  // namespace

std::optional<Removal> StandaloneFurniture(std::string_view block, bool last_half) {
  return Furniture(block, Describe(block), last_half);
}

std::vector<BlockVerdict> ClassifyBlocks(const std::vector<std::string_view>& blocks) {
  const size_t n = blocks.size();
  std::vector<Features> feats;
  feats.reserve(n);
  for (auto b : blocks) feats.push_back(Describe(b));
  std::vector<BlockVerdict> out(n);
  auto remove = [&](size_t i, Removal why) {
    out[i].kind = BlockVerdict::kRemoved;
    out[i].reason = why;
  };
  for (size_t i = 0; i < n; ++i)
    if (auto why = Furniture(blocks[i], feats[i], i + 1 >= n / 2)) remove(i, *why);
  // A block directly before a credit line is that picture's caption, if it
  // reads like one (a sentence; an unterminated line there is a headline).
  for (size_t i = 0; i + 1 < n; ++i) {
    if (out[i].kind == BlockVerdict::kContent && out[i + 1].reason == Removal::kPhotoCredit &&
        feats[i].words <= 70 && (feats[i].terminated || feats[i].words > 20))
      remove(i, Removal::kPhotoCaption);
  }
  // Edges: title at the start, headline printed after the body at the end.
  size_t first = 0;
  while (first < n && out[first].kind != BlockVerdict::kContent) ++first;
  size_t last = n;
  while (last > 0 && out[last - 1].kind != BlockVerdict::kContent) --last;
  size_t content_blocks = 0;
  for (auto& v : out) content_blocks += v.kind == BlockVerdict::kContent;
  if (first < n && HeadlineShaped(feats[first]) && content_blocks >= 2) {
    out[first].kind = BlockVerdict::kTitle;
    ++first;
  }
  if (last > first + 1 && HeadlineShaped(feats[last - 1])) {
    // Two or three capitalised words closing an article are the outlet's
    // sign-off ("Coast Daily"); a longer unterminated line is a headline.
    bool titled = true;
    std::string_view b = blocks[last - 1];
    for (size_t i = 0; i < b.size(); ++i)
      if ((i == 0 || b[i - 1] == ' ') && std::islower(static_cast<unsigned char>(b[i]))) titled = false;
    remove(last - 1,
           feats[last - 1].words <= 3 && titled ? Removal::kOutletSignOff : Removal::kHeadlineAfterBody);
  }
  // Short unterminated blocks inside the body are section headings.
  for (size_t i = first; i + 1 < last; ++i) {
    if (out[i].kind != BlockVerdict::kContent) continue;
    if (!feats[i].terminated && feats[i].words <= 8 && feats[i].words >= 1 &&
        feats[i + 1].words > feats[i].words)
      remove(i, Removal::kSectionHeading);
  }
  return out;
}

}  // namespace crosscheck::ingest
