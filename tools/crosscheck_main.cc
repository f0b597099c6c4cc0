// crosscheck command-line tool: parses arguments and wires library stages.
// Exit codes: 0 success, 1 output failure, 2 usage error, 3 input error.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "crosscheck/analysis/report.h"
#include "crosscheck/eval/attribution_eval.h"
#include "crosscheck/eval/events_eval.h"
#include "crosscheck/eval/extraction_eval.h"
#include "crosscheck/html/page.h"
#include "crosscheck/extract/document.h"
#include "crosscheck/pipeline/ingestor.h"
#include "crosscheck/store/sqlite_store.h"
#include "crosscheck/ingest/inputs.h"
#include "crosscheck/ingest/feed_reader.h"
#include "crosscheck/ingest/jsonl_reader.h"
#include "crosscheck/ingest/page_reader.h"
#include "crosscheck/report/render.h"

namespace {

constexpr int kExitOk = 0, kExitOutput = 1, kExitUsage = 2, kExitInput = 3;

constexpr const char* kUsage =
    "usage: crosscheck report [--format json|md|html] [--out FILE] PATH...\n"
    "       crosscheck attributions [--format json|text] [--out FILE] FILE\n"
    "       crosscheck report --db PATH --event ID [--format json|md|html] [--out FILE]\n"
    "       crosscheck ingest [--db PATH] INPUT...\n"
    "       crosscheck events [--db PATH] [--since YYYY-MM-DD] [--format json|md]\n"
    "       crosscheck extract [--format json|text] [--out FILE] PAGE\n"
    "       crosscheck eval attributions|extraction|events DIR  (eval extraction [--per-page] DIR)\n"
    "\n"
    "  report        cross-check articles about one event; PATH is a .txt file,\n"
    "                a web page (.html, .htm, .html.gz) or a directory of them\n"
    "  attributions  who says what in one article: quotes and indirect speech\n"
    "  ingest        store articles (.txt, web pages, .jsonl, directories) in\n"
    "                SQLite (default crosscheck.db), group them into events\n"
    "  events        list the stored events\n"
    "  extract       the article in a saved web page (.html, .htm, .html.gz):\n"
    "                title, body, authors, published, url, outlet\n"
    "  eval extraction\n"
    "                score body extraction on a folder laid out like the\n"
    "                article-extraction benchmark (html/, ground-truth.json)\n"
    "  eval events   score event clustering (B-cubed) on a folder laid out like\n"
    "                ECB+ (*.txt in name order, gold.tsv)\n"
    "  eval attributions\n"
    "                score attribution extraction on a folder laid out like\n"
    "                PolNeAR (text/*.txt, attributions/*.ann)\n"
    "\n"
    "options:\n"
    "  --format json|md|html   output format (default json)\n"
    "  --out FILE              write to FILE instead of standard output\n"
    "  -h, --help              show this help\n";

int Usage(const std::string& problem) {
  std::cerr << "crosscheck: " << problem << "\n\n" << kUsage;
  return kExitUsage;
}

int Write(const std::string& out_path, const std::string& content) {
  if (out_path.empty()) {
    std::cout << content;
    std::cout.flush();
    return std::cout ? kExitOk : kExitOutput;
  }
  std::ofstream f(out_path, std::ios::binary);
  if (!f || !(f << content) || !(f.flush())) {
    std::cerr << "crosscheck: " << out_path << ": cannot write output\n";
    return kExitOutput;
  }
  return kExitOk;
}

// Parses [--format F] [--out FILE] (and, when `store` is set, [--db PATH]
// [--event ID]) and positional arguments.
struct Common {
  std::string format, out, db, event;
  std::vector<std::string> paths;
};

int ParseCommon(const std::vector<std::string>& args, const std::string& default_format, Common& c, bool& help,
                bool store = false) {
  c.format = default_format;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format" || a == "--out" || (store && (a == "--db" || a == "--event"))) {
      if (i + 1 >= args.size()) return Usage(a + " needs a value");
      (a == "--format" ? c.format : a == "--out" ? c.out : a == "--db" ? c.db : c.event) = args[++i];
    } else if (a.rfind("--format=", 0) == 0) {
      c.format = a.substr(9);
    } else if (a.rfind("--out=", 0) == 0) {
      c.out = a.substr(6);
    } else if (a == "-h" || a == "--help") {
      help = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage("unknown option " + a);
    } else {
      c.paths.push_back(a);
    }
  }
  return kExitOk;
}

