// Claims and stances. Every attribution (quotes included) gets a stance from
// its cue and its content: a denial cue ("denied", "rejected", "dismissed")
// or words of fabrication ("fabrication", "lies", "no such", "baseless")
// make it a denial; doubt ("possible", "maybe", "unclear", "no independent
// information") makes it a question; an assertion or speech cue otherwise
// asserts. Assertions whose contents are similar form one claim. Denials and
// questions then attach to the claim they resemble most, and anaphoric ones
// ("rejected the accusation", "denied the claims") to the most widely
// asserted claim of their own article, else of the event. Contested claims
// come first. What the outlets say about evidence (sentences about
// "evidence" or "proof", negated or not) is attached to the claim it
// resembles, else to the leading claim.
#include "claims.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "crosscheck/average_link.h"
#include "crosscheck/union_find.h"

namespace crosscheck::analysis::internal {
namespace {

const char* Name(Stance s) {
  switch (s) {
    case Stance::kAsserts:
      return "asserts";
    case Stance::kDenies:
      return "denies";
    case Stance::kQuestions:
      return "questions";
    default:
      return "";
  }
}

bool HasStem(const std::vector<text::Token>& toks, Span span, std::initializer_list<std::string_view> stems) {
  for (const auto& t : toks) {
    if (!span.Contains(t.span)) continue;
    for (auto s : stems)
      if (t.stem == s || t.norm == s) return true;
  }
  return false;
}

// "possible" or "maybe" as doubt ("it is possible that", "possibly",
// "maybe"): not "a possible arson" or "for possible campaign finance
// violations", a possibility named before its noun, which the speaker puts
// forward; nor "maybe" grading an amount ("closer, maybe very close",
// "maybe 30 people").
bool Hedges(const std::vector<text::Token>& toks, Span span) {
  static const std::set<std::string_view> kCopula = {"is", "was",  "are",   "were",   "be",   "been",
                                                     "'s", "it's", "seems", "seemed", "seem", "appears"};
  static const std::set<std::string_view> kDegree = {"very", "even", "more", "less", "much",
                                                     "so",   "too",  "as",   "twice"};
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!span.Contains(toks[i].span) || (toks[i].stem != "possibl" && toks[i].stem != "mayb")) continue;
    const text::Token* next = i + 1 < toks.size() ? &toks[i + 1] : nullptr;
    const bool named = toks[i].norm == "possible" && i > 0 && !kCopula.count(toks[i - 1].norm) && next &&
                       next->IsWord() && !next->stop;
    const bool grades = toks[i].norm == "maybe" && next &&
                        (next->kind == text::TokenKind::kNumber || kDegree.count(next->norm));
    if (!named && !grades) return true;
  }
  return false;
}

// "question" or "whether" as doubt: not questions someone asks, answers or
// takes ("will ask the minister some hard questions"), nor "whether"
// setting out alternatives ("whether you're a Democrat or a Republican").
bool RaisesQuestion(const std::vector<text::Token>& toks, Span span) {
  for (size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    if (!span.Contains(t.span)) continue;
    // ("questionable purchases" shares the stem but doubts no claim)
    if ((t.stem == "question" || t.norm == "question") && t.norm != "questionable" &&
        t.norm != "unquestionable" && t.norm != "unquestionably") {
      bool handled = false;
      for (size_t k = i >= 5 ? i - 5 : 0; k < i; ++k)
        for (std::string_view v : {"ask", "answer", "take", "took", "field", "respond"})
          handled |= toks[k].stem == v || toks[k].norm == v;
      // "on the question of why ...": a topic, unless "of whether" doubts.
      const bool topic = i > 0 && toks[i - 1].norm == "the" && i + 1 < toks.size() &&
                         toks[i + 1].norm == "of" && !(i + 2 < toks.size() && toks[i + 2].norm == "whether");
      if (!handled && !topic) return true;
    } else if (t.norm == "whether") {
      bool alternatives = false;
      for (size_t k = i + 1; k < toks.size() && k <= i + 8 && span.Contains(toks[k].span); ++k)
        alternatives |= toks[k].norm == "or";
      // Doubt goes before it ("wondered whether", "not sure whether", "a
      // concern is whether", "too early to say whether");
      // knowing, seeing or determining whether is an inquiry ("did not
      // know whether they had talked", "to see whether the city does
      // business with them"). Question and doubt words count on their own.
      bool doubt = false;
      for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) {
        const auto& w = toks[k].norm;
        const bool negated = k > 0 && (toks[k - 1].norm == "not" || toks[k - 1].norm.ends_with("n't") ||
                                       toks[k - 1].norm == "never");
        doubt |= w.starts_with("wonder") || w.starts_with("concern") || w == "unsure" || w == "early" ||
                 (negated && (w == "sure" || w == "certain" || w == "clear"));
      }
      if (!alternatives && doubt) return true;
    }
  }
  return false;
}

