// The HTTP server: routes, the report cache, metrics and the feed.
#include "crosscheck/server/server.h"

#include <httplib.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <list>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "crosscheck/analysis/report.h"
#include "crosscheck/ingest/jsonl_reader.h"
#include "crosscheck/pipeline/ingestor.h"
#include "crosscheck/pipeline/stored.h"
#include "crosscheck/report/render.h"
#include "crosscheck/store/sqlite_store.h"

namespace crosscheck::server {
namespace {

using nlohmann::json;

void Error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(report::DumpJson(json{{"error", message}}), "application/json");
}

void Json(httplib::Response& res, const json& j) { res.set_content(report::DumpJson(j), "application/json"); }

// A body as sent: its bytes, and the same gzip-compressed (empty where not
// worth it: small bodies, images), made once for what is served many times.
struct Body {
  std::string plain, gzip;
};

bool Compressible(std::string_view type) {
  return type.starts_with("text/") || type.starts_with("application/json") ||
         type.starts_with("application/atom+xml") || type.starts_with("image/svg+xml");
}

std::string Gzip(std::string_view in) {
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, MAX_WBITS + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, static_cast<uLong>(in.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

std::shared_ptr<const Body> MakeBody(std::string bytes, std::string_view type, bool compress = true) {
  auto b = std::make_shared<Body>();
  b->plain = std::move(bytes);
  if (compress && b->plain.size() >= 512 && Compressible(type)) b->gzip = Gzip(b->plain);
  return b;
}

// Whether the request's Accept-Encoding takes gzip (by name or "*", not
// refused with q=0).
bool AcceptsGzip(const httplib::Request& req) {
  const std::string v = req.get_header_value("Accept-Encoding");
  for (size_t at = 0; at < v.size();) {
    size_t end = std::min(v.find(',', at), v.size());
    std::string_view item = std::string_view(v).substr(at, end - at);
    at = end + 1;
    size_t semi = std::min(item.find(';'), item.size());
    std::string_view name = item.substr(0, semi), params = item.substr(semi);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name != "gzip" && name != "*") continue;
    std::string q(params);
    q.erase(std::remove(q.begin(), q.end(), ' '), q.end());
    const bool refused = q.starts_with(";q=0") && q.find_first_of("123456789", 4) == std::string::npos;
    if (!refused) return true;
  }
  return false;
}

// Sends `b`, gzip-compressed to a client that takes it, as a body of known
// length the library passes on as it is (left to itself, it compresses every
// response again, with brotli at its slowest setting when the client
// accepts it: about 0.4 s for a 300 KB report).
void Send(const httplib::Request& req, httplib::Response& res, std::shared_ptr<const Body> b,
          const std::string& type) {
  res.body.clear();
  res.headers.erase("Content-Type");
  res.headers.erase("Content-Length");
  const bool gz = !b->gzip.empty() && AcceptsGzip(req);
  if (!b->gzip.empty()) res.set_header("Vary", "Accept-Encoding");
  if (gz) res.set_header("Content-Encoding", "gzip");
  const std::string& bytes = gz ? b->gzip : b->plain;
  if (bytes.empty()) {
    res.set_content(std::string(), type);
    return;
  }
  res.set_content_provider(bytes.size(), type,
                           [b = std::move(b), &bytes](size_t offset, size_t length, httplib::DataSink& sink) {
                             if (offset >= bytes.size()) return false;
                             sink.write(bytes.data() + offset, std::min(length, bytes.size() - offset));
                             return true;
                           });
}

// Request counts and latency per route and status, for /metrics.
class Metrics {
 public:
  void Record(const std::string& route, int status, double seconds) {
    std::lock_guard<std::mutex> lock(mu_);
    ++count_[{route, status}];
    auto& l = latency_[route];
    l.first += seconds;
    ++l.second;
  }
  std::string Text(int64_t articles, int64_t events) const {
    std::lock_guard<std::mutex> lock(mu_);
    std::ostringstream o;
    o << "# HELP crosscheck_requests_total HTTP requests served, by route and status.\n"
         "# TYPE crosscheck_requests_total counter\n";
    for (const auto& [key, n] : count_)
      o << "crosscheck_requests_total{route=\"" << key.first << "\",code=\"" << key.second << "\"} " << n
        << "\n";
    o << "# HELP crosscheck_request_seconds Time to answer a request, by route.\n"
         "# TYPE crosscheck_request_seconds summary\n";
    for (const auto& [route, l] : latency_) {
      o << "crosscheck_request_seconds_sum{route=\"" << route << "\"} " << l.first << "\n";
      o << "crosscheck_request_seconds_count{route=\"" << route << "\"} " << l.second << "\n";
    }
    o << "# HELP crosscheck_articles Articles stored.\n# TYPE crosscheck_articles gauge\ncrosscheck_articles "
      << articles << "\n";
    o << "# HELP crosscheck_events Events stored.\n# TYPE crosscheck_events gauge\ncrosscheck_events "
      << events << "\n";
    return o.str();
  }

 private:
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, uint64_t> count_;
  std::map<std::string, std::pair<double, uint64_t>> latency_;
};

// Rendered reports by event, least recently used dropped first. An entry
// holds for the event's state it was built from (its tag).
class ReportCache {
 public:
  explicit ReportCache(size_t capacity) : capacity_(std::max<size_t>(1, capacity)) {}
  struct Entry {
    std::string tag, summary;
    std::shared_ptr<const Body> json, html;
  };
  using Shared = std::shared_ptr<const Entry>;
  // The entry for the event in state `tag`, or null.
  Shared Get(int64_t event, const std::string& tag) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(event);
    if (it == index_.end() || it->second->second->tag != tag) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
  }
  // Whatever the cache holds for the event, in any state, or null.
  Shared Latest(int64_t event) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(event);
    return it == index_.end() ? nullptr : it->second->second;
  }
  // One build per event at a time: true when the caller is to build it;
  // false when another thread is building it.
  bool StartBuild(int64_t event) {
    std::lock_guard<std::mutex> lock(mu_);
    return building_.insert(event).second;
  }
  void EndBuild(int64_t event) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      building_.erase(event);
    }
    built_.notify_all();
  }
  // Waits until no thread builds the event.
  void AwaitBuild(int64_t event) {
    std::unique_lock<std::mutex> lock(mu_);
    built_.wait(lock, [&] { return !building_.count(event); });
  }
  void Put(int64_t event, Shared e) {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = index_.find(event); it != index_.end()) {
      order_.erase(it->second);
      index_.erase(it);
    }
    order_.emplace_front(event, std::move(e));
    index_[event] = order_.begin();
    while (order_.size() > capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }

 private:
  std::mutex mu_;
  std::condition_variable built_;
  std::set<int64_t> building_;
  size_t capacity_;
  std::list<std::pair<int64_t, Shared>> order_;
  std::unordered_map<int64_t, std::list<std::pair<int64_t, Shared>>::iterator> index_;
};

