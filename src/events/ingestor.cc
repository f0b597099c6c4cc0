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
  for (const auto& a : *recent) {
    index::Signature sig;
    if (index::DeserializeSignature(a.signature, sig)) lsh_.Add(a.rowid, sig);
    event_of_[a.rowid] = a.event;
    clusterer_.CountDocument(index::TermVector::Deserialize(a.vector));
  }
  auto events = store_->Events("", opt_.cluster.max_active_events);
  if (!events.ok()) return events.status();
  for (auto it = events->rbegin(); it != events->rend(); ++it) {
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
  index::TermVector v = clusterer_.Weigh(analyzed.terms);
  s.vector = v.Serialize();
  // A copy of a recent article joins its original's event.
  for (const auto& [id, other] : lsh_.Candidates(sig)) {
    if (index::EstimatedJaccard(sig, *other) >= opt_.near_duplicate) {
      s.copy_of = id;
      auto e = event_of_.find(id);
      if (e != event_of_.end()) s.event = e->second;
      ++stats_.copies;
      break;
    }
  }
  ++seq_;
  if (!s.event) {
    auto [best, sim] = clusterer_.Best(v);
    if (best && clusterer_.Joins(sim)) {
      s.event = best;
    } else {
      store::EventRow row;
      row.title = !a.title.empty() ? a.title : a.text.substr(0, std::min<size_t>(a.text.find('\n'), 120));
      row.last_seq = seq_;
      auto id = store_->CreateEvent(row);
      if (!id.ok()) return id.status();
      s.event = *id;
      ++stats_.events;
    }
  }
  auto rowid = store_->Insert(s);
  if (!rowid.ok()) return rowid.status();
  ++stats_.added;
  clusterer_.Add(s.event, v, seq_);
  lsh_.Add(*rowid, sig);
  event_of_[*rowid] = s.event;
  if (event_of_.size() > 2 * opt_.dedup_window + 16) {
    // Keep the map to the dedup window (ids are increasing).
    int64_t cutoff = *rowid - static_cast<int64_t>(opt_.dedup_window);
    std::erase_if(event_of_, [&](const auto& kv) { return kv.first < cutoff; });
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

Status Ingestor::Flush() {
  if (!in_transaction_) return Status::Ok();
  in_transaction_ = false;
  in_batch_ = 0;
  for (auto& [id, row] : dirty_) {
    row.id = id;
    index::TermVector c = clusterer_.Centroid(id);
    if (!c.terms.empty()) row.centroid = c.Serialize();  // a retired event keeps its stored centroid
    Status u = store_->UpdateEvent(row);
    if (!u.ok()) { (void)store_->Rollback(); dirty_.clear(); return u; }
  }
  dirty_.clear();
  return store_->Commit();
}

}  // namespace crosscheck::events
