#include "sitrep/merge.h"

#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "merge/internal.h"

namespace sitrep {

merge_internal::MentionOrder merge_internal::CanonicalKey(const Mention& m) {
  MentionOrder k;
  k.day = m.date.valid() ? m.date.ToDays() : INT64_MAX;
  k.article = m.article_id;
  k.sentence = m.sentences.empty() ? 0 : m.sentences.front();
  k.begin = m.raw_spans.empty() ? 0 : m.raw_spans.front().begin;
  k.place = m.location ? m.location->span.begin : 0;
  return k;
}

namespace {

// Unique per mention: a sentence split into clauses gives several mentions
// with one sentence index, told apart by where their text starts.
// "<article id>#<sentence>@<text start>/<place start>", into *k (reused:
// no allocation per mention once it has grown).
void MentionKeyInto(const Mention& m, std::string* k) {
  char buf[48];
  char* p = buf;
  auto number = [&](char sep, int64_t v) {
    *p++ = sep;
    p = std::to_chars(p, buf + sizeof buf, v).ptr;
  };
  number('#', m.sentences.empty() ? 0 : m.sentences.front());
  number('@', m.raw_spans.empty() ? 0 : m.raw_spans.front().begin);
  number('/', m.location ? m.location->span.begin : 0);
  k->assign(m.article_id);
  k->append(buf, p);
}

// CanonicalKey without the copy of the article id, and where the mention
// was. Compares as MentionOrder (member by member; string_view compares as
// std::string).
struct SortKey {
  int64_t day;
  std::string_view article;
  int sentence;
  uint32_t begin, place;
  size_t index;  // into the unsorted list; not compared
  bool operator<(const SortKey& o) const {
    return std::tie(day, article, sentence, begin, place) <
           std::tie(o.day, o.article, o.sentence, o.begin, o.place);
  }
};

}  // namespace

// Keys are made once per mention (comparing built two MentionOrders,
// article-id copies included, per comparison), and std::sort over them
// makes the same comparisons, hence the same order (ties included), as
// over the mentions with CanonicalKey.
std::vector<uint32_t> merge_internal::CanonicalOrder(
    const std::vector<Mention>& mentions, std::vector<int64_t>* days) {
  std::vector<SortKey> keys;
  keys.reserve(mentions.size());
  if (days) days->resize(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];  // CanonicalKey's fields, no id copy
    const int64_t day = m.date.valid() ? m.date.ToDays() : INT64_MAX;
    if (days) (*days)[i] = day;
    keys.push_back({day, m.article_id,
                    m.sentences.empty() ? 0 : m.sentences.front(),
                    m.raw_spans.empty() ? 0 : m.raw_spans.front().begin,
                    m.location ? m.location->span.begin : 0, i});
  }
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> from(keys.size());
  for (size_t k = 0; k < keys.size(); ++k)
    from[k] = static_cast<uint32_t>(keys[k].index);
  return from;
}

void merge_internal::SortCanonically(std::vector<Mention>* mentions) {
  // Permuted in place, cycle by cycle (a second vector would hold every
  // mention's fixed part twice): position j takes the mention at from[j].
  std::vector<uint32_t> from = CanonicalOrder(*mentions);
  std::vector<Mention>& v = *mentions;
  for (size_t i = 0; i < v.size(); ++i) {
    if (from[i] == i) continue;
    Mention first = std::move(v[i]);
    size_t j = i;
    while (from[j] != i) {
      size_t src = from[j];
      v[j] = std::move(v[src]);
      from[j] = static_cast<uint32_t>(j);
      j = src;
    }
    v[j] = std::move(first);
    from[j] = static_cast<uint32_t>(j);
  }
}

std::string merge_internal::EventId(const Event& e) {
  return ClusterId(e.mentions);
}

namespace {

template <typename ForEach>
std::string IdOfMinKey(ForEach for_each) {
  // (No key is empty.) Reused per thread: a key rarely fits in a string's
  // own buffer, and an id is made for every event.
  thread_local std::string min_key, k;
  min_key.clear();
  for_each([&](const Mention& m) {
    MentionKeyInto(m, &k);
    if (min_key.empty() || k < min_key) min_key.swap(k);
  });
  // "SR" and the hash in 16 lower-case hex digits (printf's "SR%016llx").
  uint64_t h = XXH3_64bits(min_key.data(), min_key.size());
  std::string id(18, '0');
  id[0] = 'S';
  id[1] = 'R';
  for (size_t i = id.size(); i > 2; h >>= 4)
    id[--i] = "0123456789abcdef"[h & 15];
  return id;
}

}  // namespace

