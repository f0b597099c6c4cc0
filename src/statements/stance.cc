// Stance: features, the softmax model and its text form, FNC-1's files and
// score.
//
// Model text form:
//   crosscheck-stance 1
//   bias <agree> <disagree> <discuss> <unrelated>
//   <feature name> <mean> <scale> <w agree> <w disagree> <w discuss> <w unrelated>
#include "crosscheck/statements/stance.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <sstream>
#include <unordered_set>

#include "crosscheck/text/sentences.h"
#include "crosscheck/text/tokens.h"
#include "crosscheck/text/unicode.h"
#include "linear.h"
#include "model_data.h"

namespace crosscheck::statements {
namespace {

constexpr const char* kNames[kStanceFeatures] = {
    "claim_in_body",     "claim_in_opening",    "claim_in_best",    "bigrams_in_body",
    "bigrams_in_best",   "best_sentence_rank",  "claim_words_log",  "body_sentences_log",
    "refute_in_body",    "refute_near_claim",   "refute_in_claim",  "hedge_in_body",
    "hedge_near_claim",  "hedge_in_claim",      "confirm_in_body",  "confirm_near_claim",
    "negation_in_claim", "negation_near_claim", "negation_parity",  "question_in_claim",
    "claim_in_top3",     "numbers_shared",      "numbers_unshared", "claim_name_in_body"};

// General English cue words (stems, Snowball English).
const std::unordered_set<std::string>& Refuting() {
  static const std::unordered_set<std::string> s = {
      "fake",       "fraud",   "hoax",   "fals",       "deni",    "deny",    "debunk", "bogus",
      "refut",      "reject",  "rumor",  "rumour",     "satir",   "prank",   "untru",  "myth",
      "misleading", "dismiss", "disput", "contradict", "retract", "baseless"};
  return s;
}
const std::unordered_set<std::string>& Hedging() {
  static const std::unordered_set<std::string> s = {
      "report",  "reportedly", "alleg", "allegedly", "claim",  "accord",  "appar",     "apparently",
      "purport", "suggest",    "may",   "might",     "could",  "possibl", "unconfirm", "unverifi",
      "rumor",   "speculat",   "seem",  "believ",    "appear", "accus",   "suspect"};
  return s;
}
const std::unordered_set<std::string>& Confirming() {
  static const std::unordered_set<std::string> s = {"confirm", "announc", "offici", "reveal", "verifi",
                                                    "said",    "told",    "show",   "prove",  "admit"};
  return s;
}
bool Negation(const std::string& w) {
  return w == "not" || w == "no" || w == "never" || w == "n't" || w == "nor";
}

struct Claim {
  std::vector<std::string> content, words;
  std::set<std::string> numbers, names;
  bool question = false;
};

void Words(std::string_view s, std::vector<std::string>& content, std::vector<std::string>& words,
           std::set<std::string>* numbers = nullptr, std::set<std::string>* names = nullptr) {
  for (const auto& t : text::Tokenize(s, {0, static_cast<uint32_t>(s.size())})) {
    if (t.kind == text::TokenKind::kSymbol) continue;
    const std::string& stem = t.kind == text::TokenKind::kWord ? t.stem : t.norm;
    words.push_back(stem);
    if (!t.stop) content.push_back(stem);
    if (numbers && t.kind == text::TokenKind::kNumber) numbers->insert(t.norm);
    if (names && t.cap && !t.stop && t.kind == text::TokenKind::kWord) names->insert(stem);
  }
}

double Covered(const std::vector<std::string>& claim, const std::unordered_set<std::string>& in) {
  if (claim.empty()) return 0;
  size_t n = 0;
  for (const auto& w : claim) n += in.count(w);
  return static_cast<double>(n) / claim.size();
}

std::unordered_set<std::string> Bigrams(const std::vector<std::string>& w) {
  std::unordered_set<std::string> out;
  for (size_t i = 0; i + 1 < w.size(); ++i) out.insert(w[i] + ' ' + w[i + 1]);
  return out;
}

double CueCount(const std::vector<std::string>& words, const std::unordered_set<std::string>& cues) {
  size_t n = 0;
  for (const auto& w : words) n += cues.count(w);
  return static_cast<double>(n);
}

}  // namespace

const char* ToString(Stance s) {
  switch (s) {
    case Stance::kAgree:
      return "agree";
    case Stance::kDisagree:
      return "disagree";
    case Stance::kDiscuss:
      return "discuss";
    case Stance::kUnrelated:
      break;
  }
  return "unrelated";
}

ArticleView ReadArticle(std::string_view body) {
  ArticleView v;
  std::vector<Span> paragraphs;
  size_t b = 0;
  while (b < body.size()) {
    size_t e = body.find('\n', b);
    if (e == std::string_view::npos) e = body.size();
    if (e > b) paragraphs.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    b = e + 1;
  }
  for (const auto& s : text::SplitSentences(body, paragraphs)) {
    v.sentences.emplace_back();
    v.words.emplace_back();
    Words(s.span.In(body), v.sentences.back(), v.words.back());
  }
  return v;
}

StanceFeatures StanceFeaturesOf(std::string_view claim_text, const ArticleView& article) {
  Claim c;
  Words(claim_text, c.content, c.words, &c.numbers, &c.names);
  c.question = claim_text.find('?') != std::string_view::npos;
  StanceFeatures f{};
  std::unordered_set<std::string> body_stems, opening, top3, body_bigrams;
  std::vector<std::string> all_words;
  size_t words_seen = 0;
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    for (const auto& w : article.sentences[s]) {
      body_stems.insert(w);
      if (words_seen < 100) opening.insert(w);
      if (s < 3) top3.insert(w);
    }
    words_seen += article.words[s].size();
    for (const auto& g : Bigrams(article.words[s])) body_bigrams.insert(g);
    all_words.insert(all_words.end(), article.words[s].begin(), article.words[s].end());
  }
  f[0] = Covered(c.content, body_stems);
  f[1] = Covered(c.content, opening);
  // The sentence sharing most with the claim, and what surrounds it.
  size_t best = 0;
  double best_cov = -1;
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    std::unordered_set<std::string> in(article.sentences[s].begin(), article.sentences[s].end());
    double cov = Covered(c.content, in);
    if (cov > best_cov) {
      best_cov = cov;
      best = s;
    }
  }
  f[2] = std::max(0.0, best_cov);
  auto claim_bigrams = Bigrams(c.words);
  if (!claim_bigrams.empty()) {
    size_t n = 0;
    for (const auto& g : claim_bigrams) n += body_bigrams.count(g);
    f[3] = static_cast<double>(n) / claim_bigrams.size();
    if (!article.words.empty()) {
      auto bb = Bigrams(article.words[best]);
      size_t m = 0;
      for (const auto& g : claim_bigrams) m += bb.count(g);
      f[4] = static_cast<double>(m) / claim_bigrams.size();
    }
  }
  f[5] = article.sentences.empty() ? 1 : static_cast<double>(best) / article.sentences.size();
  f[6] = std::log1p(static_cast<double>(c.content.size()));
  f[7] = std::log1p(static_cast<double>(article.sentences.size()));
  std::vector<std::string> near;  // the best sentence and its neighbours
  for (size_t s = best == 0 ? 0 : best - 1; s < article.words.size() && s <= best + 1; ++s)
    near.insert(near.end(), article.words[s].begin(), article.words[s].end());
  const double body_len = std::max<size_t>(1, all_words.size());
  f[8] = 100 * CueCount(all_words, Refuting()) / body_len;
  f[9] = CueCount(near, Refuting());
  f[10] = CueCount(c.words, Refuting());
  f[11] = 100 * CueCount(all_words, Hedging()) / body_len;
  f[12] = CueCount(near, Hedging());
  f[13] = CueCount(c.words, Hedging());
  f[14] = 100 * CueCount(all_words, Confirming()) / body_len;
  f[15] = CueCount(near, Confirming());
  size_t neg_claim = 0, neg_near = 0;
  for (const auto& w : c.words) neg_claim += Negation(w);
  for (const auto& w : near) neg_near += Negation(w);
  f[16] = static_cast<double>(neg_claim);
  f[17] = static_cast<double>(neg_near);
  f[18] = (neg_claim % 2) != (neg_near % 2) ? 1 : 0;
  f[19] = c.question ? 1 : 0;
  f[20] = Covered(c.content, top3);
  std::unordered_set<std::string> body_all(all_words.begin(), all_words.end());
  size_t shared = 0;
  for (const auto& n : c.numbers) shared += body_all.count(n);
  f[21] = static_cast<double>(shared);
  f[22] = static_cast<double>(c.numbers.size() - shared);
  size_t names_in = 0;
  for (const auto& n : c.names) names_in += body_stems.count(n);
  f[23] = c.names.empty() ? 0 : static_cast<double>(names_in) / c.names.size();
  return f;
}

