// The merge's fast paths against plain references: Cluster (with its
// ClusterIndex blocking) against a scan of every cluster with the blocking
// rule written out, ClusterId against the key built with std::to_string,
// CentralNotes against word lists of std::string. Random mentions.
#include <gtest/gtest.h>
#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "merge/internal.h"
#include "merge/merge_test_util.h"

namespace sitrep::merge_internal {
namespace {

using merge_test::kBaghdad;
using merge_test::kNajaf;

// May cluster `members` meet `m` (ClusterIndex's rule): same country, and
// for a dated mention a member dated within a day or sharing its named
// victim; an undated mention meets every cluster of its country.
bool Meets(const std::vector<Mention>& ms, const std::vector<uint32_t>& members,
           const Mention& m) {
  for (uint32_t i : members) {
    const Mention& o = ms[i];
    if (o.Scope() != m.Scope()) continue;
    if (!m.date.valid()) return true;
    if (o.date.valid() && std::abs(o.date.ToDays() - m.date.ToDays()) <= 1) {
      return true;
    }
    if (IsNamedActor(m.actor2) && o.actor2 == m.actor2) return true;
  }
  return false;
}

// Cluster, written as a scan of every cluster in creation order.
std::vector<std::vector<uint32_t>> PlainCluster(std::vector<Mention>* ms,
                                                const MergeOptions& o) {
  SortCanonically(ms);
  std::vector<std::vector<uint32_t>> members;
  auto home = [&](const Mention& m, bool unique, auto fits) {
    std::optional<size_t> found;
    for (size_t c = 0; c < members.size(); ++c) {
      if (!Meets(*ms, members[c], m)) continue;
      if ((*ms)[members[c].front()].kind != m.kind) continue;
      if (!std::all_of(members[c].begin(), members[c].end(),
                       [&](uint32_t i) { return fits((*ms)[i]); })) {
        continue;
      }
      if (found) return unique ? std::nullopt : found;
      found = c;
      if (!unique) break;
    }
    return found;
  };
  std::vector<uint32_t> weak;
  for (uint32_t i = 0; i < ms->size(); ++i) {
    const Mention& m = (*ms)[i];
    if (m.weak) {
      weak.push_back(i);
      continue;
    }
    auto c =
        home(m, false, [&](const Mention& x) { return SameEvent(x, m, o); });
    if (!c) members.emplace_back();
    members[c ? *c : members.size() - 1].push_back(i);
  }
  for (uint32_t i : weak) {
    auto c = home((*ms)[i], true,
                  [&](const Mention& x) { return WeakFits(x, (*ms)[i]); });
    if (c) members[*c].push_back(i);
  }
  return members;
}

// Random mentions over four scopes, days within a few of each other (or
// none), named and unnamed second actors.
std::vector<Mention> RandomMentions(std::mt19937& rng, int n) {
  const Location places[] = {kBaghdad, merge_test::InCountry(kNajaf, "SO"),
                             merge_test::InCountry(kBaghdad, "NG")};
  const char* ids[] = {"a", "b", "c", "d", "e", "f"};
  const char* actors[] = {"", "protesters", "Islamic State", "Boko Haram"};
  std::vector<Mention> ms;
  for (int i = 0; i < n; ++i) {
    CivilDay day =
        rng() % 4 ? CivilDay{2020, 1, 20 + int(rng() % 6)} : CivilDay{};
    Mention m = merge_test::M(
        ids[rng() % 6], rng() % 2 ? merge_test::kExpl : merge_test::kProt,
        places[rng() % 3], day,
        {merge_test::Fig(Outcome::kKilled, 1 + rng() % 3)},
        static_cast<int>(rng() % 8));
    if (rng() % 5 == 0) m.location.reset();
    m.actor2 = actors[rng() % 4];
    m.raw_spans = {Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i)}};
    m.weak = rng() % 6 == 0;
    if (rng() % 5 == 0) m.kind = MentionKind::kTally;
    ms.push_back(std::move(m));
  }
  return ms;
}

