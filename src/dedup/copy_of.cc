// Which article copies which, and dates lent to undated articles.
#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "sitrep/dedup.h"

namespace sitrep {
namespace {

// Views into the CopyInfo ids: valid while `infos` is.
using InfoMap = std::unordered_map<std::string_view, const CopyInfo*>;

InfoMap IndexInfos(const std::vector<CopyInfo>& infos) {
  InfoMap m;
  m.reserve(infos.size());
  for (const auto& i : infos) m.emplace(i.id, &i);
  return m;
}

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

size_t Fingerprints(const InfoMap& m, std::string_view id) {
  const CopyInfo* c = FindInfo(m, id);
  return c ? c->num_fingerprints : 0;
}

std::optional<CivilDay> Published(const InfoMap& m, std::string_view id) {
  const CopyInfo* c = FindInfo(m, id);
  return c ? c->published : std::nullopt;
}

// Union-find keyed by id.
struct IdComponents {
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

std::map<std::string, std::string> CopyOfCounts(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedCount>& shared, const std::vector<CopyInfo>& infos,
    const CopyOptions& options) {
  InfoMap info = IndexInfos(infos);
  IdComponents comp;
  for (const auto& g : groups) {
    for (const auto& id : g.ids) comp.Join(id, g.ids.front());
  }
  for (const SharedCount& c : shared) {
    size_t fa = Fingerprints(info, c.a);
    size_t fb = Fingerprints(info, c.b);
    size_t shorter = std::max<size_t>(1, std::min(fa, fb));
    if (c.sentences >= options.min_shared &&
        static_cast<double>(c.sentences) >= options.containment * shorter) {
      comp.Join(std::string(c.a), std::string(c.b));
    }
  }
  // Original of each component, then every other member -> it.
  std::map<std::string, CopyInfo> original;
  std::vector<std::string> members;
  for (const auto& [id, unused] : comp.parent) members.push_back(id);
  for (const auto& id : members) {
    CopyInfo c = InfoFor(info, id);
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
  // Strength of each directed tie undated -> dated: (in a group, shared).
  using Tie = std::pair<int, int>;
  std::map<std::string_view, std::map<std::string_view, Tie>> ties;
  auto tie = [&](std::string_view x, std::string_view y, int group, int n) {
    if (Published(info, x) || !Published(info, y)) return;
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
  for (const SharedCount& c : shared) {  // as tie() both ways, looked up once
    bool dated_a = Published(info, c.a).has_value();
    bool dated_b = Published(info, c.b).has_value();
    if (dated_a == dated_b) continue;
    Tie& t = dated_b ? ties[c.a][c.b] : ties[c.b][c.a];
    t.first = std::max(t.first, 0);
    t.second += c.sentences;
  }
  std::map<std::string, CivilDay> out;
  for (const auto& [id, cands] : ties) {
    const std::string_view* best = nullptr;
    Tie best_tie{};
    CivilDay best_day;
    for (const auto& [other, t] : cands) {
      CivilDay d = *Published(info, other);
      bool better = best == nullptr || t > best_tie ||
                    (t == best_tie &&
                     std::tie(d.year, d.month, d.day) <
                         std::tie(best_day.year, best_day.month, best_day.day));
      if (better) best = &other, best_tie = t, best_day = d;
    }
    if (best != nullptr) out.emplace(std::string(id), best_day);
  }
  return out;
}

}  // namespace sitrep
