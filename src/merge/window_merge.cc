// WindowedScopeMerge: one scope's mentions merged in day windows, each
// cluster made into its event as soon as no later mention can change it.
//
// Why it is exact (Cluster, merge.cc). Non-weak mentions are placed in
// canonical order: dated ones first, by day, a dated one meeting the
// clusters with a member dated day-1..day+1 or sharing its named victim;
// then each undated one joins the first cluster, in creation order, every
// member of which it fits (or makes one); last, each weak one joins the
// only cluster among its candidates it fits, or none. Complete linkage
// makes every test monotone: a mention that does not fit a cluster never
// fits it once the cluster has more members.
//  - Dated phase: once the days read pass a cluster's last day + 1 and no
//    member names a victim (a later day may share it), no dated mention
//    can join it: it is closed.
//  - Undated phase, as a sweep over the clusters in creation order: at a
//    closed cluster, the pending undated mentions (all read first) that fit
//    it join it, in canonical order, exactly as each would find it first;
//    an open cluster is passed when no pending one fits it, else the sweep
//    waits for it to close. Behind the sweep a cluster's undated members
//    are final; ahead of it too when no pending undated mention fits it.
//    At the end the mentions still pending make and join their clusters.
//  - Weak phase, in canonical order: a dated weak mention can only fit
//    clusters all dated members of which are within a day of its own (its
//    window), and the clusters undated ones make (through a named victim).
//    It is decided once every cluster it fits is settled (closed, undated
//    members final) and no earlier pending weak one fits their non-weak
//    members (which could change them before its turn): it joins the only
//    one, or none. Fitting two settled clusters no earlier one can change
//    drops it at once (undated weak mentions too).
// A settled cluster that no pending weak mention fits is made into its
// event at once: no later mention can join it.
// Every lookup of candidates (a day window's clusters, the pending undated
// and weak mentions a cluster may take, the clusters the remaining undated
// ones make) goes through blocking keys (blocking.h). They are a necessary
// condition of every test above, so the candidates found, in the same
// order, hold every one the tests would pass: the first fit is the same.
// So is the gate (UndatedGate) a pending undated mention must meet, its
// own against the cluster's creator's, before it is tested against the
// members: without it those tests grew as the scope's undated mentions
// times its clusters.
#include "sitrep/window_merge.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "merge/blocking.h"
#include "merge/internal.h"

namespace sitrep {

using merge_internal::BlockIndex;
using merge_internal::BlockKeys;

struct WindowedScopeMerge::Impl {
  static constexpr int64_t kNoDay = INT64_MIN;
  struct Cluster {
    std::vector<Mention> members;      // creator first, in joining order
    int64_t last_day = 0;              // of the dated members
    int64_t loose_day = kNoDay;        // the last filed in `loose_by_day`
    int64_t stated_day = kNoDay;       // of its DayStated ones (SameEvent: one)
    bool named = false;                // a dated member names its victim
    bool closed = false;               // no dated mention can join it
    bool swept = false;                // no pending undated mention can join it
    bool settled = false;              // closed, its undated members final
    bool kept = false;                 // counted in stats.kept
    BlockKeys filed, probe;            // its creator's (blocking.h)
    merge_internal::UndatedGate gate;  // its creator's (wild if undated)
  };
  struct Weak {
    Mention m;
    BlockKeys probe;           // dated: m's, to find its window's clusters
    std::vector<size_t> fits;  // undated: settled clusters it fitted
    bool done = false;         // undated: decided (kept in place)
  };
  MergeOptions options;
  CrossScopeParts* cross;
  EventSink sink;
  bool dated_seen = false;
  int64_t day = 0;  // of `today`
  std::vector<Mention> today;
  std::vector<Mention> today_weak;
  std::vector<Mention> undated;  // non-weak; canonical order once sorted
  std::vector<size_t> pending;   // into `undated`, undecided, in order
  std::vector<char> is_pending;  // per undated mention
  std::vector<merge_internal::UndatedGate> gates;  // per undated mention
  BlockIndex undated_index;                        // `undated` by position
  std::unordered_map<std::string, size_t> pending_victims;  // named, count
  std::deque<Weak> weak;           // dated, undecided, in canonical order
  std::vector<Weak> undated_weak;  // in canonical order (last)
  size_t undated_weak_left = 0;    // not done
  BlockIndex undated_weak_index;   // `undated_weak` by position
  size_t created = 0;
  size_t sweep = 0;                      // clusters before it are swept
  std::map<size_t, Cluster> clusters;    // made, not yet events
  std::map<int64_t, BlockIndex> by_day;  // clusters with dated members
  // Of those, the ones with a member that day whose day is not stated
  // (DayStated): only these may take a stated mention a day off.
  std::map<int64_t, BlockIndex> loose_by_day;
  std::map<std::string, std::vector<size_t>> by_actor;  // named victims
  std::set<size_t> waiting;  // settled, a pending weak mention fits it
  WindowStats stats;

