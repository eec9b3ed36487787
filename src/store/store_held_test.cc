// The exact mention encoding, the held (re-dated) mentions and the keys of
// the mentions across scopes.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <map>
#include <random>
#include <tuple>

#include "sitrep/store.h"
#include "store/mention_codec.h"
#include "store/store_test_util.h"
#include "store/store_write.h"

namespace sitrep::store_internal {
namespace {

// Random field values: strings with JSON's special characters and
// multi-byte UTF-8, any coordinates, any span or count.
class RandomMention {
 public:
  explicit RandomMention(uint32_t seed) : rng_(seed) {}
  Mention Make() {
    Mention m;
    m.article_id = Text();
    m.kind = static_cast<MentionKind>(Below(3));
    m.event_type = Text();
    m.sub_event_type = Text();
    m.actor1 = Text();
    m.actor2 = Text();
    if (Below(4) != 0) m.location = Place();
    for (int i = Below(3); i > 0; --i) m.other_places.push_back(Place());
    m.date = {Below(3000), Below(13), Below(32)};
    m.date_precision = static_cast<DatePrecision>(Below(4));
    m.date_rule = Text();
    m.weekday = Below(8) - 1;
    for (int i = Below(4); i > 0; --i) m.figures.push_back(MakeFigure());
    for (int i = Below(4); i > 0; --i) m.sentences.push_back(Int());
    for (int i = Below(4); i > 0; --i) m.raw_spans.push_back(MakeSpan());
    m.source = Text();
    m.subject = Text();
    for (int i = Below(4); i > 0; --i) m.parts.push_back(Int());
    m.notes = Text();
    m.weak = Below(2) == 1;
    for (int i = Below(3); i > 0; --i) m.trigger_words.push_back(Text());
    return m;
  }

 private:
  int Below(int n) { return static_cast<int>(rng_() % n); }
  int Int() { return static_cast<int>(rng_()) >> Below(31); }
  std::string Text() {
    static const char* kPieces[] = {"a",    "Z", " ", "\"", "\\", "\n",   "\t",
                                    "\x01", "/", "é", "ţ",  "中", "🙂", "0"};
    std::string s;
    for (int i = Below(12); i > 0; --i) s += kPieces[Below(14)];
    return s;
  }
  Span MakeSpan() { return Span{static_cast<uint32_t>(rng_()), Word()}; }
  uint32_t Word() { return static_cast<uint32_t>(rng_()); }
  double Coordinate() {
    std::uniform_real_distribution<double> d(-180, 180);
    return Below(8) == 0 ? -0.0 : d(rng_);
  }
  Location Place() {
    Location l;
    l.name = Text();
    l.country = Text();
    l.admin1 = Text();
    l.lat = Coordinate();
    l.lon = Coordinate();
    l.geonameid = Word();
    l.precision = Text();
    l.span = MakeSpan();
    return l;
  }
  std::optional<int64_t> Count() {
    if (Below(3) == 0) return std::nullopt;
    return static_cast<int64_t>(uint64_t{rng_()} << 32 | rng_());
  }
  Figure MakeFigure() {
    Figure f;
    f.outcome = static_cast<Outcome>(Below(kNumOutcomes));
    f.count = sitrep::Count{Count(), Count(), Count()};
    f.qualifier = Text();
    f.victims = Text();
    f.attribution = Text();
    f.implausible = Below(2) == 1;
    f.adds = Below(2) == 1;
    f.span = MakeSpan();
    f.raw_span = MakeSpan();
    f.sentence = Int();
    return f;
  }
  std::mt19937 rng_;
};

bool SameBits(double a, double b) {
  return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b);
}

// Every field of `a` and `b` but the coordinates, which `same` compares.
template <typename SameCoordinate>
void ExpectEveryField(const Location& a, const Location& b,
                      SameCoordinate same) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.country, b.country);
  EXPECT_EQ(a.admin1, b.admin1);
  EXPECT_TRUE(same(a.lat, b.lat)) << a.lat << " " << b.lat;
  EXPECT_TRUE(same(a.lon, b.lon)) << a.lon << " " << b.lon;
  EXPECT_EQ(a.geonameid, b.geonameid);
  EXPECT_EQ(a.precision, b.precision);
  EXPECT_EQ(a.span, b.span);
}

void ExpectEveryField(const Figure& a, const Figure& b) {
  EXPECT_EQ(a.outcome, b.outcome);
  EXPECT_EQ(a.count, b.count);
  EXPECT_EQ(a.qualifier, b.qualifier);
  EXPECT_EQ(a.victims, b.victims);
  EXPECT_EQ(a.attribution, b.attribution);
  EXPECT_EQ(a.implausible, b.implausible);
  EXPECT_EQ(a.adds, b.adds);
  EXPECT_EQ(a.span, b.span);
  EXPECT_EQ(a.raw_span, b.raw_span);
  EXPECT_EQ(a.sentence, b.sentence);
}

