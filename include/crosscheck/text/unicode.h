// UTF-8 validation and repair, Unicode normalisation and case folding.
// All functions are pure and thread-safe (ICU normalizer instances are
// process-wide singletons owned by ICU).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/status.h"

namespace crosscheck::text {

struct Utf8Repair {
  std::string text;              // valid UTF-8
  size_t invalid_sequences = 0;  // each replaced with U+FFFD
};

// Replaces every invalid UTF-8 sequence with U+FFFD and counts them.
Utf8Repair RepairUtf8(std::string_view bytes);

// True when s is valid UTF-8 (no copy).
bool IsValidUtf8(std::string_view s);

// Canonical composition (NFC). Returns the input unchanged when already NFC.
std::string ToNfc(std::string_view utf8);

// Lowercase, typographic quotes/apostrophes to ASCII, dashes to '-',
// diacritics removed: the form used to compare words, never to display.
std::string FoldForMatch(std::string_view utf8);

// Decodes one code point at `i` (advancing it); returns U+FFFD on bad input.
char32_t NextCodePoint(std::string_view s, size_t& i);
void AppendUtf8(std::string& out, char32_t cp);
// Number of code points in s.
size_t CodePointCount(std::string_view s);
// For each byte offset 0..s.size() of valid UTF-8, the code-point offset.
std::vector<uint32_t> CodePointOffsets(std::string_view s);

bool IsAlpha(char32_t c);
bool IsUpper(char32_t c);
bool IsDigit(char32_t c);
bool IsSpace(char32_t c);
bool IsOpenQuote(char32_t c);   // “ „ « and the ASCII " (ambiguous)
bool IsCloseQuote(char32_t c);  // ” » and the ASCII "
bool IsDash(char32_t c);        // - – — ‒ ―

}  // namespace crosscheck::text