// The state an event's report depends on: its id, article count and latest article.
std::string TagOf(const store::EventRow& e) {
  return "\"e" + std::to_string(e.id) + "-" + std::to_string(e.articles) + "-" + std::to_string(e.last_seq) +
         "\"";
}

// The words of `q` (split at white space), or nothing when it holds too many.
std::optional<std::vector<std::string>> WordsOf(const std::string& q) {
  std::vector<std::string> words;
  std::istringstream in(q);
  std::string w;
  while (in >> w) words.push_back(w);
  if (words.size() > store::SqliteStore::kMaxTitleWords) return std::nullopt;
  return words;
}

json ListingJson(const pipeline::EventListing& l) {
  auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  return {{"id", l.event.id},
          {"title", l.event.title},
          {"articles", l.articles.size()},
          {"outlets", l.outlets},
          {"first_date", or_null(l.event.first_date)},
          {"last_date", or_null(l.event.last_date)}};
}

constexpr const char* kHtmlPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action "
    "'self'; "
    "frame-ancestors 'none'";

// The web page's scripts and styles come from the server only; its data
// from the API.
constexpr const char* kAppPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

struct Asset {
  std::string type;
  std::shared_ptr<const Body> body;
};

// The files of a built web page, by their name under assets/, and its
// index.html. Only plain names of known types are kept: a request names a
// key of this map, never a path.
struct WebPage {
  std::string index;
  std::map<std::string, Asset, std::less<>> assets;
};

