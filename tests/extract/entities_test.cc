#include <gtest/gtest.h>

#include "crosscheck/extract/document.h"
#include "test_util.h"

namespace crosscheck::extract {
namespace {

using crosscheck::testing::Parse;

const Entity* Find(const Extraction& x, std::string_view name) {
  for (const auto& e : x.entities)
    if (e.name == name) return &e;
  return nullptr;
}

TEST(Entities, TitlesBecomeRolesAndSpellingsMerge) {
  std::vector<Article> arts = {
      Parse("a",
            "Polish Foreign Minister Anna Kowalska said the talks in Lisbon had failed. Kowalska left "
            "early.\n"),
      Parse("b", "Speaking to reporters, Anna Kovalska said the talks were over.\n"),
      Parse("c", "Deputy Mayor Oleksiy Honcharenko met Oleksii Honcharenko's staff. Honcharenko smiled.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* k = Find(x, "Anna Kowalska");
  if (!k) k = Find(x, "Anna Kovalska");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->type, EntityType::kPerson);
  EXPECT_EQ(k->documents.size(), 2u);
  ASSERT_FALSE(k->roles.empty());
  EXPECT_EQ(k->roles[0], "Polish Foreign Minister");
  // "Kowalska" alone and the other spelling are aliases of the same entity.
  EXPECT_GE(k->aliases.size(), 2u);
  const Entity* h = Find(x, "Oleksiy Honcharenko");
  if (!h) h = Find(x, "Oleksii Honcharenko");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->mentions, 3);
  // A sentence-initial participle is not part of a name.
  for (const auto& e : x.entities) EXPECT_EQ(e.name.find("Speaking"), std::string::npos);
  const Entity* lisbon = Find(x, "Lisbon");
  ASSERT_NE(lisbon, nullptr);
  EXPECT_EQ(lisbon->type, EntityType::kPlace);
}

TEST(Entities, PlaceAndOrganisationEvidence) {
  std::vector<Article> arts = {
      Parse("a",
            "Floods hit the Varnek region on Sunday. The Varnek Water Authority said levels were falling. "
            "Residents in Varnek were told to stay home.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* region = Find(x, "Varnek");
  ASSERT_NE(region, nullptr);
  EXPECT_EQ(region->type, EntityType::kPlace);
  const Entity* org = Find(x, "Varnek Water Authority");
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->type, EntityType::kOrganization);
}

TEST(Entities, NameKeyFoldsTransliterations) {
  EXPECT_EQ(NameKey("zelenskyy"), NameKey("zelenskiy"));
  EXPECT_EQ(NameKey("zelensky"), NameKey("zelenskiy"));
  EXPECT_EQ(NameKey("sergey"), NameKey("sergei"));
  EXPECT_NE(NameKey("putin"), NameKey("trump"));
}

}  // namespace
}  // namespace crosscheck::extract
