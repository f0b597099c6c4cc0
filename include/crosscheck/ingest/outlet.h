// Outlet names for articles that name none. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "crosscheck/article.h"

namespace crosscheck::ingest {

// The registrable domain of a URL's host, by the Public Suffix List (Debian's
// libpsl and its built-in list): "https://edition.cnn.com/a" -> "cnn.com",
// "http://news.bbc.co.uk/x" -> "bbc.co.uk". Lower case. Empty when the URL has
// no host name with a registrable domain (no scheme, "localhost", an IP
// address, spaces).
std::string OutletFromUrl(std::string_view url);

// The name a reader sees for an article's source: its outlet as given (page
// metadata, JSONL `outlet`, a feed's or item's source), else the registrable
// domain of its URL, else empty.
std::string DisplayOutlet(const Article& a);

}  // namespace crosscheck::ingest