StatusOr<WebPage> LoadWebPage(const std::string& root) {
  namespace fs = std::filesystem;
  constexpr uintmax_t kMaxFile = 8u << 20, kMaxTotal = 32u << 20;
  auto read = [&](const fs::path& p, std::string& out) -> Status {
    std::error_code ec;
    const uintmax_t size = fs::file_size(p, ec);
    if (ec) return NotFound(p.string() + ": " + ec.message());
    if (size > kMaxFile) return InvalidInput(p.string() + ": over 8 MiB, not a web page's file");
    std::ifstream in(p, std::ios::binary);
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) return IoError(p.string() + ": cannot read");
    return Status::Ok();
  };
  WebPage page;
  CROSSCHECK_RETURN_IF_ERROR(read(fs::path(root) / "index.html", page.index));
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"}};
  std::error_code ec;
  uintmax_t total = page.index.size();
  for (fs::directory_iterator it(fs::path(root) / "assets", ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    auto type = kTypes.find(it->path().extension().string());
    const bool plain =
        !name.empty() && name.size() <= 200 && name[0] != '.' &&
        name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") ==
            std::string::npos;
    if (!plain || type == kTypes.end() || it->is_symlink() || !it->is_regular_file()) continue;
    std::string bytes;
    CROSSCHECK_RETURN_IF_ERROR(read(it->path(), bytes));
    if ((total += bytes.size()) > kMaxTotal) return InvalidInput(root + ": over 32 MiB of assets");
    page.assets.emplace(name, Asset{type->second, MakeBody(std::move(bytes), type->second)});
  }
  return page;
}

// Runs tasks one at a time, in order, on a thread of its own made with the
// server (so at the priority it was started with).
class WriteThread {
 public:
  WriteThread() : thread_([this] { Loop(); }) {}
  ~WriteThread() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    ready_.notify_all();
    thread_.join();
  }
  WriteThread(const WriteThread&) = delete;
  WriteThread& operator=(const WriteThread&) = delete;
  // Runs `task` there and waits for it; what it throws is thrown here.
  void Run(std::function<void()> task) {
    std::packaged_task<void()> t(std::move(task));
    std::future<void> done = t.get_future();
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks_.push_back(std::move(t));
    }
    ready_.notify_one();
    done.get();
  }

 private:
  void Loop() {
    for (;;) {
      std::packaged_task<void()> t;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        t = std::move(tasks_.front());
        tasks_.pop_front();
      }
      t();
    }
  }
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<void()>> tasks_;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the rest is made
};

// Lowers the calling thread's priority by `nice` steps, once per thread.
void LowerThisThread(int nice) {
  thread_local bool lowered = false;
  if (lowered || nice <= 0) return;
  lowered = true;
  errno = 0;
  const int now = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
  if (errno == 0) setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), std::min(19, now + nice));
}

}  // namespace

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.starts_with("127.");
}

struct Server::Impl {
  ServerOptions options;
  httplib::Server http;
  std::unique_ptr<pipeline::Ingestor> ingestor;
  // Writes to the store, one at a time, at the server's own priority; the
  // threads answering requests may run below it (ServerOptions::request_nice)
  // so that a flood of reads does not slow the ingest, at the reads' cost.
  WriteThread writer;
  Metrics metrics;
  ReportCache cache;
  int port = -1;
  std::atomic<socket_t> listening{INVALID_SOCKET};
  std::optional<WebPage> web;

  explicit Impl(const ServerOptions& o) : options(o), cache(o.cache_entries) {}

