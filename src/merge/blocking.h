// Blocking keys: what two mentions must share to be compared at all.
//
// The window merge meets each mention with the clusters of a three-day
// window, and each closed cluster with the pending undated mentions. On a
// dense day (a busy country, a large corpus) most of those are in another
// town or give another toll, and each is rejected by SameEvent or WeakFits
// after a few field tests. The keys let a merge look up only the ones that
// may pass. They are a necessary condition, never a sufficient one: for
// two mentions of one kind (the merge compares no others),
//
//   SameEvent(a, b), or WeakFits(a, b) with b weak (as FitsAll asks it)
//     implies  Meet(Filed(a), Probe(b))  and  Meet(Filed(b), Probe(a)),
//
// where Meet is true when either side is wild or the two key lists share a
// key. So a merge that looks up candidates by keys, keeps their order
// and then runs the full test finds exactly what a scan of all would find.
// Hash collisions only add candidates. blocking_test.cc checks the
// implication on random pairs against the tests themselves.
//
// The keys of an incident (and of any weak mention) are its places' (its
// own place and the others it names; PlacesCompatible may match through
// either):
//  - a province (precision admin1) is filed under its province; Near
//    matches it with any place in that province;
//  - any other place is filed under its province (for those provinces) and
//    under its cell of a grid of 0.55 degrees of latitude by 1.2 of
//    longitude, and probes the nine cells around it: two places Near
//    each other are at most 60 km apart, i.e. within 0.54 degrees of
//    latitude and, up to 60 degrees north or south, 1.08 of longitude;
//  - a place further north or south than 60 degrees, or with no valid
//    coordinates, makes the mention wild, as does a country-level or
//    missing place (PlacesCompatible then matches on the country alone).
// Each place key is crossed with the type keys: the event type, and a
// protest group for the types TypesCompatible lets meet (Protests, Riots,
// and Violence against civilians with protesters among the actors).
// Tallies and aggregates (SameRecord) are filed under their kind and
// killed count; with no killed count they meet nothing. A weak one is wild
// (WeakFits asks for neither).
//
// Thread safety: pure functions.
#ifndef SITREP_MERGE_BLOCKING_H_
#define SITREP_MERGE_BLOCKING_H_

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/merge.h"

namespace sitrep::merge_internal {

struct BlockKeys {
  bool wild = false;           // meets every mention
  std::vector<uint64_t> keys;  // sorted, unique; empty when wild
};

// The keys a mention is filed under. Cost: O(places).
BlockKeys FiledKeys(const Mention& m);
// The keys that find every filed mention it may fit. Cost: O(places).
BlockKeys ProbeKeys(const Mention& m);
// Either is wild, or they share a key. Cost: O(keys).
bool Meet(const BlockKeys& filed, const BlockKeys& probe);

// Ids (clusters, mentions) filed under their keys, to find those a probe
// may meet. Ids are never removed: callers skip the ones gone.
class BlockIndex {
 public:
  // Cost: O(keys) hash inserts.
  void File(size_t id, const BlockKeys& filed);
  // Whether pred(id) holds for an id whose keys may meet `probe` (an id
  // filed under several keys may be asked more than once, in no set
  // order); stops at the first. Cost: O(keys + ids asked).
  template <typename Pred>
  bool Any(const BlockKeys& probe, Pred pred) const {
    auto any = [&](const std::vector<size_t>& ids) {
      for (size_t id : ids) {
        if (pred(id)) return true;
      }
      return false;
    };
    if (probe.wild) return any(all_);
    if (any(wild_)) return true;
    for (uint64_t k : probe.keys) {
      auto it = keyed_.find(k);
      if (it != keyed_.end() && any(it->second)) return true;
    }
    return false;
  }
  // Appends to *out every id Any would ask (repeats included, unsorted).
  void Find(const BlockKeys& probe, std::vector<size_t>* out) const {
    Any(probe, [out](size_t id) {
      out->push_back(id);
      return false;
    });
  }
  // The ids Find gives, in increasing order, once each.
  std::vector<size_t> Sorted(const BlockKeys& probe) const;

 private:
  std::vector<size_t> all_, wild_;
  std::unordered_map<uint64_t, std::vector<size_t>> keyed_;
};

// What a dated mention and an undated one must share to tell one event,
// beyond the keys: the window merge holds every undated mention of a scope
// pending until the end (most fit no dated cluster), and asks each of them
// that meets a closed cluster's keys whether it joins, so that in a large
// scope those tests grow as undated mentions times clusters. Like the
// keys, a necessary condition: for incidents `a` dated and `b` undated,
//
//   SameEvent(a, b)  implies  MayJoinUndated(GateOf(a), GateOf(b)).
//
// SameEvent lets an unknown day join a known one only for two local places
// (more precise than a country), one event type, and a casualty outcome
// both give a figure for (equal, or both non-zero), unless either article
// copies another or the victim is named; and two non-zero death tolls of
// its own must include a pair close enough (as for any two mentions).
// A copy, a named victim, a tally or aggregate, or more death tolls than
// the gate holds make a wild gate, which meets every other.
struct UndatedGate {
  static constexpr int kTolls = 4;
  bool wild = true;
  bool local = false;
  uint8_t outcomes = 0;  // bit o: gives a plausible figure for outcome o
  uint8_t tolls = 0;     // non-zero death tolls in `toll`
  size_t type = 0;       // hash of the event type
  int64_t toll[kTolls] = {};
};
// Cost: O(figures).
UndatedGate GateOf(const Mention& m, const MergeOptions& options);
// Cost: O(kTolls^2).
bool MayJoinUndated(const UndatedGate& a, const UndatedGate& b);

// Sorts and drops repeats: candidates found in increasing id order.
void SortUnique(std::vector<size_t>* ids);

}  // namespace sitrep::merge_internal

#endif  // SITREP_MERGE_BLOCKING_H_
