// Which article copies which, and dates lent to undated articles.
#include <algorithm>
#include <functional>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "dedup/copy_of_internal.h"
#include "sitrep/dedup.h"

namespace sitrep {

namespace dedup_internal {

InfoMap IndexInfos(const std::vector<CopyInfo>& infos) {
  InfoMap m;
  m.reserve(infos.size());
  for (const auto& i : infos) m.emplace(i.id, &i);
  return m;
}

}  // namespace dedup_internal

namespace {

using dedup_internal::CountInfos;
using dedup_internal::IndexInfos;
using dedup_internal::InfoMap;

// The info of `id`, or null when none was given.
const CopyInfo* FindInfo(const InfoMap& m, std::string_view id) {
  auto it = m.find(id);
  return it == m.end() ? nullptr : it->second;
}

CopyInfo InfoFor(const InfoMap& m, const std::string& id) {
  if (const CopyInfo* c = FindInfo(m, id)) return *c;
  CopyInfo c;
  c.id = id;
  return c;
}

size_t Fingerprints(const CopyInfo* c) { return c ? c->num_fingerprints : 0; }

// FindInfo for a run of lookups that often repeat the last id (shared
// counts are sorted by their first article).
class InfoCursor {
 public:
  explicit InfoCursor(const InfoMap& m) : m_(m) {}
  const CopyInfo* Find(std::string_view id) {
    if (!found_ || id != id_) {
      id_ = id;
      info_ = FindInfo(m_, id);
      found_ = true;
    }
    return info_;
  }

 private:
  const InfoMap& m_;
  std::string_view id_;
  const CopyInfo* info_ = nullptr;
  bool found_ = false;
};

// Union-find over the ids named, numbered in the order first seen.
struct IdComponents {
  std::unordered_map<std::string_view, uint32_t> index;
  std::vector<std::string_view> ids;  // by number
  std::vector<uint32_t> parent;
  uint32_t Add(std::string_view id) {
    auto [it, fresh] = index.try_emplace(id, static_cast<uint32_t>(ids.size()));
    if (fresh) {
      ids.push_back(id);
      parent.push_back(it->second);
    }
    return it->second;
  }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
  void Join(std::string_view x, std::string_view y) {
    uint32_t rx = Find(Add(x)), ry = Find(Add(y));
    if (rx != ry) parent[rx] = ry;
  }
};

}  // namespace

bool IsOriginal(const CopyInfo& x, const CopyInfo& y) {
  if (x.published.has_value() != y.published.has_value()) {
    return x.published.has_value();
  }
  if (x.published && !(*x.published == *y.published)) {
    const CivilDay &a = *x.published, &b = *y.published;
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
  }
  if (x.text_bytes != y.text_bytes) return x.text_bytes > y.text_bytes;
  return x.id < y.id;
}

std::vector<SharedCount> CountShared(
    const std::vector<SharedSentence>& shared) {
  using IdPair = std::pair<std::string_view, std::string_view>;
  std::vector<IdPair> pairs;
  pairs.reserve(shared.size());
  for (const auto& s : shared) {
    std::string_view a = s.article_a, b = s.article_b;
    pairs.push_back(a < b ? IdPair(a, b) : IdPair(b, a));
  }
  // SharedSentenceIndex::All() lists them sorted already.
  if (!std::is_sorted(pairs.begin(), pairs.end())) {
    std::sort(pairs.begin(), pairs.end());
  }
  std::vector<SharedCount> n;
  for (const IdPair& p : pairs) {
    if (!n.empty() && n.back().a == p.first && n.back().b == p.second) {
      ++n.back().sentences;
    } else {
      n.push_back({p.first, p.second, 1});
    }
  }
  return n;
}

std::map<std::string, std::string> CopyOf(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedSentence>& shared,
    const std::vector<CopyInfo>& infos, const CopyOptions& options) {
  return CopyOfCounts(groups, CountShared(shared), infos, options);
}

namespace dedup_internal {

CountInfos InfosOfCounts(const InfoMap& info,
                         const std::vector<SharedCount>& shared) {
  CountInfos found;
  found.reserve(shared.size());
  InfoCursor first(info);
  for (const SharedCount& c : shared) {
    found.emplace_back(first.Find(c.a), FindInfo(info, c.b));
  }
  return found;
}

}  // namespace dedup_internal

std::map<std::string, std::string> CopyOfCounts(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedCount>& shared, const std::vector<CopyInfo>& infos,
    const CopyOptions& options) {
  InfoMap info = IndexInfos(infos);
  return dedup_internal::CopyOfFound(
      groups, shared, dedup_internal::InfosOfCounts(info, shared), info,
      options);
}

std::map<std::string, std::string> dedup_internal::CopyOfFound(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedCount>& shared, const CountInfos& found,
    const InfoMap& info, const CopyOptions& options) {
  IdComponents comp;
  for (const auto& g : groups) {
    for (const auto& id : g.ids) comp.Join(id, g.ids.front());
  }
  for (size_t i = 0; i < shared.size(); ++i) {
    const SharedCount& c = shared[i];
    size_t fa = Fingerprints(found[i].first);
    size_t fb = Fingerprints(found[i].second);
    size_t shorter = std::max<size_t>(1, std::min(fa, fb));
    if (c.sentences >= options.min_shared &&
        static_cast<double>(c.sentences) >= options.containment * shorter) {
      comp.Join(c.a, c.b);
    }
  }
  // Original of each component (IsOriginal is a total order: the members'
  // order does not matter), then every other member -> it.
  const size_t n = comp.ids.size();
  std::vector<CopyInfo> member(n);
  std::vector<uint32_t> original(n, UINT32_MAX);  // by root
  for (uint32_t i = 0; i < n; ++i) {
    member[i] = InfoFor(info, std::string(comp.ids[i]));
    uint32_t& o = original[comp.Find(i)];
    if (o == UINT32_MAX || IsOriginal(member[i], member[o])) o = i;
  }
  std::map<std::string, std::string> out;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t o = original[comp.Find(i)];
    if (o != i) out.emplace(member[i].id, member[o].id);
  }
  return out;
}

