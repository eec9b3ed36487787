#include "extract/type_scores.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

namespace sitrep {
namespace {

using PlainScores = std::map<std::string_view, double, std::less<>>;

void ExpectSame(const TypeScores& got, const PlainScores& want) {
  ASSERT_EQ(got.size(), want.size());
  auto g = got.begin();
  for (const auto& [type, score] : want) {
    EXPECT_EQ(g->first, type);
    EXPECT_EQ(g->second, score);
    ++g;
  }
}

// Random += / -= / = / reads / finds / copies against the std::map that
// Classification held: same keys, same values, same order.
TEST(TypeScores, MatchesThePlainMap) {
  const std::vector<std::string> types = {"Battles",
                                          "Explosions/Remote violence",
                                          "Protests",
                                          "Riots",
                                          "Strategic developments",
                                          "Violence against civilians",
                                          "",
                                          "B",
                                          "Bombing",
                                          "\xC3\xA9meute",
                                          "riots"};
  std::mt19937 rng(11);
  for (int n = 0; n < 3000; ++n) {
    TypeScores got;
    PlainScores want;
    for (int k = static_cast<int>(rng() % 24); k > 0; --k) {
      std::string_view t = types[rng() % types.size()];
      double d = static_cast<int>(rng() % 13) - 4 + 0.25 * (rng() % 4);
      switch (rng() % 5) {
        case 0:
          got[t] += d;
          want[t] += d;
          break;
        case 1:
          got[t] -= d;
          want[t] -= d;
          break;
        case 2:
          got[t] = d;
          want[t] = d;
          break;
        case 3:
          ASSERT_EQ(got[t], want[t]);
          break;
        default: {
          auto g = got.find(t);
          auto w = want.find(t);
          ASSERT_EQ(g == got.end(), w == want.end());
          if (w != want.end()) ASSERT_EQ(g->second, w->second);
        }
      }
    }
    ExpectSame(got, want);
    TypeScores copy = got;
    ExpectSame(copy, want);
  }
}

TEST(TypeScores, FindsByAnyStringView) {
  TypeScores s;
  s["Riots"] += 2;
  std::string key = "Riots";
  EXPECT_EQ(s.find(key)->second, 2);
  EXPECT_EQ(s.find("Protests"), s.end());
  EXPECT_TRUE(s.find("Protests") == s.end());
  EXPECT_EQ(s.size(), 1u);
}

}  // namespace
}  // namespace sitrep
