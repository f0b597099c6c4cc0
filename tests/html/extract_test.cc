#include <gtest/gtest.h>

#include "crosscheck/html/page.h"

namespace crosscheck::html {
namespace {

std::string Article(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

const char* kBody = R"(
<nav class="site-nav"><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="share-bar"><a href="#">Share on Facebook</a></div>
<article class="story">
  <h1>Harbour bridge reopens after repairs</h1>
  <div class="byline">By Jo Example</div>
  <p>The harbour bridge reopened on Monday after three months of repairs, the city council said, ending long detours for commuters.</p>
  <figure><img src="x.jpg"><figcaption>The bridge at dawn. Photo: Pat Lens</figcaption></figure>
  <p>Engineers replaced the main cables, resurfaced the deck, and added a cycle lane on the eastern side of the span.</p>
  <div class="newsletter-signup"><p>Sign up for our newsletter to get the morning briefing in your inbox every day.</p></div>
  <p>Traffic was light in the first hours, but officials expect numbers to rise, as schools return next week.</p>
</article>
<aside class="related-stories"><p>Related: Ten bridges you should cross before you die, and why each of them matters so much.</p></aside>
<div id="comments"><p>Great news, finally! I have been waiting for this bridge to reopen for such a long time now.</p></div>
<footer><p>Copyright 2025 The Example Gazette. All rights reserved and so on, for a long line.</p></footer>)";

// The lead opens the text, and the body follows it.
void ExpectLeadFirst(const Page& page, std::string_view opening) {
  ASSERT_GE(page.paragraphs.size(), 3u) << page.Body();
  EXPECT_EQ(page.paragraphs[0].rfind(opening, 0), 0u) << page.Body();
}

TEST(ExtractPage, BodyWithoutPageFurniture) {
  auto page = ExtractPage(Article("<title>Bridge - Gazette</title>", kBody));
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  std::string body = page->Body();
  EXPECT_NE(body.find("reopened on Monday"), std::string::npos);
  EXPECT_NE(body.find("main cables"), std::string::npos);
  EXPECT_NE(body.find("Traffic was light"), std::string::npos);
  EXPECT_LT(body.find("reopened on Monday"), body.find("Traffic was light"));
  for (const char* junk : {"Share on Facebook", "Home", "newsletter", "Related", "Great news", "Copyright",
                           "The bridge at dawn", "By Jo Example"})
    EXPECT_EQ(body.find(junk), std::string::npos) << junk;
  ASSERT_EQ(page->removed_captions.size(), 1u);
  EXPECT_EQ(page->paragraphs.size(), 3u);
}

TEST(ExtractPage, TextComesOutCanonicallyComposed) {
  // U+09DF (a composition exclusion) is U+09AF U+09BC in NFC; "e" with a
  // combining acute is U+00E9.
  auto page =
      ExtractPage(Article("<title>Caf\u0065\u0301 news</title>",
                          "<article><p>The mayor of Kushtia (\u09A6\u09DF\u09BE) opened a "
                          "cafe\u0301 beside the river on Monday, the council said in a statement.</p>"
                          "</article>"));
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->paragraphs.size(), 1u);
  EXPECT_NE(page->paragraphs[0].find("(\u09A6\u09AF\u09BC\u09BE)"), std::string::npos) << page->paragraphs[0];
  EXPECT_NE(page->paragraphs[0].find("caf\u00E9 beside"), std::string::npos);
  EXPECT_EQ(page->title, "Caf\u00E9 news");
}

TEST(ExtractPage, TextWrittenStraightIntoAContainer) {
  std::string body =
      "<div class='menu'><a href='/a'>News</a> <a href='/b'>Sport</a></div>"
      "<div class='col'><p class='title'>Clinic vans broken into</p><small>05/10/2018 - Staff</small><br>"
      "<img src='a.jpg'>The home-care team found two of its five vans broken into this morning, with the "
      "batteries "
      "gone and the doors damaged. Police came to inspect the vehicles, and patients booked for the morning "
      "are being "
      "moved to other days, while the service expects to work normally again from this afternoon.<br><br>"
      "<div class='row'><a href='/x'>Facebook</a></div></div>";
  auto page = ExtractPage(Article("", body));
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->Body().find("batteries gone"), std::string::npos) << page->Body();
  EXPECT_EQ(page->Body().find("Sport"), std::string::npos);
}

