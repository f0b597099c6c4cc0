// Shared state of one BuildReport call: the extraction, sentence features and
// the fact clusters every later step consults. Internal to the crosscheck
// module; lives only for the duration of the call.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "crosscheck/analysis/report.h"
#include "crosscheck/extract/document.h"
#include "crosscheck/index/signatures.h"

namespace crosscheck::analysis::internal {

// A weighted feature of a sentence: a word stem, an entity, or a quantity.
// Features of one sentence are sorted by id.
struct Feature {
  enum Kind : uint8_t { kWord, kEntity, kNumber } kind = kWord;
  uint32_t id = 0;  // interned key ("w:<stem>", "e:<entity>", "n:<value>:<unit>")
  float weight = 0;
  uint64_t sense_mask = 0;  // hashed WordNet senses: disjoint masks mean no shared sense (see MatchFeatures)
  const std::vector<uint64_t>* senses = nullptr;  // WordNet senses; process-lifetime cache
};

struct SentenceRef {
  int doc = 0;
  int sent = 0;
  friend bool operator==(const SentenceRef&, const SentenceRef&) = default;
};

struct FactCluster {
  std::vector<SentenceRef> members;  // at most one sentence per document
  int representative = 0;            // index into members
};

class Context {
 public:
  // copy_of[d]: the id of the source document d republishes, or empty.
  Context(const extract::Extraction& x, const ReportOptions& options, std::vector<std::string> copy_of = {});

  const extract::Extraction& x;
  const ReportOptions& options;                             // outlives the context
  std::vector<std::vector<std::vector<Feature>>> features;  // [doc][sentence]
  std::vector<std::vector<int>> fact_of;                    // [doc][sentence] -> cluster or -1
  std::vector<FactCluster> clusters;
  std::vector<std::string> copy_of;  // [doc] -> id of the source it republishes, or empty

  // The source a document stands for: the one it copies, else its own. A
  // copy and its original never count as two outlets: sentences of
  // documents with one root are never candidate pairs.
  const std::string& Root(int d) const { return copy_of[d].empty() ? SourceId(d) : copy_of[d]; }
  const extract::Document& Doc(int d) const { return x.documents[d]; }
  const std::string& SourceId(int d) const { return x.documents[d].article->id; }
  // Soft-Dice similarity of two sentences' features, in [0, 1]; exact keys
  // count fully, WordNet synonyms 0.8.
  double Similarity(SentenceRef a, SentenceRef b) const;
  double Similarity(const std::vector<Feature>& a, const std::vector<Feature>& b) const;
  // Share of a's feature weight found in b (exact or synonym): how much of a
  // statement another one contains.
  double Coverage(const std::vector<Feature>& a, const std::vector<Feature>& b) const;
  // Features of an arbitrary span of document d (same weighting).
  std::vector<Feature> FeaturesOf(int d, Span span) const;
  Support MakeSupport(int d, Span span) const;
  Support SentenceSupport(SentenceRef r) const {
    return MakeSupport(r.doc, Doc(r.doc).sentences[r.sent].span);
  }
  // The sentence a support entry cites; doc -1 when its source is not here.
  SentenceRef RefOf(const Support& s) const;
  // The sentence without a wire dateline opening it ("COEUR D'ALENE, Idaho
  // (AP) -- ", "WASHINGTON — ", "MOSCOW (Reuters) - "): what a statement
  // shows, and a summary line cites.
  Span Body(SentenceRef r) const;
  std::string SentenceText(SentenceRef r) const;  // the body's text, white space folded
  // False when the sentence opens with a pronoun ("He said ..."): it needs
  // the sentences before it to be understood.
  bool SelfContained(SentenceRef r) const;
  // Sentence pairs of documents with different roots that share a feature,
  // with similarity.
  std::vector<std::pair<double, std::pair<SentenceRef, SentenceRef>>> CandidatePairs(double min_sim) const;
  // Highest similarity of a sentence to any sentence of another document
  // that shares an informative feature with it (0 when none does).
  double BestOtherSimilarity(SentenceRef r) const { return best_other_[r.doc][r.sent]; }
  // Index pairs (i < j) of feature sets that share at least one feature used
  // by no more than max_share of the sets: the only pairs worth comparing.
  // (at most options.similarity.max_feature_share of them, or 8).
  std::vector<std::pair<int, int>> SharingPairs(const std::vector<const std::vector<Feature>*>& sets) const;
  // The interned id of a key, or UINT32_MAX when the event never uses it.
  uint32_t IdOf(const std::string& key) const;
  // Features of a text that is not one of the articles (a question, a topic
  // statement), sorted by id, weighted like sentence features: its content
  // word stems, and the event's entities whose names share a word with it.
  // Keys the event never uses are left out: they match nothing.
  std::vector<Feature> TextFeatures(std::string_view text) const;

