// The small event predicates (event.cc) against their plain definitions.
#include "sitrep/event.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace sitrep {
namespace {

TEST(IsLocal, AnyPrecisionButCountry) {
  EXPECT_FALSE(IsLocal(std::nullopt));
  for (const char* p : {"city", "admin1", "admin2", "country", "", "countr",
                        "countryx", "Country"}) {
    Location l;
    l.precision = p;
    EXPECT_EQ(IsLocal(l), std::string(p) != "country") << p;
  }
}

TEST(MaySameVictims, VagueOrEqual) {
  const char* kClasses[] = {"", "people", "peoples", "soldiers", "insurgents"};
  for (std::string a : kClasses) {
    for (std::string b : kClasses) {
      bool vague_a = a.empty() || a == std::string("people");
      bool vague_b = b.empty() || b == std::string("people");
      EXPECT_EQ(MaySameVictims(a, b), vague_a || vague_b || a == b)
          << a << "|" << b;
    }
  }
}

TEST(TypesCompatible, AgainstPlainRule) {
  const char* kTypes[] = {"Protests",
                          "Riots",
                          "Violence against civilians",
                          "Battles",
                          "Explosions/Remote violence",
                          "Strategic developments",
                          "Riot",
                          ""};
  auto pr = [](const std::string& t) {
    return t == std::string("Protests") || t == std::string("Riots");
  };
  auto vpr = [&](const std::string& t) {
    return pr(t) || t == std::string("Violence against civilians");
  };
  for (std::string a : kTypes) {
    for (std::string b : kTypes) {
      for (int ap = 0; ap < 2; ++ap) {
        for (int bp = 0; bp < 2; ++bp) {
          bool want = a == b || (pr(a) && pr(b)) ||
                      (vpr(a) && vpr(b) && (ap || pr(a)) && (bp || pr(b)));
          EXPECT_EQ(TypesCompatible(a, ap, b, bp), want)
              << a << "|" << b << ap << bp;
        }
      }
    }
  }
}

}  // namespace
}  // namespace sitrep
