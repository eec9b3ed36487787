// IncrementalMerge, dated phase: the greedy clustering of dated non-weak
// mentions replayed from each changed day until it converges (one window
// per run of changed days: an article's mentions may lie months apart).
//
// Why it may stop: a dated mention of day d is compared with the clusters
// holding a member of day d-1..d+1 and those sharing its named victim
// (ClusterIndex in merge.cc), and without a named victim a cluster spans at
// most two consecutive days (two stated days must agree within one). So
// once the clusters holding a member of day D equal the stored ones (up to
// D), every later decision is the stored one. Named victims link clusters
// across any days: with them, the clusters holding one must equal the
// stored ones too.
#include <algorithm>
#include <map>
#include <string>

#include "merge/incremental_internal.h"

namespace sitrep::incremental_internal {
namespace {

// A cluster being replayed.
struct Replayed {
  Key key;
  std::vector<Node*> members;  // dated, non-weak, canonical order
  bool touches(int64_t day) const {
    return std::any_of(members.begin(), members.end(),
                       [&](const Node* n) { return n->key.day == day; });
  }
};

// The replay's clusters and the blocking index of merge.cc (one country).
class Replay {
 public:
  explicit Replay(const MergeOptions& o) : options_(o) {}
  // Starts a cluster from a stored one, restricted to days before `day0`.
  // REQUIRES: seeded in key order, before IndexSeeds and Place.
  void Seed(const Key& key, const Cluster& c, int64_t day0);
  void IndexSeeds();
  // Runs one mention through the greedy step.
  void Place(Node* n);
  std::vector<Replayed>& clusters() { return clusters_; }