// Words of doubt ("doubts", "unclear", "skeptical"), unless a negation
// turns them into certainty ("no doubt", "without a doubt", "never
// doubted", "beyond doubt").
bool Doubts(const std::vector<text::Token>& toks, Span span) {
  for (size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    if (!span.Contains(t.span)) continue;
    bool doubt = false;
    for (std::string_view s :
         {"unclear", "doubt", "uncertainti", "uncertain", "skeptic", "sceptic", "unverifi"})
      doubt |= t.stem == s || t.norm == s;
    if (!doubt) continue;
    bool negated = false;
    for (size_t k = i >= 2 ? i - 2 : 0; k < i; ++k) {
      const auto& n = toks[k].norm;
      negated |= n == "no" || n == "not" || n == "never" || n == "without" || n == "little" ||
                 n == "beyond" || n.ends_with("n't");
    }
    if (!negated) return true;
  }
  return false;
}

// The words of an attribution's content.
std::vector<const text::Token*> ContentWords(const extract::Document& doc, const extract::Attribution& a) {
  std::vector<const text::Token*> words;
  for (const auto& t : doc.tokens[a.sentence])
    if (a.content.Contains(t.span) && t.IsWord()) words.push_back(&t);
  return words;
}

// A question that asks for information or a favour rather than doubting
// something: "asked Rubio what he thought", "asked Hunter how his
// campaign was going", "asked her if she could comment".
bool AsksForInformation(const extract::Document& doc, const extract::Attribution& a) {
  if (a.direct || a.cue_kind != lexicon::Cue::kQuestion) return false;
  static const std::set<std::string_view> kObject = {"him", "her", "them", "us", "me", "it", "you"};
  const std::vector<const text::Token*> words = ContentWords(doc, a);
  size_t k = 0;  // past the one asked
  while (k < words.size() && k < 4 && (words[k]->cap || kObject.count(words[k]->norm))) ++k;
  if (k >= words.size()) return false;
  const std::string& w = words[k]->norm;
  if (w == "what" || w == "how" || w == "who" || w == "when" || w == "where" || w == "which") return true;
  if ((w == "if" || w == "whether") && k + 2 < words.size()) {
    const std::string& modal = words[k + 2]->norm;
    return modal == "could" || modal == "would" || modal == "can" || modal == "will";
  }
  return false;
}

// "false", "fake", "baseless", "untrue" said of something told ("the claims
// are false", "dismissed as baseless", "false allegations", "fake news",
// "falsely promised"), not of a thing someone is charged with making
// ("filing false records", "false statements to the FBI").
bool CallsFalse(const std::vector<text::Token>& toks, Span span) {
  for (size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    if (!span.Contains(t.span)) continue;
    bool word = false;
    for (std::string_view s : {"fals", "fake", "baseless", "groundless", "untru"}) word |= t.stem == s;
    if (!word) continue;
    if (t.norm.ends_with("ly")) return true;  // "falsely promised", "falsely claimed"
    const text::Token* next = i + 1 < toks.size() ? &toks[i + 1] : nullptr;
    if (!next || !next->IsWord() || next->stop || next->norm == "and" || next->norm == "or") return true;
    for (std::string_view told : {"claim", "allegat", "accus", "report", "stori", "charg", "news", "narrat",
                                  "rumor", "rumour", "assert", "account", "premis", "promis"})
      if (next->norm.starts_with(told) || next->stem == told) return true;
  }
  return false;
}

bool HasPhrase(const std::vector<text::Token>& toks, Span span, std::string_view a, std::string_view b) {
  for (size_t i = 0; i + 1 < toks.size(); ++i)
    if (span.Contains(toks[i].span) && toks[i].norm == a && toks[i + 1].norm == b) return true;
  return false;
}

// "fabricated", "a fabrication" (whose stem is "fabric": "the fabric of
// the relationship" is none).
bool Fabricated(const std::vector<text::Token>& toks, Span span) {
  for (const auto& t : toks)
    if (span.Contains(t.span) && t.norm.starts_with("fabricat")) return true;
  return false;
}

bool Negated(const std::vector<text::Token>& toks, Span span) {
  for (const auto& t : toks) {
    if (!span.Contains(t.span)) continue;
    if (t.norm == "no" || t.norm == "not" || t.norm == "without" || t.norm == "never" ||
        t.norm.ends_with("n't") || t.norm == "lack" || t.norm == "lacked" || t.norm == "unclear" ||
        t.norm == "failed" || t.norm == "nor")
      return true;
  }
  return false;
}

// Whether a negation stands within two words before the cue ("does not
// deny", "never disputed"): a denial the source does not make.
bool CueNegated(const std::vector<text::Token>& toks, Span cue) {
  size_t k = 0;
  while (k < toks.size() && toks[k].span.begin < cue.begin) ++k;
  return k > 0 && Negated(toks, {toks[k >= 2 ? k - 2 : 0].span.begin, toks[k - 1].span.end});
}

