// Blocking keys (blocking.h).
#include "merge/blocking.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace sitrep::merge_internal {
namespace {

using std::string_view_literals::operator""sv;

// Cells: 0.55 degrees of latitude exceed the 60 km of Near's reach
// (0.54 degrees); 1.2 degrees of longitude exceed it up to 60 degrees
// north or south, where a degree is at least half as long as at the
// equator (1.08 degrees). 300 cells make the full circle.
constexpr double kLatCell = 0.55;
constexpr double kLonCell = 1.2;
constexpr int64_t kLonCells = 300;
constexpr double kMaxAbsLat = 60;

enum Tag : uint64_t {
  kProvince = 1,
  kInProvince,
  kCell,
  kRecord,
  kType,
  kProtestGroup
};

uint64_t Mix(uint64_t h, uint64_t x) {  // splitmix64 of the combination
  h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

uint64_t Hash(std::string_view s) {  // FNV-1a
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

uint64_t ProvinceKey(Tag tag, const Location& p) {
  return Mix(Mix(tag, Hash(p.country)), Hash(p.admin1));
}

uint64_t CellKey(int64_t lat_cell, int64_t lon_cell) {
  const int64_t lon = ((lon_cell % kLonCells) + kLonCells) % kLonCells;
  return Mix(Mix(kCell, static_cast<uint64_t>(lat_cell)),
             static_cast<uint64_t>(lon));
}

// The cell of a point, or false when it has none (see blocking.h).
bool CellOf(const Location& p, int64_t* lat_cell, int64_t* lon_cell) {
  if (!std::isfinite(p.lat) || !std::isfinite(p.lon) ||
      std::abs(p.lat) > kMaxAbsLat || std::abs(p.lon) > 180) {
    return false;
  }
  *lat_cell = static_cast<int64_t>(std::floor((p.lat + 90) / kLatCell));
  *lon_cell = static_cast<int64_t>(std::floor((p.lon + 180) / kLonCell));
  return true;
}

// Adds one place's keys; false when the place makes the mention wild.
bool AddPlace(const Location& p, bool probe, std::vector<uint64_t>* keys) {
  if (p.precision == "admin1"sv) {  // Near: the same province, or nothing
    if (p.admin1.empty()) return true;
    keys->push_back(ProvinceKey(kProvince, p));
    if (probe) keys->push_back(ProvinceKey(kInProvince, p));
    return true;
  }
  if (!p.admin1.empty()) {
    keys->push_back(ProvinceKey(probe ? kProvince : kInProvince, p));
  }
  int64_t lat = 0, lon = 0;
  if (!CellOf(p, &lat, &lon)) return false;
  if (!probe) {
    keys->push_back(CellKey(lat, lon));
    return true;
  }
  for (int64_t i = -1; i <= 1; ++i) {
    for (int64_t j = -1; j <= 1; ++j)
      keys->push_back(CellKey(lat + i, lon + j));
  }
  return true;
}

// Each place key crossed with the mention's type keys (unsorted): its type, and
// the protest group when TypesCompatible may match it with another type
// (Protests, Riots, and Violence against civilians with protesters
// among the actors). Two crossed lists share a key exactly when both the
// places and the types do. WeakFits asks for equal types.
void WithTypes(const Mention& m, std::vector<uint64_t>* keys) {
  const std::string_view t = m.event_type;
  const bool protest =
      t == "Protests"sv || t == "Riots"sv ||
      (t == "Violence against civilians"sv &&
       (m.actor1 == "protesters"sv || m.actor2 == "protesters"sv));
  const uint64_t types[] = {Mix(kType, Hash(t)), kProtestGroup};
  const size_t n = protest ? 2 : 1;
  std::vector<uint64_t> crossed;
  crossed.reserve(keys->size() * n);
  for (uint64_t k : *keys) {
    for (size_t i = 0; i < n; ++i) crossed.push_back(Mix(k, types[i]));
  }
  *keys = std::move(crossed);
}

BlockKeys Keys(const Mention& m, bool probe) {
  BlockKeys b;
  if (m.kind != MentionKind::kIncident) {
    if (m.weak) {
      b.wild = true;
    } else if (const Figure* f = m.FigureFor(Outcome::kKilled)) {
      b.keys.push_back(Mix(Mix(kRecord, static_cast<uint64_t>(m.kind)),
                           static_cast<uint64_t>(f->count.value())));
    }
    return b;
  }
  if (!IsLocal(m.location)) {
    b.wild = true;
    return b;
  }
  bool ok = AddPlace(*m.location, probe, &b.keys);
  for (const Location& p : m.other_places) {
    ok = ok && AddPlace(p, probe, &b.keys);
  }
  if (!ok) {
    b.wild = true;
    b.keys.clear();
    return b;
  }
  WithTypes(m, &b.keys);
  std::sort(b.keys.begin(), b.keys.end());
  b.keys.erase(std::unique(b.keys.begin(), b.keys.end()), b.keys.end());
  return b;
}

}  // namespace

BlockKeys FiledKeys(const Mention& m) { return Keys(m, false); }

BlockKeys ProbeKeys(const Mention& m) { return Keys(m, true); }

bool Meet(const BlockKeys& filed, const BlockKeys& probe) {
  if (filed.wild || probe.wild) return true;
  auto a = filed.keys.begin(), b = probe.keys.begin();
  while (a != filed.keys.end() && b != probe.keys.end()) {
    if (*a == *b) return true;
    if (*a < *b) {
      ++a;
    } else {
      ++b;
    }
  }
  return false;
}

void BlockIndex::File(size_t id, const BlockKeys& filed) {
  all_.push_back(id);
  if (filed.wild) {
    wild_.push_back(id);
    return;
  }
  for (uint64_t k : filed.keys) keyed_[k].push_back(id);
}

std::vector<size_t> BlockIndex::Sorted(const BlockKeys& probe) const {
  std::vector<size_t> ids;
  Find(probe, &ids);
  SortUnique(&ids);
  return ids;
}

void SortUnique(std::vector<size_t>* ids) {
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
}

}  // namespace sitrep::merge_internal
