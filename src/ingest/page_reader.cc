#include "crosscheck/ingest/page_reader.h"

#include <algorithm>
#include <cctype>

#include "crosscheck/ingest/outlet.h"

namespace crosscheck::ingest {

bool IsPagePath(std::string_view p) {
  if (p.ends_with(".gz")) p.remove_suffix(3);
  return p.ends_with(".html") || p.ends_with(".htm") || p.ends_with(".HTML") || p.ends_with(".HTM");
}

bool LooksLikeMarkup(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return true;  // UTF-16 with its BOM
  std::string_view head = bytes.substr(0, size_t{64} * 1024);
  // Binary data has NUL and other control bytes from the start and all
  // through; a saved page may carry a few stray ones (a bad paste).
  if (head.substr(0, 1024).find('\0') != std::string_view::npos) return false;
  size_t control = std::count_if(head.begin(), head.end(), [](char ch) {
    unsigned char c = static_cast<unsigned char>(ch);
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
  });
  if (control * 100 > head.size()) return false;
  for (size_t i = head.find('<'); i != std::string_view::npos && i + 1 < head.size();
       i = head.find('<', i + 1)) {
    unsigned char c = static_cast<unsigned char>(head[i + 1]);
    if (std::isalpha(c) || c == '!' || c == '?' || c == '/') return true;
  }
  return false;
}

StatusOr<html::Page> ReadPageFile(const std::string& path, const html::PageOptions& options) {
  auto bytes = ReadFileBytes(path, options.max_bytes);
  if (!bytes.ok()) return bytes.status();
  std::string raw = std::move(*bytes);
  if (std::string_view(path).ends_with(".gz")) {
    auto inflated = html::Gunzip(raw, options.max_bytes);
    if (!inflated.ok()) return Status(inflated.status().code(), path + ": " + inflated.status().message());
    raw = std::move(*inflated);
  }
  if (!LooksLikeMarkup(raw)) return InvalidInput(path + ": not a web page (binary data, or no markup)");
  auto page = html::ExtractPage(raw, options);
  if (!page.ok()) return Status(page.status().code(), path + ": " + page.status().message());
  return page;
}

StatusOr<Article> ArticleFromPage(std::string id, const html::Page& page, const ReadOptions& options) {
  if (page.paragraphs.empty()) return InvalidInput(id + ": no article text found in the page");
  std::string text;
  if (!page.title.empty()) text += page.title + "\n\n";
  text += page.Body();
  text += "\n";
  auto a = ParseTextArticle(std::move(id), text, options);
  if (!a.ok()) return a.status();
  if (!page.title.empty()) a->title = page.title;
  a->url = page.url;
  a->outlet = page.outlet;
  a->published = page.published;
  CompleteFromUrl(*a);
  for (const auto& c : page.removed_captions) a->removed.push_back({c, Removal::kPhotoCaption, {}});
  for (const auto& w : page.warnings) a->warnings.push_back(w);
  return a;
}

}  // namespace crosscheck::ingest
