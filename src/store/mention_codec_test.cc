#include "store/mention_codec.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "sitrep/store.h"
#include "store/store_test_util.h"

namespace sitrep::store_internal {
namespace {

Mention Full() {
  Mention m;
  m.article_id = "000_\"quoted\"\nid";
  m.kind = MentionKind::kAggregate;
  m.event_type = "Protests";
  m.sub_event_type = "Excessive force against protesters";
  m.actor1 = "security forces";
  m.actor2 = "protesters";
  Location l;
  l.name = "Al Kūt";
  l.country = "IQ";
  l.admin1 = "Wāsiţ";
  l.lat = 32.5128;
  l.lon = 45.81817;
  l.geonameid = 94298;
  l.precision = "city";
  l.span = {3, 9};
  m.location = l;
  m.other_places = {l, l};
  m.other_places[1].name = "Baghdad";
  m.date = {2020, 1, 26};
  m.date_precision = DatePrecision::kWeek;
  m.date_rule = "weekday";
  m.weekday = 6;
  Figure f;
  f.outcome = Outcome::kMissing;
  f.count = Count{4, std::nullopt, 7};
  f.qualifier = "range";
  f.victims = "aid workers";
  f.attribution = "their employer";
  f.implausible = true;
  f.span = {10, 20};
  f.raw_span = {110, 120};
  f.sentence = 3;
  m.figures = {f, f};
  m.figures[1].outcome = Outcome::kKilled;
  m.sentences = {3, 4};
  m.raw_spans = {{100, 150}, {152, 200}};
  m.source = "AFP";
  m.subject = "killed";
  m.parts = {1, 2};
  m.notes = "Three \"others\" died.\tTab";
  m.trigger_words = {"protest*", "shot dead"};
  return m;
}

void ExpectSame(const Mention& a, const Mention& b) {
  EXPECT_EQ(EncodeMention(a), EncodeMention(b));
  EXPECT_EQ(a.article_id, b.article_id);
  EXPECT_EQ(a.kind, b.kind);
  ASSERT_EQ(a.location.has_value(), b.location.has_value());
  if (a.location) {
    EXPECT_EQ(a.location->name, b.location->name);
    EXPECT_DOUBLE_EQ(a.location->lat, b.location->lat);
  }
  ASSERT_EQ(a.figures.size(), b.figures.size());
  for (size_t i = 0; i < a.figures.size(); ++i) {
    EXPECT_EQ(a.figures[i].count, b.figures[i].count);
    EXPECT_EQ(a.figures[i].raw_span, b.figures[i].raw_span);
    EXPECT_EQ(a.figures[i].implausible, b.figures[i].implausible);
  }
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.weekday, b.weekday);
  EXPECT_EQ(a.parts, b.parts);
  EXPECT_EQ(a.notes, b.notes);
}

TEST(MentionCodec, RoundTripsEveryField) {
  Mention m = Full();
  auto back = DecodeMention(EncodeMention(m));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSame(m, *back);
}

TEST(MentionCodec, RoundTripsAnEmptyMention) {
  Mention m;
  auto back = DecodeMention(EncodeMention(m));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSame(m, *back);
}

// Regression: a store written before `places` and `weak` existed must still
// decode (it failed with "missing or bad field").
TEST(MentionCodec, DecodesBodiesWithoutLaterKeys) {
  std::string body = EncodeMention(Full());
  for (const char* key : {"\"places\":", "\"weak\":"}) {
    size_t at = body.find(key);
    ASSERT_NE(at, std::string::npos);
    size_t end = at;
    int depth = 0;
    for (; end < body.size(); ++end) {
      char c = body[end];
      if (c == '[' || c == '{') ++depth;
      if (c == ']' || c == '}') --depth;
      if (c == ',' && depth == 0) break;
    }
    body.erase(at, end + 1 - at);
  }
  auto back = DecodeMention(body);
  ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << body;
  EXPECT_TRUE(back->other_places.empty());
  EXPECT_FALSE(back->weak);
  EXPECT_EQ(back->notes, Full().notes);
}

TEST(MentionCodec, RejectsDamagedBodies) {
  std::string good = EncodeMention(Full());
  const char* bad[] = {"", "{}", "[1,2]", "{\"article\":5}", "not json"};
  for (const char* b : bad) {
    auto r = DecodeMention(b);
    EXPECT_FALSE(r.ok()) << b;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kCorruption) << b;
    }
  }
  for (size_t n = 0; n < good.size(); n += 7) {
    EXPECT_FALSE(DecodeMention(good.substr(0, n)).ok()) << n;
  }
}

TEST(StoreMentions, PutReplacesAndStreams) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Mention m = Full();
  m.article_id = "a";
  ASSERT_TRUE((*store)->PutMentions("a", {m, m}).ok());
  ASSERT_TRUE((*store)->PutMentions("a", {m}).ok());  // replaces
  ASSERT_TRUE((*store)->PutMentions("b'; DROP TABLE mentions; --", {m}).ok());
  EXPECT_EQ(*(*store)->CountMentions(), 2);
  int n = 0;
  ASSERT_TRUE((*store)
                  ->ForEachMention([&](Mention&& got) {
                    ++n;
                    EXPECT_EQ(got.notes, m.notes);
                    return Status::OK();
                  })
                  .ok());
  EXPECT_EQ(n, 2);
}