// Articles of a stored event, rebuilt from their stored text and metadata.
int LoadEvent(const std::string& db, const std::string& event, std::vector<crosscheck::Article>& out) {
  char* end = nullptr;
  long long id = std::strtoll(event.c_str(), &end, 10);
  if (event.empty() || *end || id <= 0) return Usage("--event takes an event id (a positive number)");
  if (!std::filesystem::exists(db)) {
    std::cerr << "crosscheck: " << db << ": no such database\n";
    return kExitInput;
  }
  auto store = crosscheck::store::SqliteStore::Open(db);
  if (!store.ok()) { std::cerr << "crosscheck: " << store.status().message() << "\n"; return kExitInput; }
  auto stored = (*store)->ArticlesOfEvent(id);
  if (!stored.ok()) { std::cerr << "crosscheck: " << stored.status().message() << "\n"; return kExitInput; }
  if (stored->empty()) {
    std::cerr << "crosscheck: " << db << ": no event " << id << "\n";
    return kExitInput;
  }
  std::map<int64_t, std::string> id_of;
  for (const auto& s : *stored) id_of[s.rowid] = s.id;
  for (const auto& s : *stored) {
    auto a = crosscheck::ingest::ParseTextArticle(s.id, s.text);
    if (!a.ok()) { std::cerr << "crosscheck: " << a.status().message() << "\n"; return kExitInput; }
    if (!s.title.empty()) a->title = s.title;
    a->url = s.url;
    a->outlet = s.outlet;
    a->published = s.published;
    if (s.copy_of && id_of.count(s.copy_of)) a->copy_of = id_of[s.copy_of];
    out.push_back(std::move(*a));
  }
  return kExitOk;
}

int Report(const std::vector<std::string>& args) {
  Common c;
  bool help = false;
  if (int rc = ParseCommon(args, "json", c, help, /*store=*/true); rc != kExitOk) return rc;
  if (help) {
    std::cout << kUsage;
    return kExitOk;
  }
  const std::string &format = c.format, &out = c.out, &db = c.db, &event = c.event;
  const std::vector<std::string>& paths = c.paths;
  if (format != "json" && format != "md" && format != "html")
    return Usage("--format must be json, md or html, not '" + format + "'");
  std::vector<crosscheck::Article> articles;
  if (!event.empty() || !db.empty()) {
    if (event.empty() || !paths.empty()) return Usage("with --db, give --event ID and no PATH");
    if (int rc = LoadEvent(db.empty() ? "crosscheck.db" : db, event, articles); rc != kExitOk) return rc;
  } else {
    if (paths.empty()) return Usage("report needs at least one PATH (or --db PATH --event ID)");
    auto read = crosscheck::ingest::ReadArticles(paths);
    if (!read.ok()) {
      std::cerr << "crosscheck: " << read.status().message() << "\n";
      return kExitInput;
    }
    articles = std::move(*read);
  }
  for (const auto& a : articles)
    for (const auto& w : a.warnings) std::cerr << "crosscheck: warning: " << a.id << ": " << w << "\n";
  auto report = crosscheck::analysis::BuildReport(articles);
  if (!report.ok()) {
    std::cerr << "crosscheck: " << report.status().message() << "\n";
    return kExitInput;
  }
  std::string text = format == "json" ? crosscheck::report::ToJsonText(*report)
                     : format == "md" ? crosscheck::report::ToMarkdown(*report)
                                      : crosscheck::report::ToHtml(*report);
  return Write(out, text);
}

