#include "sitrep/stage_clock.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <vector>

namespace sitrep {
namespace {

// A fake clock: the test moves time; CPU runs at half the wall's pace, the
// kernel's part of it at a tenth, and a MB is read and two written a second.
struct FakeTime {
  double wall = 100;
  StageClock::Now now() {
    return [this] {
      return StageClock::Reading{wall, wall / 2, wall / 10, wall, 2 * wall};
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
  EXPECT_DOUBLE_EQ(s[0].spent.wall, 12);
  EXPECT_DOUBLE_EQ(s[0].spent.cpu, 6);
  EXPECT_DOUBLE_EQ(s[0].spent.sys, 1.2);
  EXPECT_DOUBLE_EQ(s[0].spent.read_mb, 12);
  EXPECT_DOUBLE_EQ(s[0].spent.written_mb, 24);
  EXPECT_EQ(s[1].name, "merge");
  EXPECT_DOUBLE_EQ(s[1].spent.wall, 4);
  EXPECT_DOUBLE_EQ(s[1].spent.cpu, 2);
  EXPECT_DOUBLE_EQ(s[1].spent.written_mb, 8);
}

TEST(StageClock, CurrentStageCountsUpToNow) {
  FakeTime t;
  StageClock clock(t.now());
  clock.Enter("gather");
  t.wall += 3;
  EXPECT_DOUBLE_EQ(clock.stages().at(0).spent.wall, 3);
  t.wall += 1;
  EXPECT_DOUBLE_EQ(clock.stages().at(0).spent.wall, 4);
}

TEST(StageClock, RealClocksMove) {
  StageClock clock;
  clock.Enter("spin");
  volatile double x = 0;
  for (int i = 0; i < 2000000; ++i) x = x + 1;
  clock.Stop();
  auto s = clock.stages();
  EXPECT_GT(s.at(0).spent.wall, 0);
  EXPECT_GT(s.at(0).spent.cpu, 0);
}

TEST(StageClock, CountsTheBytesThisProcessWrites) {
  std::FILE* probe = std::fopen("/proc/self/io", "r");
  if (probe == nullptr) GTEST_SKIP() << "no /proc/self/io here";
  std::fclose(probe);
  StageClock clock;
  clock.Enter("write");
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  std::vector<char> block(1 << 20, 'x');
  for (int i = 0; i < 4; ++i) {
    std::fwrite(block.data(), 1, block.size(), f);
    std::fflush(f);
  }
  std::fclose(f);
  clock.Stop();
  EXPECT_GE(clock.stages().at(0).spent.written_mb, 4);
}

}  // namespace
}  // namespace sitrep
