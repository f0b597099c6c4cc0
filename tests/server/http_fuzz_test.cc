// Hostile HTTP: a thousand requests made by mutating well-formed ones
// (bytes flipped, inserted, dropped, repeated; numbers made huge; lines cut;
// long runs), sent over raw sockets to a running server. Each must get a
// well-formed answer that is not a server error, or a closed connection
// (a request cut short is dropped at the read timeout); and the server
// still answers correctly afterwards. Deterministic (a fixed seed).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "crosscheck/server/server.h"
#include "test_util.h"

namespace crosscheck::server {
namespace {

using nlohmann::json;

std::string Article(const std::string& id, const std::string& outlet, const std::string& text) {
  return json{{"id", id}, {"outlet", outlet}, {"published", "2026-05-02"}, {"text", text}}.dump();
}

std::vector<std::string> Templates() {
  const std::string body =
      Article("harbour-9", "Harbour Gazette",
              "Dock workers in Kessel stopped loading ships on Friday over a pay dispute, "
              "the port authority said.");
  auto post = [](const std::string& type, const std::string& b) {
    return "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type +
           "\r\nContent-Length: " + std::to_string(b.size()) + "\r\n\r\n" + b;
  };
  return {
      "GET /api/events?limit=5&offset=0&q=dock%20workers&since=2026-05-01 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Accept-Encoding: gzip, br\r\n\r\n",
      "GET /api/events/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: \"e1-1-2\"\r\n\r\n",
      "GET /api/search?q=Kessel%20pay&limit=3 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
      "GET /api/articles/dock-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=0-40\r\n\r\n",
      "GET /feed.atom?outlet=Coast%20Courier&q=strike HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
      "GET /events/1/report.html HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip;q=0.5\r\n\r\n",
      "GET /assets/..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
      "HEAD /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
      post("application/json", body),
      post("application/x-ndjson", body + "\n" + body + "\n"),
      "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
      "a\r\n{\"id\":\"c\",\r\n0\r\n\r\n",
      "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
  };
}

std::string Mutate(std::string s, std::mt19937& rng) {
  auto pick = [&](size_t n) { return n ? std::uniform_int_distribution<size_t>(0, n - 1)(rng) : 0; };
  const char kBytes[] = {'\0', '\r', '\n', '%', ' ', ':', '/', '?',    '&',    '=',    '"',
                         '{',  '[',  '\\', '.', '-', '9', 'a', '\x80', '\xff', '\xc3', '\t'};
  const int edits = 1 + static_cast<int>(pick(4));
  for (int e = 0; e < edits && !s.empty(); ++e) {
    const size_t at = pick(s.size());
    switch (pick(8)) {
      case 0:  // flip a byte
        s[at] = static_cast<char>(s[at] ^ (1 << pick(8)));
        break;
      case 1:  // insert a few bytes of the kinds parsers trip on
        for (size_t k = 0, n = 1 + pick(4); k < n; ++k) s.insert(s.begin() + at, kBytes[pick(sizeof kBytes)]);
        break;
      case 2:  // drop a stretch
        s.erase(at, 1 + pick(20));
        break;
      case 3:  // repeat a stretch
        s.insert(at, s.substr(at, 1 + pick(30)));
        break;
      case 4: {  // a number made huge or negative
        size_t d = s.find_first_of("0123456789", at);
        if (d != std::string::npos) s.insert(d, pick(2) ? "99999999999999999999" : "-");
        break;
      }
      case 5:  // cut the request short
        s.resize(at);
        break;
      case 6:  // a long run of one byte
        s.insert(at, 1 + pick(20000), kBytes[pick(sizeof kBytes)]);
        break;
      default:  // a header line the server does not expect
        s.insert(s.find("\r\n") == std::string::npos ? 0 : s.find("\r\n") + 2,
                 pick(2) ? "Content-Length: 18446744073709551616\r\n" : "Expect: 100-continue\r\n");
    }
  }
  return s;
}

class RawClient {
 public:
  explicit RawClient(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{3, 0};  // a server that neither answers nor closes in 3 s has hung
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~RawClient() { close(fd_); }
  bool connected() const { return connected_; }
  void Send(const std::string& bytes) {
    for (size_t at = 0; at < bytes.size();) {
      ssize_t n = send(fd_, bytes.data() + at, bytes.size() - at, MSG_NOSIGNAL);
      if (n <= 0) break;  // the server may stop reading a request it refused
      at += static_cast<size_t>(n);
    }
  }
  // The first final response (past any 100 Continue), or what came before
  // the server closed; false when it neither answers nor closes in time.
  bool ReadResponse(bool head, std::string& out) {
    char buf[65536];
    for (;;) {
      if (Complete(out, head)) return true;
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n == 0) return true;
      if (n < 0) return errno == ECONNRESET;
      out.append(buf, static_cast<size_t>(n));
    }
  }

