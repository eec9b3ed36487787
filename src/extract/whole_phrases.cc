#include "extract/whole_phrases.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sitrep {
namespace {

constexpr bool WordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || (c & 0x80) != 0;
}

// WordByte as a table, for the one pass.
constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = WordByte(static_cast<char>(c));
  return t;
}();

// Is `phrase` at `at` in `text`, with no word byte on either side?
bool WholeAt(std::string_view text, size_t at, std::string_view phrase) {
  size_t end = at + phrase.size();
  return end <= text.size() && text.compare(at, phrase.size(), phrase) == 0 &&
         (at == 0 || !WordByte(text[at - 1])) &&
         (end == text.size() || !WordByte(text[end]));
}

}  // namespace

bool HasWholePhrase(std::string_view text, std::string_view phrase) {
  for (size_t at = text.find(phrase); at != std::string_view::npos;
       at = text.find(phrase, at + 1)) {
    if (WholeAt(text, at, phrase)) return true;
  }
  return false;
}

WholePhraseSet::WholePhraseSet(std::vector<std::string> phrases)
    : phrases_(std::move(phrases)), bigram_bits_(65536 / 64, 0) {
  for (uint32_t i = 0; i < phrases_.size(); ++i) {
    const std::string& p = phrases_[i];
    if (p.size() < 2) {
      short_.push_back(i);
      continue;
    }
    uint32_t b = Bigram(static_cast<unsigned char>(p[0]),
                        static_cast<unsigned char>(p[1]));
    bigram_bits_[b >> 6] |= uint64_t{1} << (b & 63);
    by_bigram_.emplace_back(b, i);
  }
  std::sort(by_bigram_.begin(), by_bigram_.end());
  for (uint32_t c = 0; c <= 256; ++c) {
    first_at_[c] = static_cast<uint32_t>(
        std::lower_bound(by_bigram_.begin(), by_bigram_.end(),
                         std::make_pair(c << 8, uint32_t{0})) -
        by_bigram_.begin());
  }
}

namespace {

constexpr uint64_t kHigh = 0x8080808080808080ull;

// WordByte of each of the 8 bytes of `x` (as bit 7 of its byte), without
// carries between bytes: a non-ASCII byte, a digit 0x30-0x39, or a letter
// (0x41-0x5A and 0x61-0x7A: the same range once 0x20 is set).
constexpr uint64_t WordBytes(uint64_t x) {
  uint64_t a = x & ~kHigh;  // every byte <= 0x7F: sums below stay < 0x100
  uint64_t digit = (a + 0x5050505050505050ull) & ~(a + 0x4646464646464646ull);
  uint64_t l = a | 0x2020202020202020ull;
  uint64_t alpha = (l + 0x1F1F1F1F1F1F1F1Full) & ~(l + 0x0505050505050505ull);
  return ((digit | alpha) | x) & kHigh;
}

#if defined(__SSE2__)
// Unsigned lo <= byte <= hi for each of the 16 bytes of `v`, as 0xFF.
inline __m128i InRange(__m128i v, char lo, char hi) {
  __m128i shifted = _mm_add_epi8(
      v, _mm_set1_epi8(static_cast<char>(-static_cast<int>(lo) - 128)));
  return _mm_cmplt_epi8(shifted,
                        _mm_set1_epi8(static_cast<char>(hi - lo + 1 - 128)));
}

// WordByte of each of the 16 bytes at `p`, as bit i for byte i.
inline uint32_t WordMask16(const char* p) {
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i alpha = InRange(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
  __m128i digit = InRange(v, '0', '9');
  __m128i word = _mm_or_si128(_mm_or_si128(alpha, digit), v);  // v: bit 7
  return static_cast<uint32_t>(_mm_movemask_epi8(word));
}
#endif

}  // namespace

// A phrase may start at `at` (`at + 1` < text size, after a non-word
// byte) and its two bytes there start some phrase: compares the phrases
// starting with them (a few entries after their first byte's).
void WholePhraseSet::TryAt(std::string_view text, size_t at,
                           std::vector<char>* found) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  uint32_t b = Bigram(s[at], s[at + 1]);
  uint32_t end = first_at_[s[at] + 1];
  for (uint32_t k = first_at_[s[at]]; k < end; ++k) {
    if (by_bigram_[k].first != b) continue;
    char& f = (*found)[by_bigram_[k].second];
    if (!f && WholeAt(text, at, phrases_[by_bigram_[k].second])) f = 1;
  }
}

// One pass: at each byte after a non-word byte (a whole phrase starts
// nowhere else) that starts some phrase and whose pair with the next starts
// some phrase, the phrases starting so are compared there. A phrase is
// found iff some position holds it as whole words, which is what
// HasWholePhrase asks. Sixteen bytes at a time with SSE2 (else eight, with
// little-endian loads): the positions after a non-word byte come from one
// mask per block.
void WholePhraseSet::Find(std::string_view text,
                          std::vector<char>* found) const {
  found->assign(phrases_.size(), 0);
  for (uint32_t i : short_) (*found)[i] = HasWholePhrase(text, phrases_[i]);
  if (by_bigram_.empty() || text.size() < 2) return;
  const size_t last = text.size() - 1;  // positions 0 .. last - 1
  size_t at = 0;
#if defined(__SSE2__)
  uint32_t carry = 0;  // bit 0: the byte before the block is a word byte
  for (; at + 16 <= last; at += 16) {
    uint32_t word = WordMask16(text.data() + at);
    uint32_t starts = ~((word << 1) | carry) & 0xFFFF;
    carry = word >> 15;
    for (; starts != 0; starts &= starts - 1) {
      size_t p = at + std::countr_zero(starts);  // p + 1 <= last
      uint32_t b = Bigram(static_cast<unsigned char>(text[p]),
                          static_cast<unsigned char>(text[p + 1]));
      if (HasBigram(b)) TryAt(text, p, found);
    }
  }
#else
  if constexpr (std::endian::native == std::endian::little) {
    uint64_t carry = 0;  // bit 7: the byte before the block is a word byte
    for (; at + 8 <= last; at += 8) {
      uint64_t x;
      std::memcpy(&x, text.data() + at, 8);
      uint64_t word = WordBytes(x);
      uint64_t starts = ~((word << 8) | carry) & kHigh;
      carry = word >> 56;
      for (; starts != 0; starts &= starts - 1) {
        size_t p = at + (std::countr_zero(starts) >> 3);  // p + 1 <= last
        uint32_t b = Bigram(static_cast<unsigned char>(text[p]),
                            static_cast<unsigned char>(text[p + 1]));
        if (HasBigram(b)) TryAt(text, p, found);
      }
    }
  }
#endif
  bool after_word =
      at > 0 && kWordByte[static_cast<unsigned char>(text[at - 1])];
  for (; at < last; ++at) {
    bool skip = after_word;
    after_word = kWordByte[static_cast<unsigned char>(text[at])];
    if (!skip && HasBigram(Bigram(static_cast<unsigned char>(text[at]),
                                  static_cast<unsigned char>(text[at + 1])))) {
      TryAt(text, at, found);
    }
  }
}

}  // namespace sitrep
