// CopyOfCounts and ReferenceDatesOfCounts (index-keyed union-find, sorted
// ties) against their plain string-keyed forms, on random corpora: ids
// with and without infos, dated and undated, groups and shared pairs, equal
// ties and equal days.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "sitrep/dedup.h"

namespace sitrep {
namespace {

// The string-keyed union-find of the plain form.
struct PlainComponents {
  std::map<std::string, std::string> parent;
  std::string Find(const std::string& x) {
    auto it = parent.find(x);
    if (it == parent.end()) {
      parent.emplace(x, x);
      return x;
    }
    if (it->second == x) return x;
    std::string root = Find(it->second);
    parent[x] = root;
    return root;
  }
  void Join(const std::string& x, const std::string& y) {
    std::string rx = Find(x), ry = Find(y);
    if (rx != ry) parent[rx] = ry;
  }
};

const CopyInfo* Lookup(const std::vector<CopyInfo>& infos,
                       std::string_view id) {
  for (const CopyInfo& c : infos) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::map<std::string, std::string> PlainCopyOf(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedCount>& shared, const std::vector<CopyInfo>& infos,
    const CopyOptions& options) {
  PlainComponents comp;
  for (const auto& g : groups) {
    for (const auto& id : g.ids) comp.Join(id, g.ids.front());
  }
  for (const SharedCount& c : shared) {
    const CopyInfo* a = Lookup(infos, c.a);
    const CopyInfo* b = Lookup(infos, c.b);
    size_t fa = a ? a->num_fingerprints : 0, fb = b ? b->num_fingerprints : 0;
    size_t shorter = std::max<size_t>(1, std::min(fa, fb));
    if (c.sentences >= options.min_shared &&
        static_cast<double>(c.sentences) >= options.containment * shorter) {
      comp.Join(std::string(c.a), std::string(c.b));
    }
  }
  std::map<std::string, CopyInfo> original;
  std::vector<std::string> members;
  for (const auto& [id, unused] : comp.parent) members.push_back(id);
  for (const auto& id : members) {
    const CopyInfo* found = Lookup(infos, id);
    CopyInfo c = found ? *found : CopyInfo{id, std::nullopt, 0, 0};
    std::string root = comp.Find(id);
    auto it = original.find(root);
    if (it == original.end()) {
      original.emplace(root, c);
    } else if (IsOriginal(c, it->second)) {
      it->second = c;
    }
  }
  std::map<std::string, std::string> out;
  for (const auto& id : members) {
    const CopyInfo& o = original.at(comp.Find(id));
    if (o.id != id) out.emplace(id, o.id);
  }
  return out;
}

std::map<std::string, CivilDay> PlainReferenceDates(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedCount>& shared,
    const std::vector<CopyInfo>& infos) {
  auto published = [&](std::string_view id) -> std::optional<CivilDay> {
    const CopyInfo* c = Lookup(infos, id);
    return c ? c->published : std::nullopt;
  };
  using Tie = std::pair<int, int>;
  std::map<std::string_view, std::map<std::string_view, Tie>> ties;
  auto tie = [&](std::string_view x, std::string_view y, int group, int n) {
    if (published(x) || !published(y)) return;
    Tie& t = ties[x][y];
    t.first = std::max(t.first, group);
    t.second += n;
  };
  for (const auto& g : groups) {
    for (const auto& p : g.pairs) {
      tie(p.a, p.b, 1, 0);
      tie(p.b, p.a, 1, 0);
    }
  }
  for (const SharedCount& c : shared) {
    tie(c.a, c.b, 0, c.sentences);
    tie(c.b, c.a, 0, c.sentences);
  }
  std::map<std::string, CivilDay> out;
  for (const auto& [id, cands] : ties) {
    bool any = false;
    Tie best_tie{};
    CivilDay best_day;
    for (const auto& [other, t] : cands) {
      CivilDay d = *published(other);
      bool better = !any || t > best_tie ||
                    (t == best_tie &&
                     std::tie(d.year, d.month, d.day) <
                         std::tie(best_day.year, best_day.month, best_day.day));
      if (better) any = true, best_tie = t, best_day = d;
    }
    out.emplace(std::string(id), best_day);
  }
  return out;
}

TEST(DedupCopy, CountsFormsMatchThePlainForms) {
  std::mt19937 rng(11);
  const CivilDay days[] = {{2022, 2, 13}, {2022, 2, 14}, {2021, 12, 31}};
  for (int round = 0; round < 3000; ++round) {
    const int n = 2 + static_cast<int>(rng() % 14);
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) ids.push_back("a" + std::to_string(rng() % 40));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() < 2) continue;
    std::vector<CopyInfo> infos;
    for (const std::string& id : ids) {
      if (rng() % 6 == 0) continue;  // no info: undated, no text
      std::optional<CivilDay> day;
      if (rng() % 2) day = days[rng() % std::size(days)];
      infos.push_back({id, day, rng() % 3 * 100, rng() % 8});
    }
    auto pick = [&] { return ids[rng() % ids.size()]; };
    std::vector<DuplicateGroup> groups;
    for (int g = static_cast<int>(rng() % 3); g > 0; --g) {
      std::string a = pick(), b = pick();
      if (a == b) continue;
      if (b < a) std::swap(a, b);
      groups.push_back({{a, b}, {{a, b, 0.9, true}}});
    }
    std::map<std::pair<std::string, std::string>, int> counts;
    for (int k = static_cast<int>(rng() % 12); k > 0; --k) {
      std::string a = pick(), b = pick();
      if (a == b) continue;
      if (b < a) std::swap(a, b);
      counts[{a, b}] += 1 + static_cast<int>(rng() % 4);
    }
    std::vector<SharedCount> shared;
    for (const auto& [p, c] : counts) shared.push_back({p.first, p.second, c});
    if (round % 2)
      std::shuffle(shared.begin(), shared.end(), rng);  // any order
    CopyOptions options;
    options.min_shared = 1 + static_cast<int>(rng() % 3);
    SCOPED_TRACE(round);
    EXPECT_EQ(CopyOfCounts(groups, shared, infos, options),
              PlainCopyOf(groups, shared, infos, options));
    EXPECT_EQ(ReferenceDatesOfCounts(groups, shared, infos),
              PlainReferenceDates(groups, shared, infos));
  }
}

}  // namespace
}  // namespace sitrep
