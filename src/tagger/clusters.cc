// Word clusters from unlabelled text, for the tagger: words that occur
// between the same neighbours fall in one cluster ("Cruz" with "Dole",
// "Pence", "Gingrich"), so a name never seen in the labelled data borrows
// what the tagger learnt of its cluster.
//
// Each word (as written, seen at least min_count times) is described by the
// counts of its left and right neighbours among the `contexts` most frequent
// words (folded to lower case), weighted by positive pointwise mutual
// information and normalised to unit length. Spherical k-means groups them
// in two levels: `coarse` clusters, then each split into `fine` ones. Every
// step is deterministic: seeds are the most frequent members, ties go to the
// lower index.
//
// File form: "crosscheck-word-clusters 1", then "<word>\t<coarse>\t<fine>"
// lines sorted by word.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <unordered_map>

#include "crosscheck/tagger/entity_tagger.h"

namespace crosscheck::tagger {
namespace {

using Sparse = std::vector<std::pair<uint32_t, float>>;  // dimension, value; sorted by dimension

std::string LowerAscii(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

float Dot(const Sparse& a, const std::vector<float>& dense) {
  float s = 0;
  for (const auto& [d, v] : a) s += v * dense[d];
  return s;
}

// Spherical k-means over `members` (indexes into vecs, most frequent
// first), k clusters. Seeds are spread out: the most frequent member, then
// each time the candidate least like every seed so far, candidates being the
// most frequent fifth, or 4k (so seeds are not rare oddities). Returns a cluster
// per member.
std::vector<int> KMeans(const std::vector<Sparse>& vecs, const std::vector<int>& members, int k, size_t dims,
                        int iterations) {
  std::vector<int> assign(members.size(), 0);
  k = std::min<int>(k, static_cast<int>(members.size()));
  if (k <= 1) return assign;
  std::vector<std::vector<float>> centre(k, std::vector<float>(dims, 0.f));
  const size_t candidates =
      std::min(members.size(), std::max<size_t>(4 * static_cast<size_t>(k), members.size() / 5));
  std::vector<float> closest(candidates, -2.f);  // highest similarity to any seed
  size_t seed = 0;
  for (int c = 0; c < k; ++c) {
    for (const auto& [d, v] : vecs[members[seed]]) centre[c][d] = v;
    size_t next = 0;
    float lowest = 3;
    for (size_t m = 0; m < candidates; ++m) {
      closest[m] = std::max(closest[m], Dot(vecs[members[m]], centre[c]));
      if (closest[m] < lowest) {
        lowest = closest[m];
        next = m;
      }
    }
    seed = next;
  }
  for (int it = 0; it < iterations; ++it) {
    bool changed = false;
    for (size_t m = 0; m < members.size(); ++m) {
      int best = 0;
      float best_score = -2;
      for (int c = 0; c < k; ++c) {
        float sc = Dot(vecs[members[m]], centre[c]);
        if (sc > best_score) {
          best_score = sc;
          best = c;
        }
      }
      changed |= assign[m] != best || it == 0;
      assign[m] = best;
    }
    if (!changed) break;
    for (auto& c : centre) std::fill(c.begin(), c.end(), 0.f);
    for (size_t m = 0; m < members.size(); ++m)
      for (const auto& [d, v] : vecs[members[m]]) centre[assign[m]][d] += v;
    for (auto& c : centre) {
      double n = 0;
      for (float v : c) n += static_cast<double>(v) * v;
      if (n > 0) {
        auto inv = static_cast<float>(1 / std::sqrt(n));
        for (float& v : c) v *= inv;
      }
    }
  }
  return assign;
}

}  // namespace

std::string ClusterWords(const std::vector<std::vector<std::string>>& sentences, const ClusterOptions& o,
                         const std::function<void(const std::string&)>& progress) {
  // Word and context vocabularies.
  std::unordered_map<std::string, uint32_t> word_count, lower_count;
  for (const auto& s : sentences)
    for (const auto& w : s) {
      ++word_count[w];
      ++lower_count[LowerAscii(w)];
    }
  std::vector<std::pair<std::string, uint32_t>> by_freq(lower_count.begin(), lower_count.end());
  std::sort(by_freq.begin(), by_freq.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::unordered_map<std::string, uint32_t> context_id;
  for (size_t k = 0; k < by_freq.size() && k < o.contexts; ++k) context_id.emplace(by_freq[k].first, k);
  const auto other = static_cast<uint32_t>(context_id.size());  // any rarer neighbour
  const uint32_t boundary = other + 1;                          // sentence start or end
  const uint32_t side = boundary + 1;                           // right contexts are offset by this
  const size_t dims = 2 * static_cast<size_t>(side);

  std::vector<std::pair<std::string, uint32_t>> words;
  for (const auto& [w, n] : word_count)
    if (n >= o.min_count) words.emplace_back(w, n);
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::unordered_map<std::string, uint32_t> word_id;
  for (size_t k = 0; k < words.size(); ++k) word_id.emplace(words[k].first, k);
  if (progress)
    progress(std::to_string(words.size()) + " words, " + std::to_string(context_id.size()) + " contexts");

  // Co-occurrence counts, then PPMI.
  std::vector<std::map<uint32_t, float>> counts(words.size());
  std::vector<double> ctx_total(dims, 0);
  double total = 0;
  auto ctx_of = [&](const std::vector<std::string>& s, ptrdiff_t k) -> uint32_t {
    if (k < 0 || k >= static_cast<ptrdiff_t>(s.size())) return boundary;
    auto it = context_id.find(LowerAscii(s[k]));
    return it == context_id.end() ? other : it->second;
  };
  for (const auto& s : sentences)
    for (size_t i = 0; i < s.size(); ++i) {
      auto it = word_id.find(s[i]);
      if (it == word_id.end()) continue;
      auto p = static_cast<ptrdiff_t>(i);
      uint32_t l = ctx_of(s, p - 1), r = side + ctx_of(s, p + 1);
      counts[it->second][l] += 1;
      counts[it->second][r] += 1;
      ctx_total[l] += 1;
      ctx_total[r] += 1;
      total += 2;
    }
  std::vector<Sparse> vecs(words.size());
  for (size_t w = 0; w < words.size(); ++w) {
    double wt = 0;
    for (const auto& [d, c] : counts[w]) wt += c;
    double norm = 0;
    for (const auto& [d, c] : counts[w]) {
      double pmi = std::log(c * total / (wt * ctx_total[d]));
      if (pmi <= 0) continue;
      vecs[w].emplace_back(d, static_cast<float>(pmi));
      norm += pmi * pmi;
    }
    if (norm > 0)
      for (auto& [d, v] : vecs[w]) v = static_cast<float>(v / std::sqrt(norm));
  }
  counts.clear();

  std::vector<int> all(words.size());
  for (size_t w = 0; w < words.size(); ++w) all[w] = static_cast<int>(w);
  std::vector<int> coarse = KMeans(vecs, all, o.coarse, dims, o.iterations);
  if (progress) progress(std::to_string(o.coarse) + " coarse clusters");
  std::vector<int> fine(words.size(), 0);
  for (int c = 0; c < o.coarse; ++c) {
    std::vector<int> members;
    for (size_t w = 0; w < words.size(); ++w)
      if (coarse[w] == c) members.push_back(static_cast<int>(w));
    std::vector<int> sub = KMeans(vecs, members, o.fine, dims, o.iterations);
    for (size_t m = 0; m < members.size(); ++m) fine[members[m]] = c * o.fine + sub[m];
  }
  if (progress) progress("fine clusters");
  std::vector<size_t> order(words.size());
  for (size_t w = 0; w < order.size(); ++w) order[w] = w;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return words[a].first < words[b].first; });
  std::string out = "crosscheck-word-clusters 1\n";
  for (size_t w : order) {
    out += words[w].first;
    out += '\t';
    out += std::to_string(coarse[w]);
    out += '\t';
    out += std::to_string(fine[w]);
    out += '\n';
  }
  return out;
}

}  // namespace crosscheck::tagger
