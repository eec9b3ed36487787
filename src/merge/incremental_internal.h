// Internals of IncrementalMerge: the per-country state and the three
// phases of the greedy clustering (dated, undated, weak), re-run locally.
#ifndef SITREP_MERGE_INCREMENTAL_INTERNAL_H_
#define SITREP_MERGE_INCREMENTAL_INTERNAL_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "merge/internal.h"

namespace sitrep::incremental_internal {

using Key = merge_internal::MentionOrder;

// One mention and its place in the last result.
struct Node {
  Mention m;
  Key key;
  bool weak = false, dated = false;
  bool live = true;    // false: removed by the running update
  bool reuse = true;   // false: new or changed; no past decision holds
  bool named = false;  // a named victim (actor2)
  // The flags of the mention this node held in the last result (a new
  // version of an article may change a mention under the same key).
  bool was_weak = false, was_named = false;
  std::optional<Key> home;     // its cluster in the last result
  std::vector<Key> weak_fits;  // weak: the candidate clusters it fitted
};

// Members: non-weak in canonical order, then weak in canonical order (the
// order MergeMentions pushes them in). While an update runs, a cluster left
// with no member stands for no cluster (fits nothing) until the update
// removes it.
struct Cluster {
  std::vector<Node*> members;
  size_t weak_begin() const;
};

using ClusterIt = std::map<Key, Cluster>::iterator;

// The mentions of one country ("" = no place): clusters never span two.
struct Scope {
  std::map<Key, std::unique_ptr<Node>> nodes;
  std::map<Key, Cluster> clusters;  // by the key of the first member
  int named = 0;  // nodes with a named victim, now or in the last result
  // Keys of the nodes the running update added, changed or removed (the
  // only ones with !reuse or !live): the update's cost follows them.
  std::set<Key> changed;
  // The weak nodes, now or in the last result, by key (canonical order).
  std::map<Key, Node*> weak;
  // Keys of the nodes with a named victim, now or in the last result.
  std::set<Key> named_keys;
};

// Whether `n` counts in Scope::named.
inline bool CountsNamed(const Node& n) {
  return (n.named && !n.weak) || (n.was_named && !n.was_weak);
}

// Re-derives `scope`'s clusters after its nodes changed (flags set by the
// caller); returns the keys of clusters whose members changed (new,
// changed or gone). `replayed_days` counts the dated days re-run.
std::set<Key> UpdateScope(Scope* scope, const MergeOptions& options,
                          int64_t* replayed_days);

}  // namespace sitrep::incremental_internal

#endif  // SITREP_MERGE_INCREMENTAL_INTERNAL_H_
