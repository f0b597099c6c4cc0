#include "crosscheck/ingest/jsonl_reader.h"

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "crosscheck/ingest/outlet.h"
#include "crosscheck/ingest/page_reader.h"
#include "crosscheck/text/datetime.h"

namespace crosscheck::ingest {

namespace {

// Lines of a stream, each held to at most `max` bytes: a longer line is
// skipped to its end without being kept, so an endless line costs no memory.
class LineReader {
 public:
  LineReader(std::istream& in, size_t max) : in_(in), max_(max), buf_(1 << 20) {}
  // False at the end of the stream. `too_long` tells that the line was cut.
  bool Next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == end_) {
        in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        end_ = static_cast<size_t>(in_.gcount());
        pos_ = 0;
        if (end_ == 0) return any;
      }
      any = true;
      const char* start = buf_.data() + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
      size_t take = nl ? static_cast<size_t>(nl - start) : end_ - pos_;
      if (!too_long && line.size() + take <= max_)
        line.append(start, take);
      else {
        too_long = true;
        line.clear();
      }
      pos_ += take + (nl ? 1 : 0);
      if (nl) return true;
    }
  }

 private:
  std::istream& in_;
  size_t max_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
};

}  // namespace

Status ReadJsonl(const std::string& path, const std::function<void(Article&&)>& article,
                 const std::function<void(const LineError&)>& error, const ReadOptions& options) {
  CROSSCHECK_RETURN_IF_ERROR(CheckRegularFile(path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open file");
  ParseJsonl(in, article, error, options);
  if (in.bad()) return IoError(path + ": read failed");
  return Status::Ok();
}

void ParseJsonl(std::istream& in, const std::function<void(Article&&)>& article,
                const std::function<void(const LineError&)>& error, const ReadOptions& options) {
  std::string line;
  size_t n = 0;
  LineReader lines(in, options.max_bytes);
  bool too_long = false;
  while (lines.Next(line, too_long)) {
    ++n;
    if (too_long) {
      error({n, "line is longer than " + std::to_string(options.max_bytes) + " bytes"});
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
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
      if (a->published.empty())  // the article is kept, undated
        error({n, "\"published\" is not a date (ISO 8601 or RFC 822), left empty: '" +
                      str("published").substr(0, 40) + "'"});
    }
    if (!str("received").empty()) {
      a->received = text::NormalizeDateTime(str("received"));
      if (a->received.empty())
        error({n, "\"received\" is not a date (ISO 8601 or RFC 822), left empty: '" +
                      str("received").substr(0, 40) + "'"});
    }
    CompleteFromUrl(*a);
    article(std::move(*a));
  }
}

}  // namespace crosscheck::ingest
