#include "sitrep/merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace sitrep {
namespace {

Location Place(const char* name, double lat, double lon) {
  Location l;
  l.name = name;
  l.country = "IQ";
  l.lat = lat;
  l.lon = lon;
  l.precision = "city";
  l.geonameid = static_cast<uint32_t>(lat * 1000 + lon);
  return l;
}

const Location kBaghdad = Place("Baghdad", 33.34058, 44.40088);
const Location kNasiriyah = Place("Nasiriyah", 31.05799, 46.25726);
const Location kNajaf = Place("Najaf", 32.02594, 44.34625);

Figure Fig(Outcome o, int64_t n, int sentence = 0, const char* victims = "") {
  Figure f;
  f.outcome = o;
  f.count = Count{n, n, n};
  f.qualifier = "exact";
  f.victims = victims;
  f.sentence = sentence;
  return f;
}

Mention M(const char* article, const char* type, const Location& where,
          CivilDay day, std::vector<Figure> figures, int sentence = 0) {
  Mention m;
  m.article_id = article;
  m.event_type = type;
  m.location = where;
  m.date = day;
  m.date_rule = day.valid() ? "weekday" : "none";
  m.figures = std::move(figures);
  m.sentences = {sentence};
  m.notes = std::string(article) + " sentence";
  return m;
}

constexpr const char kExpl[] = "Explosions/Remote violence";
constexpr const char kProt[] = "Protests";
const CivilDay kJan26{2020, 1, 26};
const CivilDay kJan27{2020, 1, 27};

TEST(Merge, SameEventFromThreeOutletsIsOneWithDisagreement) {
  auto events = MergeMentions(
      {M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kInjured, 0)}),
       M("b", kExpl, kBaghdad, kJan26, {Fig(Outcome::kInjured, 3)}),
       M("c", kExpl, kBaghdad, kJan26, {Fig(Outcome::kInjured, 0)})},
      {});
  ASSERT_EQ(events.size(), 1u);
  const auto& c = events[0].counts[static_cast<int>(Outcome::kInjured)];
  ASSERT_TRUE(c);
  EXPECT_EQ(c->low, 0);
  EXPECT_EQ(c->high, 3);
  EXPECT_EQ(c->best, 0);  // two sources against one
  EXPECT_EQ(events[0].articles, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(events[0].disagreements.size(), 1u);
  EXPECT_NE(events[0].disagreements[0].find("injuries"), std::string::npos);
}

TEST(Merge, ImplausibleSumOfVictimGroupsIsNeverUsed) {
  struct Case {
    int64_t soldiers, civilians;
    std::optional<int64_t> best;
  };
  const Case kCases[] = {{600000, 600000, std::nullopt}, {3, 4, 7},
                         {1000000, 0, 1000000}};
  for (const Case& c : kCases) {
    auto events = MergeMentions(
        {M("a", kExpl, kBaghdad, kJan26,
           {Fig(Outcome::kKilled, c.soldiers, 0, "soldiers"),
            Fig(Outcome::kKilled, c.civilians, 0, "civilians")})},
        MergeOptions());
    ASSERT_EQ(events.size(), 1u);
    const auto& killed = events[0].counts[0];
    EXPECT_EQ(killed ? killed->best : std::nullopt, c.best) << c.soldiers;
  }
}

TEST(Merge, ConservativeBestIsTheLowest) {
  MergeOptions o;
  o.conservative = true;
  auto events = MergeMentions(
      {M("a", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 4)}),
       M("b", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 3)}),
       M("c", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 4)})},
      o);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].counts[0]->best, 3);
  o.conservative = false;
  events = MergeMentions(
      {M("a", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 4)}),
       M("b", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 3)}),
       M("c", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 4)})},
      o);
  EXPECT_EQ(events[0].counts[0]->best, 4);
}

TEST(Merge, SyndicatedCopyIsNotAnIndependentSource) {
  MergeOptions o;
  o.copy_of["b"] = "a";
  auto events = MergeMentions(
      {M("a", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 3)}),
       M("b", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 3)}),
       M("c", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 4)})},
      o);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].n_sources, 2);
  EXPECT_EQ(events[0].articles.size(), 3u);
}

TEST(Merge, DifferentPlacesDaysOrTypesStayApart) {
  struct Case {
    const char* name;
    Mention a, b;
  } cases[] = {
      {"place", M("a", kProt, kNasiriyah, kJan26, {}),
       M("b", kProt, kNajaf, kJan26, {})},
      {"day", M("a", kProt, kBaghdad, kJan26, {}),
       M("b", kProt, kBaghdad, kJan27, {})},
      {"type", M("a", kExpl, kBaghdad, kJan26, {}),
       M("b", kProt, kBaghdad, kJan26, {})},
      {"same article", M("a", kProt, kBaghdad, kJan26, {}),
       M("a", kProt, kBaghdad, kJan26, {}, 5)},
      {"figures far apart",
       M("a", kProt, kBaghdad, kJan26, {Fig(Outcome::kKilled, 29)}),
       M("b", kProt, kBaghdad, kJan26, {Fig(Outcome::kKilled, 4)})},
  };
  for (auto& c : cases) {
    EXPECT_EQ(MergeMentions({c.a, c.b}, {}).size(), 2u) << c.name;
  }
}

