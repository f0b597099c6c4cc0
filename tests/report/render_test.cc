#include "crosscheck/report/render.h"

#include <gtest/gtest.h>

namespace crosscheck::report {
namespace {

analysis::Report Hostile() {
  analysis::Report r;
  r.title = "<script>alert('t')</script>";
  analysis::SourceInfo s;
  s.id = "evil\"id";
  s.sentences = 1;
  s.removed.push_back({"<img src=x onerror=alert(1)>", Removal::kPhotoCaption, {0, 5}});
  s.text.push_back({"evil\"id", "<b>bold</b> & more", {0, 18}});
  r.sources.push_back(s);
  analysis::Fact f;
  f.id = "f1";
  f.statement = "A [link](javascript:alert(1)) <iframe>";
  f.sources = {"evil\"id"};
  f.support.push_back({"evil\"id", "<iframe src=x>", {0, 14}});
  r.facts.push_back(f);
  r.summary.push_back({"<script>x</script>", {"evil\"id"}, "evil\"id"});
  return r;
}

TEST(Html, EscapesAllArticleText) {
  std::string html = ToHtml(Hostile());
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<iframe"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>bold"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("evil&quot;id"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
}

analysis::Report WithPeople() {
  analysis::Report r;
  r.title = "t";
  analysis::SourceInfo s;
  s.id = "a";
  r.sources.push_back(s);
  analysis::EntityInfo p;
  p.id = "e1";
  p.name = "Tomas Vellner";
  p.type = "person";
  p.roles = {"FBI Special Agent"};
  p.organization = "FBI";
  p.aliases = {"Vellner"};
  p.sources = {"a"};
  analysis::EntityInfo o;
  o.id = "e2";
  o.name = "FBI";
  o.type = "organization";
  o.sources = {"a"};
  r.entities = {p, o};
  return r;
}

TEST(WhosWho, PeopleWithRoleAndOrganisationInEveryFormat) {
  analysis::Report r = WithPeople();
  std::string md = ToMarkdown(r), html = ToHtml(r), json = ToJsonText(r);
  EXPECT_NE(md.find("## Who's who"), std::string::npos);
  EXPECT_NE(md.find("**Tomas Vellner**, FBI Special Agent (FBI); also: Vellner"), std::string::npos);
  EXPECT_NE(md.find("**FBI** (organization)"), std::string::npos);
  EXPECT_NE(html.find("<td><b>Tomas Vellner</b>"), std::string::npos);
  EXPECT_NE(html.find("<td>FBI Special Agent<td>FBI<td>"), std::string::npos);
  EXPECT_NE(json.find("\"organization\": \"FBI\""), std::string::npos);
}

TEST(Html, EscapeHtmlCoversAttributeCharacters) {
  EXPECT_EQ(EscapeHtml("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
}

TEST(Json, HasEveryContractField) {
  nlohmann::json j = ToJson(Hostile());
  for (const char* k : {"event", "sources", "entities", "facts", "conflicts", "claims", "quotes", "exclusive",
                        "timeline", "summary"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_TRUE(j["event"].contains("first_date"));
  EXPECT_TRUE(j["event"]["first_date"].is_null());
  EXPECT_TRUE(j["event"]["dated_by"].is_null());
  const auto& src = j["sources"][0];
  for (const char* k : {"id", "outlet", "title", "url", "published", "sentences", "removed"})
    EXPECT_TRUE(src.contains(k)) << k;
  EXPECT_EQ(src["removed"][0]["reason"], "photo caption");
  EXPECT_EQ(j["facts"][0]["support"][0]["sentence"], "<iframe src=x>");
  EXPECT_EQ(j["summary"][0]["sources"][0], "evil\"id");
}

TEST(Claims, TreatmentsInEveryFormat) {
  analysis::Report r = Hostile();
  analysis::Claim k;
  k.id = "k1";
  k.claim = "the bridge <b>fell</b>";
  k.treatments.push_back({"evil\"id", "refutes", "disagree", {"evil\"id", "It is <false>.", {0, 12}}});
  r.claims.push_back(k);
  nlohmann::json j = ToJson(r);
  const auto& t = j["claims"][0]["treatments"][0];
  EXPECT_EQ(t["source"], "evil\"id");
  EXPECT_EQ(t["treatment"], "refutes");
  EXPECT_EQ(t["model"], "disagree");
  EXPECT_EQ(t["support"][0]["sentence"], "It is <false>.");
  EXPECT_NE(ToMarkdown(r).find("**refutes** it"), std::string::npos);
  std::string html = ToHtml(r);
  EXPECT_NE(html.find("<b class=\"treatment-refutes\">refutes</b> it"), std::string::npos);
  EXPECT_EQ(html.find("<false>"), std::string::npos);
}

TEST(Timeline, EveryFormatSaysWhatDatesItOrWhyThereIsNone) {
  analysis::Report r = Hostile();
  EXPECT_NE(ToMarkdown(r).find("No timeline: no article has a publication date"), std::string::npos);
  EXPECT_NE(ToHtml(r).find("No timeline: no article has a publication date"), std::string::npos);
  r.dated_by = "publication dates";
  EXPECT_NE(ToMarkdown(r).find("Dates resolved from publication dates; no dated statement."),
            std::string::npos);
  EXPECT_EQ(ToJson(r)["event"]["dated_by"], "publication dates");
}

TEST(Markdown, EscapesMarkup) {
  std::string md = ToMarkdown(Hostile());
  EXPECT_EQ(md.find("[link](javascript"), std::string::npos);
  EXPECT_NE(md.find("\\[link\\](javascript"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::report
