// eval quotes on a folder written for this test.
#include "crosscheck/eval/quotes_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace crosscheck::eval {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

TEST(QuotesEval, ScoresNamedSpeakersByEventAndOutlet) {
  fs::path dir = fs::temp_directory_path() / "crosscheck_quotes_eval";
  fs::remove_all(dir);
  WriteFile(dir / "ev1" / "alpha.txt",
            "Dam holds after storm\n\n\"The dam will hold,\" said engineer Lena Moss on Monday.\n");
  WriteFile(
      dir / "ev1" / "beta.txt",
      "Storm passes\n\nMayor Tomas Berg visited the dam. \"We were lucky,\" Berg said. \"It's over,\" Berg "
      "added.\n");
  WriteFile(
      dir / "quotes.jsonl",
      "{\"triplet\": \"ev1\", \"source\": \"alpha\", \"txt\": \"\\\"The dam will hold,\", \"speaker\": "
      "\"Lena Moss\"}\n"
      "{\"triplet\": \"ev1\", \"source\": \"beta\", \"txt\": \"We were lucky\", \"speaker\": \"Lena Moss\"}\n"
      "{\"triplet\": \"ev1\", \"source\": \"beta\", \"txt\": \"It's over\", \"speaker\": \"Tomas Berg\"}\n"
      "{\"triplet\": \"ev1\", \"source\": \"beta\", \"txt\": \"We were lucky\", \"speaker\": \"other "
      "neutral\"}\n");
  auto ev = EvaluateQuoteSpeakers(dir.string());
  ASSERT_TRUE(ev.ok()) << ev.status().ToString();
  EXPECT_EQ(ev->events, 1u);
  EXPECT_EQ(ev->all.quotes, 3u);  // "other ..." is left out
  EXPECT_EQ(ev->all.found, 3u);   // an apostrophe is part of the words looked for
  EXPECT_EQ(ev->all.right, 2u);   // the second is Berg's, not Moss's
  ASSERT_EQ(ev->errors.size(), 1u);
  EXPECT_NE(ev->errors[0].find("Berg"), std::string::npos);

  WriteFile(dir / "quotes.jsonl", "{\"triplet\": \"ev1\"}\n");
  auto bad = EvaluateQuoteSpeakers(dir.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("quotes.jsonl:1"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck::eval
