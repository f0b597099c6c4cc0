// JSONL input: one article per line, an object with `id`, `url`, `outlet`,
// `title`, `published`, `received` (when it was fetched), and `text` or
// `html`. A malformed line is reported
// with its line number and skipped; the rest is read.
// Pure apart from file reads; thread-safe.
#pragma once

#include <functional>
#include <istream>
#include <string>

#include "crosscheck/article.h"
#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/status.h"

namespace crosscheck::ingest {

struct LineError {
  size_t line = 0;
  std::string message;
};

// Calls `article` for each good line and `error` for each bad one. Fails only
// when the file cannot be read. Lines longer than options.max_bytes are errors.
Status ReadJsonl(const std::string& path, const std::function<void(Article&&)>& article,
                 const std::function<void(const LineError&)>& error, const ReadOptions& options = {});

// The same over a stream (line numbers from 1). A `published` that is not a
// date is reported and left empty; the article is kept.
void ParseJsonl(std::istream& in, const std::function<void(Article&&)>& article,
                const std::function<void(const LineError&)>& error, const ReadOptions& options = {});

}  // namespace crosscheck::ingest
