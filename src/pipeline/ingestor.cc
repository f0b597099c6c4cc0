#include "crosscheck/pipeline/ingestor.h"

#include "crosscheck/ingest/outlet.h"

#include <atomic>
#include <cstdio>
#include <memory>
#include <thread>

namespace crosscheck::pipeline {

std::string ContentHash(std::string_view text) {
  uint64_t a = 1469598103934665603ull, b = 0x9E3779B97F4A7C15ull;
  bool space = false;
  for (unsigned char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space) {
      a = (a ^ ' ') * 1099511628211ull;
      b = (b ^ ' ') * 0xff51afd7ed558ccdull + 7;
      space = false;
    }
    a = (a ^ c) * 1099511628211ull;
    b = (b ^ c) * 0xff51afd7ed558ccdull + 7;
  }
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return buf;
}

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
  Status r = ing->Restore();
  if (!r.ok()) return r;
  return ing;
}

Ingestor::~Ingestor() {
  (void)Flush();
  if (writer_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      quit_ = true;
    }
    cv_.notify_all();
    writer_.join();
  }
}

Status Ingestor::Restore() {
  auto next = store_->Next();
  if (!next.ok()) return next.status();
  next_ = *next;
  auto recent = store_->RecentArticles(std::max(opt_.dedup_window, size_t{1}));
  if (!recent.ok()) return recent.status();
  for (auto& a : *recent) {
    index::Signature sig;
    if (index::DeserializeSignature(a.signature, sig)) lsh_.Add(a.rowid, sig);
    placed_[a.rowid] = {a.event, a.story};
    index::TermVector v = index::TermVector::Deserialize(a.vector);
    clusterer_.CountDocument(v);
    if (a.story && a.event) subevents_.Remember(a.story, a.rowid, a.event, std::move(v));
  }
  auto stories = store_->Stories(opt_.cluster.max_active_events);
  if (!stories.ok()) return stories.status();
  for (auto it = stories->rbegin(); it != stories->rend(); ++it) {
    clusterer_.Restore(it->id, index::TermVector::Deserialize(it->centroid), it->last_seq);
    seq_ = std::max(seq_, it->last_seq);
  }
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
}  // namespace

StatusOr<int64_t> Ingestor::Add(const Article& a) {
  return AddAnalyzed(a, index::Analyze(Heading(a), a.text));
}

StatusOr<std::vector<int64_t>> Ingestor::AddAll(const std::vector<Article>& articles,
                                                unsigned threads) {
  // Workers compute signatures ahead, in order; this thread adds the
  // articles one by one as their signatures become ready, and computes one
  // itself whenever it would otherwise wait.
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
  std::vector<int64_t> out;
  out.reserve(n);
  Status failure = Status::Ok();
  for (size_t i = 0; i < n; ++i) {
    while (!ready[i].load(std::memory_order_acquire))
      if (!compute_one()) std::this_thread::yield();
    auto e = AddAnalyzed(articles[i], std::move(sigs[i]));
    if (!e.ok()) {
      failure = e.status();
      break;
    }
    out.push_back(*e);
  }
  stop.store(true);
  for (auto& th : pool) th.join();
  if (!failure.ok()) return failure;
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
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!writer_status_.ok()) return writer_status_;
  }
  store::StoredArticle s;
  s.id = a.id;
  s.content_hash = ContentHash(a.text);
  auto existing = Find(s.id, s.content_hash);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    ++stats_.duplicates;
    return **existing;
  }
  s.url = a.url;
  s.outlet = ingest::DisplayOutlet(a);
  s.title = a.title;
  s.published = a.published;
  s.text = a.text;
  const index::Signature& sig = analyzed.minhash;
  s.signature = index::SerializeSignature(sig);
  index::TermVector detail;
  index::TermVector v = clusterer_.Weigh(analyzed.terms, &detail);
  s.vector = v.Serialize();
  // A copy of a recent article joins its original's event.
  int64_t story = 0;
  for (const auto& [id, other] : lsh_.Candidates(sig)) {
    if (index::EstimatedJaccard(sig, *other) >= opt_.near_duplicate) {
      s.copy_of = id;
      auto p = placed_.find(id);
      if (p != placed_.end()) {
        s.event = p->second.event;
        story = p->second.story;
      }
      ++stats_.copies;
      break;
    }
  }
  ++seq_;
  if (!s.event || !story) {
    auto [best, sim] = clusterer_.Best(v);
    if (best && clusterer_.Joins(sim)) {
      story = best;
    } else {
      story = next_.story++;
      open_.stories.push_back(story);
      ++stats_.stories;
    }
  }
  auto placed = subevents_.Place(
      story, detail, [&]() -> StatusOr<int64_t> { return NewEvent(a, story); }, s.event);
  if (!placed.ok()) return placed.status();
  s.event = placed->event;
  s.rowid = next_.article++;
  const int64_t rowid = s.rowid;
  ++stats_.added;
  clusterer_.Add(story, v, seq_);
  dirty_stories_.insert(story);
  subevents_.Remember(story, rowid, s.event, std::move(detail));
  lsh_.Add(rowid, sig);
  placed_[rowid] = {s.event, story};
  if (placed_.size() > 2 * opt_.dedup_window + 16) {
    // Keep the map to the dedup window (ids are increasing).
    int64_t cutoff = rowid - static_cast<int64_t>(opt_.dedup_window);
    std::erase_if(placed_, [&](const auto& kv) { return kv.first < cutoff; });
  }
  for (const auto& m : placed->moves) Move(m);
  store::EventRow& e = open_.grown[s.event];
  e.id = s.event;
  ++e.articles;
  e.last_seq = seq_;
  std::string day = a.published.size() >= 10 ? a.published.substr(0, 10) : std::string();
  if (!day.empty()) {
    if (e.first_date.empty() || day < e.first_date) e.first_date = day;
    if (day > e.last_date) e.last_date = day;
  }
  pending_ids_[s.id] = s.event;
  pending_hashes_[s.content_hash] = s.event;
  const int64_t event = s.event;
  open_.articles.push_back(std::move(s));
  if (open_.articles.size() >= opt_.batch) {
    Status f = Submit();
    if (!f.ok()) return f;
  }
  return event;
}