int Attributions(const std::vector<std::string>& args) {
  Common c;
  bool help = false;
  if (int rc = ParseCommon(args, "json", c, help); rc != kExitOk) return rc;
  if (help) { std::cout << kUsage; return kExitOk; }
  if (c.format != "json" && c.format != "text") return Usage("--format must be json or text, not '" + c.format + "'");
  if (c.paths.size() != 1) return Usage("attributions takes exactly one FILE");
  crosscheck::ingest::ReadOptions opt;
  opt.remove_boilerplate = false;  // offsets and coverage over the whole file
  auto article = crosscheck::ingest::ReadTextFile(c.paths[0], opt);
  if (!article.ok()) {
    std::cerr << "crosscheck: " << article.status().message() << "\n";
    return kExitInput;
  }
  for (const auto& w : article->warnings) std::cerr << "crosscheck: warning: " << article->id << ": " << w << "\n";
  std::vector<crosscheck::Article> one{std::move(*article)};
  auto x = crosscheck::extract::ExtractAll(one);
  return Write(c.out, c.format == "json" ? crosscheck::report::AttributionsToJson(x, 0).dump(2) + "\n"
                                         : crosscheck::report::AttributionsToText(x, 0));
}

int EvalExtraction(const std::string& dir, bool per_page) {
  auto scores = crosscheck::eval::EvaluateExtractionFolder(dir);
  if (!scores.ok()) {
    std::cerr << "crosscheck: " << scores.status().message() << "\n";
    return kExitInput;
  }
  char buf[256];
  if (per_page) {
    auto pages = scores->per_page;
    auto f1 = [](const crosscheck::eval::PageScore& p) {
      return p.precision + p.recall > 0 ? 2 * p.precision * p.recall / (p.precision + p.recall) : 0.0;
    };
    std::stable_sort(pages.begin(), pages.end(), [&](const auto& a, const auto& b) { return f1(a) < f1(b); });
    for (const auto& p : pages) {
      std::snprintf(buf, sizeof buf, "%s\tF1 %.3f\tprecision %.3f\trecall %.3f\n", p.id.c_str(), f1(p), p.precision,
                    p.recall);
      std::cout << buf;
    }
  }
  std::snprintf(buf, sizeof buf, "pages %zu  F1 %.3f  precision %.3f  recall %.3f  (%.1f pages/s)\n", scores->pages,
                scores->f1, scores->precision, scores->recall, scores->pages / std::max(1e-9, scores->seconds));
  std::cout << buf;
  return kExitOk;
}

