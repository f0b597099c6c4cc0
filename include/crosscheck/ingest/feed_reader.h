// RSS 2.0 and Atom feed files: each item or entry becomes an article (title,
// link, publication date, outlet = the channel's title, text from the item's
// content or description). Parsed with libxml2 with network access and
// entity expansion disabled. Pure apart from file reads; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "crosscheck/article.h"
#include "crosscheck/ingest/jsonl_reader.h"
#include "crosscheck/status.h"

namespace crosscheck::ingest {

bool IsFeedPath(std::string_view path);  // .rss, .atom, .xml

// Calls `article` per item; `error` for items that cannot be used (no text).
// Fails when the file is not a readable RSS or Atom document.
Status ReadFeed(const std::string& path, const std::function<void(Article&&)>& article,
                const std::function<void(const LineError&)>& error, const ReadOptions& options = {});

// A feed's date (RFC 822, "Mon, 29 Dec 2025 10:00:00 GMT", or ISO 8601) as
// ISO 8601 in UTC (text::NormalizeDateTime); empty when unparseable.
std::string FeedDateToIso(std::string_view date);

// The same over bytes already read; `path` names them in messages. A feed
// that is not well-formed is read as far as the parser recovers, and
// `error` says where it broke (a LineError with line 0: the feed as a whole).
Status ParseFeed(std::string_view bytes, const std::string& path,
                 const std::function<void(Article&&)>& article,
                 const std::function<void(const LineError&)>& error, const ReadOptions& options = {});

}  // namespace crosscheck::ingest
