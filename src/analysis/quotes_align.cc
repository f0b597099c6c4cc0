// Quote alignment. Within an article, consecutive quotes of the same
// speaker in one paragraph form one utterance (an interrupted quote:
// "It's one thing," Trump said. "It's another ..."). Across articles, two
// utterances are the same quote when their word bigrams overlap: at least
// half of the shorter one's bigrams (and three of them) appear in the longer,
// or every bigram of a short quote does. Editorial insertions in brackets and
// ellipses are ignored for matching. Speakers must agree when both are known.
#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

#include "context.h"
#include "crosscheck/text/unicode.h"
#include "crosscheck/union_find.h"

namespace crosscheck::analysis::internal {
namespace {

struct Utterance {
  int doc = 0;
  std::vector<int> quotes;  // indexes into doc.quotes
  int entity = -1;
  std::string speaker_as_written;
  std::string text;  // the words, joined
  Span sentence;
  std::vector<uint64_t> bigrams;  // hashes of its word pairs, sorted, each once
  size_t words = 0;
};

std::vector<std::string> MatchWords(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  int bracket = 0;
  std::string folded = text::FoldForMatch(s);
  for (char c : folded) {
    if (c == '[') {
      ++bracket;
      continue;
    }
    if (c == ']') {
      bracket = std::max(0, bracket - 1);
      continue;
    }
    if (bracket) continue;
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || (static_cast<unsigned char>(c) & 0x80)) {
      cur += c;
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

}  // namespace

void BuildQuotes(Context& c, Report& r) {
  std::vector<Utterance> utt;
  for (int d = 0; d < static_cast<int>(c.x.documents.size()); ++d) {
    const auto& doc = c.Doc(d);
    for (int q = 0; q < static_cast<int>(doc.quotes.size()); ++q) {
      const auto& quote = doc.quotes[q];
      // The name of a show, book or film ("on ABC's “This Week.”") is no
      // one's words; an exclamation in capitals ("Witch Hunt!") is.
      if (quote.title) {
        std::string_view t = doc.Text(quote.span);
        while (!t.empty() &&
               (t.back() == ' ' || t.back() == '"' || (static_cast<unsigned char>(t.back()) & 0x80)))
          t.remove_suffix(1);
        if (t.empty() || (t.back() != '!' && t.back() != '?')) continue;
      }
      bool joins = false;
      if (!utt.empty() && utt.back().doc == d) {
        const auto& prev = doc.quotes[utt.back().quotes.back()];
        joins = prev.paragraph == quote.paragraph && !quote.fragment && !prev.fragment &&
                prev.entity == quote.entity && quote.entity >= 0 && quote.span.begin - prev.span.end < 60;
      }
      if (!joins) {
        utt.emplace_back();
        utt.back().doc = d;
        utt.back().entity = quote.entity;
        utt.back().speaker_as_written = quote.speaker;
        utt.back().sentence = quote.sentence;
      }
      Utterance& u = utt.back();
      u.quotes.push_back(q);
      u.text += (u.text.empty() ? "" : " … ") + FoldSpace(doc.Text(quote.span));
      u.sentence.end = std::max(u.sentence.end, quote.sentence.end);
    }
  }
  for (auto& u : utt) {
    std::vector<std::string> w = MatchWords(u.text);
    u.words = w.size();
    for (size_t i = 0; i + 1 < w.size(); ++i)
      u.bigrams.push_back(std::hash<std::string>{}(w[i] + " " + w[i + 1]));
    std::sort(u.bigrams.begin(), u.bigrams.end());
    u.bigrams.erase(std::unique(u.bigrams.begin(), u.bigrams.end()), u.bigrams.end());
  }
  // Candidate pairs share a word pair, found through an index of pairs; a
  // pair of words carried by more than kCommonBigram utterances ("he said")
  // proposes none, so the step stays near-linear in the utterances.
  constexpr size_t kCommonBigram = 64;
  std::unordered_map<uint64_t, std::vector<int>> carriers;
  std::vector<std::pair<int, int>> candidates;
  for (int i = 0; i < static_cast<int>(utt.size()); ++i)
    for (const auto& g : utt[i].bigrams) {
      auto& list = carriers[g];
      if (list.size() <= kCommonBigram)
        for (int j : list)
          if (utt[j].doc != utt[i].doc) candidates.emplace_back(j, i);
      list.push_back(i);
    }
  // Each pair once, in the order of a full pass over pairs.
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  UnionFind dsu(utt.size());
  for (auto [i, j] : candidates) {
    const Utterance &a = utt[i], &b = utt[j];
    if (a.entity >= 0 && b.entity >= 0 && a.entity != b.entity) continue;
    const Utterance& small = a.bigrams.size() <= b.bigrams.size() ? a : b;
    const Utterance& large = &small == &a ? b : a;
    if (small.bigrams.empty()) continue;
    size_t shared = 0;
    for (size_t x = 0, y = 0; x < small.bigrams.size() && y < large.bigrams.size();) {
      const uint64_t p = small.bigrams[x], q = large.bigrams[y];
      shared += p == q;
      x += p <= q;
      y += q <= p;
    }
    bool same = (shared >= c.options.quotes.min_shared_bigrams && shared * 2 >= small.bigrams.size()) ||
                (small.bigrams.size() <= 3 && shared == small.bigrams.size() && small.words >= 2);
    if (same) dsu.Union(i, j);
  }
  std::vector<std::vector<int>> groups(utt.size());
  for (size_t i = 0; i < utt.size(); ++i)
    groups[dsu.Find(static_cast<int>(i))].push_back(static_cast<int>(i));
  std::vector<std::vector<int>> kept;
  for (auto& g : groups) {
    if (g.empty()) continue;
    std::set<int> docs;
    for (int i : g) docs.insert(utt[i].doc);
    // Single-outlet fragments ("possible") are not worth a group of their own.
    if (docs.size() < 2 && utt[g[0]].words < 4) continue;
    kept.push_back(g);
  }
  auto outlets = [&](const std::vector<int>& g) {
    std::set<int> docs;
    for (int i : g) docs.insert(utt[i].doc);
    return docs.size();
  };
  std::stable_sort(kept.begin(), kept.end(), [&](auto& a, auto& b) { return outlets(a) > outlets(b); });
  int n = 0;
  for (auto& g : kept) {
    QuoteGroup out;
    out.id = "q" + std::to_string(++n);
    int entity = -1;
    std::vector<int> docs;
    const Utterance* fullest = nullptr;
    for (int i : g) {
      const Utterance& u = utt[i];
      if (u.entity >= 0) entity = u.entity;
      if (!fullest || u.words > fullest->words) fullest = &u;
      docs.push_back(u.doc);
      out.variants.push_back(
          {c.SourceId(u.doc), u.text, FoldSpace(c.Doc(u.doc).Text(u.sentence)), u.speaker_as_written});
    }
    if (entity >= 0) out.speaker = c.x.entities[entity].name;
    out.text = fullest->text;
    out.sources = SourceIds(c, docs);
    r.quotes.push_back(std::move(out));
  }
}

}  // namespace crosscheck::analysis::internal