int Extract(const std::vector<std::string>& args) {
  Common c;
  bool help = false;
  if (int rc = ParseCommon(args, "json", c, help); rc != kExitOk) return rc;
  if (help) { std::cout << kUsage; return kExitOk; }
  if (c.format != "json" && c.format != "text") return Usage("--format must be json or text, not '" + c.format + "'");
  if (c.paths.size() != 1) return Usage("extract takes exactly one PAGE");
  auto page = crosscheck::ingest::ReadPageFile(c.paths[0]);
  if (!page.ok()) {
    std::cerr << "crosscheck: " << page.status().message() << "\n";
    return kExitInput;
  }
  for (const auto& w : page->warnings) std::cerr << "crosscheck: warning: " << c.paths[0] << ": " << w << "\n";
  if (c.format == "text") return Write(c.out, (page->title.empty() ? "" : page->title + "\n\n") + page->Body() + "\n");
  auto orNull = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  nlohmann::json j = {{"title", orNull(page->title)}, {"body", page->Body()}, {"authors", page->authors},
                      {"published", orNull(page->published)}, {"url", orNull(page->url)},
                      {"outlet", orNull(page->outlet)}, {"encoding", page->encoding},
                      {"removed", page->removed_captions}, {"warnings", page->warnings}};
  return Write(c.out, j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

// Walks inputs for `ingest`: files, directories (their articles and .jsonl
// files), JSONL files line by line.
int Ingest(const std::vector<std::string>& args) {
  std::string db = "crosscheck.db";
  std::vector<std::string> inputs;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--db") {
      if (i + 1 >= args.size()) return Usage("--db needs a value");
      db = args[++i];
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return Usage("unknown option " + args[i]);
    } else {
      inputs.push_back(args[i]);
    }
  }
  if (inputs.empty()) return Usage("ingest needs at least one INPUT");
  auto ingestor = crosscheck::pipeline::Ingestor::Open(db);
  if (!ingestor.ok()) {
    std::cerr << "crosscheck: " << ingestor.status().message() << "\n";
    return kExitInput;
  }
  size_t bad = 0;
  int rc = kExitOk;
  auto add = [&](const crosscheck::Article& a) {
    auto e = (*ingestor)->Add(a);
    if (!e.ok()) {
      std::cerr << "crosscheck: " << db << ": " << e.status().message() << "\n";
      rc = kExitOutput;
    }
  };
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(in, ec))
        if (e.is_regular_file()) found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      for (auto& f : found)
        if (f.ends_with(".txt") || f.ends_with(".jsonl") || crosscheck::ingest::IsPagePath(f) ||
            crosscheck::ingest::IsFeedPath(f))
          files.push_back(f);
    } else if (fs::exists(in, ec)) {
      files.push_back(in);
    } else {
      std::cerr << "crosscheck: " << in << ": no such file or directory\n";
      return kExitInput;
    }
  }
  for (const auto& f : files) {
    if (rc != kExitOk) break;
    if (f.ends_with(".jsonl") || crosscheck::ingest::IsFeedPath(f)) {
      auto on_article = [&](crosscheck::Article&& a) { add(a); };
      auto on_error = [&](const crosscheck::ingest::LineError& e) {
        ++bad;
        std::cerr << "crosscheck: " << f << ":" << (f.ends_with(".jsonl") ? "" : "item ") << e.line << ": "
                  << e.message << " (skipped)\n";
      };
      auto st = f.ends_with(".jsonl") ? crosscheck::ingest::ReadJsonl(f, on_article, on_error)
                                      : crosscheck::ingest::ReadFeed(f, on_article, on_error);
      if (!st.ok()) { std::cerr << "crosscheck: " << st.message() << "\n"; ++bad; }
      continue;
    }
    auto arts = crosscheck::ingest::ReadArticles({f});
    if (!arts.ok()) {
      std::cerr << "crosscheck: " << arts.status().message() << " (skipped)\n";
      ++bad;
      continue;
    }
    for (const auto& a : *arts) add(a);
  }
  crosscheck::Status flushed = (*ingestor)->Flush();
  if (!flushed.ok()) {
    std::cerr << "crosscheck: " << db << ": " << flushed.message() << "\n";
    return kExitOutput;
  }
  const auto& s = (*ingestor)->stats();
  std::cerr << "crosscheck: " << db << ": " << s.added << " added, " << s.duplicates << " already stored, " << s.copies
            << " near-duplicate copies, " << s.events << " new events in " << s.stories << " new stories, " << s.moves
            << " articles moved between events, " << bad << " inputs skipped\n";
  if (rc != kExitOk) return rc;
  return bad ? kExitInput : kExitOk;
}

