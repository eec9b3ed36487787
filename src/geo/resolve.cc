// Resolve: picks one candidate of a place mention using article context.
#include <algorithm>
#include <string>

#include "sitrep/gazetteer.h"

namespace sitrep {
namespace {

// a == b for the short codes compared here ("IQ", "09"): sizes first, then
// the bytes inline (no library call per pair); the same answer as ==.
bool SameCode(const std::string& a, const std::string& b) {
  size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  for (size_t i = 0; i < n; ++i) {
    if (x[i] != y[i]) return false;
  }
  return true;
}

// The most ContextScore gives: in a named or home admin1 (2), home (1),
// in a named country (1).
constexpr int kMaxContextScore = 4;

// `self` is the geonameid of the mention's first candidate.
int ContextScore(const Place& p, uint32_t self, const ResolveContext& ctx) {
  int score = 0;
  const Place* d = ctx.dateline ? &*ctx.dateline : nullptr;
  bool in_admin = d != nullptr && !d->admin1_code.empty() &&
                  SameCode(d->country, p.country) &&
                  SameCode(d->admin1_code, p.admin1_code);
  for (size_t k = 0; !in_admin && k < ctx.admin1.size(); ++k) {
    in_admin = SameCode(ctx.admin1[k].first, p.country) &&
               SameCode(ctx.admin1[k].second, p.admin1_code);
  }
  bool in_home = false;
  for (size_t k = 0; !in_home && k < ctx.home_admin1.size(); ++k) {
    in_home = SameCode(ctx.home_admin1[k].first, p.country) &&
              SameCode(ctx.home_admin1[k].second, p.admin1_code);
  }
  if (in_admin || in_home) score += 2;
  if (in_home) score += 1;
  bool in_country = d != nullptr && SameCode(d->country, p.country);
  bool self_only = std::any_of(
      ctx.self_only.begin(), ctx.self_only.end(), [&](const auto& s) {
        return s.second == self && SameCode(s.first, p.country);
      });
  in_country |=
      !self_only &&
      std::any_of(ctx.countries.begin(), ctx.countries.end(),
                  [&](const std::string& c) { return SameCode(c, p.country); });
  if (in_country || in_home) score += 1;
  return score;
}

}  // namespace

const Place* ResolveBest(const PlaceMention& mention,
                         const ResolveContext& ctx) {
  const Place* best = nullptr;
  int best_score = -1;
  // Candidates are already best first; a later one wins only on context.
  // A lone candidate, or one with the highest score there is, is chosen
  // without scoring the rest (none could score more).
  if (mention.candidates.empty()) return nullptr;
  if (mention.candidates.size() == 1) return &mention.candidates.front();
  uint32_t self = mention.candidates.front().geonameid;
  for (const Place& p : mention.candidates) {
    int s = ContextScore(p, self, ctx);
    if (s > best_score) {
      best = &p;
      best_score = s;
      if (s == kMaxContextScore) break;
    }
  }
  return best;
}

std::optional<Place> Resolve(const PlaceMention& mention,
                             const ResolveContext& ctx) {
  const Place* best = ResolveBest(mention, ctx);
  if (best == nullptr) return std::nullopt;
  return *best;
}

}  // namespace sitrep
