#include "merge/blocking.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "merge/internal.h"
#include "merge/merge_test_util.h"

namespace sitrep::merge_internal {
namespace {

using namespace merge_test;  // NOLINT: the shared fixtures

// A random place around Baghdad: points a few km to ~150 km apart, of
// every precision, some in one of two provinces, some with no province,
// and now and then beyond 60 degrees north, on the date line or without
// valid coordinates.
Location RandomPlace(std::mt19937& rng) {
  const char* precisions[] = {"city", "city", "admin2", "admin1", "country"};
  const char* provinces[] = {"Baghdad", "Diyala", ""};
  Location l =
      Place("p", 33.3 + (rng() % 300) * 0.005, 44.4 + (rng() % 300) * 0.005);
  l.precision = precisions[rng() % 5];
  l.admin1 = provinces[rng() % 3];
  switch (rng() % 24) {
    case 0:
      l.lat = 64 + (rng() % 100) * 0.005;  // north of the grid
      break;
    case 1:
      l.lon = rng() % 2 ? 179.9 : -179.95;  // either side of the date line
      l.lat = -17.8;
      break;
    case 2:
      l.lat = std::nan("");
      break;
    case 3:
      l.lat = 59.6 + (rng() % 100) * 0.01;  // the grid's edge
      break;
    default:
      break;
  }
  return l;
}

Mention RandomMention(std::mt19937& rng, int i) {
  const char* types[] = {kExpl, kProt, "Riots", "Violence against civilians",
                         "Battles"};
  const char* ids[] = {"a", "b", "c", "d"};
  Mention m = M(ids[rng() % 4], types[rng() % 5], RandomPlace(rng),
                rng() % 5 ? kJan26.AddDays(rng() % 3) : CivilDay{},
                {Fig(Outcome::kKilled, 1 + rng() % 3)});
  if (rng() % 4 == 0) m.figures.clear();
  if (rng() % 8 == 0) m.location.reset();
  for (int k = rng() % 3; k > 0; --k)
    m.other_places.push_back(RandomPlace(rng));
  m.weak = rng() % 4 == 0;
  if (rng() % 3 == 0) (rng() % 2 ? m.actor1 : m.actor2) = "protesters";
  if (rng() % 4 == 0) {
    m.kind = rng() % 2 ? MentionKind::kTally : MentionKind::kAggregate;
  }
  if (rng() % 3 == 0) m.date_rule = "article";
  m.raw_spans = {Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i)}};
  return m;
}

// The implication of blocking.h, on random pairs: whenever the merge's
// tests let two mentions of one kind meet (WeakFits is asked only of a
// weak mention), their keys meet both ways.
// Pairs whose keys do not meet must occur too (else it proves nothing).
TEST(Blocking, KeysMeetWheneverTheTestsDo) {
  std::mt19937 rng(11);
  MergeOptions options;
  options.copy_of["d"] = "a";
  int tested = 0, apart = 0;
  for (int round = 0; round < 200000; ++round) {
    const Mention a = RandomMention(rng, 0), b = RandomMention(rng, 1);
    if (a.kind != b.kind) continue;
    const BlockKeys fa = FiledKeys(a), pa = ProbeKeys(a);
    const BlockKeys fb = FiledKeys(b), pb = ProbeKeys(b);
    EXPECT_EQ(Meet(fa, pb), Meet(fb, pa)) << round;
    if (!Meet(fa, pb)) ++apart;
    if (!SameEvent(a, b, options) && !(b.weak && WeakFits(a, b)) &&
        !(a.weak && WeakFits(b, a))) {
      continue;
    }
    ++tested;
    EXPECT_TRUE(Meet(fa, pb)) << round;
    EXPECT_TRUE(Meet(fb, pa)) << round;
    if (HasFailure()) break;
  }
  EXPECT_GT(tested, 2000);
  EXPECT_GT(apart, 10000);
}

