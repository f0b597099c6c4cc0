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

// The day a URL's path states, as many outlets put it there: /2013/02/13/,
// /2013-02-13, /20130213/ (years 1990-2099, a real calendar day). YYYY-MM-DD,
// or empty.
std::string DateFromUrl(std::string_view url);

// Fills what an article's URL says and the article does not: its outlet
// (DisplayOutlet) and, when undated, the day in the URL's path.
void CompleteFromUrl(Article& a);

}  // namespace crosscheck::ingest