// Near-copies ("protest in X city (X, Punjab)" for many cities) each name
// their own district and province: through those, two towns of a province
// must not join, even between copies.
TEST(Merge, OwnDistrictOrProvinceDoesNotJoinTwoTowns) {
  auto area = [](Location l, const char* precision, const char* admin1) {
    l.precision = precision;
    l.admin1 = admin1;
    return l;
  };
  Location najaf = area(kNajaf, "city", "Najaf");
  Location basra = area(Place("Basra", 30.51, 47.78), "city", "Basra");
  Mention a = M("a", kProt, basra, kJan26, {});
  a.other_places = {area(Place("Basra", 30.52, 47.80), "admin2", "Basra"),
                    area(Place("Basra", 30.50, 47.81), "admin1", "Basra")};
  Location qurna = area(Place("Qurna", 31.01, 47.44), "city", "Basra");
  Mention b = M("b", kProt, qurna, kJan26, {});
  b.other_places = {area(Place("Basra", 30.50, 47.81), "admin1", "Basra")};
  MergeOptions o;
  o.copy_of["b"] = "a";
  EXPECT_EQ(MergeMentions({a, b}, o).size(), 2u);
  // Another town the article names still links them (with a copy).
  Mention c = M("c", kProt, najaf, kJan26, {});
  c.other_places = {basra};
  o.copy_of["c"] = "a";
  EXPECT_EQ(MergeMentions({a, c}, o).size(), 1u);
}

TEST(Merge, NoChainingThroughTransitiveMerges) {
  // a~b (1 day apart) and b~c (1 day apart) but a and c are 2 days apart:
  // complete linkage keeps c out of {a, b}.
  Mention a = M("a", kProt, kBaghdad, {2020, 1, 25}, {});
  Mention b = M("b", kProt, kBaghdad, kJan26, {});
  Mention c = M("c", kProt, kBaghdad, kJan27, {});
  for (Mention* m : {&a, &b, &c}) m->date_rule = "article";
  auto events = MergeMentions({a, b, c}, {});
  EXPECT_EQ(events.size(), 2u);
}

TEST(Merge, UndatedJoinsOnlyWhenPlaceTypeAndFiguresAgree) {
  Mention dated = M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 5)});
  Mention agree = M("b", kExpl, kBaghdad, {}, {Fig(Outcome::kKilled, 6)});
  Mention no_figure = M("c", kExpl, kBaghdad, {}, {});
  EXPECT_EQ(MergeMentions({dated, agree}, {}).size(), 1u);
  EXPECT_EQ(MergeMentions({dated, no_figure}, {}).size(), 2u);
  Mention wrong_weekday = agree;
  wrong_weekday.weekday = 3;  // Thursday; Jan 26 2020 was a Sunday
  EXPECT_EQ(MergeMentions({dated, wrong_weekday}, {}).size(), 2u);
}

TEST(Merge, IdsAndEventsDoNotDependOnOrder) {
  std::vector<Mention> ms = {
      M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kInjured, 0)}),
      M("b", kExpl, kBaghdad, kJan26, {Fig(Outcome::kInjured, 3)}),
      M("c", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 2)}),
      M("d", kProt, kNasiriyah, kJan27, {Fig(Outcome::kKilled, 2)}),
      M("e", kProt, kNajaf, {}, {Fig(Outcome::kKilled, 12)}),
  };
  auto reference = MergeMentions(ms, {});
  std::mt19937 rng(7);
  for (int trial = 0; trial < 20; ++trial) {
    std::shuffle(ms.begin(), ms.end(), rng);
    auto events = MergeMentions(ms, {});
    ASSERT_EQ(events.size(), reference.size());
    for (size_t i = 0; i < events.size(); ++i) {
      EXPECT_EQ(events[i].id, reference[i].id);
      EXPECT_EQ(events[i].articles, reference[i].articles);
    }
  }
}

TEST(Merge, TalliesOfOneSourceMergeOthersStay) {
  Mention t1 = M("a", kProt, kBaghdad, kJan26, {Fig(Outcome::kKilled, 500)});
  t1.kind = MentionKind::kTally;
  t1.source = "AFP";
  Mention t2 = t1;
  t2.article_id = "b";
  Mention t3 = t1;
  t3.article_id = "c";
  t3.source = "Reuters";
  auto events = MergeMentions({t1, t2, t3}, {});
  EXPECT_EQ(events.size(), 2u);
  for (const auto& e : events) EXPECT_EQ(e.kind, MentionKind::kTally);
}

