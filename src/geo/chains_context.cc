// FollowAnchors and PossessiveParts: the sentence-wide steps of
// ResolveChains, after each chain is resolved (see chains.h).
#include <algorithm>
#include <string_view>
#include <vector>

#include "geo/chains.h"
#include "geo/chains_internal.h"

namespace sitrep::geo::chains_internal {

// Countries of the names a chain confirmed ("Samlout district, Battambang,
// Cambodia") or that stand in for a dropped name settle the sentence's other
// names: a name elsewhere prefers its candidate there, and a small namesake
// abroad is dropped.
void FollowAnchors(const MappedGazetteer& g, std::vector<RawMention>* ms) {
  std::vector<const PlaceRec*> anchors;
  for (const RawMention& m : *ms) {
    // "in Savar city (Savar, Dhaka)": an area standing in for a dropped
    // name is as sure of its country as a confirmed one.
    if ((m.confirmed || m.stands_in) && !m.drop) {
      anchors.push_back(g.Rec(m.posts[0]));
    }
  }
  if (anchors.empty()) return;
  auto anchored = [&](uint32_t p) {
    const PlaceRec* r = g.Rec(p);
    return r != nullptr &&
           std::any_of(anchors.begin(), anchors.end(), [&](const PlaceRec* a) {
             return a != nullptr && SameCountry(*a, *r);
           });
  };
  // "in Fresnillo, Zacatecas, ... in Colonia Del Valle": a section of a
  // city (PPLX) outside the areas and towns settled on is a namesake of
  // the neighbourhood there (this one is Mexico City's).
  auto stray_section = [&](uint32_t p) {
    const PlaceRec* r = g.Rec(p);
    return r != nullptr && g.Str(r->feature) == "PPLX" &&
           std::none_of(anchors.begin(), anchors.end(), [&](const PlaceRec* a) {
             return a != nullptr && Contains(*a, *r, g);
           });
  };
  for (RawMention& m : *ms) {
    if (!m.confirmed && !m.drop && !m.demonym && stray_section(m.posts[0])) {
      m.drop = true;
      continue;
    }
    if (m.confirmed || m.drop || m.demonym || anchored(m.posts[0])) continue;
    if (std::any_of(m.posts.begin(), m.posts.end(), anchored)) {
      std::stable_partition(m.posts.begin(), m.posts.end(), anchored);
    } else if (Overrulable(g, m, false)) {
      m.drop = true;
    }
  }
}

// "Hong Kong's Central District", "Nigeria's Katsina state": the name after
// a possessive is a part of the one before it. Its candidates there come
// first; with none there, it is a namesake elsewhere and is dropped.
void PossessiveParts(const MappedGazetteer& g, std::string_view text,
                     std::vector<RawMention>* ms) {
  for (size_t i = 0; i + 1 < ms->size(); ++i) {
    RawMention& whole = (*ms)[i];
    RawMention& part = (*ms)[i + 1];
    if (whole.drop || part.drop || part.demonym || whole.posts.empty() ||
        part.span.begin < whole.span.end) {
      continue;
    }
    std::string_view gap =
        text.substr(whole.span.end, part.span.begin - whole.span.end);
    if (gap != "'s " && gap != "\xE2\x80\x99s ") continue;
    const PlaceRec* w = g.Rec(whole.posts[0]);
    if (w == nullptr || IsTown(w->kind)) continue;
    auto inside = [&](uint32_t p) {
      const PlaceRec* r = g.Rec(p);
      return r != nullptr && Contains(*w, *r, g);
    };
    if (std::any_of(part.posts.begin(), part.posts.end(), inside)) {
      std::stable_partition(part.posts.begin(), part.posts.end(), inside);
    } else {
      part.drop = true;
    }
  }
}

}  // namespace sitrep::geo::chains_internal