  // This thread's read connection, opened on first use (SQLite connections
  // stay on the thread that opened them; WAL lets them read while the
  // ingestor writes).
  StatusOr<store::SqliteStore*> Reader() {
    struct Slot {
      const Impl* owner = nullptr;
      std::unique_ptr<store::SqliteStore> store;
    };
    thread_local Slot slot;
    if (slot.owner != this || !slot.store) {
      CROSSCHECK_ASSIGN_OR_RETURN(slot.store, store::SqliteStore::Open(options.db));
      CROSSCHECK_RETURN_IF_ERROR(slot.store->SetCacheKiB(8192));  // many readers: a small cache each
      slot.owner = this;
    }
    return slot.store.get();
  }

  // The event's report, from the cache when the event has not changed.
  StatusOr<ReportCache::Shared> ReportOf(int64_t id) {
    CROSSCHECK_ASSIGN_OR_RETURN(auto store, Reader());
    CROSSCHECK_ASSIGN_OR_RETURN(auto row, store->Event(id));
    if (!row) return NotFound("no event " + std::to_string(id));
    const std::string tag = TagOf(*row);
    if (auto cached = cache.Get(id, tag)) return cached;
    // One thread rebuilds a changed event; meanwhile the others serve the
    // report it had (with that report's tag), or wait for the first one.
    if (!cache.StartBuild(id)) {
      if (auto stale = cache.Latest(id)) return stale;
      cache.AwaitBuild(id);
      if (auto built = cache.Latest(id)) return built;
      if (!cache.StartBuild(id)) return Internal("event " + std::to_string(id) + ": report not built");
    }
    struct Done {
      ReportCache& cache;
      int64_t id;
      ~Done() { cache.EndBuild(id); }
    } done{cache, id};
    CROSSCHECK_ASSIGN_OR_RETURN(auto articles, pipeline::ArticlesOfEvent(*store, id));
    CROSSCHECK_ASSIGN_OR_RETURN(auto r, analysis::BuildReport(articles));
    auto e = std::make_shared<ReportCache::Entry>();
    e->tag = tag;
    e->json = MakeBody(report::ToJsonText(r), "application/json");
    e->html = MakeBody(report::ToHtml(r), "text/html");
    for (const auto& s : r.summary) e->summary += (e->summary.empty() ? "" : " ") + s.text;
    cache.Put(id, e);
    return ReportCache::Shared(std::move(e));
  }

  // The report of the event the path names, or null with the error answered.
  ReportCache::Shared ReportFor(const httplib::Request& req, httplib::Response& res) {
    auto r = ReportOf(std::stoll(req.matches[1]));
    if (r.ok()) return *r;
    Error(res, r.status().code() == StatusCode::kNotFound ? 404 : 500, r.status().message());
    return nullptr;
  }

  // Writes need the token when one is set.
  bool Authorised(const httplib::Request& req) const {
    if (options.token.empty()) return true;
    return req.get_header_value("Authorization") == "Bearer " + options.token;
  }