 private:
  std::vector<Feature> Build(int d, Span span, int sentence);
  std::vector<Feature> BuildConst(int d, Span span) const;
  void Finish(std::vector<Feature>& f) const;
  void EventSenseMasks();
  void AddContainment();
  uint32_t table_ = 0;                 // ids below this are the event's own features
  std::vector<uint64_t> shared_mask_;  // by id: the senses it shares with another feature, hashed to bits
  std::unordered_map<std::string, uint32_t> ids_;
  // Place entity -> the larger places it stands for: a capital's country,
  // and what the event's own text puts it in ("Mar-a-Lago in Palm Beach,
  // Florida").
  std::unordered_map<int, std::vector<int>> wider_;
  std::unordered_map<std::string, int> doc_of_;  // source id -> document index
  std::vector<int> df_;                          // by id
  double n_sentences_ = 1;
  double Idf(uint32_t id) const;
  std::vector<std::vector<float>> best_other_;
  mutable std::vector<std::pair<double, std::pair<SentenceRef, SentenceRef>>> pairs_cache_;
  mutable bool pairs_ready_ = false;
  // The entities whose names hold each stem (TextFeatures), made when first asked.
  mutable std::unordered_map<std::string, std::vector<int>> entities_of_stem_;
  mutable bool entity_stems_ready_ = false;
};

// Orders source ids by how many items name them is left to callers; this
// sorts and deduplicates a list of document indexes into source ids.
std::vector<std::string> SourceIds(const Context& c, std::vector<int> docs);

// Fills each person's organisation from the roles: an organisation of the
// event whose name (or another form of it) the role holds, else the
// country of a demonym in it.
void AddOrganizations(const extract::Extraction& x, std::vector<EntityInfo>& entities);
// index::TextSignature of the document's text, from the tokens extraction
// already made.
index::Signature CopySignature(const extract::Document& doc);

void BuildFacts(Context& c, Report& r);
void BuildConflicts(Context& c, Report& r);
void BuildClaims(Context& c, Report& r);
void BuildQuotes(Context& c, Report& r);
void BuildExclusives(Context& c, Report& r);
void BuildTimeline(Context& c, Report& r);
void BuildSummary(Context& c, Report& r);

// Calls f(i, j) for every i < j of n items in document order (doc_of(i) never
// decreases) whose documents differ: each item's pairs start past its
// document's own run, so one long document costs nothing.
template <class DocOf, class F>
void ForCrossDocumentPairs(size_t n, DocOf doc_of, F f) {
  size_t other = 0;
  for (size_t i = 0; i < n; ++i) {
    if (other <= i) {
      other = i + 1;
      while (other < n && doc_of(other) == doc_of(i)) ++other;
    }
    for (size_t j = other; j < n; ++j) f(i, j);
  }
}

// Whether text opens with a quotation mark: a sentence that is someone's
// words, not the outlet's.
bool OpensWithQuoteMark(std::string_view s);

}  // namespace crosscheck::analysis::internal
