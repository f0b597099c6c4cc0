// The entity tagger: the CoNLL reader, tag conversions, punctuation marks,
// training (deterministic, learns its data) and the shipped model.
#include "crosscheck/tagger/entity_tagger.h"

#include <gtest/gtest.h>

namespace crosscheck::tagger {
namespace {

// Sentences written for this test, in CoNLL's layout (IOB1, as CoNLL-2003).
constexpr std::string_view kTiny =
    "-DOCSTART- -X- O O\n"
    "\n"
    "Maria NNP I-NP I-PER\n"
    "Vance NNP I-NP I-PER\n"
    "visited VBD I-VP O\n"
    "Oslo NNP I-NP I-LOC\n"
    ". . O O\n"
    "\n"
    "The DT I-NP O\n"
    "Nordic NNP I-NP I-MISC\n"
    "Bank NNP I-NP I-ORG\n"
    "of IN I-PP I-ORG\n"
    "Trade NNP I-NP I-ORG\n"
    "hired VBD I-VP O\n"
    "her PRP I-NP O\n"
    ". . O O\n"
    "\n"
    "-DOCSTART- -X- O O\n"
    "\n"
    "Oslo NNP I-NP I-LOC\n"
    "welcomed VBD I-VP O\n"
    "Vance NNP I-NP I-PER\n"
    ", , O O\n"
    "officials NNS I-NP O\n"
    "said VBD I-VP O\n"
    ". . O O\n";

TEST(Conll, ReadsDocumentsSentencesAndTags) {
  auto docs = ParseConll(kTiny);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  ASSERT_EQ((*docs)[0].sentences.size(), 2u);
  EXPECT_EQ((*docs)[0].sentences[0].tokens[3], "Oslo");
  EXPECT_EQ((*docs)[0].sentences[0].gold[3], "I-LOC");
  EXPECT_EQ((*docs)[1].sentences[0].tokens.size(), 7u);
}

TEST(Conll, NamesTheBadLine) {
  auto r = ParseConll("Oslo NNP I-NP LOC\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 1"), std::string::npos);
  r = ParseConll("Oslo\nVance NNP I-NP I-PER\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(ParseConll("a O\nb O\nc O\n", 2).ok());
}

TEST(Conll, Iob1BecomesIob2) {
  ConllSentence s;
  s.tokens = {"a", "b", "c", "d", "e"};
  s.gold = {"I-MISC", "I-ORG", "I-ORG", "B-ORG", "O"};
  auto t = GoldTags(s);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(ToIob2(t[0]), "B-MISC");
  EXPECT_EQ(ToIob2(t[1]), "B-ORG");
  EXPECT_EQ(ToIob2(t[2]), "I-ORG");
  EXPECT_EQ(ToIob2(t[3]), "B-ORG");
  EXPECT_EQ(ToIob2(t[4]), "O");
}

TEST(Marks, PunctuationClasses) {
  EXPECT_EQ(MarkClass(", "), ',');
  EXPECT_EQ(MarkClass(". \xE2\x80\x9C"), '"');  // the last mark counts
  EXPECT_EQ(MarkClass(" \xE2\x80\x94 "), '-');
  EXPECT_EQ(MarkClass(" "), '\0');
  EXPECT_EQ(MarkClass("; "), ':');
  Sentence s = FromTokens({"(", "Reuters", ")", "-", "Vance", "said", "."});
  ASSERT_EQ(s.words.size(), 3u);
  EXPECT_EQ(s.mark_before[0], '(');
  EXPECT_EQ(s.mark_before[1], '-');
  EXPECT_EQ(s.mark_before[2], '\0');
  EXPECT_EQ(s.mark_after_last, '.');
}

TEST(Train, SameDataSameModel) {
  auto docs = ParseConll(kTiny);
  ASSERT_TRUE(docs.ok());
  TrainOptions o;
  o.epochs = 4;
  std::string a = Train(*docs, o).value(), b = Train(*docs, o).value();
  EXPECT_EQ(a, b);
  o.seed = 7;
  EXPECT_TRUE(EntityTagger::FromText(Train(*docs, o).value()).ok());
}

TEST(Train, LearnsItsTrainingSentences) {
  auto docs = ParseConll(kTiny);
  ASSERT_TRUE(docs.ok());
  TrainOptions o;
  o.epochs = 10;
  auto t = EntityTagger::FromText(Train(*docs, o).value());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  auto tags = TagConll(*t, (*docs)[0]);
  auto gold = GoldTags((*docs)[0].sentences[0]);
  EXPECT_EQ(tags[0], gold);
}

TEST(Model, RefusesBrokenText) {
  EXPECT_FALSE(EntityTagger::FromText("").ok());
  EXPECT_FALSE(EntityTagger::FromText("crosscheck-entity-tagger 1\nfeatures x\n").ok());
  EXPECT_FALSE(EntityTagger::FromText("crosscheck-entity-tagger 1\nfeatures 1\nzz 1:5\n").ok());
  EXPECT_FALSE(
      EntityTagger::FromText("crosscheck-entity-tagger 1\nfeatures 1\n00000000000000ab 12:5\n").ok());
  EXPECT_FALSE(EntityTagger::FromText(
                   "crosscheck-entity-tagger 1\nfeatures 1\n00000000000000ab 1:5\n00000000000000cd 1:5\n")
                   .ok());
  EXPECT_TRUE(
      EntityTagger::FromText("crosscheck-entity-tagger 1\nfeatures 1\n00000000000000ab 1:5 2:-3\n").ok());
}

// The model that ships, on sentences written for this test.
TEST(Model, ShippedModelFindsNames) {
  const EntityTagger& t = EntityTagger::Default();
  std::vector<std::string_view> toks = {
      "Foreign", "Minister", "Ilse", "Brandt",  "met", "officials", "of",       "the",  "United", "Nations",
      "in",      "Geneva",   "on",   "Tuesday", ",",   "the",       "ministry", "said", "."};
  auto tags = t.TagDocument({FromTokens(toks)});
  ASSERT_EQ(tags.size(), 1u);
  ASSERT_EQ(tags[0].size(), 17u);  // marks left out
  std::vector<std::string> iob;
  for (Tag x : tags[0]) iob.push_back(ToIob2(x));
  EXPECT_EQ(iob[0], "O");
  EXPECT_EQ(iob[2], "B-PER");
  EXPECT_EQ(iob[3], "I-PER");
  EXPECT_EQ(iob[4], "O");
  EXPECT_EQ(iob[8], "B-ORG");
  EXPECT_EQ(iob[9], "I-ORG");
  EXPECT_EQ(iob[11], "B-LOC");
  EXPECT_EQ(iob[13], "O");
  // Deterministic.
  EXPECT_EQ(t.TagDocument({FromTokens(toks)}), tags);
}

TEST(Clusters, WordsInTheSameContextsShareACluster) {
  // Two kinds of word, each between its own kind of neighbours (written for
  // this test): names after a title and before a speech verb, foods after
  // a verb of buying and before a place.
  std::vector<std::vector<std::string>> sents;
  for (const char* name : {"Arno", "Belka", "Corvin"})
    for (const char* before : {"minister", "senator", "envoy", "judge", "mayor", "chief"})
      for (const char* after : {"said", "told", "argued", "added", "warned", "replied"})
        sents.push_back({before, name, after});
  for (const char* food : {"bread", "milk", "cheese"})
    for (const char* before : {"bought", "sold", "baked", "ate", "wanted", "stored"})
      for (const char* after : {"here", "there", "inside", "outside", "upstairs", "nearby"})
        sents.push_back({before, food, after});
  ClusterOptions o;
  o.coarse = 2;
  o.fine = 2;
  std::string a = ClusterWords(sents, o), b = ClusterWords(sents, o);
  EXPECT_EQ(a, b);
  ASSERT_TRUE(a.starts_with("crosscheck-word-clusters 1\n"));
  auto coarse = [&](const std::string& w) {
    size_t p = a.find("\n" + w + "\t");
    EXPECT_NE(p, std::string::npos) << w;
    return a.substr(p + w.size() + 2, a.find('\t', p + w.size() + 2) - (p + w.size() + 2));
  };
  EXPECT_EQ(coarse("Arno"), coarse("Corvin"));
  EXPECT_EQ(coarse("bread"), coarse("cheese"));
  EXPECT_NE(coarse("Arno"), coarse("bread"));
}

TEST(Train, ModelCarriesItsClustersAndNames) {
  auto docs = ParseConll(kTiny);
  ASSERT_TRUE(docs.ok());
  TrainOptions o;
  o.epochs = 2;
  o.clusters = "crosscheck-word-clusters 1\nOslo\t0\t1\nVance\t1\t2\n";
  o.names = {{"Oslo", 3}, {"Maria Vance", 1}, {"engineer", 5}};
  auto text = Train(*docs, o);
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("clusters 2\n"), std::string::npos);
  EXPECT_NE(text->find("names 3\n"), std::string::npos);
  EXPECT_TRUE(EntityTagger::FromText(*text).ok());
  o.clusters = "not clusters\n";
  EXPECT_FALSE(Train(*docs, o).ok());
}

}  // namespace
}  // namespace crosscheck::tagger
