// Article extraction from saved web pages: encoding detection, an HTML5
// parse (Debian's gumbo), metadata (JSON-LD, OpenGraph, meta tags, <time>)
// and the main text with captions, credits, share bars, related links,
// comments, newsletter boxes and ads left out.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/status.h"

namespace crosscheck::html {

struct PageOptions {
  size_t max_bytes = 16u << 20;  // larger pages are refused (kResourceExhausted)
  size_t max_nodes = 2000000;    // DOM nodes visited at most; past it the body is empty with a warning
  // Pages whose elements nest deeper are refused (kResourceExhausted) before
  // they are parsed: parsing costs the depth for every tag. Browsers flatten
  // past 512.
  size_t max_depth = 512;
  // The charset the transport declared (an HTTP Content-Type's), read when
  // the page declares none and its bytes are not valid UTF-8.
  std::string charset;
};

struct Page {
  std::string title;
  std::vector<std::string> paragraphs;  // the article text, one entry per block
  std::vector<std::string> authors;
  std::string published;                      // ISO 8601 or empty
  std::string url;                            // canonical URL or empty
  std::string outlet;                         // site name or empty
  std::vector<std::string> removed_captions;  // figure captions and credits seen in the article
  std::vector<std::string> warnings;
  std::string encoding;      // the encoding the bytes were read in
  std::string language;      // the primary subtag of <html lang> ("de"), lowercase; empty when not given
  std::string Body() const;  // paragraphs separated by a blank line
};

// Decodes page bytes to UTF-8: BOM, then <meta charset> / http-equiv in the
// first 4 KB, then valid UTF-8, then `transport_charset` (an HTTP header's),
// then ICU's detector. Legacy encodings
// (windows-1252, ISO-8859-x, Shift_JIS, ...) are converted. `encoding`
// receives the name used.
StatusOr<std::string> DecodeToUtf8(std::string_view bytes, std::string* encoding,
                                   std::string_view transport_charset = {});

// Extracts title, body and metadata from page bytes (any encoding).
StatusOr<Page> ExtractPage(std::string_view bytes, const PageOptions& options = {});

// Inflates gzip data (or zlib data, HTTP's "deflate"), refusing output past
// max_bytes.
StatusOr<std::string> Gunzip(std::string_view gz, size_t max_bytes);

}  // namespace crosscheck::html