 private:
  void Index(size_t c, const Node* n);
  std::vector<size_t> Candidates(const Node& n) const;
  const MergeOptions& options_;
  std::vector<Replayed> clusters_;  // creation order = key order
  std::map<int64_t, std::vector<size_t>> by_day_;
  std::map<std::string, std::vector<size_t>> by_actor_;
};

void Replay::Index(size_t c, const Node* n) {
  auto push = [c](std::vector<size_t>* v) {
    if (v->empty() || v->back() != c) v->push_back(c);
  };
  push(&by_day_[n->key.day]);
  if (n->named) push(&by_actor_[n->m.actor2]);
}

void Replay::Seed(const Key& key, const Cluster& c, int64_t day0) {
  Replayed r{key, {}};
  for (Node* n : c.members) {
    if (n->dated && !n->was_weak && n->key.day < day0) r.members.push_back(n);
  }
  if (r.members.empty()) return;
  clusters_.push_back(std::move(r));
}

std::vector<size_t> Replay::Candidates(const Node& n) const {
  std::vector<size_t> out;
  auto take = [&](const auto& map, const auto& key) {
    auto it = map.find(key);
    if (it != map.end())
      out.insert(out.end(), it->second.begin(), it->second.end());
  };
  for (int64_t d = n.key.day - 1; d <= n.key.day + 1; ++d) take(by_day_, d);
  if (n.named) take(by_actor_, n.m.actor2);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void Replay::IndexSeeds() {
  for (size_t c = 0; c < clusters_.size(); ++c) {
    for (const Node* m : clusters_[c].members) Index(c, m);
  }
}

void Replay::Place(Node* n) {
  for (size_t c : Candidates(*n)) {
    auto& members = clusters_[c].members;
    if (members.front()->m.kind != n->m.kind) continue;
    if (!std::all_of(members.begin(), members.end(), [&](const Node* o) {
          return merge_internal::SameEvent(o->m, n->m, options_);
        })) {
      continue;
    }
    members.push_back(n);
    Index(c, n);
    return;
  }
  clusters_.push_back(Replayed{n->key, {n}});
  Index(clusters_.size() - 1, n);
}

// The stored cluster's dated non-weak members up to `day`, as they were
// (removed ones included).
std::vector<Node*> StoredUpTo(const Cluster& c, int64_t day) {
  std::vector<Node*> out;
  for (Node* n : c.members) {
    if (n->dated && !n->was_weak && n->key.day <= day) out.push_back(n);
  }
  return out;
}

bool Unchanged(const std::vector<Node*>& now, const std::vector<Node*>& was) {
  if (now != was) return false;
  return std::all_of(now.begin(), now.end(),
                     [](const Node* n) { return n->reuse && n->live; });
}

// Whether the clusters open after day `day` equal the stored ones.
bool OpenConverged(const Scope& scope, Replay& replay, int64_t day) {
  std::set<Key> stored_open;
  for (auto it = scope.nodes.lower_bound(Key{day, "", 0, 0, 0});
       it != scope.nodes.end() && it->second->key.day == day; ++it) {
    const Node& n = *it->second;
    if (!n.was_weak && n.home) stored_open.insert(*n.home);
  }
  size_t open = 0;
  for (const Replayed& r : replay.clusters()) {
    if (!r.touches(day)) continue;
    ++open;
    auto c = scope.clusters.find(r.key);
    if (c == scope.clusters.end() || !stored_open.count(r.key)) return false;
    if (!Unchanged(r.members, StoredUpTo(c->second, day))) return false;
  }
  return open == stored_open.size();
}

// With named victims: whether every cluster holding one (which a later
// mention naming the same victim is offered whatever its day) equals the
// stored one up to `day`: those replayed, and the stored ones of the
// window's days [day0, day] (the earlier ones were seeded).
bool NamedConverged(const Scope& scope, Replay& replay, int64_t day0,
                    int64_t day) {
  std::map<Key, const Replayed*> by_key;
  for (const Replayed& r : replay.clusters()) by_key[r.key] = &r;
  auto unchanged = [&](const Key& k, const Replayed& r) {
    auto c = scope.clusters.find(k);
    return c != scope.clusters.end() &&
           Unchanged(r.members, StoredUpTo(c->second, day));
  };
  for (const Replayed& r : replay.clusters()) {
    bool named = std::any_of(r.members.begin(), r.members.end(),
                             [](const Node* n) { return n->named; });
    if (named && !unchanged(r.key, r)) return false;
  }
  for (auto it = scope.named_keys.lower_bound(Key{day0, "", 0, 0, 0});
       it != scope.named_keys.end() && it->day <= day; ++it) {
    const Node& n = *scope.nodes.at(*it);
    if (!n.was_named || n.was_weak || !n.home) continue;
    auto r = by_key.find(*n.home);
    if (r == by_key.end() || !unchanged(r->first, *r->second)) return false;
  }
  return true;
}

bool Converged(const Scope& scope, Replay& replay, int64_t day0, int64_t day) {
  if (!OpenConverged(scope, replay, day)) return false;
  return scope.named == 0 || NamedConverged(scope, replay, day0, day);
}

// The first day from `from` on of a changed dated non-weak mention.
bool NextChangedDay(const Scope& scope, int64_t from, int64_t* day) {
  for (auto it = scope.changed.lower_bound(Key{from, "", 0, 0, 0});
       it != scope.changed.end(); ++it) {
    const Node& n = *scope.nodes.at(*it);
    if (!n.dated) break;  // undated ones sort last
    if ((n.weak && n.was_weak) || (n.live && n.reuse)) continue;
    *day = it->day;
    return true;
  }
  return false;
}

// Stored clusters the replay from `day0` starts from: those holding a
// member of the day before, and those with a named victim before `day0`.
std::set<Key> Seeds(const Scope& scope, int64_t day0) {
  std::set<Key> seeds;
  auto from = scope.nodes.lower_bound(Key{day0 - 1, "", 0, 0, 0});
  auto to = scope.nodes.lower_bound(Key{day0, "", 0, 0, 0});
  for (auto it = from; it != to; ++it) {
    const Node& n = *it->second;
    if (!n.was_weak && n.home) seeds.insert(*n.home);
  }
  if (scope.named == 0) return seeds;
  for (auto it = scope.named_keys.begin();
       it != scope.named_keys.end() && it->day < day0; ++it) {
    const Node& n = *scope.nodes.at(*it);
    if (n.was_named && !n.was_weak && n.home) seeds.insert(*n.home);
  }
  return seeds;
}

// Replays days [day0, ...) until converged (at the earliest after day0);
// returns the last day replayed (INT64_MIN when none).
int64_t RunReplay(const Scope& scope, Replay* replay, int64_t day0,
                  int64_t* days) {
  int64_t day = INT64_MIN;
  for (auto it = scope.nodes.lower_bound(Key{day0, "", 0, 0, 0});
       it != scope.nodes.end() && it->second->dated; ++it) {
    Node* n = it->second.get();
    if (n->key.day != day) {
      if (day >= day0 && Converged(scope, *replay, day0, day)) break;
      day = n->key.day;
      ++*days;
    }
    if (!n->weak && n->live) replay->Place(n);
  }
  return day;
}

// Dated non-weak members of a stored cluster (removed ones included).
std::vector<Node*> DatedMembers(const Cluster& c) {
  return StoredUpTo(c, INT64_MAX - 1);
}

// One window of the dated phase: replays from changed day `day0` until
// the open clusters equal the stored ones and writes the replayed clusters'
// dated members into `scope` (undated and weak members are re-placed by the
// later phases). Adds the keys of clusters whose dated members changed to
// `dirty`; returns the last day replayed.
int64_t DatedWindow(Scope* scope, const MergeOptions& options, int64_t day0,
                    int64_t* days, std::set<Key>* dirty) {
  Replay replay(options);
  std::set<Key> replaced = Seeds(*scope, day0);
  for (const Key& k : replaced) replay.Seed(k, scope->clusters.at(k), day0);
  replay.IndexSeeds();
  int64_t end = RunReplay(*scope, &replay, day0, days);
  for (auto it = scope->nodes.lower_bound(Key{day0, "", 0, 0, 0});
       it != scope->nodes.end() && it->second->key.day <= end; ++it) {
    const Node& n = *it->second;
    if (!n.was_weak && n.home) replaced.insert(*n.home);
  }
  std::map<Key, std::vector<Node*>> fresh;
  for (Replayed& r : replay.clusters()) fresh[r.key] = std::move(r.members);
  for (const Key& k : replaced) {
    auto c = scope->clusters.find(k);
    std::vector<Node*> was = DatedMembers(c->second);
    auto f = fresh.find(k);
    if (f != fresh.end()) {  // the stored members after the replayed days
      // (removed ones too: a later window compares with them; they make
      // the cluster dirty, and StripLateMembers drops them)
      for (Node* n : was) {
        if (n->key.day > end) f->second.push_back(n);
      }
    }
    if (f == fresh.end() || !Unchanged(f->second, was)) dirty->insert(k);
    scope->clusters.erase(c);
  }
  for (auto& [k, members] : fresh) {
    if (!replaced.count(k)) dirty->insert(k);
    for (Node* n : members) {
      // A weak one turned non-weak leaves the cluster it sat in as weak.
      if (n->was_weak && n->home) dirty->insert(*n->home);
      n->home = k;
    }
    scope->clusters[k].members = std::move(members);
  }
  return end;
}

}  // namespace

size_t Cluster::weak_begin() const {
  size_t i = 0;
  while (i < members.size() && !members[i]->weak) ++i;
  return i;
}

// The dated phase: one replay window per run of changed days (a window
// ends where the clustering converges; days between windows keep their
// stored clusters). Returns the keys of clusters whose dated members
// changed.
std::set<Key> DatedPhase(Scope* scope, const MergeOptions& options,
                         int64_t* days) {
  std::set<Key> dirty;
  int64_t from = INT64_MIN, day0;
  while (NextChangedDay(*scope, from, &day0)) {
    int64_t end = DatedWindow(scope, options, day0, days, &dirty);
    from = std::max(end, day0) + 1;
  }
  return dirty;
}

namespace {

// Whether the late phases place `n` (an undated or weak mention).
bool Late(const Node* n) { return n->weak || !n->dated; }

}  // namespace

// Leaves only the dated non-weak members in the clusters of `scope` (those
// an undated mention founded are left empty), for the later phases. Only
// clusters holding other members are visited: the homes of undated and
// weak nodes (now or in the last result) and the clusters the dated phase
// changed (`dirty`). A clean cluster is as in the last result but for the
// late members, which end its list: they are popped, its dated members not
// even read. A dirty one may also hold removed members and weak ones no
// longer weak (whose home moved): each member is checked.
std::vector<ClusterIt> StripLateMembers(Scope* scope,
                                        const std::set<Key>& dirty) {
  std::vector<ClusterIt> emptied;
  for (const Key& k : dirty) {
    auto it = scope->clusters.find(k);
    if (it == scope->clusters.end() || it->second.members.empty()) continue;
    std::erase_if(it->second.members, [&](const Node* n) {
      return Late(n) || !n->live || n->home != it->first;
    });
    if (it->second.members.empty()) emptied.push_back(it);
  }
  auto pop = [&](const Node& n) {
    if (!n.home) return;
    auto it = scope->clusters.find(*n.home);
    if (it == scope->clusters.end()) return;
    auto& m = it->second.members;
    if (m.empty() || !Late(m.back())) return;  // stripped already
    while (!m.empty() && Late(m.back())) m.pop_back();
    if (m.empty()) emptied.push_back(it);
  };
  for (auto it = scope->nodes.lower_bound(Key{INT64_MAX, "", 0, 0, 0});
       it != scope->nodes.end(); ++it) {
    pop(*it->second);
  }
  for (const auto& [k, n] : scope->weak) pop(*n);
  return emptied;
}

}  // namespace sitrep::incremental_internal
