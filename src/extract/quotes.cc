// Direct quotes and their speakers. Quote regions come from a scan of each
// paragraph that tracks curly-quote depth (so nested quotes stay inside the
// outer one) and pairs straight quotes. The speaker is looked for, in order:
// right after the closing mark (", Lavrov said" / ", said Lavrov" / ", he
// told reporters"), then before the opening mark in the same sentence (the
// subject of the speech verb nearest the quote: "Lavrov said, adding that
// ..."), then by continuation (a quote following another quote of the same
// paragraph, or opening a paragraph right after an attributed quote).
// Pronouns are resolved to the subject of the current or previous sentences.
#include <algorithm>
#include <cctype>

#include "crosscheck/text/tokens.h"
#include "crosscheck/text/unicode.h"
#include "internal.h"

namespace crosscheck::extract {
namespace internal {

namespace {

// "WALLACE:" at byte i; sets *label to the name.
bool TranscriptLabelAt(std::string_view t, size_t i, Span* label) {
  size_t letters = 0, begin = i, end = i;
  while (i < t.size() && letters < 40) {
    char32_t c = text::NextCodePoint(t, i);
    if (c == U':') {
      if (letters < 2) return false;
      *label = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
      return true;
    }
    if (text::IsAlpha(c)) {
      if (!text::IsUpper(c)) return false;
      ++letters;
      end = i;
    } else if (c == U' ' || c == U'.' || c == U'-' || c == U'\'') {
      if (letters == 0 && c == U' ') begin = i;
    } else {
      return false;
    }
  }
  return false;
}

}  // namespace

std::vector<TranscriptTurn> TranscriptTurns(const Document& doc) {
  std::vector<TranscriptTurn> out;
  std::string_view t = doc.text();
  const auto& paras = doc.article->paragraphs;
  bool in_turn = false;
  std::string_view turn_mark;
  for (uint32_t pi = 0; pi < paras.size(); ++pi) {
    const Span& p = paras[pi];
    TranscriptTurn turn;
    turn.paragraph = pi;
    size_t i = p.begin;
    while (i < p.end && t[i] == ' ') ++i;
    std::string_view mark;
    if (t.substr(i, 1) == "\"")
      mark = t.substr(i, 1);
    else if (t.substr(i, 3) == "\xE2\x80\x9C")
      mark = t.substr(i, 3);
    if (!mark.empty()) turn.mark = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + mark.size())};
    i += mark.size();
    if (TranscriptLabelAt(t, i, &turn.label) && turn.label.end + 1 < p.end) {
      in_turn = true;
      turn_mark = mark;
      i = turn.label.end + 1;
    } else if (!(in_turn && !mark.empty() && mark == turn_mark)) {
      in_turn = false;
      continue;
    }
    turn.content = {static_cast<uint32_t>(i), p.end};
    while (turn.content.begin < turn.content.end && t[turn.content.begin] == ' ') ++turn.content.begin;
    while (turn.content.end > turn.content.begin &&
           std::string_view(" \"").find(t[turn.content.end - 1]) != std::string_view::npos)
      --turn.content.end;
    out.push_back(turn);
  }
  // A transcript has at least two speakers; a lone "UPDATE:" is not one.
  std::vector<std::string_view> labels;
  for (const auto& turn : out)
    if (!turn.label.empty() && std::find(labels.begin(), labels.end(), turn.label.In(t)) == labels.end())
      labels.push_back(turn.label.In(t));
  if (labels.size() < 2) out.clear();
  return out;
}

std::vector<Span> QuoteRegions(const Document& doc) {
  std::vector<Span> out;
  std::string_view t = doc.text();
  std::vector<TranscriptTurn> turns = TranscriptTurns(doc);
  size_t next_turn = 0;
  auto at_char = [&](size_t i, char c) { return i < t.size() && t[i] == c; };
  const auto& paras = doc.article->paragraphs;
  // A quote left open at a paragraph's end continues only if the next
  // paragraph opens with a quote mark (the multi-paragraph convention);
  // otherwise the mark was stray and nothing is quoted.
  auto next_opens_quote = [&](size_t pi) {
    if (pi + 1 >= paras.size()) return false;
    size_t i = paras[pi + 1].begin;
    while (i < paras[pi + 1].end && t[i] == ' ') ++i;
    if (i >= paras[pi + 1].end) return false;
    char32_t c = text::NextCodePoint(t, i);
    return c == U'"' || c == U'\u201C' || c == U'\u201E' || c == U'\u00AB' || c == U'\u2018' ||
           (c == U'\'' && at_char(i, '\''));
  };
  for (size_t pi = 0; pi < paras.size(); ++pi) {
    const Span& p = paras[pi];
    int depth = 0;
    uint32_t open_at = 0;
    bool straight = false;
    uint32_t straight_at = 0;
    size_t i = p.begin;
    auto toggle_straight = [&](size_t at) {
      if (!straight) {
        straight = true;
        straight_at = static_cast<uint32_t>(i);
      } else {
        straight = false;
        out.push_back({straight_at, static_cast<uint32_t>(at)});
      }
    };
    while (i < p.end) {
      size_t at = i;
      char32_t c = text::NextCodePoint(t, i);
      while (next_turn < turns.size() && turns[next_turn].mark.end < i) ++next_turn;
      if (next_turn < turns.size() && turns[next_turn].mark.begin == at && !turns[next_turn].mark.empty()) {
        continue;  // the mark opening a transcript turn, not a quotation
      } else if (c == U'\u201C' || c == U'\u201E' || c == U'\u00AB') {
        if (depth++ == 0) open_at = static_cast<uint32_t>(i);
      } else if ((c == U'\u201D' || c == U'\u00BB') && depth > 0) {
        if (--depth == 0) out.push_back({open_at, static_cast<uint32_t>(at)});
      } else if (c == U'\u201D' &&
                 straight) {  // NOLINT(bugprone-branch-clone): the order of the tests matters
        toggle_straight(at);  // "..." closed by a curly mark
      } else if (c == U'"' && depth == 1 && at > p.begin &&
                 std::string_view(",.!?'\x99").find(t[at - 1]) != std::string_view::npos &&
                 (i >= p.end || t[i] == ' ' || t[i] == '\n')) {
        // “..." closed by a straight mark after the last punctuation or an
        // inner quote's closing mark (“... 'You share my values,'").
        depth = 0;
        out.push_back({open_at, static_cast<uint32_t>(at)});
      } else if (c == U'"' && depth == 0) {
        toggle_straight(at);
      } else if (c == U'\'' && depth == 0 && at_char(i, '\'') && !at_char(i + 1, '\'')) {
        ++i;  // '' typed for a double quote mark
        toggle_straight(at);
      }
    }
    bool continues = next_opens_quote(pi);
    // “... opening a sentence and left open at a paragraph that ends a
    // sentence (‘..., Berg said. “Can it be ...? We will see.’): the
    // closing mark was left out, the rest of the paragraph is quoted.
    auto closes_unmarked = [&] {
      if (depth != 1) return false;
      size_t b = open_at >= 3 ? open_at - 3 : open_at;  // the mark's first byte
      while (b > p.begin && t[b - 1] == ' ') --b;
      size_t e = p.end;
      while (e > open_at && (t[e - 1] == ' ' || t[e - 1] == '\n')) --e;
      return (b == p.begin || std::string_view(".!?").find(t[b - 1]) != std::string_view::npos) &&
             e > open_at && std::string_view(".!?").find(t[e - 1]) != std::string_view::npos;
    };
    if (depth > 0 && (continues || closes_unmarked()))
      out.push_back({open_at, p.end});
    else if (straight && continues)
      out.push_back({straight_at, p.end});
  }
  std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  return out;
}