  // Wraps a handler: times it and counts it under `route`.
  httplib::Server::Handler Timed(std::string route, httplib::Server::Handler h) {
    return [this, route = std::move(route), h = std::move(h)](const httplib::Request& req,
                                                              httplib::Response& res) {
      auto start = std::chrono::steady_clock::now();
      LowerThisThread(options.request_nice);
      // Range is ignored (HTTP lets a server send the whole body): the
      // library's ranges over a body of known length trust the client's
      // end offset. The request is the library's own, non-const object.
      const_cast<httplib::Request&>(req).ranges.clear();
      h(req, res);
      if (res.status == -1) res.status = 200;  // what the library sends when a handler sets none
      if (!res.body.empty()) {
        const std::string type = res.get_header_value("Content-Type");
        Send(req, res, MakeBody(std::move(res.body), type, AcceptsGzip(req)), type);
      }
      metrics.Record(route, res.status,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    };
  }

  void Routes();
  void Events(const httplib::Request& req, httplib::Response& res);
  void Post(const httplib::Request& req, httplib::Response& res);
  void Store(const httplib::Request& req, httplib::Response& res);  // on the writing thread
  void Feed(const httplib::Request& req, httplib::Response& res);
  void Home(httplib::Response& res);
};

void Server::Impl::Routes() {
  http.set_payload_max_length(options.max_body);
  const time_t timeout_ms = std::max(1, options.read_timeout_ms);
  http.set_read_timeout(timeout_ms / 1000, (timeout_ms % 1000) * 1000);
  http.set_keep_alive_timeout(std::max<time_t>(1, timeout_ms / 1000));
  const size_t threads = std::max<size_t>(2, options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Kept-alive connections each hold a thread: more threads than clients
  // keep a new connection from waiting behind them.
  http.set_keep_alive_max_count(100000);
  // A response is written in pieces: without this each waits for the
  // client's delayed acknowledgement (about 40 ms).
  http.set_tcp_nodelay(true);
  // SO_REUSEADDR only: the library's default also sets SO_REUSEPORT, which
  // would let a second process bind the same port and take its connections.
  http.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listening = sock;
  });
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.has_header("Content-Type")) return;  // a handler's own answer
    std::string what = res.status == 413   ? "request body too large (send JSON or JSONL, not a form)"
                       : res.status == 404 ? "no such resource"
                                           : "request refused";
    Error(res, res.status, what);
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
    Error(res, 500, "internal error");
  });
  http.Get("/healthz", Timed("/healthz", [](const httplib::Request&, httplib::Response& res) {
             res.set_content("ok\n", "text/plain");
           }));
  http.Get("/metrics", Timed("/metrics", [this](const httplib::Request&, httplib::Response& res) {
             int64_t articles = 0, events = 0;
             if (auto store = Reader(); store.ok())
               if (auto n = (*store)->Counts(); n.ok()) std::tie(articles, events) = *n;
             res.set_content(metrics.Text(articles, events), "text/plain; version=0.0.4");
           }));
  http.Get("/api/events", Timed("/api/events", [this](const httplib::Request& req, httplib::Response& res) {
             Events(req, res);
           }));
  http.Get(R"(/api/events/(\d{1,18}))",
           Timed("/api/events/{id}", [this](const httplib::Request& req, httplib::Response& res) {
             auto r = ReportFor(req, res);
             if (!r) return;
             res.set_header("ETag", r->tag);
             res.set_header("Cache-Control", "no-cache");
             if (req.get_header_value("If-None-Match") == r->tag) {
               res.status = 304;
               return;
             }
             Send(req, res, r->json, "application/json");
           }));
  http.Get(R"(/api/articles/([^/]{1,1000}))",
           Timed("/api/articles/{id}", [this](const httplib::Request& req, httplib::Response& res) {
             auto store = Reader();
             if (!store.ok()) return Error(res, 500, store.status().message());
             auto row = (*store)->RowOf(req.matches[1]);
             if (!row.ok()) return Error(res, 500, row.status().message());
             if (!*row) return Error(res, 404, "no article " + std::string(req.matches[1]));
             auto a = (*store)->ArticleAt(**row);
             if (!a.ok()) return Error(res, 500, a.status().message());
             Json(res, {{"id", a->id},
                        {"url", a->url},
                        {"outlet", a->outlet},
                        {"title", a->title},
                        {"published", a->published},
                        {"text", a->text},
                        {"event", a->event}});
           }));
  http.Get("/api/search", Timed("/api/search", [this](const httplib::Request& req, httplib::Response& res) {
             const std::string q = req.has_param("q") ? req.get_param_value("q") : std::string();
             if (q.empty() || q.size() > 1000)
               return Error(res, 400, "q: the words to search for (1 to 1000 bytes)");
             size_t limit = 20;
             if (req.has_param("limit")) {
               const std::string v = req.get_param_value("limit");
               if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos ||
                   std::stoul(v) == 0 || std::stoul(v) > 100)
                 return Error(res, 400, "limit must be 1 to 100");
               limit = std::stoul(v);
             }
             auto store = Reader();
             if (!store.ok()) return Error(res, 500, store.status().message());
             auto hits = (*store)->Search(q, limit);
             if (!hits.ok()) return Error(res, 500, hits.status().message());
             json out = json::array();
             for (const auto& h : *hits)
               out.push_back({{"id", h.id}, {"title", h.title}, {"event", h.event}, {"snippet", h.snippet}});
             Json(res, {{"articles", out}, {"q", q}});
           }));
  http.Post("/api/articles", Timed("POST /api/articles", [this](const httplib::Request& req,
                                                                httplib::Response& res) { Post(req, res); }));
  http.Get("/feed.atom", Timed("/feed.atom", [this](const httplib::Request& req, httplib::Response& res) {
             Feed(req, res);
           }));
  auto report_html = [this](const httplib::Request& req, httplib::Response& res) {
    auto r = ReportFor(req, res);
    if (!r) return;
    res.set_header("Content-Security-Policy", kHtmlPolicy);
    Send(req, res, r->html, "text/html; charset=utf-8");
  };
  http.Get(R"(/events/(\d{1,18})/report\.html)", Timed("/events/{id}/report.html", report_html));
  if (!web) {
    http.Get("/", Timed("/", [this](const httplib::Request&, httplib::Response& res) { Home(res); }));
    http.Get(R"(/events/(\d{1,18}))", Timed("/events/{id}", report_html));
    return;
  }
  // The web page: one document for its views; they fetch the API.
  auto page = [this](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kAppPolicy);
    res.set_header("Cache-Control", "no-cache");
    res.set_content(web->index, "text/html; charset=utf-8");
  };
  http.Get("/", Timed("/", page));
  http.Get(R"(/events/(\d{1,18}))", Timed("/events/{id}", page));
  http.Get(R"(/assets/([^/]{1,200}))",
           Timed("/assets", [this](const httplib::Request& req, httplib::Response& res) {
             auto it = web->assets.find(std::string(req.matches[1]));
             if (it == web->assets.end()) return Error(res, 404, "no such file");
             // Names carry a hash of their content.
             res.set_header("Cache-Control", "public, max-age=31536000, immutable");
             Send(req, res, it->second.body, it->second.type);
           }));
}

