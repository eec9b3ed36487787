// Place hierarchies in running text: "Badah town (Larkana, Sindh)",
// "Santa Fe, Ocotepeque", "Yat village, Paletwa Township, Chin State".
//
// Names linked by a comma, an opening parenthesis, or `<place noun> of` /
// `in` read from the specific to the general: each later name should
// contain the earlier ones. ResolveChains picks, for every name of such a
// chain, the candidates consistent with the others, and drops a name none
// of whose candidates fits when the others agree (an unknown village that
// only matched a namesake abroad). Lists ("A, B and C") are not chains.
// The countries a chain settles then steer the sentence's other names.
#ifndef SITREP_GEO_CHAINS_H_
#define SITREP_GEO_CHAINS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer_impl.h"
#include "sitrep/offset_map.h"

namespace sitrep::geo {

// How two consecutive names are joined (the text between them).
enum class Link {
  kNone,    // unrelated
  kWeak,    // "X in Y": usually inside
  kStrong,  // "X, Y", "X (Y", "X town, Y", "X district of Y"
  kList,    // "X and Y", "X, or Y": coordinated, never a hierarchy
  kNear,    // "X near Y", "X village, near Y": strong when Y is a town
  kPartOf,  // "X district of Y", "the X area of Y": strong
};
Link ClassifyGap(const MappedGazetteer& g, std::string_view gap);

// One name found by the place finder, before its candidates are decoded.
struct RawMention {
  Span span;
  bool demonym = false;
  bool want_admin = false;  // followed by `province`, `district`...
  // Eligible postings, best first (the gazetteer's order); ResolveChains
  // reorders them.
  std::vector<uint32_t> posts;
  bool drop = false;
  bool confirmed = false;  // its first posting fits the rest of its chain
  bool stands_in = false;  // the area of an unknown place named before it
  bool away = false;       // where the wounded were taken ("hospital in X")
  bool coded = false;      // "[coded to X]": where the source placed it
  std::string key;         // NormalizePlaceKey of the name as written
};

// Reorders (or drops) the postings of the mentions of `text`, which are in
// text order. Cost: O(sum over linked pairs of |posts| x |posts|), with
// posts capped by the caller.
void ResolveChains(const MappedGazetteer& g, std::string_view text,
                   std::vector<RawMention>* mentions);

// True when `container` contains `place` (country > admin1 > admin2 >
// town; a town "contains" what lies within 60 km of it).
bool Contains(const PlaceRec& container, const PlaceRec& place,
              const MappedGazetteer& g);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_CHAINS_H_