Stance StanceOf(const extract::Document& doc, const extract::Attribution& a) {
  const auto& toks = doc.tokens[a.sentence];
  const bool negated_cue = CueNegated(toks, a.cue_span);
  if (a.cue_kind == lexicon::Cue::kDeny && !negated_cue) return Stance::kDenies;
  // The content up to another attribution nested in it ("..., an allegation
  // Ukraine dismissed as baseless" belongs to Ukraine, not to the accuser).
  Span scope = a.content;
  if (!a.direct) {
    bool first = true;
    const text::Token* prev = nullptr;
    for (const auto& t : toks) {
      if (!scope.Contains(t.span)) {
        prev = &t;
        continue;
      }
      if (!first && !t.cap && lexicon::CueOf(t.norm) != lexicon::Cue::kNone &&
          !(prev && lexicon::IsDeterminer(prev->norm))) {
        std::string_view before = doc.text().substr(scope.begin, t.span.begin - scope.begin);
        size_t comma = before.rfind(',');
        scope.end =
            comma != std::string_view::npos ? scope.begin + static_cast<uint32_t>(comma) : t.span.begin;
        break;
      }
      first = false;
      prev = &t;
    }
  }
  // "lies" and "a lie", not "the lying and stealing" (the stem of "lying")
  // nor "directed Cohen to lie" (what someone was told to do).
  bool lie = false;
  for (size_t i = 0; i < toks.size(); ++i)
    lie |= scope.Contains(toks[i].span) && (toks[i].norm == "lie" || toks[i].norm == "lies") &&
           !(i > 0 && toks[i - 1].norm == "to");
  if (lie || Fabricated(toks, scope) || CallsFalse(toks, scope) ||
      HasStem(toks, scope, {"hoax", "invent", "nonsens", "absurd", "disinform", "slander"}) ||
      HasPhrase(toks, scope, "no", "such") || HasPhrase(toks, scope, "not", "true") ||
      HasPhrase(toks, scope, "never", "happened"))
    return Stance::kDenies;
  // In a speaker's own words, "whether", "question", "possible" and "maybe"
  // are rhetoric more often than doubt ("you won't have to wonder whether
  // I can do it", "if possible, we will").
  if (AsksForInformation(doc, a)) return Stance::kNone;
  if (a.cue_kind == lexicon::Cue::kQuestion || Doubts(toks, scope) ||
      (!a.direct && (Hedges(toks, scope) || RaisesQuestion(toks, scope))) ||
      HasPhrase(toks, scope, "no", "independent") || HasPhrase(toks, scope, "find", "out") ||
      HasPhrase(toks, scope, "not", "clear"))
    return Stance::kQuestions;
  if (a.cue_kind == lexicon::Cue::kAssert || a.cue_kind == lexicon::Cue::kSay) return Stance::kAsserts;
  return Stance::kNone;
}

bool Anaphoric(const extract::Document& doc, const extract::Attribution& a) {
  const auto& toks = doc.tokens[a.sentence];
  Span sent = doc.sentences[a.sentence].span;
  // "denied it", "rejected that, saying ...": a pronoun object right after the cue.
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    if (toks[i].span != a.cue_span) continue;
    const auto& next = toks[i + 1];
    if (next.norm == "it" || next.norm == "this" || next.norm == "them") return true;
    if (next.norm == "that") {
      std::string_view after = doc.text().substr(next.span.end, 1);
      if (after == "," || after == "." || i + 2 == toks.size()) return true;
    }
  }
  // A noun naming what was said ("the claims", "the allegation", "the
  // critique") or a word describing it ("the alleged attack"), not a verb
  // ("reported by Fox", "claimed").
  for (size_t i = 0; i < toks.size(); ++i) {
    const auto& t = toks[i];
    if (!sent.Contains(t.span)) continue;
    if ((t.norm.ends_with("ed") || t.norm.ends_with("ing")) &&
        !(i > 0 && lexicon::IsDeterminer(toks[i - 1].norm)))
      continue;
    // "rejected claims that he had betrayed them": the clause after the
    // noun says which claim; it is matched like any other content.
    if (i + 2 < toks.size() && toks[i + 1].norm == "that" && sent.Contains(toks[i + 2].span)) continue;
    for (std::string_view s : {"claim", "allegat", "alleg", "accus", "stori", "charg", "assert", "version",
                               "account", "statement", "assur", "report", "critiqu"})
      if (t.stem == s || t.norm == s) return true;
    if (t.norm == "criticism" || t.norm == "criticisms") return true;
  }
  return HasPhrase(toks, sent, "such", "strike") || HasPhrase(toks, sent, "such", "attack") ||
         HasPhrase(toks, sent, "such", "operation") || HasPhrase(toks, sent, "such", "incident");
}