  Status StartDated();
  Status PlaceDay();
  void Place(Mention m);
  void Close(bool all);
  void Sweep();
  bool PendingUndatedFits(const Cluster& c) const;
  bool MayJoin(const Cluster& c, size_t i) const;
  void Settle(size_t id, Cluster& c);
  bool PendingWeakFits(const Cluster& c) const;
  void ResolveWeak(bool final);
  bool DecideWeak(Weak& w, bool final, std::set<size_t>* blocked);
  std::vector<size_t> WeakCandidates(const Weak& w, bool final) const;
  std::vector<size_t> DayCandidates(int64_t day, const std::string* actor,
                                    const BlockKeys& probe,
                                    bool stated = false) const;
  bool WeakComplete(const Weak& w, bool final) const;
  Status EmitWaiting();
  Status Emit(size_t id);
  bool FitsAll(const Cluster& c, const Mention& m, bool base = false) const;
  void Index(size_t id, const Mention& m);
  void Unpend(size_t i);
  void PlaceRemainingUndated();
  void CountHeld();
};

WindowedScopeMerge::WindowedScopeMerge(const MergeOptions& options,
                                       CrossScopeParts* cross,
                                       const EventSink& sink)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->cross = cross;
  impl_->sink = sink;
}

WindowedScopeMerge::~WindowedScopeMerge() = default;

void WindowedScopeMerge::WantParts(const Mention& aggregate) {
  impl_->cross->Want(aggregate);
}

Status WindowedScopeMerge::Add(Mention m) {
  Impl& w = *impl_;
  if (!m.date.valid()) {
    if (w.dated_seen) {
      return Status::Internal("windowed merge: undated mention after dated");
    }
    if (m.weak) {
      w.undated_weak.push_back({std::move(m), {}, {}});
    } else {
      w.undated.push_back(std::move(m));
    }
    return Status::OK();
  }
  const int64_t d = m.date.ToDays();
  if (!w.dated_seen) {
    SITREP_RETURN_IF_ERROR(w.StartDated());
  } else if (d < w.day) {
    return Status::Internal("windowed merge: mentions out of day order");
  } else if (d > w.day) {
    SITREP_RETURN_IF_ERROR(w.PlaceDay());
  }
  w.dated_seen = true;
  w.day = d;
  (m.weak ? w.today_weak : w.today).push_back(std::move(m));
  return Status::OK();
}

Status WindowedScopeMerge::Finish() {
  Impl& w = *impl_;
  if (!w.dated_seen) SITREP_RETURN_IF_ERROR(w.StartDated());
  if (!w.today.empty() || !w.today_weak.empty()) {
    SITREP_RETURN_IF_ERROR(w.PlaceDay());
  }
  w.Close(true);
  w.Sweep();
  w.PlaceRemainingUndated();
  for (auto& [id, c] : w.clusters) {
    if (!c.settled) w.Settle(id, c);
  }
  w.ResolveWeak(true);
  while (!w.clusters.empty()) {
    SITREP_RETURN_IF_ERROR(w.Emit(w.clusters.begin()->first));
  }
  return Status::OK();
}

const WindowStats& WindowedScopeMerge::stats() const { return impl_->stats; }

// The undated mentions are all read: into canonical order.
Status WindowedScopeMerge::Impl::StartDated() {
  merge_internal::SortCanonically(&undated);
  std::sort(undated_weak.begin(), undated_weak.end(),
            [](const Weak& a, const Weak& b) {
              return merge_internal::CanonicalKey(a.m) <
                     merge_internal::CanonicalKey(b.m);
            });
  is_pending.assign(undated.size(), 1);
  gates.reserve(undated.size());
  for (size_t i = 0; i < undated.size(); ++i) {
    pending.push_back(i);
    gates.push_back(merge_internal::GateOf(undated[i], options));
    undated_index.File(i, merge_internal::FiledKeys(undated[i]));
    if (IsNamedActor(undated[i].actor2)) ++pending_victims[undated[i].actor2];
  }
  undated_weak_left = undated_weak.size();
  for (size_t i = 0; i < undated_weak.size(); ++i) {
    undated_weak_index.File(i, merge_internal::FiledKeys(undated_weak[i].m));
  }
  return Status::OK();
}

