// The snippet layout of extraction scoring: snippets that must and must not
// be extracted, white space folded, counts pooled, language from <html lang>.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "crosscheck/eval/extraction_eval.h"

namespace crosscheck::eval {
namespace {

namespace fs = std::filesystem;

TEST(Snippets, WhiteSpaceIsFoldedOnBothSides) {
  EXPECT_TRUE(ContainsSnippet("The  ferry\nsailed at\tdawn.", "ferry sailed  at dawn"));
  EXPECT_FALSE(ContainsSnippet("The ferry sailed.", "ferry stayed"));
  EXPECT_FALSE(ContainsSnippet("anything", "   "));  // an empty snippet proves nothing
}

TEST(Snippets, FolderCountsWithAndWithoutSnippets) {
  fs::path dir = fs::temp_directory_path() / "crosscheck_snippet_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "html");
  std::ofstream(dir / "html" / "a.html")
      << "<html lang=\"de-AT\"><head><title>Fähre</title></head><body><nav>Startseite Anmelden</nav><article>"
         "<h1>Die Fähre fährt wieder</h1><p>Nach drei Tagen im Hafen fuhr die Fähre am Dienstag wieder aus, "
         "sagte der Betreiber, und alle Fahrten bis Freitag sind ausgebucht.</p><p>Die Reparatur des Stegs "
         "kostete 40.000 Euro und dauerte zwei Nächte.</p></article><footer>Impressum Datenschutz</footer>"
         "</body></html>";
  std::ofstream(dir / "evaldata.json") << R"({"https://example.org/a": {"file": "a.html",
            "with": ["fuhr die Fähre am Dienstag wieder aus", "kostete 40.000 Euro", "nicht im Text"],
            "without": ["Impressum Datenschutz", "Startseite"]}})";
  auto s = EvaluateSnippetFolder(dir.string());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->pages.size(), 1u);
  EXPECT_EQ(s->pages[0].language, "de");
  EXPECT_EQ(s->all.tp, 2u);
  EXPECT_EQ(s->all.fn, 1u);
  EXPECT_EQ(s->all.fp, 0u);
  EXPECT_EQ(s->all.tn, 2u);
  EXPECT_DOUBLE_EQ(s->all.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(s->all.Recall(), 2.0 / 3.0);
  // A file name that leaves html/ is refused, naming the entry.
  std::ofstream(dir / "evaldata.json") << R"({"u": {"file": "../x.html", "with": [], "without": []}})";
  auto bad = EvaluateSnippetFolder(dir.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("'u'"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck::eval
