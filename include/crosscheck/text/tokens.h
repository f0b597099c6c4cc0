// Tokenizer: words, numbers and a few symbols with byte spans into the text,
// a folded comparison form and a Snowball (libstemmer) English stem.
// Thread-safety: Tokenize uses a thread-local stemmer; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/span.h"

namespace crosscheck::text {

enum class TokenKind : uint8_t { kWord, kNumber, kSymbol, kClitic };

struct Token {
  Span span;         // bytes of the surface form in the text
  std::string norm;  // FoldForMatch(surface): lowercase, ASCII quotes, no diacritics
  std::string stem;  // Snowball stem of norm (words only; else == norm)
  TokenKind kind = TokenKind::kWord;
  bool cap = false;       // first letter is upper case
  bool all_caps = false;  // two or more letters, all upper case
  bool stop = false;      // function word
  bool IsWord() const { return kind == TokenKind::kWord; }
};

// Tokenizes text[range]. Possessive 's becomes its own kClitic token;
// hyphenated words, abbreviations with inner dots (U.S.) and numbers with
// separators (1,000 / 2.5) stay one token; % $ € £ are kSymbol tokens.
std::vector<Token> Tokenize(std::string_view text, Span range);

// Snowball English stem of a folded word.
std::string Stem(std::string_view folded_word);

// True for English function words (articles, pronouns, auxiliaries, ...).
bool IsStopWord(std::string_view folded_word);

}  // namespace crosscheck::text