TEST(ExtractPage, LayoutCellsAndHiddenCopies) {
  std::string para =
      "<p>The regional council approved the new ferry timetable on Tuesday, adding two evening "
      "crossings, and said the changes would start next month.</p>";
  std::string body =
      "<table><tr><td><div class='story'>" + para + para + para +
      "</div><div class='teasers'><p>Other news: the library reopens, the museum extends its hours, "
      "and the market moves for the summer season.</p></div>"
      "<div style='display: none' itemprop='articleBody'>" +
      para + para + para + "</div></td></tr></table>";
  auto page = ExtractPage(Article("", body));
  ASSERT_TRUE(page.ok());
  // Three paragraphs, each its own paragraph, and not the hidden copy.
  ASSERT_EQ(page->paragraphs.size(), 3u) << page->Body();
  for (const auto& p : page->paragraphs) EXPECT_EQ(p.find("Other news"), std::string::npos);
}

TEST(ExtractPage, MetadataFromJsonLdOpenGraphAndMeta) {
  std::string head = R"(<title>Ignored - Site</title>
<meta property="og:title" content="Bridge reopens">
<meta property="og:site_name" content="The Example Gazette">
<link rel="canonical" href="https://example.org/bridge">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Bridge reopens","datePublished":"2025-03-03T08:00:00Z",
 "author":[{"@type":"Person","name":"Jo Example"},{"@type":"Person","name":"Sam Writer"}],
 "publisher":{"@type":"Organization","name":"Gazette Media"}}</script>)";
  auto page = ExtractPage(Article(head, kBody));
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Bridge reopens");
  EXPECT_EQ(page->published, "2025-03-03T08:00:00Z");
  EXPECT_EQ(page->url, "https://example.org/bridge");
  EXPECT_EQ(page->outlet, "The Example Gazette");
  EXPECT_EQ(page->authors, (std::vector<std::string>{"Jo Example", "Sam Writer"}));
}

TEST(ExtractPage, TimeElementAndMetaAuthorFallbacks) {
  std::string body = std::string("<time datetime=\"2024-12-01\">Dec 1</time>") + kBody;
  auto page = ExtractPage(Article("<meta name=\"author\" content=\"Ana Ortiz\">", body));
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->published, "2024-12-01");
  EXPECT_EQ(page->authors, (std::vector<std::string>{"Ana Ortiz"}));
  EXPECT_EQ(page->title, "Harbour bridge reopens after repairs");
}

TEST(DecodeToUtf8, LegacyEncodingsAndBoms) {
  std::string enc;
  auto latin = DecodeToUtf8("<meta charset=\"windows-1252\"><p>caf\xE9 \x93quoted\x94</p>", &enc);
  ASSERT_TRUE(latin.ok());
  EXPECT_EQ(enc, "windows-1252");
  EXPECT_NE(latin->find("café “quoted”"), std::string::npos);
  auto sjis = DecodeToUtf8(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>\x93\xfa\x96\x7b</p>",
      &enc);
  ASSERT_TRUE(sjis.ok());
  EXPECT_NE(sjis->find("日本"), std::string::npos);
  auto utf16 = DecodeToUtf8(std::string("\xFF\xFE<\0p\0>\0", 8), &enc);
  ASSERT_TRUE(utf16.ok());
  EXPECT_EQ(*utf16, "<p>");
  auto plain = DecodeToUtf8("<p>naïve</p>", &enc);
  EXPECT_EQ(enc, "UTF-8");
}

