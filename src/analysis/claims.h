// The phases of BuildClaims, in the order it runs them (see claims.cc for
// the rules). Internal to the analysis module.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "context.h"
#include "crosscheck/statements/stance.h"

namespace crosscheck::analysis::internal {

enum class Stance { kAsserts, kDenies, kQuestions, kNone };

// One attribution with a stance: who, what (its content's features), where.
struct Item {
  int doc = 0;
  int att = 0;  // index into the document's attributions
  Stance stance = Stance::kNone;
  std::vector<Feature> features;
  std::string actor;
};

// A sentence about evidence, and whether it says there is none.
struct Evidence {
  SentenceRef sentence;
  bool negated = false;
};

// A claim's wording without dangling words at its end ("wall, a" -> "wall").
std::string TrimClaim(std::string s);
// Every attribution with a stance and a named (or resolved) speaker.
std::vector<Item> CollectItems(const Context& c);
// How many outlets a group of items comes from.
size_t OutletsOf(const std::vector<Item>& items, const std::vector<int>& group);
// Claims (groups of item indexes), most outlets first.
std::vector<int> ByOutlets(const std::vector<Item>& items, const std::vector<std::vector<int>>& claims);
// Assertions grouped into claims: average link, indirect speech opening a
// claim, then claims joined by two strong links. `sharing`: item pairs that
// share a feature (Context::SharingPairs).
std::vector<std::vector<int>> GroupAssertions(const Context& c, const std::vector<Item>& items,
                                              const std::vector<std::pair<int, int>>& sharing);
// For each claim, the denials and questions that answer it.
std::vector<std::vector<int>> AttachResponses(const Context& c, const std::vector<Item>& items,
                                              const std::vector<std::vector<int>>& claims,
                                              const std::vector<std::pair<int, int>>& sharing);
// The claims shown, in order: contested first, at most options.claims.max_claims.
std::vector<int> KeepClaims(const Context& c, const std::vector<Item>& items,
                            const std::vector<std::vector<int>>& claims,
                            const std::vector<std::vector<int>>& responses);
// For each kept claim, the evidence sentences about it.
std::vector<std::vector<Evidence>> EvidenceOf(const Context& c, const std::vector<Item>& items,
                                              const std::vector<std::vector<int>>& claims,
                                              const std::vector<int>& kept);
// How each outlet treats the claim (Claim::treatments).
// `articles`: documents read for the stance model, filled as needed
// (one per document, read once).
std::vector<Treatment> TreatmentsOf(const Context& c, const std::vector<Item>& items, const Claim& claim,
                                    const std::vector<int>& members, const std::vector<int>& responses,
                                    std::vector<std::optional<statements::ArticleView>>& articles);
// One claim of the report, `index` giving its id.
Claim RenderClaim(const Context& c, const std::vector<Item>& items, const std::vector<int>& members,
                  const std::vector<int>& responses, const std::vector<Evidence>& evidence, int index);

}  // namespace crosscheck::analysis::internal