std::string merge_internal::ClusterId(const std::vector<Mention>& mentions) {
  return IdOfMinKey([&](auto fn) {
    for (const Mention& m : mentions) fn(m);
  });
}

std::string merge_internal::Clusters::Id(size_t c) const {
  return IdOfMinKey([&](auto fn) {
    for (uint32_t i : members[c]) fn(mentions[i]);
  });
}

std::vector<Mention> merge_internal::Clusters::Take(size_t c) {
  std::vector<Mention> out;
  out.reserve(members[c].size());
  for (uint32_t i : members[c]) out.push_back(std::move(mentions[i]));
  std::vector<uint32_t>().swap(members[c]);
  return out;
}

namespace {

// Blocking: which clusters a mention can possibly join, so each mention is
// compared with a few clusters, not all. Places must share a country (or
// both be unknown) for any two mentions to match, so clusters are indexed by
// country — which also makes every event lie in one country, the scope of
// incremental re-derivation (Store::ReplaceDirtyEvents). Dated mentions come
// first in the canonical order, so a dated mention only meets dated clusters:
// those of its country and day ±1, and those sharing its named victim (which
// may be any day). An undated mention meets every cluster of its country.
// Candidates come in creation order, so the first compatible one is the one a
// full scan would find.
// Countries are interned (a small id per country) and days keyed with
// them in one hash map; lookups copy no string.
class ClusterIndex {
 public:
  // Where a mention is filed: its country (interned) and day, found once
  // per mention for both its lookup and its filing.
  struct Key {
    uint32_t country;
    bool dated;
    int64_t day;
  };
  // `day`: CanonicalKey's (INT64_MAX when undated).
  Key KeyOf(const Mention& m, int64_t day) {
    return {Intern(m), day != INT64_MAX, day};
  }
  void Add(size_t cluster, const Key& k, const Mention& m) {
    if (k.dated) Push(&by_day_[DayKey{k.day, k.country}], cluster);
    if (IsNamedActor(m.actor2))
      Push(&by_actor_[{k.country, m.actor2}], cluster);
    Push(&by_country_[k.country], cluster);
  }
  // Into *out (cleared; reused across calls), in creation order, unique.
  // (A country no cluster has is filed under nothing: no candidates.)
  void Candidates(const Key& k, const Mention& m,
                  std::vector<size_t>* out) const {
    out->clear();
    auto take = [&](const auto& map, const auto& key) {
      auto it = map.find(key);
      if (it != map.end())
        out->insert(out->end(), it->second.begin(), it->second.end());
    };
    if (k.dated) {
      for (int64_t d = k.day - 1; d <= k.day + 1; ++d) {
        take(by_day_, DayKey{d, k.country});
      }
      if (IsNamedActor(m.actor2))
        take(by_actor_, ActorKey{k.country, m.actor2});
    } else {
      take(by_country_, k.country);
    }
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
  }