std::array<double, kStances> StanceModel::Probabilities(const StanceFeatures& f) const {
  std::array<double, kStances> z{};
  double top = -1e300;
  for (size_t c = 0; c < kStances; ++c) {
    z[c] = bias[c];
    for (size_t k = 0; k < kStanceFeatures; ++k) z[c] += weight[c][k] * (f[k] - mean[k]) / scale[k];
    top = std::max(top, z[c]);
  }
  double sum = 0;
  for (auto& v : z) sum += (v = std::exp(v - top));
  for (auto& v : z) v /= sum;
  return z;
}

Stance StanceModel::Predict(const StanceFeatures& f) const {
  auto p = Probabilities(f);
  return static_cast<Stance>(std::max_element(p.begin(), p.end()) - p.begin());
}

std::string StanceModel::ToText() const {
  std::ostringstream o;
  o.precision(9);
  o << "crosscheck-stance 1\nbias";
  for (double b : bias) o << ' ' << b;
  o << "\n";
  for (size_t k = 0; k < kStanceFeatures; ++k) {
    o << kNames[k] << ' ' << mean[k] << ' ' << scale[k];
    for (size_t c = 0; c < kStances; ++c) o << ' ' << weight[c][k];
    o << "\n";
  }
  return o.str();
}

StatusOr<StanceModel> StanceModel::FromText(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string magic, version, word;
  StanceModel m;
  if (!(in >> magic >> version) || magic != "crosscheck-stance" || version != "1")
    return InvalidArgument("stance model: not a crosscheck stance model");
  if (!(in >> word) || word != "bias") return InvalidArgument("stance model: no bias line");
  for (auto& b : m.bias)
    if (!(in >> b) || !std::isfinite(b)) return InvalidArgument("stance model: bad bias");
  for (size_t k = 0; k < kStanceFeatures; ++k) {
    if (!(in >> word >> m.mean[k] >> m.scale[k]) || word != kNames[k] || !(m.scale[k] > 0) ||
        !std::isfinite(m.mean[k]))
      return InvalidArgument("stance model: bad line for " + std::string(kNames[k]));
    for (size_t c = 0; c < kStances; ++c)
      if (!(in >> m.weight[c][k]) || !std::isfinite(m.weight[c][k]))
        return InvalidArgument("stance model: bad weight for " + std::string(kNames[k]));
  }
  return m;
}

