// Extractive summary. It opens with a lede: the event's core, the opening
// sentence that the other articles' openings share most, in words that are
// not a quote and need no earlier sentence. Then facts in
// order of how many outlets report them (and, given a focus, of how well
// they answer it), each skipped when too similar to a sentence already
// chosen (maximal marginal relevance). If a claim is contested, its strongest
// denial follows the line that states it, so both sides appear. The summary
// is bounded in sentences, or in words when `max_words` is set, and short
// reports are filled with the most informative material of one outlet.
// Every sentence cites only the outlets whose own sentence says it (similar
// enough, and giving the same numbers), and names whose wording it is.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "context.h"

namespace crosscheck::analysis::internal {
namespace {

double Cosine(const std::vector<Feature>& a, const std::vector<Feature>& b) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& f : a) na += static_cast<double>(f.weight) * f.weight;
  for (const auto& f : b) nb += static_cast<double>(f.weight) * f.weight;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].id == b[j].id)
      dot += static_cast<double>(a[i++].weight) * b[j++].weight;
    else if (a[i].id < b[j].id)
      ++i;
    else
      ++j;
  }
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

}  // namespace

void BuildSummary(Context& c, Report& r) {
  const SummaryOptions& o = c.options.summary;
  const bool by_words = o.max_words > 0;
  const size_t max_n = by_words ? SIZE_MAX : std::clamp<size_t>(o.max_sentences, 3, 8);
  const std::vector<Feature> focus = c.TextFeatures(o.focus);
  auto relevance = [&](SentenceRef s) {
    return focus.empty() ? 0.0 : Cosine(c.features[s.doc][s.sent], focus);
  };
  auto words_of = [&](SentenceRef s) {
    size_t n = 0;
    const uint32_t from = c.Body(s).begin;  // a dateline is not shown
    for (const auto& t : c.Doc(s.doc).tokens[s.sent])
      n += t.span.begin >= from && (t.IsWord() || t.kind == text::TokenKind::kNumber);
    return n;
  };
  // Quotation marks that do not pair up in a sentence: it begins or ends
  // inside a quote ("I'm satisfied, " said the champion", its quote opened a
  // line earlier), and cannot stand alone.
  auto unpaired = [&](SentenceRef s) {
    std::string_view t = c.Doc(s.doc).Text(c.Doc(s.doc).sentences[s.sent].span);
    auto count = [&](std::string_view mark) {
      size_t n = 0;
      for (size_t at = t.find(mark); at != std::string_view::npos; at = t.find(mark, at + mark.size())) ++n;
      return n;
    };
    return count("\"") % 2 == 1 || count("\xE2\x80\x9C") != count("\xE2\x80\x9D");
  };
  // Share of the sentence inside quotation marks.
  // Share of a sentence inside quotation marks: each document's quotes are
  // summed per sentence once, when the document is first asked about (a
  // pass over every quote for every sentence would grow with the square of
  // a long document).
  std::vector<std::vector<uint32_t>> quoted_bytes(c.x.documents.size());
  auto quoted = [&](SentenceRef s) {
    const auto& doc = c.Doc(s.doc);
    const Span span = doc.sentences[s.sent].span;
    if (OpensWithQuoteMark(doc.Text(span))) return 1.0;
    auto& per_sentence = quoted_bytes[s.doc];
    if (per_sentence.empty()) {
      per_sentence.assign(doc.sentences.size(), 0);
      for (const auto& q : doc.quotes) {
        int at = doc.SentenceAt(q.span.begin);
        if (at >= 0 && doc.sentences[at].span.Contains(q.span)) per_sentence[at] += q.span.size();
      }
    }
    return span.size() ? static_cast<double>(per_sentence[s.sent]) / span.size() : 0.0;
  };
  auto numbers = [&](const std::vector<Feature>& f) {
    std::vector<uint32_t> out;
    for (const auto& x : f)
      if (x.kind == Feature::kNumber) out.push_back(x.id);
    return out;  // sorted: features are sorted by id
  };
  // The sentences of fact `i` that support `s`, s's own first.
  auto citing = [&](int i, SentenceRef s) {
    std::vector<SentenceRef> refs{s};
    if (i < 0) return refs;
    const auto& fs = c.features[s.doc][s.sent];
    const auto need = numbers(fs);
    for (const auto& m : c.clusters[i].members) {
      if (m == s) continue;
      const auto have = numbers(c.features[m.doc][m.sent]);
      if (c.Similarity(s, m) >= o.cite && std::includes(have.begin(), have.end(), need.begin(), need.end()))
        refs.push_back(m);
    }
    return refs;
  };

  std::vector<std::vector<Feature>> chosen;
  std::set<std::pair<int, int>> used;
  size_t words = 0;
  auto redundant = [&](const std::vector<Feature>& f) {
    for (auto& g : chosen)
      if (c.Similarity(f, g) >= o.redundant) return true;
    return false;
  };
  // Adds the sentence when it is long enough, new, and fits; true if added.
  // `cited` are the sentences that support it, its own first: the line cites
  // their sources, each with its first such sentence.
  auto add = [&](SentenceRef ref, std::vector<SentenceRef> cited, bool lede = false) {
    if (r.summary.size() >= max_n || used.count({ref.doc, ref.sent})) return false;
    const auto& f = c.features[ref.doc][ref.sent];
    size_t n = words_of(ref);
    if (n < o.min_words || (by_words && words + n > o.max_words) || redundant(f)) return false;
    chosen.push_back(f);
    used.insert({ref.doc, ref.sent});
    words += n;
    std::stable_sort(cited.begin(), cited.end(), [](SentenceRef a, SentenceRef b) { return a.doc < b.doc; });
    // Shown and cited without a dateline ("BONN (AP) --").
    SummarySentence line{c.SentenceText(ref), {}, c.SourceId(ref.doc), lede, {}};
    for (size_t k = 0; k < cited.size(); ++k) {
      if (k && cited[k].doc == cited[k - 1].doc) continue;
      line.sources.push_back(c.SourceId(cited[k].doc));
      line.support.push_back(c.MakeSupport(cited[k].doc, c.Body(cited[k])));
    }
    r.summary.push_back(std::move(line));
    return true;
  };
  auto independent = [&](size_t i) { return static_cast<double>(r.facts[i].independent); };

  // The lede: the article opening (its first sentence that can stand
  // first) that the other articles' openings share most (average best similarity to each one's first
  // sentences), weighed by the focus, and not a quote or a sentence that needs an earlier one. Openings of at
  // most `lede_articles` articles are compared, so the cost does not grow with the event.
  int lede_fact = -1;
  {
    const int docs = static_cast<int>(std::min<size_t>(c.x.documents.size(), o.lede_articles));
    auto opening = [&](int d) {
      std::vector<SentenceRef> out;
      for (int s = 0; s < static_cast<int>(c.Doc(d).sentences.size()) && out.size() < 3; ++s) {
        SentenceRef m{d, s};
        if (words_of(m) >= o.min_words) out.push_back(m);
      }
      return out;
    };
    std::vector<std::vector<SentenceRef>> openings;
    openings.reserve(static_cast<size_t>(docs));
    for (int d = 0; d < docs; ++d) openings.push_back(opening(d));
    double best_score = -1;
    SentenceRef best{-1, -1};
    for (int d = 0; d < docs; ++d)
      for (const SentenceRef m : openings[d]) {  // the article's first eligible sentence
        size_t n = words_of(m);
        if (n > o.max_lede_words || quoted(m) > 0.3 || unpaired(m) || !c.SelfContained(m)) continue;
        double shared = 0;
        for (int e = 0; e < docs; ++e) {
          if (e == d || c.Root(e) == c.Root(d)) continue;
          double top = 0;
          for (const auto& t : openings[e]) top = std::max(top, c.Similarity(m, t));
          shared += top;
        }
        double score = (docs > 1 ? shared / (docs - 1) : 1.0) * (1 + o.focus_weight * relevance(m));
        if (score > best_score) {
          best_score = score;
          best = m;
        }
        break;
      }
    if (best.doc >= 0) {
      lede_fact = c.fact_of[best.doc][best.sent];
      std::vector<SentenceRef> cited{best};
      const auto need = numbers(c.features[best.doc][best.sent]);
      auto supports = [&](SentenceRef t) {
        const auto have = numbers(c.features[t.doc][t.sent]);
        return c.Similarity(best, t) >= o.cite &&
               std::includes(have.begin(), have.end(), need.begin(), need.end());
      };
      for (int e = 0; e < docs; ++e) {
        if (e == best.doc) continue;
        for (const auto& t : openings[e])
          if (supports(t)) {
            cited.push_back(t);
            break;
          }
      }
      if (lede_fact >= 0)
        for (const auto& m : c.clusters[lede_fact].members)
          if (!(m == best) && supports(m)) cited.push_back(m);
      if (!add(best, cited, true)) lede_fact = -1;
    }
  }

  // Room for one denial when a claim is contested.
  bool contested = false;
  for (const auto& claim : r.claims)
    for (const auto& p : claim.positions) contested |= p.stance == "denies";
  // Facts by outlets and focus; the representative states each.
  std::vector<size_t> order(c.clusters.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (!focus.empty()) {
    std::vector<double> score(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
      double rel = 0;
      for (const auto& m : c.clusters[i].members) rel = std::max(rel, relevance(m));
      score[i] = std::log2(1 + independent(i)) + o.focus_weight * rel;
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
  }
  const size_t fact_limit = contested && !by_words ? max_n - 1 : max_n;
  // Quoted words with no speaker in their sentence read, alone, as the
  // outlet's own: a sentence that goes on with a quote opened before it
  // ("... support.”"), or one that is all quote ("“And we will do it.”").
  auto speakerless_quote = [&](SentenceRef s) {
    const auto& doc = c.Doc(s.doc);
    const Span span = doc.sentences[s.sent].span;
    std::string outside(doc.Text(span));
    for (const auto& q : doc.quotes) {
      if (q.span.begin < span.begin && q.span.end > span.begin) return true;
      if (q.span.end <= span.begin || q.span.begin >= span.end) continue;
      const uint32_t b = std::max(q.span.begin, span.begin) - span.begin;
      const uint32_t e = std::min(q.span.end, span.end) - span.begin;
      std::fill(outside.begin() + b, outside.begin() + e, ' ');
    }
    if (std::none_of(outside.begin(), outside.end(),
                     [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); }))
      return true;
    // Or the marks say so where no quote was found.
    return unpaired(s);
  };
  for (size_t i : order) {
    if (r.summary.size() >= fact_limit) break;
    if (static_cast<int>(i) == lede_fact) continue;
    const FactCluster& f = c.clusters[i];
    SentenceRef ref = f.members[f.representative];
    if (speakerless_quote(ref)) {
      auto other = std::find_if(f.members.begin(), f.members.end(),
                                [&](const SentenceRef& m) { return !speakerless_quote(m); });
      if (other == f.members.end()) continue;
      ref = *other;
    }
    add(ref, citing(static_cast<int>(i), ref));
  }
  if (contested) {
    for (const auto& claim : r.claims) {
      const Position* best = nullptr;
      for (const auto& p : claim.positions)
        if (p.stance == "denies" && (!best || p.sources.size() > best->sources.size())) best = &p;
      if (!best || best->support.empty()) continue;
      // The first self-contained support sentence ("Ukraine rejected ...",
      // rather than "He said ..."), and one that says whose words it gives
      // (not a quote alone: the reader could not tell who denies).
      const Support* denial = nullptr;
      for (const auto& sup : best->support) {
        SentenceRef ref = c.RefOf(sup);
        if (ref.doc < 0 || ref.sent < 0 || speakerless_quote(ref)) continue;
        if (!denial) denial = &sup;
        if (c.SelfContained(ref)) {
          denial = &sup;
          break;
        }
      }
      if (!denial) continue;
      SentenceRef ref = c.RefOf(*denial);
      // Cited to the outlets that report this denial.
      std::vector<SentenceRef> cited{ref};
      for (const auto& sup : best->support)
        if (SentenceRef s = c.RefOf(sup); s.doc >= 0 && s.sent >= 0 && c.Similarity(ref, s) >= o.cite)
          cited.push_back(s);
      if (!add(ref, cited)) break;
      // Keep the denial next to the claim it answers: right after the
      // summary line that states the claim (an asserting sentence, or the
      // fact it belongs to), else right after the lede.
      if (r.summary.size() > 2) {
        std::set<std::string> asserted;
        for (const auto& p : claim.positions)
          if (p.stance == "asserts")
            for (const auto& sup : p.support) asserted.insert(sup.sentence);
        for (const auto& f : r.facts) {
          bool states = false;
          for (const auto& sup : f.support) states |= asserted.count(sup.sentence) > 0;
          if (states) asserted.insert(f.statement);
        }
        size_t after = 0;
        for (size_t i = 0; i + 1 < r.summary.size(); ++i)
          if (asserted.count(r.summary[i].text)) {
            after = i;
            break;
          }
        std::rotate(r.summary.begin() + static_cast<long>(after) + 1, r.summary.end() - 1, r.summary.end());
      }
      break;
    }
  }
  // Short reports: the most informative material of one outlet.
  for (const auto& e : r.exclusive) {
    if (r.summary.size() >= 3) break;
    for (const auto& s : e.support) {
      if (r.summary.size() >= 3) break;
      SentenceRef ref = c.RefOf(s);
      if (ref.doc >= 0 && ref.sent >= 0) add(ref, {ref});
    }
  }
  // A word budget left: sentences of one outlet, by focus, else by position.
  if (by_words && words + o.min_words <= o.max_words) {
    std::vector<std::pair<double, SentenceRef>> rest;
    for (int d = 0; d < static_cast<int>(c.x.documents.size()); ++d)
      for (int s = 0; s < static_cast<int>(c.Doc(d).sentences.size()); ++s) {
        SentenceRef ref{d, s};
        if (c.fact_of[d][s] >= 0 || quoted(ref) > 0.5 || !c.SelfContained(ref)) continue;
        double position = 1.0 / (1 + s);
        rest.push_back({o.focus_weight * relevance(ref) + position, ref});
      }
    std::stable_sort(rest.begin(), rest.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [score, ref] : rest) {
      if (words + o.min_words > o.max_words) break;
      add(ref, {ref});
    }
  }
  // A single article: its opening sentences.
  for (int s = 0;
       r.summary.size() < 3 && !c.x.documents.empty() && s < static_cast<int>(c.Doc(0).sentences.size()); ++s)
    add({0, s}, {{0, s}});
}

}  // namespace crosscheck::analysis::internal