template <typename SameCoordinate>
void ExpectEveryField(const Mention& a, const Mention& b, SameCoordinate same) {
  EXPECT_EQ(a.article_id, b.article_id);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.event_type, b.event_type);
  EXPECT_EQ(a.sub_event_type, b.sub_event_type);
  EXPECT_EQ(a.actor1, b.actor1);
  EXPECT_EQ(a.actor2, b.actor2);
  ASSERT_EQ(a.location.has_value(), b.location.has_value());
  if (a.location) ExpectEveryField(*a.location, *b.location, same);
  ASSERT_EQ(a.other_places.size(), b.other_places.size());
  for (size_t i = 0; i < a.other_places.size(); ++i) {
    ExpectEveryField(a.other_places[i], b.other_places[i], same);
  }
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.date_precision, b.date_precision);
  EXPECT_EQ(a.date_rule, b.date_rule);
  EXPECT_EQ(a.weekday, b.weekday);
  ASSERT_EQ(a.figures.size(), b.figures.size());
  for (size_t i = 0; i < a.figures.size(); ++i) {
    ExpectEveryField(a.figures[i], b.figures[i]);
  }
  EXPECT_EQ(a.sentences, b.sentences);
  EXPECT_EQ(a.raw_spans, b.raw_spans);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.subject, b.subject);
  EXPECT_EQ(a.parts, b.parts);
  EXPECT_EQ(a.notes, b.notes);
  EXPECT_EQ(a.weak, b.weak);
  EXPECT_EQ(a.trigger_words, b.trigger_words);
}

TEST(MentionCodec, ExactRoundTripsRandomMentionsBitForBit) {
  RandomMention random(20261127);
  for (int i = 0; i < 2000; ++i) {
    Mention m = random.Make();
    auto back = DecodeMention(EncodeMention(m, /*exact=*/true));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ExpectEveryField(m, *back, SameBits);
    if (HasFailure()) FAIL() << EncodeMention(m, true);
  }
}

// The stored form keeps ten significant digits of the coordinates (so
// re-dated mentions, which are merged as made, are held exactly).
TEST(MentionCodec, StoredFormRoundTripsAllButCoordinateDigits) {
  RandomMention random(7);
  bool some_inexact = false;
  for (int i = 0; i < 2000; ++i) {
    Mention m = random.Make();
    auto back = DecodeMention(EncodeMention(m));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ExpectEveryField(m, *back, [&](double a, double b) {
      some_inexact |= !SameBits(a, b);
      return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a));
    });
    if (HasFailure()) FAIL() << EncodeMention(m);
  }
  EXPECT_TRUE(some_inexact);
}

// ForEachMentionByDay hands over a scope's held mentions among its stored
// ones (undated first, then by day), each held one exactly as held, and
// only the stored ones once the held ones are cleared.
TEST(StoreHeld, ReadBackByDayAmongTheStoredOnes) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.ClearHeldMentions().ok());
  RandomMention random(3);
  const CivilDay jan1{2020, 1, 1};
  auto make = [&](const std::string& id, int i) {
    Mention m = store_test::In(id, i % 3 ? "IQ" : "SY");
    Mention r = random.Make();
    m.location->lat = r.location ? r.location->lat : 1.0 / 3;
    m.notes = r.notes;
    if (i % 5) m.date = jan1.AddDays((i * 7) % 11);
    if (i % 4 == 0) m.kind = MentionKind::kAggregate;
    return m;
  };
  std::vector<Mention> held, stored;
  for (int i = 0; i < 60; ++i) held.push_back(make("h" + std::to_string(i), i));
  for (int i = 0; i < 30; ++i) {
    stored.push_back(make("s" + std::to_string(i), i + 1));
    ASSERT_TRUE(s.PutMentions(stored.back().article_id, {stored.back()}).ok());
  }
  ASSERT_TRUE(s.HoldMentions(std::span(held).first(25)).ok());
  ASSERT_TRUE(s.HoldMentions(std::span(held).subspan(25)).ok());
  auto read = [&](bool aggregates, size_t* stored_read) {
    std::vector<Mention> back;
    *stored_read = 0;
    EXPECT_TRUE(
        s.ForEachMentionByDay("IQ", aggregates, [&](Mention&& m, bool is_held) {
           EXPECT_EQ(is_held, m.article_id[0] == 'h');
           if (is_held) {
             back.push_back(std::move(m));
           } else {
             ++*stored_read;
           }
           return Status::OK();
         }).ok());
    return back;
  };
  size_t n = 0;
  std::vector<Mention> back = read(false, &n);
  std::vector<Mention> want;
  for (const Mention& m : held) {
    if (m.Scope() == "IQ") want.push_back(m);
  }
  EXPECT_EQ(n, 20u);  // stored in IQ: i + 1 not a multiple of 3
  ASSERT_EQ(back.size(), want.size());
  auto day = [](const Mention& m) {
    return m.date.valid() ? m.date.ToDays() : INT64_MIN;
  };
  EXPECT_TRUE(std::is_sorted(
      back.begin(), back.end(),
      [&](const Mention& a, const Mention& b) { return day(a) < day(b); }));
  for (const Mention& w : want) {
    auto it = std::find_if(back.begin(), back.end(), [&](const Mention& m) {
      return m.article_id == w.article_id;
    });
    ASSERT_NE(it, back.end()) << w.article_id;
    ExpectEveryField(w, *it, SameBits);
  }
  std::vector<Mention> aggregates = read(true, &n);
  EXPECT_EQ(aggregates.size(),
            std::count_if(want.begin(), want.end(), [](const Mention& m) {
              return m.kind == MentionKind::kAggregate;
            }));
  ASSERT_TRUE(s.ClearHeldMentions().ok());
  EXPECT_TRUE(read(false, &n).empty());
  EXPECT_EQ(n, 20u);
}