 private:
  static void Push(std::vector<size_t>* list, size_t cluster) {
    if (list->empty() || list->back() != cluster) list->push_back(cluster);
  }
  // Mention::Scope, without its copy.
  static std::string_view CountryOf(const Mention& m) {
    return m.location ? std::string_view(m.location->country) : "";
  }
  uint32_t Intern(const Mention& m) {
    auto it = countries_.find(CountryOf(m));
    if (it != countries_.end()) return it->second;
    const auto id = static_cast<uint32_t>(countries_.size());
    countries_.emplace(std::string(CountryOf(m)), id);
    return id;
  }
  struct DayKey {
    int64_t day;
    uint32_t country;
    bool operator==(const DayKey&) const = default;
  };
  struct DayHash {
    size_t operator()(const DayKey& k) const {
      return std::hash<int64_t>()(k.day * 1000003 + k.country);
    }
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  // A country and a named victim; looked up without copying the name.
  using ActorKey = std::pair<uint32_t, std::string_view>;
  struct ActorLess {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return a.first != b.first
                 ? a.first < b.first
                 : std::string_view(a.second) < std::string_view(b.second);
    }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> countries_;
  std::unordered_map<DayKey, std::vector<size_t>, DayHash> by_day_;
  std::map<std::pair<uint32_t, std::string>, std::vector<size_t>, ActorLess>
      by_actor_;
  std::unordered_map<uint32_t, std::vector<size_t>> by_country_;
};

// The first cluster (in creation order) every member of which `fits` `m`;
// with `unique`, only when exactly one does.
template <typename Fits>
std::optional<size_t> FindHome(const merge_internal::Clusters& clusters,
                               const ClusterIndex& index,
                               const ClusterIndex::Key& key, const Mention& m,
                               bool unique, Fits fits) {
  std::optional<size_t> home;
  thread_local std::vector<size_t> candidates;  // reused: no allocation
  index.Candidates(key, m, &candidates);
  for (size_t c : candidates) {
    const std::vector<uint32_t>& members = clusters.members[c];
    if (clusters.mentions[members.front()].kind != m.kind) continue;
    if (!std::all_of(members.begin(), members.end(),
                     [&](uint32_t i) { return fits(clusters.mentions[i]); })) {
      continue;
    }
    if (home) return unique ? std::nullopt : home;
    home = c;
    if (!unique) break;
  }
  return home;
}

}  // namespace

merge_internal::Clusters merge_internal::Cluster(std::vector<Mention> mentions,
                                                 const MergeOptions& options) {
  // Visited in canonical order where they lie: moving them into it would
  // cost a move of each mention's fixed part.
  std::vector<int64_t> days;  // CanonicalKey's, made once
  const std::vector<uint32_t> order =
      merge_internal::CanonicalOrder(mentions, &days);
  Clusters cs;
  cs.mentions = std::move(mentions);
  const std::vector<Mention>& ms = cs.mentions;
  ClusterIndex index;
  std::vector<uint32_t> weak;
  for (uint32_t i : order) {
    const Mention& m = ms[i];
    if (m.weak) {
      weak.push_back(i);
      continue;
    }
    const ClusterIndex::Key key = index.KeyOf(m, days[i]);
    auto home = FindHome(cs, index, key, m, false, [&](const Mention& o) {
      return merge_internal::SameEvent(o, m, options);
    });
    size_t c = home ? *home : cs.members.size();
    if (!home) cs.members.emplace_back();
    index.Add(c, key, m);
    cs.members[c].push_back(i);
  }
  // A weak mention joins the one event it fits, or none.
  for (uint32_t i : weak) {
    auto home = FindHome(
        cs, index, index.KeyOf(ms[i], days[i]), ms[i], true,
        [&](const Mention& o) { return merge_internal::WeakFits(o, ms[i]); });
    if (home) cs.members[*home].push_back(i);
  }
  return cs;
}

std::vector<Event> MergeMentions(std::vector<Mention> mentions,
                                 const MergeOptions& options) {
  merge_internal::Clusters cs =
      merge_internal::Cluster(std::move(mentions), options);
  std::vector<Event> events;
  events.reserve(cs.members.size());
  for (size_t c = 0; c < cs.members.size(); ++c) {
    Event e = merge_internal::MakeEvent(cs.Take(c), options);
    e.id = merge_internal::EventId(e);
    events.push_back(std::move(e));
  }
  merge_internal::LinkParts(&events);
  return events;
}

// As MergeMentions, but each event is made when it is handed over: the
// parts of the aggregates are linked on the clusters first (the ids of
// their owners), so no event waits for the others.
Status MergeMentionsStreaming(std::vector<Mention> mentions,
                              const MergeOptions& options,
                              const EventSink& sink) {
  merge_internal::Clusters cs =
      merge_internal::Cluster(std::move(mentions), options);
  std::map<size_t, std::vector<std::string>> parts =
      merge_internal::ClusterParts(cs);
  for (size_t c = 0; c < cs.members.size(); ++c) {
    SITREP_RETURN_IF_ERROR(
        sink(merge_internal::ClusterEvent(&cs, c, options, &parts)));
  }
  return Status::OK();
}

namespace merge_internal {

Event ClusterEvent(Clusters* cs, size_t c, const MergeOptions& options,
                   std::map<size_t, std::vector<std::string>>* parts) {
  Event e = MakeEvent(cs->Take(c), options);
  e.id = EventId(e);
  if (parts && e.kind == MentionKind::kAggregate) {
    auto it = parts->find(c);
    if (it != parts->end()) e.parts = std::move(it->second);
  }
  return e;
}

}  // namespace merge_internal

}  // namespace sitrep
