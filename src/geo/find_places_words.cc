// The place finder's memo of word kinds (see Finder::Is): the kinds of a
// word's (or a few words') key, by the text as written, per thread.
#include <algorithm>
#include <cstring>
#include <string>

#include "geo/find_places_internal.h"

namespace sitrep::geo::find_internal {
namespace {

// The kinds of the words last looked up on this thread, direct-mapped by
// a hash of their text: news repeats its words (`in`, `the`, `hospital`)
// sentence after sentence. A slot holds its gazetteer's serial (0: empty).
struct KindsMemo {
  static constexpr size_t kSlotBits = 12;
  static constexpr size_t kMaxText = 19;  // longer words are not kept
  struct Slot {
    uint64_t owner = 0;
    uint32_t kinds = 0;
    uint8_t len = 0;
    char text[kMaxText];
  };
  Slot slots[size_t{1} << kSlotBits];
};

uint64_t Load64(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, sizeof(x));
  return x;
}
uint32_t Load32(const char* p) {
  uint32_t x;
  std::memcpy(&x, p, sizeof(x));
  return x;
}

// A slot for a text of at most KindsMemo::kMaxText bytes: a few loads
// covering its bytes (overlapping), mixed; no loop over the bytes.
size_t MemoSlot(std::string_view w) {
  static_assert(KindsMemo::kMaxText <= 24);
  const char* p = w.data();
  const size_t n = w.size();
  uint64_t a = 0;
  uint64_t b = 0;
  if (n >= 8) {
    a = Load64(p);
    b = Load64(p + n - 8);
    if (n > 16) a ^= (Load64(p + 8) * 0xFF51AFD7ED558CCDull) >> 7;
  } else if (n >= 4) {
    a = Load32(p);
    b = Load32(p + n - 4);
  } else if (n > 0) {
    a = uint64_t{static_cast<unsigned char>(p[0])} << 16 |
        uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
        static_cast<unsigned char>(p[n - 1]);
  }
  uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + n) * 0xC2B2AE3D27D4EB4Full;
  h ^= h >> 31;
  h *= 0x9E3779B97F4A7C15ull;
  return static_cast<size_t>(h >> (64 - KindsMemo::kSlotBits));
}

// g.WordKinds(key()) for the text `w`, through this thread's memo; `key`
// makes the key only when the memo does not hold the text.
template <typename MakeKey>
uint32_t MemoKinds(const MappedGazetteer& g, std::string_view w,
                   const MakeKey& key) {
  if (w.size() > KindsMemo::kMaxText) return g.WordKinds(key());
  thread_local KindsMemo memo;
  KindsMemo::Slot& s = memo.slots[MemoSlot(w)];
  if (s.owner != g.serial() || std::string_view(s.text, s.len) != w) {
    s.owner = g.serial();
    s.kinds = g.WordKinds(key());
    s.len = static_cast<uint8_t>(w.size());
    std::copy(w.begin(), w.end(), s.text);
  }
  return s.kinds;
}

}  // namespace

uint32_t Finder::KindsOf(size_t i) const {
  return MemoKinds(g_, Text(i), [&]() -> const std::string& { return Key(i); });
}

uint32_t Finder::KindsOfText(std::string_view text) const {
  return MemoKinds(g_, text, [&] { return NormalizePlaceKey(text); });
}

}  // namespace sitrep::geo::find_internal
