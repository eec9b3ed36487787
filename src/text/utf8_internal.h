// Small inline UTF-8 helpers shared by the text stage (not public API).
//
// Thread safety: pure functions.
#ifndef SITREP_SRC_TEXT_UTF8_INTERNAL_H_
#define SITREP_SRC_TEXT_UTF8_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sitrep::text_internal {

// Decodes the code point at s[i] and sets *len to its byte length. Invalid
// or truncated sequences decode as U+FFFD with *len = 1.
// REQUIRES: i < s.size().
inline uint32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char c = p[i];
  size_t rest = s.size() - i;
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF && rest >= 2 && (p[i + 1] & 0xC0) == 0x80) {
    *len = 2;
    return ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu);
  }
  if (c >= 0xE0 && c <= 0xEF && rest >= 3 && (p[i + 1] & 0xC0) == 0x80 &&
      (p[i + 2] & 0xC0) == 0x80) {
    *len = 3;
    return ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
  }
  if (c >= 0xF0 && c <= 0xF4 && rest >= 4 && (p[i + 1] & 0xC0) == 0x80 &&
      (p[i + 2] & 0xC0) == 0x80 && (p[i + 3] & 0xC0) == 0x80) {
    *len = 4;
    return ((c & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) |
           ((p[i + 2] & 0x3Fu) << 6) | (p[i + 3] & 0x3Fu);
  }
  *len = 1;
  return 0xFFFD;
}

// Start of the code point that ends just before s[i]. REQUIRES: i > 0.
inline size_t PrevStart(std::string_view s, size_t i) {
  size_t k = i - 1;
  while (k > 0 && i - k < 4 &&
         (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) {
    --k;
  }
  return k;
}

// Horizontal white space other than ASCII: NBSP, the U+2000 block spaces,
// narrow NBSP, medium mathematical space, ideographic space.
inline bool IsUnicodeSpace(uint32_t cp) {
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0x1680;
}

// Invisible characters dropped by cleaning: zero-width space, BOM / zero
// width no-break space, soft hyphen, word joiner.
inline bool IsInvisible(uint32_t cp) {
  return cp == 0x200B || cp == 0xFEFF || cp == 0xAD || cp == 0x2060;
}

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

}  // namespace sitrep::text_internal

#endif  // SITREP_SRC_TEXT_UTF8_INTERNAL_H_