bool InsideAny(const std::vector<Span>& regions, uint32_t pos) {
  auto it = std::upper_bound(regions.begin(), regions.end(), pos,
                             [](uint32_t p, const Span& s) { return p < s.begin; });
  if (it == regions.begin()) return false;
  --it;
  return pos < it->end;
}

}  // namespace internal

namespace {

bool IsPersonEntity(const Document& doc, const Mention& m, const std::vector<Entity>& entities) {
  return m.entity >= 0 && entities[m.entity].type == EntityType::kPerson;
}

// Whether the mention is a preposition's object ("Of Obama, he
// said", "in a letter to Boehner"): no subject. "According to X" names a
// source and stays one.
bool ObjectOfPreposition(const std::vector<text::Token>& toks, const Mention& m) {
  uint32_t i = m.first_token;  // before its role, when it has one ("to Senator Calloway")
  while (i > 0 && toks[i - 1].span.begin >= m.full_span.begin) --i;
  if (i == 0 || !lexicon::IsPreposition(toks[i - 1].norm)) return false;
  return !(toks[i - 1].norm == "to" && i >= 2 && toks[i - 2].norm == "according");
}

// First person mention outside quotes in sentence s, starting before `limit`;
// a sentence opening with a described source ("The congressman also
// said...") has that person as its subject.
// A person whose known gender is not `want` (kUnknown: any) is skipped.
// kChained: the sentence's subject is the same pronoun again, outside
// quotes and before any name ("He said Obama ..."), so the one it stands
// for is further back.
constexpr int kChained = -2;
int SubjectOf(const Document& doc, uint32_t s, uint32_t limit, const std::vector<Entity>& entities,
              Entity::Gender want, std::string_view pronoun = {}) {
  auto fits = [&](int e) {
    return want == Entity::Gender::kUnknown || entities[e].gender == Entity::Gender::kUnknown ||
           entities[e].gender == want;
  };
  const auto& toks = doc.tokens[s];
  // Whether a quote opens before token k (within the sentence).
  auto quoted_at = [&](size_t k) {
    std::string_view before =
        doc.text().substr(doc.sentences[s].span.begin, toks[k].span.begin - doc.sentences[s].span.begin);
    return before.find('"') != std::string_view::npos ||
           before.find("\xE2\x80\x9C") != std::string_view::npos;
  };
  // "The president ..." opening the sentence, not opening a quote (“The
  // president must stop ...,” he said: someone else's words about him).
  if (toks.size() > 2 && toks[0].norm == "the" && toks[0].span.begin < limit && !quoted_at(0))
    for (size_t k = 1; k < toks.size() && k <= 3; ++k) {
      if (!toks[k].IsWord() || toks[k].cap) break;
      if (!lexicon::IsTitleHead(toks[k].norm)) continue;
      int e = internal::EntityOfRole(doc, toks[k].norm, toks[0].span.begin, entities,
                                     internal::NationIn(toks, 1, k));
      if (e >= 0 && fits(e)) return e;
      break;
    }
  uint32_t chain = UINT32_MAX;  // where the same pronoun opens the sentence
  if (!pronoun.empty()) {
    for (size_t k = 0; k < toks.size() && k < 4 && toks[k].span.begin < limit; ++k) {
      if (toks[k].norm != pronoun) continue;
      if (!quoted_at(k)) chain = toks[k].span.begin;
      break;
    }
  }
  auto [first, last] = internal::SentenceMentions(doc, s);
  for (size_t mi = first; mi < last; ++mi) {
    const Mention& m = doc.mentions[mi];
    if (m.in_quote || m.span.begin >= limit) continue;
    if (m.span.begin > chain) return kChained;
    if (IsPersonEntity(doc, m, entities) && fits(m.entity) && !ObjectOfPreposition(toks, m)) return m.entity;
  }
  return chain != UINT32_MAX ? kChained : -1;
}

}  // namespace

