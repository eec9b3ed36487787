#include "sitrep/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace sitrep {
namespace {

struct ValidCase {
  std::string in;
  bool valid;
};

TEST(Utf8, IsValid) {
  const ValidCase cases[] = {
      {"", true},
      {"plain ascii text, long enough for the 8-byte fast path", true},
      {"caf\xC3\xA9", true},
      {"\xE2\x80\x93 dash", true},
      {"\xF0\x9F\x98\x80", true},   // U+1F600
      {"\xC3", false},              // truncated
      {"\xC0\xAF", false},          // overlong '/'
      {"\xE0\x80\xAF", false},      // overlong
      {"\xED\xA0\x80", false},      // surrogate U+D800
      {"\xF4\x90\x80\x80", false},  // above U+10FFFF
      {"\xFF", false},
      {"abcdefgh\x80", false},  // after a fast-path block
  };
  for (const ValidCase& c : cases) {
    EXPECT_EQ(IsValidUtf8(c.in), c.valid) << c.in;
  }
}

struct RepairCase {
  std::string in;
  std::string out;
  size_t repairs;
};

TEST(Utf8, Repair) {
  const std::string r = "\xEF\xBF\xBD";
  const RepairCase cases[] = {
      {"clean", "clean", 0},
      {"a\xFF"
       "b",
       "a" + r + "b", 1},
      {"a\xC3", "a" + r, 1},
      {"\xE2\x80"
       "x",
       r + "x", 1},                                 // truncated 3-byte: one
      {"\xED\xA0\x80", r + r + r, 3},               // surrogate: per byte
      {"\xEF\xBB\xBFhello", "hello", 0},            // UTF-8 BOM stripped
      {std::string("\xFF\xFEh\0i\0", 6), "hi", 0},  // UTF-16LE
      {std::string("\xFE\xFF\0h\0i", 6), "hi", 0},  // UTF-16BE
      {std::string("\xFF\xFE\x3D\xD8\x00\xDE", 6), "\xF0\x9F\x98\x80", 0},
      {std::string("\xFF\xFE\x00\xD8h\0", 6), r + "h", 1},  // lone surrogate
      {std::string("\xFF\xFEh\0i", 5), "h" + r, 1},         // odd length
  };
  for (const RepairCase& c : cases) {
    size_t repairs = 99;
    EXPECT_EQ(RepairUtf8(c.in, &repairs), c.out) << c.in;
    EXPECT_EQ(repairs, c.repairs) << c.in;
    EXPECT_TRUE(IsValidUtf8(RepairUtf8(c.in, nullptr)));
  }
}

TEST(Utf8, LooksBinary) {
  struct Case {
    std::string in;
    bool binary;
  };
  const Case cases[] = {
      {"News text.\nSecond line.\r\n", false},
      {"", false},
      {std::string("PK\x03\x04\0\0", 6), true},
      {std::string("\x01\x02\x03\x04\x05 abc", 9), true},
      {std::string("\xFF\xFEh\0i\0", 6), false},  // UTF-16 text
      {"caf\xC3\xA9 \xE2\x80\x94 ok", false},
  };
  for (const Case& c : cases) EXPECT_EQ(LooksBinary(c.in), c.binary) << c.in;
}

TEST(Utf8, NfcFastPathIsIdentity) {
  for (std::string s : {"ascii only", "already NFC: caf\xC3\xA9", ""}) {
    OffsetMap m;
    EXPECT_EQ(NormalizeNfc(s, &m), s);
    ASSERT_EQ(m.anchors().size(), 1u);
    EXPECT_TRUE(m.anchors()[0].linear);
    EXPECT_EQ(m.clean_size(), s.size());
  }
}

TEST(Utf8, NfcComposesAndMapsBack) {
  // "cafe" + U+0301 (combining acute) -> "caf" + U+00E9; then " x".
  std::string in = "cafe\xCC\x81 x";
  OffsetMap m;
  std::string out = NormalizeNfc(in, &m);
  ASSERT_EQ(out, "caf\xC3\xA9 x");
  EXPECT_EQ(m.ToRaw(0), 0u);
  EXPECT_EQ(m.ToRaw(3), 3u);  // é comes from "e" + U+0301
  EXPECT_EQ(m.ToRaw(5), 6u);  // " " after it
  EXPECT_EQ(m.ToRaw(Span{6, 7}).In(in), "x");
  EXPECT_EQ(m.ToRaw(Span{0, 3}).In(in), "caf");
}

}  // namespace
}  // namespace sitrep