int64_t Ingestor::NewEvent(const Article& a, int64_t story) {
  store::EventRow row;
  row.id = next_.event++;
  row.title = !a.title.empty() ? a.title : a.text.substr(0, std::min<size_t>(a.text.find('\n'), 120));
  row.story = story;
  row.last_seq = seq_;
  open_.events.push_back(row);
  ++stats_.events;
  return row.id;
}

void Ingestor::Move(const events::SubEvents::Move& m) {
  open_.moves.push_back(m);
  ++stats_.moves;
  auto p = placed_.find(m.article);
  if (p != placed_.end()) p->second.event = m.to;
  // Both events' counts and dates are recomputed from their articles when
  // the batch is written.
  open_.recount.insert(m.from);
  open_.recount.insert(m.to);
  store::EventRow& to = open_.grown[m.to];
  to.id = m.to;
  to.last_seq = std::max(to.last_seq, seq_);
}

Status Ingestor::Flush() {
  Status s = Submit();
  if (!s.ok()) return s;
  return Wait();
}

Status Ingestor::Submit() {
  for (int64_t id : dirty_stories_) {
    int64_t seq = 0;
    index::TermVector c = clusterer_.Centroid(id, &seq);
    if (!c.terms.empty())
      open_.centroids.push_back({id, c.Serialize(), seq});  // a retired story keeps its stored centroid
  }
  dirty_stories_.clear();
  if (open_.empty()) return Collect(false);
  if (!reader_) {
    // Inline: written before returning.
    Status s = Write(open_);
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (writer_status_.ok()) writer_status_ = s;
      written_.push_back(std::move(open_));
    }
    open_ = Batch{};
    return Collect(false);
  }
  if (!writer_.joinable()) writer_ = std::thread([this] { WriterLoop(); });
  {
    // Wait for room in the queue: a checkpoint can hold the writer for a
    // while, and the queue lets clustering go on meanwhile.
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return queue_.size() < std::max<size_t>(opt_.batches_in_flight, 1); });
    queue_.push_back(std::move(open_));
  }
  open_ = Batch{};
  cv_.notify_all();
  return Collect(false);
}

Status Ingestor::Wait() { return Collect(true); }

Status Ingestor::Collect(bool all) {
  std::vector<Batch> done;
  Status status = Status::Ok();
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (all) cv_.wait(lock, [&] { return queue_.empty(); });
    done.swap(written_);
    status = writer_status_;
  }
  // These batches are committed: the store answers for their articles now.
  for (const auto& b : done)
    for (const auto& a : b.articles) {
      pending_ids_.erase(a.id);
      pending_hashes_.erase(a.content_hash);
    }
  return status;
}

void Ingestor::WriterLoop() {
  for (;;) {
    Batch* b = nullptr;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return !queue_.empty() || quit_; });
      if (queue_.empty()) return;
      b = &queue_.front();  // stays put: the other thread only appends
    }
    Status s;
    {
      std::lock_guard<std::mutex> lock(mu_);
      s = writer_status_;
    }
    // After a failed batch the later ones are dropped, not written: they may
    // use stories and events that the failed one would have created.
    if (s.ok()) s = Write(*b);
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (writer_status_.ok()) writer_status_ = s;
      written_.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    cv_.notify_all();
  }
}

Status Ingestor::Write(const Batch& b) {
  Status s = store_->Begin();
  if (!s.ok()) return s;
  for (int64_t id : b.stories)
    if (s.ok()) s = store_->CreateStory(id).status();
  for (const auto& e : b.events)
    if (s.ok()) s = store_->CreateEvent(e).status();
  for (const auto& a : b.articles)
    if (s.ok()) s = store_->Insert(a).status();
  for (const auto& m : b.moves)
    if (s.ok()) s = store_->MoveArticle(m.article, m.to);
  for (const auto& [id, e] : b.grown)
    if (s.ok()) s = store_->GrowEvent(e);
  for (int64_t id : b.recount)
    if (s.ok()) s = store_->Recount(id);
  for (const auto& c : b.centroids)
    if (s.ok()) s = store_->UpdateStory(c);
  if (!s.ok()) {
    (void)store_->Rollback();
    return s;
  }
  return store_->Commit();
}

}  // namespace crosscheck::pipeline
