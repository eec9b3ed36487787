// IncrementalMerge: the events of MergeMentions (merge.h), kept up to date
// while one article's mentions at a time are added, replaced or removed,
// re-deriving only what the change can affect.
//
// Exactness: after any sequence of SetArticle calls, Events() equals
// MergeMentions(all current mentions, options) (same events, same ids, same
// order). How (merge.h's greedy clustering in canonical order):
// - dated mentions: a cluster spans at most two consecutive days unless two
//   members share a named victim, so the clustering is replayed from each
//   changed day, starting from the stored clusters restricted to earlier
//   days, and stops at the first day whose open clusters equal the stored
//   ones (the next changed day starts a new window); with named victims in
//   the scope, the clusters holding one must equal the stored ones too;
// - undated and weak mentions (placed after all dated ones): a decision is
//   re-made only when a cluster it saw changed ("dirty" clusters);
// - only events whose mentions changed are rebuilt (MakeEvent).
// The options are fixed but for an article's publication day (SetArticle)
// and its copy_of entry (SetCopies).
//
// Thread safety: none; one thread at a time.
// Costs: memory ~ the mentions held; SetArticle ~ the replayed days'
// mentions x their candidate clusters, plus a pass over the scope's undated
// and weak mentions, plus one scan of the scope's clusters per new undated
// or weak mention.
#ifndef SITREP_INCREMENTAL_MERGE_H_
#define SITREP_INCREMENTAL_MERGE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/merge.h"

namespace sitrep {

class IncrementalMerge {
 public:
  explicit IncrementalMerge(MergeOptions options);
  ~IncrementalMerge();
  IncrementalMerge(const IncrementalMerge&) = delete;
  IncrementalMerge& operator=(const IncrementalMerge&) = delete;

  // What one update changed: ids of events that no longer exist, and the
  // new or changed events.
  struct Delta {
    std::vector<std::string> removed;
    std::vector<Event> changed;
  };

  // Adds every mention (of any articles) at once: one full merge.
  // REQUIRES: nothing added before.
  void Load(std::vector<Mention> mentions);

  // Replaces every mention of `article_id` with `mentions` (empty: removes
  // the article), and its publication day in MergeOptions::published
  // (nullopt: none). REQUIRES: every mention's article_id == article_id.
  Delta SetArticle(std::string_view article_id, std::vector<Mention> mentions,
                   std::optional<CivilDay> published = std::nullopt);

  // Sets MergeOptions::copy_of of the listed articles (nullopt: no longer a
  // copy) and re-decides their mentions under it (as SetArticle with the
  // same mentions): near-duplicate detection found a new copy.
  Delta SetCopies(
      const std::map<std::string, std::optional<std::string>>& copy_of);

  // The publication day SetArticle last gave `article_id` (or Load's
  // options), if any.
  std::optional<CivilDay> PublishedOf(const std::string& article_id) const;

  // Every event, in MergeMentions' order.
  std::vector<Event> Events() const;

  // False when two mentions share a canonical key (then MergeMentions'
  // order is not defined either): use MergeMentions.
  bool ok() const;

  // Days of dated mentions replayed by the last SetArticle (for tests and
  // benchmarks: how local the update was).
  int64_t last_replayed_days() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_INCREMENTAL_MERGE_H_
