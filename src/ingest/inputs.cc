#include "crosscheck/ingest/inputs.h"

#include "crosscheck/ingest/page_reader.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace crosscheck::ingest {

namespace fs = std::filesystem;

StatusOr<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return NotFound(p + ": no such file or directory");
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(p, ec)) {
        if (!e.is_regular_file()) continue;
        std::string name = e.path().string();
        if (e.path().extension() == ".txt" || IsPagePath(name)) found.push_back(name);
      }
      if (ec) return IoError(p + ": cannot list directory: " + ec.message());
      if (found.empty()) return InvalidInput(p + ": directory holds no article (.txt, .html, .htm, .html.gz)");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

StatusOr<std::vector<Article>> ReadArticles(const std::vector<std::string>& paths, const ReadOptions& options) {
  StatusOr<std::vector<std::string>> files = ExpandInputs(paths);
  if (!files.ok()) return files.status();
  std::vector<Article> articles;
  std::set<std::string> ids;
  for (const auto& f : *files) {
    StatusOr<Article> a = InvalidArgument("");
    if (IsPagePath(f)) {
      auto page = ReadPageFile(f);
      if (!page.ok()) return page.status();
      a = ArticleFromPage(IdFromPath(f), *page, options);
      if (!a.ok()) return Status(a.status().code(), f + ": " + a.status().message());
    } else {
      a = ReadTextFile(f, options);
    }
    if (!a.ok()) return a.status();
    if (!ids.insert(a->id).second)
      return InvalidInput(f + ": another input already has the id '" + a->id + "'; rename one of them");
    articles.push_back(std::move(*a));
  }
  return articles;
}

}  // namespace crosscheck::ingest