int Events(const std::vector<std::string>& args) {
  std::string db = "crosscheck.db", since, format = "json";
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "--db" || a == "--since" || a == "--format") && i + 1 < args.size()) {
      (a == "--db" ? db : a == "--since" ? since : format) = args[++i];
    } else {
      return Usage("events takes [--db PATH] [--since YYYY-MM-DD] [--format json|md]");
    }
  }
  if (format != "json" && format != "md") return Usage("--format must be json or md");
  if (!std::filesystem::exists(db)) {
    std::cerr << "crosscheck: " << db << ": no such database (run crosscheck ingest first)\n";
    return kExitInput;
  }
  auto store = crosscheck::store::SqliteStore::Open(db);
  if (!store.ok()) { std::cerr << "crosscheck: " << store.status().message() << "\n"; return kExitInput; }
  auto events = (*store)->Events(since);
  if (!events.ok()) { std::cerr << "crosscheck: " << events.status().message() << "\n"; return kExitInput; }
  nlohmann::json out = nlohmann::json::array();
  std::string md;
  for (const auto& e : *events) {
    auto arts = (*store)->ArticlesOfEvent(e.id);
    if (!arts.ok()) { std::cerr << "crosscheck: " << arts.status().message() << "\n"; return kExitInput; }
    std::vector<std::string> ids;
    std::set<std::string> outlets;
    for (const auto& a : *arts) {
      ids.push_back(a.id);
      if (!a.outlet.empty()) outlets.insert(a.outlet);
    }
    auto orNull = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
    out.push_back({{"id", e.id}, {"title", e.title}, {"articles", ids},
                   {"outlets", std::vector<std::string>(outlets.begin(), outlets.end())},
                   {"first_date", orNull(e.first_date)}, {"last_date", orNull(e.last_date)}});
    md += "- **" + std::to_string(e.id) + "** " + e.title + " (" + std::to_string(ids.size()) + " articles" +
          (e.first_date.empty() ? "" : ", " + e.first_date) + ")\n";
  }
  return Write("", format == "json" ? out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" : md);
}

int EvalEvents(const std::string& dir, double threshold, double names = -1) {
  crosscheck::pipeline::IngestOptions options;
  if (threshold > 0) options.cluster.threshold = threshold;
  if (names >= 0) options.cluster.name_threshold = names;
  auto scores = crosscheck::eval::EvaluateEventsFolder(dir, options);
  if (!scores.ok()) {
    std::cerr << "crosscheck: " << scores.status().message() << "\n";
    return kExitInput;
  }
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "articles %zu  events %zu (gold %zu)  B-cubed F1 %.3f  precision %.3f  recall %.3f  (%.0f articles/s)\n",
                scores->articles, scores->events, scores->gold_events, scores->f1, scores->precision, scores->recall,
                scores->articles / std::max(1e-9, scores->seconds));
  std::cout << buf;
  return kExitOk;
}

int Eval(const std::vector<std::string>& args) {
  if (args.size() == 2 && args[0] == "extraction") return EvalExtraction(args[1], false);
  if (args.size() == 3 && args[0] == "extraction" && args[1] == "--per-page") return EvalExtraction(args[2], true);
  if (args.size() == 2 && args[0] == "events") return EvalEvents(args[1], 0);
  if (args.size() == 4 && args[0] == "events" && args[1] == "--threshold") return EvalEvents(args[3], std::atof(args[2].c_str()));
  if (args.size() == 6 && args[0] == "events" && args[1] == "--threshold" && args[3] == "--names") {
    return EvalEvents(args[5], std::atof(args[2].c_str()), std::atof(args[4].c_str()));
  }
  if (args.size() != 2 || args[0] != "attributions") return Usage("usage: crosscheck eval attributions|extraction|events DIR");
  auto scores = crosscheck::eval::EvaluateAttributionsFolder(args[1]);
  if (!scores.ok()) {
    std::cerr << "crosscheck: " << scores.status().message() << "\n";
    return kExitInput;
  }
  auto line = [](const char* name, const crosscheck::eval::Scores& s) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "%-8s content F1 %.3f  precision %.3f  recall %.3f  speaker accuracy %.3f  (gold %zu, predicted %zu, matched %zu)\n",
                  name, s.f1, s.precision, s.recall, s.speaker_accuracy, s.gold, s.predicted, s.matched);
    return std::string(buf);
  };
  std::cout << "documents " << scores->documents << "\n" << line("all", scores->all) << line("direct", scores->direct);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage("no command given");
  std::string cmd = args[0];
  args.erase(args.begin());
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (cmd == "report") return Report(args);
  if (cmd == "attributions") return Attributions(args);
  if (cmd == "ingest") return Ingest(args);
  if (cmd == "events") return Events(args);
  if (cmd == "extract") return Extract(args);
  if (cmd == "eval") return Eval(args);
  return Usage("unknown command '" + cmd + "'");
}
