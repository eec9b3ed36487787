// Merging: one record per real-world event.
//
// Mentions from different articles that tell the same event are joined into
// one Event: same event-type family, compatible place (same place, within
// 25 km, or a city inside the named province), compatible date (within a
// day; an unknown date joins a known one only when place and type agree and
// a figure matches), never two mentions of one article. Clusters are built
// by complete linkage (a mention joins a cluster only if it is compatible
// with every member), so unrelated events cannot chain together. Mentions
// are processed in a canonical order, so the result is a pure function of
// the set of mentions: any ingest order gives the same events and ids.
//
// Figures: every source's figure is kept. The event's {low, best, high}
// follows UCDP GED: low = lowest credible figure, high = highest, best = the
// figure most independent sources support (ties: the most recent report);
// MergeOptions::conservative picks ACLED's lowest figure instead. A
// syndicated copy (see dedup.h) is not an independent source.
//
// Thread safety: pure functions. Costs: O(mentions x clusters) compatibility
// checks, each O(cluster size).
#ifndef SITREP_MERGE_H_
#define SITREP_MERGE_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/status.h"

namespace sitrep {

namespace merge_internal {
struct Clusters;
}  // namespace merge_internal

// One source's figure for one outcome of an event.
struct SourceFigure {
  std::string article_id;
  Figure figure;
  bool independent = true;  // false for a syndicated copy
};

struct Event {
  std::string id;  // "SR" + 16 hex digits, stable across runs
  MentionKind kind = MentionKind::kIncident;
  std::string event_type, sub_event_type;
  std::string actor1, actor2;
  std::optional<Location> location;
  CivilDay date;          // complete when known
  std::string date_rule;  // "text", "article", "weekday", "cluster", ...
  // Per outcome (index = Outcome): merged count and every source's figure.
  std::optional<Count> counts[kNumOutcomes];
  std::vector<SourceFigure> figures[kNumOutcomes];
  // True when fatalities are 0 only because injuries and no deaths were
  // reported (ACLED's convention), not because a source said "no one died".
  bool fatalities_implied = false;
  std::vector<Mention> mentions;           // the mentions it was made from
  std::vector<std::string> articles;       // sorted, unique
  std::vector<std::string> disagreements;  // human-readable, one per outcome
  std::string notes;    // the most central sentence across its mentions
  std::string source;   // tallies: who gives the figure
  std::string subject;  // tallies: what is counted
  std::vector<std::string> parts;  // aggregates: ids of the part events
  int n_sources = 0;               // independent articles
};

// The maps are hashed: the merge looks them up for every pair of mentions
// it compares and every figure it reconciles, and a tree of a million
// article ids costs ~20 string comparisons, cache misses each, a lookup.
struct MergeOptions {
  bool conservative = false;  // best = lowest figure (ACLED's convention)
  // article id -> id of the article it copies (from near-duplicate detection)
  std::unordered_map<std::string, std::string> copy_of;
  // article id -> publication day, for "most recent report" ties.
  std::unordered_map<std::string, CivilDay> published;
};

std::vector<Event> MergeMentions(std::vector<Mention> mentions,
                                 const MergeOptions& options);

// MergeMentions handing each event to `sink` as soon as it is made (id and
// aggregate parts set), in MergeMentions' order, and keeping none: memory
// is the mentions and the clusters, not every event at once. Stops at the
// first non-OK status `sink` returns, and returns it.
using EventSink = std::function<Status(Event&&)>;
Status MergeMentionsStreaming(std::vector<Mention> mentions,
                              const MergeOptions& options,
                              const EventSink& sink);

// Aggregates' parts across scopes, for merging each scope (country) alone
// with MergeScopeStreaming: events never span two scopes, and the one link
// across them is an aggregate's parts (sentences of its article), which
// mentions of another scope may tell. A part sentence's owner is the last
// event (in MergeMentions' order: by its first mention's canonical key)
// holding a mention of it, over every scope. The aggregates that need such
// owners are held (few: their article has mentions in several scopes)
// until Finish, when every scope has been merged.
class CrossScopeParts {
 public:
  // The merged mentions of one article (any order): when they lie in more
  // than one scope, its aggregates' parts are resolved across scopes.
  void AddArticle(std::span<const Mention> mentions);
  // The held aggregates, parts set, handed to `sink`.
  Status Finish(const EventSink& sink);
  size_t held() const { return held_.size(); }
  // For a scope merged in windows (WindowedScopeMerge): its aggregates'
  // parts wanted before any of its clusters is offered; each final
  // cluster's members (creator first) offered as an owner; the aggregate
  // clusters naming a wanted part held until Finish.
  void Want(const Mention& aggregate);
  void OfferCluster(const std::vector<Mention>& members);
  bool WantsParts(const std::vector<Mention>& members) const;
  void Hold(Event e) { held_.push_back(std::move(e)); }

 private:
  friend Status MergeScopeStreaming(std::vector<Mention>, const MergeOptions&,
                                    CrossScopeParts*, const EventSink&);
  // The canonical key of an event's first mention (its creation order).
  using Order = std::tuple<int64_t, std::string, int, uint32_t, uint32_t>;
  struct Owner {
    Order order;
    std::string id;
  };
  using Sentence = std::pair<std::string, int>;  // (article, index)
  // Which of the clusters are held: aggregates naming a wanted part.
  std::vector<bool> Held(const merge_internal::Clusters& cs) const;
  // Offers the clusters as owners of the wanted sentences and of the
  // held clusters' parts.
  void Offer(const merge_internal::Clusters& cs, const std::vector<bool>& held);
  std::set<Sentence> wanted_;  // parts across scopes
  std::map<Sentence, Owner> owner_;
  std::vector<Event> held_;
};

// MergeMentionsStreaming over the mentions of one or more scopes of a set
// merged scope by scope: the events are those MergeMentions over the whole
// set makes in these scopes. The aggregates whose parts `cross` resolves
// across scopes are held in `cross` (see CrossScopeParts::Finish).
Status MergeScopeStreaming(std::vector<Mention> mentions,
                           const MergeOptions& options, CrossScopeParts* cross,
                           const EventSink& sink);

// Recomputes an event's counts, disagreements and n_sources from its
// figures (used by MergeMentions; exposed for tests and incremental merge).
void ReconcileFigures(Event* e, const MergeOptions& options);

}  // namespace sitrep

#endif  // SITREP_MERGE_H_
