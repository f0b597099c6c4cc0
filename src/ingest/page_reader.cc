#include "crosscheck/ingest/page_reader.h"

#include "crosscheck/ingest/outlet.h"

namespace crosscheck::ingest {

bool IsPagePath(std::string_view p) {
  if (p.ends_with(".gz")) p.remove_suffix(3);
  return p.ends_with(".html") || p.ends_with(".htm") || p.ends_with(".HTML") || p.ends_with(".HTM");
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
  a->outlet = !page.outlet.empty() ? page.outlet : OutletFromUrl(page.url);
  a->published = page.published;
  for (const auto& c : page.removed_captions) a->removed.push_back({c, Removal::kPhotoCaption, {}});
  for (const auto& w : page.warnings) a->warnings.push_back(w);
  return a;
}

}  // namespace crosscheck::ingest
