// Turning command-line paths into articles, for `report` and `ingest` alike:
// directories are expanded to their input files (sorted by name, not
// recursive) and each file is read by the reader for its kind: text, web
// page, JSONL (one article a line), RSS/Atom feed (one article an item),
// LDC/TREC SGML newswire (one article a <DOC>) or WARC web archive (one
// article a captured page).
// Pure apart from file reads; thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/status.h"

namespace crosscheck::ingest {

enum class InputKind { kText, kPage, kJsonl, kFeed, kSgml, kWarc };

// The kind of input a path names by its extension: .txt; .html, .htm,
// .html.gz; .jsonl; .rss, .atom, .xml; .sgml, .sgm. nullopt for any other.
std::optional<InputKind> KindOfPath(std::string_view path);
// KindOfPath, else kSgml for a file that opens with "<DOC" (newswire files
// named by their DOCNO, "APW19990612.0141"), kWarc for one that opens with
// "WARC/1.", else nullopt.
std::optional<InputKind> KindOfFile(const std::string& path);

// Files named by `paths`; a directory contributes its files of a known kind.
// Fails with kNotFound naming the first path that does not exist, or
// kInvalidInput for a directory holding no input file.
StatusOr<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths);

// A file, line or item that could not be read; `where` is the file's path,
// with ":N" (JSONL line) or ":item N" (feed item) when it is one part of it.
struct InputProblem {
  std::string where;
  Status status;
  bool partial = false;  // the input was read, but perhaps not all of it (a broken feed)
};

// Reads `files` in order (ExpandInputs' output), calling `article` for every
// article and `problem` for every file, line or item that could not be read,
// which is skipped. Articles without an outlet get their URL's registrable
// domain (OutletFromUrl).
void ReadInputs(const std::vector<std::string>& files, const std::function<void(Article&&)>& article,
                const std::function<void(const InputProblem&)>& problem, const ReadOptions& options = {});

// Reads every input; fails on the first problem, naming the file (and line
// or item). Two inputs with the same id are refused (ids name sources in
// reports).
StatusOr<std::vector<Article>> ReadArticles(const std::vector<std::string>& paths,
                                            const ReadOptions& options = {});
// The same, but the first `limit` articles only (0: all), and in `more`
// whether there were others. No file is opened once more than `limit` are
// read; the rest of the file that passes the limit is parsed, not kept.
StatusOr<std::vector<Article>> ReadFirstArticles(const std::vector<std::string>& paths, size_t limit,
                                                 bool* more, const ReadOptions& options = {});

}  // namespace crosscheck::ingest
