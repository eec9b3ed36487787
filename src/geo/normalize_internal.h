// Helpers shared by the gazetteer's normaliser, scanner and compiler.
#ifndef SITREP_GEO_NORMALIZE_INTERNAL_H_
#define SITREP_GEO_NORMALIZE_INTERNAL_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sitrep::geo {

// DecodeUtf8 for any lead byte (the ASCII case inlined below).
char32_t DecodeUtf8Slow(std::string_view s, size_t* pos);

// Decodes one UTF-8 code point at `*pos` and advances it (U+FFFD and one
// byte on a malformed sequence). REQUIRES: *pos < s.size().
inline char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  unsigned char c = static_cast<unsigned char>(s[*pos]);
  if (c < 0x80) {
    ++*pos;
    return c;
  }
  return DecodeUtf8Slow(s, pos);
}

// True when `s` has a letter outside the Latin script (Arabic, Cyrillic,
// CJK...): such alternate names are not indexed.
bool HasNonLatinLetter(std::string_view s);

// A hash of a short text (at most 32 bytes) for the per-thread memos of
// the place finder and NormalizePlaceKey: mixed from a few overlapping
// loads that cover its bytes, without a loop over them.
inline uint64_t ShortTextHash(std::string_view w) {
  auto load64 = [](const char* p) {
    uint64_t x;
    std::memcpy(&x, p, sizeof(x));
    return x;
  };
  auto load32 = [](const char* p) {
    uint32_t x;
    std::memcpy(&x, p, sizeof(x));
    return uint64_t{x};
  };
  const char* p = w.data();
  const size_t n = w.size();
  uint64_t a = 0;
  uint64_t b = 0;
  if (n >= 8) {
    a = load64(p);
    b = load64(p + n - 8);
    if (n > 16) {
      a ^= (load64(p + 8) * 0xFF51AFD7ED558CCDull) >> 7;
      b ^= (load64(p + n - 16) * 0xC4CEB9FE1A85EC53ull) >> 11;
    }
  } else if (n >= 4) {
    a = load32(p);
    b = load32(p + n - 4);
  } else if (n > 0) {
    a = uint64_t{static_cast<unsigned char>(p[0])} << 16 |
        uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
        static_cast<unsigned char>(p[n - 1]);
  }
  uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + n) * 0xC2B2AE3D27D4EB4Full;
  h ^= h >> 31;
  return h * 0x9E3779B97F4A7C15ull;
}

// a == b for two short texts (at most 32 bytes), by the loads of
// ShortTextHash instead of a call to memcmp.
inline bool SameShortText(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  auto same = [&](size_t at, size_t width) {
    return std::memcmp(a.data() + at, b.data() + at, width) == 0;
  };
  if (n >= 16)
    return same(0, 8) && same(8, 8) && same(n - 16, 8) && same(n - 8, 8);
  if (n >= 8) return same(0, 8) && same(n - 8, 8);
  if (n >= 4) return same(0, 4) && same(n - 4, 4);
  for (size_t k = 0; k < n; ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

inline bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

// NormalizePlaceKey by its three steps for any text; NormalizePlaceKey
// takes a shortcut for one ASCII word and remembers its last keys.
std::string NormalizePlaceKeyPlain(std::string_view name);

// Step 1 of NormalizePlaceKey alone: lower-case ASCII words separated by
// spaces (for tests of the later steps).
std::string FoldPlaceWords(std::string_view in);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_NORMALIZE_INTERNAL_H_