TEST(ExtractPage, HostilePagesNeverCrashOrHang) {
  // Malformed markup: unclosed and misnested tags.
  auto bad = ExtractPage(
      "<html><body><div><p>Unclosed paragraph with enough words to count as text here<div><b><i>x</b></i>"
      "<p>Another paragraph, also long enough to be counted as article text by the scorer.");
  ASSERT_TRUE(bad.ok());
  EXPECT_NE(bad->Body().find("Unclosed paragraph"), std::string::npos);
  // Nesting within the limit is parsed; past it the page is refused before
  // the parse, whose cost grows with the depth.
  auto nest = [](int levels) {
    std::string deep = "<html><body>";
    for (int i = 0; i < levels; ++i) deep += "<div>";
    deep += "<p>Deep inside the divs there is still a paragraph of article text to find.</p>";
    for (int i = 0; i < levels; ++i) deep += "</div>";
    return deep + "</body></html>";
  };
  auto nested = ExtractPage(nest(400));
  ASSERT_TRUE(nested.ok());
  EXPECT_NE(nested->Body().find("Deep inside"), std::string::npos);
  auto too_deep = ExtractPage(nest(10000));
  ASSERT_FALSE(too_deep.ok());
  EXPECT_EQ(too_deep.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(too_deep.status().message().find("10000 deep"), std::string::npos);
  // Sloppy but shallow: end tags that close what was left open, stray end
  // tags, and elements the parser closes itself do not count as depth.
  std::string sloppy = "<html><body>";
  for (int i = 0; i < 3000; ++i) sloppy += "<div><span><b>x</div></i><p>y<li>z<td>w";
  sloppy += "<p>After the sloppy markup there is a paragraph of article text to find.</p></body></html>";
  auto shallow = ExtractPage(sloppy);
  ASSERT_TRUE(shallow.ok()) << shallow.status().ToString();
  EXPECT_NE(shallow->Body().find("After the sloppy"), std::string::npos);
  // Many scripts and styles that are never closed.
  std::string unclosed = "<html><body><p>Before the scripts there is a paragraph of article text.</p>";
  for (int i = 0; i < 2000; ++i) unclosed += "<script>var a = 1; <style>b {}";
  auto scripts = ExtractPage(unclosed + "</body></html>");
  ASSERT_TRUE(scripts.ok());
  EXPECT_NE(scripts->Body().find("Before the scripts"), std::string::npos);
  // No body at all, and binary bytes: an empty body with a warning.
  auto empty = ExtractPage("<html><head><title>t</title></head></html>");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->paragraphs.empty());
  EXPECT_FALSE(empty->warnings.empty());
  std::string binary;
  for (int i = 0; i < 5000; ++i) binary += static_cast<char>((i * 131) & 0xFF);
  auto bin = ExtractPage(binary);
  ASSERT_TRUE(bin.ok());
  // Over the size limit: a clear error.
  PageOptions small;
  small.max_bytes = 1000;
  auto big = ExtractPage(std::string(2000, 'a'), small);
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
}

TEST(Gunzip, RejectsGarbage) { EXPECT_FALSE(Gunzip("not gzip at all", 1 << 20).ok()); }

TEST(ExtractPage, StandfirstAboveTheContainerComesFirst) {
  const std::string lead =
      "The city will close the old harbour bridge for a month while engineers replace its cables, officials "
      "said.";
  auto page =
      ExtractPage(Article("<meta name=\"description\" content=\"" + lead + "\">",
                          "<div class=\"intro\"><p class=\"standfirst\">" + lead + "</p></div>" + kBody));
  ASSERT_TRUE(page.ok());
  ASSERT_FALSE(page->paragraphs.empty());
  EXPECT_EQ(page->paragraphs.front(), lead);
  // No description, or one the page does not show: nothing is added.
  auto plain = ExtractPage(Article("<meta name=\"description\" content=\"" + lead + "\">", kBody));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->paragraphs.front().find("The city will close"), std::string::npos);
}

