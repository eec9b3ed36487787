// Helpers shared by chains.cc (ResolveChains) and chains_context.cc (the
// sentence-wide steps after each chain). Internal to the geo stage.
#ifndef SITREP_GEO_CHAINS_INTERNAL_H_
#define SITREP_GEO_CHAINS_INTERNAL_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "geo/chains.h"
#include "geo/gazetteer_impl.h"

namespace sitrep::geo::chains_internal {

// A town or a landmark (PlaceKind), not an area.
bool IsTown(uint8_t kind);
bool SameCountry(const PlaceRec& a, const PlaceRec& b);
// A namesake that context may overrule: not a country, a capital, a city
// of a million, nor (unless `seats`) a province seat.
bool Small(const MappedGazetteer& g, const RawMention& m, bool seats);
// Small, or a town below the capitals matched only by an alternate name.
bool Overrulable(const MappedGazetteer& g, const RawMention& m, bool seats);

// Countries (and places) the chains confirmed steer the sentence's other
// names; a stray namesake is dropped.
void FollowAnchors(const MappedGazetteer& g, std::vector<RawMention>* ms);
// "Nigeria's Katsina state": the name after a possessive is a part of the
// one before it.
void PossessiveParts(const MappedGazetteer& g, std::string_view text,
                     std::vector<RawMention>* ms);

}  // namespace sitrep::geo::chains_internal

#endif  // SITREP_GEO_CHAINS_INTERNAL_H_
