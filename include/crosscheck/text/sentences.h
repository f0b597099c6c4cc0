// Sentence splitting over paragraphs, keeping byte spans into the text.
// Pure and thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "crosscheck/span.h"

namespace crosscheck::text {

struct Sentence {
  Span span;               // trimmed sentence bytes in the text
  uint32_t paragraph = 0;  // index of the paragraph it came from
};

struct SplitOptions {
  // Do not split inside a double-quoted passage that closes within the
  // paragraph, so a multi-sentence quote stays with its attribution.
  bool keep_quotes_whole = true;
  // A sentence is cut at the next boundary past this many bytes even inside
  // a quote (bounds the work and the size of a support sentence).
  uint32_t max_quoted_sentence_bytes = 1200;
  // A sentence longer than this is cut at a clause break or a space, so the
  // work on one sentence stays bounded whatever the text (0: no limit).
  uint32_t max_sentence_bytes = 2000;
};

// Splits each paragraph span of `text` into sentences. Survives abbreviations
// (Mr., U.S., Jan.), initials (J. R. R.), decimals, and closing quotes or
// brackets after the terminator.
std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Span>& paragraphs,
                                     const SplitOptions& options = {});

// Splits one paragraph; `paragraph_index` is copied into each sentence.
void SplitParagraph(std::string_view text, Span paragraph, uint32_t paragraph_index,
                    const SplitOptions& options, std::vector<Sentence>& out);

}  // namespace crosscheck::text
