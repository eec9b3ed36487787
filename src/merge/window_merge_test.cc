#include "sitrep/window_merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "merge/internal.h"
#include "merge/merge_test_util.h"

namespace sitrep {
namespace {

using namespace merge_test;  // NOLINT: the shared fixtures

// Every field of two events (the mentions by identity and order).
void ExpectSame(const Event& a, const Event& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.event_type, b.event_type);
  EXPECT_EQ(a.sub_event_type, b.sub_event_type);
  EXPECT_EQ(a.actor1, b.actor1);
  EXPECT_EQ(a.actor2, b.actor2);
  EXPECT_EQ(a.location.has_value(), b.location.has_value());
  if (a.location && b.location) {
    EXPECT_EQ(a.location->name, b.location->name);
  }
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.date_rule, b.date_rule);
  for (int o = 0; o < kNumOutcomes; ++o) {
    EXPECT_EQ(a.counts[o].has_value(), b.counts[o].has_value());
    if (a.counts[o] && b.counts[o]) {
      EXPECT_EQ(a.counts[o]->value(), b.counts[o]->value());
    }
    ASSERT_EQ(a.figures[o].size(), b.figures[o].size());
    for (size_t i = 0; i < a.figures[o].size(); ++i) {
      EXPECT_EQ(a.figures[o][i].article_id, b.figures[o][i].article_id);
      EXPECT_EQ(a.figures[o][i].independent, b.figures[o][i].independent);
    }
  }
  EXPECT_EQ(a.fatalities_implied, b.fatalities_implied);
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    EXPECT_EQ(a.mentions[i].article_id, b.mentions[i].article_id);
    EXPECT_EQ(a.mentions[i].sentences, b.mentions[i].sentences);
    EXPECT_EQ(merge_internal::CanonicalKey(a.mentions[i]),
              merge_internal::CanonicalKey(b.mentions[i]));
  }
  EXPECT_EQ(a.articles, b.articles);
  EXPECT_EQ(a.disagreements, b.disagreements);
  EXPECT_EQ(a.notes, b.notes);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.subject, b.subject);
  EXPECT_EQ(a.parts, b.parts);
  EXPECT_EQ(a.n_sources, b.n_sources);
}

// The windowed merge of one scope's mentions handed over as the store
// does (aggregates first, undated ones, then dated by day in any order
// within a day), by id.
std::map<std::string, Event> Windowed(std::vector<Mention> ms,
                                      const MergeOptions& options,
                                      std::mt19937& rng,
                                      WindowStats* stats = nullptr) {
  std::map<std::string, Event> got;
  auto sink = [&](Event&& e) {
    EXPECT_TRUE(got.emplace(e.id, std::move(e)).second);
    return Status::OK();
  };
  CrossScopeParts cross;
  WindowedScopeMerge w(options, &cross, sink);
  for (const Mention& m : ms) {
    if (m.kind == MentionKind::kAggregate) w.WantParts(m);
  }
  std::shuffle(ms.begin(), ms.end(), rng);
  std::stable_sort(ms.begin(), ms.end(),
                   [](const Mention& a, const Mention& b) {
                     auto day = [](const Mention& m) {
                       return m.date.valid() ? m.date.ToDays() : INT64_MIN;
                     };
                     return day(a) < day(b);
                   });
  for (Mention& m : ms) EXPECT_TRUE(w.Add(std::move(m)).ok());
  EXPECT_TRUE(w.Finish().ok());
  EXPECT_TRUE(cross.Finish(sink).ok());
  if (stats) *stats = w.stats();
  return got;
}

void ExpectEqualsMergeMentions(const std::vector<Mention>& ms,
                               const MergeOptions& options, std::mt19937& rng,
                               WindowStats* stats = nullptr) {
  std::vector<Event> want = MergeMentions(ms, options);
  std::map<std::string, Event> got = Windowed(ms, options, rng, stats);
  ASSERT_EQ(got.size(), want.size());
  for (const Event& e : want) {
    auto it = got.find(e.id);
    ASSERT_NE(it, got.end()) << e.id;
    ExpectSame(it->second, e);
  }
}

