#include "sitrep/civil_day.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

namespace sitrep {
namespace {

TEST(CivilDay, RoundTripsDays) {
  for (int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(CivilDay::FromDays(d).ToDays(), d);
  }
}

TEST(CivilDay, Weekday) {
  EXPECT_EQ((CivilDay{2020, 1, 26}).Weekday(), 6);  // Sunday
  EXPECT_EQ((CivilDay{2022, 1, 8}).Weekday(), 5);   // Saturday
  EXPECT_EQ((CivilDay{1970, 1, 1}).Weekday(), 3);   // Thursday
}

TEST(CivilDay, ParseIso) {
  struct Case {
    const char* in;
    bool ok;
    CivilDay want;
  } cases[] = {
      {"2020-01-26", true, {2020, 1, 26}},
      {"2020-02-29T10:00:00Z", true, {2020, 2, 29}},
      {"2019-02-29", false, {}},
      {"2020-13-01", false, {}},
      {"2020-1-01", false, {}},
      {"", false, {}},
  };
  for (const auto& c : cases) {
    auto d = CivilDay::ParseIso(c.in);
    EXPECT_EQ(d.has_value(), c.ok) << c.in;
    if (d && c.ok) {
      EXPECT_EQ(*d, c.want) << c.in;
    }
  }
}

TEST(CivilDay, ToIsoPartial) {
  EXPECT_EQ((CivilDay{2020, 1, 5}).ToIso(), "2020-01-05");
  EXPECT_EQ((CivilDay{2020, 1, 0}).ToIso(), "2020-01");
  EXPECT_EQ((CivilDay{0, 1, 5}).ToIso(), "");
}

// ToIso against its plain form (printf), days in and out of its fast range.
std::string PlainIso(const CivilDay& d) {
  char buf[48];
  if (d.year == 0) return "";
  if (d.month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else if (d.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

TEST(CivilDay, ToIsoMatchesThePlainForm) {
  std::mt19937 rng(3);
  const int years[] = {0, 1, 9, 10, 999, 1000, 2024, 9999, 10000, -1, -20};
  for (int n = 0; n < 50000; ++n) {
    CivilDay d;
    d.year = n % 2 ? years[rng() % std::size(years)]
                   : static_cast<int>(rng() % 12000) - 500;
    d.month = static_cast<int>(rng() % 110) - 3;
    d.day = static_cast<int>(rng() % 110) - 3;
    if (rng() % 4 == 0) d.month = 0;
    if (rng() % 4 == 0) d.day = 0;
    ASSERT_EQ(d.ToIso(), PlainIso(d))
        << d.year << " " << d.month << " " << d.day;
  }
}

}  // namespace
}  // namespace sitrep
