// Internals of the merge stage.
#ifndef SITREP_MERGE_INTERNAL_H_
#define SITREP_MERGE_INTERNAL_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "sitrep/merge.h"

namespace sitrep::merge_internal {

// The canonical merge order of mentions: by date (unknown last), then
// article id, sentence, text start and place start. Unique per mention.
struct MentionOrder {
  int64_t day = 0;
  std::string article;
  int sentence = 0;
  uint32_t begin = 0, place = 0;
  friend auto operator<=>(const MentionOrder&, const MentionOrder&) = default;
};
MentionOrder CanonicalKey(const Mention& m);
// The indices of `mentions` in exactly the order std::sort with a
// CanonicalKey comparison gives (ties included), building each key once;
// with `days`, each mention's CanonicalKey day into (*days)[i].
std::vector<uint32_t> CanonicalOrder(const std::vector<Mention>& mentions,
                                     std::vector<int64_t>* days = nullptr);
// Sorts into CanonicalOrder.
void SortCanonically(std::vector<Mention>* mentions);

// "SR" + 16 hex digits of the smallest mention key of the event's mentions.
std::string EventId(const Event& e);
// The id of the event these mentions make: EventId of MakeEvent(mentions).
std::string ClusterId(const std::vector<Mention>& mentions);

// The events' mention lists, as indices into the mentions (in the order
// given, not sorted; they stay in place: moving each into its cluster would
// keep every mention's fixed part twice until the clustering ends).
struct Clusters {
  std::vector<Mention> mentions;
  std::vector<std::vector<uint32_t>> members;  // per event, in event order
  // ClusterId of event c's mentions.
  std::string Id(size_t c) const;
  // Moves event c's mentions out (in joining order), emptying it.
  std::vector<Mention> Take(size_t c);
};

// Groups mentions into events (canonical order, complete linkage, weak
// mentions last; see merge.h). Unplaced weak mentions are in no event.
Clusters Cluster(std::vector<Mention> mentions, const MergeOptions& options);

// May mentions `a` and `b` (of different articles) tell one event?
bool SameEvent(const Mention& a, const Mention& b, const MergeOptions& o);

// An incident whose day is stated (not its article's, nor a night's, either
// of which may be a day off): SameEvent holds between two such only when
// their days are one.
bool DayStated(const Mention& m);

// May weak mention `w` (no figure, day or place of its own) join an event
// that mention `m` belongs to?
bool WeakFits(const Mention& m, const Mention& w);

// Builds an event's fields from its mentions (no id yet).
Event MakeEvent(std::vector<Mention> mentions, const MergeOptions& o);

// The most frequent non-empty key(m) of `ms` (a std::string_view into m),
// the first to reach that count on a tie; "" when none. A few distinct
// values per event: counted in a vector, not a std::map of copies.
template <typename Key>
std::string ModeString(const std::vector<Mention>& ms, Key key) {
  if (ms.size() == 1) return std::string(key(ms.front()));  // no tally
  std::vector<std::pair<std::string_view, int>> n;
  std::string_view best;
  int top = 0;
  for (const auto& m : ms) {
    std::string_view k = key(m);
    if (k.empty()) continue;
    auto it = std::find_if(n.begin(), n.end(),
                           [&](const auto& e) { return e.first == k; });
    if (it == n.end()) it = n.insert(n.end(), {k, 0});
    if (++it->second > top) {
      top = it->second;
      best = k;
    }
  }
  return std::string(best);
}

// The notes of the mention sharing the most words (longer than three
// letters, any case) with the others: the event's notes.
std::string CentralNotes(const std::vector<Mention>& ms);

// A location's precision as PickLocation ranks it: city 0, admin2 1,
// admin1 2, country 3 (any other 0).
int PrecisionRank(std::string_view precision);

// Fills aggregates' `parts` with the ids of the events holding their parts.
void LinkParts(std::vector<Event>* events);
// LinkParts before the events are made: for each aggregate cluster (by
// index) that has parts, the `parts` LinkParts gives its event.
std::map<size_t, std::vector<std::string>> ClusterParts(
    const Clusters& clusters);
// The event of cluster `c` (taken out of `cs`) with its id and, when
// `parts` is given and the event is an aggregate, its parts moved out of
// `parts` (ClusterParts').
Event ClusterEvent(Clusters* cs, size_t c, const MergeOptions& options,
                   std::map<size_t, std::vector<std::string>>* parts);

}  // namespace sitrep::merge_internal

#endif  // SITREP_MERGE_INTERNAL_H_
