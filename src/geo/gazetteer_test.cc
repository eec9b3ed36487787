#include "sitrep/gazetteer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "geo/gazetteer_impl.h"
#include "geo/gazetteer_test_util.h"

namespace sitrep::geo {
namespace {

// The compiled file is a build product: missing means the build is broken.
const Gazetteer& G() {
  const Gazetteer* g = TestGazetteer();
  if (g == nullptr) {
    ADD_FAILURE() << "cannot open " << GazetteerTestPath();
    std::abort();
  }
  return *g;
}

// Load time is measured by bench/micro_bench (BM_GazetteerOpen).
TEST(Gazetteer, OpensAndIsLarge) {
  auto r = Gazetteer::Open(GazetteerTestPath());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT((*r)->size(), 130000u);
}

// Hashed key and word lookups (built by the first lookup of any thread):
// present keys found, absent ones not, the same from concurrent first calls.
TEST(Gazetteer, HashedLookupsFromConcurrentFirstCalls) {
  auto r = Gazetteer::Open(GazetteerTestPath());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const auto& g = static_cast<const MappedGazetteer&>(**r);
  struct KeyCase {
    const char* name;
    bool found;
  };
  const std::vector<KeyCase> keys = {{"Baghdad", true},  {"Mogadishu", true},
                                     {"Iraqi", true},    {"Bagdhadd", false},
                                     {"Zzyzxqv", false}, {"", false}};
  struct WordCase {
    WordKind kind;
    const char* word;
    bool found;
  };
  const std::vector<WordCase> words = {{kWordCue, "in", true},
                                       {kWordCue, "zzq", false},
                                       {kWordPlaceNoun, "city", true},
                                       {kWordCue, "city", false}};
  auto check = [&](std::vector<std::string>* errors) {
    for (const KeyCase& c : keys) {
      if (g.Postings(NormalizePlaceKey(c.name)).empty() == c.found) {
        errors->push_back(std::string("key ") + c.name);
      }
    }
    for (const WordCase& c : words) {
      if (g.HasWord(c.kind, c.word) != c.found) {
        errors->push_back(std::string("word ") + c.word);
      }
    }
  };
  std::vector<std::vector<std::string>> errors(4);
  std::vector<std::thread> threads;
  for (auto& e : errors) threads.emplace_back(check, &e);
  for (std::thread& t : threads) t.join();
  for (const auto& e : errors) EXPECT_EQ(e, std::vector<std::string>{});
}

// The packed table of short words (HasWord) against the hashed word index
// (HasWordHashed): every kind, every one- and two-letter word, words of the
// lists cut at 6-9 bytes (across the 7-byte limit), case and byte variants.
TEST(Gazetteer, ShortWordTableMatchesTheHashedIndex) {
  const auto& g = static_cast<const MappedGazetteer&>(G());
  std::vector<std::string> words = {
      "",      "in",      "near",     "al",       "de",    "of",   "city",
      "town",  "village", "villages", "In",       "AL",    "said", "hospital",
      "coded", "road",    "bypass",   "province", "troops"};
  for (char a = 'a'; a <= 'z'; ++a) {
    words.emplace_back(1, a);
    for (char b = 'a'; b <= 'z'; ++b) words.push_back({a, b});
  }
  words.push_back(std::string("a\0", 2));
  words.push_back("\xC3\xA9l");
  size_t found = 0;
  for (uint32_t kind = 0; kind <= 17; ++kind) {
    for (const std::string& w : words) {
      for (size_t cut = 0; cut <= w.size(); ++cut) {
        std::string_view v = std::string_view(w).substr(0, cut);
        bool fast = g.HasWord(static_cast<WordKind>(kind), v);
        EXPECT_EQ(fast, g.HasWordHashed(static_cast<WordKind>(kind), v))
            << kind << " '" << v << "'";
        found += fast;
      }
    }
  }
  EXPECT_GT(found, 20u);
}

// WordKinds (one lookup for every kind) against HasWordHashed asked kind
// by kind, over the same words as above.
TEST(Gazetteer, WordKindsMatchHasWordForEveryKind) {
  const auto& g = static_cast<const MappedGazetteer&>(G());
  std::vector<std::string> words = {
      "",         "in",       "near",   "al",       "de",
      "of",       "city",     "town",   "village",  "villages",
      "In",       "said",     "coded",  "road",     "bypass",
      "province", "hospital", "troops", "the",      "sunday",
      "police",   "treated",  "taken",  "coded to", "local government area"};
  for (char a = 'a'; a <= 'z'; ++a) {
    words.emplace_back(1, a);
    for (char b = 'a'; b <= 'z'; ++b) words.push_back({a, b});
  }
  size_t kinds_found = 0;
  for (const std::string& w : words) {
    for (size_t cut = 0; cut <= w.size(); ++cut) {
      std::string_view v = std::string_view(w).substr(0, cut);
      uint32_t kinds = g.WordKinds(v);
      for (uint32_t kind = 0; kind < 32; ++kind) {
        EXPECT_EQ((kinds >> kind) & 1,
                  g.HasWordHashed(static_cast<WordKind>(kind), v) ? 1u : 0u)
            << kind << " '" << v << "'";
      }
      kinds_found += kinds != 0;
    }
  }
  EXPECT_GT(kinds_found, 20u);
}

// The hashed key index (keys inserted without comparisons) against a
// binary search over the sorted keys: every place's own name, some
// prefixes of it and a few absent keys.
TEST(Gazetteer, HashedPostingsMatchTheSearch) {
  const auto& g = static_cast<const MappedGazetteer&>(G());
  size_t found = 0;
  for (uint32_t i = 0; i < g.size(); i += 101) {
    std::string key = NormalizePlaceKey(g.Str(g.Rec(i)->name));
    for (size_t cut : {key.size(), key.size() / 2, size_t{3}}) {
      std::string_view v = std::string_view(key).substr(0, cut);
      std::span<const uint32_t> a = g.Postings(v), b = g.PostingsSearched(v);
      ASSERT_EQ(a.data(), b.data()) << v;
      ASSERT_EQ(a.size(), b.size()) << v;
      found += !a.empty();
    }
  }
  EXPECT_GT(found, 1000u);
  EXPECT_TRUE(g.Postings("zzqqxxnotaplace").empty());
}

// Decode (each string built from its view) against the record read field
// by field, and Decoded emplaced into a vector against Decode.
TEST(Gazetteer, DecodeReadsEveryFieldOfTheRecord) {
  const auto& g = static_cast<const MappedGazetteer&>(G());
  std::vector<Place> emplaced;
  size_t checked = 0;
  for (uint32_t i = 0; i < g.size(); i += 997) {
    const PlaceRec* r = g.Rec(i);
    ASSERT_NE(r, nullptr);
    Place p = g.Decode(i);
    EXPECT_EQ(p.geonameid, r->geonameid);
    EXPECT_EQ(static_cast<int>(p.kind), std::min<int>(r->kind, 4));
    EXPECT_EQ(p.name, g.Str(r->name));
    EXPECT_EQ(p.country, std::string(r->country, r->country[1]   ? 2
                                                 : r->country[0] ? 1
                                                                 : 0));
    EXPECT_EQ(p.admin1, g.Str(r->admin1_name));
    EXPECT_EQ(p.admin1_code, g.Str(r->admin1_code));
    EXPECT_EQ(p.admin2_code, g.Str(r->admin2_code));
    EXPECT_EQ(p.feature_code, g.Str(r->feature));
    EXPECT_EQ(p.city, g.Str(r->city));
    EXPECT_EQ(p.lat, r->lat);
    EXPECT_EQ(p.lon, r->lon);
    EXPECT_EQ(p.population, r->population);
    const Place& e = emplaced.emplace_back(MappedGazetteer::Decoded{&g, i});
    EXPECT_EQ(e.name, p.name);
    EXPECT_EQ(e.geonameid, p.geonameid);
    EXPECT_EQ(e.city, p.city);
    ++checked;
  }
  EXPECT_GT(checked, 100u);
  EXPECT_EQ(g.Decode(static_cast<uint32_t>(g.size())).geonameid, 0u);
}

TEST(Gazetteer, OpenDefaultFindsTheFile) {
  auto r = Gazetteer::OpenDefault();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->size(), G().size());
}

TEST(Gazetteer, RejectsMissingAndDamagedFiles) {
  EXPECT_EQ(Gazetteer::Open("/nonexistent/gazetteer.bin").status().code(),
            StatusCode::kNotFound);
  std::string path = testing::TempDir() + "/bad_gazetteer_" +
                     std::to_string(getpid()) + ".bin";
  // A truncated copy of the real file, then garbage.
  std::ifstream in(GazetteerTestPath(), std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), head.size());
  for (const std::string& content : {head, std::string(100, 'x')}) {
    std::ofstream(path, std::ios::binary) << content;
    EXPECT_EQ(Gazetteer::Open(path).status().code(), StatusCode::kCorruption);
  }
  std::remove(path.c_str());
}

