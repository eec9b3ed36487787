// Merging one scope's mentions in day windows (bounded memory).
//
// Thread safety: a WindowedScopeMerge is used by one thread at a time
// (the sink is called on that thread). Cost: each dated mention is compared
// with the clusters of its day window (and of its named victim); each
// closing cluster with the pending undated mentions, and with the pending
// weak ones; in every case only with those whose blocking keys meet its
// own (src/merge/blocking.h: nearby places, compatible types, the same
// toll), so a denser day costs each mention the clusters near it. Memory: the scope's undated and weak
// mentions, the clusters of the last days, and the few an undecided
// undated or weak mention may still join (a named victim's clusters stay
// open to the end) — not the scope.
#ifndef SITREP_WINDOW_MERGE_H_
#define SITREP_WINDOW_MERGE_H_

#include <cstddef>
#include <memory>

#include "sitrep/merge.h"

namespace sitrep {

struct WindowStats {
  size_t clusters = 0;          // closed in the dated phase
  size_t kept = 0;              // settled, kept while a weak one may join
  size_t kept_for_undated = 0;  // closed, kept while an undated one may
  size_t events = 0;            // made (held aggregates included)
  size_t peak_held = 0;         // most mentions held at a day's end
};

// MergeScopeStreaming over the mentions of ONE scope handed over in day
// order, holding only the clusters a later mention may still change: the
// events (ids, members, parts, every field) are those MergeScopeStreaming
// makes; the order they reach `sink` differs. Aggregates with parts are
// held in `cross` (their owners may come later) until its Finish.
// Order of calls: WantParts with every aggregate of the scope; Add with
// every undated mention, then with every dated one by nondecreasing day
// (weak or not); Finish.
class WindowedScopeMerge {
 public:
  WindowedScopeMerge(const MergeOptions& options, CrossScopeParts* cross,
                     const EventSink& sink);
  ~WindowedScopeMerge();
  void WantParts(const Mention& aggregate);
  // Internal error when an undated mention follows a dated one or days go
  // back; the sink's first error.
  Status Add(Mention m);
  Status Finish();
  const WindowStats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_WINDOW_MERGE_H_
