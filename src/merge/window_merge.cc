// WindowedScopeMerge: one scope's mentions merged in day windows, with the
// clusters no later mention can change made into events at once.
//
// Why it is exact (Cluster, merge.cc): non-weak mentions are placed in
// canonical order (dated ones first, by day), a dated one meeting the
// clusters with a member dated day-1..day+1 or sharing its named victim;
// undated ones then meet every cluster, weak ones last join the unique
// cluster they fit. So once the days read pass a cluster's last day + 1,
// and no member names a victim (which a later day may share), no dated
// mention can join it. The late mentions (undated, weak) are all known by
// then (undated ones are read first; a weak dated one more than a day
// after the cluster's last member fails WeakFits with it): a cluster that
// none of them fits (complete linkage) never changes, nor is it ever a
// late mention's choice, so it is an event at once. The others are kept
// and the undated and weak phases replayed over them in creation order.
#include "sitrep/window_merge.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "merge/internal.h"

namespace sitrep {

struct WindowedScopeMerge::Impl {
  struct Open {
    std::vector<Mention> members;  // creator first, in joining order
    int64_t last_day = 0;
    bool named = false;  // a member names its victim
  };
  MergeOptions options;
  CrossScopeParts* cross;
  EventSink sink;
  std::vector<Mention> late;  // undated non-weak and weak, as read
  std::map<std::string, std::vector<size_t>> late_by_type;  // into late
  bool dated_seen = false;
  int64_t day = 0;             // of `today`
  std::vector<Mention> today;  // dated non-weak of `day`, unsorted
  size_t created = 0;
  std::map<size_t, Open> open;  // by creation
  std::map<int64_t, std::vector<size_t>> by_day;
  std::map<std::string, std::vector<size_t>> by_actor;
  std::map<size_t, Open> kept;  // closed, late mentions may fit
  std::map<int64_t, std::set<size_t>> kept_days;  // Replay's index
  std::map<std::string, std::set<size_t>> kept_actors;
  WindowStats stats;

  Status PlaceDay();
  void Place(Mention m);
  Status Close(bool all);
  bool LateFits(const Open& c, bool weak) const;
  Status Emit(std::vector<Mention> members);
  Status Replay();
  bool FitsAll(const Open& o, const Mention& m) const;
  void IndexKept(size_t c, const Mention& m);
  void PlaceWeak(Mention m);
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
  } else {
    const int64_t d = m.date.ToDays();
    if (w.dated_seen && d < w.day) {
      return Status::Internal("windowed merge: mentions out of day order");
    }
    if (w.dated_seen && d > w.day) SITREP_RETURN_IF_ERROR(w.PlaceDay());
    w.dated_seen = true;
    w.day = d;
  }
  if (!m.date.valid() || m.weak) {
    w.late_by_type[m.event_type].push_back(w.late.size());
    w.late.push_back(std::move(m));
  } else {
    w.today.push_back(std::move(m));
  }
  return Status::OK();
}

Status WindowedScopeMerge::Finish() {
  Impl& w = *impl_;
  if (!w.today.empty()) SITREP_RETURN_IF_ERROR(w.PlaceDay());
  SITREP_RETURN_IF_ERROR(w.Close(true));
  return w.Replay();
}

const WindowStats& WindowedScopeMerge::stats() const { return impl_->stats; }

// The day's mentions in canonical order, placed as Cluster places them;
// then the clusters no later day can reach are closed.
Status WindowedScopeMerge::Impl::PlaceDay() {
  merge_internal::SortCanonically(&today);
  for (Mention& m : today) Place(std::move(m));
  std::vector<Mention>().swap(today);
  by_day.erase(by_day.begin(), by_day.lower_bound(day - 1));
  size_t held = 0;
  for (const auto& [c, o] : open) held += o.members.size();
  for (const auto& [c, o] : kept) held += o.members.size();
  stats.peak_held = std::max(stats.peak_held, held + late.size());
  return Close(false);
}

// As Cluster's FindHome over ClusterIndex::Candidates for a dated mention.
void WindowedScopeMerge::Impl::Place(Mention m) {
  const int64_t d = m.date.ToDays();
  std::vector<size_t> cands;
  for (int64_t x = d - 1; x <= d + 1; ++x) {
    auto it = by_day.find(x);
    if (it != by_day.end()) {
      cands.insert(cands.end(), it->second.begin(), it->second.end());
    }
  }
  const bool named = IsNamedActor(m.actor2);
  if (named) {
    auto it = by_actor.find(m.actor2);
    if (it != by_actor.end()) {
      cands.insert(cands.end(), it->second.begin(), it->second.end());
    }
  }
  std::sort(cands.begin(), cands.end());
  cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
  std::optional<size_t> home;
  for (size_t c : cands) {
    auto it = open.find(c);
    if (it == open.end()) continue;  // closed
    const std::vector<Mention>& ms = it->second.members;
    if (ms.front().kind != m.kind) continue;
    if (std::all_of(ms.begin(), ms.end(), [&](const Mention& o) {
          return merge_internal::SameEvent(o, m, options);
        })) {
      home = c;
      break;
    }
  }
  const size_t c = home ? *home : created++;
  std::vector<size_t>& days = by_day[d];
  if (days.empty() || days.back() != c) days.push_back(c);
  if (named) {
    std::vector<size_t>& actors = by_actor[m.actor2];
    if (actors.empty() || actors.back() != c) actors.push_back(c);
  }
  Open& o = open[c];
  o.last_day = d;
  o.named = o.named || named;
  o.members.push_back(std::move(m));
}