// A gathered scope (GatherScopes) reads as through the index, the
// reference: the same mentions with the same held flags, undated first,
// then by day (within a day in no set order, so compared sorted). Scopes
// not gathered still read through the index; ClearHeldMentions drops the
// copy.
TEST(StoreHeld, GatheredScopesReadAsTheIndexReadsThem) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.ClearHeldMentions().ok());
  RandomMention random(11);
  const char* scopes[] = {"IQ", "SY", "NG", ""};
  std::vector<Mention> held;
  for (int i = 0; i < 240; ++i) {
    Mention m = random.Make();
    m.article_id = (i % 3 ? "s" : "h") + std::to_string(i);
    m.location.emplace().country = scopes[i % 4];
    m.kind = i % 5 == 0 ? MentionKind::kAggregate : MentionKind::kIncident;
    m.date = i % 7 ? CivilDay{2020, 1, 1}.AddDays(i % 13) : CivilDay{};
    if (i % 3 == 0) {
      held.push_back(std::move(m));
    } else {
      ASSERT_TRUE(s.PutMentions(m.article_id, {m}).ok());
    }
  }
  ASSERT_TRUE(s.HoldMentions(held).ok());
  // Each read as (day, exact encoding, held), sorted within each day.
  using Row = std::tuple<int64_t, std::string, bool>;
  auto read = [&](const std::string& scope, bool aggregates) {
    std::vector<Row> rows;
    EXPECT_TRUE(s.ForEachMentionByDay(scope, aggregates,
                                      [&](Mention&& m, bool is_held) {
                                        rows.emplace_back(
                                            m.date.valid() ? m.date.ToDays()
                                                           : INT64_MIN,
                                            EncodeMention(m, true), is_held);
                                        return Status::OK();
                                      })
                    .ok());
    if (!aggregates) {
      EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end(),
                                 [](const Row& a, const Row& b) {
                                   return std::get<0>(a) < std::get<0>(b);
                                 }));
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  };
  std::map<std::pair<std::string, bool>, std::vector<Row>> want;
  for (const char* scope : scopes) {
    for (bool aggregates : {true, false}) {
      std::vector<Row>& w = want[{scope, aggregates}];
      w = read(scope, aggregates);
      EXPECT_FALSE(w.empty()) << scope;
    }
  }
  ASSERT_TRUE(s.GatherScopes({"IQ", "", "NG"}).ok());
  ASSERT_TRUE(s.PutMentions("late", {store_test::In("late", "SY")}).ok());
  for (const char* scope : scopes) {
    for (bool aggregates : {true, false}) {
      std::vector<Row> got = read(scope, aggregates);
      const std::vector<Row>& w = want[{scope, aggregates}];
      if (std::string(scope) == "SY" && !aggregates) {  // read by the index
        EXPECT_EQ(got.size(), w.size() + 1);
      } else {
        EXPECT_EQ(got, w) << scope << aggregates;
      }
    }
  }
  ASSERT_TRUE(s.ClearHeldMentions().ok());
  for (const Row& r : read("IQ", false)) EXPECT_FALSE(std::get<2>(r));
}