void Server::Impl::Events(const httplib::Request& req, httplib::Response& res) {
  auto number = [&](const char* name, size_t fallback) -> std::optional<size_t> {
    if (!req.has_param(name)) return fallback;
    const std::string v = req.get_param_value(name);
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    return static_cast<size_t>(std::stoul(v));
  };
  auto limit = number("limit", 50), offset = number("offset", 0);
  if (!limit || !offset || *limit == 0 || *limit > options.max_page)
    return Error(res, 400,
                 "limit must be 1 to " + std::to_string(options.max_page) + ", offset a whole number");
  auto date = [&](const char* name) {
    return req.has_param(name) ? req.get_param_value(name) : std::string();
  };
  const std::string since = date("since"), until = date("until"), outlet = date("outlet"), q = date("q");
  for (const std::string* d : {&since, &until})
    if (!d->empty() && (d->size() != 10 || (*d)[4] != '-' || (*d)[7] != '-'))
      return Error(res, 400, "dates are YYYY-MM-DD");
  auto words = WordsOf(q);
  if (!words || outlet.size() > 1000)
    return Error(res, 400,
                 "q: at most " + std::to_string(store::SqliteStore::kMaxTitleWords) +
                     " words; outlet: at most 1000 bytes");
  auto store = Reader();
  if (!store.ok()) return Error(res, 500, store.status().message());
  auto found = pipeline::FindEvents(**store, {since, until, outlet, *words, *limit, *offset});
  if (!found.ok()) return Error(res, 500, found.status().message());
  json page = json::array();
  for (const auto& l : found->events) page.push_back(ListingJson(l));
  Json(res, {{"events", page}, {"total", found->total}, {"limit", *limit}, {"offset", *offset}});
}

void Server::Impl::Post(const httplib::Request& req, httplib::Response& res) {
  if (!Authorised(req)) return Error(res, 401, "writes need \"Authorization: Bearer <token>\"");
  // Parsed and stored on the writing thread, whose priority reads do not share.
  writer.Run([&] { Store(req, res); });
}

