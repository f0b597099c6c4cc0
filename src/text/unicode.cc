#include "crosscheck/text/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstring>

namespace crosscheck::text {

Utf8Repair RepairUtf8(std::string_view bytes) {
  Utf8Repair r;
  if (IsValidUtf8(bytes)) {  // nearly always: one copy
    r.text.assign(bytes);
    return r;
  }
  r.text.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t n = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      ++r.invalid_sequences;
      r.text += "\xEF\xBF\xBD";
    } else {
      r.text.append(bytes.data() + start, i - start);
    }
  }
  return r;
}

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t n = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < n) {
    // ASCII eight bytes at a time.
    uint64_t word;
    while (i + 8 <= n && (std::memcpy(&word, s + i, 8), (word & 0x8080808080808080ull) == 0)) i += 8;
    if (i >= n) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string ToNfc(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(utf8);
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return std::string(utf8);
  err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(piece);
  icu::UnicodeString out = nfc->normalize(u, err);
  if (U_FAILURE(err)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

char32_t NextCodePoint(std::string_view s, size_t& i) {
  UChar32 c;
  int32_t idx = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), idx, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(idx);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void AppendUtf8(std::string& out, char32_t cp) {
  char buf[4];
  int32_t len = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(cp), err);
  if (!err) out.append(buf, len);
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::vector<uint32_t> CodePointOffsets(std::string_view s) {
  std::vector<uint32_t> out(s.size() + 1);
  uint32_t cp = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    out[i] = cp;
    cp += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 ? 1 : 0;
  }
  out[s.size()] = cp;  // spans end on sequence boundaries; the end maps past the last
  return out;
}

// ASCII, most of news text, is answered without ICU's property tables.
bool IsAlpha(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= U'a' && (c | 0x20) <= U'z';
  return u_isUAlphabetic(static_cast<UChar32>(c));
}
bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= U'A' && c <= U'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= U'0' && c <= U'9';
  return u_isdigit(static_cast<UChar32>(c));
}
bool IsSpace(char32_t c) {
  if (c < 0x80) return c == U' ' || (c >= U'\t' && c <= U'\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}
bool IsOpenQuote(char32_t c) { return c == U'\u201C' || c == U'\u201E' || c == U'\u00AB' || c == U'"'; }
bool IsCloseQuote(char32_t c) { return c == U'\u201D' || c == U'\u00BB' || c == U'"'; }
bool IsDash(char32_t c) {
  return c == U'-' || c == U'\u2010' || c == U'\u2011' || c == U'\u2012' || c == U'\u2013' ||
         c == U'\u2014' || c == U'\u2015' || c == U'\u2212';
}

std::string FoldForMatch(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  size_t i = 0;
  bool ascii = true;
  for (unsigned char c : utf8) ascii &= c < 0x80;
  if (ascii) {
    for (unsigned char c : utf8) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return out;
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  while (i < utf8.size()) {
    char32_t c = NextCodePoint(utf8, i);
    switch (c) {
      case U'\u2018':
      case U'\u2019':
      case U'\u201B':
      case U'\u02BC':
      case U'\u0060':
      case U'\u00B4':
        out += '\'';
        continue;
      case U'\u201C':
      case U'\u201D':
      case U'\u201E':
      case U'\u00AB':
      case U'\u00BB':
        out += '"';
        continue;
      default:
        break;
    }
    if (IsDash(c)) {
      out += '-';
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    UChar32 lower = u_tolower(static_cast<UChar32>(c));
    icu::UnicodeString decomposed;
    if (U_SUCCESS(err) && nfd->getDecomposition(lower, decomposed)) {
      for (int32_t k = 0; k < decomposed.length();) {
        UChar32 d = decomposed.char32At(k);
        k += U16_LENGTH(d);
        if (u_charType(d) != U_NON_SPACING_MARK) AppendUtf8(out, static_cast<char32_t>(d));
      }
    } else {
      AppendUtf8(out, static_cast<char32_t>(lower));
    }
  }
  return out;
}

}  // namespace crosscheck::text