int ResolvePronoun(const Document& doc, uint32_t s, uint32_t pos, const std::vector<Entity>& entities) {
  // "she" skips the men the articles know, "he" the women.
  Entity::Gender want = Entity::Gender::kUnknown;
  std::string_view pronoun;
  if (s < doc.tokens.size())
    for (const auto& t : doc.tokens[s])
      if (t.span.begin == pos) {
        if (t.norm == "he") want = Entity::Gender::kMale;
        if (t.norm == "she") want = Entity::Gender::kFemale;
        if (want != Entity::Gender::kUnknown) pronoun = t.norm;
      }
  int e = SubjectOf(doc, s, pos, entities, want);
  if (e >= 0) return e;
  // Up to three sentences back from the last one whose subject is the same
  // pronoun again ("Trump said. He said Obama ... Of Obama, he said"), and
  // at most ten in all.
  for (uint32_t back = 1, since = 1; since <= 3 && back <= 10 && back <= s; ++back, ++since) {
    e = SubjectOf(doc, s - back, UINT32_MAX, entities, want, pronoun);
    if (e >= 0) return e;
    if (e == kChained) since = 0;
  }
  return -1;
}

// Whether a role as written ("Rep.", "Florida Gov.") holds the office a
// described source's head names ("congressman", "governor").
namespace {

bool RoleHolds(std::string_view role, std::string_view head) {
  std::string_view want = lexicon::CanonicalRole(head);
  for (const auto& t : text::Tokenize(role, {0, static_cast<uint32_t>(role.size())}))
    if (t.IsWord() && lexicon::CanonicalRole(t.norm) == want) return true;
  return false;
}

// The person a described source stands for: the latest person named before
// `pos` with that role in this article ("the mayor" after "Mayor Bill de
// Blasio"), else the one person of this article another article gives the
// role ("the president", named "President ..." elsewhere in the event),
// else, for a description naming a country, the one person of the event
// with that role of that country.
}  // namespace

namespace internal {

std::string_view NationOf(std::string_view folded) {
  if (auto c = lexicon::CountryOfDemonym(folded); !c.empty()) return c;
  if (lexicon::LookupPlace(folded) == lexicon::PlaceKind::kCountry) return folded;
  return lexicon::CountryOfCapital(folded);
}

std::string_view NationIn(const std::vector<text::Token>& toks, size_t from, size_t to) {
  for (size_t k = from; k < to && k < toks.size(); ++k)
    if (toks[k].IsWord())
      if (auto c = NationOf(toks[k].norm); !c.empty()) return c;
  return {};
}

// The country a role as written names ("Russian Foreign Minister": russia), or empty.
std::string_view NationOfRole(std::string_view role) {
  auto toks = text::Tokenize(role, {0, static_cast<uint32_t>(role.size())});
  return NationIn(toks, 0, toks.size());
}

// No role of the person names a country other than `nation` (any, when empty).
bool NationFits(const Entity& e, std::string_view nation) {
  if (nation.empty()) return true;
  for (const auto& role : e.roles)
    if (auto n = NationOfRole(role); !n.empty() && n != nation) return false;
  return true;
}

int EntityOfRole(const Document& doc, std::string_view head, uint32_t pos,
                 const std::vector<Entity>& entities, std::string_view nation) {
  head = RoleNoun(head);
  // Backwards from `pos`, over at most kRoleLookback mentions: a described
  // source stands for someone named recently, and the cost stays bounded.
  constexpr size_t kRoleLookback = 200;
  auto end = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), pos,
                              [](const Mention& m, uint32_t p) { return m.span.begin < p; });
  size_t last = static_cast<size_t>(end - doc.mentions.begin());
  // A description naming no country ("the president") stands first for a
  // role written without one ("President Donald Trump"), not for a foreign
  // holder named since ("Russian President Vladimir Putin").
  for (bool any_nation : {nation.empty() ? false : true, true}) {
    for (size_t mi = last; mi-- > 0 && last - mi <= kRoleLookback;) {
      const Mention& m = doc.mentions[mi];
      if (m.entity < 0 || entities[m.entity].type != EntityType::kPerson || m.role.empty()) continue;
      if (!any_nation && !NationOfRole(m.role).empty()) continue;
      if (RoleHolds(m.role, head) && NationFits(entities[m.entity], nation)) return m.entity;
    }
    if (any_nation) break;
  }
  int found = -1;
  for (size_t mi = 0; mi < last; ++mi) {
    const Mention& m = doc.mentions[mi];
    if (m.entity < 0 || m.entity == found || entities[m.entity].type != EntityType::kPerson ||
        !NationFits(entities[m.entity], nation))
      continue;
    for (const auto& role : entities[m.entity].roles)
      if (RoleHolds(role, head)) {
        if (found >= 0) return -1;  // two people with that role: say unknown
        found = m.entity;
        break;
      }
  }
  if (found >= 0 || nation.empty()) return found;
  // "Ukraine's foreign minister" in an article that never names him: the
  // one person of the event with that role of that country.
  for (size_t e = 0; e < entities.size(); ++e) {
    if (entities[e].type != EntityType::kPerson || !NationFits(entities[e], nation)) continue;
    bool holds = false, named = false;
    for (const auto& role : entities[e].roles) {
      holds |= RoleHolds(role, head);
      named |= !NationOfRole(role).empty();
    }
    if (!holds || !named) continue;
    if (found >= 0) return -1;
    found = static_cast<int>(e);
  }
  return found;
}

}  // namespace internal

