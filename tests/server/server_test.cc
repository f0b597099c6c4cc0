#include "crosscheck/server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <zlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_util.h"

namespace crosscheck::server {
namespace {

using nlohmann::json;

// Three reports of one ferry strike and one of an unrelated fire, as JSONL.
std::string Jsonl() {
  auto line = [](const std::string& id, const std::string& outlet, const std::string& title,
                 const std::string& text) {
    return json{{"id", id}, {"outlet", outlet}, {"title", title}, {"text", text}, {"published", "2026-03-03"}}
               .dump() +
           "\n";
  };
  return line("gazette-1", "Harbour Gazette", "Ferry crews <b>strike</b> over pay",
              "Ferries between Kessel and Marro did not sail on Tuesday after 120 crew members walked out "
              "over "
              "pay, the operator said.\nThe union said talks would resume on Friday.\n") +
         line("courier-1", "Coast Courier", "Ferry strike strands travellers",
              "No ferries sailed between Kessel and Marro on Tuesday as 120 crew walked out over pay.\nThe "
              "union said it would meet the operator on Friday.\n") +
         line("post-1", "Marro Post", "Strike halts Kessel ferries",
              "Crews on the Kessel and Marro ferries walked out on Tuesday over pay, stopping every "
              "crossing.\nTalks resume on Friday, the union said.\n") +
         line("post-2", "Marro Post", "Warehouse fire in Dunmore",
              "A warehouse burned down in Dunmore on Monday night.\nFirefighters fought the blaze for six "
              "hours.\n");
}

class Serving : public ::testing::Test {
 protected:
  void Start(ServerOptions o) {
    // One database per test: CTest runs this binary's tests side by side.
    const std::string name = std::string("crosscheck_server_") +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    o.db = crosscheck::testing::TempDb(name.c_str());
    o.port = 0;
    auto s = Server::Open(o);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    server_ = std::move(s).value();
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
    client_ = std::make_unique<httplib::Client>("127.0.0.1", *port);
    thread_ = std::thread([this] { (void)server_->Run(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  json Get(const std::string& path, int want = 200) {
    auto r = client_->Get(path.c_str());
    EXPECT_TRUE(r) << path;
    if (!r) return {};
    EXPECT_EQ(r->status, want) << path << ": " << r->body;
    return json::parse(r->body, nullptr, false);
  }
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
  std::thread thread_;
};

TEST_F(Serving, PostedArticlesAreGroupedListedAndReported) {
  Start({});
  ASSERT_FALSE(HasFatalFailure());
  auto posted = client_->Post("/api/articles", Jsonl(), "application/x-ndjson");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;
  EXPECT_EQ(json::parse(posted->body)["added"], 4);

  json all = Get("/api/events");
  ASSERT_EQ(all["total"], 2) << all.dump();
  json ferries = Get("/api/events?q=ferry");
  ASSERT_EQ(ferries["total"], 1);
  const int64_t id = ferries["events"][0]["id"];
  EXPECT_EQ(ferries["events"][0]["articles"], 3);
  EXPECT_EQ(Get("/api/events?outlet=Coast%20Courier")["total"], 1);
  EXPECT_EQ(Get("/api/events?limit=1&offset=1")["events"].size(), 1u);
  EXPECT_EQ(Get("/api/events?limit=0", 400)["error"].is_string(), true);
  EXPECT_EQ(Get("/api/events?since=yesterday", 400)["error"].is_string(), true);

  // The report follows the contract, and a second read is a 304 by its tag.
  auto rep = client_->Get(("/api/events/" + std::to_string(id)).c_str());
  ASSERT_TRUE(rep);
  ASSERT_EQ(rep->status, 200);
  json report = json::parse(rep->body);
  for (const char* k : {"event", "sources", "facts", "claims", "timeline", "summary"})
    EXPECT_TRUE(report.contains(k));
  EXPECT_EQ(report["sources"].size(), 3u);
  const std::string tag = rep->get_header_value("ETag");
  ASSERT_FALSE(tag.empty());
  auto again = client_->Get(("/api/events/" + std::to_string(id)).c_str(), {{"If-None-Match", tag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(Get("/api/events/999999", 404)["error"].is_string());

  json found = Get("/api/search?q=warehouse%20Dunmore");
  ASSERT_EQ(found["articles"].size(), 1u) << found.dump();
  EXPECT_EQ(found["articles"][0]["id"], "post-2");
  EXPECT_NE(found["articles"][0]["snippet"].get<std::string>().find("[warehouse]"), std::string::npos);
  EXPECT_EQ(Get("/api/search?q=ferries%20Kessel")["articles"].size(), 3u);
  EXPECT_EQ(Get("/api/search?q=%22%20OR%20NEAR(")["articles"].size(), 0u);  // operators are plain words
  EXPECT_TRUE(Get("/api/search", 400)["error"].is_string());
  json article = Get("/api/articles/courier-1");
  EXPECT_EQ(article["outlet"], "Coast Courier");
  EXPECT_EQ(article["event"], id);
  EXPECT_TRUE(Get("/api/articles/nobody", 404)["error"].is_string());
  EXPECT_TRUE(Get("/no/such/page", 404)["error"].is_string());

  // A new report of the same event changes its tag: the cache does not serve the old one.
  auto more = client_->Post("/api/articles",
                            json{{"id", "gazette-2"},
                                 {"outlet", "Harbour Gazette"},
                                 {"published", "2026-03-03"},
                                 {"text",
                                  "Ferry crews between Kessel and Marro stayed on strike over pay on "
                                  "Tuesday, the union said.\n"}}
                                .dump(),
                            "application/json");
  ASSERT_TRUE(more);
  ASSERT_EQ(more->status, 201) << more->body;
  auto changed = client_->Get(("/api/events/" + std::to_string(id)).c_str(), {{"If-None-Match", tag}});
  ASSERT_TRUE(changed);
  EXPECT_EQ(json::parse(more->body)["events"][0], id);
  EXPECT_EQ(changed->status, 200);
  EXPECT_NE(changed->get_header_value("ETag"), tag);

  // The pages escape article text and carry a strict policy.
  auto home = client_->Get("/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 200);
  EXPECT_EQ(home->body.find("<b>strike</b>"), std::string::npos);
  EXPECT_NE(home->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  auto page = client_->Get(("/events/" + std::to_string(id)).c_str());
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Kessel"), std::string::npos);

  auto feed = client_->Get("/feed.atom");
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 200);
  EXPECT_NE(feed->body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), std::string::npos);
  EXPECT_NE(feed->body.find("<id>urn:crosscheck:event:" + std::to_string(id) + "</id>"), std::string::npos);
  EXPECT_NE(feed->body.find("&lt;b&gt;strike&lt;/b&gt;"), std::string::npos);
  // The feed changed when its newest entry did (not at each request).
  const size_t feed_updated = feed->body.find("<updated>");
  ASSERT_NE(feed_updated, std::string::npos);
  const std::string newest = feed->body.substr(feed_updated, 30);
  EXPECT_NE(feed->body.find(newest, feed->body.find("<entry>")), std::string::npos) << newest;
  auto fires = client_->Get("/feed.atom?q=warehouse");
  ASSERT_TRUE(fires);
  EXPECT_EQ(fires->body.find("urn:crosscheck:event:" + std::to_string(id) + "<"), std::string::npos);
  EXPECT_NE(fires->body.find("Warehouse fire in Dunmore"), std::string::npos);
  auto courier = client_->Get("/feed.atom?outlet=Coast%20Courier");
  ASSERT_TRUE(courier);
  EXPECT_NE(courier->body.find("urn:crosscheck:event:" + std::to_string(id) + "<"), std::string::npos);
  EXPECT_EQ(courier->body.find("Warehouse fire"), std::string::npos);

  auto metrics = client_->Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("crosscheck_requests_total{route=\"/api/events/{id}\",code=\"304\"} 1"),
            std::string::npos)
      << metrics->body;
  EXPECT_NE(metrics->body.find("crosscheck_articles 5"), std::string::npos);
  EXPECT_NE(metrics->body.find("crosscheck_events "), std::string::npos);
}

TEST_F(Serving, ConcurrentWritesAreEachStoredOnceWhileReadsGoOn) {
  ServerOptions o;
  o.request_nice = 3;
  Start(o);
  ASSERT_FALSE(HasFatalFailure());
  // Four writers post ten batches each of distinct articles; a reader keeps
  // reading the list meanwhile.
  std::atomic<int> created{0}, read_ok{0};
  std::atomic<bool> writing{true};
  std::vector<std::thread> writers;
  writers.reserve(4);
  for (int w = 0; w < 4; ++w)
    writers.emplace_back([&, w] {
      httplib::Client c("127.0.0.1", port_);
      for (int b = 0; b < 10; ++b) {
        std::string body;
        for (int k = 0; k < 3; ++k) {
          const std::string id = std::to_string(w) + "-" + std::to_string(b) + "-" + std::to_string(k);
          body += json{{"id", "w" + id},
                       {"outlet", "Outlet " + std::to_string(k)},
                       {"title", "Report " + id},
                       {"text", "Item " + id + " was counted by the clerk of ward " +
                                    std::to_string(w * 100 + b) + " on Tuesday.\nNothing else happened.\n"}}
                      .dump() +
                  "\n";
        }
        auto r = c.Post("/api/articles", body, "application/x-ndjson");
        if (r && r->status == 201) ++created;
      }
    });
  std::thread reader([&] {
    httplib::Client c("127.0.0.1", port_);
    while (writing) {
      auto r = c.Get("/api/events?limit=5");
      if (r && r->status == 200) ++read_ok;
    }
  });
  for (auto& t : writers) t.join();
  writing = false;
  reader.join();
  EXPECT_EQ(created, 40);
  EXPECT_GT(read_ok, 0);
  auto metrics = client_->Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("\ncrosscheck_articles 120\n"), std::string::npos) << metrics->body;
}

TEST_F(Serving, BadArticlesStoreNothingAndBoundsHold) {
  ServerOptions o;
  o.max_body = 4096;
  Start(o);
  ASSERT_FALSE(HasFatalFailure());
  auto bad = client_->Post("/api/articles", "{\"id\": \"x\", \"text\": \"A fine article.\"}\nnot json\n",
                           "application/x-ndjson");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(json::parse(bad->body)["error"].get<std::string>().find("nothing was stored"), std::string::npos)
      << bad->body;
  EXPECT_EQ(Get("/api/events")["total"], 0);
  auto empty = client_->Post("/api/articles", "[]", "application/json");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  auto big = client_->Post("/api/articles", std::string(5000, ' '), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_TRUE(json::parse(big->body, nullptr, false)["error"].is_string());
}

TEST_F(Serving, WritesNeedTheTokenWhenOneIsSet) {
  ServerOptions o;
  o.token = "a-long-enough-secret-token";
  Start(o);
  ASSERT_FALSE(HasFatalFailure());
  const std::string one = json{{"id", "a"}, {"text", "Ferries stopped on Tuesday."}}.dump();
  auto refused = client_->Post("/api/articles", one, "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  auto wrong = client_->Post("/api/articles", {{"Authorization", "Bearer nope"}}, one, "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto allowed =
      client_->Post("/api/articles", {{"Authorization", "Bearer " + o.token}}, one, "application/json");
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->status, 201) << allowed->body;
  EXPECT_EQ(Get("/healthz", 200).is_discarded(), true);  // plain text
}

TEST_F(Serving, ASecondServerCannotTakeTheSamePort) {
  Start({});
  ASSERT_FALSE(HasFatalFailure());
  ServerOptions o;
  o.db = crosscheck::testing::TempDb("crosscheck_server_second.db");
  o.port = port_;
  auto second = Server::Open(o);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_FALSE((*second)->Bind().ok());
}

std::string Gunzip(const std::string& in) {
  z_stream zs{};
  if (inflateInit2(&zs, MAX_WBITS + 16) != Z_OK) return "(no zlib)";
  std::string out;
  char buf[16384];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof(buf) - zs.avail_out);
  }
  inflateEnd(&zs);
  return rc == Z_STREAM_END ? out : "(not gzip)";
}

// Bodies are gzip-compressed for clients that take gzip, sent as they are to
// the others, and never brotli-compressed per request.
TEST_F(Serving, BodiesAreGzipToClientsThatTakeItAndPlainOtherwise) {
  Start({});
  ASSERT_FALSE(HasFatalFailure());
  auto posted = client_->Post("/api/articles", Jsonl(), "application/x-ndjson");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201);
  client_->set_decompress(false);
  for (const char* path : {"/api/events/1", "/events/1/report.html", "/feed.atom"}) {
    auto plain = client_->Get(path);
    ASSERT_TRUE(plain) << path;
    ASSERT_EQ(plain->status, 200) << path;
    ASSERT_GT(plain->body.size(), 512u) << path;
    EXPECT_FALSE(plain->has_header("Content-Encoding")) << path;
    auto gz = client_->Get(path, {{"Accept-Encoding", "br, gzip, deflate"}});
    ASSERT_TRUE(gz) << path;
    EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip") << path;
    EXPECT_EQ(gz->get_header_value("Vary"), "Accept-Encoding") << path;
    EXPECT_LT(gz->body.size(), plain->body.size()) << path;
    EXPECT_EQ(Gunzip(gz->body), plain->body) << path;
    EXPECT_EQ(gz->get_header_value("Content-Type"), plain->get_header_value("Content-Type")) << path;
    for (const char* refused : {"br", "gzip;q=0, br", "deflate, gzip; q=0.0"}) {
      auto r = client_->Get(path, {{"Accept-Encoding", refused}});
      ASSERT_TRUE(r) << path << " " << refused;
      EXPECT_FALSE(r->has_header("Content-Encoding")) << path << " " << refused;
      EXPECT_EQ(r->body, plain->body) << path << " " << refused;
    }
  }
  // Range is ignored: the whole body, however far the range reaches.
  for (const char* range : {"bytes=0-10", "bytes=0-99999999", "bytes=99999999-", "bytes=-5"}) {
    auto r = client_->Get("/api/events/1", {{"Range", range}});
    ASSERT_TRUE(r) << range;
    EXPECT_EQ(r->status, 200) << range;
    EXPECT_FALSE(r->has_header("Content-Range")) << range;
    EXPECT_TRUE(json::parse(r->body, nullptr, false).is_object()) << range;
  }
  auto any = client_->Get("/api/events/1", {{"Accept-Encoding", "*;q=0.5"}});
  ASSERT_TRUE(any);
  EXPECT_EQ(any->get_header_value("Content-Encoding"), "gzip");
}

TEST_F(Serving, TheWebPageIsServedFromMemoryAndNothingElse) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(crosscheck::testing::TempDb("crosscheck_server_web")).concat(".d");
  fs::remove_all(root);
  fs::create_directories(root / "assets");
  auto write = [](const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; };
  write(root / "index.html", "<!doctype html><title>page</title><script type=module src=/assets/app-1.js>");
  write(root / "assets" / "app-1.js", "console.log(1)");
  write(root / "assets" / "notes.txt", "not a type the page uses");
  write(root / "secret.js", "outside assets/");
  ServerOptions o;
  o.web_root = root.string();
  Start(o);
  ASSERT_FALSE(HasFatalFailure());
  auto posted = client_->Post("/api/articles", Jsonl(), "application/x-ndjson");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201);
  fs::remove_all(root);  // read once, at open

  for (const char* path : {"/", "/events/1"}) {
    auto page = client_->Get(path);
    ASSERT_TRUE(page) << path;
    EXPECT_EQ(page->status, 200) << path;
    EXPECT_NE(page->body.find("<title>page</title>"), std::string::npos) << path;
    const std::string policy = page->get_header_value("Content-Security-Policy");
    EXPECT_NE(policy.find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(policy.find("unsafe"), std::string::npos);
  }
  auto js = client_->Get("/assets/app-1.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->body, "console.log(1)");
  EXPECT_EQ(js->get_header_value("Content-Type").rfind("text/javascript", 0), 0u);
  for (const char* path : {"/assets/notes.txt", "/assets/..%2Fsecret.js", "/assets/../secret.js",
                           "/assets/%2e%2e/secret.js", "/assets/..%2F..%2Fetc%2Fpasswd", "/secret.js"}) {
    auto r = client_->Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path << ": " << r->body;
    EXPECT_EQ(r->body.find("outside"), std::string::npos) << path;
  }
  // The report as one HTML page stays reachable.
  auto plain = client_->Get("/events/1/report.html");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 200);
  EXPECT_NE(plain->body.find("Kessel"), std::string::npos);
}

TEST(Server, RefusesAWebRootWithoutAPage) {
  ServerOptions o;
  o.db = crosscheck::testing::TempDb("crosscheck_server_noweb.db");
  o.web_root = "/nonexistent/web/dist";
  auto s = Server::Open(o);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("/nonexistent/web/dist/index.html"), std::string::npos)
      << s.status().message();
}

TEST(Server, RefusesToListenBeyondLoopbackWithoutAToken) {
  ServerOptions o;
  o.db = crosscheck::testing::TempDb("crosscheck_server_open.db");
  o.host = "0.0.0.0";
  auto s = Server::Open(o);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("token"), std::string::npos);
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("localhost"));
  EXPECT_FALSE(IsLoopback("10.0.0.1"));
}

}  // namespace
}  // namespace crosscheck::server