TEST(ExtractPage, ArticleGivenOnlyInNoscriptIsRead) {
  auto page = ExtractPage(Article(
      "",
      "<div class=\"post-body\"><script type=\"text/template\"><p>templated</p></script><noscript>"
      "<p>The harbour bridge reopened on Monday after three months of repairs, the city council said, ending "
      "long detours.</p><p>Engineers replaced the main cables, resurfaced the deck, and added a cycle lane "
      "on "
      "the eastern side.</p><p>Traffic was light in the first hours, but officials expect numbers to rise as "
      "schools return.</p></noscript></div><noscript><img src=\"pixel.gif\"></noscript>"));
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->paragraphs.size(), 3u) << page->Body();
  EXPECT_NE(page->paragraphs[0].find("harbour bridge reopened"), std::string::npos);
}

TEST(ExtractPage, LanguageFromHtmlLang) {
  auto page = ExtractPage("<html lang=\"de-AT\"><body><p>Kurzer Text.</p></body></html>");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->language, "de");
}

TEST(ExtractPage, BlocksOfTheContainersKindAreKeptInPageOrder) {
  auto section = [](const std::string& text) {
    return "<div class=\"grid\"><div class=\"cell\"><section class=\"textblock\"><p>" + text +
           "</p></section></div></div>";
  };
  auto page = ExtractPage(Article(
      "",
      section("The harbour bridge reopened on Monday after three months of repairs, the city council said, "
              "ending the long detours that commuters had faced since the spring.") +
          "<div class=\"ad\"><a href=\"/x\">Buy now</a></div>" +
          section("Engineers replaced the main cables, resurfaced the deck and added a cycle lane on the "
                  "eastern side of the span, which will open to cyclists next month.") +
          "<section class=\"teasers\"><p><a href=\"/a\">Ten bridges to cross before you die, and why each of "
          "them matters so much to the city</a></p></section>" +
          section("Traffic was light in the first hours, but officials expect numbers to rise as schools "
                  "return next week and the ferries cut their timetable.")));
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->paragraphs.size(), 3u) << page->Body();
  EXPECT_NE(page->paragraphs[0].find("reopened on Monday"), std::string::npos);
  EXPECT_NE(page->paragraphs[1].find("Engineers replaced"), std::string::npos);
  EXPECT_NE(page->paragraphs[2].find("Traffic was light"), std::string::npos);
}

TEST(ExtractPage, ConsentDialogsAreNeverTheArticle) {
  std::string dialog = "<div class=\"cmplz-body\">";
  for (int i = 0; i < 5; ++i)
    dialog +=
        "<p>We use technologies such as cookies to store and access device information, so that we can "
        "process data such as browsing behaviour or unique identifiers on this site.</p>";
  dialog += "</div>";
  auto page = ExtractPage(Article("", dialog + kBody));
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->Body().find("cookies"), std::string::npos) << page->Body();
  EXPECT_NE(page->Body().find("harbour bridge reopened"), std::string::npos);
}

TEST(ExtractPage, LeadInsAndLabelsInOtherLanguagesAreFurniture) {
  auto page = ExtractPage(Article(
      "",
      "<article><p>Die Brücke im Hafen wurde am Montag nach drei Monaten Bauzeit wieder geöffnet, teilte die "
      "Stadt mit.</p><p>Anzeige</p><p>Die Polizei hat Anzeige erstattet.</p><p>Lesen Sie auch:</p><p>Die "
      "Ingenieure ersetzten die Tragseile und erneuerten die Fahrbahn auf der ganzen Länge der Brücke.</p>"
      "<p>Czytaj też</p><p>Lire aussi</p><p>Schon gelesen?</p><p>Related Coverage</p></article>"));
  ASSERT_TRUE(page.ok());
  const std::string body = page->Body();
  EXPECT_NE(body.find("Die Polizei hat Anzeige erstattet."), std::string::npos) << body;
  EXPECT_EQ(body.find("\n\nAnzeige\n"), std::string::npos) << body;
  EXPECT_EQ(body.find("Lesen Sie auch"), std::string::npos) << body;
  EXPECT_EQ(body.find("Czytaj"), std::string::npos) << body;
  EXPECT_EQ(body.find("Lire aussi"), std::string::npos) << body;
  EXPECT_EQ(body.find("Schon gelesen"), std::string::npos) << body;
  EXPECT_EQ(body.find("Related Coverage"), std::string::npos) << body;
}

