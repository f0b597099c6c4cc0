#include "crosscheck/pipeline/ingestor.h"

#include <atomic>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <thread>

#include "crosscheck/ingest/outlet.h"
#include "crosscheck/pipeline/stored.h"

namespace crosscheck::pipeline {

std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {
// The day an article (or a stored one) groups by: its publication's, else
// its arrival's.
template <typename A>
int32_t GroupingDay(const A& a) {
  return events::DayOf(!a.published.empty() ? a.published : a.received);
}
}  // namespace

StatusOr<std::unique_ptr<Ingestor>> Ingestor::Open(const std::string& db_path, const IngestOptions& options) {
  auto s = store::SqliteStore::Open(db_path);
  if (!s.ok()) return s.status();
  // Lookups run on a second connection while batches are written; an
  // in-memory database is private to its connection, so it writes inline.
  std::unique_ptr<store::SqliteStore> reader;
  bool in_memory = db_path.empty() || db_path == ":memory:" || db_path.rfind("file::memory:", 0) == 0;
  if (options.background_writes && !in_memory) {
    auto r = store::SqliteStore::Open(db_path);
    if (!r.ok()) return r.status();
    reader = std::move(*r);
  }
  std::unique_ptr<Ingestor> ing(new Ingestor(std::move(*s), std::move(reader), options));
  CROSSCHECK_RETURN_IF_ERROR(ing->Restore());
  return ing;
}

Ingestor::Ingestor(std::unique_ptr<store::SqliteStore> s, std::unique_ptr<store::SqliteStore> reader,
                   const IngestOptions& o)
    : store_(std::move(s)),
      reader_(std::move(reader)),
      opt_(o),
      copies_(o.copies),
      assigner_(o.assign),
      writer_(std::make_unique<store::BatchWriter>(*store_, reader_ != nullptr, o.batches_in_flight)) {}

Ingestor::~Ingestor() {
  (void)Flush();
  writer_.reset();  // joins the writer thread before the store closes
}

Status Ingestor::Restore() {
  CROSSCHECK_ASSIGN_OR_RETURN(const store::NextIds next, store_->Next());
  next_article_ = next.article;
  if (next.article - 1 <= static_cast<int64_t>(opt_.max_replay)) {
    CROSSCHECK_ASSIGN_OR_RETURN(restored_exactly_, Replay(next));
    if (restored_exactly_) return Status::Ok();
    copies_ = index::CopyDetector(opt_.copies);
    assigner_ = events::Assigner(opt_.assign);
    placed_.clear();
  }
  assigner_.SetNextIds(next.story, next.event);
  CROSSCHECK_ASSIGN_OR_RETURN(const std::vector<store::StoredArticle> recent,
                              store_->RecentArticles(std::max(opt_.copies.window, size_t{1})));
  for (const auto& a : recent) {
    index::Signature sig;
    if (index::DeserializeSignature(a.signature, sig)) copies_.Add(a.rowid, sig);
    placed_[a.rowid] = {a.event, a.story};
    assigner_.RestoreArticle(a.rowid, index::TermVector::Deserialize(a.vector), {a.event, a.story},
                             GroupingDay(a));
  }
  CROSSCHECK_ASSIGN_OR_RETURN(const std::vector<store::StoryRow> stories,
                              store_->Stories(opt_.assign.cluster.max_active_events));
  for (auto it = stories.rbegin(); it != stories.rend(); ++it)
    assigner_.RestoreStory(it->id, index::TermVector::Deserialize(it->centroid), it->last_seq,
                           events::DayOf(it->first_date), events::DayOf(it->last_date));
  return Status::Ok();
}

namespace {
// Words weighted like a headline: the source URL (its slug usually names
// the story), and the title when the text does not already carry it.
std::string Heading(const Article& a) {
  std::string h = a.text.find(a.title) == std::string::npos ? a.title : std::string();
  std::string url = a.url;
  for (const auto& r : a.removed)
    if (r.reason == Removal::kSourceUrl && url.empty()) url = r.text;
  for (char& c : url)
    if (c == '/' || c == '-' || c == '_' || c == '.') c = ' ';
  return h + "\n" + url;
}

// An event's title until a report gives it one: the article's title, else
// the start of its first story paragraph (a byline or dateline before it is
// not the story).
std::string EventTitle(const Article& a) {
  if (!a.title.empty()) return a.title;
  std::string_view first = a.paragraphs.empty() ? std::string_view(a.text) : a.paragraphs.front().In(a.text);
  first = first.substr(0, first.find('\n'));
  if (first.size() <= 120) return std::string(first);
  size_t cut = first.rfind(' ', 120);
  return std::string(first.substr(0, cut == std::string_view::npos ? 120 : cut)) + " …";
}
}  // namespace

void Ingestor::RememberPlaced(int64_t rowid, const index::Signature& minhash,
                              const events::Assignment& placed) {
  copies_.Add(rowid, minhash);
  placed_[rowid] = {placed.event, placed.story};
  if (placed_.size() > 2 * opt_.copies.window + 16) {
    // Keep the map to the copy window (ids are increasing).
    int64_t cutoff = rowid - static_cast<int64_t>(opt_.copies.window);
    std::erase_if(placed_, [&](const auto& kv) { return kv.first < cutoff; });
  }
}

StatusOr<int64_t> Ingestor::Add(const Article& a) {
  return AddAnalyzed(a, index::Analyze(Heading(a), a.text));
}

namespace {
// Calls `use(i, signatures)` for each article in order, on this thread, while
// `threads - 1` workers compute the signatures ahead; this thread computes
// one itself whenever it would otherwise wait. Stops at the first failure.
Status ForEachAnalyzed(const std::vector<Article>& articles, unsigned threads,
                       const std::function<Status(size_t, index::ArticleSignatures&&)>& use) {
  const size_t n = articles.size();
  std::vector<index::ArticleSignatures> sigs(n);
  std::unique_ptr<std::atomic<bool>[]> ready(new std::atomic<bool>[n]);
  for (size_t i = 0; i < n; ++i) ready[i].store(false, std::memory_order_relaxed);
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  auto compute_one = [&]() {
    size_t i = next.fetch_add(1);
    if (i >= n) return false;
    sigs[i] = index::Analyze(Heading(articles[i]), articles[i].text);
    ready[i].store(true, std::memory_order_release);
    return true;
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, threads); ++t)
    pool.emplace_back([&] {
      while (!stop.load() && compute_one()) {
      }
    });
  Status failure = Status::Ok();
  for (size_t i = 0; i < n && failure.ok(); ++i) {
    while (!ready[i].load(std::memory_order_acquire))
      if (!compute_one()) std::this_thread::yield();
    failure = use(i, std::move(sigs[i]));
  }
  stop.store(true);
  for (auto& th : pool) th.join();
  return failure;
}
}  // namespace

