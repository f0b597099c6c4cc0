// The extraction model: one analysed article (Document) and the entities
// resolved across a set of documents. Documents hold a pointer to their
// Article, which must outlive them; every span indexes Article::text.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/lexicon/words.h"
#include "crosscheck/tagger/entity_tagger.h"
#include "crosscheck/text/sentences.h"
#include "crosscheck/text/tokens.h"

namespace crosscheck::extract {

enum class EntityType : uint8_t { kPerson, kOrganization, kPlace, kOther };
const char* ToString(EntityType t);

// A name as it appears in one sentence.
struct Mention {
  Span span;       // the name without its title ("Sergei Lavrov")
  Span full_span;  // with title and role ("Russian Foreign Minister Sergei Lavrov")
  uint32_t sentence = 0;
  uint32_t first_token = 0, end_token = 0;  // token range of the name in its sentence
  std::string surface;                      // the name as written
  std::string role;                         // the title or role as written, may be empty
  std::string key;                          // folded, transliteration-normalised comparison key
  bool in_quote = false;
  float votes[4] = {0, 0, 0, 0};  // evidence for each EntityType
  int tagged = -1;                // the EntityType the learned tagger gave (its vote is in votes), or -1
  int entity = -1;                // index into the entity table once resolved
};

// Direct speech: the words between quotation marks.
struct Quote {
  Span span;      // the words inside the marks
  Span sentence;  // whole sentence(s) containing it: exact provenance
  uint32_t paragraph = 0;
  uint32_t first_sentence = 0, last_sentence = 0;
  std::string speaker;  // the speaker as written ("he", "Lavrov"), may be empty
  Span speaker_span;
  int entity = -1;        // resolved speaker entity or -1
  std::string cue;        // "said", "wrote", ...
  Span cue_span;          // the cue word, when the text has one
  bool fragment = false;  // a short phrase quoted inside a sentence
  // The quote is part of reported speech: its speaker and cue come first and
  // other words stand between the cue and the quote ("X urged voters to
  // “go and watch”"), or it is a short fragment after its cue.
  bool embedded = false;
  bool title = false;  // a quoted title ("Fox News Sunday"), not speech
  // No cue of its own: the speaker carries over from the previous quote.
  bool continued = false;
};

// Who says what: direct quotes and indirect speech.
struct Attribution {
  std::string speaker;  // as written, may be empty
  Span speaker_span;
  int entity = -1;
  std::string cue;
  lexicon::Cue cue_kind = lexicon::Cue::kNone;
  Span cue_span;
  Span content;
  bool direct = false;
  bool continued = false;  // a direct quote with no cue of its own, same speaker as the one before
  uint32_t paragraph = 0;
  uint32_t sentence = 0;
};

struct Quantity {
  Span span;  // number and unit as written
  uint32_t sentence = 0;
  double value = 0;
  std::string unit;  // "percent", "km", or the counted noun's stem ("drone")
  std::string noun;  // the counted noun as written, folded ("drones"); empty for measures
  bool approximate = false;
};

struct DateMention {
  enum Kind : uint8_t { kAbsolute, kWeekday, kRelative } kind = kAbsolute;
  Span span;
  uint32_t sentence = 0;
  int year = 0, month = 0, day = 0;  // 0 = not stated
  int end_day = 0;                   // ranges "28-29 December"
  int weekday = -1;                  // 0 = Monday
  int offset_days = 0;               // kRelative: days from the story's day
  bool night = false;                // "overnight", "Sunday night"
};

struct Document {
  const Article* article = nullptr;  // not owned
  std::vector<text::Sentence> sentences;
  std::vector<std::vector<text::Token>> tokens;  // per sentence
  std::vector<Span> quote_regions;               // spans inside quotation marks, in text order
  std::vector<Mention> mentions;                 // in text order
  std::vector<Quote> quotes;
  std::vector<Attribution> attributions;
  std::vector<Quantity> quantities;
  std::vector<DateMention> dates;
  std::string_view text() const { return article->text; }
  std::string_view Text(Span s) const { return s.In(article->text); }
  // Index of the sentence containing byte `pos`, or -1.
  int SentenceAt(uint32_t pos) const;
};

struct Entity {
  std::string name;  // the fullest form seen
  EntityType type = EntityType::kOther;
  std::vector<std::string> aliases;  // other surface forms merged into it
  std::vector<std::string> roles;    // titles seen with it
  std::vector<int> documents;        // indexes of documents that mention it
  int mentions = 0;
  // A person's grammatical gender as the articles show it: honorifics
  // ("Mrs."), gendered role words ("congresswoman") and the pronouns that
  // follow the person as the one person of a sentence. Unknown when the
  // evidence is absent or split.
  enum class Gender : uint8_t { kUnknown, kMale, kFemale } gender = Gender::kUnknown;
};

// Word statistics across the documents being analysed together, used to tell
// names from capitalised common words at the start of sentences.
struct CapStats {
  std::unordered_map<std::string, std::pair<int, int>> counts;  // norm -> (capitalised, lower) mid-sentence
  bool SeenCapitalised(const std::string& norm) const;
  bool MostlyLower(const std::string& norm) const;
};

// Stage entry points, in pipeline order.
Document Segment(const Article& article);
CapStats CountCapitals(const std::vector<Document>& docs);
void FindMentions(Document& doc, const CapStats& stats);
// With `given_names` false, the compiled-in given-name table plays no part
// in the genders (what `crosscheck train genders` counts from).
std::vector<Entity> ResolveEntities(std::vector<Document>& docs, bool given_names = true);
void FindDates(Document& doc);
void FindQuantities(Document& doc);
void FindQuotes(Document& doc, const std::vector<Entity>& entities);
void FindAttributions(Document& doc, const std::vector<Entity>& entities);

// One attribution as users see it: consecutive quotes of one speaker that
// an attribution interrupts ("It's one thing," he said, "...") are one
// attribution with several parts.
struct AttributionRecord {
  std::string speaker;  // as written; empty when unknown
  int entity = -1;      // resolved entity, or -1
  std::string cue;
  bool direct = false;
  std::vector<Span> parts;  // content spans, in order
  Span speaker_span;
};
std::vector<AttributionRecord> ListAttributions(const Document& doc);

// Convenience: all stages over a set of articles (order kept).
struct Extraction {
  std::vector<Document> documents;
  std::vector<Entity> entities;
};
Extraction ExtractAll(const std::vector<Article>& articles);

// A document's sentences as the entity tagger reads them: words without
// punctuation, an abbreviation's dot kept with its word ("Mr."). With
// `word_of`, each token's word index (-1 for a symbol) per sentence.
std::vector<tagger::Sentence> TaggerSentences(const Document& doc,
                                              std::vector<std::vector<int>>* word_of = nullptr);

// Comparison key for a name token: folded, with common transliteration
// variants collapsed ("Zelenskyy", "Zelenskiy" -> "zelensky").
std::string NameKey(std::string_view folded_token);

// Given names and the gender their bearers are given by honorifics and
// gendered role words ("Ms. Berg", "Congresswoman Ana Lund"), counted
// over articles one by one: what `crosscheck train genders` writes
// (models/given_names.tsv) and the resolver reads back as one more vote
// for a person no honorific or role word in the event genders.
class GivenNameCounter {
 public:
  void Add(const Article& article);
  // "crosscheck-given-names 1", then name, men, women per line in name
  // order: the names seen at least `min_count` times, of one gender in at
  // least `min_share` of them.
  std::string Write(int min_count = 3, double min_share = 0.8) const;
  size_t Names() const { return counts_.size(); }

 private:
  std::map<std::string, std::array<int, 2>> counts_;  // folded given name -> men, women
};

// The person a pronoun at `pos` in sentence `s` refers to (entity index or -1):
// the subject of the current clause, else of the previous sentences.
int ResolvePronoun(const Document& doc, uint32_t s, uint32_t pos, const std::vector<Entity>& entities);

}  // namespace crosscheck::extract
