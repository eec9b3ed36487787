#include "sitrep/incremental_merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <sstream>

#include "export/sample_events.h"

namespace sitrep {
namespace {

Location Place(const char* name, const char* country, double lat, double lon,
               const char* precision = "city", const char* admin1 = "") {
  Location l = sample::Place(name, country, admin1, lat, lon, precision);
  // Shifted to positive values: a negative double cast to uint32_t is
  // undefined behaviour (UBSan in CI).
  l.geonameid = static_cast<uint32_t>((lat + 90) * 1000 + (lon + 180));
  return l;
}

// Made-up places: two pairs within 25 km, a province, two countries.
const Location kPlaces[] = {
    Place("Alpha", "XA", 10.0, 20.0, "city", "North"),
    Place("Alpha East", "XA", 10.05, 20.1, "city", "North"),
    Place("Beta", "XA", 12.0, 22.0, "city", "South"),
    Place("North", "XA", 10.5, 20.5, "admin1", "North"),
    Place("Gamma", "XB", -5.0, 30.0, "city", "Coast"),
    Place("Gamma Port", "XB", -5.1, 30.05, "city", "Coast"),
};
const char* kTypes[] = {"Battles", "Explosions/Remote violence", "Protests"};
const char* kRules[] = {"text", "article", "weekday", "overnight"};
const char* kActors[] = {"",          "", "civilians", "police", "Sam Example",
                         "Lee Sample"};
const int64_t kCounts[] = {0, 1, 2, 3, 5, 8, 12};

// A random mention: dense in days and places so clusters collide often;
// with undated, weak, named-victim, aggregate and tally mentions.
// `actors`: how many of kActors to draw from (5 or more: named victims).
Mention RandomMention(std::mt19937& rng, const std::string& article, int i,
                      int actors) {
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  Mention m;
  m.article_id = article;
  int kind = pick(20);
  m.kind = kind == 0   ? MentionKind::kAggregate
           : kind == 1 ? MentionKind::kTally
                       : MentionKind::kIncident;
  m.event_type = kTypes[pick(3)];
  m.actor2 = kActors[pick(actors)];
  if (pick(10) != 0) m.location = kPlaces[pick(6)];
  if (pick(7) != 0) m.date = CivilDay{2021, 3, 1 + pick(25)};
  m.date_rule = m.date.valid() ? kRules[pick(4)] : "none";
  if (!m.date.valid() && pick(3) == 0) m.weekday = pick(7);
  m.weak = pick(9) == 0;
  if (m.kind == MentionKind::kTally) m.source = pick(2) ? "ministry" : "";
  for (int o = 0; o < 2; ++o) {
    if (pick(3) == 0) continue;
    Figure f;
    f.outcome = static_cast<Outcome>(o);
    int64_t n = kCounts[pick(7)];
    f.count = Count{n, n, n};
    f.sentence = i;
    m.figures.push_back(f);
  }
  m.sentences = {i};
  m.raw_spans = {Span{static_cast<uint32_t>(i * 100),
                      static_cast<uint32_t>(i * 100 + 50)}};
  if (m.kind == MentionKind::kAggregate) m.parts = {i + 1, i + 2};
  m.notes = article + " says " + std::to_string(i);
  return m;
}

std::vector<Mention> RandomArticle(std::mt19937& rng, const std::string& id,
                                   int actors) {
  std::vector<Mention> ms;
  int n = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < n; ++i) ms.push_back(RandomMention(rng, id, i, actors));
  return ms;
}

// What distinguishes two events.
std::string Describe(const Event& e) {
  std::ostringstream s;
  s << e.id << " " << MentionKindName(e.kind) << " " << e.event_type << "/"
    << e.sub_event_type << " " << e.actor1 << "/" << e.actor2 << " "
    << (e.location ? e.location->name : "-") << " "
    << (e.date.valid() ? e.date.ToIso() : "-") << " " << e.date_rule << " n"
    << e.n_sources << " " << e.notes << " [";
  for (const auto& a : e.articles) s << a << ",";
  s << "] parts[";
  for (const auto& p : e.parts) s << p << ",";
  s << "] m[";
  for (const auto& m : e.mentions) s << m.article_id << "#" << m.notes << ",";
  s << "] c[";
  for (int o = 0; o < kNumOutcomes; ++o) {
    if (e.counts[o]) s << o << ":" << e.counts[o]->value() << ",";
  }
  s << "] d" << e.disagreements.size();
  return s.str();
}

std::vector<std::string> DescribeAll(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(Describe(e));
  return out;
}

// The lines only one side has, for a readable failure.
std::string Diff(const std::vector<std::string>& got,
                 const std::vector<std::string>& want) {
  std::string out;
  for (const auto& g : got) {
    if (std::find(want.begin(), want.end(), g) == want.end())
      out += "\n  only incremental: " + g;
  }
  for (const auto& w : want) {
    if (std::find(got.begin(), got.end(), w) == got.end())
      out += "\n  only full: " + w;
  }
  return out;
}

std::string Show(const std::vector<Mention>& ms) {
  std::string out;
  for (const auto& m : ms) {
    out += "{" + m.notes + (m.weak ? " weak" : "") + " " +
           (m.date.valid() ? m.date.ToIso() : "-") + " " + m.Scope() + " " +
           m.actor2 + "}";
  }
  return out;
}

struct Case {
  unsigned seed;
  int articles, steps;
  int actors;            // 4: no named victims; 6: some
  int64_t max_replayed;  // over all steps: the updates stay local
};

// After every random change (new article, new version, removal), the
// incremental events equal MergeMentions over every current mention, and
// the deltas applied to a copy give the same set.
TEST(IncrementalMerge, EqualsFullMergeAfterEveryChange) {
  // Without named victims a change replays the days between its mentions'
  // and a few more (of 25); with them a scope replays to its last day.
  const Case kCases[] = {{1, 40, 100, 6, 100 * 26},  {2, 120, 120, 6, 120 * 26},
                         {3, 300, 100, 4, 100 * 12}, {4, 15, 200, 6, 200 * 26},
                         {5, 200, 150, 4, 150 * 12}, {6, 60, 150, 5, 150 * 26}};
  for (const Case& c : kCases) {
    SCOPED_TRACE("seed " + std::to_string(c.seed));
    std::mt19937 rng(c.seed);
    MergeOptions options;
    options.copy_of["a3"] = "a1";
    options.published["a2"] = CivilDay{2021, 3, 4};
    IncrementalMerge inc(options);
    std::map<std::string, std::vector<Mention>> current;
    std::map<std::string, std::string> mirror;  // id -> description
    int64_t replayed = 0;
    for (int step = 0; step < c.steps; ++step) {
      std::string id = "a" + std::to_string(rng() % c.articles);
      std::vector<Mention> ms;
      if (rng() % 8 != 0) ms = RandomArticle(rng, id, c.actors);
      std::string before = Show(current[id]);
      current[id] = ms;
      auto published = options.published.find(id);
      IncrementalMerge::Delta d =
          inc.SetArticle(id, std::move(ms),
                         published == options.published.end()
                             ? std::nullopt
                             : std::optional<CivilDay>(published->second));
      replayed += inc.last_replayed_days();
      for (const auto& r : d.removed) mirror.erase(r);
      for (const auto& e : d.changed) mirror[e.id] = Describe(e);
      std::vector<Mention> all;
      for (const auto& [a, v] : current)
        all.insert(all.end(), v.begin(), v.end());
      std::vector<Event> full = MergeMentions(all, options);
      ASSERT_TRUE(inc.ok());
      std::vector<std::string> got = DescribeAll(inc.Events());
      std::vector<std::string> want_all = DescribeAll(full);
      ASSERT_TRUE(got == want_all)
          << "step " << step << " set " << id << " was " << before << " now "
          << Show(current[id]) << Diff(got, want_all);
      std::map<std::string, std::string> want;
      for (const auto& e : full) want[e.id] = Describe(e);
      ASSERT_EQ(mirror, want) << "step " << step;
    }
    EXPECT_LE(replayed, c.max_replayed);
    std::vector<Mention> all;
    for (const auto& [a, v] : current)
      all.insert(all.end(), v.begin(), v.end());
    IncrementalMerge loaded(options);
    loaded.Load(all);
    EXPECT_EQ(DescribeAll(loaded.Events()),
              DescribeAll(MergeMentions(all, options)));
  }
}

// Articles of one day each over a long range, no named victims: an update
// replays its day and the next one or two, not the range.
TEST(IncrementalMerge, OneDayArticlesReplayFewDays) {
  std::mt19937 rng(7);
  IncrementalMerge inc(MergeOptions{});
  std::vector<Mention> all;
  int64_t worst = 0, total = 0;
  for (int a = 0; a < 600; ++a) {
    std::string id = "d" + std::to_string(a);
    std::vector<Mention> ms = RandomArticle(rng, id, 4);
    CivilDay day =
        CivilDay::FromDays(CivilDay{2021, 1, 1}.ToDays() + rng() % 200);
    for (auto& m : ms) {
      if (m.date.valid()) m.date = day;
    }
    all.insert(all.end(), ms.begin(), ms.end());
    inc.SetArticle(id, std::move(ms));
    if (a >= 100) {
      worst = std::max(worst, inc.last_replayed_days());
      total += inc.last_replayed_days();
    }
  }
  // Compatible reports chain (one takes another's cluster, which then takes
  // the next day's...), so some updates replay more.
  EXPECT_LE(total, 500 * 3);
  EXPECT_LE(worst, 12);
  EXPECT_EQ(DescribeAll(inc.Events()), DescribeAll(MergeMentions(all, {})));
}

// Articles whose mentions lie on days far apart (an article recalling
// earlier events): an update replays a short window around each changed
// day, not the days between them, and the result stays exact through new
// articles, new versions and removals (dense days inside each window, so
// clusters collide; named victims in one seed).
TEST(IncrementalMerge, FarApartDaysReplayOnlyTheirWindows) {
  for (unsigned seed : {21u, 22u, 23u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    const int actors = seed == 23 ? 6 : 4;
    IncrementalMerge inc(MergeOptions{});
    std::map<std::string, std::vector<Mention>> current;
    int64_t replayed = 0, updates = 0;
    for (int step = 0; step < 300; ++step) {
      std::string id = "f" + std::to_string(rng() % 150);
      std::vector<Mention> ms;
      if (rng() % 8 != 0) ms = RandomArticle(rng, id, actors);
      for (auto& m : ms) {  // one of 40 windows of 3 days, 10 days apart
        if (!m.date.valid()) continue;
        int64_t base = CivilDay{2021, 1, 1}.ToDays() + 10 * (rng() % 40);
        m.date = CivilDay::FromDays(base + rng() % 3);
      }
      current[id] = ms;
      inc.SetArticle(id, std::move(ms));
      std::vector<Mention> all;
      for (const auto& [a, v] : current)
        all.insert(all.end(), v.begin(), v.end());
      ASSERT_EQ(DescribeAll(inc.Events()), DescribeAll(MergeMentions(all, {})))
          << "step " << step << " set " << id << " now " << Show(current[id]);
      if (step >= 100) {
        replayed += inc.last_replayed_days();
        ++updates;
      }
    }
    // A window is its changed days and the one or two after (up to 4
    // mentions: ~4 windows of 3-5 days); replaying the range between the
    // first and last changed day would be ~50 days per update.
    if (actors == 4) {
      EXPECT_LE(replayed, updates * 16);
    }
    // With named victims a window also waits for the clusters holding one
    // to settle (~31 days here; replaying to the last day: ~58).
    if (actors == 6) {
      EXPECT_LE(replayed, updates * 40);
    }
  }
}

// Copies found later (SetCopies): articles become copies of others, change
// original, or stop being copies, some with a new version in between; the
// events stay those of MergeMentions under the current copy_of, and the
// deltas applied to a mirror give the same set.
TEST(IncrementalMerge, CopiesChangeEqualFullMerge) {
  for (unsigned seed : {31u, 32u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    MergeOptions options;
    IncrementalMerge inc(options);
    std::map<std::string, std::vector<Mention>> current;
    std::map<std::string, std::string> mirror;
    auto apply = [&](const IncrementalMerge::Delta& d) {
      for (const auto& r : d.removed) mirror.erase(r);
      for (const auto& e : d.changed) mirror[e.id] = Describe(e);
    };
    for (int a = 0; a < 60; ++a) {
      std::string id = "c" + std::to_string(a);
      current[id] = RandomArticle(rng, id, seed == 32 ? 6 : 4);
      apply(inc.SetArticle(id, current[id]));
    }
    int copies_seen = 0;
    for (int step = 0; step < 150; ++step) {
      std::map<std::string, std::optional<std::string>> change;
      std::string original = "c" + std::to_string(rng() % 60);
      for (int k = 1 + static_cast<int>(rng() % 3); k > 0; --k) {
        std::string id = "c" + std::to_string(rng() % 60);
        if (id == original || rng() % 4 == 0) {
          change[id] = std::nullopt;
          options.copy_of.erase(id);
        } else {
          change[id] = original;
          options.copy_of[id] = original;
        }
      }
      apply(inc.SetCopies(change));
      if (rng() % 3 == 0) {  // and a new version of some article
        std::string id = "c" + std::to_string(rng() % 60);
        current[id] = RandomArticle(rng, id, seed == 32 ? 6 : 4);
        apply(inc.SetArticle(id, current[id]));
      }
      std::vector<Mention> all;
      for (const auto& [a, v] : current)
        all.insert(all.end(), v.begin(), v.end());
      std::vector<Event> full = MergeMentions(all, options);
      ASSERT_EQ(DescribeAll(inc.Events()), DescribeAll(full))
          << "step " << step;
      std::map<std::string, std::string> want;
      for (const auto& e : full) want[e.id] = Describe(e);
      ASSERT_EQ(mirror, want) << "step " << step;
      copies_seen += static_cast<int>(options.copy_of.size());
    }
    EXPECT_GT(copies_seen, 150);  // the copies were there most of the time
  }
}

// Versions of an article that keep its mentions' keys but flip their weak
// flags (the per-scope sets of changed and weak nodes must follow), or
// drop the article: the events stay those of MergeMentions.
TEST(IncrementalMerge, WeakFlipsUnderOneKeyEqualFullMerge) {
  for (unsigned seed : {11u, 12u, 13u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    IncrementalMerge inc(MergeOptions{});
    std::map<std::string, std::vector<Mention>> current;
    for (int a = 0; a < 80; ++a) {
      std::string id = "w" + std::to_string(a);
      current[id] = RandomArticle(rng, id, seed == 13 ? 6 : 4);
      inc.SetArticle(id, current[id]);
    }
    for (int step = 0; step < 150; ++step) {
      std::string id = "w" + std::to_string(rng() % 80);
      std::vector<Mention>& ms = current[id];
      if (rng() % 10 == 0) {
        ms.clear();
      } else {
        for (auto& m : ms) m.weak = rng() % 2 == 0 ? !m.weak : m.weak;
      }
      inc.SetArticle(id, ms);
      std::vector<Mention> all;
      for (const auto& [a, v] : current)
        all.insert(all.end(), v.begin(), v.end());
      ASSERT_EQ(DescribeAll(inc.Events()), DescribeAll(MergeMentions(all, {})))
          << "step " << step << " set " << id << " now " << Show(ms);
    }
  }
}

}  // namespace
}  // namespace sitrep