struct CityCase {
  const char* query;
  const char* name;
  const char* country;
  double lat, lon;
};

TEST(Gazetteer, LooksUpCitiesBestFirst) {
  const CityCase cases[] = {
      {"Nassiriya", "Nasiriyah", "IQ", 31.058, 46.257},
      {"Nasiriyah", "Nasiriyah", "IQ", 31.058, 46.257},
      {"An Nasiriyah", "Nasiriyah", "IQ", 31.058, 46.257},
      {"Nāṣiriyah", "Nasiriyah", "IQ", 31.058, 46.257},
      {"Baghdad", "Baghdad", "IQ", 33.34, 44.40},
      {"Kut", "Al Kūt", "IQ", 32.51, 45.82},
      {"Al Kūt", "Al Kūt", "IQ", 32.51, 45.82},
      {"Basra", "Basrah", "IQ", 30.51, 47.78},
      {"Najaf", "Najaf", "IQ", 32.0, 44.34},
      {"Mosul", "Mosul", "IQ", 36.34, 43.12},
      {"Kirkuk", "Kirkuk", "IQ", 35.47, 44.39},
      {"Falluja", "Al Fallūjah", "IQ", 33.35, 43.78},
      {"Kabul", "Kabul", "AF", 34.53, 69.17},
      {"Mogadishu", "Mogadishu", "SO", 2.04, 45.34},
      {"Maiduguri", "Maiduguri", "NG", 11.85, 13.16},
      {"Aleppo", "Aleppo", "SY", 36.20, 37.16},
  };
  for (const CityCase& c : cases) {
    std::vector<Place> got = G().Lookup(c.query);
    ASSERT_FALSE(got.empty()) << c.query;
    const Place& p = got[0];
    EXPECT_EQ(p.name, c.name) << c.query;
    EXPECT_EQ(p.country, c.country) << c.query;
    EXPECT_NEAR(p.lat, c.lat, 0.05) << c.query;
    EXPECT_NEAR(p.lon, c.lon, 0.05) << c.query;
    EXPECT_EQ(p.kind, PlaceKind::kCity) << c.query;
  }
  Place n = G().Lookup("Nassiriya")[0];
  EXPECT_EQ(n.admin1, "Dhi Qar");
  EXPECT_EQ(n.admin1_code, "09");
  EXPECT_EQ(n.feature_code, "PPLA");
  EXPECT_EQ(n.geonameid, 98854u);
  EXPECT_TRUE(G().Lookup("Xqzzyville").empty());
  EXPECT_TRUE(G().Lookup("").empty());
}

