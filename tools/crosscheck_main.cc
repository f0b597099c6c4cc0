// crosscheck command-line tool: parses arguments (CLI11) and wires library
// calls. Every command returns a Status; ExitCode maps it to the exit code:
//   0 success
//   1 the output or the database could not be written (kIoError, kInternal)
//   2 usage error (kInvalidArgument): one line, then the command's usage
//   3 input error (kInvalidInput, kNotFound, kResourceExhausted)
#include <unistd.h>

#include <CLI/CLI.hpp>
#ifdef CROSSCHECK_WITH_MIMALLOC
#include <mimalloc.h>
#endif
#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crosscheck/analysis/report.h"
#include "crosscheck/eval/attribution_eval.h"
#include "crosscheck/eval/entities_eval.h"
#include "crosscheck/eval/events_eval.h"
#include "crosscheck/eval/extraction_eval.h"
#include "crosscheck/eval/quotes_eval.h"
#include "crosscheck/eval/summary_eval.h"
#include "crosscheck/extract/document.h"
#include "crosscheck/ingest/inputs.h"
#include "crosscheck/ingest/page_reader.h"
#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/lexicon/wordnet.h"
#include "crosscheck/pipeline/ingestor.h"
#include "crosscheck/pipeline/stored.h"
#include "crosscheck/report/render.h"
#include "crosscheck/server/server.h"
#include "crosscheck/statements/same.h"
#include "crosscheck/statements/stance.h"
#include "crosscheck/status.h"
#include "crosscheck/store/sqlite_store.h"
#include "crosscheck/tagger/entity_tagger.h"

namespace {

using crosscheck::Status;
using crosscheck::StatusCode;

int ExitCode(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
      return 0;
    case StatusCode::kIoError:
    case StatusCode::kInternal:
      return 1;
    case StatusCode::kInvalidArgument:
      return 2;
    case StatusCode::kInvalidInput:
    case StatusCode::kNotFound:
    case StatusCode::kResourceExhausted:
      return 3;
  }
  return 1;
}

void Warn(const std::string& message) { std::cerr << "crosscheck: " << message << "\n"; }

// Writes `content` to `path`, or to standard output when `path` is empty.
Status Write(const std::string& path, const std::string& content) {
  if (path.empty()) {
    std::cout << content;
    std::cout.flush();
    return std::cout ? Status::Ok() : crosscheck::IoError("standard output: cannot write");
  }
  std::ofstream f(path, std::ios::binary);
  if (!f || !(f << content) || !(f.flush())) return crosscheck::IoError(path + ": cannot write output");
  return Status::Ok();
}

crosscheck::StatusOr<std::unique_ptr<crosscheck::store::SqliteStore>> OpenExisting(const std::string& db) {
  if (access(db.c_str(), F_OK) != 0)
    return crosscheck::NotFound(db + ": no such database (run crosscheck ingest first)");
  auto store = crosscheck::store::SqliteStore::Open(db);
  if (!store.ok()) return crosscheck::InvalidInput(store.status().message());
  return store;
}

std::string Render(const crosscheck::analysis::Report& r, const std::string& format) {
  if (format == "md") return crosscheck::report::ToMarkdown(r);
  if (format == "html") return crosscheck::report::ToHtml(r);
  return crosscheck::report::ToJsonText(r);
}

struct ReportArgs {
  std::string format = "json", out, db;
  int64_t event = 0;
  size_t max_articles = crosscheck::pipeline::kMaxReportArticles;
  size_t summary_words = 0;
  std::string focus;
  std::vector<std::string> paths;
};

Status Report(const ReportArgs& a) {
  std::vector<crosscheck::Article> articles;
  if (a.event || !a.db.empty()) {
    if (!a.event || !a.paths.empty())
      return crosscheck::InvalidArgument("with --db, give --event ID and no PATH");
    CROSSCHECK_ASSIGN_OR_RETURN(auto store, OpenExisting(a.db.empty() ? "crosscheck.db" : a.db));
    size_t members = 0;
    auto stored = crosscheck::pipeline::ArticlesOfEvent(*store, a.event, a.max_articles, &members);
    if (!stored.ok()) return Status(stored.status().code(), a.db + ": " + stored.status().message());
    articles = std::move(*stored);
    if (members > articles.size())
      Warn("note: event " + std::to_string(a.event) + " has " + std::to_string(members) +
           " articles; the report reads the " + std::to_string(articles.size()) +
           " closest to its centre (--max-articles)");
  } else {
    if (a.paths.empty())
      return crosscheck::InvalidArgument("report needs at least one PATH (or --db PATH --event ID)");
    bool more = false;
    CROSSCHECK_ASSIGN_OR_RETURN(articles,
                                crosscheck::ingest::ReadFirstArticles(a.paths, a.max_articles, &more));
    if (more)
      Warn("note: more than " + std::to_string(a.max_articles) +
           " articles given; the report reads the first " + std::to_string(a.max_articles) +
           " and no further (--max-articles)");
  }
  for (const auto& art : articles)
    for (const auto& w : art.warnings) Warn("warning: " + art.id + ": " + w);
  crosscheck::analysis::ReportOptions options;
  options.summary.max_words = a.summary_words;
  options.summary.focus = a.focus;
  CROSSCHECK_ASSIGN_OR_RETURN(auto report, crosscheck::analysis::BuildReport(articles, options));
  return Write(a.out, Render(report, a.format));
}

struct FileArgs {
  std::string format = "json", out, path;
};

Status Attributions(const FileArgs& a) {
  crosscheck::ingest::ReadOptions opt;
  opt.remove_boilerplate = false;  // offsets and coverage over the whole file
  CROSSCHECK_ASSIGN_OR_RETURN(auto article, crosscheck::ingest::ReadTextFile(a.path, opt));
  for (const auto& w : article.warnings) Warn("warning: " + article.id + ": " + w);
  std::vector<crosscheck::Article> one{std::move(article)};
  auto x = crosscheck::extract::ExtractAll(one);
  return Write(a.out, a.format == "json"
                          ? crosscheck::report::DumpJson(crosscheck::report::AttributionsToJson(x, 0))
                          : crosscheck::report::AttributionsToText(x, 0));
}

Status Extract(const FileArgs& a) {
  CROSSCHECK_ASSIGN_OR_RETURN(auto page, crosscheck::ingest::ReadPageFile(a.path));
  for (const auto& w : page.warnings) Warn("warning: " + a.path + ": " + w);
  if (a.format == "text")
    return Write(a.out, (page.title.empty() ? "" : page.title + "\n\n") + page.Body() + "\n");
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  nlohmann::json j = {{"title", or_null(page.title)}, {"body", page.Body()},
                      {"authors", page.authors},      {"published", or_null(page.published)},
                      {"url", or_null(page.url)},     {"outlet", or_null(page.outlet)},
                      {"encoding", page.encoding},    {"removed", page.removed_captions},
                      {"warnings", page.warnings}};
  return Write(a.out, crosscheck::report::DumpJson(j));
}

struct IngestArgs {
  std::string db = "crosscheck.db";
  std::vector<std::string> inputs;
  bool undated_at_arrival = false;
};

