// Classifies text blocks that are not the story (internal to ingest: the
// text reader applies it). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/article.h"

namespace crosscheck::ingest {

struct BlockVerdict {
  enum Kind { kContent, kTitle, kRemoved } kind = kContent;
  Removal reason = Removal::kPageFurniture;  // for kRemoved
};

// Decides, for each block (a paragraph candidate) of one article, whether it
// is story content, the title, or removable material with a reason.
std::vector<BlockVerdict> ClassifyBlocks(const std::vector<std::string_view>& blocks);

// The reason a block is not story text on its own, whatever surrounds it
// (a URL, a dateline, a credit, a caption, a sign-off, a byline, page
// chrome), or nullopt. `last_half` tells a sign-off from an agency credit.
std::optional<Removal> StandaloneFurniture(std::string_view block, bool last_half = true);

}  // namespace crosscheck::ingest
