#include "sitrep/merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>

#include "merge/internal.h"
#include "merge/merge_test_util.h"

namespace sitrep {
namespace {

using namespace merge_test;  // NOLINT: the shared fixtures

// SortCanonically gives std::sort-by-CanonicalKey's exact order, tied
// keys included (told apart here by their notes).
TEST(Merge, SortCanonicallyIsStdSortByCanonicalKey) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::vector<Mention> ms;
    for (int i = 0; i < 40; ++i) {
      const char* ids[] = {"a",
                           "b",
                           "a-long-article-id-beyond-sso",
                           "c",
                           "a-long-article-id-beyond-ss",
                           ""};
      CivilDay day =
          rng() % 4 ? CivilDay{2020, 1, 20 + int(rng() % 3)} : CivilDay{};
      Mention m = M(ids[rng() % 6], kExpl, kBaghdad, day, {},
                    static_cast<int>(rng() % 3));
      if (rng() % 2) m.location.reset();
      // Negative sentences and days, equal and differing text starts: the
      // packed keys must compare as MentionOrder's members do.
      if (rng() % 5 == 0) m.sentences = {-static_cast<int>(rng() % 3)};
      if (rng() % 7 == 0) m.date = CivilDay{1969, 12, 30 + int(rng() % 2)};
      if (rng() % 3 == 0)
        m.raw_spans = {Span{static_cast<uint32_t>(rng() % 3), 0}};
      m.notes = std::to_string(i);
      ms.push_back(std::move(m));
    }
    std::vector<Mention> want = ms;
    std::sort(want.begin(), want.end(), [](const Mention& a, const Mention& b) {
      return merge_internal::CanonicalKey(a) < merge_internal::CanonicalKey(b);
    });
    merge_internal::SortCanonically(&ms);
    ASSERT_EQ(ms.size(), want.size());
    for (size_t i = 0; i < ms.size(); ++i)
      EXPECT_EQ(ms[i].notes, want[i].notes);
  }
}

// LinkParts against its plain form: sentences keyed "id#index", every
// sentence of every event indexed.
TEST(Merge, LinkPartsMatchesStringKeyedReference) {
  auto reference = [](std::vector<Event>* events) {
    std::map<std::string, std::string> owner;
    for (const auto& e : *events) {
      for (const auto& m : e.mentions) {
        for (int s : m.sentences) {
          owner[m.article_id + "#" + std::to_string(s)] = e.id;
        }
      }
    }
    for (auto& e : *events) {
      if (e.kind != MentionKind::kAggregate) continue;
      std::set<std::string> parts;
      for (const auto& m : e.mentions) {
        for (int p : m.parts) {
          auto it = owner.find(m.article_id + "#" + std::to_string(p));
          if (it != owner.end()) parts.insert(it->second);
        }
      }
      e.parts.assign(parts.begin(), parts.end());
    }
  };
  std::mt19937 rng(11);
  int linked = 0;
  for (int round = 0; round < 30; ++round) {
    std::vector<Event> events;
    for (int i = 0; i < 12; ++i) {
      Event e;
      e.id = "E" + std::to_string(i);
      e.kind = rng() % 3 ? MentionKind::kIncident : MentionKind::kAggregate;
      e.parts = {"stale"};
      for (int k = 0; k < 2; ++k) {
        const char* ids[] = {"a", "a#1", "b"};
        Mention m = M(ids[rng() % 3], kExpl, kBaghdad, kJan26, {},
                      static_cast<int>(rng() % 4));
        if (rng() % 2) m.parts = {static_cast<int>(rng() % 4)};
        e.mentions.push_back(std::move(m));
      }
      events.push_back(std::move(e));
    }
    std::vector<Event> want = events;
    reference(&want);
    merge_internal::LinkParts(&events);
    for (size_t i = 0; i < events.size(); ++i) {
      EXPECT_EQ(events[i].parts, want[i].parts) << i;
      linked += !want[i].parts.empty();
    }
  }
  EXPECT_GT(linked, 0);
}