StatusOr<bool> Ingestor::Replay(const store::NextIds& next) {
  std::unordered_map<int64_t, int64_t> event_of;    // the replay's placement
  std::vector<std::pair<int64_t, int64_t>> stored;  // row id, stored event
  for (int64_t after = 0;;) {
    CROSSCHECK_ASSIGN_OR_RETURN(const std::vector<store::StoredArticle> chunk, store_->ArticlesAfter(after));
    if (chunk.empty()) break;
    std::vector<Article> articles;
    articles.reserve(chunk.size());
    for (const auto& s : chunk) {
      StatusOr<Article> a = FromStored(s);
      if (!a.ok()) return false;  // a row that cannot be read again: restore from recent rows
      articles.push_back(std::move(*a));
    }
    CROSSCHECK_RETURN_IF_ERROR(
        ForEachAnalyzed(articles, opt_.threads, [&](size_t i, index::ArticleSignatures&& analyzed) -> Status {
          const store::StoredArticle& s = chunk[i];
          stored.emplace_back(s.rowid, s.event);
          events::Weighted w = assigner_.Weigh(analyzed);
          std::optional<events::Placed> original;
          if (int64_t id = copies_.OriginalOf(analyzed.minhash))
            if (auto p = placed_.find(id); p != placed_.end()) original = p->second;
          events::Assignment placed =
              assigner_.Assign(s.rowid, std::move(w), original, GroupingDay(articles[i]));
          event_of[s.rowid] = placed.event;
          for (const auto& m : placed.moves) {
            event_of[m.article] = m.to;
            if (auto p = placed_.find(m.article); p != placed_.end()) p->second.event = m.to;
          }
          RememberPlaced(s.rowid, analyzed.minhash, placed);
          return Status::Ok();
        }));
    after = chunk.back().rowid;
  }
  (void)assigner_.TakeChangedCentroids();  // the stored centroids are these
  if (assigner_.next_story() != next.story || assigner_.next_event() != next.event) return false;
  for (const auto& [rowid, event] : stored)
    if (event_of[rowid] != event) return false;
  return true;
}

