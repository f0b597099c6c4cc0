// Helpers shared by the extract stage's files. Not part of the public API.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/extract/document.h"
#include "crosscheck/text/tokens.h"

namespace crosscheck::extract::internal {

// Double-quoted passages of the document (outermost level), as spans of the
// words inside the marks. A quote left open at the end of a paragraph runs to
// the paragraph's end (multi-paragraph quotes).
std::vector<Span> QuoteRegions(const Document& doc);
bool InsideAny(const std::vector<Span>& regions, uint32_t pos);

// Paragraphs of a transcript pasted into an article: a turn opens with a
// speaker label in capitals and a colon ("WALLACE: ..."), possibly after a
// quote mark; paragraphs right after it that open with the same quote mark
// and no label continue the turn. `mark` is the opening quote mark (empty
// when none), `label` the speaker (empty in a continuation), `content` the
// words of the turn.
struct TranscriptTurn {
  uint32_t paragraph = 0;
  Span mark, label, content;
};
std::vector<TranscriptTurn> TranscriptTurns(const Document& doc);

// True when only spaces separate the two byte offsets.
bool OnlySpaces(std::string_view text, uint32_t from, uint32_t to);

// Common nouns that name a source ("officials", "spokesman", "police").
bool IsSourceNoun(std::string_view w);
// "the reporter asks", "a student said", "a Romney campaign aide said": the
// span of a determiner, up to two modifiers (lower-case words or names) and
// a lower-case noun of a person, a source or a role right before cue token v
// (no earlier than token `from`); else empty.
Span PersonDescribedBefore(const std::vector<text::Token>& toks, uint32_t from, uint32_t v);
// The role a noun names, without "ex-" ("the ex-senator": a role once held).
inline std::string_view RoleNoun(std::string_view w) { return w.starts_with("ex-") ? w.substr(3) : w; }
// "Lund, a member of the board, asked if the mayor should seek
// a refund from the builders, said, ...": token k opens a reduced passive
// (Jordan was asked) that a later speech cue answers, after a comma.
bool PassiveAsked(std::string_view text, const std::vector<text::Token>& toks, uint32_t k);
// "Asked whether ..., Santorum said": the first token after a clause that
// opens the sentence with "asked" (after "when", "but" or "and"), or 0.
uint32_t AfterOpeningAsked(std::string_view text, const std::vector<text::Token>& toks);
// The token opening such a clause between token `from` and cue v, where the
// cue's subject ends at the latest; else v.
uint32_t BeforeAskedClause(std::string_view text, const std::vector<text::Token>& toks, uint32_t from,
                           uint32_t v);

// Whether a comma stands between tokens k - 1 and k (punctuation is not
// tokenized); false at either end.
bool CommaBefore(std::string_view text, const std::vector<text::Token>& toks, uint32_t k);
// The same for a dash (an em dash, " - ", "--", or an en dash beside a space).
bool DashBefore(std::string_view text, const std::vector<text::Token>& toks, uint32_t k);

// Whether the mention is a possessor ("Trump's lawyer"): its name is
// followed by the clitic 's. A possessor is never a speaker.
inline bool IsPossessor(const std::vector<text::Token>& toks, const Mention& m) {
  return m.end_token < toks.size() && toks[m.end_token].kind == text::TokenKind::kClitic;
}

// Whether the mention names whom a role word right before it stands for
// ("a spokeswoman for Ryan", "an aide to President Trump"): the one
// represented, who is not the speaker.
bool IsRepresented(const std::vector<text::Token>& toks, const Mention& m);
// For such a mention, the whole description: from its determiner ("a",
// "the", "one") or first modifier to the name ("one longtime adviser to
// Bill Clinton").
Span RepresentedDescription(const std::vector<text::Token>& toks, const Mention& m);
// After a lower-case role word at token `head`: the end (exclusive) of the
// "for" or "to" and the capitalised run (at most six tokens, before `limit`)
// naming whom it stands for; head + 1 when there is none.
uint32_t RepresentedEnd(const std::vector<text::Token>& toks, uint32_t head, uint32_t limit);

// "Alex Poulter, who co-founded a group called Political Chips, also
// disputed": the person a relative clause describes, when that clause
// closes with a comma right before token `k` (the cue, or the adverbs
// before it). The clause's own names and verbs are not the subject. Returns
// the mention's index or -1.
int RelativeClauseSubject(const Document& doc, uint32_t s, uint32_t k, const std::vector<Entity>& entities);

// Index of the mention whose name covers token `t` of sentence `s`, or -1.
int MentionAtToken(const Document& doc, uint32_t s, uint32_t t);

// Indexes [first, second) of the mentions of sentence `s` (mentions are in
// text order), found by binary search so per-sentence work stays local.
std::pair<size_t, size_t> SentenceMentions(const Document& doc, uint32_t s);

// The country a folded word names as demonym, country or capital
// ("ukrainian", "ukraine", "kyiv": "ukraine"); empty when none.
std::string_view NationOf(std::string_view folded);
// The first country named by tokens [from, to) of a sentence, or empty.
std::string_view NationIn(const std::vector<text::Token>& toks, size_t from, size_t to);

// The person a described source ("the governor", "the four-term
// congressman") stands for, named before byte `pos` of the article, or -1
// when no one or more than one person fits. A description that names a
// country (`nation`: "Ukraine's foreign minister") fits no role of another
// country ("Russian Foreign Minister").
int EntityOfRole(const Document& doc, std::string_view head, uint32_t pos,
                 const std::vector<Entity>& entities, std::string_view nation = {});

// A participle cue ("writing", "noting", "denying") not set off by a comma:
// no cue there ("writing a book", "warning signs"). "saying", "adding" and
// "according" are cues wherever they stand.
bool BareParticiple(std::string_view text, const std::vector<text::Token>& toks, uint32_t v);

}  // namespace crosscheck::extract::internal