// Places of one province a few km to ~150 km apart, of every precision
// (blocking.h keys them apart or together).
Location NearBaghdad(std::mt19937& rng) {
  struct P {
    const char* name;
    double lat, lon;
    const char* precision;
  } const places[] = {
      {"Baghdad", 33.34058, 44.40088, "city"},
      {"Kadhimiya", 33.38, 44.34, "city"},
      {"Abu Ghraib", 33.29, 44.07, "admin2"},
      {"Baghdad Governorate", 33.3, 44.4, "admin1"},
      {"Iraq", 33.0, 44.0, "country"},
      {"Najaf", 32.02594, 44.34625, "city"},
  };
  const P& p = places[rng() % 6];
  Location l = Place(p.name, p.lat, p.lon);
  l.precision = p.precision;
  l.admin1 = p.lat > 33 ? "Baghdad" : "Najaf";
  return l;
}

// Random mentions of one scope over a span of days: undated, weak,
// named victims, aggregates with parts, copies. `unplaced`: the scope of
// the mentions with no place. `varied`: places near one another and of
// every precision, other places named, tallies.
std::vector<Mention> RandomDays(std::mt19937& rng, int n, int days,
                                bool unplaced, bool varied = false) {
  const Location* places[] = {&kBaghdad, &kNasiriyah, &kNajaf};
  const char* ids[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
  const char* victims[] = {"", "people", "Ali Hassan", "Omar Saleh"};
  std::vector<Mention> ms;
  for (int i = 0; i < n; ++i) {
    CivilDay day = rng() % 6 ? kJan26.AddDays(rng() % days) : CivilDay{};
    Mention m =
        M(ids[rng() % 8], rng() % 2 ? kExpl : kProt, *places[rng() % 3], day,
          {Fig(Outcome::kKilled, 1 + rng() % 4)}, static_cast<int>(rng() % 5));
    if (unplaced) m.location.reset();
    if (varied && !unplaced) {
      m.location = NearBaghdad(rng);
      if (rng() % 4 == 0) m.other_places.push_back(NearBaghdad(rng));
    }
    if (varied && rng() % 3 == 0) {  // the types TypesCompatible lets meet
      m.event_type = rng() % 2 ? "Riots" : "Violence against civilians";
      if (rng() % 2) m.actor1 = "protesters";
    }
    m.raw_spans = {Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i)}};
    m.weak = rng() % 6 == 0;
    if (rng() % 3 == 0) m.actor2 = victims[rng() % 4];
    if (rng() % 4 == 0) m.date_rule = "article";  // fuzzy: a day's slack
    if (rng() % 5 == 0) {
      m.kind = MentionKind::kAggregate;
      m.parts = {static_cast<int>(rng() % 5), static_cast<int>(rng() % 5)};
    }
    if (varied && rng() % 4 == 0) m.kind = MentionKind::kTally;
    ms.push_back(std::move(m));
  }
  return ms;
}

TEST(WindowMerge, EqualsMergeMentionsOnRandomDays) {
  std::mt19937 rng(8);
  size_t kept = 0, closed = 0;
  for (int round = 0; round < 1000; ++round) {
    std::vector<Mention> ms =
        RandomDays(rng, 10 + rng() % 60, 1 + rng() % 12, round % 10 == 9);
    MergeOptions options;
    options.copy_of["f"] = "a";
    options.copy_of["h"] = "g";
    WindowStats stats;
    ExpectEqualsMergeMentions(ms, options, rng, &stats);
    kept += stats.kept;
    closed += stats.clusters;
    if (HasFailure()) {
      ADD_FAILURE() << "round " << round;
      break;
    }
  }
  EXPECT_GT(kept, 0u);
  EXPECT_GT(closed, kept);
}