TEST(Gazetteer, CountriesCodesAndDemonyms) {
  const std::pair<const char*, const char*> cases[] = {
      {"Iraq", "IQ"},     {"Iraqi", "IQ"},       {"Iraqis", "IQ"},
      {"IQ", "IQ"},       {"IRQ", "IQ"},         {"Republic of Iraq", "IQ"},
      {"Afghan", "AF"},   {"Nigerian", "NG"},    {"Syrian", "SY"},
      {"American", "US"}, {"U.S.", "US"},        {"French", "FR"},
      {"Britain", "GB"},  {"British", "GB"},     {"Somali", "SO"},
      {"Irak", "IQ"},     {"Palestinian", "PS"}, {"Saudi", "SA"},
  };
  for (const auto& [q, cc] : cases) {
    std::optional<Place> p = G().Country(q);
    ASSERT_TRUE(p.has_value()) << q;
    EXPECT_EQ(p->country, cc) << q;
    EXPECT_EQ(p->kind, PlaceKind::kCountry) << q;
  }
  EXPECT_FALSE(G().Country("Baghdad").has_value());
  EXPECT_EQ(G().Country("Iraq")->city, "Baghdad");
}

TEST(Gazetteer, Admin1Areas) {
  const std::tuple<const char*, const char*, const char*, const char*> cases[] =
      {
          {"Anbar", "IQ", "Anbar", "01"},
          {"Al Anbar", "", "Anbar", "01"},
          {"Anbar province", "IQ", "Anbar", "01"},
          {"al-Anbar Governorate", "IQ", "Anbar", "01"},
          {"Dhi Qar", "IQ", "Dhi Qar", "09"},
          {"Thi Qar province", "IQ", "Dhi Qar", "09"},
          {"Salahuddin", "IQ", "Salah ad Din", "18"},
          {"Nineveh", "IQ", "Nineveh", "15"},
          {"Borno", "NG", "Borno State", "27"},
          {"Borno State", "NG", "Borno State", "27"},
      };
  for (const auto& [q, cc, name, code] : cases) {
    std::optional<Place> p = G().Admin1(q, cc);
    ASSERT_TRUE(p.has_value()) << q;
    EXPECT_EQ(p->name, name) << q;
    EXPECT_EQ(p->admin1_code, code) << q;
    EXPECT_EQ(p->kind, PlaceKind::kAdmin1) << q;
  }
  // Centroid of Dhi Qar is its seat, Nasiriyah.
  std::optional<Place> dq = G().Admin1("Dhi Qar", "IQ");
  EXPECT_NEAR(dq->lat, 31.058, 0.01);
  EXPECT_EQ(dq->city, "Nasiriyah");
  EXPECT_FALSE(G().Admin1("Anbar", "SY").has_value());
  EXPECT_FALSE(G().Admin1("Baghdadshire", "").has_value());
}

