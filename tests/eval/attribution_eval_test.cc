#include "crosscheck/eval/attribution_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace crosscheck::eval {
namespace {

TEST(ParseBrat, JoinsSourceCueAndDiscontinuousContent) {
  const char* ann =
      "T1\tSource 0 5\tAlice\n"
      "T2\tCue 6 10\tsaid\n"
      "T3\tContent 11 20;25 30\tsomething more\n"
      "T4\tAttribution 6 10\tsaid\n"
      "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
      "T5\tContent 40 50\tunsourced\n"
      "E2\tAttribution:T4 Content:T5\n";
  auto g = ParseBrat(ann);
  ASSERT_EQ(g.size(), 2u);
  ASSERT_EQ(g[0].content.size(), 2u);
  EXPECT_EQ(g[0].content[1], (Span{25, 30}));
  EXPECT_EQ(g[0].source, (Span{0, 5}));
  EXPECT_EQ(g[0].cue, "said");
  EXPECT_TRUE(g[1].source.empty());
}

TEST(Scorer, TokenOverlapAndSpeakerAccuracy) {
  //                 0         1         2         3         4
  //                 0123456789012345678901234567890123456789012345
  std::string text = "Alice said “we will win the vote” on Monday.";
  GoldAttribution g;
  g.content = {{11, 33}};  // “we will win the vote”
  g.source = {0, 5};
  PredictedAttribution right;
  right.content = {{12, 32}};
  right.speaker = {0, 5};
  right.direct = true;
  AttributionScorer s;
  s.Add(text, {g}, {right});
  auto r = s.Result();
  EXPECT_DOUBLE_EQ(r.all.precision, 1.0);
  EXPECT_DOUBLE_EQ(r.all.recall, 1.0);
  EXPECT_DOUBLE_EQ(r.all.speaker_accuracy, 1.0);
  EXPECT_DOUBLE_EQ(r.direct.f1, 1.0);

  PredictedAttribution half;  // covers "we will" only, wrong speaker, not direct
  half.content = {{12, 19}};
  half.speaker = {37, 43};
  AttributionScorer s2;
  s2.Add(text, {g}, {half});
  auto r2 = s2.Result();
  EXPECT_DOUBLE_EQ(r2.all.precision, 1.0);
  EXPECT_DOUBLE_EQ(r2.all.recall, 0.4);
  EXPECT_DOUBLE_EQ(r2.all.speaker_accuracy, 0.0);
  EXPECT_EQ(r2.direct.predicted, 0u);
  EXPECT_EQ(r2.direct.gold, 1u);
}

TEST(EvaluateFolder, ScoresAWrittenFolderAndNamesMissingParts) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "crosscheck_eval_fixture";
  fs::remove_all(dir);
  fs::create_directories(dir / "text");
  fs::create_directories(dir / "attributions");
  std::string text = "“The bridge is safe,” Mayor Ana Ortiz said on Friday.\n";
  std::ofstream(dir / "text" / "a.txt") << text;
  // “The bridge is safe,” = code points 0..21; Ana Ortiz = 28..37; said = 38..42.
  std::ofstream(dir / "attributions" / "a_x1.ann")
      << "T1\tContent 0 21\tq\nT2\tSource 28 37\tAna Ortiz\nT3\tCue 38 42\tsaid\nE1\tAttribution:T3 "
         "Content:T1 Cue:T3 Source:T2\n";
  auto r = EvaluateAttributionsFolder(dir.string());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->documents, 1u);
  EXPECT_DOUBLE_EQ(r->direct.f1, 1.0);
  EXPECT_DOUBLE_EQ(r->direct.speaker_accuracy, 1.0);
  EXPECT_FALSE(EvaluateAttributionsFolder((dir / "missing").string()).ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck::eval
