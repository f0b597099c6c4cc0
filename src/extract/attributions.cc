// Attributions: every quote becomes a direct attribution; then each speech or
// stance cue outside quotation marks that a quote has not already used gives
// an indirect one. "according to X" takes X as the source and the rest of
// the sentence as content. Otherwise the source is the subject before the
// cue (a person, then a pronoun, then any named source, then a common-noun
// source such as "officials"), and the content is what follows the cue
// (after "that"), or, when the cue closes the sentence ("..., Lavrov said"),
// what precedes the source.
#include <algorithm>
#include <unordered_set>

#include "crosscheck/tagger/entity_tagger.h"
#include "crosscheck/text/unicode.h"
#include "internal.h"

namespace crosscheck::extract {

namespace {

// The words that open a reported question ("asked whether ...").
bool IsQuestionWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWh = {"whether", "if",  "why",  "how",
                                                           "what",    "who", "when", "where"};
  return kWh.count(w) > 0;
}

// Polls, studies and records, which speak through what they show ("a new
// poll shows Sanders leading", "the audit found").
bool IsDataNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "poll",    "polls",   "survey", "surveys", "study",    "studies",    "analysis", "data",
      "figures", "records", "audit",  "review",  "research", "statistics", "census",   "tally"};
  return kNouns.count(w) > 0;
}

// "shows", "found": a cue only after a poll, study or record ("the survey
// found", "a poll released Monday shows"), not "police found the car".
// The token after that noun, or 0 when v is no such cue.
uint32_t DataCueSource(const std::vector<text::Token>& toks, uint32_t v) {
  const std::string& w = toks[v].norm;
  if (w != "shows" && w != "showed" && w != "show" && w != "found" && w != "finds") return 0;
  for (uint32_t k = v; k-- > 0 && v - k <= 5;) {
    if (IsDataNoun(toks[k].norm)) return k + 1;
    if (!toks[k].IsWord() || lexicon::CueOf(toks[k].norm) != lexicon::Cue::kNone) return 0;
  }
  return 0;
}

}  // namespace

namespace internal {

// Courts and their papers, which speak for themselves ("a grand jury ...,
// saying", "the lawsuit says") but also name things ("court records").
bool IsInstitutionNoun(std::string_view w) {
  return w == "jury" || w == "court" || w == "panel" || w == "indictment" || w == "lawsuit" ||
         w == "complaint";
}

bool IsSourceNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "officials",      "official",     "authorities", "sources",       "source",      "police",
      "media",          "analysts",     "experts",     "residents",     "witnesses",   "spokesman",
      "spokeswoman",    "spokesperson", "government",  "military",      "ministry",    "commentators",
      "diplomats",      "lawmakers",    "critics",     "investigators", "prosecutors", "observers",
      "aide",           "aides",        "agency",      "statement",     "report",      "reports",
      "administration", "campaign",     "army",        "people",        "kremlin",     "office"};
  return kNouns.count(w) > 0 || IsInstitutionNoun(w) || IsDataNoun(w);
}

// People named by a plural noun with no article: "Civil rights activists",
// "voters", "Economists" opening the sentence, "many of his supporters".
Span PeopleDescribedBefore(const std::vector<text::Token>& toks, uint32_t from, uint32_t v) {
  if (v < from + 1 || v > toks.size()) return {};
  const text::Token& head = toks[v - 1];
  const std::string& w = head.norm;
  if (!head.IsWord() || head.stop || w.size() < 4 || w.back() != 's' || (head.cap && v - 1 != from))
    return {};
  // Right before the cue, one space between ("“rapists,” insists" is no subject).
  if (v < toks.size() && toks[v].span.begin != head.span.end + 1) return {};
  std::string one = w.ends_with("ies") ? w.substr(0, w.size() - 3) + "y" : w.substr(0, w.size() - 1);
  if (!tagger::EntityTagger::Default().IsPersonNoun(one) && !lexicon::IsTitleHead(one) && !IsSourceNoun(w))
    return {};
  uint32_t b = v - 1;
  while (b > from && v - b < 5 && toks[b - 1].IsWord() && !toks[b - 1].stop) --b;
  return {toks[b].span.begin, head.span.end};
}

Span PersonDescribedBefore(const std::vector<text::Token>& toks, uint32_t from, uint32_t v) {
  if (v < from + 1 || v > toks.size()) return {};
  const text::Token& head = toks[v - 1];
  const std::string_view noun = internal::RoleNoun(head.norm);
  if (v >= from + 2 && head.IsWord() && !head.cap &&
      (IsSourceNoun(noun) || lexicon::IsTitleHead(noun) ||
       tagger::EntityTagger::Default().IsPersonNoun(noun))) {
    for (uint32_t d = v - 1; d-- > from && v - d <= 4;) {
      const text::Token& t = toks[d];
      if (t.norm == "the" || t.norm == "a" || t.norm == "an") return {t.span.begin, head.span.end};
      if (!t.IsWord() || (t.stop && !t.cap)) break;  // names may modify: "a White House official"
    }
  }
  return PeopleDescribedBefore(toks, from, v);
}

bool PassiveAsked(std::string_view text, const std::vector<text::Token>& toks, uint32_t k) {
  if (toks[k].norm != "asked") return false;
  const bool opens =
      CommaBefore(text, toks, k) || (k == 1 && (toks[0].norm == "but" || toks[0].norm == "and"));
  if (!opens) return false;
  bool asks = false;
  for (uint32_t t = k + 1; t < toks.size() && t <= k + 3 && !asks; ++t)
    asks = IsQuestionWord(toks[t].norm) || toks[t].norm == "about";
  if (!asks) return false;
  // The answer's cue comes after the clause closes with a comma.
  bool closed = false;
  for (uint32_t t = k + 2; t < toks.size(); ++t) {
    closed |= CommaBefore(text, toks, t);
    if (closed && toks[t].norm != "asked" && lexicon::CueOf(toks[t].norm) != lexicon::Cue::kNone) return true;
  }
  return false;
}

uint32_t AfterOpeningAsked(std::string_view text, const std::vector<text::Token>& toks) {
  uint32_t k = 0;
  if (k < toks.size() && (toks[k].norm == "when" || toks[k].norm == "but" || toks[k].norm == "and")) ++k;
  if (k >= toks.size() || toks[k].norm != "asked") return 0;
  for (uint32_t t = k + 1; t < toks.size(); ++t)
    if (CommaBefore(text, toks, t)) return t;
  return 0;
}