// Random figures for the gate: none, one or several of each outcome
// (zeros and per-sentence sums over victims included), now and then
// implausible or more death tolls than the gate holds.
std::vector<Figure> RandomFigures(std::mt19937& rng) {
  const int64_t counts[] = {0, 1, 2, 3, 4, 5, 7, 12, 15, 40};
  const char* victims[] = {"", "soldiers", "civilians"};
  std::vector<Figure> fs;
  for (int k = rng() % 7; k > 0; --k) {
    Figure f = Fig(static_cast<Outcome>(rng() % 2 ? 0 : rng() % kNumOutcomes),
                   counts[rng() % 10], rng() % 2, victims[rng() % 3]);
    f.implausible = rng() % 12 == 0;
    fs.push_back(f);
  }
  return fs;
}

// UndatedGate's implication (blocking.h), on random pairs of a dated and an
// undated mention: whenever SameEvent lets them meet, so does the gate.
// Pairs the gate keeps apart must occur too.
TEST(Blocking, UndatedGateMeetsWheneverSameEventDoes) {
  std::mt19937 rng(12);
  MergeOptions options;
  options.copy_of["d"] = "a";
  int met = 0, apart = 0;
  for (int round = 0; round < 200000; ++round) {
    Mention a = RandomMention(rng, 0), b = RandomMention(rng, 1);
    if (!a.date.valid()) a.date = kJan26;
    b.date = CivilDay{};
    a.figures = RandomFigures(rng);
    b.figures = RandomFigures(rng);
    if (rng() % 4 == 0) b.event_type = a.event_type;
    if (rng() % 10 == 0) a.actor2 = b.actor2 = "Qassem Soleimani";
    const bool gate = MayJoinUndated(GateOf(a, options), GateOf(b, options));
    EXPECT_EQ(gate, MayJoinUndated(GateOf(b, options), GateOf(a, options)));
    if (!gate) ++apart;
    if (!SameEvent(a, b, options)) continue;
    ++met;
    EXPECT_TRUE(gate) << round;
    if (HasFailure()) break;
  }
  EXPECT_GT(met, 1000);
  EXPECT_GT(apart, 20000);
}

// The gate of fixed cases.
TEST(Blocking, UndatedGateFixedCases) {
  MergeOptions options;
  options.copy_of["c"] = "a";
  auto gate = [&](const Mention& a, const Mention& b) {
    return MayJoinUndated(GateOf(a, options), GateOf(b, options));
  };
  const Mention dated =
      M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 12)});
  auto undated = [](const char* id, std::vector<Figure> fs) {
    return M(id, kExpl, kBaghdad, CivilDay{}, std::move(fs));
  };
  EXPECT_TRUE(gate(dated, undated("b", {Fig(Outcome::kKilled, 14)})));
  EXPECT_FALSE(gate(dated, undated("b", {Fig(Outcome::kKilled, 40)})));
  EXPECT_FALSE(gate(dated, undated("b", {Fig(Outcome::kInjured, 12)})));
  EXPECT_FALSE(gate(dated, undated("b", {})));
  EXPECT_TRUE(gate(dated, undated("c", {})));  // a copy: anything goes
  Mention other_type = undated("b", {Fig(Outcome::kKilled, 12)});
  other_type.event_type = kProt;
  EXPECT_FALSE(gate(dated, other_type));
  Mention country_only = undated("b", {Fig(Outcome::kKilled, 12)});
  country_only.location->precision = "country";
  EXPECT_FALSE(gate(dated, country_only));
  Mention named = undated("b", {});
  named.actor2 = "Qassem Soleimani";
  EXPECT_TRUE(GateOf(named, options).wild);
  // Both a zero toll: an equal figure, though neither is a death.
  EXPECT_TRUE(gate(M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 0)}),
                   undated("b", {Fig(Outcome::kKilled, 0)})));
}