// Regression: the held mentions went into an index by scope and day as
// they were held, a random temp page per row (a 1M rebuild's re-dating
// wrote 7.9 GB). The index is made when they are first read by scope,
// kept up from then on, and dropped with them.
TEST(StoreHeld, IndexedOnlyOnceReadByScope) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  auto indexed = [&] {
    return *s.db().QueryInt(
               "SELECT count(*) FROM sqlite_temp_schema WHERE name = "
               "'held_by_scope_day'") == 1;
  };
  auto count_held = [&](const char* scope) {
    int n = 0;
    EXPECT_TRUE(s.ForEachMentionByDay(scope, false, [&](Mention&&, bool h) {
                   n += h;
                   return Status::OK();
                 }).ok());
    return n;
  };
  ASSERT_TRUE(s.ClearHeldMentions().ok());
  std::vector<Mention> held = {store_test::In("a", "IQ"),
                               store_test::In("b", "SY")};
  ASSERT_TRUE(s.HoldMentions(held).ok());
  EXPECT_FALSE(indexed());
  ASSERT_TRUE(s.GatherScopes({"IQ", "SY"}).ok());
  EXPECT_FALSE(indexed());  // gathering scans them
  EXPECT_EQ(count_held("IQ"), 1);
  EXPECT_FALSE(indexed());
  ASSERT_TRUE(s.ClearHeldMentions().ok());
  ASSERT_TRUE(s.HoldMentions(held).ok());
  EXPECT_EQ(count_held("IQ"), 1);
  EXPECT_TRUE(indexed());
  const Mention late = store_test::In("c", "IQ");
  ASSERT_TRUE(s.HoldMentions(std::span(&late, 1)).ok());
  EXPECT_EQ(count_held("IQ"), 2);
  ASSERT_TRUE(s.ClearHeldMentions().ok());
  EXPECT_FALSE(indexed());
  EXPECT_EQ(count_held("SY"), 0);
}

// The keys are those of ArticlesAcrossScopes' mentions, read whole.
// Regression: gathering scans `mentions` and sorts. Given plain column
// names to order by, SQLite read it through mentions_by_scope_day instead
// (NOT INDEXED notwithstanding), one random page per mention.
TEST(StoreHeld, GatheringScansTheMentions) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.ClearHeldMentions().ok());
  ASSERT_TRUE(s.GatherScopes({"IQ"}).ok());  // makes the temp tables
  const std::string sql = std::string("EXPLAIN QUERY PLAN ") + kGatherRows;
  auto plan = s.db().Prepare(sql.c_str());
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  std::string details;
  while (*plan->Step()) details += std::string(plan->Text(3)) + "\n";
  EXPECT_NE(details.find("SCAN main.mentions"), std::string::npos) << details;
  EXPECT_EQ(details.find("INDEX mentions_"), std::string::npos) << details;
}

TEST(StoreHeld, KeysAcrossScopesAreThoseOfTheWholeMentions) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  auto aggregate = [](Mention m, std::vector<int> parts) {
    m.kind = MentionKind::kAggregate;
    m.parts = std::move(parts);
    return m;
  };
  using store_test::In;
  ASSERT_TRUE(s.PutMentions("a", {aggregate(In("a", "IQ"), {1, 12}),
                                  In("a", "SY"), In("a", "")})
                  .ok());
  ASSERT_TRUE(
      s.PutMentions("b", {aggregate(In("b", "IQ"), {2}), In("b", "IQ")}).ok());
  ASSERT_TRUE(s.PutMentions("c", {In("c", "IQ"), In("c", "SY")}).ok());
  ASSERT_TRUE(
      s.PutMentions("d", {In("d", "SY"), aggregate(In("d", ""), {})}).ok());
  std::vector<Store::MentionKey> want;
  auto ids = s.ArticlesAcrossScopes();
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  for (const std::string& id : *ids) {
    auto ms = s.MentionsOf(id);
    ASSERT_TRUE(ms.ok()) << ms.status().ToString();
    for (const Mention& m : *ms) {
      bool agg = m.kind == MentionKind::kAggregate;
      want.push_back(
          {m.article_id, m.Scope(), agg, agg ? m.parts : std::vector<int>{}});
    }
  }
  std::vector<Store::MentionKey> got;
  ASSERT_TRUE(s.ForEachKeyAcrossScopes([&](const Store::MentionKey& k) {
                 got.push_back(k);
                 return Status::OK();
               }).ok());
  ASSERT_EQ(got.size(), 5u);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].article_id, want[i].article_id);
    EXPECT_EQ(got[i].scope, want[i].scope);
    EXPECT_EQ(got[i].aggregate, want[i].aggregate);
    EXPECT_EQ(got[i].parts, want[i].parts);
  }
}

}  // namespace
}  // namespace sitrep::store_internal
