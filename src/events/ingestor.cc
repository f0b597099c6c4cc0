#include "crosscheck/events/ingestor.h"

#include <cstdio>
#include <atomic>
#include <memory>
#include <thread>

#include "crosscheck/text/unicode.h"

namespace crosscheck::events {

std::string ContentHash(std::string_view text) {
  uint64_t a = 1469598103934665603ull, b = 0x9E3779B97F4A7C15ull;
  bool space = false;
  for (unsigned char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = true; continue; }
    if (space) { a = (a ^ ' ') * 1099511628211ull; b = (b ^ ' ') * 0xff51afd7ed558ccdull + 7; space = false; }
    a = (a ^ c) * 1099511628211ull;
    b = (b ^ c) * 0xff51afd7ed558ccdull + 7;
  }
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a), static_cast<unsigned long long>(b));
  return buf;
}

StatusOr<std::unique_ptr<Ingestor>> Ingestor::Open(const std::string& db_path, const IngestOptions& options) {
  auto s = store::SqliteStore::Open(db_path);
  if (!s.ok()) return s.status();
  std::unique_ptr<Ingestor> ing(new Ingestor(std::move(*s), options));
  Status r = ing->Restore();
  if (!r.ok()) return r;
  return ing;
}

Ingestor::~Ingestor() { (void)Flush(); }

Status Ingestor::Restore() {
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

StatusOr<store::EventRow*> Ingestor::EventRow(int64_t id) {
  auto it = dirty_.find(id);
  if (it != dirty_.end()) return &it->second;
  auto row = store_->Event(id);
  if (!row.ok()) return row.status();
  if (!row->has_value()) return NotFound("event " + std::to_string(id));
  return &(dirty_[id] = **row);
}

namespace {
// Words weighted like a headline: the source URL (its slug usually names
// the story), and the title when the text does not already carry it.
std::string Heading(const ingest::Article& a) {
  std::string h = a.text.find(a.title) == std::string::npos ? a.title : std::string();
  std::string url = a.url;
  for (const auto& r : a.removed)
    if (r.reason == "source URL" && url.empty()) url = r.text;
  for (char& c : url) if (c == '/' || c == '-' || c == '_' || c == '.') c = ' ';
  return h + "\n" + url;
}
}  // namespace

StatusOr<int64_t> Ingestor::Add(const ingest::Article& a) {
  return AddAnalyzed(a, index::Analyze(Heading(a), a.text));
}

StatusOr<std::vector<int64_t>> Ingestor::AddAll(const std::vector<ingest::Article>& articles, unsigned threads) {
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
    pool.emplace_back([&] { while (!stop.load() && compute_one()) {} });
  std::vector<int64_t> out;
  out.reserve(n);
  Status failure = Status::Ok();
  for (size_t i = 0; i < n; ++i) {
    while (!ready[i].load(std::memory_order_acquire))
      if (!compute_one()) std::this_thread::yield();
    auto e = AddAnalyzed(articles[i], std::move(sigs[i]));
    if (!e.ok()) { failure = e.status(); break; }
    out.push_back(*e);
  }
  stop.store(true);
  for (auto& th : pool) th.join();
  if (!failure.ok()) return failure;
  return out;
}

StatusOr<int64_t> Ingestor::AddAnalyzed(const ingest::Article& a, index::ArticleSignatures&& analyzed) {
  if (!in_transaction_) {
    Status b = store_->Begin();
    if (!b.ok()) return b;
    in_transaction_ = true;
  }
  store::StoredArticle s;
  s.id = a.id;
  s.url = a.url;
  s.outlet = a.outlet;
  s.title = a.title;
  s.published = a.published;
  s.text = a.text;
  s.content_hash = ContentHash(a.text);
  auto existing = store_->Find(s.id, s.content_hash);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    ++stats_.duplicates;
    return **existing;
  }
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
  SubEvents::Placement placement;
  if (!s.event || !story) {
    auto [best, sim] = clusterer_.Best(v);
    if (best && clusterer_.Joins(sim)) {
      story = best;
    } else {
      auto id = store_->CreateStory();
      if (!id.ok()) return id.status();
      story = *id;
      ++stats_.stories;
    }
  }
  {
    auto placed = subevents_.Place(story, detail, [&] { return NewEvent(a, story); }, s.event);
    if (!placed.ok()) return placed.status();
    placement = std::move(*placed);
    s.event = placement.event;
  }
  auto rowid = store_->Insert(s);
  if (!rowid.ok()) return rowid.status();
  ++stats_.added;
  clusterer_.Add(story, v, seq_);
  dirty_stories_.insert(story);
  subevents_.Remember(story, *rowid, s.event, std::move(detail));
  lsh_.Add(*rowid, sig);
  placed_[*rowid] = {s.event, story};
  if (placed_.size() > 2 * opt_.dedup_window + 16) {
    // Keep the map to the dedup window (ids are increasing).
    int64_t cutoff = *rowid - static_cast<int64_t>(opt_.dedup_window);
    std::erase_if(placed_, [&](const auto& kv) { return kv.first < cutoff; });
  }
  for (const auto& m : placement.moves) {
    Status moved = Move(m);
    if (!moved.ok()) return moved;
  }
  auto row = EventRow(s.event);
  if (!row.ok()) return row.status();
  store::EventRow& e = **row;
  ++e.articles;
  e.last_seq = seq_;
  std::string day = a.published.size() >= 10 ? a.published.substr(0, 10) : std::string();
  if (!day.empty()) {
    if (e.first_date.empty() || day < e.first_date) e.first_date = day;
    if (e.last_date.empty() || day > e.last_date) e.last_date = day;
  }
  if (++in_batch_ >= opt_.batch) {
    Status f = Flush();
    if (!f.ok()) return f;
  }
  return s.event;
}