TEST(Gazetteer, Landmarks) {
  std::vector<Place> tahrir = G().Lookup("Tahrir Square");
  ASSERT_GE(tahrir.size(), 2u);
  std::vector<std::string> countries;
  for (const Place& p : tahrir) {
    EXPECT_EQ(p.kind, PlaceKind::kLandmark);
    countries.push_back(p.country);
  }
  EXPECT_NE(std::find(countries.begin(), countries.end(), "IQ"),
            countries.end());
  EXPECT_NE(std::find(countries.begin(), countries.end(), "EG"),
            countries.end());
  const std::tuple<const char*, const char*, const char*> cases[] = {
      {"Green Zone", "IQ", "Baghdad"},
      {"Khilani Square", "IQ", "Baghdad"},
      {"Habbubi Square", "IQ", "Nasiriyah"},
      {"Haboubi Square", "IQ", "Nasiriyah"},
      {"Baghdad airport", "IQ", "Baghdad"},
      {"US Embassy Baghdad", "IQ", "Baghdad"},
      {"Sadr City", "IQ", "Baghdad"},
  };
  for (const auto& [q, cc, city] : cases) {
    std::vector<Place> got = G().Lookup(q);
    ASSERT_FALSE(got.empty()) << q;
    EXPECT_EQ(got[0].kind, PlaceKind::kLandmark) << q;
    EXPECT_EQ(got[0].country, cc) << q;
    EXPECT_EQ(got[0].city, city) << q;
  }
  EXPECT_EQ(G().Lookup("Green Zone")[0].admin1_code, "07");
}

TEST(Gazetteer, ResolvePrefersArticleContext) {
  PlaceMention m;
  m.candidates = G().Lookup("Tahrir Square");
  ResolveContext iraq;
  iraq.countries = {"IQ"};
  ResolveContext egypt;
  egypt.dateline = G().Lookup("Cairo")[0];
  EXPECT_EQ(Resolve(m, iraq)->country, "IQ");
  EXPECT_EQ(Resolve(m, egypt)->country, "EG");
  // Tripoli: Libya's capital by default, Lebanon's with Lebanese context.
  m.candidates = G().Lookup("Tripoli");
  EXPECT_EQ(Resolve(m, {})->country, "LY");
  ResolveContext lebanon;
  lebanon.countries = {"LB"};
  EXPECT_EQ(Resolve(m, lebanon)->country, "LB");
  // Admin1 beats country.
  auto lb = std::find_if(m.candidates.begin(), m.candidates.end(),
                         [](const Place& p) { return p.country == "LB"; });
  ASSERT_NE(lb, m.candidates.end());
  ResolveContext admin;
  admin.countries = {"LY"};
  admin.admin1 = {{"LB", lb->admin1_code}};
  EXPECT_EQ(Resolve(m, admin)->country, "LB");
  EXPECT_FALSE(Resolve(PlaceMention{}, iraq).has_value());
}