Status Ingest(const IngestArgs& a) {
  CROSSCHECK_ASSIGN_OR_RETURN(auto files, crosscheck::ingest::ExpandInputs(a.inputs));
  crosscheck::pipeline::IngestOptions options;
  options.date_undated_by_arrival = a.undated_at_arrival;
  auto opened = crosscheck::pipeline::Ingestor::Open(a.db, options);
  if (!opened.ok()) return Status(StatusCode::kIoError, opened.status().message());
  auto& ingestor = **opened;
  if (!ingestor.restored_exactly())
    Warn("note: " + a.db + ": the grouping state was rebuilt from the recent articles only (over " +
         std::to_string(crosscheck::pipeline::IngestOptions{}.max_replay) +
         " stored, or stored with other options): later articles may group a little differently than in "
         "one uninterrupted run");
  size_t skipped = 0, partial = 0;
  const bool terminal = isatty(STDERR_FILENO) != 0;
  auto problem = [&](const crosscheck::ingest::InputProblem& p) {
    ++(p.partial ? partial : skipped);
    if (terminal) std::cerr << "\r\033[K";
    Warn(p.status.message() + (p.partial ? " (read in part)" : " (skipped)"));
  };
  auto progress = [&](size_t added) {
    if (terminal) std::cerr << "\rcrosscheck: " << added << " articles read" << std::flush;
  };
  Status s = crosscheck::pipeline::IngestFiles(ingestor, files, problem, progress);
  if (terminal) std::cerr << "\r\033[K";
  if (!s.ok()) return Status(StatusCode::kIoError, a.db + ": " + s.message());
  const auto& st = ingestor.stats();
  std::cerr << "crosscheck: " << a.db << ": " << st.added << " added, " << st.duplicates
            << " already stored, " << st.copies << " near-duplicate copies, " << st.events
            << " new events in " << st.stories << " new stories, " << st.moves
            << " articles moved between events, " << skipped << " inputs skipped"
            << (partial ? ", " + std::to_string(partial) + " read in part" : std::string()) << "\n";
  if (skipped || partial)
    return crosscheck::InvalidInput(std::to_string(skipped + partial) + " inputs could not be read in full");
  return Status::Ok();
}

struct ServeArgs {
  crosscheck::server::ServerOptions options;
  std::string token_file;
  std::string web;  // empty: the built page when there is one
};

crosscheck::server::Server* serving = nullptr;

Status Serve(ServeArgs a) {
  if (!a.token_file.empty()) {
    std::ifstream in(a.token_file);
    if (!in) return crosscheck::NotFound(a.token_file + ": cannot read the token file");
    std::getline(in, a.options.token);
    while (!a.options.token.empty() && std::isspace(static_cast<unsigned char>(a.options.token.back())))
      a.options.token.pop_back();
    if (a.options.token.size() < 16)
      return crosscheck::InvalidInput(a.token_file + ": a token of at least 16 characters");
  }
  if (!a.web.empty()) {
    a.options.web_root = a.web;
  } else if (std::filesystem::exists(std::filesystem::path(CROSSCHECK_WEB_DIST) / "index.html")) {
    a.options.web_root = CROSSCHECK_WEB_DIST;
  } else {
    std::fprintf(stderr,
                 "crosscheck: no web page built in %s (scripts/web.sh builds it); serving plain HTML pages\n",
                 CROSSCHECK_WEB_DIST);
  }
  CROSSCHECK_ASSIGN_OR_RETURN(auto server, crosscheck::server::Server::Open(a.options));
  CROSSCHECK_ASSIGN_OR_RETURN(int port, server->Bind());
  std::fprintf(stderr, "crosscheck: serving %s on http://%s:%d/\n", a.options.db.c_str(),
               a.options.host.c_str(), port);
  serving = server.get();
  std::signal(SIGINT, [](int) { serving->Stop(); });
  std::signal(SIGTERM, [](int) { serving->Stop(); });
  Status s = server->Run();
  serving = nullptr;
  return s;
}

struct EventsArgs {
  std::string db = "crosscheck.db", since, format = "json";
};

Status Events(const EventsArgs& a) {
  CROSSCHECK_ASSIGN_OR_RETURN(auto store, OpenExisting(a.db));
  CROSSCHECK_ASSIGN_OR_RETURN(auto events, crosscheck::pipeline::ListEvents(*store, a.since));
  nlohmann::json out = nlohmann::json::array();
  std::string md;
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  for (const auto& l : events) {
    const auto& e = l.event;
    out.push_back({{"id", e.id},
                   {"title", e.title},
                   {"articles", l.articles},
                   {"outlets", l.outlets},
                   {"first_date", or_null(e.first_date)},
                   {"last_date", or_null(e.last_date)}});
    md += "- **" + std::to_string(e.id) + "** " + e.title + " (" + std::to_string(l.articles.size()) +
          " articles" + (l.outlets.empty() ? "" : ": " + CLI::detail::join(l.outlets, ", ")) +
          (e.first_date.empty() ? "" : ", " + e.first_date) + ")\n";
  }
  return Write("", a.format == "json" ? crosscheck::report::DumpJson(out) : md);
}

Status EvalSnippets(const std::string& dir, bool per_page) {
  CROSSCHECK_ASSIGN_OR_RETURN(auto scores, crosscheck::eval::EvaluateSnippetFolder(dir));
  using crosscheck::eval::SnippetCounts;
  char buf[512];
  std::string out;
  if (per_page) {
    auto pages = scores.pages;
    std::stable_sort(pages.begin(), pages.end(),
                     [](const auto& a, const auto& b) { return a.counts.F1() < b.counts.F1(); });
    for (const auto& p : pages) {
      std::snprintf(buf, sizeof buf, "%s\t%s\tF1 %.3f\twith %zu/%zu\twithout %zu/%zu\n", p.file.c_str(),
                    p.language.c_str(), p.counts.F1(), p.counts.tp, p.counts.tp + p.counts.fn, p.counts.fp,
                    p.counts.fp + p.counts.tn);
      out += buf;
    }
  }
  // By language (five pages or more; the rest together), and by fold
  // (pages in odd and even places of the file-name order).
  std::map<std::string, std::pair<size_t, SnippetCounts>> by_language;
  for (const auto& p : scores.pages) {
    auto& [n, c] = by_language[p.language];
    ++n;
    c.Add(p.counts);
  }
  std::pair<size_t, SnippetCounts> rest{0, {}};
  for (const auto& [lang, nc] : by_language) {
    if (nc.first < 5) {
      rest.first += nc.first;
      rest.second.Add(nc.second);
      continue;
    }
    std::snprintf(buf, sizeof buf, "language %-3s pages %4zu  F1 %.3f  precision %.3f  recall %.3f\n",
                  lang.c_str(), nc.first, nc.second.F1(), nc.second.Precision(), nc.second.Recall());
    out += buf;
  }
  if (rest.first) {
    std::snprintf(buf, sizeof buf, "language other pages %4zu  F1 %.3f  precision %.3f  recall %.3f\n",
                  rest.first, rest.second.F1(), rest.second.Precision(), rest.second.Recall());
    out += buf;
  }
  SnippetCounts fold[2];
  for (size_t i = 0; i < scores.pages.size(); ++i) fold[i % 2].Add(scores.pages[i].counts);
  const auto& a = scores.all;
  std::snprintf(
      buf, sizeof buf,
      "pages %zu  snippets: with %zu/%zu found, without %zu/%zu found  F1 %.3f  precision %.3f  recall "
      "%.3f  folds F1 %.3f / %.3f  (%.1f pages/s)\n",
      scores.pages.size(), a.tp, a.tp + a.fn, a.fp, a.fp + a.tn, a.F1(), a.Precision(), a.Recall(),
      fold[0].F1(), fold[1].F1(), scores.pages.size() / std::max(1e-9, scores.seconds));
  return Write("", out + buf);
}