// "At least 20 wounded" early, "210 injured" by nightfall: one event.
// Closed counts that far apart still keep two events apart.
TEST(Merge, WoundedCountMeetsAnOpenLowerBound) {
  Figure early = Fig(Outcome::kInjured, 20);
  early.qualifier = "at least";
  early.count = Count{20, 20, std::nullopt};
  auto events = MergeMentions(
      {M("a", kProt, kNajaf, kJan26, {Fig(Outcome::kKilled, 8), early}),
       M("b", kProt, kNajaf, kJan26,
         {Fig(Outcome::kKilled, 8), Fig(Outcome::kInjured, 210)})},
      {});
  EXPECT_EQ(events.size(), 1u);
  events = MergeMentions(
      {M("a", kProt, kNajaf, kJan26,
         {Fig(Outcome::kKilled, 8), Fig(Outcome::kInjured, 20)}),
       M("b", kProt, kNajaf, kJan26,
         {Fig(Outcome::kKilled, 8), Fig(Outcome::kInjured, 210)})},
      {});
  EXPECT_EQ(events.size(), 2u);
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
      {"one killed vs two",
       M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 1)}),
       M("b", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 2)})},
      {"one killed vs three",
       M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 3)}),
       M("b", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 1)})},
      {"two killed vs four",
       M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 2)}),
       M("b", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 4)})},
      {"none killed vs two",
       M("a", kExpl, kBaghdad, kJan26,
         {Fig(Outcome::kKilled, 0), Fig(Outcome::kInjured, 5)}),
       M("b", kExpl, kBaghdad, kJan26,
         {Fig(Outcome::kKilled, 2), Fig(Outcome::kInjured, 5)})},
      // "The bomber was killed" and "seven soldiers and a militant were
      // killed": the one dead is shared, the tolls are not.
      {"lone dead vs eight in all",
       M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 1)}),
       M("b", kExpl, kBaghdad, kJan26,
         {Fig(Outcome::kKilled, 7, 0, "military forces"),
          Fig(Outcome::kKilled, 1, 0, "militants")})},
      {"one police and one attacker vs four",
       M("a", kExpl, kBaghdad, kJan26,
         {Fig(Outcome::kKilled, 1, 0, "police"),
          Fig(Outcome::kKilled, 1, 0, "attackers")}),
       M("b", kExpl, kBaghdad, kJan26,
         {Fig(Outcome::kKilled, 3, 0, "militants"),
          Fig(Outcome::kKilled, 1, 0, "attackers")})},
  };
  for (auto& c : cases) {
    EXPECT_EQ(MergeMentions({c.a, c.b}, {}).size(), 2u) << c.name;
  }
}

// A kidnapping and a killing, a grenade thrown and a bomb planted: two
// incidents in one town on one day. A drone strike and an explosion, a
// shelling and a bombing may be one attack named by different outlets.
TEST(Merge, DistinctKindsOfAttackStayApart) {
  auto kind = [](Mention m, const char* sub) {
    m.sub_event_type = sub;
    return m;
  };
  const char* kVac = "Violence against civilians";
  struct Case {
    const char* type;
    const char* sub_a;
    const char* sub_b;
    size_t events;
  } cases[] = {
      {kVac, "Abduction/forced disappearance", "Attack", 2},
      {kExpl, "Grenade", "Remote explosive/landmine/IED", 2},
      {kExpl, "Air/drone strike", "Remote explosive/landmine/IED", 1},
      {kExpl, "Shelling/artillery/missile attack", "Suicide bomb", 1},
      {kVac, "Attack", "Attack", 1},
  };
  for (const auto& c : cases) {
    auto events = MergeMentions(
        {kind(M("a", c.type, kBaghdad, kJan26, {Fig(Outcome::kKilled, 3)}),
              c.sub_a),
         kind(M("b", c.type, kBaghdad, kJan26, {Fig(Outcome::kKilled, 3)}),
              c.sub_b)},
        {});
    EXPECT_EQ(events.size(), c.events) << c.sub_a << " vs " << c.sub_b;
  }
}

// A report placed only in the country joins a town's event of the same
// kind and toll (above one), not another kind of attack with an equal toll.
TEST(Merge, CountryWideReportJoinsOnlyTheSameKindOfAttack) {
  Location iraq = kBaghdad;
  iraq.precision = "country";
  auto with_sub = [](Mention m, const char* sub) {
    m.sub_event_type = sub;
    return m;
  };
  Mention town = with_sub(
      M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 3)}), "Grenade");
  Mention country = M("b", kExpl, iraq, kJan26, {Fig(Outcome::kKilled, 3)});
  EXPECT_EQ(MergeMentions({town, with_sub(country, "Grenade")}, {}).size(), 1u);
  EXPECT_EQ(MergeMentions({town, with_sub(country, "Suicide bomb")}, {}).size(),
            2u);
  // One killed in each is no tie: lone killings are many.
  Mention lone_town = with_sub(
      M("c", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 1)}), "Grenade");
  Mention lone_country = with_sub(
      M("d", kExpl, iraq, kJan26, {Fig(Outcome::kKilled, 1)}), "Grenade");
  EXPECT_EQ(MergeMentions({lone_town, lone_country}, {}).size(), 2u);
}

