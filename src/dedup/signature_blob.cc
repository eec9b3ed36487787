// DocSignature blob format (doc/dedup.md):
//   "SDS1" | u32 text_bytes | u32 num_shingles | u8 flags (bit 0: set kept)
//   | 128 x u32 minhash | [varint count | count varint deltas]
// All integers little-endian; the set is sorted, deltas after the first are
// >= 1.
#include <cstring>

#include "sitrep/dedup.h"

namespace sitrep {
namespace {

constexpr char kMagic[4] = {'S', 'D', 'S', '1'};

void PutU32(std::string* s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s->push_back(static_cast<char>(v >> (8 * i)));
}

void PutVarint(std::string* s, uint32_t v) {
  while (v >= 0x80) {
    s->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  s->push_back(static_cast<char>(v));
}

struct Reader {
  std::string_view in;
  bool ok = true;

  uint32_t U32() {
    if (in.size() < 4) return ok = false, 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      v |= static_cast<uint32_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    }
    in.remove_prefix(4);
    return v;
  }
  uint32_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (in.empty()) return ok = false, 0;
      auto c = static_cast<unsigned char>(in[0]);
      in.remove_prefix(1);
      v |= static_cast<uint64_t>(c & 0x7F) << shift;
      if ((c & 0x80) == 0) {
        if (v > 0xFFFFFFFFull) ok = false;
        return static_cast<uint32_t>(v);
      }
    }
    return ok = false, 0;
  }
};

Status Corrupt(const char* what) {
  return Status::Corruption(std::string("dedup signature blob: ") + what);
}

}  // namespace

std::string DocSignature::Serialize() const {
  std::string s(kMagic, 4);
  s.reserve(16 + 4 * kMinHashSize + (has_shingles ? 4 * shingles.size() : 0));
  PutU32(&s, text_bytes);
  PutU32(&s, num_shingles);
  s.push_back(has_shingles ? 1 : 0);
  for (uint32_t v : minhash) PutU32(&s, v);
  if (has_shingles) {
    PutVarint(&s, static_cast<uint32_t>(shingles.size()));
    uint32_t prev = 0;
    for (size_t i = 0; i < shingles.size(); ++i) {
      PutVarint(&s, i == 0 ? shingles[0] : shingles[i] - prev);
      prev = shingles[i];
    }
  }
  return s;
}

Result<DocSignature> DocSignature::Deserialize(std::string_view blob) {
  if (blob.size() < 4 || std::memcmp(blob.data(), kMagic, 4) != 0) {
    return Corrupt("bad magic");
  }
  Reader r{blob.substr(4)};
  DocSignature sig;
  sig.text_bytes = r.U32();
  sig.num_shingles = r.U32();
  if (!r.ok || r.in.empty()) return Corrupt("truncated header");
  auto flags = static_cast<unsigned char>(r.in[0]);
  r.in.remove_prefix(1);
  if (flags > 1) return Corrupt("unknown flags");
  for (auto& v : sig.minhash) v = r.U32();
  if (!r.ok) return Corrupt("truncated minhash");
  sig.has_shingles = flags == 1;
  if (sig.has_shingles) {
    uint32_t n = r.Varint();
    // Each element takes at least one byte: bounds the allocation.
    if (!r.ok || n > r.in.size() || n != sig.num_shingles) {
      return Corrupt("bad shingle count");
    }
    sig.shingles.resize(n);
    uint64_t prev = 0;
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t d = r.Varint();
      uint64_t v = i == 0 ? d : prev + d;
      if (!r.ok || (i > 0 && d == 0) || v > 0xFFFFFFFFull) {
        return Corrupt("bad shingle set");
      }
      sig.shingles[i] = static_cast<uint32_t>(v);
      prev = v;
    }
  }
  if (!r.in.empty()) return Corrupt("trailing bytes");
  return sig;
}

}  // namespace sitrep