Status EvalExtraction(const std::string& dir, bool per_page) {
  // Two layouts: trafilatura's snippets (evaldata.json), or the article-body
  // benchmark's whole texts (ground-truth.json).
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::path(dir) / "evaldata.json", ec))
    return EvalSnippets(dir, per_page);
  CROSSCHECK_ASSIGN_OR_RETURN(auto scores, crosscheck::eval::EvaluateExtractionFolder(dir));
  char buf[256];
  std::string out;
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
  if (per_page) {
    auto pages = scores.per_page;
    std::stable_sort(pages.begin(), pages.end(), [&](const auto& a, const auto& b) {
      return f1(a.precision, a.recall) < f1(b.precision, b.recall);
    });
    for (const auto& p : pages) {
      std::snprintf(buf, sizeof buf, "%s\tF1 %.3f\tprecision %.3f\trecall %.3f\n", p.id.c_str(),
                    f1(p.precision, p.recall), p.precision, p.recall);
      out += buf;
    }
  }
  // Folds: pages in odd and even places (the ground truth's order).
  double fold_p[2] = {0, 0}, fold_r[2] = {0, 0};
  size_t fold_n[2] = {0, 0};
  for (size_t i = 0; i < scores.per_page.size(); ++i) {
    fold_p[i % 2] += scores.per_page[i].precision;
    fold_r[i % 2] += scores.per_page[i].recall;
    ++fold_n[i % 2];
  }
  double fold_f1[2];
  for (int k = 0; k < 2; ++k) fold_f1[k] = fold_n[k] ? f1(fold_p[k] / fold_n[k], fold_r[k] / fold_n[k]) : 0;
  std::snprintf(buf, sizeof buf,
                "pages %zu  F1 %.3f  precision %.3f  recall %.3f  folds F1 %.3f / %.3f  (%.1f pages/s)\n",
                scores.pages, scores.f1, scores.precision, scores.recall, fold_f1[0], fold_f1[1],
                scores.pages / std::max(1e-9, scores.seconds));
  return Write("", out + buf);
}

// `eval events` knobs; a negative value (0 for the threshold) keeps the library's.
struct EventKnobs {
  double threshold = 0, names = -1, time_scale = -1, tolerance = -1;
  double sub_threshold = -1, sub_time_scale = -1, sub_tolerance = -1;
  bool ignore_urls = false, errors = false;
};

Status EvalEvents(const std::string& dir, const EventKnobs& k) {
  crosscheck::pipeline::IngestOptions options;
  auto& sub = options.assign.subevents;
  auto& cluster = options.assign.cluster;
  if (k.sub_threshold >= 0) sub.threshold = k.sub_threshold;
  if (k.sub_time_scale >= 0) sub.time_scale_days = k.sub_time_scale;
  if (k.sub_tolerance >= 0) sub.time_tolerance_days = k.sub_tolerance;
  if (k.threshold > 0) cluster.threshold = k.threshold;
  if (k.names >= 0) cluster.name_threshold = k.names;
  if (k.time_scale >= 0) cluster.time_scale_days = k.time_scale;
  if (k.tolerance >= 0) cluster.time_tolerance_days = k.tolerance;
  CROSSCHECK_ASSIGN_OR_RETURN(auto s, crosscheck::eval::EvaluateEventsFolder(dir, options, k.ignore_urls));
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "articles %zu  events %zu (gold %zu)  B-cubed F1 %.3f  precision %.3f  recall %.3f  (%.0f "
                "articles/s)\n",
                s.articles, s.events, s.gold_events, s.f1, s.precision, s.recall,
                s.articles / std::max(1e-9, s.seconds));
  std::string out;
  if (k.errors)
    for (const auto& e : s.errors) out += e + "\n";
  return Write("", out + buf);
}

struct SummaryEvalArgs {
  size_t words = 250;
  bool no_focus = false, per_topic = false;
  double focus_weight = -1;
};

Status EvalSummary(const std::string& dir, const SummaryEvalArgs& a) {
  crosscheck::eval::SummaryEvalOptions options;
  options.words = a.words;
  options.use_focus = !a.no_focus;
  options.focus_weight = a.focus_weight;
  if (isatty(STDERR_FILENO))
    options.progress = [](size_t done, size_t total) {
      std::fprintf(stderr, "\rsummaries: %zu/%zu topics", done, total);
      if (done == total) std::fprintf(stderr, "\n");
    };
  CROSSCHECK_ASSIGN_OR_RETURN(auto s, crosscheck::eval::EvaluateSummaries(dir, options));
  std::string out;
  char buf[256];
  if (a.per_topic)
    for (const auto& t : s.topics) {
      std::snprintf(buf, sizeof buf, "%s\tROUGE-2 %.4f\tlead %.4f\twords %zu\n", t.id.c_str(), t.rouge,
                    t.lead_rouge, t.words);
      out += buf;
    }
  // Folds: topics in odd and even places of the topic order.
  double fold[2] = {0, 0};
  size_t count[2] = {0, 0};
  for (size_t i = 0; i < s.topics.size(); ++i) {
    fold[i % 2] += s.topics[i].rouge;
    ++count[i % 2];
  }
  for (int k = 0; k < 2; ++k) fold[k] = count[k] ? fold[k] / count[k] : 0;
  std::snprintf(
      buf, sizeof buf,
      "topics %zu  ROUGE-2 recall %.4f  lead baseline %.4f (ratio %.2f)  folds %.4f / %.4f  (%.1f s)\n",
      s.topics.size(), s.rouge, s.lead_rouge, s.lead_rouge > 0 ? s.rouge / s.lead_rouge : 0.0, fold[0],
      fold[1], s.seconds);
  return Write("", out + buf);
}

Status EvalAttributions(const std::string& dir) {
  CROSSCHECK_ASSIGN_OR_RETURN(auto scores, crosscheck::eval::EvaluateAttributionsFolder(dir));
  auto line = [](const char* name, const crosscheck::eval::Scores& s) {
    char buf[256];
    std::snprintf(
        buf, sizeof buf,
        "%-8s content F1 %.3f  precision %.3f  recall %.3f  speaker accuracy %.3f  (gold %zu, predicted "
        "%zu, matched %zu)\n",
        name, s.f1, s.precision, s.recall, s.speaker_accuracy, s.gold, s.predicted, s.matched);
    return std::string(buf);
  };
  return Write("", "documents " + std::to_string(scores.documents) + "\n" + line("all", scores.all) +
                       line("direct", scores.direct));
}

Status EvalEntities(const std::string& path, bool list_errors) {
  std::function<void(size_t, size_t)> progress;
  if (isatty(STDERR_FILENO))
    progress = [](size_t done, size_t total) {
      if (done % 20 == 0 || done == total) std::fprintf(stderr, "\rentities: %zu/%zu documents", done, total);
      if (done == total) std::fprintf(stderr, "\n");
    };
  std::vector<std::string> errors;
  CROSSCHECK_ASSIGN_OR_RETURN(
      auto ev, crosscheck::eval::EvaluateEntities(path, progress, list_errors ? &errors : nullptr));
  auto line = [](const std::string& name, const crosscheck::eval::NameScores& s) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%-6s F1 %.4f  precision %.4f  recall %.4f  (gold %zu, predicted %zu)\n",
                  name.c_str(), s.f1(), s.precision(), s.recall(), s.gold, s.predicted);
    return std::string(buf);
  };
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  for (const auto* part : {&ev.tagger, &ev.mentions}) {
    out += part == &ev.tagger ? "tagger (PER ORG LOC MISC)\n" : "report's names (PER ORG LOC)\n";
    out += line("all", part->all);
    for (const auto& [type, s] : part->by_type) out += line(type, s);
    out += line("fold 1", part->folds[0]) + line("fold 2", part->folds[1]);
  }
  char buf[160];
  std::snprintf(buf, sizeof buf, "documents %zu  tokens %zu  tagging %.2f s (%.0f tokens/s)\n", ev.documents,
                ev.tokens, ev.seconds, ev.tokens / std::max(1e-9, ev.seconds));
  return Write("", out + buf);
}