 private:
  static bool Complete(std::string& r, bool head) {
    for (;;) {
      const size_t end = r.find("\r\n\r\n");
      if (end == std::string::npos) return false;
      if (r.starts_with("HTTP/1.1 1")) {  // an interim answer
        r.erase(0, end + 4);
        continue;
      }
      if (head || r.starts_with("HTTP/1.1 304")) return true;
      const size_t cl = r.find("Content-Length: ");
      if (cl == std::string::npos || cl > end) return true;
      return r.size() >= end + 4 + std::stoul(r.substr(cl + 16, 20));
    }
  }

 private:
  int fd_;
  bool connected_ = false;
};

TEST(HttpFuzz, MutatedRequestsGetAnAnswerOrAClosedConnectionAndTheServerLives) {
  ServerOptions o;
  o.db = crosscheck::testing::TempDb("crosscheck_http_fuzz.db");
  o.port = 0;
  o.max_body = 64 * 1024;
  o.read_timeout_ms = 50;  // what a request cut short costs
  auto opened = Server::Open(o);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  auto server = std::move(opened).value();
  auto port = server->Bind();
  ASSERT_TRUE(port.ok()) << port.status().ToString();
  std::thread serving([&] { (void)server->Run(); });
  struct Stop {
    Server& s;
    std::thread& t;
    ~Stop() {
      s.Stop();
      t.join();
    }
  } stop{*server, serving};

  httplib::Client client("127.0.0.1", *port);
  const std::string seed =
      Article("dock-1", "Coast Courier",
              "Dock workers in Kessel walked out on Friday over pay, the union said.") +
      "\n" +
      Article("dock-2", "Marro Post", "Kessel's dock workers stopped work on Friday in a dispute over pay.") +
      "\n";
  auto posted = client.Post("/api/articles", seed, "application/x-ndjson");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;

  std::mt19937 rng(20261203);
  const auto templates = Templates();
  int answered = 0, closed = 0;
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000; ++i) {
    const std::string& base = templates[static_cast<size_t>(i) % templates.size()];
    const std::string request = i < static_cast<int>(templates.size()) ? base : Mutate(base, rng);
    RawClient c(*port);
    ASSERT_TRUE(c.connected()) << "request " << i;
    c.Send(request);
    std::string reply;
    ASSERT_TRUE(c.ReadResponse(request.starts_with("HEAD"), reply))
        << "request " << i << " hung the connection: " << json(request).dump();
    if (reply.empty()) {
      ++closed;
      continue;
    }
    ++answered;
    ASSERT_TRUE(reply.starts_with("HTTP/1.1 ") && reply.size() >= 12) << "request " << i << ": " << reply;
    const int status = std::stoi(reply.substr(9, 3));
    EXPECT_TRUE(status >= 200 && status < 500)
        << "request " << i << " " << json(request).dump() << " -> " << reply.substr(0, 300);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << answered << " answered, " << closed << " closed unanswered (cut short or refused), " << seconds
            << " s\n";
  EXPECT_GT(answered, 500);

  // Still serving, and what was stored reads back.
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto events = client.Get("/api/events");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->status, 200);
  json listing = json::parse(events->body, nullptr, false);
  ASSERT_TRUE(listing.is_object()) << events->body;
  EXPECT_GE(listing["total"].get<int>(), 1);
  auto article = client.Get("/api/articles/dock-2");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->status, 200);
  EXPECT_EQ(json::parse(article->body)["outlet"], "Marro Post");
}

}  // namespace
}  // namespace crosscheck::server
