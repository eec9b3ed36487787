// UTF-8 validation and repair, binary detection and Unicode normalisation.
//
// Thread safety: pure functions.
#ifndef SITREP_UTF8_H_
#define SITREP_UTF8_H_

#include <string>
#include <string_view>

#include "sitrep/offset_map.h"

namespace sitrep {

// True when `s` is valid UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);

// Returns `s` with each invalid sequence (maximal subpart) replaced by
// U+FFFD; sets `*repairs` (may be null) to the number of replacements. Also
// strips a UTF-8 BOM and converts UTF-16 input with a BOM to UTF-8 (unpaired
// surrogates become U+FFFD). Offsets change: call it before keeping `raw`.
std::string RepairUtf8(std::string_view s, size_t* repairs);

// True when `s` looks like binary data (NUL bytes or a high share of control
// characters in its first 8 KB), not text.
bool LooksBinary(std::string_view s);

// NFC-normalises `in` (ICU), mapping output offsets back to `in` (`map` may
// be null). Fast path: ASCII, or text ICU finds already normalised (most
// news), is returned with the identity map. A changed run maps to the start
// of its source run. REQUIRES: `in` is valid UTF-8.
std::string NormalizeNfc(std::string_view in, OffsetMap* map);

}  // namespace sitrep

#endif  // SITREP_UTF8_H_