Status EvalQuotes(const std::string& dir, bool list_errors) {
  CROSSCHECK_ASSIGN_OR_RETURN(auto ev, crosscheck::eval::EvaluateQuoteSpeakers(dir));
  std::string out;
  if (list_errors)
    for (const auto& e : ev.errors) out += e + "\n";
  auto line = [](const char* name, const crosscheck::eval::SpeakerScores& s) {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "%-6s speaker accuracy %.3f  (quotes %zu, found %zu, right %zu, unknown %zu)\n", name,
                  s.accuracy(), s.quotes, s.found, s.right, s.unknown);
    return std::string(buf);
  };
  out += "events " + std::to_string(ev.events) + "\n" + line("all", ev.all) + line("fold 1", ev.folds[0]) +
         line("fold 2", ev.folds[1]);
  return Write("", out);
}

Status ReadPairs(const std::string& path, std::vector<crosscheck::statements::LabelledPair>& pairs,
                 bool need_labels) {
  CROSSCHECK_ASSIGN_OR_RETURN(std::string bytes, crosscheck::ingest::ReadFileBytes(path, 256u << 20));
  auto parsed = crosscheck::statements::ParseMsrp(bytes);
  if (!parsed.ok()) return crosscheck::InvalidInput(path + ": " + parsed.status().message());
  pairs = std::move(parsed).value();
  if (need_labels)
    for (const auto& p : pairs)
      if (p.label < 0)
        return crosscheck::InvalidInput(path + ": a pair without its label; nothing to learn from");
  return Status::Ok();
}

std::vector<crosscheck::statements::PairFeatures> PairFeaturesOf(
    const std::vector<crosscheck::statements::LabelledPair>& pairs) {
  std::vector<crosscheck::statements::PairFeatures> x;
  x.reserve(pairs.size());
  bool tty = isatty(STDERR_FILENO);
  for (const auto& p : pairs) {
    x.push_back(crosscheck::statements::FeaturesOf(p.s1, p.s2));
    if (tty && (x.size() % 500 == 0 || x.size() == pairs.size()))
      std::fprintf(stderr, "\rpairs: %zu/%zu", x.size(), pairs.size());
  }
  if (tty) std::fprintf(stderr, "\n");
  return x;
}

// id1, id2, 0|1, score: one line per pair, by the shipped model.
Status Same(const std::string& path, const std::string& out_path) {
  std::vector<crosscheck::statements::LabelledPair> pairs;
  CROSSCHECK_RETURN_IF_ERROR(ReadPairs(path, pairs, false));
  const auto& model = crosscheck::statements::SameModel::Default();
  std::string out;
  char buf[64];
  for (const auto& p : pairs) {
    double score = model.Score(p.s1, p.s2);
    std::snprintf(buf, sizeof buf, "\t%d\t%.4f\n", score >= model.threshold ? 1 : 0, score);
    out += p.id1 + "\t" + p.id2 + buf;
  }
  return Write(out_path, out);
}

Status TrainSameModel(const std::string& path, const std::string& out_path) {
  std::vector<crosscheck::statements::LabelledPair> pairs;
  CROSSCHECK_RETURN_IF_ERROR(ReadPairs(path, pairs, true));
  auto x = PairFeaturesOf(pairs);
  std::vector<int> y;
  y.reserve(pairs.size());
  for (const auto& p : pairs) y.push_back(p.label);
  return Write(out_path, crosscheck::statements::TrainSame(x, y).ToText());
}

// Cross-validation on one labelled file (statements::CrossValidate).
Status EvalSame(const std::string& path, int k) {
  std::vector<crosscheck::statements::LabelledPair> pairs;
  CROSSCHECK_RETURN_IF_ERROR(ReadPairs(path, pairs, true));
  auto x = PairFeaturesOf(pairs);
  auto folds = crosscheck::statements::CrossValidate(pairs, x, static_cast<size_t>(k));
  std::string out;
  char buf[240];
  crosscheck::statements::PairCounts all;
  double worst_acc = 1, worst_f1 = 1;
  for (size_t f = 0; f < folds.size(); ++f) {
    const auto& c = folds[f];
    std::snprintf(buf, sizeof buf, "fold %zu  accuracy %.4f  F1 %.4f  (%zu pairs)\n", f + 1, c.accuracy(),
                  c.f1(), c.tp + c.fp + c.fn + c.tn);
    out += buf;
    worst_acc = std::min(worst_acc, c.accuracy());
    worst_f1 = std::min(worst_f1, c.f1());
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
    all.tn += c.tn;
  }
  auto shipped = crosscheck::statements::Decisions(crosscheck::statements::SameModel::Default(), pairs, x);
  size_t positives = 0;
  for (const auto& p : pairs) positives += p.label == 1;
  double base_acc = static_cast<double>(positives) / pairs.size();
  std::snprintf(buf, sizeof buf,
                "cross-validated (%d folds)  accuracy %.4f  F1 %.4f  worst fold %.4f / %.4f\n"
                "all-positive baseline  accuracy %.4f  F1 %.4f\n"
                "the shipped model on this file  accuracy %.4f  F1 %.4f\n",
                k, all.accuracy(), all.f1(), worst_acc, worst_f1, base_acc, 2 * base_acc / (1 + base_acc),
                shipped.accuracy(), shipped.f1());
  return Write("", out + buf);
}

struct StanceData {
  std::unordered_map<std::string, std::string> bodies;
  std::vector<crosscheck::statements::StanceItem> items;
};

Status ReadStanceData(const std::string& bodies_path, const std::string& stances_path, bool need_labels,
                      StanceData& d) {
  CROSSCHECK_ASSIGN_OR_RETURN(std::string b, crosscheck::ingest::ReadFileBytes(bodies_path, 256u << 20));
  auto bodies = crosscheck::statements::ParseBodies(b);
  if (!bodies.ok()) return crosscheck::InvalidInput(bodies_path + ": " + bodies.status().message());
  CROSSCHECK_ASSIGN_OR_RETURN(std::string s, crosscheck::ingest::ReadFileBytes(stances_path, 256u << 20));
  auto items = crosscheck::statements::ParseStances(s);
  if (!items.ok()) return crosscheck::InvalidInput(stances_path + ": " + items.status().message());
  d.bodies = std::move(bodies).value();
  d.items = std::move(items).value();
  for (size_t i = 0; i < d.items.size(); ++i) {
    if (!d.bodies.count(d.items[i].body_id))
      return crosscheck::InvalidInput(std::string(stances_path)
                                          .append(": record ")
                                          .append(std::to_string(i + 2))
                                          .append(": body ")
                                          .append(d.items[i].body_id)
                                          .append(" is not in ")
                                          .append(bodies_path));
    if (need_labels && d.items[i].stance < 0)
      return crosscheck::InvalidInput(stances_path + ": record " + std::to_string(i + 2) + ": no stance");
  }
  return Status::Ok();
}