// Schema v4: mentions read by scope, and the articles whose aggregate may
// have parts in another scope.
TEST(StoreMentions, ReadsByScope) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Mention iq = Full();  // an aggregate in IQ
  Mention so = Full();
  so.kind = MentionKind::kIncident;
  so.location->country = "SO";
  Mention none = so;
  none.location.reset();
  auto put = [&](const char* id, std::vector<Mention> ms) {
    for (Mention& m : ms) m.article_id = id;
    ASSERT_TRUE((*store)->PutMentions(id, ms).ok());
  };
  put("a", {iq, so});    // across scopes
  put("b", {so, none});  // no aggregate
  put("c", {iq, iq});    // one scope
  auto read = [&](std::vector<std::string> scopes) {
    std::vector<std::string> got;
    EXPECT_TRUE((*store)
                    ->ForEachMentionIn(scopes,
                                       [&](Mention&& m) {
                                         got.push_back(m.article_id + ":" +
                                                       m.Scope());
                                         return Status::OK();
                                       })
                    .ok());
    std::sort(got.begin(), got.end());
    return got;
  };
  using Strings = std::vector<std::string>;
  EXPECT_EQ(read({"SO", ""}), (Strings{"a:SO", "b:", "b:SO"}));
  EXPECT_EQ(read({"IQ"}), (Strings{"a:IQ", "c:IQ", "c:IQ"}));
  EXPECT_EQ(read({"YE"}), Strings{});
  EXPECT_EQ(*(*store)->CountMentionsIn({"SO", ""}), 3);
  EXPECT_EQ(*(*store)->CountMentionsIn({}), 0);
  EXPECT_EQ(*(*store)->ArticlesAcrossScopes(), Strings{"a"});
}

TEST(StoreEvents, ReplaceAndRead) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  StoredEvent e;
  e.id = "SR1";
  e.kind = "incident";
  e.event_type = "Protests";
  e.event_date = "2020-01-26";
  e.latitude = 33.3;
  e.articles = {"a", "b"};
  e.json = "{\"event_id\":\"SR1\"}";
  // A duplicate id fails the whole replacement: nothing is half-written.
  EXPECT_FALSE((*store)->ReplaceEvents({e, e}).ok());
  EXPECT_EQ(*(*store)->CountEvents(), 0);
  ASSERT_TRUE((*store)->ReplaceEvents({e}).ok());
  EXPECT_EQ(*(*store)->CountEvents(), 1);
  std::vector<StoredEvent> got;
  ASSERT_TRUE((*store)
                  ->ForEachEvent([&](const StoredEvent& s) {
                    got.push_back(s);
                    return Status::OK();
                  })
                  .ok());
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].json, e.json);
  EXPECT_TRUE(got[0].latitude);
  EXPECT_FALSE(got[0].longitude);
}

}  // namespace
}  // namespace sitrep::store_internal

namespace sitrep::store_internal {
namespace {

using store_test::In;

StoredEvent Ev(const char* id, const char* country, const char* json) {
  StoredEvent e;
  e.id = id;
  e.kind = "incident";
  e.event_type = "Protests";
  e.country = country;
  e.json = json;
  return e;
}

TEST(StoreDirtyScopes, OnlyChangedCountriesAreRederived) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.PutMentions("a", {In("a", "IQ")}).ok());
  ASSERT_TRUE(s.PutMentions("b", {In("b", "SO")}).ok());
  EXPECT_EQ(*s.DirtyScopes(), (std::vector<std::string>{"IQ", "SO"}));
  ASSERT_TRUE(s.ReplaceDirtyEvents([](const std::vector<std::string>& scopes) {
                 std::vector<StoredEvent> out;
                 for (const auto& c : scopes) {
                   out.push_back(Ev(c == "IQ" ? "E1" : "E2", c.c_str(), "{}"));
                 }
                 return Result<std::vector<StoredEvent>>(out);
               }).ok());
  EXPECT_TRUE(s.DirtyScopes()->empty());
  EXPECT_EQ(*s.CountEvents(), 2);
  // Article a moves from IQ to SY: both scopes are dirty, SO is not.
  ASSERT_TRUE(s.PutMentions("a", {In("a", "SY")}).ok());
  EXPECT_EQ(*s.DirtyScopes(), (std::vector<std::string>{"IQ", "SY"}));
  std::vector<std::string> asked;
  ASSERT_TRUE(s.ReplaceDirtyEvents([&](const std::vector<std::string>& scopes) {
                 asked = scopes;
                 return Result<std::vector<StoredEvent>>(
                     std::vector<StoredEvent>{Ev("E3", "SY", "{}")});
               }).ok());
  EXPECT_EQ(asked, (std::vector<std::string>{"IQ", "SY"}));
  std::vector<std::string> ids;
  ASSERT_TRUE(s.ForEachEvent([&](const StoredEvent& e) {
                 ids.push_back(e.id);
                 return Status::OK();
               }).ok());
  std::sort(ids.begin(), ids.end());
  // E1 (IQ) is gone, E2 (SO, untouched) stays, E3 (SY) is new.
  EXPECT_EQ(ids, (std::vector<std::string>{"E2", "E3"}));
}

}  // namespace
}  // namespace sitrep::store_internal
