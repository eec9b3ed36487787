// Internal: the word scanner and hashes shared by the document and sentence
// levels of dedup. Words are maximal runs of ASCII letters/digits and
// non-ASCII characters other than punctuation/space code points (U+00A0,
// U+00A1, U+00AB, U+00B7, U+00BB, U+00BF, U+2000-U+207F, U+3000-U+3002,
// U+FEFF); ASCII letters are lower-cased; a word's first 64 bytes are hashed
// (with its length when longer).
#ifndef SITREP_DEDUP_WORDS_H_
#define SITREP_DEDUP_WORDS_H_

#include <xxhash.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sitrep::dedup_internal {

inline constexpr size_t kMaxWordBytes = 64;

// 0: ASCII separator, 1: ASCII word byte, 2: non-ASCII byte.
inline constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                 (c >= 'A' && c <= 'Z');
    t[c] = c >= 0x80 ? 2 : (alnum ? 1 : 0);
  }
  return t;
}();

// Bytes of the separator code point at p (0 when p starts a word byte).
// REQUIRES: p < end and *p >= 0x80.
inline size_t NonAsciiSeparator(const unsigned char* p,
                                const unsigned char* end) {
  size_t left = static_cast<size_t>(end - p);
  if (p[0] == 0xC2 && left >= 2) {
    unsigned char b = p[1];
    if (b == 0xA0 || b == 0xA1 || b == 0xAB || b == 0xB7 || b == 0xBB ||
        b == 0xBF) {
      return 2;
    }
  } else if (p[0] == 0xE2 && left >= 3) {
    if (p[1] == 0x80 || p[1] == 0x81) return 3;
  } else if (p[0] == 0xE3 && left >= 3) {
    if (p[1] == 0x80 && p[2] <= 0x82) return 3;
  } else if (p[0] == 0xEF && left >= 3) {
    if (p[1] == 0xBB && p[2] == 0xBF) return 3;
  }
  return 0;
}

inline uint64_t HashWord(const char* buf, size_t stored, size_t len) {
  return XXH3_64bits_withSeed(buf, stored, len > stored ? len : 0);
}

// Calls on_word(hash, lowered) for each word of `text`, in order; `lowered`
// is the word's first kMaxWordBytes bytes, lower-cased.
template <typename F>
void ForEachWord(std::string_view text, F&& on_word) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  char buf[kMaxWordBytes];
  size_t len = 0;
  auto flush = [&] {
    if (len == 0) return;
    size_t stored = len < kMaxWordBytes ? len : kMaxWordBytes;
    on_word(HashWord(buf, stored, len), std::string_view(buf, stored));
    len = 0;
  };
  while (p < end) {
    unsigned char c = *p;
    uint8_t k = kByteClass[c];
    size_t sep = k == 0 ? 1 : (k == 2 ? NonAsciiSeparator(p, end) : 0);
    if (sep != 0) {
      flush();
      p += sep;
      continue;
    }
    if (len < kMaxWordBytes) {
      buf[len] = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    ++len;
    ++p;
  }
  flush();
}

}  // namespace sitrep::dedup_internal

#endif  // SITREP_DEDUP_WORDS_H_