std::vector<crosscheck::statements::StanceFeatures> StanceFeaturesOf(const StanceData& d) {
  std::unordered_map<std::string, crosscheck::statements::ArticleView> views;
  std::vector<crosscheck::statements::StanceFeatures> x;
  x.reserve(d.items.size());
  bool tty = isatty(STDERR_FILENO);
  for (const auto& it : d.items) {
    auto v = views.find(it.body_id);
    if (v == views.end())
      v = views.emplace(it.body_id, crosscheck::statements::ReadArticle(d.bodies.at(it.body_id))).first;
    x.push_back(crosscheck::statements::StanceFeaturesOf(it.headline, v->second));
    if (tty && (x.size() % 1000 == 0 || x.size() == d.items.size()))
      std::fprintf(stderr, "\rstances: %zu/%zu", x.size(), d.items.size());
  }
  if (tty) std::fprintf(stderr, "\n");
  return x;
}

// FNC-1's CSV out: Headline,Body ID,Stance.
Status StanceCommand(const std::string& bodies, const std::string& stances, const std::string& out_path) {
  StanceData d;
  CROSSCHECK_RETURN_IF_ERROR(ReadStanceData(bodies, stances, false, d));
  auto x = StanceFeaturesOf(d);
  const auto& model = crosscheck::statements::StanceModel::Default();
  std::string out = "Headline,Body ID,Stance\n";
  for (size_t i = 0; i < x.size(); ++i) {
    out += crosscheck::statements::CsvField(d.items[i].headline);
    out += ',';
    out += crosscheck::statements::CsvField(d.items[i].body_id);
    out += ',';
    out += crosscheck::statements::ToString(model.Predict(x[i]));
    out += '\n';
  }
  return Write(out_path, out);
}

Status TrainStanceModel(const std::string& bodies, const std::string& stances, const std::string& out_path) {
  StanceData d;
  CROSSCHECK_RETURN_IF_ERROR(ReadStanceData(bodies, stances, true, d));
  auto x = StanceFeaturesOf(d);
  std::vector<crosscheck::statements::Stance> y;
  for (const auto& it : d.items) y.push_back(static_cast<crosscheck::statements::Stance>(it.stance));
  return Write(out_path, crosscheck::statements::TrainStance(x, y).ToText());
}

// Folds by article: the bodies in name order, body i in fold i % k, so no
// article is in both the training and the scored part.
Status EvalStance(const std::string& bodies, const std::string& stances, int k) {
  using crosscheck::statements::Stance;
  StanceData d;
  CROSSCHECK_RETURN_IF_ERROR(ReadStanceData(bodies, stances, true, d));
  auto x = StanceFeaturesOf(d);
  std::vector<std::string> ids;
  for (const auto& [id, text] : d.bodies) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  std::unordered_map<std::string, int> fold_of;
  for (size_t i = 0; i < ids.size(); ++i) fold_of[ids[i]] = static_cast<int>(i % k);
  auto line = [](const std::string& name, const crosscheck::statements::StanceScores& s) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "%-10s relative score %.4f  macro-F1 %.4f  (F1 agree %.3f, disagree %.3f, discuss %.3f, "
                  "unrelated %.3f)\n",
                  name.c_str(), s.relative(), s.MacroF1(), s.F1(Stance::kAgree), s.F1(Stance::kDisagree),
                  s.F1(Stance::kDiscuss), s.F1(Stance::kUnrelated));
    return std::string(buf);
  };
  std::string out;
  crosscheck::statements::StanceScores all;
  for (int fold = 0; fold < k; ++fold) {
    std::vector<crosscheck::statements::StanceFeatures> tx;
    std::vector<Stance> ty;
    for (size_t i = 0; i < x.size(); ++i)
      if (fold_of[d.items[i].body_id] != fold) {
        tx.push_back(x[i]);
        ty.push_back(static_cast<Stance>(d.items[i].stance));
      }
    auto model = crosscheck::statements::TrainStance(tx, ty);
    crosscheck::statements::StanceScores s;
    for (size_t i = 0; i < x.size(); ++i)
      if (fold_of[d.items[i].body_id] == fold) {
        Stance gold = static_cast<Stance>(d.items[i].stance), pred = model.Predict(x[i]);
        s.Add(gold, pred);
        all.Add(gold, pred);
      }
    out += line("fold " + std::to_string(fold + 1), s);
  }
  out += line("all", all);
  crosscheck::statements::StanceScores shipped;
  for (size_t i = 0; i < x.size(); ++i)
    shipped.Add(static_cast<Stance>(d.items[i].stance),
                crosscheck::statements::StanceModel::Default().Predict(x[i]));
  out += line("shipped", shipped) +
         "(shipped: the compiled-in model on this file, its training data if FNC-1's)\n";
  return Write("", out);
}

Status ReadConllFile(const std::string& path, std::string& bytes,
                     std::vector<crosscheck::tagger::ConllDocument>& docs, bool with_tags) {
  CROSSCHECK_ASSIGN_OR_RETURN(bytes, crosscheck::ingest::ReadFileBytes(path, 256u << 20));
  auto parsed = crosscheck::tagger::ParseConll(bytes, 5'000'000, with_tags);
  if (!parsed.ok()) return crosscheck::InvalidInput(path + ": " + parsed.status().message());
  docs = std::move(parsed).value();
  return Status::Ok();
}

// CoNLL in, CoNLL out: every input line once, a token followed by its tag.
Status TagConllFile(const std::string& path, const std::string& out_path) {
  std::string bytes;
  std::vector<crosscheck::tagger::ConllDocument> docs;
  CROSSCHECK_RETURN_IF_ERROR(ReadConllFile(path, bytes, docs, false));
  const auto& tagger = crosscheck::tagger::EntityTagger::Default();
  std::vector<std::string> tags;
  for (const auto& d : docs)
    for (const auto& sentence : crosscheck::tagger::TagConll(tagger, d))
      for (const auto& t : sentence) tags.push_back(crosscheck::tagger::ToIob2(t));
  std::string out;
  out.reserve(bytes.size());
  size_t next = 0, b = 0;
  while (b < bytes.size()) {
    size_t e = bytes.find('\n', b);
    if (e == std::string::npos) e = bytes.size();
    std::string_view line(bytes.data() + b, e - b);
    b = e + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    size_t end = first == std::string_view::npos ? first : line.find_first_of(" \t", first);
    std::string_view token =
        first == std::string_view::npos ? std::string_view() : line.substr(first, end - first);
    if (token.empty() || token == "-DOCSTART-") {
      out.append(line);
    } else {
      out.append(token);
      out += '\t';
      out += next < tags.size() ? tags[next++] : "O";
    }
    out += '\n';
  }
  return Write(out_path, out);
}

// Given names and their bearers' gender from the honorifics of articles
// (models/given_names.tsv).
Status TrainGenders(const std::vector<std::string>& inputs, const std::string& out_path, int min_count,
                    double min_share) {
  if (inputs.empty()) return crosscheck::InvalidInput("no articles to read");
  CROSSCHECK_ASSIGN_OR_RETURN(auto files, crosscheck::ingest::ExpandInputs(inputs));
  crosscheck::extract::GivenNameCounter counter;
  bool tty = isatty(STDERR_FILENO);
  size_t articles = 0;
  crosscheck::ingest::ReadInputs(
      files,
      [&](crosscheck::Article&& a) {
        counter.Add(a);
        if (tty && ++articles % 100 == 0) std::fprintf(stderr, "\rgenders: %zu articles read", articles);
      },
      [&](const crosscheck::ingest::InputProblem& p) {
        Warn(p.where + ": " + p.status.message() + " (skipped)");
      });
  if (tty) std::fprintf(stderr, "\rgenders: %zu articles read, %zu given names\n", articles, counter.Names());
  return Write(out_path, counter.Write(min_count, min_share));
}