namespace {

// A tie undated `x` -> dated `y` (whose day is `day`) seen once.
using Tie = std::pair<int, int>;  // (in a group, shared sentences)
struct TieSeen {
  std::string_view x, y;
  const CopyInfo *cx, *cy;  // cx may be null; cy is not (it is dated)
  Tie tie;
};

struct Candidate {
  std::string_view other;
  Tie tie;
  CivilDay day;
};

// The stronger tie, then the earlier day, then the smaller id.
bool Beats(const Candidate& c, const Candidate& best) {
  if (c.tie != best.tie) return c.tie > best.tie;
  const CivilDay &d = c.day, &b = best.day;
  if (!(d == b)) {
    return std::tie(d.year, d.month, d.day) < std::tie(b.year, b.month, b.day);
  }
  return c.other < best.other;
}

}  // namespace

std::map<std::string, CivilDay> ReferenceDates(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedSentence>& shared,
    const std::vector<CopyInfo>& infos) {
  return ReferenceDatesOfCounts(groups, CountShared(shared), infos);
}

std::map<std::string, CivilDay> ReferenceDatesOfCounts(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedCount>& shared,
    const std::vector<CopyInfo>& infos) {
  InfoMap info = IndexInfos(infos);
  return dedup_internal::ReferenceDatesFound(
      groups, shared, dedup_internal::InfosOfCounts(info, shared), info);
}

namespace {

// Sorts the ties by (x, y). By their infos when every x has one: an id's
// info is the one InfoMap finds for it, so equal infos are equal ids, and
// the summing needs only equal (x, y) adjacent (the order of the x and of
// the candidates of one x does not change the result: Beats is total).
void SortTies(std::vector<TieSeen>* seen) {
  const bool by_info = std::all_of(seen->begin(), seen->end(),
                                   [](const TieSeen& t) { return t.cx; });
  if (by_info) {
    std::sort(seen->begin(), seen->end(),
              [](const TieSeen& l, const TieSeen& r) {
                std::less<const CopyInfo*> less;
                if (l.cx != r.cx) return less(l.cx, r.cx);
                return less(l.cy, r.cy);
              });
    return;
  }
  std::sort(seen->begin(), seen->end(), [](const TieSeen& l, const TieSeen& r) {
    return std::tie(l.x, l.y) < std::tie(r.x, r.y);
  });
}

// Whether ties l and r are of the same x (the same y): as SortTies sorted.
bool SameX(const TieSeen& l, const TieSeen& r) {
  return l.cx && r.cx ? l.cx == r.cx : l.x == r.x;
}
bool SameY(const TieSeen& l, const TieSeen& r) {
  return l.cy == r.cy;  // every y has an info
}

}  // namespace

std::map<std::string, CivilDay> dedup_internal::ReferenceDatesFound(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedCount>& shared, const CountInfos& found,
    const InfoMap& info) {
  // Each directed tie undated -> dated with its strength (in a group,
  // shared sentences), as many times as it is seen; summed once sorted.
  std::vector<TieSeen> seen;
  auto tie = [&](std::string_view x, const CopyInfo* cx, std::string_view y,
                 const CopyInfo* cy, int group, int n) {
    if ((cx && cx->published) || !cy || !cy->published) return;
    seen.push_back({x, y, cx, cy, {group, n}});
  };
  for (const auto& g : groups) {
    for (const auto& p : g.pairs) {
      const CopyInfo *ca = FindInfo(info, p.a), *cb = FindInfo(info, p.b);
      tie(p.a, ca, p.b, cb, 1, 0);
      tie(p.b, cb, p.a, ca, 1, 0);
    }
  }
  for (size_t i = 0; i < shared.size(); ++i) {
    const SharedCount& c = shared[i];
    const CopyInfo *ca = found[i].first, *cb = found[i].second;
    tie(c.a, ca, c.b, cb, 0, c.sentences);
    tie(c.b, cb, c.a, ca, 0, c.sentences);
  }
  SortTies(&seen);
  std::map<std::string, CivilDay> out;
  for (size_t i = 0; i < seen.size();) {
    const TieSeen& x = seen[i];
    Candidate best = {};
    bool any = false;
    while (i < seen.size() && SameX(seen[i], x)) {
      const TieSeen& y = seen[i];
      Candidate c = {y.y, {0, 0}, *y.cy->published};
      for (; i < seen.size() && SameX(seen[i], x) && SameY(seen[i], y); ++i) {
        c.tie.first = std::max(c.tie.first, seen[i].tie.first);
        c.tie.second += seen[i].tie.second;
      }
      if (!any || Beats(c, best)) best = c;
      any = true;
    }
    out.emplace(std::string(x.x), best.day);
  }
  return out;
}

}  // namespace sitrep