void Server::Impl::Store(const httplib::Request& req, httplib::Response& res) {
  // One object, an array of them, or JSONL: all become JSONL lines.
  std::string lines;
  json parsed = json::parse(req.body, nullptr, false);
  if (!parsed.is_discarded() && parsed.is_object()) {
    lines = parsed.dump();
  } else if (!parsed.is_discarded() && parsed.is_array()) {
    for (const auto& a : parsed) {
      if (!a.is_object()) return Error(res, 400, "an array of articles holds objects only");
      lines += a.dump() + "\n";
    }
  } else {
    lines = req.body;
  }
  std::vector<Article> articles;
  std::string problems;
  std::istringstream in(lines);
  ingest::ParseJsonl(
      in, [&](Article&& a) { articles.push_back(std::move(a)); },
      [&](const ingest::LineError& e) {
        if (problems.size() < 2000) problems += "article " + std::to_string(e.line) + ": " + e.message + "; ";
      });
  if (!problems.empty()) return Error(res, 400, problems + "nothing was stored");
  if (articles.empty()) return Error(res, 400, "no article in the body");
  const pipeline::IngestStats before = ingestor->stats();
  auto events = ingestor->AddAll(articles);
  Status flushed = events.ok() ? ingestor->Flush() : events.status();
  if (!flushed.ok()) return Error(res, 500, flushed.message());
  const pipeline::IngestStats& after = ingestor->stats();
  res.status = 201;
  Json(res, {{"added", after.added - before.added},
             {"duplicates", after.duplicates - before.duplicates},
             {"copies", after.copies - before.copies},
             {"events", *events}});
}

void Server::Impl::Feed(const httplib::Request& req, httplib::Response& res) {
  // ?outlet= keeps one outlet's events, ?q= those whose title has the words.
  const std::string outlet = req.has_param("outlet") ? req.get_param_value("outlet") : std::string();
  const std::string q = req.has_param("q") ? req.get_param_value("q") : std::string();
  auto words = WordsOf(q);
  if (!words || outlet.size() > 1000) return Error(res, 400, "q: too many words; outlet: at most 1000 bytes");
  auto store = Reader();
  if (!store.ok()) return Error(res, 500, store.status().message());
  auto listed = pipeline::FindEvents(**store, {"", "", outlet, *words, options.feed_entries, 0});
  if (!listed.ok()) return Error(res, 500, listed.status().message());
  std::ostringstream entries;
  const std::string now = pipeline::NowIso();
  std::string latest;  // the feed changed when its latest entry did
  for (const auto& l : listed->events) {
    const auto& e = l.event;
    std::string updated = e.last_date.empty() ? now : e.last_date + "T00:00:00Z";
    latest = std::max(latest, updated);
    std::string summary = std::to_string(l.articles.size()) + " articles";
    if (!l.outlets.empty()) {
      summary += " from ";
      for (size_t k = 0; k < l.outlets.size(); ++k) summary += (k ? ", " : "") + l.outlets[k];
    }
    if (auto cached = cache.Get(e.id, TagOf(e)); cached && !cached->summary.empty())
      summary = cached->summary;
    entries << "<entry>\n<title>"
            << report::EscapeHtml(e.title.empty() ? "event " + std::to_string(e.id) : e.title)
            << "</title>\n<id>urn:crosscheck:event:" << e.id << "</id>\n<updated>" << updated
            << "</updated>\n"
            << "<link href=\"/events/" << e.id << "\"/>\n<summary>" << report::EscapeHtml(summary)
            << "</summary>\n</entry>\n";
  }
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
    << "<title>crosscheck: events" << report::EscapeHtml(outlet.empty() ? "" : " reported by " + outlet)
    << report::EscapeHtml(q.empty() ? "" : " about " + q) << "</title>\n<id>urn:crosscheck:events"
    << report::EscapeHtml(outlet.empty() ? "" : ":outlet:" + outlet)
    << report::EscapeHtml(q.empty() ? "" : ":q:" + q) << "</id>\n<updated>" << (latest.empty() ? now : latest)
    << "</updated>\n"
    << "<link rel=\"self\" href=\"/feed.atom\"/>\n<author><name>crosscheck</name></author>\n"
    << entries.str() << "</feed>\n";
  res.set_content(o.str(), "application/atom+xml; charset=utf-8");
}

