#include "crosscheck/store/batch_writer.h"

#include <algorithm>

namespace crosscheck::store {

Status WriteBatch(SqliteStore& store, const Batch& b) {
  Status s = store.Begin();
  if (!s.ok()) return s;
  for (int64_t id : b.stories)
    if (s.ok()) s = store.CreateStory(id).status();
  for (const auto& e : b.events)
    if (s.ok()) s = store.CreateEvent(e).status();
  for (const auto& a : b.articles)
    if (s.ok()) s = store.Insert(a).status();
  for (const auto& m : b.moves)
    if (s.ok()) s = store.MoveArticle(m.article, m.to);
  for (const auto& [id, e] : b.grown)
    if (s.ok()) s = store.GrowEvent(e);
  for (int64_t id : b.recount)
    if (s.ok()) s = store.Recount(id);
  for (const auto& c : b.centroids)
    if (s.ok()) s = store.UpdateStory(c);
  if (!s.ok()) {
    (void)store.Rollback();
    return s;
  }
  return store.Commit();
}

BatchWriter::BatchWriter(SqliteStore& store, bool background, size_t in_flight)
    : store_(store), background_(background), in_flight_(std::max<size_t>(in_flight, 1)) {}

BatchWriter::~BatchWriter() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    quit_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

Status BatchWriter::status() {
  std::lock_guard<std::mutex> lock(mu_);
  return status_;
}

Status BatchWriter::Submit(Batch b) {
  if (!background_) {
    std::lock_guard<std::mutex> lock(mu_);
    if (status_.ok()) status_ = WriteBatch(store_, b);
    written_.push_back(std::move(b));
    return status_;
  }
  if (!thread_.joinable()) thread_ = std::thread([this] { Loop(); });
  {
    // Wait for room: a checkpoint can hold the writer for a while, and the
    // queue lets the caller go on meanwhile.
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return queue_.size() < in_flight_; });
    queue_.push_back(std::move(b));
  }
  cv_.notify_all();
  return status();
}

Status BatchWriter::Collect(bool all, std::vector<Batch>& done) {
  std::unique_lock<std::mutex> lock(mu_);
  if (all) cv_.wait(lock, [&] { return queue_.empty(); });
  for (auto& b : written_) done.push_back(std::move(b));
  written_.clear();
  return status_;
}

void BatchWriter::Loop() {
  for (;;) {
    Batch* b = nullptr;
    Status s;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return !queue_.empty() || quit_; });
      if (queue_.empty()) return;
      b = &queue_.front();  // stays put: the other thread only appends
      s = status_;
    }
    if (s.ok()) s = WriteBatch(store_, *b);
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (status_.ok()) status_ = s;
      written_.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    cv_.notify_all();
  }
}

}  // namespace crosscheck::store