bool BareParticiple(std::string_view text, const std::vector<text::Token>& toks, uint32_t v) {
  const std::string& w = toks[v].norm;
  if (!w.ends_with("ing") || w == "saying" || w == "adding" || w == "according") return false;
  return v == 0 || !CommaBefore(text, toks, v);
}

uint32_t BeforeAskedClause(std::string_view text, const std::vector<text::Token>& toks, uint32_t from,
                           uint32_t v) {
  // From the second word on: "But asked if ..., Gowdy said" has its
  // subject after the clause.
  for (uint32_t k = std::max(from + 1, 2u); k < v && k < toks.size(); ++k)
    if (PassiveAsked(text, toks, k)) return k;
  return v;
}

}  // namespace internal

namespace {

using internal::IsSourceNoun;

// "called it a fabrication", "called that claim false": a verdict, not a phone call.
bool CallsSomethingFalse(const std::vector<text::Token>& toks, uint32_t v) {
  static const std::unordered_set<std::string_view> kVerdicts = {
      "false",  "fabrication", "lie",  "lies",       "baseless",   "nonsense",   "absurd", "fake",
      "untrue", "propaganda",  "hoax", "ridiculous", "groundless", "misleading", "wrong",  "provocation"};
  for (uint32_t k = v + 1; k < toks.size() && k <= v + 6; ++k)
    if (kVerdicts.count(toks[k].norm)) return true;
  return false;
}

// "called the plan “a disaster”", "called it “destructive”": a verdict in
// the speaker's words, within a few words of the cue. Not "called for" or
// "called on" (a demand), nor "was called" or "so-called" (a name).
bool CallsItInQuotes(std::string_view text, const std::vector<text::Token>& toks, uint32_t v) {
  if (v + 1 >= toks.size() || lexicon::IsPreposition(toks[v + 1].norm)) return false;
  if (v > 0 && (toks[v - 1].norm == "was" || toks[v - 1].norm == "is" || toks[v - 1].norm == "be" ||
                toks[v - 1].norm == "been" || toks[v - 1].norm == "so"))
    return false;
  const uint32_t last = std::min<uint32_t>(static_cast<uint32_t>(toks.size()) - 1, v + 8);
  std::string_view gap = text.substr(toks[v].span.end, toks[last].span.begin - toks[v].span.end);
  return gap.find('"') != std::string_view::npos || gap.find("\xE2\x80\x9C") != std::string_view::npos;
}

// "asked whether ...", "asked him why ...": a question reported. "asked for
// his reaction", "when asked about it", "asked to leave" report none.
bool AsksSomething(const std::vector<text::Token>& toks, uint32_t v) {
  if (v > 0 && (toks[v - 1].norm == "when" || toks[v - 1].norm == "was" || toks[v - 1].norm == "were" ||
                toks[v - 1].norm == "being"))
    return false;
  for (uint32_t k = v + 1; k < toks.size() && k <= v + 3; ++k)
    if (IsQuestionWord(toks[k].norm)) return true;
  return false;
}

bool IsContentBreak(std::string_view w) {
  return w == "while" || w == "although" || w == "whereas" || w == "though" || w == "but";
}

bool IsPerson(const Mention& m, const std::vector<Entity>& entities) {
  return m.entity >= 0 && entities[m.entity].type == EntityType::kPerson;
}

bool IsPlace(const Mention& m, const std::vector<Entity>& entities) {
  return m.entity >= 0 && entities[m.entity].type == EntityType::kPlace;
}

// Where a sentence's own words start: after a dateline run into it, a
// place in capitals or with its agency in parentheses before a dash
// ("Denver (AP) – Colorado's top law enforcement official promises",
// "WASHINGTON — The president said"; not "Jason Sims — a teacher — says").
uint32_t AfterInlineDateline(std::string_view text, const std::vector<text::Token>& toks) {
  bool caps = true;
  for (uint32_t t = 1; t < toks.size() && t <= 5; ++t) {
    if (!toks[t - 1].cap && toks[t - 1].IsWord()) return 0;
    caps &= toks[t - 1].all_caps;
    if (!internal::DashBefore(text, toks, t)) continue;
    const std::string_view gap = text.substr(toks[t - 1].span.end, toks[t].span.begin - toks[t - 1].span.end);
    return caps || gap.find(')') != std::string_view::npos ? t : 0;
  }
  return 0;
}

// "Oregon Gov. Ana Berg (D) announced": a mention in parentheses.
bool InParentheses(std::string_view text, const Mention& m) {
  return m.span.begin > 0 && m.span.end < text.size() && text[m.span.begin - 1] == '(' &&
         text[m.span.end] == ')';
}

// Words that open a clause of time or cause ("before", "when", "because").
bool IsSubordinator(std::string_view w) {
  return w == "after" || w == "before" || w == "when" || w == "while" || w == "as" || w == "since" ||
         w == "until" || w == "because";
}

// Whether the sentence opens, at token `start`, with a phrase of time,
// place or manner that a comma will close ("After meeting Ms. Berg, the
// mayor ...", "Speaking beside Ivo Lund at the fair, she ...").
bool OpensWithPhrase(const std::vector<text::Token>& toks, uint32_t start) {
  if (start >= toks.size()) return false;
  const std::string& w = toks[start].norm;
  return lexicon::IsPreposition(w) || IsSubordinator(w) || w == "following" || w == "despite" ||
         (w.size() > 4 && w.ends_with("ing") && lexicon::CueOf(w) == lexicon::Cue::kNone);
}

// The source of cue token v in sentence s. A pronoun or a name right before
// the cue is its subject ("he said", "the Kremlin said"). A participle
// ("saying", "adding") or a cue after "and" shares the subject of the main
// clause, the first name of the sentence (a person preferred). Otherwise the
// nearest person before the cue, or a common-noun source ("officials").
bool SubjectOfCue(const Document& doc, uint32_t s, uint32_t v, const std::vector<Entity>& entities,
                  Attribution& a) {
  const auto& toks = doc.tokens[s];
  std::string_view text = doc.text();
  auto take_mention = [&](int mi) -> bool {
    const Mention& m = doc.mentions[mi];
    a.speaker = m.surface;
    a.speaker_span = m.span;
    a.entity = m.entity;
    return true;
  };
  // A word of the sentence as the speaker: a pronoun, resolved to its
  // person, or an unnamed few ("some"), no one in particular.
  auto take_token = [&](uint32_t t, bool pronoun) -> bool {
    a.speaker = std::string(toks[t].span.In(text));
    a.speaker_span = toks[t].span;
    a.entity = pronoun ? ResolvePronoun(doc, s, toks[t].span.begin, entities) : -1;
    return true;
  };
  // "A new Gazette poll released Monday shows": the poll, with the words
  // before it that describe it.
  if (const uint32_t d = DataCueSource(toks, v); d > 0) {
    uint32_t b = d - 1;
    while (b > 0 && toks[b - 1].IsWord() && (!toks[b - 1].stop || lexicon::IsDeterminer(toks[b - 1].norm)) &&
           lexicon::CueOf(toks[b - 1].norm) == lexicon::Cue::kNone && d - b < 6)
      --b;
    a.speaker_span = {toks[b].span.begin, toks[d - 1].span.end};
    a.speaker = std::string(a.speaker_span.In(text));
    a.entity = -1;
    return true;
  }
  // Passive: "was rejected by Ukrainian officials".
  if (v > 0 && (toks[v - 1].norm == "was" || toks[v - 1].norm == "were" || toks[v - 1].norm == "been" ||
                toks[v - 1].norm == "is" || toks[v - 1].norm == "are")) {
    for (uint32_t b = v + 1; b < toks.size() && b < v + 4; ++b) {
      if (toks[b].norm != "by") continue;
      // "by U.S. Deputy Trade Representative Ana Berg": the person a
      // title and its country lead up to.
      for (uint32_t e = b + 1; e < toks.size() && e < b + 8 && (toks[e].cap || !toks[e].IsWord()); ++e)
        if (int mi = internal::MentionAtToken(doc, s, e); mi >= 0 && IsPerson(doc.mentions[mi], entities))
          return take_mention(mi);
      for (uint32_t e = b + 1; e < toks.size() && e < b + 5; ++e) {
        int mi = internal::MentionAtToken(doc, s, e);
        if (mi >= 0 && IsPerson(doc.mentions[mi], entities)) return take_mention(mi);
        if (IsSourceNoun(toks[e].norm) || (mi >= 0 && e + 1 == b + 4)) {
          a.speaker_span = {toks[b + 1].span.begin, toks[e].span.end};
          a.speaker = std::string(a.speaker_span.In(text));
          return true;
        }
        if (mi >= 0 && (e + 1 >= toks.size() || !IsSourceNoun(toks[e + 1].norm))) return take_mention(mi);
      }
      return false;
    }
    // "the new rules were announced on Monday": no agent, so no source.
    return false;
  }
  // Skip adverbs between subject and cue ("Zelensky also warned", "flatly denied").
  uint32_t k = v;
  while (k > 0 && v - k < 3 &&
         (toks[k - 1].norm.ends_with("ly") || toks[k - 1].norm == "also" || toks[k - 1].norm == "later" ||
          toks[k - 1].norm == "then" || toks[k - 1].norm == "though" || toks[k - 1].norm == "however" ||
          toks[k - 1].norm == "meanwhile" || toks[k - 1].norm == "has" || toks[k - 1].norm == "had" ||
          toks[k - 1].norm == "have" || toks[k - 1].norm == "had"))
    --k;
  // "a handful — including Ed Royce ... and Ben Sasse, a frequent critic of
  // Mr. Trump — urged": an aside between dashes right before the cue is
  // not its subject; what stands before the aside is.
  uint32_t limit = v;  // the subject ends here at the latest
  if (k > 1 && internal::DashBefore(text, toks, k))
    for (uint32_t o = k - 1; o > 0; --o)
      if (internal::DashBefore(text, toks, o)) {
        k = limit = o;
        break;
      }
  // "what some have said was ...", "as others argued": an unnamed few
  // speak, not a person named elsewhere in the sentence.
  if (k > 0 && (toks[k - 1].norm == "some" || toks[k - 1].norm == "others" || toks[k - 1].norm == "many") &&
      (k == 1 || !toks[k - 2].IsWord() || toks[k - 2].stop)) {
    return take_token(k - 1, false);
  }
  if (k > 0 && lexicon::IsPersonPronoun(toks[k - 1].norm)) {
    return take_token(k - 1, true);
  }
  std::vector<int> before;
  const uint32_t start = AfterInlineDateline(text, toks);
  auto [first, last] = internal::SentenceMentions(doc, s);
  for (size_t mi = first; mi < last; ++mi) {
    const Mention& m = doc.mentions[mi];
    if (!m.in_quote && m.end_token <= limit && m.first_token >= start && !InParentheses(text, m))
      before.push_back(static_cast<int>(mi));
  }
  bool participle = toks[v].norm.ends_with("ing");
  bool coordinated = k > 0 && toks[k - 1].norm == "and";
  // "The missive accused the NAACP of ... and urged": a name after the
  // first verb is its object, not the shared subject ("reported that Putin
  // called Trump and told him": a clause of its own).
  if (coordinated)
    for (uint32_t t = start; t < k; ++t)
      if (lexicon::CueOf(toks[t].norm) != lexicon::Cue::kNone && !toks[t].cap) {
        if (t + 1 < k && toks[t + 1].norm != "that")
          std::erase_if(before, [&](int mi) { return doc.mentions[mi].end_token > t; });
        break;
      }
  if (participle || coordinated) {
    // ",” a city hall aide told a paper, adding that ...": the
    // speaker of the sentence's quote, when its cue comes before, unless
    // the quote stands in an aside between dashes ("Lyons said that he used
    // a wheelchair – he “claimed it was necessary” – and added").
    const Span sent = doc.sentences[s].span;
    auto in_aside = [&](Span cue) {
      uint32_t c = 0;
      while (c < toks.size() && toks[c].span.begin < cue.begin) ++c;
      bool opened = false, closed = false;
      for (uint32_t o = 1; o <= c && o < toks.size(); ++o) opened |= internal::DashBefore(text, toks, o);
      for (uint32_t o = c + 1; o <= v && o < toks.size(); ++o) closed |= internal::DashBefore(text, toks, o);
      return opened && closed;
    };
    // "Lyons said that ... and added, “...”": what someone goes on to add
    // is theirs, whatever the clause between names.
    const bool goes_on = coordinated && (toks[v].norm == "added" || toks[v].norm == "continued");
    for (const Attribution& q : doc.attributions)
      if ((q.direct || goes_on) && !q.speaker.empty() && !q.cue_span.empty() &&
          q.cue_span.begin >= sent.begin && q.cue_span.end <= toks[v].span.begin && !in_aside(q.cue_span)) {
        a.speaker = q.speaker;
        a.speaker_span = q.speaker_span;
        a.entity = q.entity;
        return true;
      }
    // "A New York judge has rejected ..., saying ...": a person or source
    // described at the sentence's start is the main clause's subject.
    // Not a cue read as a noun ("The missive accused the NAACP of ... and urged").
    // After an opening phrase of place or time ("In Wednesday's speech the
    // senator also took a swipe at Clinton, calling ..."), at its "the".
    uint32_t opens = start;
    if (start < toks.size() && toks[start].norm == "in")
      for (uint32_t p = start + 2; p < toks.size() && p <= start + 5 && p < v; ++p)
        if (toks[p].norm == "the" && !toks[p].cap) {
          opens = p;
          break;
        }
    for (uint32_t h = opens + 1; h < toks.size() && h <= opens + 5 && h < v; ++h) {
      if (lexicon::CueOf(toks[h].norm) != lexicon::Cue::kNone) break;
      Span subject = internal::PersonDescribedBefore(toks, opens, h + 1);
      if (subject.empty() || subject.begin != toks[opens].span.begin) continue;
      // "A strong critic of the plan, she has ...": the description stands
      // before the subject, a pronoun after the comma.
      for (uint32_t p = h + 1; p < v && p <= h + 8; ++p)
        if (internal::CommaBefore(text, toks, p)) {
          if (lexicon::IsPersonPronoun(toks[p].norm) && toks[p].norm != "it") {
            return take_token(p, true);
          }
          break;
        }
      a.speaker_span = subject;
      a.speaker = std::string(subject.In(text));
      if (const std::string& w = toks[h].norm; lexicon::IsTitleHead(w) && !IsSourceNoun(w))
        a.entity = internal::EntityOfRole(doc, w, toks[opens].span.begin, entities,
                                          internal::NationIn(toks, opens, h));
      return true;
    }
    // "He went on to call ... CNN, saying ...": a pronoun opening the
    // sentence is the main clause's subject.
    if (!toks.empty() && lexicon::IsPersonPronoun(toks[0].norm) &&
        (before.empty() || doc.mentions[before.front()].first_token > 0)) {
      return take_token(0, true);
    }
    auto person = [&](int mi) {
      return IsPerson(doc.mentions[mi], entities) && !internal::IsPossessor(toks, doc.mentions[mi]);
    };
    // Not a person of an opening phrase ("After meeting Ms. Berg in Salem,
    // the mayor ... and urged"): the main clause starts after the comma
    // that closes it, past any phrase that goes on ("Despite ..., led by
    // Ivo Lund, the mayor").
    if (OpensWithPhrase(toks, start)) {
      uint32_t c = start + 1;
      for (; c < k; ++c) {
        if (!internal::CommaBefore(text, toks, c)) continue;
        const std::string& w = toks[c].norm;
        const bool goes_on =
            !toks[c].cap && (w.ends_with("ed") || w == "including" || lexicon::IsPreposition(w));
        if (!goes_on) break;
      }
      for (int mi : before)
        if (doc.mentions[mi].first_token >= c && person(mi)) return take_mention(mi);
    }
    // A group or body opening the sentence is its subject, not a person
    // named in a clause of time after it ("Democrats rejected the offer
    // before Ms. Berg announced it, maintaining ...").
    if (!before.empty()) {
      const Mention& m = doc.mentions[before.front()];
      const bool at_start =
          m.first_token == start || (m.first_token == start + 1 && toks[start].norm == "the");
      const bool opens = at_start && !person(before.front()) && !IsPlace(m, entities) &&
                         !internal::IsPossessor(toks, m) && m.end_token < k &&
                         !internal::CommaBefore(text, toks, m.end_token) &&
                         toks[m.end_token].norm.ends_with("ed");
      int next_person = -1;
      for (int mi : before)
        if (person(mi)) {
          next_person = mi;
          break;
        }
      bool in_clause = false;
      if (opens && next_person >= 0)
        for (uint32_t t = m.end_token; t < doc.mentions[next_person].first_token && !in_clause; ++t)
          in_clause = IsSubordinator(toks[t].norm);
      if (opens && (next_person < 0 || in_clause)) return take_mention(before.front());
    }
    for (int mi : before)
      if (person(mi)) return take_mention(mi);
    // A possessor is no speaker; what it owns may be ("Colorado's top law
    // enforcement official promises ..., saying").
    for (int mi : before) {
      const Mention& m = doc.mentions[mi];
      if (!internal::IsPossessor(toks, m)) return take_mention(mi);
      for (uint32_t e = m.end_token + 1; e < k && e <= m.end_token + 5 && toks[e].IsWord() && !toks[e].cap;
           ++e)
        if (IsSourceNoun(toks[e].norm) || lexicon::IsTitleHead(toks[e].norm)) {
          a.speaker_span = {m.span.begin, toks[e].span.end};
          a.speaker = std::string(a.speaker_span.In(text));
          a.entity = internal::EntityOfRole(doc, toks[e].norm, m.span.begin, entities,
                                            internal::NationIn(toks, m.first_token, e));
          return true;
        }
      break;
    }
    return false;
  }
  if (int mi = internal::RelativeClauseSubject(doc, s, k, entities); mi >= 0) return take_mention(mi);
  if (!before.empty() && doc.mentions[before.back()].end_token == k &&
      !internal::CommaBefore(text, toks, k) && !internal::IsRepresented(toks, doc.mentions[before.back()])) {
    // "Senator Ana M. Berg of Oregon said": the person "of" follows.
    const Mention& last_name = doc.mentions[before.back()];
    if (before.size() >= 2 && !IsPerson(last_name, entities) && last_name.first_token > 0 &&
        toks[last_name.first_token - 1].norm == "of") {
      const Mention& head = doc.mentions[before[before.size() - 2]];
      if (IsPerson(head, entities) && head.end_token + 1 == last_name.first_token)
        return take_mention(before[before.size() - 2]);
    }
    return take_mention(before.back());
  }
  // "Ana Berg, Mayor Ivo Lund's chief of staff, said":
  // a possessor is not the speaker; the name the apposition describes is.
  if (internal::CommaBefore(text, toks, k)) {
    for (int mi : before) {
      const Mention& m = doc.mentions[mi];
      if (!IsPerson(m, entities) || internal::IsPossessor(toks, m) || internal::IsRepresented(toks, m) ||
          !internal::CommaBefore(text, toks, m.end_token))
        continue;
      // What stands between the two commas describes the person (a place
      // may carry commas of its own: "in South Orange, New Jersey"), with
      // no cue of its own.
      // A participle or relative clause may run longer ("Ivo Lund,
      // hoping to end a strange dispute that is ... putting at risk his
      // plan to run for governor of the state, firmly denied").
      const bool clause = m.end_token < toks.size() &&
                          (toks[m.end_token].norm.ends_with("ing") || toks[m.end_token].norm == "who");
      bool apposition = k - m.end_token <= (clause ? 40u : 20u);
      for (uint32_t t = m.end_token; t < k && apposition; ++t)
        apposition = lexicon::CueOf(toks[t].norm) == lexicon::Cue::kNone;
      if (!apposition) break;
      // "A lawyer for Ms. Berg, Ivo Lund of Lund & Ortiz, said":
      // the person "of" follows.
      if (m.first_token > 0 && toks[m.first_token - 1].norm == "of")
        for (int pi : before)
          if (doc.mentions[pi].end_token + 1 == m.first_token && IsPerson(doc.mentions[pi], entities))
            return take_mention(pi);
      return take_mention(mi);
    }
    // No person described: the name the comma closes, unless a place
    // ("a spokeswoman for a congressman from Tennessee, wrote").
    if (!before.empty() && doc.mentions[before.back()].end_token == k &&
        !IsPlace(doc.mentions[before.back()], entities))
      return take_mention(before.back());
  }
  // "the Obama campaign said": the source the name describes, not the name.
  // "the reporter asked whether": a person described right before the cue.
  const bool person_described = !internal::PersonDescribedBefore(toks, 0, k).empty();
  // "people familiar with the matter", "a person close to the family",
  // "officials briefed on the talks": a source described by what it knows.
  auto knowing = [&](uint32_t b) {
    if (b + 2 >= k) return false;
    const std::string& w = toks[b + 1].norm;
    const std::string& p = toks[b + 2].norm;
    return ((w == "familiar" || w == "knowledgeable") && (p == "with" || p == "about")) ||
           (w == "close" && p == "to") || (w == "briefed" && p == "on");
  };
  // "court records indicated": a court's noun modifying the noun before
  // the cue is no source; that noun, a thing, is none either.
  auto modifier = [&](uint32_t b) {
    if (b + 2 != k || !internal::IsInstitutionNoun(toks[b].norm)) return false;
    const text::Token& head = toks[b + 1];
    return head.IsWord() && !head.cap && !head.stop && !IsSourceNoun(head.norm) &&
           !lexicon::IsTitleHead(head.norm) && !tagger::EntityTagger::Default().IsPersonNoun(head.norm) &&
           lexicon::CueOf(head.norm) == lexicon::Cue::kNone;
  };
  auto source_noun = [&](uint32_t b) {
    if (modifier(b)) return false;
    return IsSourceNoun(toks[b].norm) || (lexicon::IsTitleHead(toks[b].norm) && !toks[b].cap) ||
           (person_described && b + 1 == k) || internal::RepresentedEnd(toks, b, k) > b + 1 ||
           ((toks[b].norm == "person" || toks[b].norm == "persons") && knowing(b));
  };
  // "the Obama campaign said", "Mr. Mueller's office disputed": a source
  // noun right before the cue, after the name that owns or qualifies it.
  const bool described =
      person_described || (k > 0 && !toks[k - 1].cap && IsSourceNoun(toks[k - 1].norm) && !before.empty() &&
                           (doc.mentions[before.back()].end_token + 1 == k ||
                            (k >= 2 && toks[k - 2].kind == text::TokenKind::kClitic &&
                             doc.mentions[before.back()].end_token + 2 == k)));
  for (auto it = before.rbegin(); it != before.rend() && !described; ++it)
    if (IsPerson(doc.mentions[*it], entities) && !internal::IsPossessor(toks, doc.mentions[*it]) &&
        !internal::IsRepresented(toks, doc.mentions[*it]) && doc.mentions[*it].end_token + 8 >= k)
      return take_mention(*it);
  uint32_t pp = 0;  // a preposition whose object was passed over (+1), or 0
  for (uint32_t b = k; b-- > 0 && b + 16 >= k;) {
    // Four words back, or further for the role of "a spokesman for Senate
    // Majority Leader Harry Reid", or for the head before a passed-over
    // object ("sources close to her campaign").
    if (b + 4 < k && internal::RepresentedEnd(toks, b, k) != k && !(pp && b + 4 >= pp) && !knowing(b))
      continue;
    if (source_noun(b)) {
      uint32_t f = b;
      // "A person who knows of Ms. Berg's account to the
      // auditor's staff said": the object of "to" or "with" is not
      // the subject ("a spokesman for the campaign", "officials at the
      // agency" are sources).
      uint32_t g = b;
      while (g > 0 && b - g < 5 && !lexicon::IsPreposition(toks[g - 1].norm) &&
             (toks[g - 1].IsWord() || toks[g - 1].kind == text::TokenKind::kClitic) &&
             (!toks[g - 1].stop || lexicon::IsDeterminer(toks[g - 1].norm)) &&
             (toks[g].kind == text::TokenKind::kClitic ||
              internal::OnlySpaces(text, toks[g - 1].span.end, toks[g].span.begin)))
        --g;
      if (g > 0 && (toks[g - 1].norm == "to" || toks[g - 1].norm == "with" || toks[g - 1].norm == "about") &&
          internal::OnlySpaces(text, toks[g - 1].span.end, toks[g].span.begin)) {
        pp = g;
        continue;
      }
      // "Ukrainian officials", "Ukraine's foreign minister"; not a
      // participle opening a phrase ("..., citing two law enforcement
      // officials who said").
      auto opens_phrase = [&](uint32_t t) {
        return toks[t].norm.ends_with("ing") && internal::CommaBefore(text, toks, t);
      };
      while (f > 0 && b - f < 4 &&
             ((!toks[f - 1].stop && toks[f - 1].kind == text::TokenKind::kWord && !opens_phrase(f - 1)) ||
              toks[f - 1].kind == text::TokenKind::kClitic) &&
             (toks[f].kind == text::TokenKind::kClitic ||
              internal::OnlySpaces(text, toks[f - 1].span.end, toks[f].span.begin)))
        --f;
      // "a spokeswoman for Ryan": whom the role word stands for is part of it.
      const uint32_t last = internal::RepresentedEnd(toks, b, k) - 1;
      a.speaker_span = {toks[f].span.begin, toks[last].span.end};
      a.speaker = std::string(a.speaker_span.In(text));
      if (!IsSourceNoun(toks[b].norm))
        a.entity = internal::EntityOfRole(doc, toks[b].norm, toks[f].span.begin, entities,
                                          internal::NationIn(toks, f, b));
      return true;
    }
  }
  return false;
}

}  // namespace

