#include "crosscheck/ingest/outlet.h"

#include <gtest/gtest.h>

namespace crosscheck::ingest {
namespace {

TEST(OutletFromUrl, IsTheRegistrableDomain) {
  EXPECT_EQ(OutletFromUrl("https://www.Example.org/2024/03/story.html"), "example.org");
  EXPECT_EQ(OutletFromUrl("https://edition.cnn.com/2025/12/29/europe/a"), "cnn.com");
  EXPECT_EQ(OutletFromUrl("http://news.example.co.uk:8080/a?b=c"), "example.co.uk");
  EXPECT_EQ(OutletFromUrl("https://reader@blog.example.net#top"), "example.net");
  EXPECT_EQ(OutletFromUrl("https://example.org./a"), "example.org");
}

TEST(OutletFromUrl, IsEmptyWithoutARegistrableHost) {
  EXPECT_EQ(OutletFromUrl(""), "");
  EXPECT_EQ(OutletFromUrl("example.org/no-scheme"), "");
  EXPECT_EQ(OutletFromUrl("http://localhost/x"), "");
  EXPECT_EQ(OutletFromUrl("http://exa mple.org/x"), "");
  EXPECT_EQ(OutletFromUrl("http://192.168.0.1/x"), "");
  EXPECT_EQ(OutletFromUrl("http://co.uk/x"), "");  // a public suffix alone
}

TEST(DisplayOutlet, PrefersTheGivenName) {
  Article a;
  a.url = "https://www.example.org/a";
  EXPECT_EQ(DisplayOutlet(a), "example.org");
  a.outlet = "The Example";
  EXPECT_EQ(DisplayOutlet(a), "The Example");
}

TEST(DateFromUrl, TheDayAUrlPathStates) {
  EXPECT_EQ(DateFromUrl("https://www.example.com/2013/02/13/harbour-reopens"), "2013-02-13");
  EXPECT_EQ(DateFromUrl("https://example.org/news/2008-12-23/sports/3683"), "2008-12-23");
  EXPECT_EQ(DateFromUrl("https://example.org/slide-show/20111111.htm"), "2011-11-11");
  EXPECT_EQ(DateFromUrl("https://example.org/a_2019-05-02_b"), "2019-05-02");
  // Not a day: a month only, impossible days, ids, the host, the query.
  EXPECT_EQ(DateFromUrl("https://example.org/2013/02/harbour"), "");
  EXPECT_EQ(DateFromUrl("https://example.org/2013/02/30/x"), "");
  EXPECT_EQ(DateFromUrl("https://example.org/story/201302131234"), "");
  EXPECT_EQ(DateFromUrl("https://2013-02-13.example.org/x"), "");
  EXPECT_EQ(DateFromUrl("https://example.org/x?d=2013-02-13"), "");
  EXPECT_EQ(DateFromUrl("no url 2013/02/13"), "");
}

TEST(CompleteFromUrl, AnUndatedArticleTakesItsUrlsDayAndADatedOneKeepsItsOwn) {
  Article a;
  a.url = "https://www.example.co.uk/2013/02/13/x";
  CompleteFromUrl(a);
  EXPECT_EQ(a.published, "2013-02-13");
  EXPECT_EQ(a.outlet, "example.co.uk");
  Article b;
  b.url = a.url;
  b.published = "2013-02-14T08:00:00Z";
  b.outlet = "Example";
  CompleteFromUrl(b);
  EXPECT_EQ(b.published, "2013-02-14T08:00:00Z");
  EXPECT_EQ(b.outlet, "Example");
}

}  // namespace
}  // namespace crosscheck::ingest