TEST(ClusterIndexTest, ClusterIsThePlainScan) {
  std::mt19937 rng(8);
  int joined = 0;  // clusters of more than one mention: the rule is tested
  for (int round = 0; round < 300; ++round) {
    std::vector<Mention> ms = RandomMentions(rng, 5 + round % 40);
    MergeOptions o;
    std::vector<Mention> plain = ms;
    const std::vector<std::vector<uint32_t>> want = PlainCluster(&plain, o);
    const Clusters got = Cluster(std::move(ms), o);
    // The clusters' mentions, each told by its (unique) text start: Cluster
    // leaves the mentions where they were, PlainCluster sorts them.
    auto starts = [](const std::vector<Mention>& v,
                     const std::vector<std::vector<uint32_t>>& members) {
      std::vector<std::vector<uint32_t>> out;
      for (const auto& c : members) {
        out.emplace_back();
        for (uint32_t i : c) out.back().push_back(v[i].raw_spans[0].begin);
      }
      return out;
    };
    EXPECT_EQ(starts(got.mentions, got.members), starts(plain, want))
        << "round " << round;
    for (const auto& c : want) joined += c.size() > 1;
  }
  EXPECT_GT(joined, 300);
}

// "SR" + XXH3 of the smallest "<id>#<sentence>@<start>/<place start>".
std::string PlainClusterId(const std::vector<Mention>& ms) {
  std::string min_key;
  for (const Mention& m : ms) {
    std::string k =
        m.article_id + "#" +
        std::to_string(m.sentences.empty() ? 0 : m.sentences.front()) + "@" +
        std::to_string(m.raw_spans.empty() ? 0 : m.raw_spans.front().begin) +
        "/" + std::to_string(m.location ? m.location->span.begin : 0);
    if (min_key.empty() || k < min_key) min_key = k;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "SR%016llx",
                static_cast<unsigned long long>(
                    XXH3_64bits(min_key.data(), min_key.size())));
  return buf;
}

TEST(ClusterIndexTest, ClusterIdIsThePlainKey) {
  std::mt19937 rng(6);
  const std::string ids[] = {"a", "a1", "article-with-a-long-identifier-0042",
                             "b#1", ""};
  for (int round = 0; round < 500; ++round) {
    std::vector<Mention> ms(1 + rng() % 6);
    for (Mention& m : ms) {
      m.article_id = ids[rng() % 5];
      if (rng() % 8) m.sentences = {static_cast<int>(rng() % 300) - 5};
      if (rng() % 8) m.raw_spans = {Span{static_cast<uint32_t>(rng()), 0}};
      if (rng() % 3) {
        m.location = kBaghdad;
        m.location->span.begin = static_cast<uint32_t>(rng() % 100000);
      }
    }
    EXPECT_EQ(ClusterId(ms), PlainClusterId(ms)) << "round " << round;
  }
}

// CentralNotes as first written: each word a std::string.
std::vector<std::string> PlainWords(const std::string& s) {
  std::vector<std::string> w;
  std::string cur;
  auto end_word = [&] {
    if (cur.size() > 3) w.push_back(cur);
    cur.clear();
  };
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      cur.push_back(static_cast<char>(std::tolower(c)));
    } else {
      end_word();
    }
  }
  end_word();
  std::sort(w.begin(), w.end());
  w.erase(std::unique(w.begin(), w.end()), w.end());
  return w;
}

std::string PlainCentralNotes(const std::vector<Mention>& ms) {
  if (ms.size() == 1) return ms[0].notes;
  std::vector<std::vector<std::string>> sets;
  for (const auto& m : ms) sets.push_back(PlainWords(m.notes));
  size_t best = 0;
  long top = -1;
  for (size_t i = 0; i < ms.size(); ++i) {
    long shared = 0;
    for (size_t j = 0; j < ms.size(); ++j) {
      if (i == j) continue;
      for (const std::string& w : sets[i]) {
        shared += std::binary_search(sets[j].begin(), sets[j].end(), w);
      }
    }
    if (shared > top) {
      top = shared;
      best = i;
    }
  }
  return ms.empty() ? "" : ms[best].notes;
}