TEST(ExtractPage, DateAndCreditLinesAreFurniture) {
  auto page = ExtractPage(Article(
      "",
      "<article><p>Die Brücke im Hafen wurde am Montag nach drei Monaten Bauzeit wieder geöffnet, teilte die "
      "Stadt mit.</p><p>05. Februar 2020</p><p>Publiziert: 03.04.2020</p><p>Foto: Pat Lens</p><p>Die Liste "
      "wird laufend aktualisiert.</p><p>Die Ingenieure ersetzten die Tragseile und erneuerten die Fahrbahn "
      "auf der ganzen Länge.</p><p>Publicado el 03/05/2022 a las 10:41</p></article>"));
  ASSERT_TRUE(page.ok());
  const std::string body = page->Body();
  EXPECT_EQ(body.find("Publicado"), std::string::npos) << body;
  EXPECT_EQ(body.find("Februar 2020"), std::string::npos) << body;
  EXPECT_EQ(body.find("Publiziert"), std::string::npos) << body;
  EXPECT_EQ(body.find("Pat Lens"), std::string::npos) << body;
  EXPECT_NE(body.find("Die Liste wird laufend aktualisiert."), std::string::npos) << body;
}

TEST(ExtractPage, ABannerLeftOpenAroundTheArticleStillGivesIt) {
  // The page never closes its <header role=banner>: the article sits inside.
  auto page =
      ExtractPage("<html><body><header role=\"banner\"><div class=\"logo\"><a href=\"/\">Gazette</a></div>" +
                  std::string(kBody) + "</body></html>");
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->Body().find("harbour bridge reopened"), std::string::npos) << page->Body();
}

TEST(ExtractPage, AnArticleInBlocksNamedLikeFurnitureIsReadOnSecondTry) {
  // A blog engine puts the post inside a "widget": by names alone nothing is
  // left, so the page is read again without them.
  auto page = ExtractPage(
      Article("<title>Privacy policy</title>",
              "<nav><a href=\"/\">Home</a></nav><div class=\"widget Blog\"><div class=\"post\"><div "
              "class=\"post-body\">"
              "<p>This app stores no personal data, and it sends nothing you type to any server of ours.</p>"
              "<p>Crash reports are anonymous, and you can turn them off in the settings at any time.</p>"
              "</div></div></div>"));
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->Body().find("stores no personal data"), std::string::npos) << page->Body();
  EXPECT_NE(page->Body().find("Crash reports"), std::string::npos) << page->Body();
  EXPECT_EQ(page->Body().find("Home"), std::string::npos) << page->Body();
}

