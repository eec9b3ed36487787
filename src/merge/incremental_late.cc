// IncrementalMerge, late phases: undated mentions (each joins the first
// cluster of its country it fits, in creation order) and weak mentions
// (each joins the one candidate cluster it fits, or none), re-decided only
// where a cluster they saw changed.
//
// A cluster is "dirty" once its members differ from the last result's at
// the same point of the phase; a clean cluster answers every question as it
// did then, so a past decision holds unless a dirty cluster could change it.
#include <algorithm>

#include "merge/incremental_internal.h"

namespace sitrep::incremental_internal {

std::set<Key> DatedPhase(Scope* scope, const MergeOptions& options,
                         int64_t* days);
std::vector<ClusterIt> StripLateMembers(Scope* scope,
                                        const std::set<Key>& dirty);

namespace {

bool FitsUndated(const Cluster& c, const Node& u, const MergeOptions& o) {
  if (c.members.empty() || c.members.front()->m.kind != u.m.kind) {
    return false;
  }
  return std::all_of(c.members.begin(), c.members.end(), [&](const Node* n) {
    return merge_internal::SameEvent(n->m, u.m, o);
  });
}

// The first cluster from `from` on (key order) that `u` fits.
std::optional<Key> FirstFit(const Scope& scope, const Node& u, const Key& from,
                            const MergeOptions& o) {
  for (auto it = scope.clusters.lower_bound(from); it != scope.clusters.end();
       ++it) {
    if (FitsUndated(it->second, u, o)) return it->first;
  }
  return std::nullopt;
}

// Where undated `u` goes, re-using its last home where no dirty cluster
// before it could take it.
std::optional<Key> UndatedHome(const Scope& scope, const Node& u,
                               const std::set<Key>& dirty,
                               const MergeOptions& o) {
  if (!u.reuse || !u.home) return FirstFit(scope, u, Key{}, o);
  const Key& was = *u.home;
  for (auto it = dirty.begin(); it != dirty.end() && *it < was; ++it) {
    auto c = scope.clusters.find(*it);
    if (c != scope.clusters.end() && FitsUndated(c->second, u, o)) return *it;
  }
  if (was == u.key) return std::nullopt;  // it founded its cluster
  if (!dirty.count(was)) return was;
  return FirstFit(scope, u, was, o);
}

// Records that `n` now sits in `now` (nullopt: nowhere) where it sat in
// n.home before: a different place dirties both clusters.
void Moved(const Node& n, const std::optional<Key>& now, std::set<Key>* dirty) {
  if (n.reuse && n.live && n.home == now) return;
  if (n.home) dirty->insert(*n.home);
  if (now) dirty->insert(*now);
}

void UndatedPhase(Scope* scope, const MergeOptions& o, std::set<Key>* dirty) {
  auto it = scope->nodes.lower_bound(Key{INT64_MAX, "", 0, 0, 0});
  for (; it != scope->nodes.end(); ++it) {
    Node* u = it->second.get();
    if (u->weak) {  // a non-weak one that turned weak leaves its cluster
      if (!u->was_weak && u->home) dirty->insert(*u->home);
      continue;
    }
    if (!u->live) {
      Moved(*u, std::nullopt, dirty);
      continue;
    }
    std::optional<Key> home = UndatedHome(*scope, *u, *dirty, o);
    Key k = home ? *home : u->key;
    scope->clusters[k].members.push_back(u);
    Moved(*u, k, dirty);
    u->home = k;
  }
}

// Whether merge.cc's index offers cluster `c` to weak mention `w`.
bool Candidate(const Cluster& c, const Node& w) {
  if (!w.dated) return true;  // every cluster of its country
  size_t end = c.weak_begin();
  for (size_t i = 0; i < end; ++i) {
    const Node& n = *c.members[i];
    if (n.dated && n.key.day >= w.key.day - 1 && n.key.day <= w.key.day + 1)
      return true;
    if (w.named && n.m.actor2 == w.m.actor2) return true;
  }
  return false;
}

bool FitsWeak(const Cluster& c, const Node& w) {
  if (c.members.empty() || c.members.front()->m.kind != w.m.kind ||
      !Candidate(c, w)) {
    return false;
  }
  return std::all_of(c.members.begin(), c.members.end(), [&](const Node* n) {
    return merge_internal::WeakFits(n->m, w.m);
  });
}

// The keys in `keyed` (clusters or cluster keys, in key order) that can be
// candidates of weak `w` (Candidate): all of them for an undated `w` or in
// a scope with named victims; otherwise those keyed two days before `w`'s
// day to one after (a cluster's key is its first member's, and without
// named victims a cluster spans at most two consecutive days).
template <typename Keyed>
auto CandidateRange(const Keyed& keyed, const Scope& scope, const Node& w) {
  if (!w.dated || scope.named != 0)
    return std::make_pair(keyed.begin(), keyed.end());
  return std::make_pair(keyed.lower_bound(Key{w.key.day - 2, "", 0, 0, 0}),
                        keyed.lower_bound(Key{w.key.day + 2, "", 0, 0, 0}));
}

// Sets w->weak_fits to the candidate clusters weak `w` fits: past answers
// of clean clusters, fresh answers of dirty ones (of every cluster for a
// new mention). Unchanged (not rewritten) when no dirty cluster is among
// its past fits or candidates.
void UpdateWeakFits(const Scope& scope, Node* w, const std::set<Key>& dirty) {
  std::vector<Key> fits;
  if (w->reuse) {
    auto [from, to] = CandidateRange(dirty, scope, *w);
    bool stale = std::any_of(w->weak_fits.begin(), w->weak_fits.end(),
                             [&](const Key& k) { return dirty.count(k); });
    if (!stale && from == to) return;
    for (const Key& k : w->weak_fits) {
      if (!dirty.count(k)) fits.push_back(k);
    }
    for (auto it = from; it != to; ++it) {
      auto c = scope.clusters.find(*it);
      if (c != scope.clusters.end() && FitsWeak(c->second, *w))
        fits.push_back(*it);
    }
    std::sort(fits.begin(), fits.end());
  } else {
    auto [from, to] = CandidateRange(scope.clusters, scope, *w);
    for (auto it = from; it != to; ++it) {
      if (FitsWeak(it->second, *w)) fits.push_back(it->first);
    }
  }
  w->weak_fits = std::move(fits);
}

void WeakPhase(Scope* scope, std::set<Key>* dirty) {
  for (const auto& [key, w] : scope->weak) {
    if (!w->weak) continue;  // weak in the last result only
    if (!w->live) {
      Moved(*w, std::nullopt, dirty);
      continue;
    }
    UpdateWeakFits(*scope, w, *dirty);
    std::optional<Key> home;
    if (w->weak_fits.size() == 1) home = w->weak_fits.front();
    if (home) scope->clusters.at(*home).members.push_back(w);
    Moved(*w, home, dirty);
    w->home = home;
  }
}

}  // namespace

std::set<Key> UpdateScope(Scope* scope, const MergeOptions& options,
                          int64_t* replayed_days) {
  std::set<Key> dirty = DatedPhase(scope, options, replayed_days);
  std::vector<ClusterIt> emptied = StripLateMembers(scope, dirty);
  UndatedPhase(scope, options, &dirty);
  WeakPhase(scope, &dirty);
  for (ClusterIt it : emptied) {  // not re-founded: no cluster any more
    if (it->second.members.empty()) scope->clusters.erase(it);
  }
  return dirty;
}

}  // namespace sitrep::incremental_internal
