// Article: one ingested report, the unit every later stage reads.
// Plain value type; all spans index `text`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/span.h"

namespace crosscheck {

// Why a block of the file is not part of the story. Stable: the names are
// written to the JSON report and to the store.
enum class Removal {
  kSourceUrl,          // "source URL": a line that is the article's address
  kDateline,           // "dateline": publication date and time
  kPhotoCredit,        // "photo credit"
  kPhotoCaption,       // "photo caption"
  kAgencySignOff,      // "agency sign-off": (Reuters), AP in the second half
  kAgencyCredit,       // "agency credit": the same in the first half
  kByline,             // "byline"
  kPageFurniture,      // "page furniture": share, subscribe, read more ...
  kOutletSignOff,      // "outlet sign-off": the outlet's name closing the text
  kHeadlineAfterBody,  // "headline after the body"
  kSectionHeading,     // "section heading"
};

// The reason as written in reports ("photo caption").
const char* ToString(Removal r);
// The reason named by ToString, or nullopt.
std::optional<Removal> RemovalFromString(std::string_view name);

// Something in the file that is not the story, kept for the reader.
struct RemovedBlock {
  std::string text;  // as it stands in `text`
  Removal reason = Removal::kPageFurniture;
  Span span;
};

struct Article {
  std::string id;         // file name without extension, or the feed/URL id
  std::string outlet;     // empty when unknown
  std::string title;      // empty when none was found
  std::string url;        // empty when unknown
  std::string published;  // ISO 8601, empty when unknown
  // When this copy arrived (ISO 8601, UTC), empty when not recorded: an
  // undated article's time for grouping (pipeline::IngestOptions).
  std::string received;
  std::string text;              // the text as read: valid UTF-8, NFC, LF line ends
  std::vector<Span> paragraphs;  // story paragraphs, in order
  std::vector<RemovedBlock> removed;
  std::vector<std::string> warnings;  // repaired bytes and similar, for the reader
  std::string copy_of;                // id of the article this one republishes, if known
};

}  // namespace crosscheck