// The day's mentions in canonical order, placed as Cluster places them;
// then the clusters no later day can reach are closed, the sweep and the
// weak phase go as far as they can.
Status WindowedScopeMerge::Impl::PlaceDay() {
  merge_internal::SortCanonically(&today);
  for (Mention& m : today) Place(std::move(m));
  std::vector<Mention>().swap(today);
  merge_internal::SortCanonically(&today_weak);
  for (Mention& m : today_weak) {
    BlockKeys probe = merge_internal::ProbeKeys(m);
    weak.push_back({std::move(m), std::move(probe), {}});
  }
  std::vector<Mention>().swap(today_weak);
  Close(false);
  Sweep();
  ResolveWeak(false);
  CountHeld();
  SITREP_RETURN_IF_ERROR(EmitWaiting());
  // The days the next dated mentions and the pending weak ones meet.
  int64_t keep = day - 1;
  if (!weak.empty()) keep = std::min(keep, weak.front().m.date.ToDays() - 1);
  by_day.erase(by_day.begin(), by_day.lower_bound(keep));
  loose_by_day.erase(loose_by_day.begin(), loose_by_day.lower_bound(keep));
  return Status::OK();
}

void WindowedScopeMerge::Impl::CountHeld() {
  size_t held = undated.size() + undated_weak_left + weak.size();
  for (const auto& [id, c] : clusters) held += c.members.size();
  stats.peak_held = std::max(stats.peak_held, held);
}

// As Cluster's FindHome over ClusterIndex::Candidates for a dated mention.
void WindowedScopeMerge::Impl::Place(Mention m) {
  const int64_t d = m.date.ToDays();
  const bool named = IsNamedActor(m.actor2);
  BlockKeys probe = merge_internal::ProbeKeys(m);
  const bool stated = merge_internal::DayStated(m);
  const std::vector<size_t> cands =
      DayCandidates(d, named ? &m.actor2 : nullptr, probe, stated);
  std::optional<size_t> home;
  for (size_t id : cands) {
    auto it = clusters.find(id);
    if (it == clusters.end() || it->second.closed) continue;
    const int64_t other = it->second.stated_day;
    if (stated && other != kNoDay && other != d) continue;  // as SameEvent
    if (FitsAll(it->second, m)) {
      home = id;
      break;
    }
  }
  const size_t id = home ? *home : created++;
  Cluster& c = clusters[id];
  if (!home) {
    c.filed = merge_internal::FiledKeys(m);
    c.probe = std::move(probe);
    c.gate = merge_internal::GateOf(m, options);
  }
  if (!home || c.last_day != d) by_day[d].File(id, c.filed);
  if (!stated && c.loose_day != d) {
    loose_by_day[d].File(id, c.filed);
    c.loose_day = d;
  }
  if (stated) c.stated_day = d;
  c.last_day = d;
  c.named = c.named || named;
  Index(id, m);
  c.members.push_back(std::move(m));
}

// Files a cluster under its member's named victim (by_day: Place).
void WindowedScopeMerge::Impl::Index(size_t id, const Mention& m) {
  if (!IsNamedActor(m.actor2)) return;
  std::vector<size_t>& list = by_actor[m.actor2];
  if (list.empty() || list.back() != id) list.push_back(id);
}

// Undated mention i is no longer pending (`pending` is compacted after).
void WindowedScopeMerge::Impl::Unpend(size_t i) {
  is_pending[i] = 0;
  if (!IsNamedActor(undated[i].actor2)) return;
  auto it = pending_victims.find(undated[i].actor2);
  if (--it->second == 0) pending_victims.erase(it);
}

// Closes the open clusters no later dated mention can join (`all`: every
// one); settles those no pending undated mention can join either.
void WindowedScopeMerge::Impl::Close(bool all) {
  for (auto& [id, c] : clusters) {
    if (c.closed || (!all && (c.named || c.last_day >= day))) continue;
    c.closed = true;
    ++stats.clusters;
    if (c.swept || !PendingUndatedFits(c)) {
      Settle(id, c);
    } else {
      ++stats.kept_for_undated;
    }
  }
}