const StanceModel& StanceModel::Default() {
  return internal::Embedded<StanceModel>(internal::StanceModelText());
}

StanceModel TrainStance(const std::vector<StanceFeatures>& x, const std::vector<Stance>& y, int steps) {
  // 0.5 measured better than 0 and 1 on both article folds of FNC-1's
  // training data, for relative score and macro-F1 alike.
  constexpr double kClassWeightPower = 0.5;
  StanceModel m;
  const size_t n = x.size();
  const std::vector<StanceFeatures> z = internal::Standardise(x, m.mean, m.scale);
  // Rare stances weigh more (by the square root of how rare they are), so
  // "disagree" is not drowned by "unrelated".
  std::array<double, kStances> count{}, class_weight{};
  for (Stance s : y) count[static_cast<size_t>(s)] += 1;
  for (size_t c = 0; c < kStances; ++c)
    class_weight[c] =
        count[c] > 0 ? std::pow(static_cast<double>(n) / (kStances * count[c]), kClassWeightPower) : 0;
  constexpr double kRate = 0.5, kL2 = 1e-4;
  for (int step = 0; step < steps && n; ++step) {
    std::array<StanceFeatures, kStances> grad{};
    std::array<double, kStances> grad_b{};
    for (size_t i = 0; i < n; ++i) {
      std::array<double, kStances> p{};
      double top = -1e300;
      for (size_t c = 0; c < kStances; ++c) {
        p[c] = m.bias[c];
        for (size_t k = 0; k < kStanceFeatures; ++k) p[c] += m.weight[c][k] * z[i][k];
        top = std::max(top, p[c]);
      }
      double sum = 0;
      for (auto& v : p) sum += (v = std::exp(v - top));
      const double w = class_weight[static_cast<size_t>(y[i])];
      for (size_t c = 0; c < kStances; ++c) {
        double err = w * (p[c] / sum - (static_cast<size_t>(y[i]) == c ? 1.0 : 0.0));
        for (size_t k = 0; k < kStanceFeatures; ++k) grad[c][k] += err * z[i][k];
        grad_b[c] += err;
      }
    }
    for (size_t c = 0; c < kStances; ++c) {
      for (size_t k = 0; k < kStanceFeatures; ++k)
        m.weight[c][k] -= kRate * (grad[c][k] / n + kL2 * m.weight[c][k]);
      m.bias[c] -= kRate * grad_b[c] / n;
    }
  }
  return m;
}

