// ResolveBest (a lone candidate taken unscored, scoring stopped at the
// highest score) against the plain choice: every candidate scored, the
// first of the highest score wins.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "sitrep/gazetteer.h"

namespace sitrep {
namespace {

// The rule of Resolve() as documented in sitrep/gazetteer.h, written plainly.
int PlainScore(const Place& p, uint32_t self, const ResolveContext& ctx) {
  auto in = [&](const std::vector<std::pair<std::string, std::string>>& v) {
    for (const auto& [cc, code] : v) {
      if (cc == p.country && code == p.admin1_code) return true;
    }
    return false;
  };
  const Place* d = ctx.dateline ? &*ctx.dateline : nullptr;
  bool admin = (d != nullptr && !d->admin1_code.empty() &&
                d->country == p.country && d->admin1_code == p.admin1_code) ||
               in(ctx.admin1);
  bool home = in(ctx.home_admin1);
  bool self_only = false;
  for (const auto& [cc, id] : ctx.self_only) {
    self_only |= id == self && cc == p.country;
  }
  bool country = d != nullptr && d->country == p.country;
  for (const std::string& c : ctx.countries) {
    country |= !self_only && c == p.country;
  }
  return ((admin || home) ? 2 : 0) + (home ? 1 : 0) +
         ((country || home) ? 1 : 0);
}

const Place* PlainBest(const PlaceMention& m, const ResolveContext& ctx) {
  const Place* best = nullptr;
  int best_score = -1;
  for (const Place& p : m.candidates) {
    int s = PlainScore(p, m.candidates.front().geonameid, ctx);
    if (s > best_score) {
      best = &p;
      best_score = s;
    }
  }
  return best;
}

TEST(Resolve, ResolveBestMatchesThePlainChoice) {
  const std::string countries[] = {"IQ", "SY", "", "I", "IQX"};
  const std::string codes[] = {"01", "09", "", "1"};
  std::mt19937 rng(7);
  auto pick = [&](const auto& from) { return from[rng() % std::size(from)]; };
  auto place = [&](uint32_t id) {
    Place p;
    p.geonameid = id;
    p.country = pick(countries);
    p.admin1_code = pick(codes);
    return p;
  };
  for (int n = 0; n < 20000; ++n) {
    PlaceMention m;
    for (int k = static_cast<int>(rng() % 5); k > 0; --k) {
      m.candidates.push_back(place(rng() % 3));
    }
    ResolveContext ctx;
    for (int k = static_cast<int>(rng() % 3); k > 0; --k) {
      ctx.countries.push_back(pick(countries));
      ctx.admin1.emplace_back(pick(countries), pick(codes));
      if (rng() % 2) ctx.home_admin1.emplace_back(pick(countries), pick(codes));
      if (rng() % 2) ctx.self_only.emplace_back(pick(countries), rng() % 3);
    }
    if (rng() % 2) ctx.dateline = place(rng() % 3);
    ASSERT_EQ(ResolveBest(m, ctx), PlainBest(m, ctx)) << n;
  }
}

}  // namespace
}  // namespace sitrep
