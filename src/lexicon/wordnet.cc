// WordNet reader. index.{noun,verb,adj} lines are
//   lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offset...
// with offsets in sense order (most frequent first). We keep the first two
// senses of each lemma: the common meanings, so rare senses do not make
// unrelated words look alike. Inflected forms are reduced to base forms the
// way WordNet's own "morphy" does: the exception lists ({noun,verb,adj}.exc)
// first, then the suffix-detachment rules of each part of speech, keeping
// candidates that are in the index.
#include "crosscheck/lexicon/wordnet.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "crosscheck/lines.h"

#ifndef CROSSCHECK_WORDNET_DIR
#define CROSSCHECK_WORDNET_DIR "/usr/share/wordnet"
#endif

namespace crosscheck::lexicon {
namespace {

constexpr const char* kPosName[3] = {"noun", "verb", "adj"};

// WNSEARCHDIR, as WordNet's own tools read it, else the build's database.
std::string DatabaseDir() {
  const char* env = std::getenv("WNSEARCHDIR");
  return env && *env ? env : CROSSCHECK_WORDNET_DIR;
}

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return {};
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Splits a line into space-separated fields (views into the line).
void Fields(std::string_view line, std::vector<std::string_view>& out) {
  out.clear();
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
}

// The number a field opens with (0 when it opens with none), as atoi reads it.
template <typename T>
T Number(std::string_view field) {
  T v = 0;
  std::from_chars(field.data(), field.data() + field.size(), v);
  return v;
}

struct Rule {
  std::string_view suffix, ending;
};
const std::vector<Rule>& Rules(int pos) {
  static const std::vector<Rule> kNoun = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                                          {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
  static const std::vector<Rule> kVerb = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                                          {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
  static const std::vector<Rule> kAdj = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};
  return pos == 0 ? kNoun : (pos == 1 ? kVerb : kAdj);
}

}  // namespace

WordNet::WordNet() {
  const std::string dir = DatabaseDir();
  std::vector<std::string_view> f;
  for (int pos = 0; pos < 3; ++pos) {
    std::string text = Slurp(dir + "/index." + kPosName[pos]);
    if (text.empty()) return;
    index_[pos].reserve(pos == 0 ? 120000 : 30000);
    std::string_view line;
    for (Lines lines(text); lines.Next(line);) {
      if (line.empty() || line[0] == ' ') continue;  // licence header
      Fields(line, f);
      if (f.size() < 6) continue;
      int synsets = Number<int>(f[2]);
      int pointers = Number<int>(f[3]);
      if (synsets <= 0 || pointers < 0) continue;
      size_t first = 4 + static_cast<size_t>(pointers) + 2;
      if (first + synsets > f.size()) continue;
      Senses s;
      for (int k = 0; k < synsets && k < 2; ++k) s.offset[s.count++] = Number<uint32_t>(f[first + k]);
      index_[pos].emplace(std::string(f[0]), s);
    }
    std::string exc = Slurp(dir + "/" + kPosName[pos] + ".exc");
    for (Lines lines(exc); lines.Next(line);) {
      Fields(line, f);
      if (f.size() < 2) continue;
      auto& bases = exceptions_[pos][std::string(f[0])];
      for (size_t k = 1; k < f.size(); ++k) bases.emplace_back(f[k]);
    }
  }
  available_ = true;
}

WordNet& WordNet::Get() {
  static WordNet* wn = new WordNet();
  return *wn;
}

std::vector<std::string> WordNet::BaseForms(std::string_view word, int pos) const {
  std::vector<std::string> out;
  std::string w(word);
  std::replace(w.begin(), w.end(), ' ', '_');
  auto add = [&](const std::string& cand) {
    if (index_[pos].count(cand) && std::find(out.begin(), out.end(), cand) == out.end()) out.push_back(cand);
  };
  if (auto it = exceptions_[pos].find(w); it != exceptions_[pos].end())
    for (const auto& base : it->second) add(base);
  add(w);
  if (pos == 0 && w.ends_with("ss")) return out;  // "glass" is not a plural
  for (const Rule& r : Rules(pos)) {
    if (w.size() <= r.suffix.size() + 1 || !w.ends_with(r.suffix)) continue;
    add(w.substr(0, w.size() - r.suffix.size()) + std::string(r.ending));
  }
  return out;
}

const std::vector<uint64_t>& WordNet::SenseKeys(std::string_view word) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = cache_.find(std::string(word));
  if (it != cache_.end()) return it->second;
  std::vector<uint64_t> keys;
  if (available_ && word.size() > 2 && word.size() < 40 &&
      word.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string_view::npos) {
    for (int pos = 0; pos < 3; ++pos)
      for (const auto& base : BaseForms(word, pos)) {
        const Senses& s = index_[pos].at(base);
        for (int k = 0; k < s.count && k < (pos == 2 ? 1 : 2); ++k)
          keys.push_back((static_cast<uint64_t>(pos + 1) << 40) | s.offset[k]);
      }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  }
  return cache_.emplace(std::string(word), std::move(keys)).first->second;
}

bool WordNet::Knows(std::string_view word) const {
  if (!available_ || word.empty() || word.size() >= 40) return false;
  // BaseForms without its allocations: one buffer per thread for candidates.
  thread_local std::string w, cand;
  w.assign(word);
  std::replace(w.begin(), w.end(), ' ', '_');
  for (int pos = 0; pos < 3; ++pos) {
    if (index_[pos].count(w) || exceptions_[pos].count(w)) return true;
    if (pos == 0 && w.ends_with("ss")) continue;
    for (const Rule& r : Rules(pos)) {
      if (w.size() <= r.suffix.size() + 1 || !w.ends_with(r.suffix)) continue;
      cand.assign(w, 0, w.size() - r.suffix.size());
      cand += r.ending;
      if (index_[pos].count(cand)) return true;
    }
  }
  return false;
}

std::vector<std::pair<std::string, int>> WordNet::NamedNouns() const {
  const std::string dir = DatabaseDir();
  std::string text = Slurp(dir + "/data.noun");
  std::vector<std::pair<std::string, int>> out;
  std::vector<std::string_view> f;
  std::unordered_map<uint32_t, int> lexfile_of;  // synset offset -> lexicographer file
  std::string_view line;
  for (Lines lines(text); lines.Next(line);) {
    if (line.empty() || line[0] == ' ') continue;  // licence header
    // offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (ptr)... | gloss
    Fields(line.substr(0, line.find('|')), f);
    if (f.size() < 4) continue;
    int lexfile = std::atoi(std::string(f[1]).c_str());
    lexfile_of[static_cast<uint32_t>(std::strtoul(std::string(f[0]).c_str(), nullptr, 10))] = lexfile;
    size_t words = std::strtoul(std::string(f[3]).c_str(), nullptr, 16);
    if (4 + 2 * words >= f.size()) continue;
    bool instance = false;
    for (size_t k = 4 + 2 * words; k < f.size(); ++k) instance |= f[k] == "@i";
    int kind = 0;
    if (lexfile == 18)
      kind = instance ? 1 : 4;
    else if (lexfile == 14)
      kind = 2;
    else if (lexfile == 15 || (lexfile == 17 && instance))
      kind = 3;
    else if (instance)
      kind = 4;
    if (!kind) continue;
    for (size_t k = 0; k < words; ++k) {
      std::string w(f[4 + 2 * k]);
      if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) continue;
      if (auto paren = w.find('('); paren != std::string::npos) w.resize(paren);  // "Georgia(a)" markers
      std::replace(w.begin(), w.end(), '_', ' ');
      out.emplace_back(std::move(w), kind);
    }
  }
  for (const auto& [lemma, senses] : index_[0]) {
    if (!senses.count || lemma.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) continue;
    auto it = lexfile_of.find(senses.offset[0]);
    if (it == lexfile_of.end()) continue;
    int kind = it->second == 18 ? 5 : it->second == 14 ? 6 : it->second == 15 ? 7 : 0;
    if (kind) out.emplace_back(lemma, kind);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool ShareSense(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return true;
    if (a[i] < b[j])
      ++i;
    else
      ++j;
  }
  return false;
}

}  // namespace crosscheck::lexicon