// Whether two sorted feature lists share a key: a sentence sharing none
// with a claim is not worth a similarity.
bool SharesAKey(const std::vector<Feature>& a, const std::vector<Feature>& b) {
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].id == b[j].id) return true;
    if (a[i].id < b[j].id)
      ++i;
    else
      ++j;
  }
  return false;
}

// "Russia and Ukraine traded accusations": the speaker is one of two joined
// by "and", so no one actor holds the position.
bool Coordinated(const extract::Document& doc, const extract::Attribution& a) {
  if (a.speaker.find(" and ") != std::string::npos) return true;
  const auto& toks = doc.tokens[a.sentence];
  for (size_t i = 1; i < toks.size(); ++i)
    if (toks[i].span.begin == a.speaker_span.begin)
      return toks[i - 1].norm == "and" && i >= 2 && toks[i - 2].cap;
  return false;
}

// "recalled when he was campaigning", "explained how it works": what is
// told is an event or a manner, not something held true or false (a
// question cue asks one: "asked how").
bool TellsNoProposition(const extract::Document& doc, const extract::Attribution& a) {
  if (a.direct || a.cue_kind == lexicon::Cue::kQuestion) return false;
  for (const auto& t : doc.tokens[a.sentence])
    if (a.content.Contains(t.span)) return t.norm == "when" || t.norm == "how" || t.norm == "where";
  return false;
}

// Whether an attribution tells someone to do a thing rather than saying
// something: an infinitive ("urged to wait") or an object with one
// ("urged Mr. Trump not to declare", "told them to leave").
bool Instructs(const extract::Document& doc, const extract::Attribution& a) {
  if (a.direct) return false;
  const std::vector<const text::Token*> words = ContentWords(doc, a);
  if (words.empty()) return false;
  if (words[0]->norm == "to") return true;
  // An object opening the content (names, object pronouns, determiners),
  // then "to" or "not to" and a verb.
  static const std::set<std::string_view> kObject = {"him", "her", "them", "us", "me", "it"};
  for (size_t k = 0; k < words.size() && k <= 4; ++k) {
    const auto& w = *words[k];
    if (w.norm == "to" || (w.norm == "not" && k + 1 < words.size() && words[k + 1]->norm == "to")) {
      const size_t verb = w.norm == "to" ? k + 1 : k + 2;
      return k > 0 && verb < words.size() && !words[verb]->cap;
    }
    if (!(w.cap || kObject.count(w.norm) || lexicon::IsDeterminer(w.norm))) break;
  }
  return false;
}

// Whether an attribution's content reads as a statement of its own: not
// the object of a preposition ("accused him of trying to"), nor an
// instruction.
bool ReadsAsStatement(const extract::Document& doc, const extract::Attribution& a) {
  if (a.direct) return true;
  const std::vector<const text::Token*> words = ContentWords(doc, a);
  if (words.empty() || lexicon::IsPreposition(words[0]->norm)) return false;
  return !Instructs(doc, a);
}

// "“...,” Christie said, according to the AP", "Steele said the department
// was treating it as arson, the Anchorage Daily News reported" and "In
// January, Trump asserted he had the right, according to CNN": the source
// reports someone's words; their speaker holds the claim. What it reports
// must open with that speaker's saying it: "according to a Kremlin aide,
// Putin raised the attack in a call, saying ..." is the aide's account.
bool ReportsAQuote(const extract::Document& doc, const extract::Attribution& a) {
  const bool according = a.cue == "according";
  const bool reported = a.cue == "reported" || a.cue == "reports" || a.cue == "report";
  if (a.direct || (!according && !reported)) return false;
  const auto& toks = doc.tokens[a.sentence];
  auto opens_with = [&](const extract::Attribution& q) {
    if (q.speaker_span.empty() || q.speaker_span.begin > q.cue_span.begin || q.cue.ends_with("ing") ||
        Instructs(doc, q))
      return false;
    size_t before = 0;  // words of the report before the speaker ("In January,")
    for (const auto& t : toks)
      before += t.span.begin >= a.content.begin && t.span.end <= q.speaker_span.begin;
    return before <= 8;  // a title may come first ("Fire Department Chief James Steele")
  };
  for (const auto& q : doc.attributions) {
    if (&q == &a || q.speaker.empty()) continue;
    if (q.direct ? q.content.begin < a.content.end && a.content.begin < q.content.end
                 : q.sentence == a.sentence && a.content.Contains(q.cue_span) && opens_with(q))
      return true;
  }
  return false;
}

}  // namespace

