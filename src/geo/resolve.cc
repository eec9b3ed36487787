// Resolve: picks one candidate of a place mention using article context.
#include <algorithm>

#include "sitrep/gazetteer.h"

namespace sitrep {
namespace {

// `self` is the geonameid of the mention's first candidate.
int ContextScore(const Place& p, uint32_t self, const ResolveContext& ctx) {
  int score = 0;
  const Place* d = ctx.dateline ? &*ctx.dateline : nullptr;
  bool in_admin = d != nullptr && !d->admin1_code.empty() &&
                  d->country == p.country && d->admin1_code == p.admin1_code;
  for (const auto& [cc, code] : ctx.admin1) {
    in_admin |= cc == p.country && code == p.admin1_code;
  }
  bool in_home = false;
  for (const auto& [cc, code] : ctx.home_admin1) {
    in_home |= cc == p.country && code == p.admin1_code;
  }
  if (in_admin || in_home) score += 2;
  if (in_home) score += 1;
  bool in_country = d != nullptr && d->country == p.country;
  bool self_only = std::find(ctx.self_only.begin(), ctx.self_only.end(),
                             std::pair(p.country, self)) != ctx.self_only.end();
  in_country |=
      !self_only && std::find(ctx.countries.begin(), ctx.countries.end(),
                              p.country) != ctx.countries.end();
  if (in_country || in_home) score += 1;
  return score;
}

}  // namespace

std::optional<Place> Resolve(const PlaceMention& mention,
                             const ResolveContext& ctx) {
  const Place* best = nullptr;
  int best_score = -1;
  // Candidates are already best first; a later one wins only on context.
  if (mention.candidates.empty()) return std::nullopt;
  uint32_t self = mention.candidates.front().geonameid;
  for (const Place& p : mention.candidates) {
    int s = ContextScore(p, self, ctx);
    if (s > best_score) {
      best = &p;
      best_score = s;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

}  // namespace sitrep