TEST(Merge, AggregateLinksItsParts) {
  Mention total = M("a", kProt, kBaghdad, {}, {Fig(Outcome::kKilled, 45)}, 0);
  total.kind = MentionKind::kAggregate;
  total.parts = {1, 2};
  Mention p1 = M("a", kProt, kNasiriyah, {}, {Fig(Outcome::kKilled, 29)}, 1);
  Mention p2 = M("a", kProt, kNajaf, {}, {Fig(Outcome::kKilled, 16)}, 2);
  auto events = MergeMentions({total, p1, p2}, {});
  ASSERT_EQ(events.size(), 3u);
  auto agg = std::find_if(events.begin(), events.end(), [](const Event& e) {
    return e.kind == MentionKind::kAggregate;
  });
  ASSERT_NE(agg, events.end());
  EXPECT_EQ(agg->parts.size(), 2u);
}

// Regression: two clauses of one sentence ("..., while in Kut ...") are two
// mentions with one sentence index; their events must get distinct ids.
TEST(Merge, ClausesOfOneSentenceGetDistinctIds) {
  Mention a = M("a", kProt, kBaghdad, kJan26, {Fig(Outcome::kKilled, 2)}, 3);
  Mention b = M("a", kProt, kNajaf, kJan26, {Fig(Outcome::kKilled, 1)}, 3);
  a.raw_spans = {{100, 150}};
  b.raw_spans = {{158, 200}};
  auto events = MergeMentions({a, b}, {});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_NE(events[0].id, events[1].id);
}

TEST(Merge, InjuredWithoutDeadImpliesZeroFatalities) {
  auto events = MergeMentions(
      {M("a", kProt, kBaghdad, kJan26, {Fig(Outcome::kInjured, 2)})}, {});
  ASSERT_TRUE(events[0].counts[0]);
  EXPECT_EQ(events[0].counts[0]->best, 0);
  EXPECT_TRUE(events[0].fatalities_implied);
}

// "No casualties" told by one report and victims counted by another, one
// day in one town: two attacks. A bare "no injuries" (possibly an early
// word) still joins a report of three hurt (see the first test).
TEST(Merge, NoCasualtiesAgainstVictimsAreTwoEvents) {
  using O = Outcome;
  struct Case {
    const char* name;
    std::vector<Figure> a, b;
    size_t events;
  };
  const Case cases[] = {
      {"none vs wounded",
       {Fig(O::kKilled, 0), Fig(O::kInjured, 0)},
       {Fig(O::kInjured, 2)},
       2},
      {"none vs dead and wounded",
       {Fig(O::kKilled, 0), Fig(O::kInjured, 0)},
       {Fig(O::kKilled, 1), Fig(O::kInjured, 4)},
       2},
      {"none vs none",
       {Fig(O::kKilled, 0), Fig(O::kInjured, 0)},
       {Fig(O::kInjured, 0), Fig(O::kKilled, 0)},
       1},
      {"no injuries vs wounded",
       {Fig(O::kInjured, 0)},
       {Fig(O::kInjured, 3)},
       1},
      {"none vs an outlet telling both",
       {Fig(O::kKilled, 0), Fig(O::kInjured, 0)},
       {Fig(O::kInjured, 0), Fig(O::kInjured, 3, 1)},
       1},
  };
  for (const auto& c : cases) {
    auto events = MergeMentions({M("a", kExpl, kBaghdad, kJan26, c.a),
                                 M("b", kExpl, kBaghdad, kJan26, c.b)},
                                {});
    EXPECT_EQ(events.size(), c.events) << c.name;
  }
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// Regression (ACLED dev): a town and a report at province level on one day
// with close but different counts are two events; an equal count ties them.
TEST(Merge, TownAndItsProvinceNeedAnEqualCount) {
  Location town = Place("Coalcoman", 18.78, -103.16);
  town.admin1 = "16";
  Location province = Place("Michoacan", 19.17, -101.9);
  province.precision = "admin1";
  province.admin1 = "16";
  const char kVac[] = "Violence against civilians";
  auto two = MergeMentions(
      {M("a", kVac, town, kJan26, {Fig(Outcome::kKilled, 1)}),
       M("b", kVac, province, kJan26, {Fig(Outcome::kKilled, 2)})},
      {});
  EXPECT_EQ(two.size(), 2u);
  auto one = MergeMentions(
      {M("a", kVac, town, kJan26, {Fig(Outcome::kKilled, 2)}),
       M("b", kVac, province, kJan26, {Fig(Outcome::kKilled, 2)})},
      {});
  EXPECT_EQ(one.size(), 1u);
}

// Regression (ACLED dev): reports naming no place at all are not pooled
// with other articles' events on type, day and count alone.
TEST(Merge, PlacelessReportsStayApart) {
  const char kVac[] = "Violence against civilians";
  Mention a = M("a", kVac, kBaghdad, kJan26, {Fig(Outcome::kKilled, 2)});
  Mention b = M("b", kVac, kBaghdad, kJan26, {Fig(Outcome::kKilled, 2)});
  a.location.reset();
  b.location.reset();
  EXPECT_EQ(MergeMentions({a, b}, {}).size(), 2u);
  MergeOptions copies;
  copies.copy_of["b"] = "a";
  EXPECT_EQ(MergeMentions({a, b}, copies).size(), 1u);
}

}  // namespace
}  // namespace sitrep