// ResolveBest (the pointer form) picks the very candidate Resolve copies,
// over the contexts above and names with many candidates.
TEST(Gazetteer, ResolveBestIsResolveWithoutTheCopy) {
  ResolveContext none;
  ResolveContext iraq;
  iraq.countries = {"IQ"};
  ResolveContext lebanon;
  lebanon.countries = {"LY", "LB"};
  lebanon.self_only = {{"LY", 0}};
  ResolveContext cairo;
  cairo.dateline = G().Lookup("Cairo")[0];
  for (const char* q : {"Tahrir Square", "Tripoli", "Springfield", "Paris",
                        "Alexandria", "Victoria", "Nowhere Xyzzy"}) {
    PlaceMention m;
    m.candidates = G().Lookup(q);
    if (m.candidates.size() > 1) {
      lebanon.self_only.emplace_back(m.candidates[1].country,
                                     m.candidates[0].geonameid);
      lebanon.admin1 = {{m.candidates[1].country, m.candidates[1].admin1_code}};
      iraq.home_admin1 = {
          {m.candidates.back().country, m.candidates.back().admin1_code}};
    }
    for (const ResolveContext* ctx : {&none, &iraq, &lebanon, &cairo}) {
      std::optional<Place> plain = Resolve(m, *ctx);
      const Place* fast = ResolveBest(m, *ctx);
      ASSERT_EQ(plain.has_value(), fast != nullptr) << q;
      if (!plain) continue;
      EXPECT_GE(fast, m.candidates.data()) << q;
      EXPECT_LT(fast, m.candidates.data() + m.candidates.size()) << q;
      EXPECT_EQ(fast->geonameid, plain->geonameid) << q;
      EXPECT_EQ(fast->name, plain->name) << q;
      EXPECT_EQ(fast->country, plain->country) << q;
      EXPECT_EQ(fast->admin1_code, plain->admin1_code) << q;
    }
  }
  EXPECT_EQ(ResolveBest(PlaceMention{}, iraq), nullptr);
}

// A province an organisation named in the text is bound to counts more
// than a province taken from a mention's own first guess.
TEST(Gazetteer, ResolveHomeAdmin1BeatsAGuessedAdmin1) {
  PlaceMention m;
  m.candidates = G().Lookup("Tripoli");
  auto lb = std::find_if(m.candidates.begin(), m.candidates.end(),
                         [](const Place& p) { return p.country == "LB"; });
  ASSERT_NE(lb, m.candidates.end());
  const Place& ly = m.candidates[0];
  ASSERT_EQ(ly.country, "LY");
  ResolveContext ctx;
  ctx.countries = {"LY"};
  ctx.admin1 = {{"LY", ly.admin1_code}};
  EXPECT_EQ(Resolve(m, ctx)->country, "LY");
  ctx.home_admin1 = {{"LB", lb->admin1_code}};
  EXPECT_EQ(Resolve(m, ctx)->country, "LB");
  // Alone, a home province also settles the country.
  ResolveContext home;
  home.home_admin1 = {{"LB", lb->admin1_code}};
  EXPECT_EQ(Resolve(m, home)->country, "LB");
}

// A country only the mention's own first guess voted for does not count
// for that mention ("in Puno city ... stuck in Lima": Pune's vote for
// India must not make Puno Pune), but counts for other names.
TEST(Gazetteer, ResolveIgnoresAMentionsOwnVote) {
  PlaceMention m;
  m.candidates = G().Lookup("Tripoli");
  const Place& ly = m.candidates[0];
  ASSERT_EQ(ly.country, "LY");
  struct {
    std::vector<std::string> countries;
    std::vector<std::pair<std::string, uint32_t>> self_only;
    const char* want;
  } cases[] = {
      {{"LY", "LB"}, {}, "LY"},
      {{"LY", "LB"}, {{"LY", ly.geonameid}}, "LB"},
      // Another town's own vote still counts for this one.
      {{"LY", "LB"}, {{"LY", ly.geonameid + 1}}, "LY"},
      {{"LY"}, {{"LY", ly.geonameid}}, "LY"},
  };
  for (const auto& c : cases) {
    ResolveContext ctx;
    ctx.countries = c.countries;
    ctx.self_only = c.self_only;
    EXPECT_EQ(Resolve(m, ctx)->country, c.want) << c.self_only.size();
  }
}

}  // namespace
}  // namespace sitrep::geo