// The gate's death tolls are the mention's counts (TollsOf): each
// plausible figure, then each sentence's sum over its distinct victims, in
// sentence order, where it has two or more.
TEST(Blocking, GateTollsAddEachSentencesSumOverDistinctVictims) {
  auto fig = [](int64_t n, const char* victims, int sentence) {
    Figure f = Fig(Outcome::kKilled, n);
    f.victims = victims;
    f.sentence = sentence;
    return f;
  };
  auto tolls = [](std::vector<Figure> fs) {
    const UndatedGate g = GateOf(
        M("a", kExpl, kBaghdad, CivilDay{}, std::move(fs)), MergeOptions());
    EXPECT_FALSE(g.wild);
    return std::vector<int64_t>(g.toll, g.toll + g.tolls);
  };
  EXPECT_EQ(tolls({fig(6, "militants", 2), fig(3, "civilians", 0),
                   fig(2, "soldiers", 2)}),
            (std::vector<int64_t>{6, 3, 2, 8}));
  // One victim class twice in a sentence is one toll told twice: no sum.
  EXPECT_EQ(tolls({fig(5, "civilians", 1), fig(5, "civilians", 1)}),
            (std::vector<int64_t>{5, 5}));
  Figure odd = fig(900, "civilians", 1);
  odd.implausible = true;
  EXPECT_EQ(tolls({fig(2, "police", 1), odd, fig(4, "civilians", 1)}),
            (std::vector<int64_t>{2, 4, 6}));
  EXPECT_EQ(tolls({fig(1, "police", -1), fig(2, "civilians", -1)}),
            (std::vector<int64_t>{1, 2, 3}));  // no sentence known: one
}

// The keys of fixed cases: what must meet, and what must not.
TEST(Blocking, FixedCases) {
  auto at = [](double lat, double lon, const char* precision = "city",
               const char* admin1 = "") {
    Location l = Place("p", lat, lon);
    l.precision = precision;
    l.admin1 = admin1;
    return M("a", kExpl, l, kJan26, {});
  };
  auto meet = [](const Mention& a, const Mention& b) {
    return Meet(FiledKeys(a), ProbeKeys(b)) && Meet(FiledKeys(b), ProbeKeys(a));
  };
  struct Case {
    const char* name;
    Mention a, b;
    bool meet;
  } cases[] = {
      {"same town", at(33.34, 44.40), at(33.34, 44.40), true},
      {"59 km north", at(33.0, 44.0), at(33.53, 44.0), true},
      {"59 km east at 59N", at(59.0, 10.0), at(59.0, 11.03), true},
      {"59.7 km east at 59.9N", at(59.9, 10.79), at(59.9, 11.86), true},
      {"across the date line", at(-17.8, 179.99), at(-17.8, -179.99), true},
      {"200 km apart", at(33.34, 44.40), at(31.6, 44.40), false},
      {"province holds town", at(33.0, 44.0, "admin1", "Baghdad"),
       at(36.0, 44.0, "city", "Baghdad"), true},
      {"other province", at(33.0, 44.0, "admin1", "Baghdad"),
       at(33.0, 44.0, "city", "Diyala"), false},
      {"north of the grid", at(64.0, 10.0), at(33.0, 44.0), true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(meet(c.a, c.b), c.meet) << c.name;
  }
  Mention unplaced = at(33.0, 44.0);
  unplaced.location.reset();
  EXPECT_TRUE(FiledKeys(unplaced).wild);
  Mention tally = at(33.0, 44.0), other = at(33.0, 44.0);
  tally.kind = other.kind = MentionKind::kTally;
  tally.figures = {Fig(Outcome::kKilled, 470)};
  other.figures = {Fig(Outcome::kKilled, 47)};
  EXPECT_FALSE(meet(tally, other));
  other.figures = {Fig(Outcome::kKilled, 470)};
  EXPECT_TRUE(meet(tally, other));
}

}  // namespace
}  // namespace sitrep::merge_internal
