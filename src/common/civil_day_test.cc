#include "sitrep/civil_day.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace sitrep
