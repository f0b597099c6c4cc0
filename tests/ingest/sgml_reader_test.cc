// LDC/TREC SGML newswire: several documents a file, dates from DATE_TIME or
// the DOCNO, hard-wrapped paragraphs joined, and files found by content.
#include "crosscheck/ingest/sgml_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "crosscheck/ingest/inputs.h"

namespace crosscheck::ingest {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTwoDocs = R"(<DOC>
<DOCNO> WIR20240305.0007 </DOCNO>
<DATE_TIME> 2024-03-05 08:15:00 </DATE_TIME>
<BODY>
<HEADLINE> Ferry Service Resumes After Storm </HEADLINE>
<TEXT>
<P>
   HARBOURTON (Wire) -- The island ferry ran again on Tuesday after
three days in port, the operator said, and ``every sailing is
full'' until Friday.
</P>
<P>
   Repairs to the pier cost $40,000 &amp; took two crews.
</P>
</TEXT>
</BODY>
</DOC>
<DOC>
<DOCNO> GAZ20240306.0101 </DOCNO>
<HEADLINE> Island ferry back </HEADLINE>
<TEXT>
The ferry to the island sailed again this week, with every seat taken.

Crews worked through the night on the damaged pier.
</TEXT>
</DOC>
<DOC>
<DOCNO> GAZ20240306.0102 </DOCNO>
<HEADLINE> No body here </HEADLINE>
</DOC>
)";

TEST(Sgml, DocumentsDatesOutletsAndParagraphs) {
  std::vector<Article> got;
  std::vector<LineError> bad;
  Status st = ParseSgml(
      kTwoDocs, "two.sgml", [&](Article&& a) { got.push_back(std::move(a)); },
      [&](const LineError& e) { bad.push_back(e); });
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].id, "WIR20240305.0007");
  EXPECT_EQ(got[0].outlet, "WIR");
  EXPECT_EQ(got[0].title, "Ferry Service Resumes After Storm");
  EXPECT_EQ(got[0].published.substr(0, 10), "2024-03-05");
  // The wrapped lines are one paragraph, with `` and '' as plain quotes.
  std::string text = got[0].text;
  EXPECT_NE(
      text.find("after three days in port, the operator said, and \"every sailing is full\" until Friday."),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("$40,000 & took two crews."), std::string::npos) << text;
  EXPECT_EQ(got[1].published, "2024-03-06");  // from the DOCNO
  EXPECT_GE(got[1].paragraphs.size(), 2u);
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].line, 3u);
  EXPECT_NE(bad[0].message.find("GAZ20240306.0102"), std::string::npos);
  EXPECT_NE(bad[0].message.find("no TEXT"), std::string::npos);
}

TEST(Sgml, NotSgmlIsRefusedAndFilesAreFoundByContent) {
  Status st = ParseSgml(
      "just some words", "x.sgml", [](Article&&) {}, [](const LineError&) {});
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("x.sgml"), std::string::npos);
  EXPECT_TRUE(LooksLikeSgml("\n  <DOC>\n<DOCNO>"));
  EXPECT_FALSE(LooksLikeSgml("<DOCUMENT>"));
  EXPECT_FALSE(LooksLikeSgml("plain text"));

  fs::path dir = fs::temp_directory_path() / "crosscheck_sgml_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "WIR20240305.0007") << kTwoDocs;  // named like a DOCNO, no extension
  std::ofstream(dir / "notes.0001") << "not news";
  auto files = ExpandInputs({dir.string()});
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 1u);
  std::vector<std::string> ids, problems;
  ReadInputs(
      *files, [&](Article&& a) { ids.push_back(a.id); },
      [&](const InputProblem& p) { problems.push_back(p.where); });
  EXPECT_EQ(ids, (std::vector<std::string>{"WIR20240305.0007", "GAZ20240306.0101"}));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], (dir / "WIR20240305.0007").string() + ":doc 3");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck::ingest
