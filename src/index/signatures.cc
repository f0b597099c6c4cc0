// Term vectors and MinHash.
//
// Terms: one pass of the tokenizer over title and text; stop words and
// tokens shorter than three letters are dropped; a capitalised word that does
// not open a sentence also counts as a name term (weight 2), numbers of two
// digits or more count once. Heading terms (the caller passes the words of
// the source URL, and the title when the text lacks it) count double. News
// writing puts who, what, where and when first: words among the first
// kLeadWords of the heading, and of the text, count double again (numbers
// do not: in a URL or a dateline they are ids and times of posting).
//
// MinHash, one permutation (one hash per shingle, not 64): each 64-bit
// shingle hash of five folded words falls in one of 64 bins (its top six
// bits), which keeps the least of its low 32 bits; an empty bin borrows
// from the next filled bin to its right, mixed with the distance, so two
// texts agree there exactly when they agree in the bin it borrows from.
// The share of equal positions estimates Jaccard similarity. LSH splits the
// signature in 16 bands of 4: two texts with Jaccard 0.8 share a band with
// probability 1 - (1 - 0.8^4)^16 > 0.999.
#include "crosscheck/index/signatures.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "crosscheck/text/calendar.h"
#include "crosscheck/text/tokens.h"

namespace crosscheck::index {

uint32_t Fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

namespace {

uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

constexpr size_t kLeadWords = 60;

// Adds the terms of `toks` (the tokens of `text`), each weighing `base`
// (twice that for words of the lead).
void AddTerms(std::string_view text, const std::vector<text::Token>& toks, float base, RawTerms& out) {
  bool sentence_start = true;
  size_t words = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    const float scale = t.IsWord() && ++words <= kLeadWords ? 2 * base : base;
    if (i > 0) {
      std::string_view gap = text.substr(toks[i - 1].span.end, t.span.begin - toks[i - 1].span.end);
      sentence_start = gap.find_first_of(".!?\n\"") != std::string_view::npos ||
                       gap.find("\xE2\x80\x9C") != std::string_view::npos;
    }
    if (t.kind == text::TokenKind::kNumber) {
      if (t.norm.size() >= 2) out[Fnv1a("#" + t.norm) | kNameBit] += scale;
      continue;
    }
    if (!t.IsWord() || t.stop || t.norm.size() < 3) continue;
    out[Fnv1a(t.stem) & ~kNameBit] += scale;
    if (t.cap && !sentence_start) out[Fnv1a("name:" + t.norm) | kNameBit] += 2 * scale;
  }
}

}  // namespace

std::string TermVector::Serialize() const {
  std::string out(terms.size() * 8, '\0');
  for (size_t i = 0; i < terms.size(); ++i) {
    std::memcpy(&out[i * 8], &terms[i].first, 4);
    std::memcpy(&out[i * 8 + 4], &terms[i].second, 4);
  }
  return out;
}

TermVector TermVector::Deserialize(std::string_view bytes) {
  TermVector v;
  for (size_t i = 0; i + 8 <= bytes.size(); i += 8) {
    std::pair<uint32_t, float> p;
    std::memcpy(&p.first, bytes.data() + i, 4);
    std::memcpy(&p.second, bytes.data() + i + 4, 4);
    v.terms.push_back(p);
  }
  return v;
}

double Dot(const TermVector& a, const TermVector& b) {
  double s = 0;
  size_t i = 0, j = 0;
  while (i < a.terms.size() && j < b.terms.size()) {
    if (a.terms[i].first == b.terms[j].first) {
      s += a.terms[i].second * b.terms[j].second;
      ++i;
      ++j;
    } else if (a.terms[i].first < b.terms[j].first)
      ++i;
    else
      ++j;
  }
  return s;
}

namespace {
Signature MinHashOf(const std::vector<uint64_t>& words);

void AddWords(const std::vector<text::Token>& toks, std::vector<uint64_t>& words) {
  for (const auto& t : toks)
    if (t.IsWord() || t.kind == text::TokenKind::kNumber) words.push_back(Fnv1a(t.norm));
}
}  // namespace

Signature MinHash(const std::vector<text::Token>& tokens) {
  std::vector<uint64_t> words;
  words.reserve(tokens.size());
  AddWords(tokens, words);
  return MinHashOf(words);
}

Signature MinHash(const std::vector<const std::vector<text::Token>*>& pieces) {
  std::vector<uint64_t> words;
  for (const auto* p : pieces) AddWords(*p, words);
  return MinHashOf(words);
}

ArticleSignatures Analyze(std::string_view title, std::string_view text) {
  ArticleSignatures out;
  auto toks = text::Tokenize(text, {0, static_cast<uint32_t>(text.size())});
  AddTerms(title, text::Tokenize(title, {0, static_cast<uint32_t>(title.size())}), 2.0f, out.terms);
  AddTerms(text, toks, 1.0f, out.terms);
  out.minhash = MinHash(toks);
  out.months = StatedMonths(toks);
  return out;
}

