#include <gtest/gtest.h>

#include <algorithm>

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

// The entity `name` exists and `role` is its first role.
void ExpectFirstRole(const Extraction& x, std::string_view name, std::string_view role) {
  const Entity* e = Find(x, name);
  ASSERT_NE(e, nullptr) << name;
  ASSERT_FALSE(e->roles.empty()) << name;
  EXPECT_EQ(e->roles[0], role) << name;
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

TEST(Entities, MiddleInitialsSuffixesAndShortGivenNamesJoinTheFullName) {
  std::vector<Article> arts = {
      Parse("a", "Senator Richard J. Durbin met Susan E. Rice in Ottawa on Monday.\n"),
      Parse("b", "Dick Durbin and Susan Rice spoke later. Durbin left first and Rice stayed.\n"),
      Parse("c", "Joseph R. Biden Jr. spoke. Joe Biden had arrived with Biden aides.\n")};
  Extraction x = ExtractAll(arts);
  for (std::string_view full : {"Richard J. Durbin", "Susan E. Rice", "Joseph R. Biden Jr"}) {
    const Entity* e = Find(x, full);
    ASSERT_NE(e, nullptr) << full;
    EXPECT_EQ(e->type, EntityType::kPerson) << full;
  }
  EXPECT_EQ(Find(x, "Dick Durbin"), nullptr);
  EXPECT_EQ(Find(x, "Durbin"), nullptr);
  EXPECT_EQ(Find(x, "Susan Rice"), nullptr);
  EXPECT_EQ(Find(x, "Rice"), nullptr);
  EXPECT_EQ(Find(x, "Joe Biden"), nullptr);
  EXPECT_EQ(Find(x, "Richard J. Durbin")->documents.size(), 2u);
}

TEST(Entities, AMiddleNameJoinsTheShortFormUnlessTwoPeopleShareIt) {
  std::vector<Article> arts = {
      Parse("a", "Union leader Samuel Porter Whitcombe spoke in Leeds on Monday.\n"),
      Parse("b", "Sam Whitcombe said the strike would go on. Whitcombe left early.\n"),
      Parse("c", "Maria Luisa Fenwick and Maria Elena Fenwick, her cousin, met Maria Fenwick.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* w = Find(x, "Samuel Porter Whitcombe");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->documents.size(), 2u);
  EXPECT_EQ(Find(x, "Sam Whitcombe"), nullptr);
  EXPECT_EQ(Find(x, "Whitcombe"), nullptr);
  // Two middle names: the short form could be either.
  EXPECT_NE(Find(x, "Maria Fenwick"), nullptr);
}

TEST(Entities, APossessiveOrAPlaceAfterOfEndsAName) {
  std::vector<Article> arts = {
      Parse("a",
            "Title\n\nRepresentative Adam Ruhle, Democrat of California and chairman of the committee, said "
            "it. Representative Joan Castell of Texas said it was true. \xE2\x80\x9CWe\xE2\x80\x99ve seen "
            "the plans,\xE2\x80\x9D Castell said. They were in Mr. Trump\xE2\x80\x99s Moscow plan. Harold "
            "P. Brandt III, his adviser, declined to comment.\n"),
      Parse("b", "Title\n\nHarold Brandt and Joan Castell met Donald Trump in Quebec.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* c = Find(x, "Joan Castell");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->documents.size(), 2u);
  const Entity* tx = Find(x, "Texas");
  ASSERT_NE(tx, nullptr);
  EXPECT_EQ(tx->type, EntityType::kPlace);
  const Entity* t = Find(x, "Donald Trump");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->documents.size(), 2u);
  const Entity* h = Find(x, "Harold P. Brandt III");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->documents.size(), 2u);
  for (const auto& e : x.entities) {
    EXPECT_EQ(e.name.find("\xE2\x80\x99"), std::string::npos) << e.name;
    if (e.type == EntityType::kPerson) EXPECT_EQ(e.name.find(" of "), std::string::npos) << e.name;
  }
}

TEST(Entities, ASurnameJoinsThePersonNotANameThatEndsWithIt) {
  std::vector<Article> arts = {
      Parse("a",
            "Title\n\nSenator Ellen Halvorsen said the vote would pass. Halvorsen left early. Critics of "
            "Halvorsen were many.\n"),
      Parse("b", "Title\n\nThe Euro Cup Halvorsen talks went on. Halvorsen said she agreed.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* h = Find(x, "Ellen Halvorsen");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->documents.size(), 2u);
  EXPECT_EQ(Find(x, "Halvorsen"), nullptr);
}

TEST(Entities, AnOfficeIsPartOfTheTitleAndAnOrganisationWordEndsNoTitle) {
  std::vector<Article> arts = {Parse(
      "a",
      "Title\n\nDirector of National Intelligence Mara Quill said the program was legal. The Justice "
      "Department would appeal, said Special Counsel Ivo Brandt. The Director of National Intelligence, Mara "
      "Quill, spoke again.\n")};
  Extraction x = ExtractAll(arts);
  ExpectFirstRole(x, "Mara Quill", "Director of National Intelligence");
  ExpectFirstRole(x, "Ivo Brandt", "Special Counsel");
  const Entity* d = Find(x, "Justice Department");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->type, EntityType::kOrganization);
  for (const auto& e : x.entities)
    if (e.type == EntityType::kPerson) EXPECT_EQ(e.name.find("Intelligence"), std::string::npos) << e.name;
}

TEST(Entities, ANameSplitFromItsTitleKeepsTheSurnameTaggedApart) {
  std::vector<Article> arts = {
      Parse("a",
            "Title\n\nThey were there for years, Pelosi, House Minority Whip Steny Hoyer (Md.) and Assistant "
            "Democratic Leader Jim Clyburn (S.C.), he said.\n")};
  Extraction x = ExtractAll(arts);
  ExpectFirstRole(x, "Steny Hoyer", "House Minority Whip");
  EXPECT_EQ(Find(x, "Steny"), nullptr);
  EXPECT_EQ(Find(x, "Hoyer"), nullptr);
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

// The learned tagger decides what is a name; the rules keep titles as roles.
TEST(Entities, TitleInsideATaggedNameStartsThePerson) {
  std::vector<Article> arts = {
      Parse("a",
            "FBI Special Agent Tomas Vellner was dismissed on Monday, his lawyer said. Vellner had led the "
            "review for two years.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* v = Find(x, "Tomas Vellner");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->type, EntityType::kPerson);
  ASSERT_EQ(v->roles.size(), 1u);
  EXPECT_NE(v->roles[0].find("Special Agent"), std::string::npos);
  EXPECT_EQ(v->mentions, 2);  // the surname joins the full name
}

// A title joined to a name by a preposition is someone else's ("Reps for
// Griffin", "the CEO of Harbour Freight"), unless the title runs on past
// "of" into the person ("Director of National Intelligence James Clapper").
TEST(Entities, ATitleBeforeAPrepositionIsNoRoleOfTheNameAfterIt) {
  std::vector<Article> arts = {
      Parse("a",
            "Reps for Nora Vallin did not reply on Monday. Vallin had apologised.\n\nOla Berg, the CEO of "
            "Harbour Freight Lines, said the port would close.\n\nDirector of National Intelligence Tomas "
            "Vellner spoke later.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* v = Find(x, "Nora Vallin");
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->roles.empty()) << v->roles[0];
  const Entity* h = Find(x, "Harbour Freight Lines");
  ASSERT_NE(h, nullptr);
  EXPECT_TRUE(h->roles.empty()) << h->roles[0];
  EXPECT_NE(h->type, EntityType::kPerson);
  ExpectFirstRole(x, "Tomas Vellner", "Director of National Intelligence");
}

// "I'm" and "I'd" at a quote's start are a pronoun and its verb, not names.
TEST(Entities, APronounWithItsVerbIsNoName) {
  std::vector<Article> arts = {
      Parse("a",
            "Apology\n\n\u201cI\u2019m a comic. I\u2019d love to be funny,\u201d Nora Vallin said. \"I'm "
            "sorry. I've learned,\" Vallin added.\n")};
  Extraction x = ExtractAll(arts);
  for (const auto& e : x.entities) EXPECT_NE(e.name.substr(0, 2), "I\u2019") << e.name;
  for (const auto& e : x.entities) EXPECT_NE(e.name.substr(0, 2), "I'") << e.name;
  EXPECT_NE(Find(x, "Nora Vallin"), nullptr);
}

// A surname two people share goes to the one whose office it is given
// with ("Governor Vallin"), and never to the other.
TEST(Entities, ASharedSurnameGoesToTheHolderOfItsOffice) {
  std::vector<Article> arts = {
      Parse(
          "a",
          "Visit\n\nGovernor Nora Vallin arrived in Kessel with her husband, Ivo Vallin, on Monday. Governor "
          "Vallin said the harbour would reopen.\n"),
      Parse("b", "Harbour\n\nVallin told reporters in Kessel that the harbour would reopen by June.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* nora = Find(x, "Nora Vallin");
  ASSERT_NE(nora, nullptr);
  EXPECT_EQ(nora->documents.size(), 2u);
  EXPECT_NE(std::find(nora->aliases.begin(), nora->aliases.end(), "Vallin"), nora->aliases.end());
  const Entity* ivo = Find(x, "Ivo Vallin");
  ASSERT_NE(ivo, nullptr);
  EXPECT_EQ(ivo->mentions, 1);
}

// A given name alone (or its short form) is the one person of the event
// with that given name whose surname is also written alone; a heading that
// starts with the name is no such person.
TEST(Entities, AGivenNameAloneIsTheOnePersonWithIt) {
  std::vector<Article> arts = {
      Parse("a",
            "Katherine Vallin Apologizes Again\n\nKatherine Vallin apologised on Monday. Vallin said she was "
            "wrong.\n\n\u201cI love Kathy and I hope she returns,\u201d said her friend Ivo Kern. Kern spoke "
            "in Harlow.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* v = Find(x, "Katherine Vallin");
  ASSERT_NE(v, nullptr);
  EXPECT_NE(std::find(v->aliases.begin(), v->aliases.end(), "Kathy"), v->aliases.end());
  EXPECT_EQ(Find(x, "Kathy"), nullptr);
}

// A year is no name, a hashtag no one's, and a councilman's title is a role.
TEST(Entities, YearsAndHashtagsAreNoNamesAndACouncilmanHasARole) {
  std::vector<Article> arts = {Parse(
      "a",
      "Levy\n\nOn May 26, 2009, The Harlow Post said the levy had failed. \"Vote no. #StopTheLevyNow,\" "
      "wrote former City Councilman Domenic Vallo.\n")};
  Extraction x = ExtractAll(arts);
  for (const auto& e : x.entities) {
    EXPECT_NE(e.name, "2009");
    EXPECT_EQ(e.name.find("StopTheLevy"), std::string::npos) << e.name;
  }
  ExpectFirstRole(x, "Domenic Vallo", "City Councilman");
}

// Two titled people joined by "and" are two names, however the tagger
// spans them ("Senate President Mark Hale and House Speaker ...").
TEST(Entities, APersonsNameStopsAtAnd) {
  std::vector<Article> arts = {Parse(
      "a",
      "Law\n\nSenate President Pro Tem Mark Hale and House Speaker Tom Reed spoke on Monday. Hale said the "
      "law would be clarified.\n")};
  Extraction x = ExtractAll(arts);
  for (const auto& e : x.entities) EXPECT_EQ(e.name.find(" and "), std::string::npos) << e.name;
  EXPECT_NE(Find(x, "Tom Reed"), nullptr);
}

TEST(Entities, CapitalisedCommonWordsAreNotPeople) {
  std::vector<Article> arts = {
      Parse("a",
            "Governor Calls Audit A Witch Hunt\n\nGovernor Ines Maro called the audit a witch hunt on "
            "Tuesday. Maro said the review was political.\n")};
  Extraction x = ExtractAll(arts);
  for (const auto& e : x.entities) {
    EXPECT_EQ(e.name.find("Witch"), std::string::npos) << e.name;
    EXPECT_EQ(e.name.find("Calls"), std::string::npos) << e.name;
  }
  const Entity* m = Find(x, "Ines Maro");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->type, EntityType::kPerson);
}

TEST(Entities, HonorificAndRoleNounMakePeople) {
  std::vector<Article> arts = {Parse(
      "a",
      "The Ministry of Ports said Mr. Orlan, a pilot, had raised the alarm. \"The dam will hold,\" said "
      "engineer Lena Moss.\n")};
  Extraction x = ExtractAll(arts);
  const Entity* o = Find(x, "Orlan");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->type, EntityType::kPerson);
  const Entity* l = Find(x, "Lena Moss");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->type, EntityType::kPerson);
  const Entity* m = Find(x, "Ministry of Ports");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->type, EntityType::kOrganization);
}

TEST(Entities, NameKeyFoldsTransliterations) {
  EXPECT_EQ(NameKey("zelenskyy"), NameKey("zelenskiy"));
  EXPECT_EQ(NameKey("zelensky"), NameKey("zelenskiy"));
  EXPECT_EQ(NameKey("sergey"), NameKey("sergei"));
  EXPECT_NE(NameKey("putin"), NameKey("trump"));
}

// A name that ends in a word for a place (garden, plaza, stadium) is a
// place, even when it opens with a given name ("the Lily Garden").
TEST(Entities, ANameEndingInAPlaceWordIsAPlace) {
  std::vector<Article> arts = {Parse("a",
                                     "Levy\n\nMayor Ivo Kern spoke in the Lily Garden on Monday.\n"
                                     "Kern, in the Lily Garden, declared that the levy would pass.\n"
                                     "Fans met Kern at the Hollis Stadium.\n")};
  Extraction x = ExtractAll(arts);
  for (std::string_view name : {"Lily Garden", "Hollis Stadium"}) {
    const Entity* e = Find(x, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, EntityType::kPlace) << name;
  }
}

}  // namespace
}  // namespace crosscheck::extract
