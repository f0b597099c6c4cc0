#include "crosscheck/ingest/text_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "crosscheck/ingest/inputs.h"

namespace crosscheck::ingest {
namespace {

std::vector<std::string> Paragraphs(const Article& a) {
  std::vector<std::string> out;
  for (auto& p : a.paragraphs) out.emplace_back(p.In(a.text));
  return out;
}

std::string Reason(const Article& a, std::string_view text_start) {
  for (auto& r : a.removed)
    if (r.text.rfind(text_start, 0) == 0) return ToString(r.reason);
  return "";
}

TEST(ParseTextArticle, BomCrlfAndBlankRuns) {
  auto a = ParseTextArticle("x",
                            "\xEF\xBB\xBF"
                            "First paragraph here.\r\n\r\n\r\n\r\nSecond one.\r\n");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(Paragraphs(*a), (std::vector<std::string>{"First paragraph here.", "Second one."}));
  EXPECT_EQ(a->text.find('\r'), std::string::npos);
}

TEST(ParseTextArticle, RepairsInvalidUtf8AndWarns) {
  auto a = ParseTextArticle(
      "x", std::string("A caf\xE9 opened today in the old town near the big square and the river.\n"));
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->warnings.size(), 1u);
  EXPECT_NE(a->text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(ParseTextArticle, RefusesMostlyInvalidBytesBinaryAndEmpty) {
  EXPECT_EQ(ParseTextArticle("x", std::string("\xE9\xE9\xE9\xE9 ab")).status().code(),
            StatusCode::kInvalidInput);
  EXPECT_EQ(ParseTextArticle("x", std::string("text\0more", 9)).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(ParseTextArticle("x", "\n\n  \n").status().code(), StatusCode::kInvalidInput);
  auto utf16 = ParseTextArticle("x", std::string("\xFF\xFEh\0i\0", 6));
  EXPECT_NE(utf16.status().message().find("UTF-16"), std::string::npos);
}

TEST(ParseTextArticle, RefusesOversizedInput) {
  ReadOptions o;
  o.max_bytes = 10;
  auto a = ParseTextArticle("big", "This is more than ten bytes.", o);
  EXPECT_EQ(a.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(a.status().message().find("big"), std::string::npos);
}

TEST(ParseTextArticle, FindsTitleAndRemovesNonStory) {
  const char* text =
      "Storm closes harbour for two days\n"
      "By Jo Example\n"
      "A storm closed the harbour on Monday, port officials said.\n"
      "Waves broke over the pier in this photo taken on March 3, 2024.\n"
      "Pat Lens | Wire Agency | Example Images\n"
      "Ferries were cancelled and schools shut early.\n"
      "Cleanup begins\n"
      "Crews started clearing debris on Tuesday morning.\n"
      "Reuters\n";
  auto a = ParseTextArticle("storm", text);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Storm closes harbour for two days");
  EXPECT_EQ(Reason(*a, "By Jo"), "byline");
  EXPECT_EQ(Reason(*a, "Pat Lens"), "photo credit");
  EXPECT_EQ(Reason(*a, "Waves broke"), "photo caption");
  EXPECT_EQ(Reason(*a, "Cleanup begins"), "section heading");
  EXPECT_EQ(Reason(*a, "Reuters"), "agency sign-off");
  EXPECT_EQ(Paragraphs(*a).size(), 3u);
}

TEST(ParseTextArticle, HeadlineAfterTheBodyBecomesTitle) {
  auto a = ParseTextArticle("h",
                            "The council met on Friday.\nIt approved the budget after a long "
                            "debate.\nCouncil approves budget after long debate\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Council approves budget after long debate");
  EXPECT_EQ(Reason(*a, "Council approves"), "headline after the body");
}

TEST(ParseTextArticle, JoinsHardWrappedLines) {
  auto a = ParseTextArticle("w",
                            "The mayor said the bridge would\nreopen next week after repairs\nto its main "
                            "span.\n\nTraffic will resume.\n");
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->paragraphs.size(), 2u);
  EXPECT_EQ(a->paragraphs[0].In(a->text).substr(0, 8), "The mayo");
}

TEST(ParseTextArticle, UrlLinesAndDatelinesBecomeMetadata) {
  auto a = ParseTextArticle(
      "u",
      "https://news.example.org/2024/03/05/harbour-bridge-reopens\n"
      "Harbour bridge reopens after repairs\n"
      "PUBLISHED: TUESDAY, MARCH 5, 2024, 10:32 AM\n"
      "The harbour bridge reopened on Tuesday after three months of repairs, the council said.\n"
      "Traffic was light in the first hours.\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->url, "https://news.example.org/2024/03/05/harbour-bridge-reopens");
  EXPECT_EQ(a->published, "2024-03-05");
  EXPECT_EQ(a->title, "Harbour bridge reopens after repairs");
  EXPECT_EQ(Reason(*a, "https://"), "source URL");
  EXPECT_EQ(Reason(*a, "PUBLISHED"), "dateline");
  EXPECT_EQ(Paragraphs(*a).size(), 2u);
}

TEST(ParseTextArticle, DatelinesWithAmOrPmAreNotTitles) {
  auto a =
      ParseTextArticle("d",
                       "Updated 8:41 p.m. EST, Tue March 3, 2009\n"
                       "Council approves the new harbour budget\n"
                       "The council approved the budget on Tuesday after a long debate, the mayor said.\n"
                       "Spending on the harbour rises by a tenth.\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Reason(*a, "Updated 8:41"), "dateline");
  EXPECT_EQ(a->published, "2009-03-03");
  EXPECT_EQ(a->title, "Council approves the new harbour budget");
}

TEST(ParseTextArticle, DatelinesWithANumericDateAreNotTitles) {
  for (const char* stamp : {"Posted at 9:05 AM ET, 04/7/2012", "Last updated 2012-04-07 09:05"}) {
    auto a = ParseTextArticle("n", std::string(stamp) +
                                       "\nCouncil approves the new harbour budget\n"
                                       "The council approved the budget on Tuesday after a long debate, the "
                                       "mayor said.\nSpending on the harbour rises by a tenth.\n");
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(Reason(*a, std::string(stamp).substr(0, 8)), "dateline") << stamp;
    EXPECT_EQ(a->title, "Council approves the new harbour budget") << stamp;
  }
  // A version number or a score is no date.
  auto v = ParseTextArticle("v",
                            "Release 10/4/20 of the harbour plan\n"
                            "The council approved the budget on Tuesday after a long debate.\n");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->title, "Release 10/4/20 of the harbour plan");
}

TEST(ParseTextArticle, AHeadlineAboveAShortStoryStaysItsTitle) {
  // Two short lines of prose are no wrapping width the headline could fill.
  auto a = ParseTextArticle("h",
                            "Council approves the new harbour budget\n"
                            "The council approved the budget on Tuesday after a long debate.\n"
                            "Spending on the harbour rises by a tenth.\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Council approves the new harbour budget");
  EXPECT_EQ(Paragraphs(*a).size(), 2u);
}

TEST(ParseTextArticle, ShortUnterminatedLinesAreNotJoinedToProse) {
  auto a = ParseTextArticle(
      "s",
      "Mayor opens new library in the old harbour district today\n"
      "Pat Lens | Wire Agency | Example Images\n"
      "The mayor opened the library on Friday, officials said, after two years of building work.\n"
      "It holds forty thousand books.\n");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Mayor opens new library in the old harbour district today");
  EXPECT_EQ(Reason(*a, "Pat Lens"), "photo credit");
  EXPECT_EQ(Paragraphs(*a).size(), 2u);
}

TEST(Inputs, MissingFileAndDuplicateIdsAreNamed) {
  auto r = ReadArticles({"/nonexistent/file.txt"});
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/file.txt"), std::string::npos);
  EXPECT_EQ(IdFromPath("a/b/c.html.gz"), "c");
  EXPECT_EQ(IdFromPath("dir/000_abc.txt"), "000_abc");
}

}  // namespace
}  // namespace crosscheck::ingest
