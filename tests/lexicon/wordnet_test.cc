#include "crosscheck/lexicon/wordnet.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "crosscheck/lexicon/words.h"

namespace crosscheck::lexicon {
namespace {

TEST(WordNet, SynonymsShareASense) {
  WordNet& wn = WordNet::Get();
  ASSERT_TRUE(wn.available());
  EXPECT_TRUE(ShareSense(wn.SenseKeys("rejected"), wn.SenseKeys("refused")));
  EXPECT_TRUE(ShareSense(wn.SenseKeys("injuries"), wn.SenseKeys("injury")));
  EXPECT_FALSE(ShareSense(wn.SenseKeys("drone"), wn.SenseKeys("residence")));
  EXPECT_TRUE(wn.SenseKeys("qzxv").empty());
}

TEST(WordNet, KnowsInflectedWords) {
  const WordNet& wn = WordNet::Get();
  EXPECT_TRUE(wn.Knows("hunts"));
  EXPECT_TRUE(wn.Knows("witch"));
  EXPECT_FALSE(wn.Knows("qzxv"));
  EXPECT_FALSE(wn.Knows(""));
}

TEST(WordNet, NamedNounsHaveKinds) {
  auto names = WordNet::Get().NamedNouns();
  auto has = [&](const std::string& w, int kind) {
    return std::binary_search(names.begin(), names.end(), std::make_pair(w, kind));
  };
  EXPECT_TRUE(has("Moscow", 3));
  EXPECT_TRUE(has("United Nations", 2));
  EXPECT_TRUE(has("engineer", 5));
  EXPECT_TRUE(has("Russian", 4));
  EXPECT_FALSE(has("engineer", 1));
}

TEST(Words, ListsAnswerGeneralQuestions) {
  EXPECT_TRUE(IsTitleHead("minister"));
  EXPECT_EQ(CountryOfDemonym("ukrainian"), "ukraine");
  EXPECT_EQ(LookupPlace("moscow"), PlaceKind::kCity);
  EXPECT_EQ(CueOf("denied"), Cue::kDeny);
  EXPECT_EQ(MonthOf("dec"), 12);
  EXPECT_EQ(WeekdayOf("sunday"), 6);
}

}  // namespace
}  // namespace crosscheck::lexicon
