// WARC web archives: pages from response and resource records (chunked,
// gzip-encoded, in a legacy charset), everything else skipped, gzip
// members per record, and broken archives reported by record.
#include "crosscheck/ingest/warc_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crosscheck/ingest/inputs.h"

namespace crosscheck::ingest {
namespace {

namespace fs = std::filesystem;

std::string Record(const std::string& type, const std::string& uri, const std::string& content_type,
                   const std::string& block, const std::string& extra = "") {
  std::string r = "WARC/1.1\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: 2025-03-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) +
       ">\r\n" + extra;
  if (!content_type.empty()) r += "Content-Type: " + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string Response(const std::string& uri, const std::string& head, const std::string& body) {
  return Record("response", uri, "application/http; msgtype=response", head + "\r\n\r\n" + body);
}

std::string Gzip(const std::string& s) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, s.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = static_cast<uInt>(s.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Chunked(const std::string& s) {
  std::ostringstream o;
  for (size_t at = 0; at < s.size(); at += 100) {
    std::string piece = s.substr(at, 100);
    o << std::hex << piece.size() << "\r\n" << piece << "\r\n";
  }
  o << "0\r\n\r\n";
  return o.str();
}

std::string Page(const std::string& title, const std::string& lead, const std::string& charset = "") {
  std::string meta = charset.empty() ? "" : "<meta charset=\"" + charset + "\">";
  return "<!DOCTYPE html><html><head>" + meta + "<title>" + title +
         "</title></head><body><nav>Home | World</nav>" + "<article><h1>" + title + "</h1><p>" + lead +
         " The council met on Tuesday evening and voted by seven to two to keep the old bridge open to"
         " walkers while engineers study the cracks found last month.</p><p>Residents had asked for the"
         " crossing to stay open because the nearest other bridge is four kilometres downstream, the mayor"
         " said after the vote.</p><p>Repairs are expected to cost about two million euros and to begin in"
         " the spring, according to the town's engineering office.</p></article><footer>Contact us</footer>"
         "</body></html>";
}

struct Read {
  Status status = Status::Ok();
  std::vector<Article> articles;
  std::vector<LineError> errors;
};

Read Parse(const std::string& bytes) {
  Read out;
  std::istringstream in(bytes);
  out.status = ParseWarc(
      in, "test.warc", [&](Article&& a) { out.articles.push_back(std::move(a)); },
      [&](const LineError& e) { out.errors.push_back(e); });
  return out;
}

std::string Archive() {
  std::string w = Record("warcinfo", "", "application/warc-fields", "software: a crawler\r\n");
  w += Record("request", "https://news.example.org/bridge", "application/http; msgtype=request",
              "GET /bridge HTTP/1.1\r\nHost: news.example.org\r\n\r\n");
  // Chunked and gzip-encoded, as it came over the wire.
  w += Response("https://news.example.org/bridge",
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
                "Content-Encoding: gzip",
                Chunked(Gzip(Page("Old bridge stays open", "The old bridge in Lanmoor will stay open."))));
  w += Response("https://news.example.org/old", "HTTP/1.1 301 Moved Permanently\r\nLocation: /bridge", "");
  w += Response("https://news.example.org/logo.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png",
                std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  // A second capture of a page already read.
  w += Response("https://news.example.org/bridge", "HTTP/1.1 200 OK\r\nContent-Type: text/html",
                Page("Old bridge stays open (updated)", "A later capture."));
  // A section front: a page, but no article in it.
  w += Response(
      "https://news.example.org/", "HTTP/1.1 200 OK\r\nContent-Type: text/html",
      "<html><body><ul><li><a href=\"/a\">One</a></li><li><a href=\"/b\">Two</a></li></ul></body></html>");
  // The charset only the HTTP header names: "ż" and "ł" in ISO-8859-2 (which
  // a guess would read as windows-1252's "¿" and "³").
  w += Response("https://gazette.example.net/2025/03/04/bridge-vote",
                "HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=ISO-8859-2",
                Page("Bridge vote",
                     "Mayor Bo\xBF"
                     "ena Micha\xB3owska welcomed the decision."));
  w += Record(
      "resource", "https://wire.example.com/bridge.txt", "text/plain",
      "Lanmoor keeps bridge open\n\nThe town council of Lanmoor voted on Tuesday to keep its old bridge"
      " open to walkers while engineers study cracks found last month.\n");
  w += Record("metadata", "https://news.example.org/bridge", "application/warc-fields",
              "fetchTimeMs: 120\r\n");
  return w;
}

TEST(Warc, PagesFromResponsesAndResourcesAndTheRestSkipped) {
  Read r = Parse(Archive());
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_TRUE(r.errors.empty()) << r.errors[0].message;
  ASSERT_EQ(r.articles.size(), 3u);
  const Article& first = r.articles[0];
  EXPECT_EQ(first.id, "https://news.example.org/bridge");
  EXPECT_EQ(first.url, "https://news.example.org/bridge");
  EXPECT_EQ(first.title, "Old bridge stays open");
  EXPECT_EQ(first.outlet, "example.org");
  EXPECT_EQ(first.received, "2025-03-04T10:00:00Z");  // the capture's WARC-Date
  EXPECT_NE(first.text.find("voted by seven to two"), std::string::npos) << first.text;
  EXPECT_EQ(first.text.find("later capture"), std::string::npos);  // the second capture is not read
  EXPECT_EQ(first.text.find("Contact us"), std::string::npos);
  const Article& second = r.articles[1];
  EXPECT_NE(second.text.find("Mayor Bo\xC5\xBC"
                             "ena Micha\xC5\x82owska welcomed"),
            std::string::npos)
      << second.text;
  EXPECT_EQ(second.published.substr(0, 10), "2025-03-04");  // from the URL, as for any page
  EXPECT_EQ(r.articles[2].id, "https://wire.example.com/bridge.txt");
  EXPECT_NE(r.articles[2].text.find("keep its old bridge"), std::string::npos);
}

TEST(Warc, GzipMembersPerRecordOrForTheWholeFile) {
  const std::string plain = Archive();
  std::string per_record;
  for (size_t at = 0; at < plain.size();) {
    size_t next = plain.find("WARC/1.1\r\n", at + 1);
    if (next == std::string::npos) next = plain.size();
    per_record += Gzip(plain.substr(at, next - at));
    at = next;
  }
  for (const std::string& bytes : {per_record, Gzip(plain)}) {
    Read r = Parse(bytes);
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    ASSERT_EQ(r.articles.size(), 3u);
    EXPECT_EQ(r.articles[0].title, "Old bridge stays open");
  }
  // Cut inside the last member: the records before it are read, and the cut is told.
  Read cut = Parse(per_record.substr(0, per_record.size() - 40));
  EXPECT_EQ(cut.articles.size(), 3u);
  ASSERT_FALSE(cut.errors.empty());
  EXPECT_NE(cut.errors.back().message.find("truncated"), std::string::npos) << cut.errors.back().message;
}

TEST(Warc, BrokenArchivesAreToldByRecord) {
  EXPECT_NE(Parse("<html>not an archive</html>").status.message().find("not a WARC file"), std::string::npos);
  EXPECT_FALSE(Parse("").status.ok());
  // Only records without a page: no article, and the file says so.
  Read none = Parse(Record("warcinfo", "", "application/warc-fields", "a: b\r\n"));
  EXPECT_NE(none.status.message().find("no article in 1 WARC records"), std::string::npos)
      << none.status.message();
  const std::string good = Response("https://a.example/x", "HTTP/1.1 200 OK\r\nContent-Type: text/html",
                                    Page("Bridge", "The bridge stays."));
  // A record cut short.
  Read cut = Parse(good + good.substr(0, good.size() - 200));
  EXPECT_EQ(cut.articles.size(), 1u);
  ASSERT_EQ(cut.errors.size(), 1u);
  EXPECT_EQ(cut.errors[0].line, 2u);
  EXPECT_NE(cut.errors[0].message.find("cut short"), std::string::npos);
  // A header without a length, then garbage where a record should start.
  std::string no_length = "WARC/1.0\r\nWARC-Type: response\r\n\r\n";
  Read bad = Parse(good + no_length);
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_NE(bad.errors[0].message.find("Content-Length"), std::string::npos);
  std::string fat = "WARC/1.0\r\nWARC-Type: metadata\r\n";
  for (int k = 0; k < 300; ++k) fat += "X-Note-" + std::to_string(k) + ": " + std::string(1000, 'n') + "\r\n";
  Read bloated = Parse(good + fat + "Content-Length: 0\r\n\r\n");
  ASSERT_EQ(bloated.errors.size(), 1u);
  EXPECT_NE(bloated.errors[0].message.find("over 256 KiB"), std::string::npos) << bloated.errors[0].message;
  Read garbage = Parse(good + "this is no record\r\n");
  ASSERT_EQ(garbage.errors.size(), 1u);
  EXPECT_NE(garbage.errors[0].message.find("no WARC record starts here"), std::string::npos);
  // A page over the size limit is skipped with a word, the next one read.
  ReadOptions small;
  small.max_bytes = 1000;
  std::istringstream in(good + Response("https://b.example/y", "HTTP/1.1 200 OK\r\nContent-Type: text/html",
                                        Page("Bridge", std::string(3000, 'a'))));
  std::vector<LineError> errors;
  size_t read = 0;
  ASSERT_TRUE(
      ParseWarc(
          in, "t.warc", [&](Article&&) { ++read; }, [&](const LineError& e) { errors.push_back(e); }, small)
          .ok());
  EXPECT_EQ(read, 1u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("over the limit"), std::string::npos);
  // An encoding that cannot be undone.
  Read br =
      Parse(good + Response("https://c.example/z",
                            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br", "xyz"));
  ASSERT_EQ(br.errors.size(), 1u);
  EXPECT_NE(br.errors[0].message.find("'br' is not supported"), std::string::npos);
}

TEST(Warc, FoundByNameAndByContent) {
  EXPECT_EQ(KindOfPath("crawl.warc.gz"), InputKind::kWarc);
  EXPECT_EQ(KindOfPath("crawl.warc"), InputKind::kWarc);
  fs::path dir = fs::temp_directory_path() / "crosscheck_warc_test";
  fs::create_directories(dir);
  std::ofstream(dir / "CC-NEWS-20250304", std::ios::binary) << Archive();
  EXPECT_EQ(KindOfFile((dir / "CC-NEWS-20250304").string()), InputKind::kWarc);
  auto articles = ReadArticles({dir.string()});
  ASSERT_TRUE(articles.ok()) << articles.status().ToString();
  EXPECT_EQ(articles->size(), 3u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck::ingest
