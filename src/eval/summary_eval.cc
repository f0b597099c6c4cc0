#include "crosscheck/eval/summary_eval.h"

#include <libstemmer.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <sstream>

#include "crosscheck/analysis/report.h"
#include "crosscheck/ingest/inputs.h"
#include "crosscheck/ingest/text_reader.h"

namespace crosscheck::eval {

namespace fs = std::filesystem;

namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

std::string Porter(const std::string& word) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("porter", "UTF_8"));
  if (!stemmer) return word;
  const sb_symbol* out = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  return out ? std::string(reinterpret_cast<const char*>(out),
                           static_cast<size_t>(sb_stemmer_length(stemmer.get())))
             : word;
}

using Grams = std::map<std::vector<std::string>, int>;

Grams NGrams(const std::vector<std::string>& tokens, size_t n) {
  Grams g;
  for (size_t i = 0; i + n <= tokens.size(); ++i)
    ++g[std::vector<std::string>(tokens.begin() + i, tokens.begin() + i + n)];
  return g;
}

// Matched n-grams of the peer in a model, and the model's n-grams.
std::pair<double, double> HitsAndTotal(const Grams& peer, const Grams& model) {
  double hits = 0, total = 0;
  for (const auto& [gram, count] : model) {
    total += count;
    if (auto it = peer.find(gram); it != peer.end()) hits += std::min(count, it->second);
  }
  return {hits, total};
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Between(const std::string& s, const std::string& open, const std::string& close) {
  size_t a = s.find(open);
  if (a == std::string::npos) return {};
  a += open.size();
  size_t b = s.find(close, a);
  return s.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

std::string Unescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities)
    for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += std::string_view(to).size())
      s.replace(p, std::string_view(from).size(), to);
  return s;
}

// Human summaries in a pyramid file: the lines after each summary's
// "----- / D0701.M.250.A.X / -----" header, up to the next header.
std::vector<std::string> PyramidModels(const std::string& xml) {
  std::vector<std::string> models;
  std::string text = Between(xml, "<text>", "</text>");
  static const std::regex header(R"(^\s*D\d+\.M\.\d+\.[A-Z]\.[A-Z0-9]+\s*$)");
  std::string cur;
  bool in = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t a = text.find("<line>", pos);
    if (a == std::string::npos) break;
    a += 6;
    size_t b = text.find("</line>", a);
    if (b == std::string::npos) break;
    std::string line = Unescape(text.substr(a, b - a));
    pos = b + 7;
    if (std::regex_match(line, header)) {
      if (in && !analysis::FoldSpace(cur).empty()) models.push_back(analysis::FoldSpace(cur));
      cur.clear();
      in = true;
      continue;
    }
    if (line.find_first_not_of("- ") == std::string::npos) continue;  // rules and blank lines
    if (in) cur += line + "\n";
  }
  if (in && !analysis::FoldSpace(cur).empty()) models.push_back(analysis::FoldSpace(cur));
  return models;
}

}  // namespace

std::vector<std::string> RougeTokens(std::string_view text, const RougeOptions& options) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(options.stem ? Porter(cur) : cur);
    cur.clear();
  };
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      cur += c;
    else if (c >= 'A' && c <= 'Z')
      cur += static_cast<char>(c - 'A' + 'a');
    else
      flush();
    if (options.max_words && out.size() >= options.max_words) break;
  }
  flush();
  if (options.max_words && out.size() > options.max_words) out.resize(options.max_words);
  return out;
}

double RougeRecall(std::string_view peer, const std::vector<std::string>& models,
                   const RougeOptions& options) {
  if (models.empty()) return 0;
  const Grams p = NGrams(RougeTokens(peer, options), options.n);
  std::vector<std::pair<double, double>> per_model;
  per_model.reserve(models.size());
  for (const auto& m : models)
    per_model.push_back(HitsAndTotal(p, NGrams(RougeTokens(m, options), options.n)));
  auto pooled = [&](size_t leave_out) {
    double hits = 0, total = 0;
    for (size_t i = 0; i < per_model.size(); ++i)
      if (i != leave_out) {
        hits += per_model[i].first;
        total += per_model[i].second;
      }
    return total > 0 ? hits / total : 0.0;
  };
  if (per_model.size() == 1) return pooled(SIZE_MAX);
  double sum = 0;
  for (size_t i = 0; i < per_model.size(); ++i) sum += pooled(i);
  return sum / static_cast<double>(per_model.size());
}

