// Article: one ingested report, the unit every later stage reads.
// Plain value type; all spans index `text`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/text/span.h"

namespace crosscheck::ingest {

// Something in the file that is not the story, kept for the reader.
struct RemovedBlock {
  std::string text;    // as it stands in `text`
  std::string reason;  // "photo caption", "photo credit", "agency sign-off", ...
  Span span;
};

struct Article {
  std::string id;         // file name without extension, or the feed/URL id
  std::string outlet;     // empty when unknown
  std::string title;      // empty when none was found
  std::string url;        // empty when unknown
  std::string published;  // ISO 8601, empty when unknown
  std::string text;       // the text as read: valid UTF-8, NFC, LF line ends
  std::vector<Span> paragraphs;  // story paragraphs, in order
  std::vector<RemovedBlock> removed;
  std::vector<std::string> warnings;  // repaired bytes and similar, for the reader
  std::string copy_of;                // id of the article this one republishes, if known
};

// The outlet to show for an article that names none: its URL's host,
// lower-cased, without "www." ("https://www.Example.org/a" -> "example.org").
// Empty when the URL has no host.
std::string OutletFromUrl(std::string_view url);

}  // namespace crosscheck::ingest