StatusOr<std::vector<int64_t>> Ingestor::AddAll(const std::vector<Article>& articles, unsigned threads) {
  std::vector<int64_t> out;
  out.reserve(articles.size());
  CROSSCHECK_RETURN_IF_ERROR(
      ForEachAnalyzed(articles, threads, [&](size_t i, index::ArticleSignatures&& sig) -> Status {
        CROSSCHECK_ASSIGN_OR_RETURN(int64_t event, AddAnalyzed(articles[i], std::move(sig)));
        out.push_back(event);
        return Status::Ok();
      }));
  return out;
}

StatusOr<std::optional<int64_t>> Ingestor::Find(const std::string& id, const std::string& content_hash) {
  // Pending first: a batch leaves the pending maps only once it is
  // committed, so whatever is not pending is visible to the store.
  auto p = pending_ids_.find(id);
  if (p != pending_ids_.end()) return std::optional<int64_t>(p->second);
  p = pending_hashes_.find(content_hash);
  if (p != pending_hashes_.end()) return std::optional<int64_t>(p->second);
  return (reader_ ? *reader_ : *store_).Find(id, content_hash);
}

StatusOr<int64_t> Ingestor::AddAnalyzed(const Article& a, index::ArticleSignatures&& analyzed) {
  if (Status w = writer_->status(); !w.ok()) return w;
  const std::string hash = index::ContentHash(a.text);
  auto existing = Find(a.id, hash);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    ++stats_.duplicates;
    return **existing;
  }
  events::Weighted w = assigner_.Weigh(analyzed);
  store::StoredArticle s = ToStored(a, analyzed, w);
  s.content_hash = hash;
  // A copy of a recent article joins its original's story and event.
  std::optional<events::Placed> original;
  if (int64_t id = copies_.OriginalOf(analyzed.minhash)) {
    s.copy_of = id;
    ++stats_.copies;
    if (auto p = placed_.find(id); p != placed_.end()) original = p->second;
  }
  s.rowid = next_article_++;
  if (s.received.empty() && a.published.empty() && opt_.date_undated_by_arrival) s.received = NowIso();
  events::Assignment placed = assigner_.Assign(s.rowid, std::move(w), original, GroupingDay(s));
  s.event = placed.event;
  RememberPlaced(s.rowid, analyzed.minhash, placed);
  Record(a, placed);
  ++stats_.added;
  pending_ids_[s.id] = s.event;
  pending_hashes_[s.content_hash] = s.event;
  const int64_t event = s.event;
  open_.articles.push_back(std::move(s));
  if (open_.articles.size() >= opt_.batch) {
    CROSSCHECK_RETURN_IF_ERROR(Submit());
  }
  return event;
}

