// ResolveChains: candidates of hierarchically linked place names.
#include "geo/chains.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "geo/chains_internal.h"

namespace sitrep::geo {

using namespace chains_internal;  // NOLINT: this stage's own helpers

namespace {

constexpr size_t kMaxGap = 48;
constexpr size_t kMaxChain = 6;
constexpr double kTownRadiusKm = 60;
constexpr uint32_t kStrongTownPopulation = 100000;

bool IsAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// The gap's signature: `,` `(` `)` kept, `in` -> i, `of` -> o, `and`/`or`
// -> a, an unknown capitalised word -> n; place nouns (`town`, `district`) set
// *noun. False on anything else.
bool Signature(const MappedGazetteer& g, std::string_view gap, std::string* sig,
               bool* noun) {
  size_t i = 0;
  while (i < gap.size()) {
    char c = gap[i];
    if (c == ' ') {
      ++i;
    } else if (c == ',' || c == '(' || c == ')') {
      sig->push_back(c);
      ++i;
    } else if (IsAlpha(c)) {
      size_t j = i;
      while (j < gap.size() && (IsAlpha(gap[j]) || gap[j] == '-')) ++j;
      std::string key = NormalizePlaceKey(gap.substr(i, j - i));
      if (key == "in") {
        sig->push_back('i');
      } else if (key == "near") {
        sig->push_back('r');
      } else if (key == "of") {
        sig->push_back('o');
      } else if (key == "and" || key == "or") {
        sig->push_back('a');
      } else if (g.HasWord(kWordPlaceNoun, key) ||
                 g.HasWord(kWordAdminSuffix, key)) {
        *noun = true;
      } else if (std::any_of(gap.begin() + i, gap.begin() + j,
                             [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
        sig->push_back('n');  // an unknown name: "(eThekwini, KwaZulu-Natal"
      } else if (!key.empty()) {
        return false;  // "the" normalises to nothing
      }
      i = j;
    } else {
      return false;
    }
  }
  return true;
}

double ApproxKm(const PlaceRec& a, const PlaceRec& b) {
  constexpr double kRad = 3.14159265358979 / 180.0;
  double x = (b.lon - a.lon) * std::cos((a.lat + b.lat) / 2 * kRad);
  double y = b.lat - a.lat;
  return std::sqrt(x * x + y * y) * 111.2;
}

}  // namespace

namespace chains_internal {

bool IsTown(uint8_t kind) {
  return kind == static_cast<uint8_t>(PlaceKind::kCity) ||
         kind == static_cast<uint8_t>(PlaceKind::kLandmark);
}

bool SameCountry(const PlaceRec& a, const PlaceRec& b) {
  return a.country[0] == b.country[0] && a.country[1] == b.country[1];
}

// A namesake that context may overrule: not a country, a capital, a city
// of a million, nor (unless `seats`) a province seat.
bool Small(const MappedGazetteer& g, const RawMention& m, bool seats) {
  const PlaceRec* r = m.posts.empty() ? nullptr : g.Rec(m.posts[0]);
  return r != nullptr && r->tier >= (seats ? kTierAdminSeat : kTierLandmark) &&
         r->kind != static_cast<uint8_t>(PlaceKind::kAdmin1) &&
         r->population < 1000000;
}

// Small, or a town below the capitals matched only by an alternate name
// ("Mambasa" is an alternate name of Mombasa): a spelling variant is weak
// evidence, and context may overrule it too.
bool Overrulable(const MappedGazetteer& g, const RawMention& m, bool seats) {
  if (Small(g, m, seats)) return true;
  const PlaceRec* r = m.posts.empty() ? nullptr : g.Rec(m.posts[0]);
  return r != nullptr && r->kind == static_cast<uint8_t>(PlaceKind::kCity) &&
         r->tier > kTierCapital && !m.key.empty() &&
         NormalizePlaceKey(g.Str(r->name)) != m.key;
}

}  // namespace chains_internal

Link ClassifyGap(const MappedGazetteer& g, std::string_view gap) {
  if (gap.size() > kMaxGap) return Link::kNone;
  std::string sig;
  bool noun = false;
  if (!Signature(g, gap, &sig, &noun)) return Link::kNone;
  if (sig.find('a') != std::string::npos) return Link::kList;
  if (sig == "," || sig == "(" || sig == ")," || sig == ",(" || sig == ",i" ||
      sig == "(i" || sig == "(n," || sig == ",n,") {
    return Link::kStrong;
  }
  // "Hamirpur village near Rapar town": the first lies near the second.
  if (sig == "r" || sig == ",r") return Link::kNear;
  if (sig == "o") return noun ? Link::kPartOf : Link::kNone;
  if (sig == "i") return noun ? Link::kStrong : Link::kWeak;
  return Link::kNone;
}

bool Contains(const PlaceRec& c, const PlaceRec& p, const MappedGazetteer&) {
  if (&c == &p || c.country[0] != p.country[0] ||
      c.country[1] != p.country[1]) {
    return false;
  }
  switch (static_cast<PlaceKind>(c.kind)) {
    case PlaceKind::kCountry:
      return p.kind != c.kind;
    case PlaceKind::kAdmin1:
      // Pool offsets: equal strings are interned once.
      return c.admin1_code != 0 && p.admin1_code == c.admin1_code &&
             p.kind != static_cast<uint8_t>(PlaceKind::kCountry) &&
             p.kind != c.kind;
    case PlaceKind::kAdmin2:
      return IsTown(p.kind) && c.admin2_code != 0 &&
             p.admin1_code == c.admin1_code && p.admin2_code == c.admin2_code;
    case PlaceKind::kCity:
    case PlaceKind::kLandmark:
      return IsTown(p.kind) && ApproxKm(c, p) < kTownRadiusKm;
  }
  return false;
}

namespace {

// Whether `m` first names a province or a country.
bool AreaName(const MappedGazetteer& g, const RawMention& m) {
  const PlaceRec* r = m.posts.empty() ? nullptr : g.Rec(m.posts[0]);
  return r != nullptr && (r->kind == static_cast<uint8_t>(PlaceKind::kAdmin1) ||
                          r->kind == static_cast<uint8_t>(PlaceKind::kCountry));
}

// How well `p` fits `other` (after it in the chain: a container; before
// it: a part): 2 through an area (country, province, district), 1 through
// a town nearby, 0 not at all.
int Fit(const MappedGazetteer& g, const PlaceRec& p, const RawMention& other,
        bool other_after) {
  int best = 0;
  // "Benito Juarez, Nuevo Leon": a name that first names a province or
  // country holds the name before it as that area, not as a village
  // namesake that happens to lie near a namesake of it.
  bool area_name = other_after && AreaName(g, other);
  for (uint32_t q : other.posts) {
    const PlaceRec* o = g.Rec(q);
    if (o == nullptr || (area_name && IsTown(o->kind))) continue;
    const PlaceRec& outer = other_after ? *o : p;
    if (other_after ? Contains(*o, p, g) : Contains(p, *o, g)) {
      best = std::max(best, IsTown(outer.kind) ? 1 : 2);
      if (best == 2) break;
    }
  }
  return best;
}

// Whether `m` has a posting in a country of `other`'s postings.
bool SharesCountry(const MappedGazetteer& g, const RawMention& m,
                   const RawMention& other) {
  for (uint32_t p : m.posts) {
    const PlaceRec* a = g.Rec(p);
    for (uint32_t q : other.posts) {
      const PlaceRec* b = g.Rec(q);
      if (a != nullptr && b != nullptr && SameCountry(*a, *b)) return true;
    }
  }
  return false;
}

// Whether all of `m`'s postings are codes ("TN", "KN"): no evidence.
bool CodesOnly(const RawMention& m) {
  return std::all_of(m.posts.begin(), m.posts.end(),
                     [](uint32_t p) { return (p & kPostCode) != 0; });
}

// Whether `m`'s first posting is a district holding no posting of `town`:
// "Pipri, Kaushambi" where this Pipri lies elsewhere. Not a province: news
// (and coders) misname a town's province more often than its district.
bool AreaWithout(const MappedGazetteer& g, const RawMention& m,
                 const RawMention& town) {
  const PlaceRec* a = m.posts.empty() ? nullptr : g.Rec(m.posts[0]);
  if (a == nullptr || a->kind != static_cast<uint8_t>(PlaceKind::kAdmin2)) {
    return false;
  }
  return std::none_of(town.posts.begin(), town.posts.end(), [&](uint32_t p) {
    const PlaceRec* r = g.Rec(p);
    return r != nullptr && Contains(*a, *r, g);
  });
}

// Whether every namesake of `town` in the country of `m`'s first posting
// lies far from it: beyond kFarFromTownKm of a large city ("San Jeronimo
// suburb, Cusco city"; that San Jeronimo is in Apurimac), or beyond
// kFarFromProvinceKm of a province's seat ("near Kamyanka, Donetsk"; that
// Kamyanka is in Cherkasy). A town in the next province is kept (texts
// misname provinces), and so are a large town and the one town of some
// size so named in the country ("Apodaca, Jalisco": Apodaca is in Nuevo
// Leon); a name several small towns share, or only a hamlet bears, is more
// likely an unknown place there.
bool FarFrom(const MappedGazetteer& g, const RawMention& m,
             const RawMention& town) {
  constexpr double kFarFromTownKm = 100;
  constexpr double kFarFromProvinceKm = 200;
  constexpr uint32_t kHamlet = 5000;
  const PlaceRec* a = m.posts.empty() ? nullptr : g.Rec(m.posts[0]);
  if (a == nullptr) return false;
  double radius = 0;
  if (a->kind == static_cast<uint8_t>(PlaceKind::kAdmin1)) {
    radius = kFarFromProvinceKm;
  } else if (a->kind == static_cast<uint8_t>(PlaceKind::kCity) &&
             a->population >= kStrongTownPopulation) {
    radius = kFarFromTownKm;
  } else {
    return false;
  }
  int namesakes = 0;
  uint32_t population = 0;
  for (uint32_t p : town.posts) {
    const PlaceRec* r = g.Rec(p);
    if (r == nullptr || !SameCountry(*r, *a) || !IsTown(r->kind)) continue;
    if (ApproxKm(*a, *r) <= radius) return false;
    ++namesakes;
    population = std::max(population, r->population);
  }
  if (population >= kStrongTownPopulation) return false;
  return namesakes > 1 || (population > 0 && population < kHamlet);
}

// No name of the chain fits another: "Sierra Vieja, Zacatecas" where the
// village is unknown and matched a namesake abroad. A small town (or one
// matched by an alternate name only: Overrulable) none of
// whose namesakes shares a country with a later name is dropped; one that
// does share it puts those namesakes first, and a small one lying outside
// the district named right after it is an unknown village there ("Pipri,
// Kaushambi").
void DropUnfit(const MappedGazetteer& g, std::span<RawMention*> chain,
               const std::vector<bool>& strong) {
  for (size_t i = 0; i + 1 < chain.size(); ++i) {
    if (!strong[i] || !Overrulable(g, *chain[i], true)) continue;
    const RawMention* shared = nullptr;
    bool evidence = false;
    for (size_t j = i + 1; j < chain.size(); ++j) {
      if (CodesOnly(*chain[j])) continue;
      evidence = true;
      if (shared == nullptr && SharesCountry(g, *chain[i], *chain[j])) {
        shared = chain[j];
      }
    }
    if (shared == nullptr) {
      chain[i]->drop |= evidence;
      continue;
    }
    RawMention one;  // each posting on its own
    std::stable_partition(chain[i]->posts.begin(), chain[i]->posts.end(),
                          [&](uint32_t p) {
                            one.posts.assign(1, p);
                            return SharesCountry(g, one, *shared);
                          });
    chain[i]->drop |= Small(g, *chain[i], false) && !CodesOnly(*chain[i + 1]) &&
                      (AreaWithout(g, *chain[i + 1], *chain[i]) ||
                       FarFrom(g, *chain[i + 1], *chain[i]));
  }
}

// "near Pisky, Donetsk" with Pisky unknown or dropped: a name after it is
// its container, the province (or country) rather than its namesake city.
// One the chain confirmed keeps its country ("San Juan, Lagunillas, Merida
// state": not the Lagunillas municipality of Michoacan).
void PreferAreas(const MappedGazetteer& g, RawMention* m) {
  const PlaceRec* first = m->posts.empty() ? nullptr : g.Rec(m->posts[0]);
  std::stable_partition(m->posts.begin(), m->posts.end(), [&](uint32_t p) {
    const PlaceRec* r = g.Rec(p);
    return r != nullptr && !IsTown(r->kind) &&
           (!m->confirmed || first == nullptr || SameCountry(*r, *first));
  });
}

void AreasAfterDropped(const MappedGazetteer& g, std::span<RawMention*> chain) {
  for (size_t i = 0; i + 1 < chain.size(); ++i) {
    if (!chain[i]->drop) continue;
    if (!chain[i + 1]->drop && !chain[i + 1]->demonym) {
      PreferAreas(g, chain[i + 1]);
      chain[i + 1]->stands_in = true;
    }
    return;
  }
}

// Whether `p` fits the first reading of some other confirmed name of the
// chain; *others counts those names.
bool FitsFirstReadings(const MappedGazetteer& g, const PlaceRec& p, size_t i,
                       std::span<RawMention*> chain, int* others) {
  bool fits = false;
  *others = 0;
  for (size_t j = 0; j < chain.size(); ++j) {
    if (j == i || chain[j]->drop || !chain[j]->confirmed) continue;
    ++*others;
    RawMention one;
    one.posts.assign(1, chain[j]->posts[0]);
    fits |= Fit(g, p, one, j > i) > 0;
  }
  return fits;
}

// "in San Juan, Lagunillas, Merida state": each name was scored against
// any reading of the others, and this San Juan's best was one by a
// Lagunillas in Mexico. A name whose readings fit none of the readings
// the rest of the chain settled on is, when small, an unknown place there.
void DropInconsistent(const MappedGazetteer& g, std::span<RawMention*> chain) {
  for (size_t i = 0; i < chain.size(); ++i) {
    RawMention& m = *chain[i];
    if (m.drop || !m.confirmed || m.posts.empty()) continue;
    int others = 0;
    auto fits = [&](uint32_t p) {
      const PlaceRec* r = g.Rec(p);
      return r != nullptr && FitsFirstReadings(g, *r, i, chain, &others);
    };
    if (fits(m.posts[0]) || others == 0) continue;
    auto it = std::find_if(m.posts.begin(), m.posts.end(), fits);
    if (it != m.posts.end()) {
      std::rotate(m.posts.begin(), it, it + 1);
    } else if (Overrulable(g, m, true)) {
      m.drop = true;
    }
  }
}

// Which postings of `m` are towns seating a district of the same name (one
// of its postings too): "in El Salto, Jalisco" is the seat of El Salto
// municipality rather than the namesake village, when both fit as well.
std::vector<bool> DistrictSeats(const MappedGazetteer& g, const RawMention& m) {
  std::vector<bool> seat(m.posts.size(), false);
  for (size_t a = 0; a < m.posts.size(); ++a) {
    const PlaceRec* t = g.Rec(m.posts[a]);
    if (t == nullptr || !IsTown(t->kind) || t->admin2_code == 0) continue;
    for (uint32_t q : m.posts) {
      const PlaceRec* d = g.Rec(q);
      seat[a] =
          seat[a] || (d != nullptr &&
                      d->kind == static_cast<uint8_t>(PlaceKind::kAdmin2) &&
                      SameCountry(*d, *t) && d->admin1_code == t->admin1_code &&
                      d->admin2_code == t->admin2_code);
    }
  }
  return seat;
}

// Among the towns fitting best, a district seat comes first (`idx`: the
// postings in score order); areas keep their places.
void SeatFirst(const MappedGazetteer& g, const RawMention& m,
               const std::vector<int>& scores, std::vector<size_t>* idx) {
  std::vector<bool> seat = DistrictSeats(g, m);
  auto town = [&](size_t k) {
    const PlaceRec* r = g.Rec(m.posts[k]);
    return r != nullptr && IsTown(r->kind);
  };
  auto first = std::find_if(idx->begin(), idx->end(), town);
  if (first == idx->end() || seat[*first]) return;
  auto s = std::find_if(first, idx->end(), [&](size_t k) {
    return town(k) && seat[k] && scores[k] == scores[*first];
  });
  if (s != idx->end()) std::rotate(first, s, s + 1);
}

// Scores the chain's postings (how well each fits the other names) and
// reorders or drops. `strong[k]`: the link after chain[k] is strong.
void ResolveOne(const MappedGazetteer& g, std::span<RawMention*> chain,
                const std::vector<bool>& strong) {
  std::vector<std::vector<int>> scores(chain.size());
  std::vector<int> best(chain.size(), 0);
  for (size_t i = 0; i < chain.size(); ++i) {
    for (uint32_t p : chain[i]->posts) {
      const PlaceRec* r = g.Rec(p);
      int s = 0;
      for (size_t j = 0; r != nullptr && j < chain.size(); ++j) {
        if (j != i) s += Fit(g, *r, *chain[j], j > i);
      }
      scores[i].push_back(s);
      best[i] = std::max(best[i], s);
    }
  }
  if (*std::max_element(best.begin(), best.end()) == 0) {
    DropUnfit(g, chain, strong);
    AreasAfterDropped(g, chain);
    return;
  }
  for (size_t i = 0; i < chain.size(); ++i) {
    bool strongly_linked = strong[i] || (i > 0 && strong[i - 1]);
    if (best[i] == 0) {
      chain[i]->drop |= strongly_linked;
      continue;
    }
    std::vector<size_t> idx(chain[i]->posts.size());
    for (size_t k = 0; k < idx.size(); ++k) idx[k] = k;
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
      return scores[i][a] > scores[i][b];
    });
    SeatFirst(g, *chain[i], scores[i], &idx);
    std::vector<uint32_t> sorted;
    for (size_t k : idx) sorted.push_back(chain[i]->posts[k]);
    chain[i]->posts = std::move(sorted);
    chain[i]->confirmed = true;
  }
  DropInconsistent(g, chain);
  AreasAfterDropped(g, chain);
}

// "Hamirpur village near Rapar town": the namesakes of the first name
// lying near the town come first; a small one with none there is a village
// the gazetteer does not know, and the town stands in for it.
void NearTown(const MappedGazetteer& g, const PlaceRec& town, RawMention* m) {
  auto near = [&](uint32_t p) {
    const PlaceRec* r = g.Rec(p);
    return r != nullptr && Contains(town, *r, g);
  };
  if (std::any_of(m->posts.begin(), m->posts.end(), near)) {
    std::stable_partition(m->posts.begin(), m->posts.end(), near);
  } else if (Small(g, *m, true)) {
    m->drop = true;
  }
}

}  // namespace

void ResolveChains(const MappedGazetteer& g, std::string_view text,
                   std::vector<RawMention>* mentions) {
  std::vector<RawMention>& ms = *mentions;
  std::vector<Link> links(ms.size(), Link::kNone);
  for (size_t i = 0; i + 1 < ms.size(); ++i) {
    if (ms[i].demonym || ms[i + 1].demonym) continue;
    if (ms[i + 1].span.begin < ms[i].span.end) continue;
    links[i] = ClassifyGap(
        g, text.substr(ms[i].span.end, ms[i + 1].span.begin - ms[i].span.end));
    if (links[i] != Link::kNear && links[i] != Link::kPartOf) continue;
    // "X near Y", "the X area of Y": X lies by or in the town Y; "near the
    // Pakistan border" links nothing, "the Sinjar district of Nineveh" is a
    // plain hierarchy.
    const PlaceRec* r =
        ms[i + 1].posts.empty() ? nullptr : g.Rec(ms[i + 1].posts[0]);
    bool town = r != nullptr && !ms[i + 1].demonym && IsTown(r->kind);
    if (town) NearTown(g, *r, &ms[i]);
    links[i] = town || links[i] == Link::kPartOf ? Link::kStrong : Link::kNone;
  }
  size_t i = 0;
  while (i < ms.size()) {
    size_t j = i;
    while (j + 1 < ms.size() && j - i + 1 < kMaxChain &&
           (links[j] == Link::kStrong || links[j] == Link::kWeak)) {
      ++j;
    }
    bool list = links[j] == Link::kList;  // "A, B and C"
    if (j > i && !list) {
      std::vector<RawMention*> chain;
      std::vector<bool> strong;
      for (size_t k = i; k <= j; ++k) {
        chain.push_back(&ms[k]);
        strong.push_back(k < j && links[k] == Link::kStrong);
      }
      ResolveOne(g, chain, strong);
    }
    i = j + 1;
  }
  PossessiveParts(g, text, mentions);
  FollowAnchors(g, mentions);
}

}  // namespace sitrep::geo
