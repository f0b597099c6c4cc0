// Every knob of the cross-check analysis, in one place. Similarities are the
// soft Dice coefficient of two sentences' weighted features (stems,
// entities, quantities; WordNet synonyms count `synonym_credit`), in [0, 1].
// Defaults were chosen on the seed articles and the demo corpus, read by
// hand against the articles, and kept where ECB+ event reports read right;
// where a value came from a measurement, the comment says which.
#pragma once

#include <cstddef>
#include <string>

#include "crosscheck/index/copies.h"

namespace crosscheck::analysis {

struct SimilarityOptions {
  // Credit for a feature matched only through a shared WordNet sense
  // ("attack" ~ "strike"); an exact stem or entity counts 1.
  double synonym_credit = 0.8;
  // Weight of an entity feature beside the stems of its words: the name is
  // counted twice over otherwise.
  double entity_weight = 0.75;
  // Candidate pairs come from an inverted index over features; a feature
  // carried by more than this share of all sentences (and by more than 8)
  // is too common to propose pairs.
  double max_feature_share = 0.2;
  // ... and a feature carried by more than this many sentences proposes
  // none either, whatever the share, so a very large input costs near-linear
  // time (events of a few hundred sentences never reach it).
  size_t max_feature_carriers = 200;
  // Each sentence (for facts) and each attribution (for claims) is compared
  // with at most this many of other documents, those sharing the most
  // features with it.
  size_t max_partners = 32;
};

// A pair of sentences scores the larger of their feature similarity and
// same_weight times the same-statement model's probability; a pair the
// model calls different (below `different`) scores half (the model reads
// candidate pairs less similar than model_below); two openings of
// articles gain lead_bonus (the core of the event is in the leads); two
// sentences attributed to different people score 0 (who said it is part
// of what was said) when what each said is at least speech_share of its
// sentence.
struct FactOptions {
  double pair_threshold = 0.3;         // a sentence pair scoring this may start a fact
  double average_threshold = 0.26;     // two groups merge while their average score reaches this
  size_t min_features = 2;             // "Trust me." states nothing to cross-check
  double candidate_similarity = 0.25;  // pairs less similar are not scored
  double same_weight = 0.6;
  double different = 0.05;
  double lead_bonus = 0.1;
  size_t lead_sentences = 2;  // an article's first sentences with min_features features
  double speech_share = 0.6;
  double model_below = 0.5;  // pairs at least this similar by features skip the model
};

struct ClaimOptions {
  double same_claim = 0.25;        // average similarity of assertions that are one claim
  double strong_link = 0.6;        // share of the shorter assertion found in the longer: a strong link
  size_t strong_links = 2;         // strong links that join two claims worded two ways
  size_t strong_min_features = 4;  // assertions shorter than this make no strong link
  double related = 0.12;           // a denial or question this similar answers a claim
  double lead_related = 0.05;      // enough to answer the event's leading claim
  double evidence = 0.35;          // an evidence sentence this similar is about a claim
  size_t max_claims = 6;           // claims shown, contested ones first
  double states_similarity = 0.4;  // an outlet's own sentence this similar states the claim as fact
};

struct ConflictOptions {
  // Two sentences giving different numbers of one unit are about the same
  // thing when at least this similar and sharing a name, or 1.5 times this
  // when the counted noun is given ("firefighters"), or `context_alone`
  // without either.
  double context = 0.08;
  double context_alone = 0.2;
};

struct ExclusiveOptions {
  double max_other_similarity = 0.22;  // best similarity to another outlet's sentence
  size_t min_words = 6;                // shorter sentences are not reported alone
  size_t max_per_source = 6;           // most informative first
};

struct SummaryOptions {
  size_t max_sentences = 6;  // 3 to 8, when max_words is 0
  // When set, sentences are added while the summary stays within this many
  // words (a longer one is passed over for a shorter that fits), and the
  // sentence bound no longer applies.
  size_t max_words = 0;
  // A question or topic statement ("what do the outlets say about the
  // evidence?"): sentences sharing its words and names rank higher.
  std::string focus;
  double focus_weight = 5.0;   // weight of the cosine with the focus against log2(1 + outlets)
  double redundant = 0.4;      // a candidate this similar to a chosen sentence is skipped
  size_t min_words = 6;        // shorter sentences do not stand in a summary
  size_t max_lede_words = 60;  // a longer sentence does not open the summary
  size_t lede_articles = 64;   // articles whose openings are compared for the lede
  // A fact's outlet is cited for a summary sentence only when its own
  // sentence is this similar to it and gives every number it gives.
  double cite = 0.3;
};

struct TimelineOptions {
  double same_entry = 0.3;  // two dated sentences this similar are one entry
};

struct QuoteAlignOptions {
  size_t min_shared_bigrams = 3;  // word pairs two wordings share to be one quote (and half the shorter's)
};

struct ReportOptions {
  SimilarityOptions similarity;
  FactOptions facts;
  ClaimOptions claims;
  ConflictOptions conflicts;
  ExclusiveOptions exclusives;
  SummaryOptions summary;
  TimelineOptions timeline;
  QuoteAlignOptions quotes;
  index::CopyOptions copies;  // copies among the articles, as ingest finds them
};

}  // namespace crosscheck::analysis
