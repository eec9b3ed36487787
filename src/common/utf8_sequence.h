// The length of the well-formed UTF-8 sequence at a position: the one rule
// shared by the JSON writer (src/common) and validation and repair
// (src/text/utf8.cc). Internal; not part of the public API.
//
// Thread safety: a pure function. Cost: O(1).
#ifndef SITREP_COMMON_UTF8_SEQUENCE_H_
#define SITREP_COMMON_UTF8_SEQUENCE_H_

#include <cstddef>
#include <string_view>

namespace sitrep {

// 1-4 for a well-formed sequence at s[i]; 0 for a stray continuation byte,
// an overlong form, a surrogate, a code point above U+10FFFF or a truncated
// sequence. REQUIRES: i < s.size().
inline size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    unsigned char c1 = p[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    unsigned char c1 = p[i + 1];
    if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace sitrep

#endif  // SITREP_COMMON_UTF8_SEQUENCE_H_
