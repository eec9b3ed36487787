#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "merge/internal.h"

namespace sitrep::merge_internal {
namespace {

// CentralNotes as first written: a std::set of words per mention.
std::string PlainCentral(const std::vector<Mention>& ms) {
  if (ms.size() == 1) return ms[0].notes;
  auto words = [](const std::string& s) {
    std::set<std::string> w;
    std::string cur;
    for (char c : s + " ") {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        cur.push_back(static_cast<char>(std::tolower(c)));
      } else if (!cur.empty()) {
        if (cur.size() > 3) w.insert(cur);
        cur.clear();
      }
    }
    return w;
  };
  std::vector<std::set<std::string>> sets;
  for (const auto& m : ms) sets.push_back(words(m.notes));
  size_t best = 0;
  long top = -1;
  for (size_t i = 0; i < ms.size(); ++i) {
    long shared = 0;
    for (size_t j = 0; j < ms.size(); ++j) {
      if (i == j) continue;
      for (const auto& w : sets[i]) shared += sets[j].count(w);
    }
    if (shared > top) {
      top = shared;
      best = i;
    }
  }
  return ms.empty() ? "" : ms[best].notes;
}

TEST(CentralNotes, MatchesThePlainForm) {
  const std::string words[] = {"Gunmen",
                               "gunmen",
                               "killed",
                               "KILLED",
                               "five",
                               "in",
                               "Kabul",
                               "kabul",
                               "on",
                               "the",
                               "attack",
                               "Attack",
                               "police",
                               "said",
                               "2020",
                               "x",
                               "\xC3\xA9t\xC3\xA9",
                               "soldiers"};
  const std::string seps[] = {" ", ", ", ". ", "-", "'", ""};
  std::mt19937 rng(23);
  for (int n = 0; n < 5000; ++n) {
    std::vector<Mention> ms(rng() % 6);
    for (auto& m : ms) {
      for (int k = static_cast<int>(rng() % 9); k > 0; --k) {
        m.notes += words[rng() % std::size(words)];
        m.notes += seps[rng() % std::size(seps)];
      }
    }
    ASSERT_EQ(CentralNotes(ms), PlainCentral(ms));
  }
}

// ModeString as first written: a std::map of copied keys.
template <typename Key>
std::string PlainModeString(const std::vector<Mention>& ms, Key key) {
  std::map<std::string, int> n;
  std::string best;
  int top = 0;
  for (const auto& m : ms) {
    std::string k(key(m));
    if (k.empty()) continue;
    if (++n[k] > top) {
      top = n[k];
      best = k;
    }
  }
  return best;
}

TEST(ModeString, MatchesThePlainForm) {
  const std::string types[] = {
      "",     "Battles", "Riots", "Protests", "Violence against civilians",
      "riots"};
  std::mt19937 rng(29);
  auto key = [](const Mention& m) -> std::string_view { return m.event_type; };
  for (int n = 0; n < 20000; ++n) {
    std::vector<Mention> ms(rng() % 9);
    for (auto& m : ms) m.event_type = types[rng() % std::size(types)];
    ASSERT_EQ(ModeString(ms, key), PlainModeString(ms, key));
  }
}

// A one-mention event (fast paths: no votes, no set of articles) has the
// fields the general path gives the same mention told twice.
TEST(MakeEvent, OneMentionAsItsTwinPair) {
  const CivilDay days[] = {CivilDay{}, CivilDay{2020, 5, 3},
                           CivilDay{2021, 0, 0}, CivilDay{2019, 12, 31}};
  const char* rules[] = {"article", "text", "context", "none", ""};
  const char* types[] = {"", "Battles", "Riots"};
  std::mt19937 rng(37);
  for (int n = 0; n < 2000; ++n) {
    Mention m;
    m.article_id = "art-" + std::to_string(rng() % 3);
    m.event_type = types[rng() % std::size(types)];
    m.sub_event_type = types[rng() % std::size(types)];
    m.actor1 = types[rng() % std::size(types)];
    m.date = days[rng() % std::size(days)];
    m.date_rule = rules[rng() % std::size(rules)];
    if (rng() % 3) {
      Location& l = m.location.emplace();
      l.name = "Gao";
      l.country = "Mali";
      l.geonameid = static_cast<uint32_t>(rng() % 5);
      l.precision = rng() % 2 ? "city" : "admin1";
    }
    MergeOptions o;
    const Event one = MakeEvent({m}, o);
    const Event two = MakeEvent({m, m}, o);
    EXPECT_EQ(one.date, two.date);
    EXPECT_EQ(one.date_rule, two.date_rule);
    ASSERT_EQ(one.location.has_value(), two.location.has_value());
    if (one.location) {
      EXPECT_EQ(one.location->geonameid, two.location->geonameid);
      EXPECT_EQ(one.location->precision, two.location->precision);
    }
    EXPECT_EQ(one.articles, two.articles);
    EXPECT_EQ(one.event_type, two.event_type);
    EXPECT_EQ(one.sub_event_type, two.sub_event_type);
    EXPECT_EQ(one.actor1, two.actor1);
  }
}

TEST(PrecisionRank, AsPickLocationRanked) {
  EXPECT_EQ(PrecisionRank("city"), 0);
  EXPECT_EQ(PrecisionRank("admin2"), 1);
  EXPECT_EQ(PrecisionRank("admin1"), 2);
  EXPECT_EQ(PrecisionRank("country"), 3);
  EXPECT_EQ(PrecisionRank(""), 0);  // unknown: as a std::map's inserted 0
  EXPECT_EQ(PrecisionRank("landmark"), 0);
}

}  // namespace
}  // namespace sitrep::merge_internal
