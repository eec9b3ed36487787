// Helpers shared by the gazetteer's normaliser, scanner and compiler.
#ifndef SITREP_GEO_NORMALIZE_INTERNAL_H_
#define SITREP_GEO_NORMALIZE_INTERNAL_H_

#include <string>
#include <string_view>

namespace sitrep::geo {

// Decodes one UTF-8 code point at `*pos` and advances it (U+FFFD and one
// byte on a malformed sequence). REQUIRES: *pos < s.size().
char32_t DecodeUtf8(std::string_view s, size_t* pos);

// True when `s` has a letter outside the Latin script (Arabic, Cyrillic,
// CJK...): such alternate names are not indexed.
bool HasNonLatinLetter(std::string_view s);

// Step 1 of NormalizePlaceKey alone: lower-case ASCII words separated by
// spaces (for tests of the later steps).
std::string FoldPlaceWords(std::string_view in);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_NORMALIZE_INTERNAL_H_
