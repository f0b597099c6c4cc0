// ROUGE-2 recall by its definition, jackknifing, and reading a DUC layout.
#include "crosscheck/eval/summary_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace crosscheck::eval {
namespace {

namespace fs = std::filesystem;

TEST(Rouge, TokensAreLowercasedStemmedAndCut) {
  RougeOptions o;
  o.max_words = 4;
  EXPECT_EQ(RougeTokens("The Ferries were RUNNING, again-today!", o),
            (std::vector<std::string>{"the", "ferri", "were", "run"}));
  o.stem = false;
  o.max_words = 0;
  EXPECT_EQ(RougeTokens("U.S. 1,000", o), (std::vector<std::string>{"u", "s", "1", "000"}));
}

TEST(Rouge, RecallCountsClippedBigramsOverTheModels) {
  RougeOptions o;
  o.stem = false;
  // Model bigrams: "a b", "b c", "c d" (3). The peer has "a b" twice (it
  // counts once, as in the model), "c d" once and no "b c": 2 of 3.
  EXPECT_DOUBLE_EQ(RougeRecall("a b a b x c d", {"a b c d"}, o), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(RougeRecall("x y", {"a b c d"}, o), 0.0);
  EXPECT_DOUBLE_EQ(RougeRecall("a b", {}, o), 0.0);
  // Two models: the mean of the scores against each alone (leave one out).
  double one = RougeRecall("a b c", {"a b c"}, o), other = RougeRecall("a b c", {"a b x y"}, o);
  EXPECT_DOUBLE_EQ(one, 1.0);
  EXPECT_DOUBLE_EQ(other, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(RougeRecall("a b c", {"a b c", "a b x y"}, o), (one + other) / 2);
  // Three models: each subset of two is pooled (hits over their bigrams).
  double pooled_12 = (2.0 + 1.0) / (2.0 + 3.0), pooled_13 = (2.0 + 0.0) / (2.0 + 1.0),
         pooled_23 = (1.0 + 0.0) / (3.0 + 1.0);
  EXPECT_NEAR(RougeRecall("a b c", {"a b c", "a b x y", "q r"}, o), (pooled_12 + pooled_13 + pooled_23) / 3,
              1e-12);
}

TEST(Duc, TopicsWithDocumentsAndModelsAreFound) {
  fs::path dir = fs::temp_directory_path() / "crosscheck_duc_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "docs" / "D0901A");
  fs::create_directories(dir / "docs" / "D0902B");
  fs::create_directories(dir / "update" / "D0901A");  // never read
  fs::create_directories(dir / "models");
  std::ofstream(dir / "d09_topics.sgml") << "<topic>\n<num> D0901A </num>\n<title> Harbour ferries </title>\n"
                                            "<narr>\nWhy did the ferries stop?\n</narr>\n</topic>\n"
                                            "<topic>\n<num> D0902B </num>\n<title> No models </title>\n"
                                            "<narr>\nNothing.\n</narr>\n</topic>\n";
  std::ofstream(dir / "docs" / "D0901A" / "WIR20240305.0007")
      << "<DOC>\n<DOCNO> WIR20240305.0007 </DOCNO>\n<TEXT>\nThe ferries stopped for three "
         "days.\n</TEXT>\n</DOC>\n";
  std::ofstream(dir / "models" / "D0901.M.250.A.A") << "The ferries stopped.\n";
  std::ofstream(dir / "models" / "D0901.M.250.A.B") << "Storms stopped the ferries.\n";
  auto topics = FindDucTopics(dir.string());
  ASSERT_TRUE(topics.ok()) << topics.status().ToString();
  ASSERT_EQ(topics->size(), 1u);
  EXPECT_EQ((*topics)[0].id, "D0901A");
  EXPECT_EQ((*topics)[0].title, "Harbour ferries");
  EXPECT_EQ((*topics)[0].narrative, "Why did the ferries stop?");
  EXPECT_EQ((*topics)[0].models.size(), 2u);
  EXPECT_EQ(fs::path((*topics)[0].docs).parent_path().filename(), "docs");
  auto scores = EvaluateSummaries(dir.string());
  ASSERT_TRUE(scores.ok()) << scores.status().ToString();
  ASSERT_EQ(scores->topics.size(), 1u);
  EXPECT_GT(scores->topics[0].rouge, 0.0);  // "the ferries" / "ferries stopped" are in the summary
  fs::remove_all(dir / "models");
  EXPECT_FALSE(FindDucTopics(dir.string()).ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck::eval