// Near (compat.cc) turns down places further apart in latitude alone than
// 61 km without DistanceKm: the great-circle distance is then over 60 km.
// Random pairs, many just past the bound.
TEST(NearTest, LatitudeBoundImpliesDistance) {
  constexpr double kKmPerDegree = 6371.0 * M_PI / 180.0;
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> lat(-90, 90), lon(-180, 180),
      extra(0, 0.01);
  int tested = 0;
  for (int i = 0; i < 200000; ++i) {
    Location x, y;
    x.lat = lat(rng);
    x.lon = lon(rng);
    y.lat = i % 2 ? lat(rng) : x.lat + (61 / kKmPerDegree + extra(rng));
    y.lon = i % 4 < 2 ? lon(rng) : x.lon;
    if (std::abs(y.lat) > 90 || std::abs(x.lat - y.lat) * kKmPerDegree <= 61) {
      continue;
    }
    ++tested;
    ASSERT_GT(DistanceKm(x, y), 60)
        << x.lat << "," << x.lon << " " << y.lat << "," << y.lon;
  }
  EXPECT_GT(tested, 100000);
}

// IsLocal (a string_view compare) against the plain std::string one.
TEST(IsLocalTest, IsThePlainCompare) {
  EXPECT_FALSE(IsLocal(std::nullopt));
  for (const char* p : {"country", "city", "admin1", "admin2", "", "countr",
                        "country ", "Country", "countries"}) {
    Location l;
    l.precision = p;
    EXPECT_EQ(IsLocal(l), l.precision != std::string("country")) << p;
  }
}

// MaySameVictims (a string_view compare) against its plain rule.
TEST(MaySameVictimsTest, IsThePlainRule) {
  const std::vector<std::string> vs = {"",       "people",   "peopl",
                                       "People", "soldiers", "people "};
  for (const auto& a : vs) {
    for (const auto& b : vs) {
      auto vague = [](const std::string& v) {
        return v.empty() || v == std::string("people");
      };
      EXPECT_EQ(MaySameVictims(a, b), vague(a) || vague(b) || a == b)
          << a << " / " << b;
    }
  }
}

// TypesCompatible (string_view compares) against its rule written with
// std::string and std::set, over every pair of types and protester flags.
TEST(TypesCompatibleTest, IsThePlainRule) {
  const std::vector<std::string> types = {"Protests",
                                          "Riots",
                                          "Violence against civilians",
                                          "Battles",
                                          "Explosions/Remote violence",
                                          "",
                                          "Protest",
                                          "Riot"};
  auto plain = [](const std::string& a, bool ap, const std::string& b,
                  bool bp) {
    const std::set<std::string> pr = {"Protests", "Riots"};
    const std::set<std::string> vpr = {"Protests", "Riots",
                                       "Violence against civilians"};
    if (a == b || (pr.count(a) && pr.count(b))) return true;
    return vpr.count(a) && vpr.count(b) && (ap || pr.count(a)) &&
           (bp || pr.count(b));
  };
  for (const auto& a : types) {
    for (const auto& b : types) {
      for (int f = 0; f < 4; ++f) {
        const bool ap = f & 1, bp = f & 2;
        EXPECT_EQ(TypesCompatible(a, ap, b, bp), plain(a, ap, b, bp))
            << a << " / " << b << " " << f;
      }
    }
  }
}

TEST(CentralNotesTest, IsThePlainForm) {
  std::mt19937 rng(13);
  const std::string words[] = {"Gunmen",
                               "gunmen",
                               "KILLED",
                               "four",
                               "farmers",
                               "in",
                               "Kano",
                               "kano2",
                               "2020",
                               "police",
                               "said",
                               "x",
                               "\xC3\xA9t\xC3\xA9s",
                               "attack"};
  const char* seps[] = {" ", ", ", ".", "-", "\n", "'", "\xff"};
  for (int round = 0; round < 2000; ++round) {
    std::vector<Mention> ms(1 + rng() % 5);
    for (Mention& m : ms) {
      for (int k = rng() % 12; k > 0; --k) {
        m.notes += words[rng() % 14];
        m.notes += seps[rng() % 7];
      }
    }
    EXPECT_EQ(CentralNotes(ms), PlainCentralNotes(ms)) << round;
  }
}

}  // namespace
}  // namespace sitrep::merge_internal
