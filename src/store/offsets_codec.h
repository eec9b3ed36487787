// Encoding of an OffsetMap as a compact blob (the `articles.offsets` column).
//
// Layout (all integers are LEB128 varints, see doc/storage.md):
//   format   byte   = 1
//   clean_size      varint
//   count           varint   number of anchors
//   count x anchor:
//     dc_flag       varint   (clean - prev_clean) << 1 | linear
//     draw          varint   zigzag(raw - expected_raw)
// where prev_clean starts at 0 and expected_raw is where the previous
// anchor's run would have continued: prev.raw + (prev.linear ? dc : 0)
// (0 for the first anchor). Copied text thus costs 2-3 bytes per anchor.
//
// Thread safety: pure functions.
#ifndef SITREP_STORE_OFFSETS_CODEC_H_
#define SITREP_STORE_OFFSETS_CODEC_H_

#include <string>
#include <string_view>

#include "sitrep/offset_map.h"
#include "sitrep/status.h"

namespace sitrep::store_internal {

inline constexpr unsigned char kOffsetsFormat = 1;

// Appends the encoding of `map` to `out`. kInvalidArgument when the anchors'
// clean offsets do not strictly increase.
Status EncodeOffsets(const OffsetMap& map, std::string* out);

// kCorruption on a truncated or malformed blob, or anchors whose clean
// offsets do not strictly increase.
Result<OffsetMap> DecodeOffsets(std::string_view blob);

}  // namespace sitrep::store_internal

#endif  // SITREP_STORE_OFFSETS_CODEC_H_