void Server::Impl::Home(httplib::Response& res) {
  auto store = Reader();
  if (!store.ok()) return Error(res, 500, store.status().message());
  auto listed = pipeline::FindEvents(**store, {"", "", "", {}, options.max_page, 0});
  if (!listed.ok()) return Error(res, 500, listed.status().message());
  std::ostringstream o;
  o << "<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport "
       "content=\"width=device-width,initial-scale=1\"><title>crosscheck: events</title>"
       "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:auto;padding:1rem}"
       "@media(prefers-color-scheme:dark){body{background:#111;color:#ddd}a{color:#8cf}}</style>"
       "<h1>Events</h1><ol>";
  for (const auto& l : listed->events) {
    o << "<li><a href=\"/events/" << l.event.id << "\">"
      << report::EscapeHtml(l.event.title.empty() ? "event " + std::to_string(l.event.id) : l.event.title)
      << "</a> · " << l.outlets.size() << " outlets, " << l.articles.size() << " articles"
      << (l.event.first_date.empty() ? "" : " · " + report::EscapeHtml(l.event.first_date)) << "</li>";
  }
  o << "</ol></html>\n";
  res.set_header("Content-Security-Policy", kHtmlPolicy);
  res.set_content(o.str(), "text/html; charset=utf-8");
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

StatusOr<std::unique_ptr<Server>> Server::Open(const ServerOptions& options) {
  if (!IsLoopback(options.host) && options.token.empty())
    return InvalidArgument("listening on " + options.host + " beyond loopback needs a token (--token-file)");
  if (options.port < 0 || options.port > 65535) return InvalidArgument("port must be 0 to 65535");
  auto impl = std::make_unique<Impl>(options);
  if (!options.web_root.empty()) {
    auto page = LoadWebPage(options.web_root);
    if (!page.ok()) return InvalidInput("web page: " + page.status().message());
    impl->web = std::move(*page);
  }
  {
    // The search index, made (and filled) the first time the database is served.
    CROSSCHECK_ASSIGN_OR_RETURN(auto store, store::SqliteStore::Open(options.db));
    CROSSCHECK_RETURN_IF_ERROR(store->EnableSearch());
  }
  // Articles posted here are the live flow: an undated one is dated by its arrival.
  pipeline::IngestOptions ingest;
  ingest.date_undated_by_arrival = true;
  CROSSCHECK_ASSIGN_OR_RETURN(impl->ingestor, pipeline::Ingestor::Open(options.db, ingest));
  impl->Routes();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

StatusOr<int> Server::Bind() {
  Impl& s = *impl_;
  if (s.options.port == 0) {
    s.port = s.http.bind_to_any_port(s.options.host);
  } else {
    s.port = s.http.bind_to_port(s.options.host, s.options.port) ? s.options.port : -1;
  }
  // The library listens with a backlog of 5: at 100 clients connecting at
  // once, the rest wait a second for the kernel's retry. A larger one.
  if (s.port >= 0 && s.listening != INVALID_SOCKET) ::listen(s.listening, 1024);
  if (s.port < 0)
    return IoError("cannot listen on " + s.options.host + ":" + std::to_string(s.options.port) +
                   " (in use, or not an address of this machine)");
  return s.port;
}

Status Server::Run() {
  if (impl_->port < 0) {
    auto bound = Bind();
    if (!bound.ok()) return bound.status();
  }
  if (!impl_->http.listen_after_bind()) return IoError("the server stopped listening");
  Status flushed;
  impl_->writer.Run([&] { flushed = impl_->ingestor->Flush(); });
  return flushed;
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace crosscheck::server