std::vector<int32_t> StatedMonths(const std::vector<text::Token>& toks) {
  std::vector<int32_t> out;
  for (size_t i = 0; i < toks.size() && out.size() < kStatedMonths; ++i) {
    if (!toks[i].cap || !toks[i].IsWord()) continue;
    const int month = text::MonthOfName(toks[i].norm);
    if (!month) continue;
    for (size_t j = i + 1; j < toks.size() && j <= i + 3; ++j) {
      const std::string& w = toks[j].norm;
      if (toks[j].IsWord()) break;
      if (w.size() != 4 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
        continue;
      int year = 0;
      std::from_chars(w.data(), w.data() + w.size(), year);
      if (year < 1900 || year > 2099) continue;
      const int32_t m = year * 12 + month - 1;
      if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
      break;
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {
Signature MinHashOf(const std::vector<uint64_t>& words) {
  constexpr uint32_t kEmpty = UINT32_MAX;
  Signature sig;
  sig.fill(kEmpty);
  const size_t k = 5;
  auto add = [&](uint64_t x) {  // x: a Mix64 output
    uint32_t& bin = sig[x >> 58];
    bin = std::min(bin, static_cast<uint32_t>(x));
  };
  if (words.size() < k) {
    uint64_t x = 0;
    for (uint64_t w : words) x = Mix64(x ^ w);
    if (words.empty()) return sig;
    add(x);
  } else {
    for (size_t i = 0; i + k <= words.size(); ++i) {
      uint64_t x = 0;
      for (size_t j = 0; j < k; ++j) x = Mix64(x ^ (words[i + j] + j));
      add(x);
    }
  }
  // Densify: every empty bin takes the next filled one's value (circularly),
  // mixed with how far it had to look.
  Signature filled = sig;
  for (int i = 0; i < kMinHashSize; ++i) {
    if (filled[i] != kEmpty) continue;
    for (int d = 1; d < kMinHashSize; ++d) {
      uint32_t v = filled[(i + d) % kMinHashSize];
      if (v == kEmpty) continue;
      sig[i] = static_cast<uint32_t>(Mix64((static_cast<uint64_t>(v) << 8) | static_cast<uint64_t>(d)));
      break;
    }
  }
  return sig;
}
}  // namespace

double EstimatedJaccard(const Signature& a, const Signature& b) {
  int same = 0;
  for (int i = 0; i < kMinHashSize; ++i) same += a[i] == b[i] && a[i] != UINT32_MAX;
  return static_cast<double>(same) / kMinHashSize;
}

// Stored signatures start with the scheme's tag: signatures of another
// scheme (64 hash functions, untagged) are not comparable and are refused.
constexpr std::string_view kSignatureTag = "mh1:";

std::string SerializeSignature(const Signature& s) {
  std::string out(kSignatureTag);
  out.append(reinterpret_cast<const char*>(s.data()), sizeof(uint32_t) * kMinHashSize);
  return out;
}

bool DeserializeSignature(std::string_view bytes, Signature& out) {
  if (bytes.size() != kSignatureTag.size() + sizeof(uint32_t) * kMinHashSize ||
      !bytes.starts_with(kSignatureTag))
    return false;
  std::memcpy(out.data(), bytes.data() + kSignatureTag.size(), sizeof(uint32_t) * kMinHashSize);
  return true;
}

namespace {
uint64_t BandKey(const Signature& s, int band) {
  uint64_t h = 1469598103934665603ull ^ static_cast<uint64_t>(band);
  for (int r = 0; r < 4; ++r) h = Mix64(h ^ s[band * 4 + r]);
  return h;
}
}  // namespace

void LshIndex::Add(int64_t id, const Signature& s) {
  if (capacity_ == 0) return;
  signatures_[id] = s;
  order_.push_back(id);
  for (int b = 0; b < kBands; ++b) {
    auto& bucket = buckets_[b][BandKey(s, b)];
    bucket.push_back(id);
    if (bucket.size() > 2 * kBucketCap)
      bucket.erase(bucket.begin(), bucket.end() - static_cast<long>(kBucketCap));
  }
  while (order_.size() > capacity_) {
    signatures_.erase(order_.front());
    order_.pop_front();
  }
  // Forgotten ids stay in their buckets (Candidates skips them) until a
  // sweep, once per `capacity_` additions, so memory stays bounded and
  // forgetting costs no bucket scans.
  if (++since_sweep_ >= std::max<size_t>(capacity_, 1024)) {
    since_sweep_ = 0;
    for (auto& band : buckets_)
      for (auto it = band.begin(); it != band.end();) {
        std::erase_if(it->second, [&](int64_t id) { return !signatures_.count(id); });
        if (it->second.empty())
          it = band.erase(it);
        else
          ++it;
      }
  }
}

std::vector<std::pair<int64_t, const Signature*>> LshIndex::Candidates(const Signature& s) const {
  std::vector<int64_t> ids;
  for (int b = 0; b < kBands; ++b) {
    auto it = buckets_[b].find(BandKey(s, b));
    if (it != buckets_[b].end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
  }
  std::sort(ids.begin(), ids.end(), std::greater<>());
  std::vector<std::pair<int64_t, const Signature*>> out;
  for (size_t i = 0; i < ids.size();) {
    size_t j = i;
    while (j < ids.size() && ids[j] == ids[i]) ++j;
    if (j - i >= 2) {
      auto it = signatures_.find(ids[i]);
      if (it != signatures_.end()) out.push_back({ids[i], &it->second});
    }
    i = j;
  }
  return out;
}

}  // namespace crosscheck::index
