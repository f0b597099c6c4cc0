// Reading saved web pages (.html, .htm, .html.gz) as articles: the page is
// decompressed (bounded), decoded and extracted by html::ExtractPage, and its
// blocks go through the same boilerplate classification as text files.
// Pure apart from file reads; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "crosscheck/article.h"
#include "crosscheck/html/page.h"
#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/status.h"

namespace crosscheck::ingest {

// True for names ending in .html, .htm or .html.gz / .htm.gz.
bool IsPagePath(std::string_view path);

// False for bytes that are no web page: NUL bytes near the start (without a
// UTF-16 byte order mark), or no tag at all in the first 64 KiB.
bool LooksLikeMarkup(std::string_view bytes);

// Reads and extracts a page file; errors name the file.
StatusOr<html::Page> ReadPageFile(const std::string& path, const html::PageOptions& options = {});

// An article from an extracted page: title, url, outlet and published from
// the page's metadata; paragraphs from its body.
StatusOr<Article> ArticleFromPage(std::string id, const html::Page& page, const ReadOptions& options = {});

}  // namespace crosscheck::ingest