// Longer spans, more mentions per scope, with named victims in half the
// rounds: the result is still MergeMentions'; without named victims (whose
// clusters stay open to the end) most clusters are made into events
// before the end.
TEST(WindowMerge, EqualsMergeMentionsOnLongerSpans) {
  std::mt19937 rng(9);
  size_t peak = 0, mentions = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<Mention> ms =
        RandomDays(rng, 60 + rng() % 140, 10 + rng() % 30, round % 10 == 9);
    const bool unnamed = round % 2;
    if (unnamed) {
      for (Mention& m : ms) {
        if (IsNamedActor(m.actor2)) m.actor2 = "people";
      }
      mentions += ms.size();
    }
    MergeOptions options;
    options.copy_of["f"] = "a";
    WindowStats stats;
    ExpectEqualsMergeMentions(ms, options, rng, &stats);
    if (unnamed) peak += stats.peak_held;
    if (HasFailure()) {
      ADD_FAILURE() << "round " << round;
      break;
    }
  }
  EXPECT_LT(peak * 3, mentions) << peak << " held at most of " << mentions;
}

// Places near one another, of every precision, tallies, and types that
// meet other types: what the blocking keys (blocking.h) keep apart or
// together.
TEST(WindowMerge, EqualsMergeMentionsWithPlacesNearAndFar) {
  std::mt19937 rng(10);
  size_t events = 0, mentions = 0;
  for (int round = 0; round < 1000; ++round) {
    std::vector<Mention> ms = RandomDays(rng, 10 + rng() % 80, 1 + rng() % 12,
                                         round % 20 == 19, true);
    MergeOptions options;
    options.copy_of["f"] = "a";
    ExpectEqualsMergeMentions(ms, options, rng);
    mentions += ms.size();
    events += MergeMentions(ms, options).size();
    if (HasFailure()) {
      ADD_FAILURE() << "round " << round;
      break;
    }
  }
  EXPECT_LT(events * 4, mentions * 3) << events << " events";
}

// Clusters a later mention joins, which closing them early would split:
// the first event has two mentions, as MergeMentions makes it.
TEST(WindowMerge, KeepsWhatALaterMentionJoins) {
  auto m = [](const char* article, CivilDay day, const char* rule = "weekday",
              const char* victim = "") {
    Mention x = M(article, kExpl, kBaghdad, day, {Fig(Outcome::kKilled, 3)});
    x.raw_spans = {Span{0, 0}};
    x.date_rule = rule;
    x.actor2 = victim;
    return x;
  };
  Mention weak = m("w", kJan27);
  weak.weak = true;
  weak.figures.clear();
  struct Case {
    const char* name;
    std::vector<Mention> mentions;
  } cases[] = {
      // the next day's mention (a publication day: a day's slack)
      {"next day", {m("a", kJan26), m("b", kJan27, "article")}},
      // the same named victim, four days on (another event in between)
      {"named victim",
       {m("a", kJan26, "weekday", "Ali Hassan"),
        M("x", kProt, kNajaf, kJan26.AddDays(2), {}),
        m("b", kJan26.AddDays(4), "article", "Ali Hassan")}},
      // an undated report of it
      {"undated", {m("a", kJan26), m("u", CivilDay{})}},
      // a weak report of it
      {"weak", {m("a", kJan27), weak}},
  };
  std::mt19937 rng(1);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<Event> want = MergeMentions(c.mentions, {});
    ASSERT_EQ(want.front().mentions.size(), 2u);
    ExpectEqualsMergeMentions(c.mentions, {}, rng);
  }
}

// Days out of order, or an undated mention after a dated one, are refused.
TEST(WindowMerge, RefusesMentionsOutOfDayOrder) {
  CrossScopeParts cross;
  auto sink = [](Event&&) { return Status::OK(); };
  WindowedScopeMerge w({}, &cross, sink);
  ASSERT_TRUE(w.Add(M("a", kExpl, kBaghdad, kJan27, {})).ok());
  EXPECT_EQ(w.Add(M("b", kExpl, kBaghdad, kJan26, {})).code(),
            StatusCode::kInternal);
  EXPECT_EQ(w.Add(M("c", kExpl, kBaghdad, CivilDay{}, {})).code(),
            StatusCode::kInternal);
}

}  // namespace
}  // namespace sitrep
