// Turning command-line paths into articles: directories are expanded to
// their article files (sorted by name, not recursive), each file is read by
// the reader for its kind. Pure apart from file reads; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/status.h"

namespace crosscheck::ingest {

// Files named by `paths`; a directory contributes its article files
// (*.txt, and web pages *.html, *.htm, *.html.gz).
// Fails with kNotFound naming the first path that does not exist, or
// kInvalidInput for a directory holding no article file.
StatusOr<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths);

// Reads every input; fails on the first unreadable one, naming it.
// Two inputs with the same id are refused (ids name sources in reports).
StatusOr<std::vector<Article>> ReadArticles(const std::vector<std::string>& paths,
                                            const ReadOptions& options = {});

}  // namespace crosscheck::ingest