TEST(ExtractPage, AListOfNamesIsNotProseHoweverManyCommas) {
  // An open letter whose signatories fill a table cell: their commas must
  // not outweigh the letter itself.
  std::string names;
  for (int i = 0; i < 80; ++i) names += "Ann Lee" + std::to_string(i) + ", Yale<br>";
  std::string letter;
  for (const char* s :
       {"Our institutions face a moment of trial, and the debate that sustains them is narrowing.",
        "We refuse any false choice between justice and freedom, which cannot exist without each other.",
        "Editors are fired for running pieces that some readers found wrong, in a climate of fear.",
        "Writers are barred from teaching, and researchers are investigated for citing a study.",
        "The way to defeat bad ideas is exposure, argument and persuasion, not trying to silence them.",
        "Institutions, out of panic, deliver hasty and disproportionate punishments instead of reform.",
        "We need to keep open the possibility of good-faith disagreement without dire consequences.",
        "The free exchange of information and ideas is becoming more constricted every year."})
    letter += "<p>" + std::string(s) + "</p>";
  auto page = ExtractPage(Article(
      "<title>A letter</title>",
      "<div class=\"post-content\">" + letter + "</div><table><tr><td>" + names + "</td></tr></table>"));
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->Body().find("moment of trial"), std::string::npos) << page->Body();
  EXPECT_NE(page->Body().find("more constricted"), std::string::npos) << page->Body();
}

TEST(ExtractPage, RelatedPostsAreFurnitureThoughTheirNameSaysPost) {
  // "related-posts" names a post as well as furniture: the furniture wins.
  auto page = ExtractPage(Article(
      "<title>Ferry</title>",
      std::string(
          "<div class=\"entry\"><p>The night ferry to the islands resumes on Friday, the operator said, "
          "after a "
          "winter of repairs to its only ship.</p><p>Tickets go on sale on Wednesday, and the first crossing "
          "is already half full, according to the booking site.</p>") +
          "<div class=\"related-posts\"><p>Five quiet beaches you can reach by ferry this summer, and where "
          "to eat "
          "near each of them.</p></div></div>"));
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->Body().find("night ferry"), std::string::npos) << page->Body();
  EXPECT_EQ(page->Body().find("quiet beaches"), std::string::npos) << page->Body();
}

TEST(ExtractPage, TheLeadInItsOwnBoxAboveTheBodyComesFirst) {
  auto page = ExtractPage(
      Article("<title>Dam</title>",
              "<div class=\"top\"><div class=\"col\"><h1>Dam</h1><div class=\"intro-text\"><p>The town votes "
              "in May on whether to pull down the old dam, which "
              "has held back the river since 1904.</p><p>Photo: Lou Lens</p></div></div></div><div "
              "class=\"share\"><a href=\"#\">Share</a>"
              "</div><main><div class=\"article-body\"><p>Engineers say the dam is sound, but fish cannot "
              "pass it, and the pond "
              "behind it silts up a little more each year.</p><p>A group of residents wants it kept, saying "
              "the pond is the "
              "heart of the park, and has asked for a survey first.</p></div></main>"));
  ASSERT_TRUE(page.ok());
  ExpectLeadFirst(*page, "The town votes in May");
  EXPECT_EQ(page->Body().find("Lou Lens"), std::string::npos) << page->Body();
  EXPECT_NE(page->Body().find("heart of the park"), std::string::npos) << page->Body();
}

TEST(ExtractPage, CaptionsDisclosuresAndRunTogetherRelatedBoxesAreFurniture) {
  auto page = ExtractPage(
      Article("<title>Beetles</title>",
              "<div class=\"entry\"><p>The stag beetle is back in the valley, the survey found, after twenty "
              "years in which "
              "no one had seen a single one.</p><div class=\"legend\"><div>The stag beetle lives in old oak "
              "wood.</div>"
              "</div><p>Volunteers counted them at dusk, and the numbers rose in every wood that still had "
              "dead trees "
              "standing.</p><p class=\"affiliate-disclosure\">We earn a commission on books bought through "
              "links on this "
              "page.</p><div class=\"sectionRelated\"><h2>Press release as PDF</h2></div></div>"));
  ASSERT_TRUE(page.ok());
  std::string body = page->Body();
  EXPECT_NE(body.find("stag beetle is back"), std::string::npos) << body;
  EXPECT_NE(body.find("Volunteers counted"), std::string::npos) << body;
  for (const char* junk : {"lives in old oak", "commission", "Press release"})
    EXPECT_EQ(body.find(junk), std::string::npos) << junk << ": " << body;
}

