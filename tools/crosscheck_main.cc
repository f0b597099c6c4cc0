// crosscheck command-line tool: parses arguments and wires library stages.
// Exit codes: 0 success, 1 output failure, 2 usage error, 3 input error.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "crosscheck/crosscheck/report.h"
#include "crosscheck/eval/attribution_eval.h"
#include "crosscheck/eval/extraction_eval.h"
#include "crosscheck/html/page.h"
#include "crosscheck/extract/document.h"
#include "crosscheck/ingest/inputs.h"
#include "crosscheck/ingest/page_reader.h"
#include "crosscheck/report/render.h"

namespace {

constexpr int kExitOk = 0, kExitOutput = 1, kExitUsage = 2, kExitInput = 3;

constexpr const char* kUsage =
    "usage: crosscheck report [--format json|md|html] [--out FILE] PATH...\n"
    "       crosscheck attributions [--format json|text] [--out FILE] FILE\n"
    "       crosscheck extract [--format json|text] [--out FILE] PAGE\n"
    "       crosscheck eval attributions|extraction DIR\n"
    "\n"
    "  report        cross-check articles about one event; PATH is a .txt file or\n"
    "                a directory of .txt files\n"
    "  attributions  who says what in one article: quotes and indirect speech\n"
    "  extract       the article in a saved web page (.html, .htm, .html.gz):\n"
    "                title, body, authors, published, url, outlet\n"
    "  eval extraction\n"
    "                score body extraction on a folder laid out like the\n"
    "                article-extraction benchmark (html/, ground-truth.json)\n"
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

int Report(const std::vector<std::string>& args) {
  std::string format = "json", out;
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format" || a == "--out") {
      if (i + 1 >= args.size()) return Usage(a + " needs a value");
      (a == "--format" ? format : out) = args[++i];
    } else if (a.rfind("--format=", 0) == 0) {
      format = a.substr(9);
    } else if (a.rfind("--out=", 0) == 0) {
      out = a.substr(6);
    } else if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return kExitOk;
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage("unknown option " + a);
    } else {
      paths.push_back(a);
    }
  }
  if (format != "json" && format != "md" && format != "html")
    return Usage("--format must be json, md or html, not '" + format + "'");
  if (paths.empty()) return Usage("report needs at least one PATH");
  auto articles = crosscheck::ingest::ReadArticles(paths);
  if (!articles.ok()) {
    std::cerr << "crosscheck: " << articles.status().message() << "\n";
    return kExitInput;
  }
  for (const auto& a : *articles)
    for (const auto& w : a.warnings) std::cerr << "crosscheck: warning: " << a.id << ": " << w << "\n";
  auto report = crosscheck::analysis::BuildReport(*articles);
  if (!report.ok()) {
    std::cerr << "crosscheck: " << report.status().message() << "\n";
    return kExitInput;
  }
  std::string text = format == "json" ? crosscheck::report::ToJsonText(*report)
                     : format == "md" ? crosscheck::report::ToMarkdown(*report)
                                      : crosscheck::report::ToHtml(*report);
  return Write(out, text);
}

// Parses [--format F] [--out FILE] and positional arguments.
struct Common {
  std::string format, out;
  std::vector<std::string> paths;
};

int ParseCommon(const std::vector<std::string>& args, const std::string& default_format, Common& c, bool& help) {
  c.format = default_format;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format" || a == "--out") {
      if (i + 1 >= args.size()) return Usage(a + " needs a value");
      (a == "--format" ? c.format : c.out) = args[++i];
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
  std::vector<crosscheck::ingest::Article> one{std::move(*article)};
  auto x = crosscheck::extract::ExtractAll(one);
  return Write(c.out, c.format == "json" ? crosscheck::report::AttributionsToJson(x, 0).dump(2) + "\n"
                                         : crosscheck::report::AttributionsToText(x, 0));
}

int EvalExtraction(const std::string& dir) {
  auto scores = crosscheck::eval::EvaluateExtractionFolder(dir);
  if (!scores.ok()) {
    std::cerr << "crosscheck: " << scores.status().message() << "\n";
    return kExitInput;
  }
  char buf[256];
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

int Eval(const std::vector<std::string>& args) {
  if (args.size() == 2 && args[0] == "extraction") return EvalExtraction(args[1]);
  if (args.size() != 2 || args[0] != "attributions") return Usage("usage: crosscheck eval attributions|extraction DIR");
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
  if (cmd == "extract") return Extract(args);
  if (cmd == "eval") return Eval(args);
  return Usage("unknown command '" + cmd + "'");
}
