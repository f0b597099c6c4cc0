// Reading articles from plain-text files: decoding, normalisation, paragraph
// detection, and removal of what is not the story (captions, credits,
// bylines, sign-offs, section headings, a headline printed after the body).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "crosscheck/article.h"
#include "crosscheck/status.h"

namespace crosscheck::ingest {

struct ReadOptions {
  size_t max_bytes = 8u << 20;  // larger files are refused (kResourceExhausted)
  // Invalid UTF-8 is replaced with U+FFFD and reported in Article::warnings.
  // Past this fraction of bad sequences the file is refused as not UTF-8.
  double max_invalid_fraction = 0.05;
  // When false, every block (title included) is kept as a paragraph: for
  // tools that must see the whole text as written, such as attribution
  // extraction scored against annotations of the whole file.
  bool remove_boilerplate = true;
};

// Builds an article from raw bytes. `id` names the source in messages.
StatusOr<Article> ParseTextArticle(std::string id, std::string_view bytes, const ReadOptions& options = {});

// Reads a file; the id is its file name without extension.
StatusOr<Article> ReadTextFile(const std::string& path, const ReadOptions& options = {});

// Reads a whole file into memory, refusing files over max_bytes.
StatusOr<std::string> ReadFileBytes(const std::string& path, size_t max_bytes);
// Ok for an existing regular file (symbolic links followed); kNotFound, or
// kInvalidInput for a directory, FIFO, socket or device.
Status CheckRegularFile(const std::string& path);

// File name without directory and extension ("a/b/c.txt" -> "c").
std::string IdFromPath(std::string_view path);

}  // namespace crosscheck::ingest
