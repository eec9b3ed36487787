// Helpers shared by the gazetteer's normaliser, scanner and compiler.
#ifndef SITREP_GEO_NORMALIZE_INTERNAL_H_
#define SITREP_GEO_NORMALIZE_INTERNAL_H_

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
