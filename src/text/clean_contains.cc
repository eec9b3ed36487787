// ContainsMask: a line searched for all "contains" noise patterns of
// data/text/noise_patterns.tsv in one pass.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

#include "text/clean_internal.h"

namespace sitrep::clean_internal {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

namespace {

// The "contains" patterns with a slot, searched together: for each, the
// bytes at two anchors (its rarest two) compared sixteen starts at a time.
struct ContainsSearch {
  struct Entry {
    std::string_view text;
    size_t k1, k2;
#if defined(__SSE2__)
    __m128i want1, fold1, want2, fold2;
#endif
  };
  std::vector<Entry> entries;  // by slot
  size_t pad = 32;             // zeros a line is followed by for the loads
};

const ContainsSearch& Contains() {
  static const auto* search = [] {
    auto* c = new ContainsSearch();
    for (const NoisePattern& p : NoisePatterns()) {
      if (p.match != Match::kContains || p.slot >= kContainsSlots) continue;
      ContainsSearch::Entry e;
      e.text = p.text;
      e.k1 = p.anchor;
      e.k2 = SecondRarestByte(p.text, p.anchor);
#if defined(__SSE2__)
      auto want = [](char b) { return _mm_set1_epi8(Lower(b)); };
      auto fold = [](char b) { return _mm_set1_epi8(IsAlpha(b) ? 0x20 : 0); };
      e.want1 = want(p.text[e.k1]);
      e.fold1 = fold(p.text[e.k1]);
      e.want2 = want(p.text[e.k2]);
      e.fold2 = fold(p.text[e.k2]);
#endif
      c->entries.push_back(e);
      c->pad = std::max(c->pad, 32 + std::max(e.k1, e.k2));
    }
    return c;
  }();
  return *search;
}

#if defined(__SSE2__)
// Whether e.text is in `line`, whose bytes `buf` holds followed by zeros
// (no anchor byte): sixteen starts at a time, those whose two anchor bytes
// match checked whole.
bool FoundSse2(const ContainsSearch::Entry& e, const char* buf,
               std::string_view line) {
  const size_t n = e.text.size();
  if (line.size() < n) return false;
  const char* p1 = buf + e.k1;
  const char* p2 = buf + e.k2;
  for (size_t s = 0; s <= line.size() - n; s += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p1 + s));
    __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p2 + s));
    __m128i m =
        _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(x, e.fold1), e.want1),
                      _mm_cmpeq_epi8(_mm_or_si128(y, e.fold2), e.want2));
    for (unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(m)); bits != 0;
         bits &= bits - 1) {
      size_t at = s + static_cast<size_t>(__builtin_ctz(bits));
      if (at + n <= line.size() && EqualsNoCase(line.substr(at, n), e.text)) {
        return true;
      }
    }
  }
  return false;
}

// The same, thirty-two starts at a time.
__attribute__((target("avx2"))) bool FoundAvx2(const ContainsSearch::Entry& e,
                                               const char* buf,
                                               std::string_view line) {
  const size_t n = e.text.size();
  if (line.size() < n) return false;
  const char* p1 = buf + e.k1;
  const char* p2 = buf + e.k2;
  const __m256i w1 = _mm256_broadcastsi128_si256(e.want1);
  const __m256i f1 = _mm256_broadcastsi128_si256(e.fold1);
  const __m256i w2 = _mm256_broadcastsi128_si256(e.want2);
  const __m256i f2 = _mm256_broadcastsi128_si256(e.fold2);
  for (size_t s = 0; s <= line.size() - n; s += 32) {
    __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p1 + s));
    __m256i y = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p2 + s));
    __m256i m = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_or_si256(x, f1), w1),
                                 _mm256_cmpeq_epi8(_mm256_or_si256(y, f2), w2));
    for (unsigned bits = static_cast<unsigned>(_mm256_movemask_epi8(m));
         bits != 0; bits &= bits - 1) {
      size_t at = s + static_cast<size_t>(__builtin_ctz(bits));
      if (at + n <= line.size() && EqualsNoCase(line.substr(at, n), e.text)) {
        return true;
      }
    }
  }
  return false;
}
#endif

}  // namespace

uint32_t ContainsMask(std::string_view line, bool allow_avx2) {
  const ContainsSearch& c = Contains();
  uint32_t found = 0;
#if defined(__SSE2__)
  if (line.size() <= kMaxContainsLine) {
    static const bool has_avx2 = __builtin_cpu_supports("avx2");
    const bool avx2 = allow_avx2 && has_avx2;
    // The line, then zeros (no anchor byte) for the loads past its end.
    char buf[kMaxContainsLine + 32 + kMaxContainsPattern];
    std::memcpy(buf, line.data(), line.size());
    std::memset(buf + line.size(), 0, c.pad);
    for (size_t j = 0; j < c.entries.size(); ++j) {
      const ContainsSearch::Entry& e = c.entries[j];
      if (avx2 ? FoundAvx2(e, buf, line) : FoundSse2(e, buf, line)) {
        found |= uint32_t{1} << j;
      }
    }
    return found;
  }
#endif
  for (size_t j = 0; j < c.entries.size(); ++j) {
    const ContainsSearch::Entry& e = c.entries[j];
    if (FindNoCaseAt(line, e.text, 0, e.k1) != std::string_view::npos) {
      found |= uint32_t{1} << j;
    }
  }
  return found;
}

}  // namespace sitrep::clean_internal
