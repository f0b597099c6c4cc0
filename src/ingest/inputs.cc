#include "crosscheck/ingest/inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "crosscheck/ingest/feed_reader.h"
#include "crosscheck/ingest/jsonl_reader.h"
#include "crosscheck/ingest/page_reader.h"
#include "crosscheck/ingest/sgml_reader.h"
#include "crosscheck/ingest/warc_reader.h"

namespace crosscheck::ingest {

namespace fs = std::filesystem;

std::optional<InputKind> KindOfPath(std::string_view p) {
  if (IsWarcPath(p)) return InputKind::kWarc;
  if (IsPagePath(p)) return InputKind::kPage;
  if (p.ends_with(".txt")) return InputKind::kText;
  if (p.ends_with(".jsonl")) return InputKind::kJsonl;
  if (IsFeedPath(p)) return InputKind::kFeed;
  if (IsSgmlPath(p)) return InputKind::kSgml;
  return std::nullopt;
}

std::optional<InputKind> KindOfFile(const std::string& path) {
  if (auto kind = KindOfPath(path)) return kind;
  char head[64] = {};
  std::ifstream in(path, std::ios::binary);
  in.read(head, sizeof head);
  std::string_view opening(head, static_cast<size_t>(in.gcount()));
  if (LooksLikeSgml(opening)) return InputKind::kSgml;
  if (LooksLikeWarc(opening)) return InputKind::kWarc;
  return std::nullopt;
}

StatusOr<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return NotFound(p + ": no such file or directory");
    if (!fs::is_directory(st)) {
      CROSSCHECK_RETURN_IF_ERROR(CheckRegularFile(p));
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    fs::directory_iterator it(p, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code file_ec;
      if (!it->is_regular_file(file_ec)) continue;
      std::string name = it->path().string();
      if (KindOfFile(name)) found.push_back(name);
    }
    if (ec) return InvalidInput(p + ": cannot list directory: " + ec.message());
    if (found.empty())
      return InvalidInput(
          p +
          ": directory holds no input (.txt, .html, .htm, .html.gz, .jsonl, .rss, .atom, .xml, .sgml, .warc,"
          " .warc.gz, or files opening with <DOC> or WARC/1.)");
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

namespace {
// `status` with the file named in front of its message, unless it already is.
Status Named(const std::string& file, const Status& status) {
  if (status.message().rfind(file, 0) == 0) return status;
  return Status(status.code(), file + ": " + status.message());
}
}  // namespace

void ReadInputs(const std::vector<std::string>& files, const std::function<void(Article&&)>& article,
                const std::function<void(const InputProblem&)>& problem, const ReadOptions& options) {
  for (const auto& f : files) {
    auto kind = KindOfFile(f).value_or(InputKind::kText);
    if (kind == InputKind::kJsonl || kind == InputKind::kFeed || kind == InputKind::kSgml ||
        kind == InputKind::kWarc) {
      auto on_error = [&](const LineError& e) {
        const char* part = kind == InputKind::kFeed   ? "item "
                           : kind == InputKind::kSgml ? "doc "
                           : kind == InputKind::kWarc ? "record "
                                                      : "";
        std::string where = e.line == 0 ? f : f + ":" + part + std::to_string(e.line);
        problem({where, InvalidInput(where + ": " + e.message), e.line == 0});
      };
      Status st = kind == InputKind::kJsonl  ? ReadJsonl(f, article, on_error, options)
                  : kind == InputKind::kFeed ? ReadFeed(f, article, on_error, options)
                  : kind == InputKind::kWarc ? ReadWarc(f, article, on_error, options)
                                             : ReadSgml(f, article, on_error, options);
      if (!st.ok()) problem({f, Named(f, st)});
      continue;
    }
    StatusOr<Article> a = InvalidArgument("");
    if (kind == InputKind::kPage) {
      auto page = ReadPageFile(f);
      a = page.ok() ? ArticleFromPage(IdFromPath(f), *page, options) : StatusOr<Article>(page.status());
    } else {
      a = ReadTextFile(f, options);
    }
    if (!a.ok()) {
      problem({f, Named(f, a.status())});
      continue;
    }
    article(std::move(*a));
  }
}

StatusOr<std::vector<Article>> ReadArticles(const std::vector<std::string>& paths,
                                            const ReadOptions& options) {
  return ReadFirstArticles(paths, 0, nullptr, options);
}

StatusOr<std::vector<Article>> ReadFirstArticles(const std::vector<std::string>& paths, size_t limit,
                                                 bool* more, const ReadOptions& options) {
  StatusOr<std::vector<std::string>> files = ExpandInputs(paths);
  if (!files.ok()) return files.status();
  std::vector<Article> articles;
  std::set<std::string> ids;
  Status failure = Status::Ok();
  for (const auto& f : *files) {
    if (!failure.ok() || (limit > 0 && articles.size() > limit)) break;
    ReadInputs(
        {f},
        [&](Article&& a) {
          if (!failure.ok()) return;
          if (!ids.insert(a.id).second) {
            failure =
                InvalidInput(f + ": another input already has the id '" + a.id + "'; rename one of them");
            return;
          }
          // One past the limit is kept: it says there were more.
          if (limit == 0 || articles.size() <= limit) articles.push_back(std::move(a));
        },
        [&](const InputProblem& p) {
          if (failure.ok()) failure = p.status;
        },
        options);
  }
  if (!failure.ok()) return failure;
  if (more) *more = limit > 0 && articles.size() > limit;
  if (limit > 0 && articles.size() > limit) articles.resize(limit);
  return articles;
}

}  // namespace crosscheck::ingest
