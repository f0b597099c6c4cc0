// Assignment: the one step that decides where an article goes. Given the
// article's terms and, for a copy, where its original went, it picks the
// story (the most similar active one, or a new one: OnlineClusterer) and the
// event inside that story (SubEvents), and says which earlier articles a
// regrouping moved. It owns the clusterer state and hands out new story and
// event ids; it never touches a store, so it can be run and tested alone.
// Not thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_set>
#include <vector>

#include "crosscheck/events/clusterer.h"
#include "crosscheck/events/subevents.h"
#include "crosscheck/index/signatures.h"

namespace crosscheck::events {

struct AssignOptions {
  ClusterOptions cluster;
  SubEventOptions subevents;
};

// An article's weighted vectors: `story` for matching stories, `detail` (more
// terms) for telling the events of a story apart.
struct Weighted {
  index::TermVector story, detail;
  std::vector<int32_t> months;  // stated months (index::ArticleSignatures::months)
};

// Where an article already placed went (a copy's original).
struct Placed {
  int64_t event = 0, story = 0;
};

struct Assignment {
  int64_t story = 0, event = 0;
  bool new_story = false;
  std::vector<SubEvents::Move> moves;  // earlier articles of the story that change event
  std::vector<int64_t> opened_events;  // every event opened (the article's, and any a regroup opened)
  // Whether the article's own event was opened for it.
  bool NewEvent() const {
    return std::find(opened_events.begin(), opened_events.end(), event) != opened_events.end();
  }
};

class Assigner {
 public:
  explicit Assigner(const AssignOptions& options = {})
      : opt_(options), clusterer_(options.cluster), subevents_(options.subevents) {}

  // Weights raw terms by the document frequencies so far and counts them.
  Weighted Weigh(const index::RawTerms& raw);
  Weighted Weigh(const index::ArticleSignatures& analyzed);  // the same, with its stated months
  // Places article `article` (a new id, larger than any before). A copy
  // passes its original's placement: it joins that story, and that event
  // unless a regroup says otherwise. The article is remembered as a member.
  // `day`: the article's date (DayOf its publication), or kNoDay.
  Assignment Assign(int64_t article, Weighted w, std::optional<Placed> original = std::nullopt,
                    int32_t day = kNoDay);

  // Restart: ids to hand out next, and the state rebuilt from stored rows.
  void SetNextIds(int64_t story, int64_t event) {
    next_story_ = story;
    next_event_ = event;
  }
  void RestoreArticle(int64_t article, const index::TermVector& v, Placed where, int32_t day = kNoDay);
  void RestoreStory(int64_t story, const index::TermVector& centroid, int64_t seq, int32_t first_day = kNoDay,
                    int32_t last_day = kNoDay);
  // Stories whose centroid changed since the last call, with their centroids
  // and last activity (retired stories are left out: their stored row stands).
  struct Centroid {
    int64_t story, seq;
    index::TermVector centroid;
  };
  std::vector<Centroid> TakeChangedCentroids();
  int64_t seq() const { return seq_; }
  int64_t next_story() const { return next_story_; }
  int64_t next_event() const { return next_event_; }

 private:
  AssignOptions opt_;
  OnlineClusterer clusterer_;
  SubEvents subevents_;
  std::unordered_set<int64_t> changed_;  // stories whose centroid changed since TakeChangedCentroids
  int64_t next_story_ = 1, next_event_ = 1;
  int64_t seq_ = 0;
};

}  // namespace crosscheck::events
