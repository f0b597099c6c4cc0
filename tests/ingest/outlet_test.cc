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

}  // namespace
}  // namespace crosscheck::ingest