Status TrainClusters(const std::vector<std::string>& inputs, const std::vector<std::string>& conll,
                     const std::string& out_path) {
  std::vector<std::vector<std::string>> sentences;
  bool tty = isatty(STDERR_FILENO);
  for (const auto& path : conll) {
    std::string bytes;
    std::vector<crosscheck::tagger::ConllDocument> docs;
    CROSSCHECK_RETURN_IF_ERROR(ReadConllFile(path, bytes, docs, false));
    for (const auto& d : docs)
      for (const auto& cs : d.sentences) {
        std::vector<std::string_view> toks(cs.tokens.begin(), cs.tokens.end());
        auto ts = crosscheck::tagger::FromTokens(toks);
        sentences.emplace_back(ts.words.begin(), ts.words.end());
      }
  }
  size_t articles = 0;
  if (!inputs.empty()) {
    CROSSCHECK_ASSIGN_OR_RETURN(auto files, crosscheck::ingest::ExpandInputs(inputs));
    crosscheck::ingest::ReadInputs(
        files,
        [&](crosscheck::Article&& a) {
          auto doc = crosscheck::extract::Segment(a);
          for (const auto& ts : crosscheck::extract::TaggerSentences(doc))
            sentences.emplace_back(ts.words.begin(), ts.words.end());
          if (tty && ++articles % 100 == 0) std::fprintf(stderr, "\rclusters: %zu articles read", articles);
        },
        [&](const crosscheck::ingest::InputProblem& p) {
          Warn(p.where + ": " + p.status.message() + " (skipped)");
        });
    if (tty) std::fprintf(stderr, "\rclusters: %zu articles read\n", articles);
  }
  size_t words = 0;
  for (const auto& s : sentences) words += s.size();
  if (words == 0) return crosscheck::InvalidInput("no words to cluster");
  std::function<void(const std::string&)> progress;
  if (tty) progress = [](const std::string& step) { std::fprintf(stderr, "clusters: %s\n", step.c_str()); };
  if (tty) std::fprintf(stderr, "clusters: %zu sentences, %zu words\n", sentences.size(), words);
  return Write(out_path, crosscheck::tagger::ClusterWords(sentences, {}, progress));
}

Status TrainEntities(const std::string& path, const std::string& out_path, int epochs,
                     const std::string& clusters_path, bool no_names) {
  std::string bytes;
  std::vector<crosscheck::tagger::ConllDocument> docs;
  CROSSCHECK_RETURN_IF_ERROR(ReadConllFile(path, bytes, docs, true));
  for (const auto& d : docs)
    for (const auto& s : d.sentences)
      if (s.gold.size() != s.tokens.size())
        return crosscheck::InvalidInput(path + ": a sentence without NER tags; nothing to learn from");
  crosscheck::tagger::TrainOptions options;
  if (epochs > 0) options.epochs = epochs;
  if (!clusters_path.empty()) {
    CROSSCHECK_ASSIGN_OR_RETURN(options.clusters,
                                crosscheck::ingest::ReadFileBytes(clusters_path, 64u << 20));
    if (!options.clusters.starts_with("crosscheck-word-clusters 1\n"))
      return crosscheck::InvalidInput(clusters_path +
                                      ": not a word clusters file (crosscheck train clusters)");
  }
  if (!no_names) {
    options.names = crosscheck::lexicon::WordNet::Get().NamedNouns();
    if (options.names.empty())
      return crosscheck::NotFound("WordNet's data.noun not found or empty (Debian's wordnet-base)");
  }
  std::function<void(int, size_t)> progress;
  if (isatty(STDERR_FILENO))
    progress = [&](int epoch, size_t errors) {
      std::fprintf(stderr, "\rtraining: epoch %d/%d, %zu words mistagged", epoch, options.epochs, errors);
      if (epoch == options.epochs) std::fprintf(stderr, "\n");
    };
  auto trained = crosscheck::tagger::Train(docs, options, progress);
  if (!trained.ok()) return crosscheck::InvalidInput(clusters_path + ": " + trained.status().message());
  const std::string& model = *trained;
  // The result must load: a model that does not is never written.
  auto check = crosscheck::tagger::EntityTagger::FromText(model);
  if (!check.ok()) return crosscheck::Internal("trained model does not load: " + check.status().message());
  return Write(out_path, model);
}

// The innermost subcommand the arguments reached (for its usage line).
const CLI::App* Deepest(const CLI::App* app) {
  for (const CLI::App* sub : app->get_subcommands())
    if (sub->parsed()) return Deepest(sub);
  return app;
}

std::string UsageOf(const CLI::App* app) {
  std::vector<std::string> names;
  for (const CLI::App* a = app; a; a = a->get_parent()) names.insert(names.begin(), a->get_name());
  const std::string name = CLI::detail::join(names, " ");
  return CLI::Formatter().make_usage(app, name);
}

