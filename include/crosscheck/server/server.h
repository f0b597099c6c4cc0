// crosscheck serve: the store over HTTP (cpp-httplib). One process holds the
// ingest state, so articles posted to it are grouped at once, and answers
//   GET  /healthz                 "ok"
//   GET  /metrics                 Prometheus text: requests, latency, articles, events
//   GET  /api/events              paged (limit, offset), filtered by since, until
//                                 (YYYY-MM-DD), outlet and q (words of the title)
//   GET  /api/events/{id}         the event's report (../shared/REPORT.md's JSON);
//                                 cached per event, ETag and If-None-Match give 304
//   GET  /api/articles/{id}       one stored article, by its id
//   GET  /api/search?q=           articles holding every word (SQLite FTS5), best first
//   POST /api/articles            one article (a JSON object with JSONL's fields), an
//                                 array of them, or JSONL; all or nothing
//   GET  /feed.atom               the most recently active events, RFC 4287
//   GET  /, /events/{id}          the web page (ServerOptions::web_root) when one is
//                                 given, else the events list and the report as HTML
//   GET  /assets/{name}           the web page's files
//   GET  /events/{id}/report.html the event's report as one HTML page
// Errors are JSON ({"error": "..."}) with their 4xx or 5xx status; a body
// over ServerOptions::max_body gets 413. Writes need the token when one is
// set, and one must be set to listen beyond loopback.
// Thread-safety: requests are served on a pool of threads; reads open their
// own connection, writes go through one ingestor under a lock.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "crosscheck/status.h"

namespace crosscheck::server {

struct ServerOptions {
  std::string db = "crosscheck.db";
  std::string host = "127.0.0.1";
  int port = 8080;              // 0: any free port (Bind() tells which)
  std::string token;            // required as "Authorization: Bearer <token>" on writes, when set
  size_t max_body = 32u << 20;  // bytes of a request body
  size_t cache_entries = 256;   // event reports kept
  size_t max_page = 500;        // events per page of /api/events at most
  size_t feed_entries = 50;     // events in /feed.atom
  size_t threads = 128;         // connections served at once (a kept-alive connection holds one)
  int read_timeout_ms = 5000;   // a client silent this long mid-request (or between requests) is dropped
  int request_nice = 0;         // threads answering requests run this much below the one writing (0: same)
  // A built web page: index.html and assets/ (web/dist). Read once when the
  // server opens, so no request reaches the file system.
  std::string web_root;
};

class Server {
 public:
  // Opens (or creates) the database; fails naming the problem, and refuses
  // a host beyond loopback without a token.
  static StatusOr<std::unique_ptr<Server>> Open(const ServerOptions& options);
  ~Server();
  // Binds host and port; returns the port bound.
  StatusOr<int> Bind();
  // Serves until Stop() (from another thread or a signal handler's thread).
  Status Run();
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Whether a host name or address is the loopback interface.
bool IsLoopback(const std::string& host);

}  // namespace crosscheck::server
