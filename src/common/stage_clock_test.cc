#include "sitrep/stage_clock.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

// A fake clock: the test moves time; CPU runs at half the wall's pace.
struct FakeTime {
  double wall = 100;
  StageClock::Now now() {
    return [this](double* w, double* c) {
      *w = wall;
      *c = wall / 2;
    };
  }
};

TEST(StageClock, TimesEachStageAndAddsReentries) {
  FakeTime t;
  StageClock clock(t.now());
  EXPECT_TRUE(clock.stages().empty());
  clock.Enter("store");
  t.wall += 10;
  clock.Enter("merge");
  t.wall += 4;
  clock.Enter("store");
  t.wall += 2;
  clock.Stop();
  t.wall += 50;  // stopped: counted nowhere
  clock.Stop();
  auto s = clock.stages();
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].name, "store");
  EXPECT_DOUBLE_EQ(s[0].wall, 12);
  EXPECT_DOUBLE_EQ(s[0].cpu, 6);
  EXPECT_EQ(s[1].name, "merge");
  EXPECT_DOUBLE_EQ(s[1].wall, 4);
  EXPECT_DOUBLE_EQ(s[1].cpu, 2);
}

TEST(StageClock, CurrentStageCountsUpToNow) {
  FakeTime t;
  StageClock clock(t.now());
  clock.Enter("gather");
  t.wall += 3;
  EXPECT_DOUBLE_EQ(clock.stages().at(0).wall, 3);
  t.wall += 1;
  EXPECT_DOUBLE_EQ(clock.stages().at(0).wall, 4);
}

TEST(StageClock, RealClocksMove) {
  StageClock clock;
  clock.Enter("spin");
  volatile double x = 0;
  for (int i = 0; i < 2000000; ++i) x = x + 1;
  clock.Stop();
  auto s = clock.stages();
  EXPECT_GT(s.at(0).wall, 0);
  EXPECT_GT(s.at(0).cpu, 0);
}

}  // namespace
}  // namespace sitrep