StatusOr<std::vector<DucTopic>> FindDucTopics(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound(dir + ": no such directory");
  fs::path topics_file;
  std::map<std::string, fs::path> doc_dirs;                // "D0701A" -> folder
  std::map<std::string, std::vector<std::string>> models;  // "D0701" -> summaries
  static const std::regex model_name(R"((D\d+)\.M\.\d+\.[A-Z]\.[A-Z0-9]+)");
  static const std::regex topic_dir(R"(D\d+[A-Z])");
  std::vector<fs::path> pyramids;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (it->is_directory(ec)) {
      if (name == "update")
        it.disable_recursion_pending();
      else if (std::regex_match(name, topic_dir))
        doc_dirs[name] = p;
      continue;
    }
    std::smatch m;
    if (name.find("topics") != std::string::npos && p.extension() == ".sgml")
      topics_file = p;
    else if (p.extension() == ".pyr")
      pyramids.push_back(p);
    else if (std::regex_match(name, m, model_name))
      models[m[1]].push_back(analysis::FoldSpace(ReadAll(p)));
  }
  if (ec) return IoError(dir + ": cannot list: " + ec.message());
  if (topics_file.empty()) return InvalidInput(dir + ": no topics file (*topics*.sgml)");
  std::sort(pyramids.begin(), pyramids.end());
  for (const auto& p : pyramids) {
    std::string stem = p.filename().string();
    std::string topic = stem.substr(0, stem.find('-'));
    auto found = PyramidModels(ReadAll(p));
    if (!models.count(topic)) models[topic] = std::move(found);
  }
  std::vector<DucTopic> out;
  const std::string all = ReadAll(topics_file);
  for (size_t pos = 0; (pos = all.find("<topic>", pos)) != std::string::npos;) {
    size_t end = all.find("</topic>", pos);
    std::string t = all.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    pos = end == std::string::npos ? all.size() : end;
    DucTopic topic;
    topic.id = analysis::FoldSpace(Between(t, "<num>", "</num>"));
    topic.title = analysis::FoldSpace(Between(t, "<title>", "</title>"));
    topic.narrative = analysis::FoldSpace(Between(t, "<narr>", "</narr>"));
    auto d = doc_dirs.find(topic.id);
    std::string key = topic.id.size() > 1 ? topic.id.substr(0, topic.id.size() - 1) : topic.id;
    auto m = models.find(key);
    if (d == doc_dirs.end() || m == models.end() || m->second.empty()) continue;
    topic.docs = d->second.string();
    topic.models = m->second;
    out.push_back(std::move(topic));
  }
  if (out.empty()) return InvalidInput(dir + ": no topic has both a folder of documents and human summaries");
  return out;
}

StatusOr<SummaryScores> EvaluateSummaries(const std::string& dir, const SummaryEvalOptions& options) {
  CROSSCHECK_ASSIGN_OR_RETURN(auto topics, FindDucTopics(dir));
  const auto start = std::chrono::steady_clock::now();
  RougeOptions rouge;
  rouge.max_words = options.words;
  SummaryScores scores;
  for (size_t i = 0; i < topics.size(); ++i) {
    const DucTopic& t = topics[i];
    if (options.progress) options.progress(i, topics.size());
    CROSSCHECK_ASSIGN_OR_RETURN(auto articles, ingest::ReadArticles({t.docs}));
    analysis::ReportOptions report_options;
    report_options.summary.max_words = options.words;
    if (options.use_focus) report_options.summary.focus = t.title + ". " + t.narrative;
    if (options.focus_weight >= 0) report_options.summary.focus_weight = options.focus_weight;
    CROSSCHECK_ASSIGN_OR_RETURN(auto report, analysis::BuildReport(articles, report_options));
    std::string summary;
    for (const auto& s : report.summary) summary += s.text + "\n";
    // The baseline: the latest document's text from its start.
    const Article* latest = nullptr;
    for (const auto& a : articles)
      if (!latest || a.published > latest->published ||
          (a.published == latest->published && a.id > latest->id))
        latest = &a;
    std::string lead;
    if (latest)
      for (const auto& p : latest->paragraphs) lead += latest->text.substr(p.begin, p.size()) + "\n";
    SummaryScores::Topic s;
    s.id = t.id;
    s.rouge = RougeRecall(summary, t.models, rouge);
    s.lead_rouge = RougeRecall(lead, t.models, rouge);
    s.words = RougeTokens(summary, RougeOptions{1, 0, false}).size();
    scores.rouge += s.rouge / static_cast<double>(topics.size());
    scores.lead_rouge += s.lead_rouge / static_cast<double>(topics.size());
    scores.topics.push_back(std::move(s));
  }
  if (options.progress) options.progress(topics.size(), topics.size());
  scores.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return scores;
}

}  // namespace crosscheck::eval
