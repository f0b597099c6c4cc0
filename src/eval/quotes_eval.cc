#include "crosscheck/eval/quotes_eval.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "crosscheck/extract/document.h"
#include "crosscheck/ingest/text_reader.h"

namespace crosscheck::eval {
namespace {

namespace fs = std::filesystem;

std::set<std::string> Words(std::string_view s) {
  std::set<std::string> out;
  std::string w;
  for (size_t i = 0; i <= s.size(); ++i) {
    unsigned char c = i < s.size() ? s[i] : ' ';
    if (std::isalpha(c) || c >= 0x80) {
      w += static_cast<char>(std::tolower(c));
      continue;
    }
    if (w.size() >= 3) out.insert(w);
    w.clear();
  }
  return out;
}

// The quote's opening words as they appear in the text: the annotation
// without its quotation marks, cut to 40 bytes at a word end.
std::string Probe(std::string_view quote) {
  auto is_mark = [](std::string_view s, size_t i) -> size_t {
    if (s[i] == '"' || s[i] == '\'') return 1;
    if (s.substr(i).starts_with("\xE2\x80\x9C") || s.substr(i).starts_with("\xE2\x80\x9D") ||
        s.substr(i).starts_with("\xE2\x80\x98") || s.substr(i).starts_with("\xE2\x80\x99"))
      return 3;
    return 0;
  };
  size_t b = 0;
  while (b < quote.size() && (quote[b] == ' ' || is_mark(quote, b)))
    b += std::max<size_t>(1, is_mark(quote, b));
  std::string_view rest = quote.substr(b);
  if (rest.size() > 40) {
    size_t cut = rest.rfind(' ', 40);
    rest = rest.substr(0, cut == std::string_view::npos || cut < 15 ? 40 : cut);
  }
  // No double quotation marks inside the probe either (apostrophes stay:
  // "It's").
  std::string out(rest);
  for (size_t i = 0; i < out.size(); ++i)
    if (out[i] == '"' || std::string_view(out).substr(i).starts_with("\xE2\x80\x9C") ||
        std::string_view(out).substr(i).starts_with("\xE2\x80\x9D")) {
      out.resize(i);
      break;
    }
  return out;
}

// event/outlet, the annotated speaker, the one found, the quote's start.
std::string ErrorLine(std::string_view event, std::string_view outlet, std::string_view speaker,
                      std::string_view predicted, std::string_view quote) {
  std::string line(event);
  line += '/';
  line += outlet;
  line += '\t';
  line += speaker;
  line += '\t';
  line += predicted;
  line += '\t';
  line += quote.substr(0, 80);
  return line;
}

}  // namespace

StatusOr<QuoteEvaluation> EvaluateQuoteSpeakers(const std::string& dir) {
  auto bytes = ingest::ReadFileBytes((fs::path(dir) / "quotes.jsonl").string(), 64u << 20);
  if (!bytes.ok()) return bytes.status();
  // event -> outlet -> (quote, speaker)
  std::map<std::string, std::map<std::string, std::vector<std::pair<std::string, std::string>>>> gold;
  size_t line_no = 0, b = 0;
  while (b < bytes->size()) {
    size_t e = bytes->find('\n', b);
    if (e == std::string::npos) e = bytes->size();
    std::string_view line(bytes->data() + b, e - b);
    b = e + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("triplet") || !j.contains("source") ||
        !j.contains("txt") || !j.contains("speaker") || !j["triplet"].is_string() ||
        !j["source"].is_string() || !j["txt"].is_string() || !j["speaker"].is_string())
      return InvalidInput(dir + "/quotes.jsonl:" + std::to_string(line_no) +
                          ": expected triplet, source, txt and speaker strings");
    std::string speaker = j["speaker"];
    if (speaker.starts_with("other")) continue;
    std::string event = j["triplet"];
    if (event.find('/') != std::string::npos || event.starts_with("."))
      return InvalidInput(dir + "/quotes.jsonl:" + std::to_string(line_no) + ": bad event name");
    gold[event][j["source"]].emplace_back(j["txt"], speaker);
  }
  if (gold.empty()) return InvalidInput(dir + "/quotes.jsonl: no quote with a named speaker");
  QuoteEvaluation ev;
  size_t index = 0;
  for (const auto& [event, outlets] : gold) {
    fs::path folder = fs::path(dir) / event;
    if (!fs::is_directory(folder)) return NotFound(folder.string() + ": no such event folder");
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(folder))
      if (f.path().extension() == ".txt") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    std::vector<Article> articles;
    for (const auto& f : files) {
      auto a = ingest::ReadTextFile(f.string());
      if (!a.ok()) return a.status();
      articles.push_back(std::move(*a));
    }
    extract::Extraction x = extract::ExtractAll(articles);
    SpeakerScores& fold = ev.folds[index++ % 2];
    for (const auto& [outlet, quotes] : outlets) {
      const extract::Document* doc = nullptr;
      for (const auto& d : x.documents)
        if (d.article->id == outlet) doc = &d;
      if (!doc) return NotFound(folder.string() + ": no " + outlet + ".txt");
      auto records = extract::ListAttributions(*doc);
      for (const auto& [quote, speaker] : quotes) {
        ++ev.all.quotes;
        ++fold.quotes;
        std::string probe = Probe(quote);
        size_t at = probe.size() >= 8 ? doc->text().find(probe) : std::string_view::npos;
        const extract::AttributionRecord* hit = nullptr;
        if (at != std::string_view::npos)
          for (const auto& r : records)
            for (const Span& p : r.parts)
              if (p.begin <= at + probe.size() && at < p.end) hit = &r;
        if (!hit) {
          ev.errors.push_back(ErrorLine(event, outlet, speaker, "(not found)", quote));
          continue;
        }
        ++ev.all.found;
        ++fold.found;
        std::string predicted = hit->speaker;
        if (hit->entity >= 0) predicted += " " + x.entities[hit->entity].name;
        auto gw = Words(speaker), pw = Words(predicted);
        bool right = std::any_of(gw.begin(), gw.end(), [&](const std::string& w) { return pw.count(w) > 0; });
        if (predicted.find_first_not_of(' ') == std::string::npos) {
          ++ev.all.unknown;
          ++fold.unknown;
        }
        if (right) {
          ++ev.all.right;
          ++fold.right;
        } else {
          ev.errors.push_back(ErrorLine(event, outlet, speaker, predicted, quote));
        }
      }
    }
  }
  ev.events = gold.size();
  return ev;
}

}  // namespace crosscheck::eval