store::StoredArticle Ingestor::ToStored(const Article& a, const index::ArticleSignatures& sig,
                                        const events::Weighted& w) const {
  store::StoredArticle s;
  s.id = a.id;
  s.url = a.url;
  s.outlet = ingest::DisplayOutlet(a);
  s.title = a.title;
  s.published = a.published;
  s.received = a.received;
  s.text = a.text;
  s.paragraphs = a.paragraphs;
  s.removed = a.removed;
  s.warnings = a.warnings;
  s.signature = index::SerializeSignature(sig.minhash);
  s.vector = w.story.Serialize();
  return s;
}

void Ingestor::Record(const Article& a, const events::Assignment& placed) {
  if (placed.new_story) {
    open_.stories.push_back(placed.story);
    ++stats_.stories;
  }
  for (int64_t id : placed.opened_events) {
    store::EventRow row;
    row.id = id;
    row.title = EventTitle(a);
    row.story = placed.story;
    row.last_seq = assigner_.seq();
    open_.events.push_back(row);
    ++stats_.events;
  }
  for (const auto& m : placed.moves) {
    open_.moves.push_back({m.article, m.to});
    ++stats_.moves;
    if (auto p = placed_.find(m.article); p != placed_.end()) p->second.event = m.to;
    // Both events' counts and dates are recomputed from their articles when
    // the batch is written.
    open_.recount.insert(m.from);
    open_.recount.insert(m.to);
    store::EventRow& to = open_.grown[m.to];
    to.id = m.to;
    to.last_seq = std::max(to.last_seq, assigner_.seq());
  }
  store::EventRow& e = open_.grown[placed.event];
  e.id = placed.event;
  ++e.articles;
  e.last_seq = assigner_.seq();
  std::string day = a.published.size() >= 10 ? a.published.substr(0, 10) : std::string();
  if (!day.empty()) {
    if (e.first_date.empty() || day < e.first_date) e.first_date = day;
    if (day > e.last_date) e.last_date = day;
  }
}

Status Ingestor::Flush() {
  CROSSCHECK_RETURN_IF_ERROR(Submit());
  return Collect(true);
}

Status Ingestor::Submit() {
  for (auto& c : assigner_.TakeChangedCentroids())
    open_.centroids.push_back({c.story, c.centroid.Serialize(), c.seq, {}, {}});
  if (open_.empty()) return Collect(false);
  Status s = writer_->Submit(std::move(open_));
  open_ = store::Batch{};
  if (!s.ok()) {
    (void)Collect(false);
    return s;
  }
  return Collect(false);
}

Status Ingestor::Collect(bool all) {
  std::vector<store::Batch> done;
  Status status = writer_->Collect(all, done);
  // These batches are committed: the store answers for their articles now.
  for (const auto& b : done)
    for (const auto& a : b.articles) {
      pending_ids_.erase(a.id);
      pending_hashes_.erase(a.content_hash);
    }
  return status;
}

Status IngestFiles(Ingestor& ingestor, const std::vector<std::string>& files,
                   const std::function<void(const ingest::InputProblem&)>& problem,
                   const std::function<void(size_t)>& progress, size_t chunk) {
  std::vector<Article> pending;
  size_t added = 0;
  auto add_pending = [&]() -> Status {
    auto events = ingestor.AddAll(pending);
    if (!events.ok()) return events.status();
    added += pending.size();
    pending.clear();
    if (progress) progress(added);
    return Status::Ok();
  };
  Status failure = Status::Ok();
  for (const auto& f : files) {
    ingest::ReadInputs(
        {f},
        [&](Article&& a) {
          if (!failure.ok()) return;  // the store failed: read no further
          pending.push_back(std::move(a));
          if (pending.size() >= chunk) failure = add_pending();
        },
        problem);
    if (!failure.ok()) return failure;
  }
  if (!pending.empty())
    if (Status s = add_pending(); !s.ok()) return s;
  return ingestor.Flush();
}

}  // namespace crosscheck::pipeline
