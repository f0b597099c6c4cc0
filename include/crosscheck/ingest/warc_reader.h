// WARC web archives (ISO 28500, WARC/1.0 and WARC/1.1), as crawlers write
// them: `.warc`, or `.warc.gz` with one gzip member per record (or one for
// the whole file). The file is streamed: memory stays bounded by one record.
//
// An article is an HTML page captured in a `response` record (an HTTP
// response with a 2xx status and an HTML content type; chunked transfer
// and gzip or deflate content encodings are undone) or in a `resource`
// record of an HTML type; a `resource` of type text/plain is read as text.
// Its id and URL are the record's WARC-Target-URI, its arrival
// (Article::received) the WARC-Date of its capture; the page gives title,
// outlet and date as for a saved page, the HTTP charset when the page
// declares none. Everything else is skipped without a word: requests,
// metadata, revisits, redirects and errors, images and scripts, a second
// capture of a URL already read, and HTML pages in which no article text is
// found (section fronts, galleries).
// Pure apart from file reads; thread-safe.
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "crosscheck/article.h"
#include "crosscheck/ingest/jsonl_reader.h"
#include "crosscheck/status.h"

namespace crosscheck::ingest {

bool IsWarcPath(std::string_view path);  // .warc, .warc.gz
// Whether a file's first bytes open a WARC record ("WARC/1."), for files
// named otherwise.
bool LooksLikeWarc(std::string_view head);

// Calls `article` per page and `error` per record that should have been a
// page but could not be read (LineError::line is the record's number in the
// file, from 1): a block over the size limit, a broken HTTP message or
// content encoding, text that is not UTF-8. A record whose WARC headers are
// malformed or which is cut short ends the file, with an error. Fails when
// the file cannot be read, is no WARC file, or holds no article at all
// (unless it ended early, which is told as the error above).
Status ReadWarc(const std::string& path, const std::function<void(Article&&)>& article,
                const std::function<void(const LineError&)>& error, const ReadOptions& options = {});

// The same over a stream (plain or gzip); `path` names it in messages.
Status ParseWarc(std::istream& in, const std::string& path, const std::function<void(Article&&)>& article,
                 const std::function<void(const LineError&)>& error, const ReadOptions& options = {});

}  // namespace crosscheck::ingest