namespace {

// RFC 4180 records: fields split by commas, quoted fields may hold commas,
// doubled quotes and line breaks.
StatusOr<std::vector<std::vector<std::string>>> ParseCsv(std::string_view s, size_t max_records) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, was_quoted = false;
  size_t line = 1;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
      row.clear();
      ++line;
      if (rows.size() > max_records)
        return InvalidInput("more than " + std::to_string(max_records) + " records");
    } else {
      field += c;
    }
  }
  if (quoted)
    return InvalidInput("a quoted field opened before line " + std::to_string(line) + " never closes");
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

StatusOr<std::unordered_map<std::string, std::string>> ParseBodies(std::string_view csv) {
  CROSSCHECK_ASSIGN_OR_RETURN(auto rows, ParseCsv(csv, 1'000'000));
  if (rows.empty() || rows[0].size() < 2) return InvalidInput("expected a header: Body ID, articleBody");
  std::unordered_map<std::string, std::string> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != 2) return InvalidInput("record " + std::to_string(r + 1) + ": expected 2 fields");
    if (!text::IsValidUtf8(rows[r][1]))
      return InvalidInput("record " + std::to_string(r + 1) + ": not UTF-8");
    out[rows[r][0]] = std::move(rows[r][1]);
  }
  if (out.empty()) return InvalidInput("no bodies");
  return out;
}

StatusOr<std::vector<StanceItem>> ParseStances(std::string_view csv) {
  CROSSCHECK_ASSIGN_OR_RETURN(auto rows, ParseCsv(csv, 5'000'000));
  if (rows.empty() || rows[0].size() < 2)
    return InvalidInput("expected a header: Headline, Body ID[, Stance]");
  std::vector<StanceItem> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    auto where = "record " + std::to_string(r + 1) + ": ";
    if (row.size() < 2 || row.size() > 3) return InvalidInput(where + "expected 2 or 3 fields");
    StanceItem it;
    it.headline = row[0];
    it.body_id = row[1];
    if (!text::IsValidUtf8(it.headline)) return InvalidInput(where + "not UTF-8");
    if (row.size() == 3 && !row[2].empty()) {
      const std::string& s = row[2];
      for (size_t k = 0; k < kStances; ++k)
        if (s == ToString(static_cast<Stance>(k)) || s == std::to_string(k)) it.stance = static_cast<int>(k);
      if (it.stance < 0)
        return InvalidInput(
            where.append("stance \"").append(s).append("\" is not agree, disagree, discuss or unrelated"));
    }
    out.push_back(std::move(it));
  }
  if (out.empty()) return InvalidInput("no stances");
  return out;
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void StanceScores::Add(Stance gold, Stance predicted) {
  ++confusion[static_cast<size_t>(gold)][static_cast<size_t>(predicted)];
  const bool gold_related = gold != Stance::kUnrelated, pred_related = predicted != Stance::kUnrelated;
  best += gold_related ? 1.0 : 0.25;
  if (gold_related == pred_related) score += 0.25;
  if (gold_related && gold == predicted) score += 0.75;
}

double StanceScores::F1(Stance s) const {
  const size_t c = static_cast<size_t>(s);
  size_t tp = confusion[c][c], fp = 0, fn = 0;
  for (size_t k = 0; k < kStances; ++k) {
    if (k == c) continue;
    fp += confusion[k][c];
    fn += confusion[c][k];
  }
  return tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0;
}

double StanceScores::MacroF1() const {
  double sum = 0;
  for (size_t k = 0; k < kStances; ++k) sum += F1(static_cast<Stance>(k));
  return sum / kStances;
}

}  // namespace crosscheck::statements
