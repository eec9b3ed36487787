#include "sitrep/offset_map.h"

#include <gtest/gtest.h>

#include <string>

namespace sitrep {
namespace {

TEST(TextBuilder, CopyAndAppendMapBack) {
  std::string raw = "ab<x>cd&amp;ef";
  TextBuilder b(raw);
  b.Copy(0, 2);      // "ab"
  b.Copy(5, 7);      // "cd"
  b.Append("&", 7);  // entity decoded
  b.Copy(12, 14);    // "ef"
  OffsetMap m;
  std::string text = b.TakeText(&m);
  ASSERT_EQ(text, "abcd&ef");
  EXPECT_EQ(m.ToRaw(0), 0u);
  EXPECT_EQ(m.ToRaw(1), 1u);
  EXPECT_EQ(m.ToRaw(2), 5u);
  EXPECT_EQ(m.ToRaw(3), 6u);
  EXPECT_EQ(m.ToRaw(4), 7u);
  EXPECT_EQ(m.ToRaw(5), 12u);
  EXPECT_EQ(m.ToRaw(Span{2, 4}), (Span{5, 7}));
  EXPECT_EQ(m.ToRaw(Span{5, 7}).In(raw), "ef");
}

TEST(TextBuilder, AdjacentCopiesCoalesce) {
  std::string raw = "hello world";
  TextBuilder b(raw);
  b.Copy(0, 5);
  b.Copy(5, 11);
  OffsetMap m;
  b.TakeText(&m);
  EXPECT_EQ(m.anchors().size(), 1u);
}

// Slow reference: a per-byte table, composed by lookup.
std::vector<uint32_t> Table(const OffsetMap& m, uint32_t n) {
  std::vector<uint32_t> t(n);
  for (uint32_t i = 0; i < n; ++i) t[i] = m.ToRaw(i);
  return t;
}

TEST(OffsetMap, ThenMatchesPerByteComposition) {
  std::string raw = "0123456789abcdefghij";
  TextBuilder b1(raw);
  b1.Copy(0, 4);
  b1.Append("XY", 4);
  b1.Copy(8, 16);
  OffsetMap m1;
  std::string mid = b1.TakeText(&m1);
  TextBuilder b2(mid);
  b2.Copy(1, 5);
  b2.Append("-", 5);
  b2.Copy(6, mid.size());
  OffsetMap m2;
  std::string clean = b2.TakeText(&m2);
  OffsetMap composed = m2.Then(m1);
  auto t1 = Table(m1, mid.size());
  for (uint32_t i = 0; i < clean.size(); ++i) {
    EXPECT_EQ(composed.ToRaw(i), t1[m2.ToRaw(i)]) << i;
  }
}

}  // namespace
}  // namespace sitrep
