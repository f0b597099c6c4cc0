// WordNet access. For a word we look up its base form per part of speech
// (morphstr), read the index entry (index_lookup: one binary search in the
// sorted index file), and keep the offsets of its first senses: sense order in
// WordNet follows frequency, so the first senses carry the common meanings and
// rare senses do not make unrelated words look alike.
#include "crosscheck/lexicon/wordnet.h"

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <string>
#include <unordered_map>

#include <wn.h>

namespace crosscheck::lexicon {
namespace {

std::mutex& Mu() {
  static std::mutex mu;
  return mu;
}

std::unordered_map<std::string, std::vector<uint64_t>>& Cache() {
  static auto* cache = new std::unordered_map<std::string, std::vector<uint64_t>>();
  return *cache;
}

void AddSenses(const char* lemma, int pos, int max_senses, std::vector<uint64_t>& out) {
  IndexPtr idx = index_lookup(const_cast<char*>(lemma), pos);
  if (!idx) return;
  for (int k = 0; k < idx->off_cnt && k < max_senses; ++k)
    out.push_back((static_cast<uint64_t>(pos) << 40) | idx->offset[k]);
  free_index(idx);
}

}  // namespace

WordNet::WordNet() {
  std::lock_guard<std::mutex> lock(Mu());
  if (!std::getenv("WNSEARCHDIR")) setenv("WNSEARCHDIR", CROSSCHECK_WORDNET_DIR, 0);
  available_ = wninit() == 0;
}

WordNet& WordNet::Get() {
  static WordNet* wn = new WordNet();
  return *wn;
}

const std::vector<uint64_t>& WordNet::SenseKeys(std::string_view word) {
  static const std::vector<uint64_t> kEmpty;
  std::lock_guard<std::mutex> lock(Mu());
  std::string w(word);
  auto it = Cache().find(w);
  if (it != Cache().end()) return it->second;
  std::vector<uint64_t> keys;
  if (available_ && w.size() > 2 && w.size() < 40 &&
      w.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string::npos) {
    static const int kPos[] = {NOUN, VERB, ADJ};
    static const int kSenses[] = {2, 2, 1};
    for (int p = 0; p < 3; ++p) {
      std::string buf = w;
      char* base = morphstr(buf.data(), kPos[p]);
      std::string lemma = base ? std::string(base) : w;
      AddSenses(lemma.c_str(), kPos[p], kSenses[p], keys);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  }
  auto [pos, inserted] = Cache().emplace(std::move(w), std::move(keys));
  return pos->second;
}

bool ShareSense(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return true;
    if (a[i] < b[j]) ++i; else ++j;
  }
  return false;
}

}  // namespace crosscheck::lexicon