// Closes the open clusters no later dated mention can join (`all`: every
// one): made into events unless a late mention fits them.
Status WindowedScopeMerge::Impl::Close(bool all) {
  for (auto it = open.begin(); it != open.end();) {
    Open& o = it->second;
    if (!all && (o.named || o.last_day >= day)) {
      ++it;
      continue;
    }
    const bool undated_fits = LateFits(o, false);
    if (undated_fits || LateFits(o, true)) {
      kept.emplace(it->first, std::move(o));
      ++stats.kept;
      stats.kept_for_undated += undated_fits;
    } else {
      SITREP_RETURN_IF_ERROR(Emit(std::move(o.members)));
    }
    ++stats.clusters;
    it = open.erase(it);
  }
  return Status::OK();
}

// Does any late mention (weak or undated non-weak ones) fit every member
// (as FindHome's `fits`)? Blocked by event type: SameEvent needs
// compatible types, WeakFits equal ones.
bool WindowedScopeMerge::Impl::LateFits(const Open& c, bool weak) const {
  const Mention& first = c.members.front();
  const bool protesters =
      first.actor1 == "protesters" || first.actor2 == "protesters";
  for (const auto& [type, indices] : late_by_type) {
    const bool same_type = type == first.event_type;
    if (!same_type && first.kind == MentionKind::kIncident &&
        !TypesCompatible(first.event_type, protesters, type, true) &&
        !TypesCompatible(first.event_type, protesters, type, false)) {
      continue;
    }
    for (size_t i : indices) {
      const Mention& l = late[i];
      if (l.weak != weak || (weak && !same_type)) continue;
      if (FitsAll(c, l)) return true;
    }
  }
  return false;
}

// The event of a final cluster, or held in `cross` when an aggregate with
// parts (their owners may come later).
Status WindowedScopeMerge::Impl::Emit(std::vector<Mention> members) {
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

// Does `m` fit every member of `o` (as Cluster's FindHome)?
bool WindowedScopeMerge::Impl::FitsAll(const Open& o, const Mention& m) const {
  if (o.members.front().kind != m.kind) return false;
  return std::all_of(o.members.begin(), o.members.end(), [&](const Mention& x) {
    return m.weak ? merge_internal::WeakFits(x, m)
                  : merge_internal::SameEvent(x, m, options);
  });
}

// As ClusterIndex::Add, for the kept clusters.
void WindowedScopeMerge::Impl::IndexKept(size_t c, const Mention& m) {
  if (m.date.valid()) kept_days[m.date.ToDays()].insert(c);
  if (IsNamedActor(m.actor2)) kept_actors[m.actor2].insert(c);
}

// A weak mention joins the only kept cluster among its candidates
// (ClusterIndex::Candidates) it fits, or none.
void WindowedScopeMerge::Impl::PlaceWeak(Mention m) {
  std::set<size_t> cands;
  auto take = [&](const auto& map, const auto& key) {
    auto it = map.find(key);
    if (it != map.end()) cands.insert(it->second.begin(), it->second.end());
  };
  if (m.date.valid()) {
    const int64_t d = m.date.ToDays();
    for (int64_t x = d - 1; x <= d + 1; ++x) take(kept_days, x);
    if (IsNamedActor(m.actor2)) take(kept_actors, m.actor2);
  } else {
    for (const auto& [c, o] : kept) cands.insert(c);
  }
  std::optional<size_t> home;
  for (size_t c : cands) {
    if (!FitsAll(kept[c], m)) continue;
    if (home) return;  // not the only one
    home = c;
  }
  if (home) kept[*home].members.push_back(std::move(m));
}

// The undated phase, then the weak one, of Cluster over the kept clusters
// (every cluster a late mention fits), in creation order; then their events.
Status WindowedScopeMerge::Impl::Replay() {
  merge_internal::SortCanonically(&late);
  late_by_type.clear();
  for (const auto& [c, o] : kept) {
    for (const Mention& m : o.members) IndexKept(c, m);
  }
  for (Mention& m : late) {  // undated, non-weak: the first that fits
    if (m.weak) continue;
    std::optional<size_t> home;
    for (const auto& [c, o] : kept) {
      if (FitsAll(o, m)) {
        home = c;
        break;
      }
    }
    const size_t c = home ? *home : created++;
    IndexKept(c, m);
    kept[c].members.push_back(std::move(m));
  }
  for (Mention& m : late) {
    if (m.weak) PlaceWeak(std::move(m));
  }
  std::vector<Mention>().swap(late);
  for (auto& [c, o] : kept) SITREP_RETURN_IF_ERROR(Emit(std::move(o.members)));
  kept.clear();
  return Status::OK();
}

}  // namespace sitrep
