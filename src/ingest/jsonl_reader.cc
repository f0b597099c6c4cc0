#include "crosscheck/ingest/jsonl_reader.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "crosscheck/ingest/outlet.h"
#include "crosscheck/ingest/page_reader.h"
#include "crosscheck/text/datetime.h"

namespace crosscheck::ingest {

Status ReadJsonl(const std::string& path, const std::function<void(Article&&)>& article,
                 const std::function<void(const LineError&)>& error, const ReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open file");
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (line.size() > options.max_bytes) {
      error({n, "line is longer than " + std::to_string(options.max_bytes) + " bytes"});
      continue;
    }
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      error({n, "not a JSON object"});
      continue;
    }
    auto str = [&](const char* k) {
      return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
    };
    std::string id = str("id");
    if (id.empty()) {
      error({n, "missing \"id\""});
      continue;
    }
    std::string text = str("text"), html = str("html");
    if (text.empty() && html.empty()) {
      error({n, "missing \"text\" or \"html\""});
      continue;
    }
    StatusOr<Article> a = InvalidArgument("");
    if (!text.empty()) {
      a = ParseTextArticle(id, text, options);
    } else {
      auto page = html::ExtractPage(html);
      if (!page.ok()) {
        error({n, page.status().message()});
        continue;
      }
      a = ArticleFromPage(id, *page, options);
    }
    if (!a.ok()) {
      error({n, a.status().message()});
      continue;
    }
    if (!str("title").empty()) a->title = str("title");
    if (!str("url").empty()) a->url = str("url");
    if (!str("outlet").empty()) a->outlet = str("outlet");
    if (!str("published").empty()) {
      a->published = text::NormalizeDateTime(str("published"));
      if (a->published.empty()) {
        error({n, "\"published\" is not a date (ISO 8601 or RFC 822): '" + str("published").substr(0, 40) +
                      "'"});
        continue;
      }
    }
    a->outlet = DisplayOutlet(*a);
    article(std::move(*a));
  }
  return Status::Ok();
}

}  // namespace crosscheck::ingest