// A claim's wording without a dangling end: an attribution's content can
// stop before the words that name its source ("234 miles of border wall, a
// senior official said" gives "... border wall, a"), so trailing
// determiners, conjunctions and prepositions go, then a trailing comma.
std::string TrimClaim(std::string s) {
  static const std::set<std::string_view> kDangling = {"a",  "an", "the", "and", "or",  "but",  "of", "to",
                                                       "in", "on", "at",  "by",  "for", "with", "as", "that"};
  for (;;) {
    while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';' || s.back() == ':'))
      s.pop_back();
    size_t space = s.rfind(' ');
    if (space == std::string::npos) break;
    std::string last = s.substr(space + 1);
    for (auto& ch : last) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!kDangling.count(last)) break;
    s.resize(space);
  }
  return s;
}

std::vector<Item> CollectItems(const Context& c) {
  std::vector<Item> items;
  for (int d = 0; d < static_cast<int>(c.x.documents.size()); ++d) {
    const auto& doc = c.Doc(d);
    for (int k = 0; k < static_cast<int>(doc.attributions.size()); ++k) {
      const auto& a = doc.attributions[k];
      if (a.speaker.empty() || Coordinated(doc, a) || TellsNoProposition(doc, a) || ReportsAQuote(doc, a))
        continue;
      Item it;
      it.doc = d;
      it.att = k;
      it.stance = StanceOf(doc, a);
      if (it.stance == Stance::kNone) continue;
      it.features = c.FeaturesOf(d, a.content);
      it.actor = a.entity >= 0 ? c.x.entities[a.entity].name : FoldSpace(a.speaker);
      if (a.entity < 0 &&
          (a.speaker == "he" || a.speaker == "He" || a.speaker == "she" || a.speaker == "She"))
        continue;
      items.push_back(std::move(it));
    }
  }
  return items;
}

size_t OutletsOf(const std::vector<Item>& items, const std::vector<int>& group) {
  std::set<int> d;
  for (int i : group) d.insert(items[i].doc);
  return d.size();
}

std::vector<int> ByOutlets(const std::vector<Item>& items, const std::vector<std::vector<int>>& claims) {
  std::vector<int> order(claims.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return OutletsOf(items, claims[a]) > OutletsOf(items, claims[b]); });
  return order;
}

std::vector<std::vector<int>> GroupAssertions(const Context& c, const std::vector<Item>& items,
                                              const std::vector<std::pair<int, int>>& sharing) {
  const ClaimOptions& o = c.options.claims;
  // Group assertions into claims by average link. Only indirect speech
  // opens a claim; a quote can join one.
  auto asserting = [&](int i) {
    return items[i].stance == Stance::kAsserts && items[i].features.size() >= 3;
  };
  std::vector<Link> links;
  for (auto [i, j] : sharing) {
    if (!asserting(i) || !asserting(j)) continue;
    double s = c.Similarity(items[i].features, items[j].features);
    if (s >= o.same_claim) links.push_back({s, i, j});
  }
  AverageLinkRules rules;
  rules.threshold = o.same_claim;
  rules.similarity = [&](int x, int y) { return c.Similarity(items[x].features, items[y].features); };
  rules.opens = [&](int i) { return asserting(i) && !c.Doc(items[i].doc).attributions[items[i].att].direct; };
  std::vector<std::vector<int>> claims = MergeByAverageLink(items.size(), std::move(links), rules);
  // Groups joined by two strong links are one claim worded two ways (a
  // loose member can keep the average low while the core is the same). A
  // strong link: the shorter of two members is mostly covered by the longer.
  {
    std::vector<int> claim_index(items.size(), -1);
    for (size_t g = 0; g < claims.size(); ++g)
      for (int x : claims[g]) claim_index[x] = static_cast<int>(g);
    std::map<std::pair<int, int>, int> strong;
    for (auto [x, y] : sharing) {
      int a = claim_index[x], b = claim_index[y];
      if (a < 0 || b < 0 || a == b) continue;
      const auto& fx = items[x].features;
      const auto& fy = items[y].features;
      const auto& shorter = fx.size() <= fy.size() ? fx : fy;
      const auto& longer = &shorter == &fx ? fy : fx;
      if (shorter.size() >= o.strong_min_features && c.Coverage(shorter, longer) >= o.strong_link)
        ++strong[{std::min(a, b), std::max(a, b)}];
    }
    UnionFind groups(claims.size());
    for (const auto& [ab, n] : strong)
      if (static_cast<size_t>(n) >= o.strong_links) groups.Union(ab.first, ab.second);
    std::vector<std::vector<int>> merged(claims.size());
    for (size_t g = 0; g < claims.size(); ++g) {
      auto& into = merged[groups.Find(static_cast<int>(g))];
      into.insert(into.end(), claims[g].begin(), claims[g].end());
    }
    std::erase_if(merged, [](const std::vector<int>& g) { return g.empty(); });
    claims = std::move(merged);
  }
  return claims;
}