namespace {

// Direct quotes become attributions (a quoted fragment inside reported
// speech belongs to that indirect attribution; a fragment with no speaker is
// a scare quote); returns the cues they used, as (sentence, token begin).
std::vector<std::pair<uint32_t, uint32_t>> AddQuotes(Document& doc) {
  std::vector<std::pair<uint32_t, uint32_t>> used_cues;
  auto standalone = [](const Quote& q) {
    return !q.embedded && !q.title && (!q.fragment || !q.speaker.empty());
  };
  for (const Quote& q : doc.quotes) {
    if (!standalone(q)) continue;
    Attribution a;
    a.speaker = q.speaker;
    a.speaker_span = q.speaker_span;
    a.entity = q.entity;
    a.cue = q.cue;
    a.cue_kind = lexicon::CueOf(q.cue);
    a.cue_span = q.cue_span;
    a.content = q.span;
    a.direct = true;
    a.continued = q.continued;
    a.paragraph = q.paragraph;
    a.sentence = q.first_sentence;
    doc.attributions.push_back(a);
  }
  // Cues that introduce or follow a quote belong to it.
  for (const Quote& q : doc.quotes) {
    if (!standalone(q)) continue;
    for (uint32_t s : {q.first_sentence, q.last_sentence})
      for (const auto& t : doc.tokens[s])
        if (t.norm == q.cue) used_cues.push_back({s, t.span.begin});
  }
  return used_cues;
}

// Transcript turns: the label is the source, the colon the cue, the turn the
// content; a continuation paragraph keeps the speaker.
void AddTranscriptTurns(Document& doc, const std::vector<Entity>& entities) {
  std::string_view text = doc.text();
  Attribution turn_speaker;
  for (const internal::TranscriptTurn& turn : internal::TranscriptTurns(doc)) {
    Attribution a;
    if (!turn.label.empty()) {
      a.speaker_span = turn.label;
      a.speaker = std::string(turn.label.In(text));
      std::string surname = text::FoldForMatch(a.speaker);
      for (size_t e = 0; e < entities.size() && a.entity < 0; ++e) {
        if (entities[e].type != EntityType::kPerson) continue;
        std::string name = text::FoldForMatch(entities[e].name);
        if (name == surname || name.ends_with(" " + surname)) a.entity = static_cast<int>(e);
      }
      a.cue = ":";
      a.cue_span = {turn.label.end, turn.label.end + 1};
      turn_speaker = a;
    } else {
      a = turn_speaker;
    }
    a.content = turn.content;
    int s = doc.SentenceAt(a.content.begin);
    if (a.content.empty() || s < 0) continue;
    a.sentence = static_cast<uint32_t>(s);
    a.paragraph = turn.paragraph;
    doc.attributions.push_back(a);
  }
}

// "pleaded guilty to", "pleads guilty": a plea admitting a charge.
bool PleadsGuilty(const std::vector<text::Token>& toks, uint32_t v) {
  return toks[v].norm.starts_with("plead") && v + 1 < toks.size() && toks[v + 1].norm == "guilty";
}

// The cue's kind there: "pleaded not guilty" denies the charge.
lexicon::Cue CueKindAt(const std::vector<text::Token>& toks, uint32_t v) {
  if (toks[v].norm.starts_with("plead") && v + 2 < toks.size() && toks[v + 1].norm == "not" &&
      toks[v + 2].norm == "guilty")
    return lexicon::Cue::kDeny;
  if (DataCueSource(toks, v) > 0) return lexicon::Cue::kAssert;
  return lexicon::CueOf(toks[v].norm);
}

// Whether token v of sentence s is a cue that opens an attribution here.
bool CueHere(const Document& doc, const std::vector<Span>& regions, uint32_t s, uint32_t v,
             const std::vector<std::pair<uint32_t, uint32_t>>& used_cues) {
  const auto& toks = doc.tokens[s];
  lexicon::Cue kind = CueKindAt(toks, v);
  if (kind == lexicon::Cue::kNone || internal::InsideAny(regions, toks[v].span.begin)) return false;
  if (internal::BareParticiple(doc.text(), toks, v)) return false;
  if (toks[v].cap && v > 0) return false;  // "United States", not "states"
  if (v > 0 && lexicon::CueOf(toks[v - 1].norm) != lexicon::Cue::kNone)
    return false;  // "said claims that": the claims are what was said about
  if (v > 0 && lexicon::IsDeterminer(toks[v - 1].norm) && toks[v].norm != "according")
    return false;  // "the alleged attack"
  // "32% of Republican claims", "with new reports": a noun after a
  // preposition and one modifier.
  if (const std::string& w = toks[v].norm; (w == "claims" || w == "claim" || w == "reports" || w == "notes" ||
                                            w == "doubts" || w == "estimates") &&
                                           v >= 2 && lexicon::IsPreposition(toks[v - 2].norm))
    return false;
  if ((toks[v].norm == "called" || toks[v].norm == "calling") && !CallsSomethingFalse(toks, v) &&
      !CallsItInQuotes(doc.text(), toks, v))
    return false;  // "called for", "called Trump", "calling on"
  if ((toks[v].norm == "asked" || toks[v].norm == "asks") && !AsksSomething(toks, v)) return false;
  // "charged the couple", "charged with fraud": an indictment, not a
  // charge made in words ("charged that the count was rigged").
  if (toks[v].norm == "charged" || toks[v].norm == "charges") {
    bool that = false;
    for (uint32_t k = v + 1; k < toks.size() && k <= v + 10 && !that; ++k) that = toks[k].norm == "that";
    if (!that) return false;
  }
  if (PleadsGuilty(toks, v)) return false;                        // a plea in court, not a claim
  if (internal::PassiveAsked(doc.text(), toks, v)) return false;  // "X, asked if ..., said": X was asked
  // "the brawl continued on Tuesday", "continued as a member": no speech
  // ("continued to question", "continued his attacks" are).
  const bool continues =
      toks[v].norm == "continued" || toks[v].norm == "continues" || toks[v].norm == "continuing";
  if (continues && v + 1 < toks.size() && toks[v + 1].norm != "to" &&
      lexicon::IsPreposition(toks[v + 1].norm) &&
      internal::OnlySpaces(doc.text(), toks[v].span.end, toks[v + 1].span.begin))
    return false;
  // Nor "continued to spend": what goes on must be speech ("continued to
  // question", "continued to insist": a verb whose past is a cue).
  if (continues && v + 2 < toks.size() && toks[v + 1].norm == "to") {
    const std::string& next = toks[v + 2].norm;
    const bool speech = next == "say" || lexicon::CueOf(next) != lexicon::Cue::kNone ||
                        lexicon::CueOf(next + "ed") != lexicon::Cue::kNone ||
                        lexicon::CueOf(next + "d") != lexicon::Cue::kNone;
    if (!speech) return false;
  }
  return std::find(used_cues.begin(), used_cues.end(), std::make_pair(s, toks[v].span.begin)) ==
         used_cues.end();
}

// "according to X": the source is the mention after "to", the content the
// rest of the sentence (or what comes before, when the phrase closes it).
bool AccordingTo(const Document& doc, uint32_t s, uint32_t v, Attribution& a) {
  std::string_view text = doc.text();
  const auto& toks = doc.tokens[s];
  const Span sent = doc.sentences[s].span;
  if (v + 1 >= toks.size() || toks[v + 1].norm != "to") return false;
  int m = -1;
  for (uint32_t k = v + 2; k < toks.size() && k < v + 8 && m < 0; ++k)
    m = internal::MentionAtToken(doc, s, k);
  uint32_t src_end =
      m >= 0 ? doc.mentions[m].span.end : toks[std::min<size_t>(v + 2, toks.size() - 1)].span.end;
  if (m >= 0) {
    a.speaker = doc.mentions[m].surface;
    a.speaker_span = doc.mentions[m].span;
    a.entity = doc.mentions[m].entity;
  } else if (v + 2 < toks.size()) {
    // "according to the poll", "according to show insiders": the words
    // after "to", up to six, to the clause's end.
    uint32_t e = v + 2;
    while (e < toks.size() && e < v + 8 && toks[e].IsWord() &&
           (e == v + 2 || !internal::CommaBefore(text, toks, e)) &&
           lexicon::CueOf(toks[e].norm) == lexicon::Cue::kNone)
      ++e;
    if (e > v + 2 && (e == toks.size() || internal::CommaBefore(text, toks, e) ||
                      text.substr(toks[e - 1].span.end, 1).find_first_of(".;") == 0)) {
      a.speaker_span = {toks[v + 2].span.begin, toks[e - 1].span.end};
      a.speaker = std::string(a.speaker_span.In(text));
      src_end = a.speaker_span.end;
    }
  }
  size_t comma = text.find(',', src_end);
  if (v == 0 || toks[v].span.begin - sent.begin < 3) {
    a.content = {
        comma != std::string_view::npos && comma < sent.end ? static_cast<uint32_t>(comma + 1) : src_end,
        sent.end};
  } else {
    a.content = {sent.begin, toks[v].span.begin};
  }
  return true;
}

// "X said (that) ...": the subject of the cue is the source; the content
// runs from after the cue (and a recipient and "that") to the end of the
// clause, or is what comes before the source ("..., X said").
bool Speech(const Document& doc, uint32_t s, uint32_t v, const std::vector<Entity>& entities,
            Attribution& a) {
  std::string_view text = doc.text();
  const auto& toks = doc.tokens[s];
  const Span sent = doc.sentences[s].span;
  if (!SubjectOfCue(doc, s, v, entities, a)) return false;
  if (a.speaker.empty()) return false;
  uint32_t c0 = v + 1;
  // Skip a recipient and "that": "told reporters that", "said on Monday that".
  // A capitalised "That" or "that’s" is the content's first word.
  // Not the "that" of a participle set off by a comma ("announced it on
  // Saturday, maintaining that ...": the participle's own content).
  auto participle_before = [&](uint32_t k) {
    return k - 1 > c0 && toks[k - 1].norm.ends_with("ing") && internal::CommaBefore(text, toks, k - 1);
  };
  for (uint32_t k = c0; k < toks.size() && k < c0 + 6 && !participle_before(k); ++k)
    if (toks[k].norm == "that" && !toks[k].cap &&
        !(k + 1 < toks.size() && toks[k + 1].kind == text::TokenKind::kClitic)) {
      c0 = k + 1;
      break;
    }
  // Where the source stands after a clause set off by a comma (and its
  // title or role: "..., spokesman Chris Fleming said", "..., a source
  // said"), the token that clause ends before.
  uint32_t t0 = 0;
  while (t0 < toks.size() && toks[t0].span.begin < a.speaker_span.begin) ++t0;
  uint32_t j = t0;
  while (j > 0 && t0 - j < 4 && !internal::CommaBefore(text, toks, j)) --j;
  const bool clause_before =
      a.speaker_span.begin > sent.begin + 10 && j > 0 && internal::CommaBefore(text, toks, j);
  // "..., Ms. Berg said in an interview on the radio.", "..., he told reporters on
  // Tuesday": after the cue stand only where and to whom it was said.
  // Not when the sentence opens with a circumstance of its own ("In a
  // speech on Monday, Huckabee vowed to ...", "Last week, he asserted in an
  // interview that ...") or a "that" clause follows.
  auto circumstance_only = [&] {
    if (c0 != v + 1 || !clause_before) return false;
    // "Berg's former aide, Ivo Lund, also described ...":
    // the clause is the source's apposition.
    uint32_t e = t0;
    while (e < v && toks[e].span.begin < a.speaker_span.end) ++e;
    if (e < v && internal::CommaBefore(text, toks, e)) return false;
    const std::string& opener = toks[0].norm;
    if (lexicon::IsPreposition(opener) || opener == "and" || opener == "but" || opener == "last" ||
        opener == "earlier" || opener.ends_with("ing"))
      return false;
    for (uint32_t k = v + 1; k < toks.size(); ++k)
      if (toks[k].norm == "that") return false;
    uint32_t k = v + 1;
    const std::string& cue = toks[v].norm;
    if (cue == "told" || cue == "tells" || cue == "tell" || cue == "telling")
      while (k < toks.size() && k < v + 4 && toks[k].IsWord() && !lexicon::IsPreposition(toks[k].norm)) ++k;
    return k >= toks.size() || (lexicon::IsPreposition(toks[k].norm) && toks[k].norm != "to");
  };
  if (c0 < toks.size() && toks.size() - c0 >= 3 && !circumstance_only()) {
    // Content runs to the end of the clause.
    uint32_t c1 = c0 + 1;
    auto after_comma = [&](uint32_t k) {
      return text.substr(toks[k - 1].span.end, toks[k].span.begin - toks[k - 1].span.end).find(',') !=
             std::string_view::npos;
    };
    // ", an allegation Ukraine denied", ", which ...": a comment on the
    // claim, not part of it.
    auto appositive = [&](uint32_t k) {
      if (toks[k].norm == "which") return true;
      if ((toks[k].norm == "an" || toks[k].norm == "a") && k + 1 < toks.size()) {
        const std::string& n = toks[k + 1].stem;
        return n == "alleg" || n == "claim" || n == "charg" || n == "accus" || n == "assert";
      }
      return false;
    };
    // A cue inside a clause that opens the sentence ("When the auditors
    // reported the loss last week, the mayor said ...") says what runs up
    // to the comma that closes the clause.
    // But "As the auditors reported last week, the loss ...": what was
    // reported is the main clause after that comma.
    const uint32_t start = AfterInlineDateline(text, toks);
    bool opening_clause = OpensWithPhrase(toks, start);
    for (uint32_t k = start + 1; k <= v && opening_clause; ++k) opening_clause = !after_comma(k);
    if (opening_clause && toks[start].norm == "as") {
      uint32_t k = c0;
      while (k < toks.size() && !after_comma(k)) ++k;
      if (k + 2 < toks.size()) {
        c0 = k;
        c1 = k + 1;
        opening_clause = false;
      }
    }
    while (c1 < toks.size() && !((IsContentBreak(toks[c1].norm) || appositive(c1)) && after_comma(c1)) &&
           toks[c1].norm != "but" && !(opening_clause && after_comma(c1)))
      ++c1;
    a.content = {toks[c0].span.begin, c1 < toks.size() ? toks[c1 - 1].span.end : sent.end};
  } else {
    // A clause set off by a comma before the source (and its title or
    // role: "..., spokesman Chris Fleming said", "..., a source said") is
    // what it said; otherwise ("Jon Dale, who ..., disputed the figures")
    // the few words after the cue are.
    if (clause_before)
      a.content = {sent.begin, toks[j].span.begin};
    else if (toks.size() >= c0 + 2)
      a.content = {toks[c0].span.begin, sent.end};
    else
      return false;
  }
  return true;
}

// Trims punctuation and spaces at the content's edges.
void TrimContent(std::string_view text, Span& content) {
  while (content.end > content.begin &&
         std::string_view(" ,.;:").find(text[content.end - 1]) != std::string_view::npos)
    --content.end;
  while (content.begin < content.end && text[content.begin] == ' ') ++content.begin;
}

}  // namespace