namespace {

struct Speaker {
  int mention = -1;  // index into doc.mentions
  int pronoun_sentence = -1;
  uint32_t pronoun_token = 0;
  std::string cue;
  Span cue_span;  // the cue token, when it is a word of the text
  Span noun;      // a described source: "the mayor", "the letter"
  bool Found() const { return mention >= 0 || pronoun_sentence >= 0 || !noun.empty(); }
};

// A described source right before the cue (`,” the mayor said`) or right
// after it (`,” said the mayor.`): a determiner and up to three words with
// no name among them, and whom its role word stands for ("a spokeswoman
// for Ryan").
Span DescribedSource(const std::vector<text::Token>& toks, uint32_t from, uint32_t to, bool before) {
  auto det = [](const text::Token& t) { return t.norm == "the" || t.norm == "a" || t.norm == "an"; };
  if (before) {
    if (to == from) return {};
    // "a spokeswoman for Ryan said": the description ends at the role word.
    uint32_t end = to;
    for (uint32_t h = to; h-- > from && to - h <= 8;)
      if (internal::RepresentedEnd(toks, h, to) == to && h + 1 < to) {
        end = h + 1;
        break;
      }
    // Names may modify the head ("a White House official"); the head is
    // a lower-case word.
    for (uint32_t d = end; d-- > from && end - d <= 5;) {
      // A possessor may modify it too ("the ad’s narrator").
      if ((!toks[d].IsWord() && toks[d].kind != text::TokenKind::kClitic) || (toks[d].cap && d + 1 == end))
        return {};
      if (det(toks[d]) && d + 1 < end) return {toks[d].span.begin, toks[to - 1].span.end};
      // A name's possessive opening it (`,” Obama's former campaign
      // strategist said`).
      if (toks[d].kind == text::TokenKind::kClitic && d == from + 1 && toks[from].cap && d + 1 < end)
        return {toks[from].span.begin, toks[to - 1].span.end};
    }
    return {};
  }
  if (from >= to || !det(toks[from])) return {};
  uint32_t e = from + 1;
  while (e < to && e - from <= 3 && toks[e].IsWord() && !toks[e].cap) ++e;
  if (e <= from + 1) return {};
  // "said a spokesman for Senate Majority Leader Harry Reid".
  if (e - from >= 3) e = std::max(e, internal::RepresentedEnd(toks, e - 2, to));
  // Not ending in a preposition whose object was left out ("the statement from").
  while (e > from + 2 && lexicon::IsPreposition(toks[e - 1].norm)) --e;
  return Span{toks[from].span.begin, toks[e - 1].span.end};
}

}  // namespace

namespace internal {

int RelativeClauseSubject(const Document& doc, uint32_t s, uint32_t k, const std::vector<Entity>& entities) {
  const auto& toks = doc.tokens[s];
  const std::string_view text = doc.text();
  if (!CommaBefore(text, toks, k)) return -1;
  auto [first, last] = SentenceMentions(doc, s);
  for (size_t mi = first; mi < last; ++mi) {
    const Mention& m = doc.mentions[mi];
    if (m.in_quote || m.end_token + 1 >= k) break;
    if (!IsPersonEntity(doc, m, entities) || !CommaBefore(text, toks, m.end_token)) continue;
    // An age may stand between ("Elizabeth Lauten, 31, who has ...").
    uint32_t w = m.end_token;
    if (w + 1 < k && toks[w].kind == text::TokenKind::kNumber && toks[w].norm.size() <= 3 &&
        CommaBefore(text, toks, w + 1))
      ++w;
    if (toks[w].norm != "who" && toks[w].norm != "whose") continue;
    if (k - w <= 25) return static_cast<int>(mi);
  }
  return -1;
}

}  // namespace internal