std::vector<std::vector<int>> AttachResponses(const Context& c, const std::vector<Item>& items,
                                              const std::vector<std::vector<int>>& claims,
                                              const std::vector<std::pair<int, int>>& sharing) {
  const ClaimOptions& o = c.options.claims;
  auto docs_of = [&](const std::vector<int>& g) { return OutletsOf(items, g); };
  const std::vector<int> order = ByOutlets(items, claims);
  // Attach denials and questions: an anaphoric one ("rejected the
  // accusation") to its article's leading claim, others to the claim they
  // resemble most (among claims sharing a feature with them).
  std::vector<std::vector<int>> responses(claims.size());
  std::vector<int> claim_of(items.size(), -1);
  for (size_t g = 0; g < claims.size(); ++g)
    for (int i : claims[g]) claim_of[i] = static_cast<int>(g);
  std::vector<std::vector<int>> neighbours(items.size());
  for (auto [i, j] : sharing) {
    neighbours[i].push_back(j);
    neighbours[j].push_back(i);
  }
  // A claim its own actor asserts is not one they dispute: "rejects calls
  // for a wage rise, saying his plan will ..." or a speaker's later "I
  // don't know whether" qualify their words, and a dispute needs two sides.
  // (Telling someone to do a thing, "told Kern to lie", states nothing:
  // its teller may still deny the report of it.)
  std::vector<bool> states(items.size());
  for (size_t j = 0; j < items.size(); ++j)
    states[j] = !Instructs(c.Doc(items[j].doc), c.Doc(items[j].doc).attributions[items[j].att]);
  auto own = [&](int i, int g) {
    for (int j : claims[g])
      if (states[j] && items[j].actor == items[i].actor) return true;
    return false;
  };
  for (int i = 0; i < static_cast<int>(items.size()); ++i) {
    if (items[i].stance == Stance::kAsserts) continue;
    int best = -1;
    if (Anaphoric(c.Doc(items[i].doc), c.Doc(items[i].doc).attributions[items[i].att])) {
      // The claim most likely meant by "the accusation": one that was
      // alleged (claimed, accused, insisted) rather than merely said, widely
      // reported, and asserted shortly before in the same article.
      const auto& ra = c.Doc(items[i].doc).attributions[items[i].att];
      double best_score = -1;
      for (int g : order) {
        if (own(i, g)) continue;
        int nearest = -1;
        bool alleged = false;
        for (int j : claims[g]) {
          const auto& ca = c.Doc(items[j].doc).attributions[items[j].att];
          alleged |= ca.cue_kind == lexicon::Cue::kAssert;
          if (items[j].doc == items[i].doc && ca.sentence <= ra.sentence)
            nearest = std::max(nearest, static_cast<int>(ca.sentence));
        }
        double score = (alleged ? 3.0 : 0.0) + static_cast<double>(docs_of(claims[g])) +
                       (nearest >= 0 ? 1.0 / (1.0 + ra.sentence - nearest) : 0.0);
        if (score > best_score) {
          best_score = score;
          best = g;
        }
      }
    } else {
      double best_sim = o.related;
      for (int j : neighbours[i]) {
        if (claim_of[j] < 0 || own(i, claim_of[j])) continue;
        double s = c.Similarity(items[i].features, items[j].features);
        if (s > best_sim) {
          best_sim = s;
          best = claim_of[j];
        }
      }
      if (best < 0 && !own(i, order.front())) {
        for (int j : claims[order.front()])
          if (c.Similarity(items[i].features, items[j].features) >= o.lead_related) {
            best = order.front();
            break;
          }
      }
    }
    if (best >= 0) responses[best].push_back(i);
  }
  return responses;
}

std::vector<int> KeepClaims(const Context& c, const std::vector<Item>& items,
                            const std::vector<std::vector<int>>& claims,
                            const std::vector<std::vector<int>>& responses) {
  const ClaimOptions& o = c.options.claims;
  auto docs_of = [&](const std::vector<int>& g) { return OutletsOf(items, g); };
  const std::vector<int> order = ByOutlets(items, claims);
  // Keep claims that are contested or asserted by two or more outlets.
  std::vector<int> kept;
  for (int g : order)
    if (!responses[g].empty() || docs_of(claims[g]) >= 2) kept.push_back(g);
  std::stable_sort(kept.begin(), kept.end(), [&](int a, int b) {
    bool ca = false, cb = false;
    for (int i : responses[a]) ca |= items[i].stance == Stance::kDenies;
    for (int i : responses[b]) cb |= items[i].stance == Stance::kDenies;
    if (ca != cb) return ca;
    return docs_of(claims[a]) + responses[a].size() > docs_of(claims[b]) + responses[b].size();
  });
  if (kept.size() > o.max_claims) kept.resize(o.max_claims);

  return kept;
}

