#include "store/offsets_codec.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep::store_internal {
namespace {

using Anchors = std::vector<OffsetMap::Anchor>;

OffsetMap Make(const Anchors& anchors, uint32_t clean_size) {
  OffsetMap m;
  for (const auto& a : anchors) m.AddAnchor(a.clean, a.raw, a.linear);
  m.set_clean_size(clean_size);
  return m;
}

void ExpectSame(const OffsetMap& a, const OffsetMap& b) {
  ASSERT_EQ(a.anchors().size(), b.anchors().size());
  EXPECT_EQ(a.clean_size(), b.clean_size());
  for (size_t i = 0; i < a.anchors().size(); ++i) {
    EXPECT_EQ(a.anchors()[i].clean, b.anchors()[i].clean) << i;
    EXPECT_EQ(a.anchors()[i].raw, b.anchors()[i].raw) << i;
    EXPECT_EQ(a.anchors()[i].linear, b.anchors()[i].linear) << i;
  }
}

struct Case {
  const char* name;
  Anchors anchors;
  uint32_t clean_size;
};

TEST(OffsetsCodecTest, RoundTrips) {
  const Case cases[] = {
      {"empty", {}, 0},
      {"identity", {{0, 0, true}}, 100},
      {"skips",
       {{0, 10, true}, {5, 40, true}, {9, 41, false}, {10, 60, true}},
       30},
      {"backwards raw", {{0, 500, true}, {3, 2, true}, {7, 1000, false}}, 9},
      {"first anchor not at 0", {{4, 4, true}}, 8},
      {"large", {{0, 0, true}, {4000000000u, 4294967295u, false}}, 4000000001u},
  };
  for (const Case& c : cases) {
    OffsetMap m = Make(c.anchors, c.clean_size);
    std::string blob;
    ASSERT_TRUE(EncodeOffsets(m, &blob).ok()) << c.name;
    auto back = DecodeOffsets(blob);
    ASSERT_TRUE(back.ok()) << c.name << ": " << back.status().ToString();
    ExpectSame(m, *back);
  }
}

TEST(OffsetsCodecTest, MatchesTheDocumentedExample) {
  // doc/storage.md, "The offsets blob".
  OffsetMap m = Make({{0, 10, true}, {5, 40, true}, {9, 41, false}}, 30);
  std::string blob;
  ASSERT_TRUE(EncodeOffsets(m, &blob).ok());
  EXPECT_EQ(blob, std::string("\x01\x1e\x03\x01\x14\x0b\x32\x08\x05", 9));
}

TEST(OffsetsCodecTest, CopiedTextIsCompact) {
  // 1000 copied runs separated by 3 skipped raw bytes: about 2 bytes each.
  OffsetMap m;
  for (uint32_t i = 0; i < 1000; ++i) m.AddAnchor(i * 50, i * 53, true);
  m.set_clean_size(50000);
  std::string blob;
  ASSERT_TRUE(EncodeOffsets(m, &blob).ok());
  EXPECT_LE(blob.size(), 2 * 1000u + 8);
}

TEST(OffsetsCodecTest, RejectsUnorderedAnchors) {
  OffsetMap m;
  m.AddAnchor(5, 0, true);
  m.AddAnchor(2, 0, true);
  std::string blob;
  EXPECT_EQ(EncodeOffsets(m, &blob).code(), StatusCode::kInvalidArgument);
}

TEST(OffsetsCodecTest, RejectsDamagedBlobs) {
  OffsetMap m = Make({{0, 10, true}, {5, 40, true}, {9, 41, false}}, 30);
  std::string good;
  ASSERT_TRUE(EncodeOffsets(m, &good).ok());
  std::string unknown_format = good;
  unknown_format[0] = '\x02';
  const std::string bad[] = {
      "",
      unknown_format,
      good.substr(0, good.size() - 1),                 // truncated
      good + "x",                                      // trailing bytes
      std::string("\x01\x05\x7f", 3),                  // count exceeds blob
      std::string("\x01\x05\x02\x02\x00\x00\x00", 7),  // clean not increasing
      std::string("\x01\x05\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"
                  "\x00",
                  15),                         // overlong varint
      std::string("\x01\x05\x01\x01\x01", 5),  // raw below zero
  };
  for (const std::string& b : bad) {
    auto r = DecodeOffsets(b);
    EXPECT_FALSE(r.ok()) << testing::PrintToString(b);
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
    }
  }
}

}  // namespace
}  // namespace sitrep::store_internal
