// Which article is the original, copy maps and borrowed dates.
#include <gtest/gtest.h>

#include "sitrep/dedup.h"

namespace sitrep {
namespace {

CopyInfo Info(std::string id, std::optional<CivilDay> day, size_t bytes,
              size_t fps = 10) {
  return {std::move(id), day, bytes, fps};
}

const CivilDay kFeb13{2022, 2, 13}, kFeb14{2022, 2, 14};

struct OriginalCase {
  CopyInfo x, y;
  bool x_is_original;
};

TEST(DedupCopy, IsOriginal) {
  const OriginalCase cases[] = {
      {Info("b", kFeb13, 10), Info("a", kFeb14, 900), true},  // earlier date
      {Info("b", std::nullopt, 900), Info("a", kFeb14, 10), false},  // dated
      {Info("b", kFeb13, 900), Info("a", kFeb13, 10), true},  // more text
      {Info("a", kFeb13, 10), Info("b", kFeb13, 10), true},   // smaller id
      {Info("b", std::nullopt, 10), Info("a", std::nullopt, 10), false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsOriginal(c.x, c.y), c.x_is_original) << c.x.id << c.y.id;
    EXPECT_EQ(IsOriginal(c.y, c.x), !c.x_is_original) << c.x.id << c.y.id;
  }
}

TEST(DedupCopy, GroupsMapToTheOriginal) {
  DuplicateGroup g{{"a", "b", "c"},
                   {{"a", "b", 0.9, true}, {"b", "c", 0.85, true}}};
  std::vector<CopyInfo> infos = {Info("a", kFeb14, 500), Info("b", kFeb13, 400),
                                 Info("c", std::nullopt, 900)};
  std::map<std::string, std::string> want = {{"a", "b"}, {"c", "b"}};
  EXPECT_EQ(CopyOf({g}, {}, infos), want);
  // Unknown articles are undated with no text: never the original here.
  EXPECT_EQ(CopyOf({g}, {}, {Info("c", kFeb13, 1)}),
            (std::map<std::string, std::string>{{"a", "c"}, {"b", "c"}}));
}

std::vector<SharedSentence> Shared(const std::string& a, const std::string& b,
                                   int n) {
  std::vector<SharedSentence> out;
  for (int i = 0; i < n; ++i) {
    out.push_back({a, static_cast<uint32_t>(i), b, static_cast<uint32_t>(i)});
  }
  return out;
}

struct SentenceCase {
  int shared;
  size_t fps_a, fps_b;
  bool copy;
};

TEST(DedupCopy, SentenceContainment) {
  const SentenceCase cases[] = {
      {7, 10, 9, true},    // syndicated rewrite
      {3, 30, 6, true},    // a short piece lifted from a long one
      {2, 4, 4, false},    // under min_shared
      {3, 30, 20, false},  // a few quotes in common
      {5, 10, 10, true},   // exactly half
      {4, 10, 10, false},
  };
  for (const auto& c : cases) {
    std::vector<CopyInfo> infos = {Info("x", kFeb13, 100, c.fps_a),
                                   Info("y", kFeb14, 100, c.fps_b)};
    auto m = CopyOf({}, Shared("x", "y", c.shared), infos);
    EXPECT_EQ(m.size(), c.copy ? 1u : 0u) << c.shared << " " << c.fps_b;
    if (c.copy) {
      EXPECT_EQ(m["y"], "x");
    }
  }
}

TEST(DedupCopy, ReferenceDates) {
  std::vector<CopyInfo> infos = {
      Info("dated1", kFeb14, 100), Info("dated2", kFeb13, 100),
      Info("undated", std::nullopt, 100), Info("lonely", std::nullopt, 100),
      Info("dup", std::nullopt, 100)};
  std::vector<SharedSentence> shared = Shared("dated1", "undated", 2);
  auto more = Shared("undated", "dated2", 1);
  shared.insert(shared.end(), more.begin(), more.end());
  DuplicateGroup g{{"dated1", "dup"}, {{"dated1", "dup", 0.95, true}}};
  auto dates = ReferenceDates({g}, shared, infos);
  std::map<std::string, CivilDay> want = {{"dup", kFeb14}, {"undated", kFeb14}};
  EXPECT_EQ(dates, want);
  // Equal ties: the earlier day wins.
  auto tied = ReferenceDates({}, Shared("undated", "dated1", 1), infos);
  auto tied2 = Shared("dated2", "undated", 1);
  tied = ReferenceDates(
      {},
      [&] {
        auto v = Shared("undated", "dated1", 1);
        v.insert(v.end(), tied2.begin(), tied2.end());
        return v;
      }(),
      infos);
  EXPECT_EQ(tied.at("undated"), kFeb13);
}

}  // namespace
}  // namespace sitrep