// The undated phase over the clusters in creation order, as far as the
// first open cluster a pending undated mention fits.
void WindowedScopeMerge::Impl::Sweep() {
  for (auto it = clusters.lower_bound(sweep); it != clusters.end(); ++it) {
    Cluster& c = it->second;
    if (!c.closed) {
      if (PendingUndatedFits(c)) return;
    } else if (!c.settled) {  // pending ones that fit, in canonical order
      for (size_t i : undated_index.Sorted(c.probe)) {
        if (!MayJoin(c, i) || !FitsAll(c, undated[i])) continue;
        Unpend(i);
        c.members.push_back(std::move(undated[i]));
        Index(it->first, c.members.back());
      }
      std::erase_if(pending, [&](size_t i) { return !is_pending[i]; });
    }
    c.swept = true;
    sweep = it->first + 1;
    if (c.closed && !c.settled) Settle(it->first, c);
  }
}

// Does a pending undated mention fit every member? Only those whose keys
// meet the creator's may (blocking.h).
bool WindowedScopeMerge::Impl::PendingUndatedFits(const Cluster& c) const {
  if (pending.empty()) return false;
  return undated_index.Any(c.probe, [&](size_t i) {
    return MayJoin(c, i) && FitsAll(c, undated[i]);
  });
}

// May pending undated mention i join `c` (blocking.h's gate)?
bool WindowedScopeMerge::Impl::MayJoin(const Cluster& c, size_t i) const {
  return is_pending[i] && merge_internal::MayJoinUndated(c.gate, gates[i]);
}

// A cluster's non-weak members are final: the undated weak mentions that
// fit it note it; it waits to be made into its event (EmitWaiting).
void WindowedScopeMerge::Impl::Settle(size_t id, Cluster& c) {
  c.settled = true;
  for (size_t i : undated_weak_index.Sorted(c.probe)) {
    Weak& w = undated_weak[i];
    if (!w.done && FitsAll(c, w.m)) w.fits.push_back(id);
  }
  waiting.insert(id);
}

// Could a pending weak mention join it (its non-weak members fit)?
bool WindowedScopeMerge::Impl::PendingWeakFits(const Cluster& c) const {
  auto fits = [&](const Weak& w) { return FitsAll(c, w.m, true); };
  if (std::any_of(weak.begin(), weak.end(), fits)) return true;
  return undated_weak_index.Any(c.probe, [&](size_t i) {
    return !undated_weak[i].done && fits(undated_weak[i]);
  });
}

// The settled clusters no pending weak mention can join, made into events.
Status WindowedScopeMerge::Impl::EmitWaiting() {
  for (auto it = waiting.begin(); it != waiting.end();) {
    Cluster& c = clusters.at(*it);
    if (PendingWeakFits(c)) {
      if (!c.kept) ++stats.kept;
      c.kept = true;
      ++it;
      continue;
    }
    const size_t id = *it;
    it = waiting.erase(it);
    SITREP_RETURN_IF_ERROR(Emit(id));
  }
  return Status::OK();
}

// Does `m` fit every member of `c` (as Cluster's FindHome); `base`: every
// non-weak one.
bool WindowedScopeMerge::Impl::FitsAll(const Cluster& c, const Mention& m,
                                       bool base) const {
  if (c.members.front().kind != m.kind) return false;
  return std::all_of(c.members.begin(), c.members.end(), [&](const Mention& x) {
    if (base && x.weak) return true;
    return m.weak ? merge_internal::WeakFits(x, m)
                  : merge_internal::SameEvent(x, m, options);
  });
}

// The undated mentions no dated cluster took, in canonical order: each
// joins the first cluster made by an earlier one that it fits, or makes
// one.
void WindowedScopeMerge::Impl::PlaceRemainingUndated() {
  BlockIndex made;  // the clusters made here
  for (size_t i : pending) {
    Mention& m = undated[i];
    BlockKeys probe = merge_internal::ProbeKeys(m);
    std::optional<size_t> home;
    for (size_t id : made.Sorted(probe)) {
      if (FitsAll(clusters.at(id), m)) {
        home = id;
        break;
      }
    }
    const size_t id = home ? *home : created++;
    Cluster& c = clusters[id];
    if (!home) {
      c.filed = merge_internal::FiledKeys(m);
      c.probe = std::move(probe);
      made.File(id, c.filed);
    }
    c.closed = c.swept = true;
    Index(id, m);
    c.members.push_back(std::move(m));
  }
  pending.clear();
  std::vector<Mention>().swap(undated);
  std::vector<char>().swap(is_pending);
  std::vector<merge_internal::UndatedGate>().swap(gates);
  undated_index = BlockIndex();
  pending_victims.clear();
}

