// Same statement or not: features, the model (logistic regression plus
// boosted trees), its text form.
//
// Model text form:
//   crosscheck-same 2
//   threshold <t>
//   bias <b>
//   <feature name> <mean> <scale> <weight>      (one line per feature, in order)
//   trees <n>
//   (<feature> <cut>) x 7, <leaf> x 8           (one line per tree)
#include "crosscheck/statements/same.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "crosscheck/lexicon/wordnet.h"
#include "crosscheck/lines.h"
#include "crosscheck/text/tokens.h"
#include "crosscheck/text/unicode.h"
#include "linear.h"
#include "model_data.h"
#include "sequences.h"

namespace crosscheck::statements {
namespace {

constexpr const char* kNames[kPairFeatures] = {
    "content_dice",      "coverage_min",         "coverage_max",       "synonym_dice",  "bigram_dice",
    "trigram_dice",      "number_jaccard",       "number_differs",     "name_dice",     "names_unshared",
    "length_ratio",      "negation_differs",     "lcs_ratio",          "same_content",  "stop_dice",
    "content_words_log", "unmatched_min",        "unmatched_max",      "fourgram_dice", "char_trigram_dice",
    "edit_ratio",        "numbers_unshared_log", "names_unshared_log", "bleu"};

using Ids = std::vector<uint64_t>;

// A word, n-gram or trigram as a 64-bit key: equal strings, equal keys
// (a collision among a sentence pair's few dozen keys is vanishingly rare).
uint64_t Key(std::string_view s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a, then a finaliser
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

void SortUnique(Ids& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Letter trigrams of the lowercased letters and digits, words joined by one space.
Ids CharTrigrams(std::string_view s) {
  std::string flat;
  flat.reserve(s.size());
  for (unsigned char c : s) {
    if (std::isalnum(c) || c >= 0x80)
      flat.push_back(static_cast<char>(std::tolower(c)));
    else if (!flat.empty() && flat.back() != ' ')
      flat.push_back(' ');
  }
  Ids out;
  for (size_t i = 0; i + 3 <= flat.size(); ++i) out.push_back(Key(std::string_view(flat).substr(i, 3)));
  SortUnique(out);
  return out;
}

}  // namespace

Statement ReadStatement(std::string_view s) {
  return ReadStatement(s, text::Tokenize(s, {0, static_cast<uint32_t>(s.size())}));
}

Statement ReadStatement(std::string_view s, const std::vector<text::Token>& toks) {
  Statement out;
  lexicon::WordNet& wn = lexicon::WordNet::Get();
  for (size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    if (t.kind == text::TokenKind::kSymbol) continue;
    const uint64_t stem = Key(t.kind == text::TokenKind::kWord ? t.stem : t.norm);
    out.stems.push_back(stem);
    if (t.norm == "not" || t.norm == "never" || t.norm == "no" || t.norm == "n't" || t.norm.ends_with("n't"))
      out.negated = true;
    if (t.kind == text::TokenKind::kNumber) out.numbers.push_back(Key(t.norm));
    if (!t.stop) {
      out.content.push_back(stem);
      out.senses.push_back(&wn.SenseKeys(t.norm));
      uint64_t mask = 0;
      for (uint64_t k : *out.senses.back()) mask |= uint64_t{1} << (k % 64);
      out.sense_masks.push_back(mask);
    }
    if (i > 0 && t.cap && t.kind == text::TokenKind::kWord) out.names.push_back(Key(t.norm));
  }
  out.content_set = out.content;
  SortUnique(out.content_set);
  SortUnique(out.numbers);
  SortUnique(out.names);
  for (size_t n = 1; n <= 4; ++n) {
    auto& g = out.grams[n - 1];
    for (size_t i = 0; i + n <= out.stems.size(); ++i) {
      uint64_t h = out.stems[i];
      for (size_t k = 1; k < n; ++k) {  // order matters: "a b" is not "b a"
        h = h * 0x9e3779b97f4a7c15ull + out.stems[i + k];
        h ^= h >> 31;
      }
      g.push_back(h);
    }
    SortUnique(g);
  }
  out.trigrams = CharTrigrams(s);
  return out;
}

namespace {

// How many keys two sorted key sets share.
size_t Shared(const Ids& a, const Ids& b) {
  size_t n = 0;
  // Without branches: which side moves on is as good as random.
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    const uint64_t x = a[i], y = b[j];
    n += x == y;
    i += x <= y;
    j += y <= x;
  }
  return n;
}

double Dice(const Ids& a, const Ids& b) {
  if (a.empty() && b.empty()) return 0;
  return 2.0 * static_cast<double>(Shared(a, b)) / static_cast<double>(a.size() + b.size());
}

// How many of a's content words b has, by stem or WordNet synonym.
size_t SynonymsFound(const Statement& a, const Statement& b) {
  size_t found = 0;
  for (size_t i = 0; i < a.content.size(); ++i) {
    if (std::binary_search(b.content_set.begin(), b.content_set.end(), a.content[i])) {
      ++found;
      continue;
    }
    if (!a.sense_masks[i]) continue;
    for (size_t j = 0; j < b.senses.size(); ++j)
      if ((a.sense_masks[i] & b.sense_masks[j]) && lexicon::ShareSense(*a.senses[i], *b.senses[j])) {
        ++found;
        break;
      }
  }
  return found;
}

// The geometric mean of 1- to 4-gram precision, each side against the
// other, averaged over the two directions (smoothed by one).
double Bleu(const Statement& a, const Statement& b) {
  std::array<size_t, 4> hit{};
  for (size_t n = 0; n < 4; ++n) hit[n] = Shared(a.grams[n], b.grams[n]);
  double both = 0;
  for (const Statement* x : {&a, &b}) {
    double log_sum = 0;
    for (size_t n = 0; n < 4; ++n) log_sum += std::log((hit[n] + 1.0) / (x->grams[n].size() + 1.0));
    both += std::exp(log_sum / 4);
  }
  return both / 2;
}

double TreeValue(const SameModel::Tree& t, const PairFeatures& f) {
  size_t k = 0;
  while (k < 7)
    k = 2 * k + 1 + (t.feature[k] >= 0 && f[static_cast<size_t>(t.feature[k])] > t.cut[k] ? 1 : 0);
  return t.leaf[k - 7];
}

}  // namespace

const char* FeatureName(size_t k) { return k < kPairFeatures ? kNames[k] : ""; }

PairFeatures FeaturesOf(std::string_view a_text, std::string_view b_text) {
  return FeaturesOf(ReadStatement(a_text), ReadStatement(b_text));
}

PairFeatures FeaturesOf(const Statement& a, const Statement& b) {
  PairFeatures f{};
  const Ids &ca = a.content_set, &cb = b.content_set;
  const size_t shared = Shared(ca, cb);
  f[0] = Dice(ca, cb);
  double cov_a = ca.empty() ? 0 : static_cast<double>(shared) / ca.size();
  double cov_b = cb.empty() ? 0 : static_cast<double>(shared) / cb.size();
  f[1] = std::min(cov_a, cov_b);
  f[2] = std::max(cov_a, cov_b);
  const size_t found_a = SynonymsFound(a, b), found_b = SynonymsFound(b, a);
  f[3] = ((a.content.empty() ? 0 : static_cast<double>(found_a) / a.content.size()) +
          (b.content.empty() ? 0 : static_cast<double>(found_b) / b.content.size())) /
         2;
  f[4] = Dice(a.grams[1], b.grams[1]);
  f[5] = Dice(a.grams[2], b.grams[2]);
  const size_t numbers_both = Shared(a.numbers, b.numbers);
  if (!a.numbers.empty() || !b.numbers.empty()) {
    f[6] = static_cast<double>(numbers_both) / (a.numbers.size() + b.numbers.size() - numbers_both);
    f[7] = numbers_both < std::max(a.numbers.size(), b.numbers.size()) ? 1 : 0;
  }
  f[8] = Dice(a.names, b.names);
  const size_t unshared = a.names.size() + b.names.size() - 2 * Shared(a.names, b.names);
  f[9] = static_cast<double>(unshared) / std::max<size_t>(1, a.names.size() + b.names.size());
  f[10] = a.stems.empty() || b.stems.empty() ? 0
                                             : static_cast<double>(std::min(a.stems.size(), b.stems.size())) /
                                                   std::max(a.stems.size(), b.stems.size());
  f[11] = a.negated != b.negated ? 1 : 0;
  size_t shorter = std::min(a.content.size(), b.content.size());
  f[12] = shorter ? static_cast<double>(internal::Lcs(a.content, b.content)) / shorter : 0;
  f[13] = ca == cb ? 1 : 0;
  f[14] = Dice(a.grams[0], b.grams[0]);
  f[15] = std::log1p(static_cast<double>(std::max(ca.size(), cb.size())));
  const size_t left_a = a.content.size() - found_a, left_b = b.content.size() - found_b;
  f[16] = std::log1p(static_cast<double>(std::min(left_a, left_b)));
  f[17] = std::log1p(static_cast<double>(std::max(left_a, left_b)));
  f[18] = Dice(a.grams[3], b.grams[3]);
  f[19] = Dice(a.trigrams, b.trigrams);
  const size_t longer = std::max(a.stems.size(), b.stems.size());
  f[20] = longer ? static_cast<double>(internal::EditDistance(a.stems, b.stems)) / longer : 0;
  f[21] = std::log1p(static_cast<double>(a.numbers.size() + b.numbers.size() - 2 * numbers_both));
  f[22] = std::log1p(static_cast<double>(unshared));
  f[23] = Bleu(a, b);
  return f;
}

double SameModel::Margin(const PairFeatures& f) const {
  double z = bias;
  for (size_t k = 0; k < kPairFeatures; ++k) z += weight[k] * (f[k] - mean[k]) / scale[k];
  for (const auto& t : trees) z += TreeValue(t, f);
  return z;
}

double SameModel::ScoreFeatures(const PairFeatures& f) const { return 1 / (1 + std::exp(-Margin(f))); }

double SameModel::Score(std::string_view a, std::string_view b) const {
  return ScoreFeatures(FeaturesOf(a, b));
}

std::string SameModel::ToText() const {
  std::ostringstream o;
  o.precision(9);
  o << "crosscheck-same 2\nthreshold " << threshold << "\nbias " << bias << "\n";
  for (size_t k = 0; k < kPairFeatures; ++k)
    o << kNames[k] << ' ' << mean[k] << ' ' << scale[k] << ' ' << weight[k] << "\n";
  o << "trees " << trees.size() << "\n";
  for (const auto& t : trees) {
    for (size_t k = 0; k < 7; ++k) o << t.feature[k] << ' ' << t.cut[k] << ' ';
    for (size_t l = 0; l < 8; ++l) o << t.leaf[l] << (l == 7 ? "\n" : " ");
  }
  return o.str();
}

StatusOr<SameModel> SameModel::FromText(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string magic, version, word;
  SameModel m;
  if (!(in >> magic >> version) || magic != "crosscheck-same" || version != "2")
    return InvalidArgument("same model: not a crosscheck same model");
  if (!(in >> word >> m.threshold) || word != "threshold" || !(m.threshold > 0 && m.threshold < 1))
    return InvalidArgument("same model: bad threshold");
  if (!(in >> word >> m.bias) || word != "bias" || !std::isfinite(m.bias))
    return InvalidArgument("same model: bad bias");
  for (size_t k = 0; k < kPairFeatures; ++k) {
    if (!(in >> word >> m.mean[k] >> m.scale[k] >> m.weight[k]) || word != kNames[k] || !(m.scale[k] > 0) ||
        !std::isfinite(m.mean[k]) || !std::isfinite(m.weight[k]))
      return InvalidArgument("same model: bad line for " + std::string(kNames[k]));
  }
  size_t n = 0;
  if (!(in >> word >> n) || word != "trees" || n > 100000)
    return InvalidArgument("same model: bad tree count");
  m.trees.resize(n);
  for (auto& t : m.trees) {
    for (size_t k = 0; k < 7; ++k)
      if (!(in >> t.feature[k] >> t.cut[k]) || t.feature[k] < -1 ||
          t.feature[k] >= static_cast<int>(kPairFeatures) || !std::isfinite(t.cut[k]))
        return InvalidArgument("same model: bad tree node");
    for (size_t l = 0; l < 8; ++l)
      if (!(in >> t.leaf[l]) || !std::isfinite(t.leaf[l]))
        return InvalidArgument("same model: bad tree leaf");
  }
  return m;
}

const SameModel& SameModel::Default() { return internal::Embedded<SameModel>(internal::SameModelText()); }

namespace {
SameModel TrainLinear(const std::vector<PairFeatures>& x, const std::vector<int>& y, int steps) {
  SameModel m;
  const size_t n = x.size();
  const std::vector<PairFeatures> z = internal::Standardise(x, m.mean, m.scale);
  constexpr double kRate = 0.5, kL2 = 1e-3;
  for (int step = 0; step < steps && n; ++step) {
    PairFeatures grad{};
    double grad_b = 0;
    for (size_t i = 0; i < n; ++i) {
      double s = m.bias;
      for (size_t k = 0; k < kPairFeatures; ++k) s += m.weight[k] * z[i][k];
      double err = 1 / (1 + std::exp(-s)) - y[i];
      for (size_t k = 0; k < kPairFeatures; ++k) grad[k] += err * z[i][k];
      grad_b += err;
    }
    for (size_t k = 0; k < kPairFeatures; ++k) m.weight[k] -= kRate * (grad[k] / n + kL2 * m.weight[k]);
    m.bias -= kRate * grad_b / n;
  }
  return m;
}

// Candidate cuts per feature: up to 32 quantiles of its training values.
std::array<std::vector<double>, kPairFeatures> QuantileCuts(const std::vector<PairFeatures>& x) {
  std::array<std::vector<double>, kPairFeatures> cuts;
  std::vector<double> v(x.size());
  for (size_t k = 0; k < kPairFeatures; ++k) {
    for (size_t i = 0; i < x.size(); ++i) v[i] = x[i][k];
    std::sort(v.begin(), v.end());
    for (size_t q = 1; q < 32 && !v.empty(); ++q) {
      double c = v[q * (v.size() - 1) / 32];
      if (cuts[k].empty() || c > cuts[k].back()) cuts[k].push_back(c);
    }
  }
  return cuts;
}

// One tree fitted by Newton steps to gradients g and hessians h.
SameModel::Tree FitTree(const std::vector<PairFeatures>& x, const std::vector<double>& g,
                        const std::vector<double>& h,
                        const std::array<std::vector<double>, kPairFeatures>& cuts, double shrinkage) {
  constexpr double kLambda = 1, kMinHessian = 1;
  SameModel::Tree t;
  t.feature.fill(-1);
  std::vector<size_t> node(x.size(), 0);
  for (size_t k = 0; k < 7; ++k) {
    double sg = 0, sh = 0;
    for (size_t i = 0; i < x.size(); ++i)
      if (node[i] == k) sg += g[i], sh += h[i];
    double best = 0;
    for (size_t f = 0; f < kPairFeatures; ++f) {
      const auto& c = cuts[f];
      std::vector<double> bg(c.size() + 1, 0), bh(c.size() + 1, 0);  // by bin: values <= cut[b]
      for (size_t i = 0; i < x.size(); ++i) {
        if (node[i] != k) continue;
        size_t b = static_cast<size_t>(std::lower_bound(c.begin(), c.end(), x[i][f]) - c.begin());
        bg[b] += g[i], bh[b] += h[i];
      }
      double lg = 0, lh = 0;
      for (size_t b = 0; b < c.size(); ++b) {
        lg += bg[b], lh += bh[b];
        double rg = sg - lg, rh = sh - lh;
        if (lh < kMinHessian || rh < kMinHessian) continue;
        double gain = lg * lg / (lh + kLambda) + rg * rg / (rh + kLambda) - sg * sg / (sh + kLambda);
        if (gain > best + 1e-12) {
          best = gain;
          t.feature[k] = static_cast<int>(f);
          t.cut[k] = c[b];
        }
      }
    }
    for (size_t i = 0; i < x.size(); ++i)
      if (node[i] == k)
        node[i] =
            2 * k + 1 + (t.feature[k] >= 0 && x[i][static_cast<size_t>(t.feature[k])] > t.cut[k] ? 1 : 0);
  }
  std::array<double, 8> lg{}, lh{};
  for (size_t i = 0; i < x.size(); ++i) lg[node[i] - 7] += g[i], lh[node[i] - 7] += h[i];
  for (size_t l = 0; l < 8; ++l) t.leaf[l] = -shrinkage * lg[l] / (lh[l] + kLambda);
  return t;
}

}  // namespace

SameModel TrainSame(const std::vector<PairFeatures>& x, const std::vector<int>& y, int steps, int rounds) {
  SameModel m = TrainLinear(x, y, steps);
  const auto cuts = QuantileCuts(x);
  std::vector<double> margin(x.size()), g(x.size()), h(x.size());
  for (size_t i = 0; i < x.size(); ++i) margin[i] = m.Margin(x[i]);
  for (int r = 0; r < rounds && !x.empty(); ++r) {
    for (size_t i = 0; i < x.size(); ++i) {
      double p = 1 / (1 + std::exp(-margin[i]));
      g[i] = p - y[i];
      h[i] = std::max(p * (1 - p), 1e-6);
    }
    m.trees.push_back(FitTree(x, g, h, cuts, 0.1));
    for (size_t i = 0; i < x.size(); ++i) margin[i] += TreeValue(m.trees.back(), x[i]);
  }
  return m;
}

std::vector<PairFeatures> FeaturesOfPairs(const std::vector<LabelledPair>& pairs) {
  std::vector<PairFeatures> x;
  x.reserve(pairs.size());
  for (const auto& p : pairs) x.push_back(FeaturesOf(p.s1, p.s2));
  return x;
}

PairCounts Decisions(const SameModel& model, const std::vector<LabelledPair>& pairs,
                     const std::vector<PairFeatures>& x, size_t k, int fold) {
  PairCounts c;
  for (size_t i = 0; i < pairs.size() && i < x.size(); ++i) {
    if (pairs[i].label < 0 || (fold >= 0 && i % k != static_cast<size_t>(fold))) continue;
    bool said = model.ScoreFeatures(x[i]) >= model.threshold, same = pairs[i].label == 1;
    ++(said ? (same ? c.tp : c.fp) : (same ? c.fn : c.tn));
  }
  return c;
}

std::vector<PairCounts> CrossValidate(const std::vector<LabelledPair>& pairs,
                                      const std::vector<PairFeatures>& x, size_t k) {
  std::vector<PairCounts> out;
  for (size_t fold = 0; fold < k; ++fold) {
    std::vector<PairFeatures> tx;
    std::vector<int> ty;
    for (size_t i = 0; i < pairs.size() && i < x.size(); ++i)
      if (i % k != fold && pairs[i].label >= 0) {
        tx.push_back(x[i]);
        ty.push_back(pairs[i].label);
      }
    out.push_back(Decisions(TrainSame(tx, ty), pairs, x, k, static_cast<int>(fold)));
  }
  return out;
}

StatusOr<std::vector<LabelledPair>> ParseMsrp(std::string_view text, size_t max_pairs) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<LabelledPair> out;
  std::string_view line;
  for (Lines lines(text); lines.Next(line);) {
    const size_t line_no = lines.number();
    if (line.empty() || (line_no == 1 && line.starts_with("Quality"))) continue;
    std::vector<std::string_view> cols;
    for (size_t p = 0;;) {
      size_t t = line.find('\t', p);
      cols.push_back(line.substr(p, t == std::string_view::npos ? std::string_view::npos : t - p));
      if (t == std::string_view::npos) break;
      p = t + 1;
    }
    auto where = "line " + std::to_string(line_no) + ": ";
    if (cols.size() != 5) return InvalidInput(where + "expected 5 tab-separated columns");
    LabelledPair p;
    if (cols[0] == "1" || cols[0] == "0")
      p.label = cols[0] == "1" ? 1 : 0;
    else if (cols[0].empty() || cols[0] == "?")
      p.label = -1;
    else
      return InvalidInput(where + "quality is not 0 or 1");
    p.id1 = cols[1];
    p.id2 = cols[2];
    p.s1 = cols[3];
    p.s2 = cols[4];
    if (!text::IsValidUtf8(p.s1) || !text::IsValidUtf8(p.s2)) return InvalidInput(where + "not UTF-8");
    if (out.size() >= max_pairs) return InvalidInput("more than " + std::to_string(max_pairs) + " pairs");
    out.push_back(std::move(p));
  }
  if (out.empty()) return InvalidInput("no sentence pairs");
  return out;
}

}  // namespace crosscheck::statements