void FindAttributions(Document& doc, const std::vector<Entity>& entities) {
  doc.attributions.clear();
  const std::vector<Span>& regions = doc.quote_regions;
  const auto used_cues = AddQuotes(doc);
  AddTranscriptTurns(doc, entities);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& toks = doc.tokens[s];
    for (uint32_t v = 0; v < toks.size(); ++v) {
      if (!CueHere(doc, regions, s, v, used_cues)) continue;
      Attribution a;
      a.cue = toks[v].norm;
      a.cue_kind = CueKindAt(toks, v);
      a.cue_span = toks[v].span;
      a.sentence = s;
      if (!(toks[v].norm == "according" ? AccordingTo(doc, s, v, a) : Speech(doc, s, v, entities, a)))
        continue;
      TrimContent(doc.text(), a.content);
      if (a.content.size() < 8) continue;
      doc.attributions.push_back(a);
    }
  }
}

Extraction ExtractAll(const std::vector<Article>& articles) {
  Extraction x;
  x.documents.reserve(articles.size());
  for (const auto& a : articles) x.documents.push_back(Segment(a));
  CapStats stats = CountCapitals(x.documents);
  for (auto& d : x.documents) FindMentions(d, stats);
  x.entities = ResolveEntities(x.documents);
  for (auto& d : x.documents) {
    FindDates(d);
    FindQuantities(d);
    FindQuotes(d, x.entities);
    FindAttributions(d, x.entities);
  }
  return x;
}

}  // namespace crosscheck::extract