// The clusters a weak mention may fit now: for a dated one its window
// (and, at the end, the clusters sharing its named victim); for an
// undated one those it was found to fit when settled (at the end, all).
std::vector<size_t> WindowedScopeMerge::Impl::WeakCandidates(const Weak& w,
                                                             bool final) const {
  std::vector<size_t> cands;
  if (!w.m.date.valid()) {
    if (!final) return w.fits;
    for (const auto& [id, c] : clusters) cands.push_back(id);
    return cands;
  }
  const bool named = final && IsNamedActor(w.m.actor2);
  return DayCandidates(w.m.date.ToDays(), named ? &w.m.actor2 : nullptr,
                       w.probe);
}

// The clusters with a dated member on day-1..day+1 whose creator's keys
// meet `probe`, and (with `actor`) those naming that victim, in creation
// order, once each: of ClusterIndex::Candidates, all those the mention
// may fit (blocking.h). For a mention whose day is `stated` (DayStated),
// on day-1 and day+1 only the clusters with a member whose day is not:
// one with a stated member there has none on `day` (SameEvent) unless it
// is filed on `day` too.
std::vector<size_t> WindowedScopeMerge::Impl::DayCandidates(
    int64_t day, const std::string* actor, const BlockKeys& probe,
    bool stated) const {
  std::vector<size_t> cands;
  for (int64_t x = day - 1; x <= day + 1; ++x) {
    const auto& index = stated && x != day ? loose_by_day : by_day;
    auto it = index.find(x);
    if (it != index.end()) it->second.Find(probe, &cands);
  }
  if (actor) {
    auto it = by_actor.find(*actor);
    if (it != by_actor.end()) {
      cands.insert(cands.end(), it->second.begin(), it->second.end());
    }
  }
  merge_internal::SortUnique(&cands);
  return cands;
}

// Can no cluster it may fit appear any more? A dated weak mention's window
// is complete once the day after it is placed, unless a pending undated
// mention names its victim (the cluster it makes is a candidate).
bool WindowedScopeMerge::Impl::WeakComplete(const Weak& w, bool final) const {
  if (final) return true;
  if (!w.m.date.valid() || day < w.m.date.ToDays() + 1) return false;
  if (!IsNamedActor(w.m.actor2)) return true;
  return !pending_victims.count(w.m.actor2);
}

// The weak phase, in canonical order, as far as each mention is decided
// whatever the later mentions do (see the top of this file).
void WindowedScopeMerge::Impl::ResolveWeak(bool final) {
  std::set<size_t> blocked;  // an earlier pending weak mention may change
  size_t kept = 0;
  for (size_t i = 0; i < weak.size(); ++i) {
    if (DecideWeak(weak[i], final, &blocked)) continue;
    if (kept != i) weak[kept] = std::move(weak[i]);
    ++kept;
  }
  weak.resize(kept, Weak{});
  for (Weak& w : undated_weak) {  // kept in place: filed by position
    if (w.done || !DecideWeak(w, final, &blocked)) continue;
    w.done = true;
    --undated_weak_left;
  }
}

// Decides `w` if it can be (true), else notes the clusters it may change
// in *blocked.
bool WindowedScopeMerge::Impl::DecideWeak(Weak& w, bool final,
                                          std::set<size_t>* blocked) {
  std::vector<size_t> fits;
  bool all_settled = true, clear = true;
  size_t free = 0;  // settled, no earlier pending one may change it
  for (size_t id : WeakCandidates(w, final)) {
    auto it = clusters.find(id);
    if (it == clusters.end() || !FitsAll(it->second, w.m)) continue;
    fits.push_back(id);
    const bool settled = it->second.settled, open = !blocked->count(id);
    all_settled = all_settled && settled;
    clear = clear && open;
    free += settled && open;
  }
  if (free >= 2) return true;  // fits two at its turn: joins none
  if (WeakComplete(w, final) && all_settled && clear) {
    if (fits.size() == 1)
      clusters[fits.front()].members.push_back(std::move(w.m));
    return true;
  }
  for (size_t id : fits) {
    if (FitsAll(clusters[id], w.m, true)) blocked->insert(id);
  }
  if (!w.m.date.valid()) w.fits = std::move(fits);
  return false;
}

// The event of a settled cluster, or held in `cross` when an aggregate
// with parts (their owners may come later).
Status WindowedScopeMerge::Impl::Emit(size_t id) {
  auto node = clusters.extract(id);
  waiting.erase(id);
  std::vector<Mention> members = std::move(node.mapped().members);
  ++stats.events;
  cross->OfferCluster(members);
  const bool held = cross->WantsParts(members);
  Event e = merge_internal::MakeEvent(std::move(members), options);
  e.id = merge_internal::EventId(e);
  if (held) {
    cross->Hold(std::move(e));
    return Status::OK();
  }
  return sink(std::move(e));
}

}  // namespace sitrep