StatusOr<int64_t> Ingestor::NewEvent(const ingest::Article& a, int64_t story) {
  store::EventRow row;
  row.title = !a.title.empty() ? a.title : a.text.substr(0, std::min<size_t>(a.text.find('\n'), 120));
  row.story = story;
  row.last_seq = seq_;
  auto id = store_->CreateEvent(row);
  if (id.ok()) ++stats_.events;
  return id;
}

Status Ingestor::Move(const SubEvents::Move& m) {
  Status s = store_->MoveArticle(m.article, m.to);
  if (!s.ok()) return s;
  ++stats_.moves;
  auto p = placed_.find(m.article);
  if (p != placed_.end()) p->second.event = m.to;
  // Both events' counts and dates are recomputed from their articles when
  // the batch is written.
  recount_.insert(m.from);
  recount_.insert(m.to);
  auto to = EventRow(m.to);
  if (!to.ok()) return to.status();
  (*to)->last_seq = std::max((*to)->last_seq, seq_);
  return Status::Ok();
}

Status Ingestor::Flush() {
  if (!in_transaction_) return Status::Ok();
  in_transaction_ = false;
  in_batch_ = 0;
  Status u = Status::Ok();
  for (auto& [id, row] : dirty_) {
    row.id = id;
    if (u.ok()) u = store_->UpdateEvent(row);
  }
  for (int64_t id : recount_)
    if (u.ok()) u = store_->Recount(id);
  for (int64_t id : dirty_stories_) {
    int64_t seq = 0;
    index::TermVector c = clusterer_.Centroid(id, &seq);
    if (!c.terms.empty() && u.ok()) u = store_->UpdateStory({id, c.Serialize(), seq});  // a retired story keeps its stored centroid
  }
  dirty_.clear();
  recount_.clear();
  dirty_stories_.clear();
  if (!u.ok()) {
    (void)store_->Rollback();
    return u;
  }
  return store_->Commit();
}

}  // namespace crosscheck::events
