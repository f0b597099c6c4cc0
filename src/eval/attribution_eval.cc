// Attribution scoring; the metric is described in the header.
#include "crosscheck/eval/attribution_eval.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "crosscheck/extract/document.h"
#include "crosscheck/ingest/text_reader.h"
#include "crosscheck/text/unicode.h"

namespace crosscheck::eval {
namespace {

// Word tokens (runs of letters and digits) as code-point spans.
std::vector<Span> WordTokens(std::string_view text) {
  std::vector<Span> out;
  size_t i = 0;
  uint32_t cp = 0, start = 0;
  bool in = false;
  while (i < text.size()) {
    char32_t c = text::NextCodePoint(text, i);
    bool w = text::IsAlpha(c) || text::IsDigit(c);
    if (w && !in) {
      start = cp;
      in = true;
    }
    if (!w && in) {
      out.push_back({start, cp});
      in = false;
    }
    ++cp;
  }
  if (in) out.push_back({start, cp});
  return out;
}

std::set<uint32_t> TokensIn(const std::vector<Span>& tokens, const std::vector<Span>& spans) {
  std::set<uint32_t> out;
  for (const Span& s : spans) {
    auto it = std::lower_bound(tokens.begin(), tokens.end(), s.begin,
                               [](const Span& t, uint32_t b) { return t.end <= b; });
    for (; it != tokens.end() && it->begin < s.end; ++it)
      out.insert(static_cast<uint32_t>(it - tokens.begin()));
  }
  return out;
}

std::string Lower(std::string_view s) { return text::FoldForMatch(s); }

std::set<std::string> Words(std::string_view s) {
  std::set<std::string> out;
  std::string cur;
  for (char c : Lower(s)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80))
      cur += c;
    else {
      if (cur.size() >= 3) out.insert(cur);
      cur.clear();
    }
  }
  if (cur.size() >= 3) out.insert(cur);
  return out;
}

bool OpensWithQuote(std::string_view text, const std::vector<uint32_t>& byte_of_cp, const Span& s) {
  if (s.begin >= byte_of_cp.size()) return false;
  size_t i = byte_of_cp[s.begin];
  char32_t c = text::NextCodePoint(text, i);
  return c == U'\u201C' || c == U'"' || c == U'\u2018' || c == U'\'' || c == U'\u00AB';
}

}  // namespace

std::vector<GoldAttribution> ParseBrat(std::string_view ann) {
  struct T {
    std::string type;
    std::vector<Span> spans;
    std::string text;
  };
  std::map<std::string, T> ts;
  std::vector<std::map<std::string, std::string>> events;
  std::istringstream in{std::string(ann)};
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string id = line.substr(0, tab);
    std::string rest = line.substr(tab + 1);
    if (id[0] == 'T') {
      size_t tab2 = rest.find('\t');
      std::string head = rest.substr(0, tab2);
      T t;
      size_t sp = head.find(' ');
      if (sp == std::string::npos) continue;
      t.type = head.substr(0, sp);
      std::string ranges = head.substr(sp + 1);
      std::istringstream rs(ranges);
      std::string part;
      while (std::getline(rs, part, ';')) {
        unsigned b = 0, e = 0;
        if (std::sscanf(part.c_str(), "%u %u", &b, &e) == 2 && e >= b) t.spans.push_back({b, e});
      }
      if (tab2 != std::string::npos) t.text = rest.substr(tab2 + 1);
      ts[id] = std::move(t);
    } else if (id[0] == 'E') {
      std::map<std::string, std::string> roles;
      std::istringstream es(rest);
      std::string arg;
      while (es >> arg) {
        size_t colon = arg.find(':');
        if (colon != std::string::npos) roles[arg.substr(0, colon)] = arg.substr(colon + 1);
      }
      events.push_back(std::move(roles));
    }
  }
  std::vector<GoldAttribution> out;
  for (auto& roles : events) {
    auto content = roles.find("Content");
    if (content == roles.end() || !ts.count(content->second)) continue;
    GoldAttribution g;
    g.content = ts[content->second].spans;
    if (auto s = roles.find("Source");
        s != roles.end() && ts.count(s->second) && !ts[s->second].spans.empty())
      g.source = {ts[s->second].spans.front().begin, ts[s->second].spans.back().end};
    if (auto c = roles.find("Cue"); c != roles.end() && ts.count(c->second)) g.cue = ts[c->second].text;
    if (!g.content.empty()) out.push_back(std::move(g));
  }
  return out;
}