int Main(int argc, char** argv) {
  CLI::App app{"crosscheck: what many news reports of one event establish, and where they differ",
               "crosscheck"};
  app.require_subcommand(1);
  app.fallthrough(false);
  const auto formats = CLI::IsMember({"json", "md", "html"});

  ReportArgs report;
  auto* rep = app.add_subcommand("report", "cross-check articles about one event (files, or a stored event)");
  rep->add_option("--format", report.format, "json, md or html (default json)")->check(formats);
  rep->add_option("--out", report.out, "write to FILE instead of standard output")->type_name("FILE");
  rep->add_option("--db", report.db, "the database of a stored event (default crosscheck.db)")
      ->type_name("PATH");
  rep->add_option("--event", report.event, "a stored event's id")
      ->type_name("ID")
      ->check(CLI::PositiveNumber);
  rep->add_option("--max-articles", report.max_articles,
                  "read at most N articles: a larger stored event is read as the N closest to its "
                  "centre, more files as the first N (default 1000; 0: all)")
      ->type_name("N");
  rep->add_option("--summary-words", report.summary_words,
                  "bound the summary to N words instead of a few sentences (DUC: 250)")
      ->type_name("N")
      ->check(CLI::Range(size_t{1}, size_t{5000}));
  rep->add_option(
         "--focus", report.focus,
         "a question or topic the summary should answer (\"what do the outlets say about the evidence?\")")
      ->type_name("TEXT")
      ->check([](const std::string& s) {
        return s.size() > 4096 ? std::string("at most 4096 bytes") : std::string();
      });
  rep->add_option("paths", report.paths,
                  "articles: .txt, .html, .htm, .html.gz, .jsonl, feeds, LDC SGML (<DOC>), or directories")
      ->type_name("PATH");

  FileArgs attributions;
  auto* att = app.add_subcommand("attributions", "who says what in one article: quotes and indirect speech");
  att->add_option("--format", attributions.format, "json or text")->check(CLI::IsMember({"json", "text"}));
  att->add_option("--out", attributions.out, "write to FILE")->type_name("FILE");
  att->add_option("file", attributions.path, "a .txt article")->required()->type_name("FILE");

  FileArgs extract;
  auto* ext = app.add_subcommand("extract", "the article in one saved web page");
  ext->add_option("--format", extract.format, "json or text")->check(CLI::IsMember({"json", "text"}));
  ext->add_option("--out", extract.out, "write to FILE")->type_name("FILE");
  ext->add_option("page", extract.path, "a .html, .htm or .html.gz file")->required()->type_name("PAGE");

  IngestArgs ingest;
  auto* ing = app.add_subcommand("ingest", "store articles in SQLite and group them into events");
  ing->add_option("--db", ingest.db, "the database (default crosscheck.db)")->type_name("PATH");
  ing->add_flag(
      "--undated-at-arrival", ingest.undated_at_arrival,
      "group an article without a date by the time it is ingested (a live flow, not an old corpus)");
  ing->add_option("inputs", ingest.inputs,
                  "files or directories of articles, JSONL, feeds, LDC SGML or WARC archives")
      ->required()
      ->type_name("INPUT");

  EventsArgs events;
  auto* evs = app.add_subcommand("events", "list the stored events, most recently active first");
  evs->add_option("--db", events.db, "the database (default crosscheck.db)")->type_name("PATH");
  evs->add_option("--since", events.since, "only events active on or after this day")
      ->type_name("YYYY-MM-DD")
      ->check(CLI::Validator(
          [](std::string& s) {
            return s.size() == 10 && s[4] == '-' && s[7] == '-' &&
                           std::all_of(s.begin(), s.end(),
                                       [](char c) { return (c >= '0' && c <= '9') || c == '-'; }) &&
                           std::stoi(s.substr(5, 2)) >= 1 && std::stoi(s.substr(5, 2)) <= 12 &&
                           std::stoi(s.substr(8, 2)) >= 1 && std::stoi(s.substr(8, 2)) <= 31
                       ? std::string()
                       : "not a day written YYYY-MM-DD: " + s;
          },
          "YYYY-MM-DD"));
  evs->add_option("--format", events.format, "json or md")->check(CLI::IsMember({"json", "md"}));

  ServeArgs serve;
  auto* srv = app.add_subcommand("serve", "the store over HTTP: JSON API, Atom feed and web pages");
  srv->add_option("--db", serve.options.db, "the database (default crosscheck.db; created if missing)")
      ->type_name("PATH");
  srv->add_option("--host", serve.options.host, "the address to listen on (default 127.0.0.1)");
  srv->add_option("--port", serve.options.port, "the port (default 8080; 0: any free one)")
      ->check(CLI::Range(0, 65535));
  srv->add_option("--token-file", serve.token_file,
                  "a file whose first line is the token writes need (required beyond loopback)")
      ->type_name("FILE");
  srv->add_option("--request-nice", serve.options.request_nice,
                  "how far below the writing thread the threads answering requests run (default 0: the "
                  "same; more lets the ingest keep its pace under a flood of reads, at their latency's cost)")
      ->check(CLI::Range(0, 19));
  srv->add_option("--web", serve.web,
                  "the built web page to serve (default: web/dist of the source tree, when built)")
      ->type_name("DIR");

  auto* eval = app.add_subcommand("eval", "score a stage on an annotated folder");
  eval->require_subcommand(1);
  std::string eval_dir;
  bool per_page = false;
  EventKnobs knobs;
  auto* eval_ext = eval->add_subcommand(
      "extraction", "body extraction (html/ with ground-truth.json, or with evaldata.json snippets)");
  eval_ext->add_flag("--per-page", per_page, "list every page's scores, worst first");
  eval_ext->add_option("dir", eval_dir, "the folder")->required()->type_name("DIR");
  auto* eval_ev = eval->add_subcommand("events", "event grouping, B-cubed (*.txt in name order, gold.tsv)");
  eval_ev->add_option("--threshold", knobs.threshold, "story cosine threshold (default: the library's)")
      ->check(CLI::Range(0.0, 1.0));
  eval_ev->add_option("--names", knobs.names, "story name-term threshold (default: the library's)")
      ->check(CLI::Range(0.0, 1.0));
  eval_ev
      ->add_option("--time-scale", knobs.time_scale,
                   "days over which a date gap halves a story's similarity (0: time off)")
      ->check(CLI::Range(0.0, 100000.0));
  eval_ev->add_option("--time-tolerance", knobs.tolerance, "days of date gap with no penalty")
      ->check(CLI::Range(0.0, 100000.0));
  eval_ev
      ->add_option(
          "--event-threshold", knobs.sub_threshold,
          "average local cosine at which two groups of a story are one event (default: the library's)")
      ->check(CLI::Range(0.0, 1.0));
  eval_ev
      ->add_option("--event-time-scale", knobs.sub_time_scale,
                   "the same for two articles inside a story (0: time off)")
      ->check(CLI::Range(0.0, 100000.0));
  eval_ev
      ->add_option("--event-time-tolerance", knobs.sub_tolerance,
                   "days of date gap with no penalty inside a story")
      ->check(CLI::Range(0.0, 100000.0));
  eval_ev->add_flag("--ignore-urls", knobs.ignore_urls,
                    "drop the articles' URLs (and URL lines) before grouping");
  eval_ev->add_flag("--errors", knobs.errors, "list merged and split events before the scores");
  eval_ev->add_option("dir", eval_dir, "a folder of .txt, or a .jsonl file, with gold.tsv")
      ->required()
      ->type_name("DIR");
  SummaryEvalArgs summary_eval;
  auto* eval_sum = eval->add_subcommand(
      "summary",
      "summaries, ROUGE-2 recall against human summaries (a DUC folder: topics, documents, models)");
  eval_sum->add_option("--words", summary_eval.words, "summary length and ROUGE cut (default 250)")
      ->check(CLI::Range(size_t{10}, size_t{5000}));
  eval_sum->add_flag("--no-focus", summary_eval.no_focus, "do not pass the topic statements as the focus");
  eval_sum
      ->add_option("--focus-weight", summary_eval.focus_weight,
                   "weight of the focus (default: the library's)")
      ->check(CLI::Range(0.0, 100.0));
  eval_sum->add_flag("--per-topic", summary_eval.per_topic, "one line per topic");
  eval_sum->add_option("dir", eval_dir, "the DUC folder")->required()->type_name("DIR");
  auto* eval_att = eval->add_subcommand("attributions", "attributions (text/*.txt, attributions/*.ann)");
  eval_att->add_option("dir", eval_dir, "the folder")->required()->type_name("DIR");

  auto* eval_ent = eval->add_subcommand("entities", "named entities, conlleval's P/R/F1 (a CoNLL-2003 file)");
  bool entity_errors = false;
  eval_ent->add_flag("--errors", entity_errors, "first list the report's names that are wrong or missed");
  eval_ent->add_option("file", eval_dir, "the CoNLL file")->required()->type_name("FILE");

  bool quote_errors = false;
  auto* eval_quo = eval->add_subcommand(
      "quotes", "quote speakers (event folders of .txt per outlet, quotes.jsonl with speakers: BASIL)");
  eval_quo->add_flag("--errors", quote_errors, "first list the quotes whose speaker is wrong");
  eval_quo->add_option("dir", eval_dir, "the folder")->required()->type_name("DIR");

  int same_folds = 10;
  auto* eval_same = eval->add_subcommand(
      "same", "same statement or not, cross-validated accuracy and F1 (MSRP: Quality, ids, two sentences)");
  eval_same->add_option("--folds", same_folds, "folds (default 10)")->check(CLI::Range(2, 100));
  eval_same->add_option("file", eval_dir, "the labelled pairs")->required()->type_name("FILE");

  std::string stance_bodies, stance_stances, stance_out;
  int stance_folds = 2;
  auto* eval_stance = eval->add_subcommand(
      "stance", "how articles treat claims, cross-validated by article (FNC-1: relative score, macro-F1)");
  eval_stance->add_option("--bodies", stance_bodies, "Body ID, articleBody (CSV)")
      ->required()
      ->type_name("FILE");
  eval_stance->add_option("--stances", stance_stances, "Headline, Body ID, Stance (CSV)")
      ->required()
      ->type_name("FILE");
  eval_stance->add_option("--folds", stance_folds, "folds of articles (default 2)")->check(CLI::Range(2, 20));
  auto* stance = app.add_subcommand(
      "stance", "how each article treats each headline: agree, disagree, discuss, unrelated (FNC-1 CSV out)");
  stance->add_option("--bodies", stance_bodies, "Body ID, articleBody (CSV)")->required()->type_name("FILE");
  stance->add_option("--stances", stance_stances, "Headline, Body ID[, Stance] (CSV)")
      ->required()
      ->type_name("FILE");
  stance->add_option("--out", stance_out, "write to FILE")->type_name("FILE");

  std::string same_path, same_out;
  auto* same = app.add_subcommand(
      "same",
      "whether sentence pairs state the same thing: id1, id2, 0|1, score per pair (MSRP's layout in)");
  same->add_option("--out", same_out, "write to FILE")->type_name("FILE");
  same->add_option("file", same_path, "pairs: Quality, #1 ID, #2 ID, #1 String, #2 String (tab-separated)")
      ->required()
      ->type_name("FILE");

  std::string tag_format = "conll", tag_path, tag_out;
  auto* tag = app.add_subcommand("tag", "tag named entities in a CoNLL file (IOB2: B-PER, I-ORG, O)");
  tag->add_option("--format", tag_format, "input format (conll)")->check(CLI::IsMember({"conll"}));
  tag->add_option("--out", tag_out, "write to FILE")->type_name("FILE");
  tag->add_option("file", tag_path, "token in the first column; -DOCSTART- and blank lines kept")
      ->required()
      ->type_name("FILE");

  auto* train = app.add_subcommand("train", "train a model from annotated data");
  train->require_subcommand(1);
  std::string train_path, train_out;
  int epochs = 0;
  auto* train_ent = train->add_subcommand(
      "entities", "the entity tagger, from CoNLL-2003 training data (models/entities.model)");
  train_ent->add_option("--out", train_out, "write the model to FILE (default standard output)")
      ->type_name("FILE");
  train_ent->add_option("--epochs", epochs, "passes over the data (default: the library's)")
      ->check(CLI::Range(1, 100));
  std::string clusters_path;
  bool no_names = false;
  train_ent->add_flag("--no-gazetteer", no_names, "leave out the names WordNet knows");
  train_ent->add_option("--clusters", clusters_path, "word clusters to use (crosscheck train clusters)")
      ->type_name("FILE");
  train_ent->add_option("file", train_path, "the CoNLL training file")->required()->type_name("FILE");
  std::string same_train_path, same_train_out;
  auto* train_same =
      train->add_subcommand("same", "the same-statement model, from labelled MSRP pairs (models/same.model)");
  train_same->add_option("--out", same_train_out, "write the model to FILE (default standard output)")
      ->type_name("FILE");
  train_same->add_option("file", same_train_path, "the labelled pairs")->required()->type_name("FILE");
  auto* train_stance =
      train->add_subcommand("stance", "the stance model, from FNC-1 training data (models/stance.model)");
  train_stance->add_option("--bodies", stance_bodies, "Body ID, articleBody (CSV)")
      ->required()
      ->type_name("FILE");
  train_stance->add_option("--stances", stance_stances, "Headline, Body ID, Stance (CSV)")
      ->required()
      ->type_name("FILE");
  train_stance->add_option("--out", stance_out, "write the model to FILE (default standard output)")
      ->type_name("FILE");
  std::vector<std::string> cluster_inputs, cluster_conll;
  std::string clusters_out;
  auto* train_clu = train->add_subcommand(
      "clusters", "word clusters from unlabelled text, for the entity tagger (models/word_clusters.txt)");
  train_clu->add_option("--out", clusters_out, "write to FILE (default standard output)")->type_name("FILE");
  train_clu->add_option("--conll", cluster_conll, "also the words of a CoNLL file (tags unused; repeatable)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  train_clu->add_option("inputs", cluster_inputs, "articles: files or directories, as for report")
      ->type_name("INPUT");

  std::vector<std::string> gender_inputs;
  std::string genders_out;
  auto* train_gen = train->add_subcommand(
      "genders",
      "given names and their bearers' gender from the honorifics of articles (models/given_names.tsv)");
  train_gen->add_option("--out", genders_out, "write to FILE (default standard output)")->type_name("FILE");
  int gender_min_count = 3;
  double gender_min_share = 0.8;
  train_gen->add_option("--min-count", gender_min_count, "keep names seen at least N times (default 3)")
      ->check(CLI::Range(1, 1000000))
      ->type_name("N");
  train_gen
      ->add_option("--min-share", gender_min_share,
                   "keep names of one gender in at least this share of their bearers (default 0.8)")
      ->check(CLI::Range(0.5, 1.0))
      ->type_name("X");
  train_gen->add_option("inputs", gender_inputs, "articles: files or directories, as for report")
      ->type_name("INPUT");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << Deepest(&app)->help();
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << "crosscheck: " << e.what() << "\n" << UsageOf(Deepest(&app));
    return 2;
  }

  Status s;
  if (rep->parsed())
    s = Report(report);
  else if (att->parsed())
    s = Attributions(attributions);
  else if (ext->parsed())
    s = Extract(extract);
  else if (ing->parsed())
    s = Ingest(ingest);
  else if (evs->parsed())
    s = Events(events);
  else if (srv->parsed())
    s = Serve(serve);
  else if (eval_ext->parsed())
    s = EvalExtraction(eval_dir, per_page);
  else if (eval_ev->parsed())
    s = EvalEvents(eval_dir, knobs);
  else if (eval_sum->parsed())
    s = EvalSummary(eval_dir, summary_eval);
  else if (eval_att->parsed())
    s = EvalAttributions(eval_dir);
  else if (eval_stance->parsed())
    s = EvalStance(stance_bodies, stance_stances, stance_folds);
  else if (stance->parsed())
    s = StanceCommand(stance_bodies, stance_stances, stance_out);
  else if (train_stance->parsed())
    s = TrainStanceModel(stance_bodies, stance_stances, stance_out);
  else if (eval_same->parsed())
    s = EvalSame(eval_dir, same_folds);
  else if (same->parsed())
    s = Same(same_path, same_out);
  else if (train_same->parsed())
    s = TrainSameModel(same_train_path, same_train_out);
  else if (eval_quo->parsed())
    s = EvalQuotes(eval_dir, quote_errors);
  else if (eval_ent->parsed())
    s = EvalEntities(eval_dir, entity_errors);
  else if (tag->parsed())
    s = TagConllFile(tag_path, tag_out);
  else if (train_ent->parsed())
    s = TrainEntities(train_path, train_out, epochs, clusters_path, no_names);
  else if (train_clu->parsed())
    s = TrainClusters(cluster_inputs, cluster_conll, clusters_out);
  else if (train_gen->parsed())
    s = TrainGenders(gender_inputs, genders_out, gender_min_count, gender_min_share);
  if (!s.ok()) {
    Warn(s.message());
    if (s.code() == StatusCode::kInvalidArgument) std::cerr << UsageOf(Deepest(&app));
  }
  return ExitCode(s);
}

}  // namespace

int main(int argc, char** argv) {
#ifdef CROSSCHECK_WITH_MIMALLOC
  // A batch command's heap (a report on 1,000 articles holds about 180 MiB)
  // on 2 MiB pages where the kernel has them (transparent huge pages):
  // fewer page faults and TLB misses. The server, long-running and mostly
  // idle, keeps small pages. MIMALLOC_LARGE_OS_PAGES, when set, decides.
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr &&
      !(argc > 1 && std::string_view(argv[1]) == "serve"))
    mi_option_enable(mi_option_large_os_pages);
#endif
  // Library calls report failures as Status; what escapes is a bug or an
  // allocation failure, reported as such rather than as an abort.
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "crosscheck: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "crosscheck: internal error\n";
  }
  return 1;
}