namespace crosscheck::extract {

std::vector<AttributionRecord> ListAttributions(const Document& doc) {
  std::vector<AttributionRecord> out;
  std::string_view text = doc.text();
  uint32_t prev_paragraph = 0;
  for (const auto& a : doc.attributions) {
    if (a.direct && !out.empty() && out.back().direct) {
      AttributionRecord& prev = out.back();
      // Same speaker, same paragraph, only the attribution in between.
      uint32_t gap_begin = prev.parts.back().end, gap_end = a.content.begin;
      bool same_speaker =
          (prev.entity >= 0 && prev.entity == a.entity) ||
          (prev.entity < 0 && a.entity < 0 && !prev.speaker.empty() && prev.speaker == a.speaker);
      bool near = gap_end > gap_begin && gap_end - gap_begin < 80 &&
                  text.substr(gap_begin, gap_end - gap_begin).find('\n') == std::string_view::npos;
      // A quote with no cue of its own, later in the same paragraph, adds to
      // the attribution whose cue it shares.
      bool continues = a.continued && a.paragraph == prev_paragraph;
      if (same_speaker && (near || continues)) {
        prev.parts.push_back(a.content);
        if (prev.cue.empty()) prev.cue = a.cue;
        continue;
      }
    }
    prev_paragraph = a.paragraph;
    AttributionRecord r;
    r.speaker = a.speaker;
    r.entity = a.entity;
    r.cue = a.cue;
    r.direct = a.direct;
    r.parts.push_back(a.content);
    r.speaker_span = a.speaker_span;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace crosscheck::extract