std::vector<std::vector<Evidence>> EvidenceOf(const Context& c, const std::vector<Item>& items,
                                              const std::vector<std::vector<int>>& claims,
                                              const std::vector<int>& kept) {
  const ClaimOptions& o = c.options.claims;
  // Evidence sentences.
  std::vector<std::pair<SentenceRef, bool>> evidence;  // (sentence, negated)
  for (int d = 0; d < static_cast<int>(c.x.documents.size()); ++d) {
    const auto& doc = c.Doc(d);
    for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s)
      if (HasStem(doc.tokens[s], doc.sentences[s].span,
                  {"evid", "proof", "prove", "substanti", "verifi", "corrobor"}))
        evidence.push_back({{d, s}, Negated(doc.tokens[s], doc.sentences[s].span)});
  }
  std::vector<std::vector<int>> evidence_of(kept.size());
  for (int e = 0; e < static_cast<int>(evidence.size()); ++e) {
    int best = kept.empty() ? -1 : 0;
    double best_sim = o.evidence;
    for (int k = 0; k < static_cast<int>(kept.size()); ++k)
      for (int j : claims[kept[k]]) {
        double s = c.Similarity(c.features[evidence[e].first.doc][evidence[e].first.sent], items[j].features);
        if (s > best_sim) {
          best_sim = s;
          best = k;
        }
      }
    if (best >= 0) evidence_of[best].push_back(e);
  }

  std::vector<std::vector<Evidence>> out(kept.size());
  for (size_t k = 0; k < kept.size(); ++k)
    for (int e : evidence_of[k]) out[k].push_back({evidence[e].first, evidence[e].second});
  return out;
}

Claim RenderClaim(const Context& c, const std::vector<Item>& items, const std::vector<int>& members,
                  const std::vector<int>& responses, const std::vector<Evidence>& evidence, int index) {
  Claim out;
  out.id = "k" + std::to_string(index + 1);
  // The claim's wording: the most central assertion that reads as a
  // statement, not as the rest of its cue's phrase ("of trying to squelch
  // testimony" after "accused", "Mr. Trump not to declare" after "urged").
  std::vector<int> statements;
  for (int i : members)
    if (ReadsAsStatement(c.Doc(items[i].doc), c.Doc(items[i].doc).attributions[items[i].att]))
      statements.push_back(i);
  const std::vector<int>& candidates = statements.empty() ? members : statements;
  int rep = candidates.front();
  double best = -1;
  for (int i : candidates) {
    double sum = 0;
    for (int j : members)
      if (i != j) sum += c.Similarity(items[i].features, items[j].features);
    if (sum > best) {
      best = sum;
      rep = i;
    }
  }
  out.claim = TrimClaim(
      FoldSpace(c.Doc(items[rep].doc).Text(c.Doc(items[rep].doc).attributions[items[rep].att].content)));
  // Positions by actor and stance, in order of first appearance.
  std::map<std::pair<std::string, Stance>, int> position_of;
  std::vector<int> all = members;
  all.insert(all.end(), responses.begin(), responses.end());
  std::vector<std::vector<int>> pos_docs;
  for (int i : all) {
    auto key = std::make_pair(items[i].actor, items[i].stance);
    auto [it, inserted] = position_of.emplace(key, static_cast<int>(out.positions.size()));
    if (inserted) {
      out.positions.push_back({items[i].actor, Name(items[i].stance), {}, {}});
      pos_docs.emplace_back();
    }
    Position& p = out.positions[it->second];
    const auto& doc = c.Doc(items[i].doc);
    Support s = c.SentenceSupport({items[i].doc, static_cast<int>(doc.attributions[items[i].att].sentence)});
    bool dup = false;
    for (const auto& e : p.support) dup |= e.source == s.source && e.span == s.span;
    if (!dup) p.support.push_back(s);
    pos_docs[it->second].push_back(items[i].doc);
  }
  for (size_t p = 0; p < out.positions.size(); ++p) out.positions[p].sources = SourceIds(c, pos_docs[p]);
  // Evidence.
  std::set<int> neg_docs, pos_docs_ev;
  for (const Evidence& e : evidence) {
    out.evidence_support.push_back(c.SentenceSupport(e.sentence));
    (e.negated ? neg_docs : pos_docs_ev).insert(e.sentence.doc);
  }
  if (!neg_docs.empty()) {
    out.evidence = "No evidence presented, or none seen, according to " + std::to_string(neg_docs.size()) +
                   (neg_docs.size() == 1 ? " outlet" : " outlets");
    if (!pos_docs_ev.empty())
      *out.evidence +=
          "; " + std::to_string(pos_docs_ev.size()) + " more discuss evidence without saying it is missing";
  } else if (!pos_docs_ev.empty()) {
    out.evidence = "Evidence is discussed by " + std::to_string(pos_docs_ev.size()) +
                   (pos_docs_ev.size() == 1 ? " outlet" : " outlets");
  }
  return out;
}