void AttributionScorer::AddTo(Totals& t, std::string_view text,
                              const std::vector<const GoldAttribution*>& gold,
                              const std::vector<const PredictedAttribution*>& pred) {
  std::vector<Span> tokens = WordTokens(text);
  std::vector<std::set<uint32_t>> gt, pt;
  for (auto* g : gold) gt.push_back(TokensIn(tokens, g->content));
  for (auto* p : pred) pt.push_back(TokensIn(tokens, p->content));
  for (auto& s : gt) t.gold_tokens += s.size();
  for (auto& s : pt) t.pred_tokens += s.size();
  t.gold += gold.size();
  t.predicted += pred.size();
  std::vector<std::tuple<size_t, size_t, size_t>> pairs;  // overlap, gold, pred
  for (size_t g = 0; g < gt.size(); ++g)
    for (size_t p = 0; p < pt.size(); ++p) {
      size_t shared = 0;
      for (uint32_t x : pt[p]) shared += gt[g].count(x);
      if (shared) pairs.push_back({shared, g, p});
    }
  std::sort(pairs.begin(), pairs.end(), [](auto& a, auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::vector<bool> gu(gt.size()), pu(pt.size());
  std::vector<uint32_t> byte_of_cp;
  for (auto& [shared, g, p] : pairs) {
    if (gu[g] || pu[p]) continue;
    gu[g] = pu[p] = true;
    t.shared += shared;
    ++t.matched;
    const GoldAttribution& ga = *gold[g];
    const PredictedAttribution& pa = *pred[p];
    if (ga.source.empty()) continue;
    ++t.speaker_n;
    bool ok = !pa.speaker.empty() && pa.speaker.Overlaps(ga.source);
    if (!ok) {
      if (byte_of_cp.empty()) {
        size_t i = 0;
        while (i < text.size()) {
          byte_of_cp.push_back(static_cast<uint32_t>(i));
          text::NextCodePoint(text, i);
        }
        byte_of_cp.push_back(static_cast<uint32_t>(text.size()));
      }
      auto slice = [&](Span s) {
        uint32_t b = byte_of_cp[std::min<size_t>(s.begin, byte_of_cp.size() - 1)];
        uint32_t e = byte_of_cp[std::min<size_t>(s.end, byte_of_cp.size() - 1)];
        return text.substr(b, e - b);
      };
      std::set<std::string> gw = Words(slice(ga.source));
      std::set<std::string> pw = Words(pa.speaker_name);
      if (!pa.speaker.empty())
        for (auto& w : Words(slice(pa.speaker))) pw.insert(w);
      for (auto& w : pw) ok |= gw.count(w) > 0;
    }
    t.speaker_ok += ok;
  }
}

void AttributionScorer::Add(std::string_view text, const std::vector<GoldAttribution>& gold,
                            const std::vector<PredictedAttribution>& predicted) {
  ++documents_;
  std::vector<const GoldAttribution*> g_all, g_direct;
  std::vector<const PredictedAttribution*> p_all, p_direct;
  std::vector<uint32_t> byte_of_cp;
  {
    size_t i = 0;
    while (i < text.size()) {
      byte_of_cp.push_back(static_cast<uint32_t>(i));
      text::NextCodePoint(text, i);
    }
    byte_of_cp.push_back(static_cast<uint32_t>(text.size()));
  }
  for (auto& g : gold) {
    g_all.push_back(&g);
    if (OpensWithQuote(text, byte_of_cp, g.content.front())) g_direct.push_back(&g);
  }
  for (auto& p : predicted) {
    p_all.push_back(&p);
    if (p.direct) p_direct.push_back(&p);
  }
  AddTo(all_, text, g_all, p_all);
  AddTo(direct_, text, g_direct, p_direct);
}

Scores AttributionScorer::Finish(const Totals& t) {
  Scores s;
  s.gold = t.gold;
  s.predicted = t.predicted;
  s.matched = t.matched;
  s.precision = t.pred_tokens ? t.shared / t.pred_tokens : 0;
  s.recall = t.gold_tokens ? t.shared / t.gold_tokens : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  s.speaker_accuracy = t.speaker_n ? t.speaker_ok / t.speaker_n : 0;
  return s;
}

AttributionScores AttributionScorer::Result() const { return {Finish(all_), Finish(direct_), documents_}; }

StatusOr<AttributionScores> EvaluateAttributionsFolder(const std::string& dir) {
  namespace fs = std::filesystem;
  fs::path ann_dir = fs::path(dir) / "attributions", text_dir = fs::path(dir) / "text";
  if (!fs::is_directory(ann_dir) || !fs::is_directory(text_dir))
    return NotFound(dir + ": expected the folders attributions/ and text/ inside");
  std::vector<fs::path> anns;
  for (const auto& e : fs::directory_iterator(ann_dir))
    if (e.path().extension() == ".ann") anns.push_back(e.path());
  std::sort(anns.begin(), anns.end());
  if (anns.empty()) return InvalidInput(ann_dir.string() + ": no .ann file");
  AttributionScorer scorer;
  ingest::ReadOptions opt;
  opt.remove_boilerplate = false;
  for (const auto& ann : anns) {
    std::string stem = ann.stem().string();
    size_t us = stem.rfind('_');
    fs::path txt = text_dir / ((us == std::string::npos ? stem : stem.substr(0, us)) + ".txt");
    auto article = ingest::ReadTextFile(txt.string(), opt);
    if (!article.ok()) return article.status();
    auto ann_bytes = ingest::ReadFileBytes(ann.string(), 16u << 20);
    if (!ann_bytes.ok()) return ann_bytes.status();
    std::vector<Article> one{std::move(*article)};
    extract::Extraction x = extract::ExtractAll(one);
    const auto& doc = x.documents[0];
    std::vector<uint32_t> cp = text::CodePointOffsets(doc.text());
    std::vector<PredictedAttribution> pred;
    for (const auto& r : extract::ListAttributions(doc)) {
      PredictedAttribution p;
      for (const Span& s : r.parts) p.content.push_back({cp[s.begin], cp[s.end]});
      if (!r.speaker_span.empty()) p.speaker = {cp[r.speaker_span.begin], cp[r.speaker_span.end]};
      if (r.entity >= 0) p.speaker_name = x.entities[r.entity].name;
      p.direct = r.direct;
      pred.push_back(std::move(p));
    }
    scorer.Add(doc.text(), ParseBrat(*ann_bytes), pred);
  }
  return scorer.Result();
}

}  // namespace crosscheck::eval
