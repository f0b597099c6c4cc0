// Events inside a story. The online clusterer groups articles into stories
// by their whole vocabulary, so two events of the same kind (two
// earthquakes, two rehab stays of one actress) share most of their words and
// land in one story. Inside a story, the terms that every member carries say
// what the story is about, not which event it is: each member's terms are
// re-weighted by their inverse frequency among the story's members (a term
// found in one member only is dropped), and members are grouped by
// average-link clustering on the cosine of those local weights.
//
// A story's most recent members are regrouped whenever it has grown by 35%
// since the last grouping; in between, a new article joins the event
// whose members it is closest to on average, or opens a new one. Regrouping
// can move earlier articles to another event; the moves are returned so the
// store can follow. Cost per article is bounded by the member cap, memory by
// the number of stories whose members are kept. Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <unordered_map>
#include <vector>

#include "crosscheck/events/clusterer.h"
#include "crosscheck/index/signatures.h"
#include "crosscheck/status.h"

namespace crosscheck::events {

struct SubEventOptions {
  double threshold = 0.07;       // average local cosine at which two groups are one event
  size_t members = 24;           // most recent members of a story kept and regrouped
  size_t stories = 2048;         // stories whose members are kept (least recently updated go first)
  double regroup_growth = 0.35;  // regroup after this share of new members
  // Time inside a story: the local cosine of two dated members is multiplied
  // by TimeFactor of their DaysApart; undated members pay nothing; a scale of
  // 0 turns time off. Past a season, a story's events are different
  // incidents unless one recalls the other's month. Chosen on the folds of
  // both dev sets: shorter tolerances split ECB+ events that run for months
  // (an outage and its repair, a season of one team), longer scales keep a
  // year-apart pair of BASIL events together.
  double time_scale_days = 30;
  double time_tolerance_days = 90;
};

// Groups vectors by average-link clustering on locally re-weighted terms
// (see above). Returns one label per vector, 0..k-1, in order of first use.
// `when` (empty, or one per vector) scales each pair's similarity by the
// options' time factor of their DaysApart.
std::vector<int> GroupByLocalTerms(const std::vector<const index::TermVector*>& members,
                                   const SubEventOptions& options, const std::vector<const When*>& when = {});

class SubEvents {
 public:
  explicit SubEvents(const SubEventOptions& options = {}) : opt_(options) {}

  struct Move {
    int64_t article = 0;  // rowid
    int64_t from = 0, to = 0;
  };
  struct Placement {
    int64_t event = 0;        // the new article's event
    std::vector<Move> moves;  // earlier members that change event
  };
  using NewEvent = std::function<StatusOr<int64_t>()>;

  // Chooses the event of a new article of `story` (calling `new_event` for
  // each event it has to open) and regroups the story when it is due. A copy
  // of an earlier article passes that article's `event`, which it keeps
  // unless a regroup places it (with its original) elsewhere. The article
  // becomes a member only through Remember, once it is stored.
  // `when`: the article's date and stated months.
  StatusOr<Placement> Place(int64_t story, const index::TermVector& v, const NewEvent& new_event,
                            int64_t event = 0, const When& when = {});
  // Records a stored article as a member of `story` in `event`.
  void Remember(int64_t story, int64_t article, int64_t event, index::TermVector v, When when = {});
  size_t stories() const { return stories_.size(); }

 private:
  struct Member {
    int64_t article, event;
    index::TermVector v;
    When when;
  };
  struct Story {
    std::vector<Member> members;  // oldest first
    size_t since_regroup = 0;
    int64_t seq = 0;
  };
  // The story's member vectors followed by the new article's.
  static std::vector<const index::TermVector*> WithNew(const Story& s, const index::TermVector& v);
  StatusOr<Placement> Regroup(Story& s, const index::TermVector& v, const When& when,
                              const NewEvent& new_event);
  StatusOr<Placement> Join(Story& s, const index::TermVector& v, const When& when, const NewEvent& new_event);
  SubEventOptions opt_;
  std::unordered_map<int64_t, Story> stories_;
  std::map<int64_t, int64_t> by_seq_;  // seq -> story, oldest first
  int64_t clock_ = 0;
};

}  // namespace crosscheck::events
