// Assignment in two steps: a story by the online clusterer's cosine over
// the article's whole vocabulary, then an event of that story by SubEvents'
// average link over terms re-weighted inside the story. A copy skips the
// first step and starts from its original's event. Every article advances the
// activity clock that orders stories for retirement.
#include "crosscheck/events/assign.h"

namespace crosscheck::events {

Weighted Assigner::Weigh(const index::RawTerms& raw) {
  Weighted w;
  w.story = clusterer_.Weigh(raw, &w.detail);
  return w;
}

Weighted Assigner::Weigh(const index::ArticleSignatures& analyzed) {
  Weighted w = Weigh(analyzed.terms);
  w.months = analyzed.months;
  return w;
}

Assignment Assigner::Assign(int64_t article, Weighted w, std::optional<Placed> original, int32_t day) {
  Assignment out;
  ++seq_;
  int64_t keep_event = 0;
  if (original && original->story && original->event) {
    out.story = original->story;
    keep_event = original->event;
  } else {
    auto [best, sim] = clusterer_.Best(w.story, day);
    if (best && clusterer_.Joins(sim)) {
      out.story = best;
    } else {
      out.story = next_story_++;
      out.new_story = true;
    }
  }
  auto placed = subevents_.Place(
      out.story, w.detail,
      [&]() -> StatusOr<int64_t> {
        out.opened_events.push_back(next_event_);
        return next_event_++;
      },
      keep_event, When{day, w.months});
  // Opening an event cannot fail here (ids come from memory), so neither can Place.
  out.event = placed.ok() ? placed->event : 0;
  if (placed.ok()) out.moves = std::move(placed->moves);
  clusterer_.Add(out.story, w.story, seq_, day);
  changed_.insert(out.story);
  subevents_.Remember(out.story, article, out.event, std::move(w.detail), When{day, std::move(w.months)});
  return out;
}

void Assigner::RestoreArticle(int64_t article, const index::TermVector& v, Placed where, int32_t day) {
  clusterer_.CountDocument(v);
  if (where.story && where.event) subevents_.Remember(where.story, article, where.event, v, When{day, {}});
}

void Assigner::RestoreStory(int64_t story, const index::TermVector& centroid, int64_t seq, int32_t first_day,
                            int32_t last_day) {
  clusterer_.Restore(story, centroid, seq, first_day, last_day);
  seq_ = std::max(seq_, seq);
}

std::vector<Assigner::Centroid> Assigner::TakeChangedCentroids() {
  std::vector<Centroid> out;
  for (int64_t id : changed_) {
    int64_t seq = 0;
    index::TermVector c = clusterer_.Centroid(id, &seq);
    if (!c.terms.empty()) out.push_back({id, seq, std::move(c)});
  }
  changed_.clear();
  return out;
}

}  // namespace crosscheck::events