namespace {

// "The former Alaska governor said": a name that modifies the role word
// before the cue describes the speaker and is not the speaker. The
// description (determiner to role word) when tokens [m's end, to) are one
// or two lower-case words ending in a role; else empty.
Span DescriptionAround(const std::vector<text::Token>& toks, const Mention& m, uint32_t to) {
  if (m.end_token >= to || to - m.end_token > 2) return {};
  for (uint32_t k = m.end_token; k < to; ++k)
    if (!toks[k].IsWord() || toks[k].cap) return {};
  if (!lexicon::IsTitleHead(toks[to - 1].norm) && !internal::IsSourceNoun(toks[to - 1].norm)) return {};
  uint32_t f = m.first_token;
  while (f > 0 && m.first_token - f < 2 && toks[f - 1].IsWord() && !toks[f - 1].cap && !toks[f - 1].stop) --f;
  if (f > 0 && (toks[f - 1].norm == "the" || toks[f - 1].norm == "a" || toks[f - 1].norm == "an")) --f;
  return {toks[f].span.begin, toks[to - 1].span.end};
}

// Finds the speaker among tokens [from, to) of sentence s. Before a cue the
// candidate nearest the cue wins, after it the first one; a person mention is
// preferred, then a pronoun, then any other mention (an organisation).
Speaker SubjectNear(const Document& doc, uint32_t s, uint32_t from, uint32_t to, bool before,
                    const std::vector<Entity>& entities, bool allow_any = true) {
  Speaker sp;
  std::vector<int> in_range;
  int represented = -1;  // "a spokesman for Bernie Sanders": the nearest such mention
  auto [first, last] = internal::SentenceMentions(doc, s);
  for (size_t mi = first; mi < last; ++mi) {
    const Mention& m = doc.mentions[mi];
    if (m.in_quote || internal::IsPossessor(doc.tokens[s], m) || m.first_token < from || m.end_token > to)
      continue;
    if (!internal::IsRepresented(doc.tokens[s], m))
      in_range.push_back(static_cast<int>(mi));
    else if (represented < 0 || before)
      represented = static_cast<int>(mi);
  }
  if (before) std::reverse(in_range.begin(), in_range.end());
  if (before)
    if (int mi = internal::RelativeClauseSubject(doc, s, to, entities);
        mi >= 0 && doc.mentions[mi].first_token >= from) {
      sp.mention = mi;
      return sp;
    }
  int person = -1;
  for (int mi : in_range)
    if (IsPersonEntity(doc, doc.mentions[mi], entities)) {
      person = mi;
      break;
    }
  const auto& toks = doc.tokens[s];
  // "Asked about Trump, a spokesman for Ryan said": the nearer subject,
  // unless it is the person's apposition ("Nelson Diaz, a former aide to
  // Mr. Rubio, said").
  if (before && represented >= 0 &&
      (person < 0 || doc.mentions[represented].first_token > doc.mentions[person].first_token)) {
    Span d = internal::RepresentedDescription(toks, doc.mentions[represented]);
    const bool apposition = person >= 0 && doc.mentions[person].end_token < toks.size() &&
                            toks[doc.mentions[person].end_token].span.begin == d.begin &&
                            internal::CommaBefore(doc.text(), toks, doc.mentions[person].end_token);
    if (!apposition) {
      sp.noun = d;
      return sp;
    }
  }
  // Before the cue a pronoun nearer to it than the person is the subject:
  // "Of Obama, he said".
  uint32_t pronoun_from = from;
  if (person >= 0) {
    if (!before) {
      sp.mention = person;
      return sp;
    }
    pronoun_from = doc.mentions[person].end_token;
  }
  for (uint32_t k = 0; k < to - std::min(to, pronoun_from); ++k) {
    uint32_t idx = before ? to - 1 - k : pronoun_from + k;
    if (idx >= toks.size()) continue;
    if (lexicon::IsPersonPronoun(toks[idx].norm)) {
      sp.pronoun_sentence = static_cast<int>(s);
      sp.pronoun_token = idx;
      return sp;
    }
  }
  if (person >= 0) {
    sp.mention = person;
    return sp;
  }
  if (represented >= 0) {
    sp.noun = internal::RepresentedDescription(toks, doc.mentions[represented]);
    return sp;
  }
  if (allow_any && !in_range.empty()) {
    if (Span d = DescriptionAround(toks, doc.mentions[in_range.front()], to); !d.empty())
      sp.noun = d;
    else
      sp.mention = in_range.front();
  }
  return sp;
}

bool IsClauseBreak(std::string_view w) {
  return w == "but" || w == "while" || w == "although" || w == "whereas" || w == "though" || w == "however" ||
         w == "because";
}

bool IsSpeechCue(std::string_view w) {
  lexicon::Cue c = lexicon::CueOf(w);
  return c != lexicon::Cue::kNone && w != "according" && w != "called" && w != "calling" && w != "described";
}

// The quote of region r: its bounds and what kind of quotation it is.
struct Shaped {
  Quote q;
  Span inner;
  uint32_t before_words = 0;  // words of its first sentence before the opening mark
  bool interrupted = false;   // “First half,” he said, “second half.”
};

bool IsSpeechCue(std::string_view w);

// A short quote that is a whole sentence set off by a comma ('Gowdy said,
// “That’s above my pay grade.”') or right after its cue ('adding “I was
// wrong.”'): capitalised, closed by its own full stop, question or
// exclamation mark or comma. Not a fragment woven into the sentence.
bool WholeSentenceAfterComma(std::string_view text, Span region, Span inner) {
  size_t k = region.begin;  // the opening mark ends here
  for (std::string_view mark : {"\xE2\x80\x9C", "\xE2\x80\x9E", "\xC2\xAB", "\""})
    if (k >= mark.size() && text.substr(k - mark.size(), mark.size()) == mark) {
      k -= mark.size();
      break;
    }
  if (k == region.begin) return false;
  while (k > 0 && text[k - 1] == ' ') --k;
  if (k == 0) return false;
  if (text[k - 1] != ',') {
    size_t w = k;
    while (w > 0 && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
    if (w == k || !IsSpeechCue(text::FoldForMatch(text.substr(w, k - w)))) return false;
  }
  if (inner.empty() || !std::isupper(static_cast<unsigned char>(text[inner.begin]))) return false;
  size_t e = region.end;
  while (e > inner.begin && text[e - 1] == ' ') --e;
  return e > inner.begin && std::string_view(".!?,").find(text[e - 1]) != std::string_view::npos;
}

bool Shape(const Document& doc, const std::vector<Span>& regions, size_t r, Shaped& out) {
  std::string_view text = doc.text();
  Span inner = regions[r];
  // Trim spaces and a trailing comma inside the marks.
  while (inner.begin < inner.end && text[inner.begin] == ' ') ++inner.begin;
  while (inner.end > inner.begin && (text[inner.end - 1] == ' ' || text[inner.end - 1] == ',')) --inner.end;
  if (inner.empty()) return false;
  int s0 = doc.SentenceAt(inner.begin), s1 = doc.SentenceAt(inner.end - 1);
  if (s0 < 0 || s1 < 0) return false;
  Quote& q = out.q;
  out.inner = inner;
  q.span = inner;
  q.first_sentence = s0;
  q.last_sentence = s1;
  q.paragraph = doc.sentences[s0].paragraph;
  q.sentence = {doc.sentences[s0].span.begin, doc.sentences[s1].span.end};
  for (const auto& t : doc.tokens[s0]) out.before_words += t.span.end <= regions[r].begin && t.IsWord();
  size_t words = 0;
  auto qt = text::Tokenize(text, inner);
  for (const auto& t : qt) words += t.IsWord() || t.kind == text::TokenKind::kNumber;
  // One quote interrupted by its attribution, whatever the length of the
  // second half.
  if (!doc.quotes.empty() && doc.quotes.back().paragraph == q.paragraph && !doc.quotes.back().title) {
    uint32_t g0 = doc.quotes.back().span.end, g1 = regions[r].begin;
    std::string_view gap = text.substr(g0, g1 > g0 ? g1 - g0 : 0);
    // The last character before the opening mark, skipping spaces and the
    // bytes of straight, “ and ‘ marks.
    size_t last = gap.find_last_not_of(" \"'\xE2\x80\x9C\x98");
    out.interrupted = g1 > g0 && gap.size() < 120 && gap.front() == ',' && last != std::string_view::npos &&
                      gap[last] == ',' && gap.find_first_of(".!?\n") == std::string_view::npos;
  }
  q.fragment =
      !out.interrupted && words <= 8 && out.before_words > 0 &&
      text.substr(regions[r].begin >= 4 ? regions[r].begin - 4 : 0, 4).find(':') == std::string_view::npos &&
      !WholeSentenceAfterComma(text, regions[r], inner);
  // Every word of a short quote capitalised: the name of a show, book or film.
  int caps = 0, long_words = 0;
  for (const auto& t : qt) {
    if (!t.IsWord() || t.norm.size() < 3 || (t.stop && !t.cap)) continue;  // "Fox and Friends"
    ++long_words;
    caps += t.cap;
  }
  q.title = !out.interrupted && words <= 6 && long_words >= 1 && caps == long_words && out.before_words > 0;
  return true;
}

// A) The speaker after the closing mark, within the last sentence; A') a
// dash signature after the quote (“...” ― Name).
Speaker SpeakerAfter(const Document& doc, const std::vector<Span>& regions, size_t r, int s1,
                     const std::vector<Entity>& entities) {
  std::string_view text = doc.text();
  Speaker sp;
  const auto& last_toks = doc.tokens[s1];
  uint32_t close = regions[r].end;
  uint32_t next_open = r + 1 < regions.size() ? regions[r + 1].begin : UINT32_MAX;
  uint32_t a0 = 0;
  while (a0 < last_toks.size() && last_toks[a0].span.begin < close) ++a0;
  uint32_t a1 = a0;
  while (a1 < last_toks.size() && last_toks[a1].span.begin < next_open && a1 - a0 < 16 &&
         !IsClauseBreak(last_toks[a1].norm))
    ++a1;
  for (uint32_t v = a0; v < a1 && v - a0 <= 14; ++v) {
    if (!IsSpeechCue(last_toks[v].norm) || internal::BareParticiple(text, last_toks, v)) continue;
    // A source before the cue, named or described, comes first: after
    // "told" stands who was told ("a White House official told Politico").
    // A quote the sentence runs on from ("“...” of the mayor's plan,
    // Ms. Lund-Ortiz said") has its source after the last comma.
    uint32_t from = a0;
    if (last_toks[a0].IsWord() && lexicon::IsPreposition(last_toks[a0].norm))
      for (uint32_t k = a0 + 1; k < v; ++k)
        if (internal::CommaBefore(text, last_toks, k)) from = k;
    sp = SubjectNear(doc, s1, from, v, false, entities);
    if (!sp.Found()) sp.noun = DescribedSource(last_toks, from, v, true);
    if (!sp.Found()) sp = SubjectNear(doc, s1, v + 1, std::min<uint32_t>(a1, v + 7), false, entities);
    if (!sp.Found()) sp.noun = DescribedSource(last_toks, v + 1, a1, false);
    sp.cue = last_toks[v].norm;
    sp.cue_span = last_toks[v].span;
    break;
  }
  // “...,” Rep. Ana Berg, D-Ore., the former chair of the
  // committee on roads and bridges and of its budget panel, told a paper: a person
  // named right after the quote and set off by commas, then the cue.
  if (!sp.Found() && a0 < last_toks.size()) {
    int m = -1;
    for (uint32_t k = a0; k < last_toks.size() && k < a0 + 3 && m < 0; ++k)
      if (int at = internal::MentionAtToken(doc, s1, k);
          at >= 0 && !doc.mentions[at].in_quote && IsPersonEntity(doc, doc.mentions[at], entities))
        m = at;
    const uint32_t e = m >= 0 ? doc.mentions[m].end_token : 0;
    if (m >= 0 && e < last_toks.size() && internal::CommaBefore(text, last_toks, e))
      for (uint32_t v = e + 1; v < last_toks.size() && v < e + 40 && last_toks[v].span.begin < next_open; ++v)
        if (IsSpeechCue(last_toks[v].norm) && internal::CommaBefore(text, last_toks, v)) {
          sp.mention = m;
          sp.cue = last_toks[v].norm;
          sp.cue_span = last_toks[v].span;
          break;
        }
  }
  if (!sp.Found() && a0 < a1) {
    std::string_view gap = text.substr(close, last_toks[a0].span.begin - close);
    if (gap.find("\xE2\x80\x95") != std::string_view::npos ||
        gap.find("\xE2\x80\x94") != std::string_view::npos) {
      sp = SubjectNear(doc, s1, a0, std::min<uint32_t>(a1, a0 + 6), false, entities);
      if (sp.Found()) sp.cue = "\xE2\x80\x95";
    }
  }
  return sp;
}

// B) The speaker before the opening mark, within the first sentence (the
// subject of the speech verb nearest the quote), or a colon standing for
// the cue ("Trump on Twitter: “...”"). Marks the quote embedded when the
// cue's clause runs on into it without a comma or colon.
Speaker SpeakerBefore(const Document& doc, const std::vector<Span>& regions, size_t r, int s0,
                      const std::vector<Entity>& entities, Quote& q) {
  std::string_view text = doc.text();
  Speaker sp;
  const auto& first_toks = doc.tokens[s0];
  uint32_t prev_close = 0;
  for (size_t k = 0; k < r; ++k)
    if (regions[k].end <= regions[r].begin && regions[k].end >= doc.sentences[s0].span.begin)
      prev_close = regions[k].end;
  uint32_t b0 = 0;
  while (b0 < first_toks.size() && first_toks[b0].span.begin < prev_close) ++b0;
  uint32_t b1 = b0;
  while (b1 < first_toks.size() && first_toks[b1].span.end <= regions[r].begin) ++b1;
  for (bool allow_any : {false, true}) {
    for (uint32_t v = b1; v-- > b0 && !sp.Found();) {
      if (!IsSpeechCue(first_toks[v].norm) || internal::BareParticiple(text, first_toks, v)) continue;
      // "said claims that": what was said about; "said, adding" goes on.
      if (v > b0 && IsSpeechCue(first_toks[v - 1].norm) && !internal::CommaBefore(text, first_toks, v))
        continue;
      // "while the reporter asks, “...”": the person described right
      // before the cue, nearer than any name.
      const uint32_t subject_end = internal::BeforeAskedClause(text, first_toks, b0, v);
      // "Trump attacked Clinton for her votes, saying, “...”": a participle
      // after a comma shares the main clause's subject, the first person.
      const bool participle =
          first_toks[v].norm.ends_with("ing") && internal::CommaBefore(text, first_toks, v);
      if (Span n = internal::PersonDescribedBefore(first_toks, b0, subject_end); !n.empty())
        sp.noun = n;
      else if (participle)
        sp = SubjectNear(doc, s0, std::max(b0, internal::AfterOpeningAsked(text, first_toks)), subject_end,
                         false, entities, false);
      if (!sp.Found()) sp = SubjectNear(doc, s0, b0, subject_end, true, entities, allow_any);
      sp.cue = first_toks[v].norm;
      sp.cue_span = first_toks[v].span;
      if (sp.Found()) {
        int between = 0;
        for (uint32_t k = v + 1; k < b1; ++k)
          between += first_toks[k].IsWord() && first_toks[k].norm != "that";
        // "says of Clinton, “If ...”": a comma or colon right before the
        // mark introduces the quote however many words follow the cue.
        std::string_view gap =
            b1 > 0 ? text.substr(first_toks[b1 - 1].span.end, regions[r].begin - first_toks[b1 - 1].span.end)
                   : std::string_view();
        bool introduced = gap.find(',') != std::string_view::npos || gap.find(':') != std::string_view::npos;
        q.embedded = q.fragment || (between > 0 && !introduced);
      }
    }
    if (sp.Found()) break;
  }
  // "Reading said that ... \u2013 he \u201cclaimed ...\u201d \u2013 and added, \u201c...\u201d":
  // what is added past another quote is the sentence's first speaker's,
  // when a name stands right before the first cue (else it stays unknown).
  if (!sp.Found() && b0 > 0) {
    uint32_t v = b1;
    while (v > b0 && !IsSpeechCue(first_toks[v - 1].norm)) --v;
    const bool goes_on = v > b0 + 1 &&
                         (first_toks[v - 1].norm == "added" || first_toks[v - 1].norm == "continued") &&
                         first_toks[v - 2].norm == "and";
    uint32_t first_cue = 0;
    while (first_cue < b0 && !IsSpeechCue(first_toks[first_cue].norm)) ++first_cue;
    if (goes_on && first_cue > 0 && first_cue < b0) {
      auto [first, last] = internal::SentenceMentions(doc, s0);
      for (size_t mi = first; mi < last; ++mi) {
        const Mention& m = doc.mentions[mi];
        if (m.end_token != first_cue || m.entity < 0) continue;
        sp.mention = static_cast<int>(mi);
        sp.cue = first_toks[v - 1].norm;
        sp.cue_span = first_toks[v - 1].span;
      }
    }
  }
  if (!sp.Found() && b1 > b0) {
    std::string_view gap =
        text.substr(first_toks[b1 - 1].span.end, regions[r].begin - first_toks[b1 - 1].span.end);
    if (gap.find(':') != std::string_view::npos) {
      sp = SubjectNear(doc, s0, b0, b1, true, entities, false);
      if (sp.Found()) sp.cue = ":";
    }
  }
  return sp;
}

// B') A quote opening a paragraph after one that ends with a colon
// ("Caddell continued:"): the subject of that last sentence.
Speaker SpeakerOfColonParagraph(const Document& doc, const Shaped& shape,
                                const std::vector<Entity>& entities) {
  Speaker sp;
  const Quote& q = shape.q;
  const int s0 = q.first_sentence;
  if (shape.before_words != 0 || s0 == 0 ||
      doc.sentences[s0].span.begin != doc.article->paragraphs[q.paragraph].begin)
    return sp;
  std::string_view pt = doc.Text(doc.sentences[s0 - 1].span);
  if (pt.empty() || pt.back() != ':') return sp;
  const auto& ptoks = doc.tokens[s0 - 1];
  sp = SubjectNear(doc, s0 - 1, 0, static_cast<uint32_t>(ptoks.size()), false, entities);
  for (const auto& t : ptoks)
    if (lexicon::CueOf(t.norm) != lexicon::Cue::kNone) {
      sp.cue = t.norm;
      break;
    }
  return sp;
}

// B'') A quote opening a sentence right after one of its paragraph that
// ends in a source and its cue ("..., Lund said. “What matters
// ...”"): that source, the subject after the last comma.
Speaker SpeakerOfSentenceBefore(const Document& doc, const Shaped& shape,
                                const std::vector<Entity>& entities) {
  Speaker sp;
  const Quote& q = shape.q;
  if (shape.before_words != 0 || q.first_sentence == 0) return sp;
  const uint32_t ps = q.first_sentence - 1;
  if (doc.sentences[ps].paragraph != q.paragraph) return sp;
  std::string_view text = doc.text();
  const auto& pt = doc.tokens[ps];
  if (pt.size() < 3) return sp;
  const uint32_t v = static_cast<uint32_t>(pt.size()) - 1;
  if (!IsSpeechCue(pt[v].norm) || internal::BareParticiple(text, pt, v) ||
      internal::InsideAny(doc.quote_regions, pt[v].span.begin)) {
    // "Clinton touted her credentials as a co-sponsor. “We need ...”": the
    // person the sentence before opens with, outside quotes, when the quote
    // is its sentence whole (not “...,” the letter to the chairman said).
    const Span qs = doc.sentences[q.last_sentence].span;
    for (const auto& t : doc.tokens[q.last_sentence])
      if (t.IsWord() && t.span.begin >= q.span.end && t.span.end <= qs.end &&
          !internal::InsideAny(doc.quote_regions, t.span.begin))
        return sp;
    auto [first, last] = internal::SentenceMentions(doc, ps);
    for (size_t mi = first; mi < last; ++mi) {
      const Mention& m = doc.mentions[mi];
      if (m.in_quote || m.first_token > 1 ||
          (m.first_token == 1 && pt[0].norm != "but" && pt[0].norm != "and"))
        break;
      if (IsPersonEntity(doc, m, entities) && m.end_token < pt.size() && !pt[m.end_token].cap &&
          pt[m.end_token].kind != text::TokenKind::kClitic)
        sp.mention = static_cast<int>(mi);
      break;
    }
    return sp;
  }
  uint32_t from = v;
  while (from > 0 && v - from < 5 && !internal::CommaBefore(text, pt, from)) --from;
  if (from == 0 || !internal::CommaBefore(text, pt, from)) return sp;
  sp = SubjectNear(doc, ps, from, v, true, entities, false);
  if (sp.Found()) {
    sp.cue = pt[v].norm;
    sp.cue_span = pt[v].span;
  }
  return sp;
}

// The speaker found, written into the quote: a named mention, a pronoun
// resolved to the person meant, or a described source ("the mayor") tied to
// the person named earlier with that role.
void SetSpeaker(const Document& doc, const Speaker& sp, Span inner, const std::vector<Entity>& entities,
                Quote& q) {
  std::string_view text = doc.text();
  if (sp.mention >= 0) {
    const Mention& m = doc.mentions[sp.mention];
    q.speaker = m.surface;
    q.speaker_span = m.span;
    q.entity = m.entity;
  } else if (sp.pronoun_sentence >= 0) {
    const auto& pt = doc.tokens[sp.pronoun_sentence][sp.pronoun_token];
    q.speaker = std::string(pt.span.In(text));
    q.speaker_span = pt.span;
    q.entity = ResolvePronoun(doc, sp.pronoun_sentence, pt.span.begin, entities);
  } else if (!sp.noun.empty()) {
    q.speaker = std::string(sp.noun.In(text));
    q.speaker_span = sp.noun;
    auto words = text::Tokenize(text, sp.noun);
    // The role word heads it, before whom it stands for ("a spokesman for Ryan").
    size_t head = words.size() - 1;
    for (size_t i = 1; i + 1 < words.size(); ++i)
      if (internal::RepresentedEnd(words, static_cast<uint32_t>(i), static_cast<uint32_t>(words.size())) >
          i + 1) {
        head = i;
        break;
      }
    // An indefinite description ("a longtime adviser") is someone not named.
    const std::string& det = words.front().norm;
    if (det != "a" && det != "an" && det != "one")
      q.entity = internal::EntityOfRole(doc, words[head].norm, inner.begin, entities,
                                        internal::NationIn(words, 0, static_cast<uint32_t>(head)));
  }
  q.cue = sp.cue;
  q.cue_span = sp.cue_span;
  // “Q1,” X said. “Q2.”: the second quote found the same cue word as the
  // first, so both make one attribution.
  if (!sp.cue_span.empty() && !doc.quotes.empty() && doc.quotes.back().cue_span.begin == sp.cue_span.begin &&
      doc.quotes.back().cue_span.end == sp.cue_span.end)
    q.continued = true;
}

// A mixed quote: verbatim words inside reported speech ("said that “there
// were issues”", "said it was “resolutely opposed” to"), not a quotation of
// its own. Read from the words right before the mark.
bool MixedQuote(const Document& doc, const std::vector<Span>& regions, size_t r, const Shaped& shape) {
  if (shape.interrupted || shape.before_words == 0) return false;
  std::string_view text = doc.text();
  const text::Token* before = nullptr;
  for (const auto& t : doc.tokens[shape.q.first_sentence])
    if (t.span.end <= regions[r].begin && t.IsWord()) before = &t;
  if (!before) return false;
  std::string_view gap = text.substr(before->span.end, regions[r].begin - before->span.end);
  bool introduced = gap.find_first_of(",:") != std::string_view::npos;
  size_t k = shape.inner.begin;
  char32_t first = text::NextCodePoint(text, k);
  return before->norm == "that" || (!introduced && text::IsAlpha(first) && !text::IsUpper(first));
}

// C) A quote without a speaker of its own continues the previous quote of
// speech (titles and quoted phrases inside a sentence carry no speaker on):
// in the same paragraph, or opening the next one; an interrupted quote is
// its first half's.
void Continue(const Document& doc, const Shaped& shape, Quote& q) {
  auto inherit = [&q](const Quote& prev) {
    q.speaker = prev.speaker;
    q.speaker_span = prev.speaker_span;
    q.entity = prev.entity;
    q.cue = prev.cue;
    q.continued = true;
  };
  if (shape.interrupted) {
    q.embedded = false;
    q.continued = true;
    if (!doc.quotes.back().speaker.empty()) inherit(doc.quotes.back());
  }
  const Quote* last_speech = nullptr;
  for (auto it = doc.quotes.rbegin(); it != doc.quotes.rend() && !last_speech; ++it)
    if (!it->title && !it->fragment && !it->embedded) last_speech = &*it;
  if (q.speaker.empty() && last_speech) {
    const Quote& prev = *last_speech;
    bool same_paragraph = prev.paragraph == q.paragraph;
    bool opens_paragraph =
        shape.before_words == 0 && q.paragraph == prev.paragraph + 1 &&
        doc.sentences[q.first_sentence].span.begin == doc.article->paragraphs[q.paragraph].begin;
    if ((same_paragraph || opens_paragraph) && !prev.speaker.empty() && !q.fragment) inherit(prev);
  }
}

}  // namespace

void FindQuotes(Document& doc, const std::vector<Entity>& entities) {
  doc.quotes.clear();
  const std::vector<Span>& regions = doc.quote_regions;
  for (size_t r = 0; r < regions.size(); ++r) {
    Shaped shape;
    if (!Shape(doc, regions, r, shape)) continue;
    Quote& q = shape.q;
    Speaker sp = SpeakerAfter(doc, regions, r, q.last_sentence, entities);
    if (!sp.Found()) sp = SpeakerBefore(doc, regions, r, q.first_sentence, entities, q);
    if (!sp.Found()) sp = SpeakerOfColonParagraph(doc, shape, entities);
    if (!sp.Found()) sp = SpeakerOfSentenceBefore(doc, shape, entities);
    SetSpeaker(doc, sp, shape.inner, entities, q);
    if (MixedQuote(doc, regions, r, shape)) q.embedded = true;
    Continue(doc, shape, q);
    doc.quotes.push_back(std::move(q));
  }
}

}  // namespace crosscheck::extract