std::vector<Treatment> TreatmentsOf(const Context& c, const std::vector<Item>& items, const Claim& claim,
                                    const std::vector<int>& members, const std::vector<int>& responses,
                                    std::vector<std::optional<statements::ArticleView>>& articles) {
  const ClaimOptions& o = c.options.claims;
  const statements::StanceModel& model = statements::StanceModel::Default();
  const std::vector<Feature> about = c.TextFeatures(claim.claim);
  std::vector<Treatment> out;
  for (int d = 0; d < static_cast<int>(c.x.documents.size()); ++d) {
    if (!c.copy_of[d].empty()) continue;  // its original speaks for it
    const auto& doc = c.Doc(d);
    // The outlet's sentences inside someone's words (attributions, quotes).
    std::vector<bool> attributed(doc.sentences.size(), false);
    for (const auto& a : doc.attributions) {
      if (a.sentence < attributed.size()) attributed[a.sentence] = true;
      int from = doc.SentenceAt(a.content.begin),
          to = a.content.empty() ? from : doc.SentenceAt(a.content.end - 1);
      if (from < 0 || to < 0) continue;
      for (int s = from; s <= to && s < static_cast<int>(attributed.size()); ++s) attributed[s] = true;
    }
    for (const auto& q : doc.quotes)
      for (uint32_t s = q.first_sentence; s <= q.last_sentence && s < attributed.size(); ++s)
        attributed[s] = true;
    // Its items in this claim: it attributes the claim to someone.
    int own_item = -1;
    for (const auto* group : {&members, &responses})
      for (int i : *group)
        if (items[i].doc == d && own_item < 0) own_item = i;
    // Its own-voice sentences about the claim: the closest one, and whether
    // it hedges ("alleged", "reportedly") or refutes ("false", "no evidence").
    int closest = -1;
    double best = o.same_claim;
    for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s) {
      if (attributed[s] || !SharesAKey(about, c.features[d][s])) continue;
      double sim = c.Similarity(about, c.features[d][s]);
      if (sim >= best) {
        best = sim;
        closest = s;
      }
    }
    auto words = [&](std::initializer_list<std::string_view> stems) {
      return closest >= 0 && HasStem(doc.tokens[closest], doc.sentences[closest].span, stems);
    };
    bool hedged = words({"alleg", "reported", "purport", "claim", "accus", "suppos", "accord"});
    bool refuting = words({"fals", "baseless", "groundless", "untru", "debunk", "bogus", "hoax"}) ||
                    (closest >= 0 && Fabricated(doc.tokens[closest], doc.sentences[closest].span)) ||
                    (words({"evid", "proof"}) && Negated(doc.tokens[closest], doc.sentences[closest].span));
    Treatment t;
    t.source = c.SourceId(d);
    // A close own-voice sentence states the claim. (The stance model's
    // reading alone, unsupported by a sentence, decides nothing: on these
    // claims it is noisy.)
    const bool states = closest >= 0 && !hedged && best >= o.states_similarity;
    if (closest >= 0 && refuting) {
      t.treatment = "refutes";
      t.support = c.SentenceSupport({d, closest});
    } else if (states) {
      t.treatment = "states";
      t.support = c.SentenceSupport({d, closest});
    } else if (own_item >= 0) {
      t.treatment = "attributes";
      t.support = c.SentenceSupport({d, static_cast<int>(doc.attributions[items[own_item].att].sentence)});
    } else if (closest >= 0 && hedged && best >= o.states_similarity) {
      t.treatment = "attributes";  // in its own voice, but as an allegation
      t.support = c.SentenceSupport({d, closest});
    } else {
      continue;  // the outlet does not report the claim
    }
    if (!articles[d]) articles[d] = statements::ReadArticle(doc.text());
    t.model = statements::ToString(model.Predict(statements::StanceFeaturesOf(claim.claim, *articles[d])));
    out.push_back(std::move(t));
  }
  return out;
}

void BuildClaims(Context& c, Report& r) {
  std::vector<Item> items = CollectItems(c);
  std::vector<const std::vector<Feature>*> sets;
  sets.reserve(items.size());
  for (const auto& it : items) sets.push_back(&it.features);
  const auto sharing = c.SharingPairs(sets);
  std::vector<std::vector<int>> claims = GroupAssertions(c, items, sharing);
  if (claims.empty()) return;
  std::vector<std::vector<int>> responses = AttachResponses(c, items, claims, sharing);
  std::vector<int> kept = KeepClaims(c, items, claims, responses);
  std::vector<std::vector<Evidence>> evidence = EvidenceOf(c, items, claims, kept);
  std::vector<std::optional<statements::ArticleView>> articles(c.x.documents.size());
  for (size_t k = 0; k < kept.size(); ++k) {
    r.claims.push_back(
        RenderClaim(c, items, claims[kept[k]], responses[kept[k]], evidence[k], static_cast<int>(k)));
    r.claims.back().treatments =
        TreatmentsOf(c, items, r.claims.back(), claims[kept[k]], responses[kept[k]], articles);
  }
}

}  // namespace crosscheck::analysis::internal
