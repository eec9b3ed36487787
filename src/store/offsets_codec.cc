#include "store/offsets_codec.h"

#include <cstdint>

namespace sitrep::store_internal {
namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}

int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

// Reads a varint of at most 10 bytes; false when truncated or too long.
bool GetVarint(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    uint8_t b = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    result |= static_cast<uint64_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

Status Bad(const char* what) {
  return Status::Corruption(std::string("offsets blob: ") + what);
}

}  // namespace

Status EncodeOffsets(const OffsetMap& map, std::string* out) {
  out->push_back(static_cast<char>(kOffsetsFormat));
  PutVarint(map.clean_size(), out);
  PutVarint(map.anchors().size(), out);
  const OffsetMap::Anchor* prev = nullptr;
  for (const OffsetMap::Anchor& a : map.anchors()) {
    if (prev != nullptr && a.clean <= prev->clean) {
      return Status::InvalidArgument("offset map anchors not increasing");
    }
    uint32_t dc = a.clean - (prev ? prev->clean : 0);
    int64_t expected = prev ? prev->raw + (prev->linear ? dc : 0) : 0;
    PutVarint((static_cast<uint64_t>(dc) << 1) | (a.linear ? 1 : 0), out);
    PutVarint(ZigZag(static_cast<int64_t>(a.raw) - expected), out);
    prev = &a;
  }
  return Status::OK();
}

Result<OffsetMap> DecodeOffsets(std::string_view in) {
  if (in.empty() || static_cast<uint8_t>(in[0]) != kOffsetsFormat) {
    return Bad("unknown format byte");
  }
  in.remove_prefix(1);
  uint64_t clean_size = 0, count = 0;
  if (!GetVarint(&in, &clean_size) || !GetVarint(&in, &count)) {
    return Bad("truncated header");
  }
  if (clean_size > UINT32_MAX) return Bad("clean size out of range");
  // Each anchor takes at least two bytes: bounds the allocation.
  if (count > in.size() / 2) return Bad("anchor count exceeds blob size");
  OffsetMap map;
  uint64_t clean = 0;
  int64_t raw = 0;
  bool linear = false;
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t dc_flag = 0, draw = 0;
    if (!GetVarint(&in, &dc_flag) || !GetVarint(&in, &draw)) {
      return Bad("truncated anchor");
    }
    uint64_t dc = dc_flag >> 1;
    if (i > 0 && dc == 0) return Bad("clean offsets not increasing");
    clean += dc;
    if (clean > UINT32_MAX) return Bad("clean offset out of range");
    int64_t expected = (i > 0 && linear) ? raw + static_cast<int64_t>(dc) : raw;
    raw = expected + UnZigZag(draw);
    if (raw < 0 || raw > UINT32_MAX) return Bad("raw offset out of range");
    linear = (dc_flag & 1) != 0;
    map.AddAnchor(static_cast<uint32_t>(clean), static_cast<uint32_t>(raw),
                  linear);
  }
  if (!in.empty()) return Bad("trailing bytes");
  map.set_clean_size(static_cast<uint32_t>(clean_size));
  return map;
}

}  // namespace sitrep::store_internal