TEST(ExtractPage, ALongCommentThreadIsNotTheArticleButACommentaryIs) {
  // A comment holds long paragraphs, more commas than the post: by its
  // name it is furniture unless it holds most of the page. "commentary"
  // names an opinion piece, not comments.
  std::string post, thread;
  for (int i = 0; i < 5; ++i)
    post += "<p>Paragraph " + std::to_string(i) +
            " of the commentary: the council should keep the library open on Sundays, because that is when "
            "families can come.</p>";
  for (int i = 0; i < 4; ++i)
    thread +=
        "<p>Reader " + std::to_string(i) +
        " writes that the library was, for years, the only warm place, that the staff, all of them, knew "
        "every child by name, and that closing it on Sundays, of all days, would be, frankly, a mistake.</p>";
  auto page = ExtractPage(Article("<title>Library</title>", "<div class=\"news subjective commentary\">" +
                                                                post + "</div><div class=\"comment-body\">" +
                                                                thread + "</div>"));
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->Body().find("Paragraph 0 of the commentary"), std::string::npos) << page->Body();
  EXPECT_NE(page->Body().find("Paragraph 2 of the commentary"), std::string::npos) << page->Body();
  EXPECT_EQ(page->Body().find("Reader"), std::string::npos) << page->Body();
}

TEST(ExtractPage, TheLeadInTheArticlesHeaderComesFirst) {
  auto page = ExtractPage(Article(
      "<title>Lifts</title>",
      "<article><header><h1>Lifts</h1><p class=\"article-header__lead\">A writer rides the lifts of tower "
      "blocks "
      "for a year and asks what a generation remembers of them.</p></header><section><div "
      "class=\"text\"><p>The "
      "first lift she rode was in a block of eleven floors, built in 1975, and it still smelled of the same "
      "oil.</p><p>Residents told her about the lift as a meeting place, a playground and, on bad days, a "
      "trap.</p></div><aside class=\"box\"><a href=\"/x\">More</a></aside></section></article>"));
  ASSERT_TRUE(page.ok());
  ExpectLeadFirst(*page, "A writer rides the lifts");
}

TEST(ExtractPage, AnAuthorBoxIsFurnitureThoughItsNameSaysContent) {
  auto page = ExtractPage(Article(
      "<title>Lemon cake</title>",
      "<div class=\"entry\"><p>This lemon cake keeps for a week in a tin, and it only gets better, because "
      "the "
      "syrup soaks in.</p><p>Beat the butter and sugar until pale, then add the eggs one at a time, with a "
      "spoon of flour.</p><p>Bake it for forty minutes, then pour the warm syrup over it and leave it to "
      "cool in the tin.</p><section class=\"author-box--content\"><p>Hello, I am a food blogger from the "
      "north, and I bake every weekend for my family and friends.</p></section></div>"));
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->Body().find("lemon cake keeps"), std::string::npos) << page->Body();
  EXPECT_EQ(page->Body().find("food blogger"), std::string::npos) << page->Body();
}

TEST(ExtractPage, APageOverTheNodeBudgetHasAnEmptyBodyAndSaysWhy) {
  std::string body = "<div class=\"entry\">";
  for (int i = 0; i < 200; ++i)
    body += "<p>The council met again on Tuesday, and the budget for the new school was agreed at last.</p>";
  body += "</div>";
  PageOptions small;
  small.max_nodes = 300;
  auto page = ExtractPage(Article("<title>Budget</title>", body), small);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->paragraphs.empty()) << page->Body();
  ASSERT_FALSE(page->warnings.empty());
  EXPECT_NE(page->warnings[0].find("more than 300 nodes"), std::string::npos) << page->warnings[0];
  // Under the budget the same page is read whole.
  auto whole = ExtractPage(Article("<title>Budget</title>", body));
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->paragraphs.size(), 200u);
}

}  // namespace
}  // namespace crosscheck::html