// Counts a little apart are one event told twice.
TEST(Merge, CloseCountsJoin) {
  const int64_t pairs[][2] = {{4, 5}, {3, 5}, {2, 3}, {12, 15}, {1, 1}};
  for (const auto& p : pairs) {
    auto events = MergeMentions(
        {M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, p[0])}),
         M("b", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, p[1])})},
        {});
    EXPECT_EQ(events.size(), 1u) << p[0] << " vs " << p[1];
  }
  // "Three soldiers and two civilians" and "five killed"; "seven soldiers
  // and a militant" and "eight dead": the totals agree.
  const int64_t split[][3] = {{3, 2, 5}, {7, 1, 8}, {2, 2, 4}, {3, 1, 3}};
  for (const auto& p : split) {
    auto events = MergeMentions(
        {M("a", kExpl, kBaghdad, kJan26,
           {Fig(Outcome::kKilled, p[0], 0, "military forces"),
            Fig(Outcome::kKilled, p[1], 0, "civilians")}),
         M("b", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, p[2])})},
        {});
    EXPECT_EQ(events.size(), 1u) << p[0] << "+" << p[1] << " vs " << p[2];
  }
  // "Ten people, including four policemen, were killed" and "ten dead".
  auto events = MergeMentions(
      {M("a", kExpl, kBaghdad, kJan26,
         {Fig(Outcome::kKilled, 10, 0, "people"),
          Fig(Outcome::kKilled, 4, 0, "police")}),
       M("b", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 10)})},
      {});
  EXPECT_EQ(events.size(), 1u) << "ten including four vs ten";
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

using namespace merge_test;  // NOLINT: the shared fixtures

// The streaming merge against MergeMentions (the reference): the same
// events in the same order, aggregates' parts included, over random
// mentions (aggregates naming parts of their article, weak and undated
// mentions, copies).
TEST(Merge, StreamingEqualsMergeMentions) {
  std::mt19937 rng(23);
  const Location* places[] = {&kBaghdad, &kNasiriyah, &kNajaf};
  const char* ids[] = {"a", "b", "c", "d", "e", "f"};
  int aggregates_linked = 0;
  for (int round = 0; round < 40; ++round) {
    std::vector<Mention> ms;
    for (int i = 0; i < 30; ++i) {
      CivilDay day =
          rng() % 5 ? CivilDay{2020, 1, 24 + int(rng() % 4)} : CivilDay{};
      Mention m = M(
          ids[rng() % 6], rng() % 2 ? kExpl : kProt, *places[rng() % 3], day,
          {Fig(Outcome::kKilled, 1 + rng() % 4)}, static_cast<int>(rng() % 5));
      m.weak = rng() % 6 == 0;
      if (rng() % 5 == 0) {
        m.kind = MentionKind::kAggregate;
        m.parts = {static_cast<int>(rng() % 5), static_cast<int>(rng() % 5)};
      }
      ms.push_back(std::move(m));
    }
    MergeOptions options;
    options.copy_of["f"] = "a";
    std::vector<Event> want = MergeMentions(ms, options);
    std::vector<Event> got;
    ASSERT_TRUE(MergeMentionsStreaming(ms, options, [&](Event&& e) {
                  got.push_back(std::move(e));
                  return Status::OK();
                }).ok());
    ASSERT_EQ(got.size(), want.size()) << round;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].id, want[i].id);
      EXPECT_EQ(got[i].kind, want[i].kind);
      EXPECT_EQ(got[i].parts, want[i].parts);
      EXPECT_EQ(got[i].articles, want[i].articles);
      EXPECT_EQ(got[i].mentions.size(), want[i].mentions.size());
      EXPECT_EQ(got[i].notes, want[i].notes);
      EXPECT_EQ(got[i].n_sources, want[i].n_sources);
      aggregates_linked += !want[i].parts.empty();
    }
  }
  EXPECT_GT(aggregates_linked, 0);
}

TEST(Merge, StreamingStopsAtTheSinksError) {
  std::vector<Mention> ms = {
      M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kKilled, 2)}),
      M("b", kProt, kNajaf, kJan27, {Fig(Outcome::kKilled, 9)}),
  };
  int calls = 0;
  Status st = MergeMentionsStreaming(ms, {}, [&](Event&&) {
    ++calls;
    return Status::Internal("full");
  });
  EXPECT_EQ(st.code(), StatusCode::kInternal);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace sitrep
