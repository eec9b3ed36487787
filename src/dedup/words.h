// Internal: the word scanner and hashes shared by the document and sentence
// levels of dedup. Words are maximal runs of ASCII letters/digits and
// non-ASCII characters other than punctuation/space code points (U+00A0,
// U+00A1, U+00AB, U+00B7, U+00BB, U+00BF, U+2000-U+207F, U+3000-U+3002,
// U+FEFF); ASCII letters are lower-cased; a word's first 64 bytes are hashed
// (with its length when longer).
#ifndef SITREP_DEDUP_WORDS_H_
#define SITREP_DEDUP_WORDS_H_

// Inlined (the same hashes, without a library call per word).
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "sitrep/dedup.h"

namespace sitrep::dedup_internal {

inline constexpr size_t kMaxWordBytes = 64;

// 0: ASCII separator, 1: ASCII word byte, 2: non-ASCII byte.
inline constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                 (c >= 'A' && c <= 'Z');
    t[c] = c >= 0x80 ? 2 : (alnum ? 1 : 0);
  }
  return t;
}();

// Bytes of the separator code point at p (0 when p starts a word byte).
// REQUIRES: p < end and *p >= 0x80.
inline size_t NonAsciiSeparator(const unsigned char* p,
                                const unsigned char* end) {
  size_t left = static_cast<size_t>(end - p);
  if (p[0] == 0xC2 && left >= 2) {
    unsigned char b = p[1];
    if (b == 0xA0 || b == 0xA1 || b == 0xAB || b == 0xB7 || b == 0xBB ||
        b == 0xBF) {
      return 2;
    }
  } else if (p[0] == 0xE2 && left >= 3) {
    if (p[1] == 0x80 || p[1] == 0x81) return 3;
  } else if (p[0] == 0xE3 && left >= 3) {
    if (p[1] == 0x80 && p[2] <= 0x82) return 3;
  } else if (p[0] == 0xEF && left >= 3) {
    if (p[1] == 0xBB && p[2] == 0xBF) return 3;
  }
  return 0;
}

inline uint64_t HashWord(const char* buf, size_t stored, size_t len) {
  return XXH3_64bits_withSeed(buf, stored, len > stored ? len : 0);
}

// The plain byte-at-a-time form of ForEachWordAt (its tests' reference):
// calls on_word(hash, lowered, begin, end) for each word of `text`, in
// order, and on_wide(begin, end) for each separator of more than one byte;
// `lowered` is the word's first kMaxWordBytes bytes, lower-cased, and
// [begin, end) the bytes of `text` the word or separator spans.
template <typename F, typename G>
void ForEachWordAtPlain(std::string_view text, F&& on_word, G&& on_wide) {
  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
  const auto* p = base;
  const auto* end = p + text.size();
  char buf[kMaxWordBytes];
  size_t len = 0;
  const unsigned char* start = p;
  auto flush = [&] {
    if (len == 0) return;
    size_t stored = len < kMaxWordBytes ? len : kMaxWordBytes;
    on_word(HashWord(buf, stored, len), std::string_view(buf, stored),
            static_cast<size_t>(start - base), static_cast<size_t>(p - base));
    len = 0;
  };
  while (p < end) {
    unsigned char c = *p;
    uint8_t k = kByteClass[c];
    size_t sep = k == 0 ? 1 : (k == 2 ? NonAsciiSeparator(p, end) : 0);
    if (sep != 0) {
      flush();
      if (sep > 1) {
        on_wide(static_cast<size_t>(p - base),
                static_cast<size_t>(p - base) + sep);
      }
      p += sep;
      continue;
    }
    if (len == 0) start = p;
    if (len < kMaxWordBytes) {
      buf[len] = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    ++len;
    ++p;
  }
  flush();
}

// Bytes of the word starting at p: ASCII letters and digits, and non-ASCII
// bytes that begin no separator.
inline size_t WordBytes(const unsigned char* p, const unsigned char* end) {
  const unsigned char* q = p;
  while (q < end) {
    uint8_t k = kByteClass[*q];
    if (k == 1 || (k == 2 && NonAsciiSeparator(q, end) == 0)) {
      ++q;
    } else {
      break;
    }
  }
  return static_cast<size_t>(q - p);
}

// Copies n <= kMaxWordBytes bytes from `from` (which has at least
// kMaxWordBytes readable bytes, or exactly n) to `to`, ASCII capitals
// lower-cased, eight at a time.
inline void LowerWord(const unsigned char* from, size_t n, size_t readable,
                      char* to) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  size_t i = 0;
  for (; i + 8 <= n || (i < n && i + 8 <= readable); i += 8) {
    uint64_t x;
    std::memcpy(&x, from + i, 8);
    uint64_t t = x & (0x7F * kOnes);
    uint64_t upper =
        ((t + (0x80 - 'A') * kOnes) ^ (t + (0x80 - 'Z' - 1) * kOnes)) & ~x &
        (0x80 * kOnes);
    x |= upper >> 2;
    std::memcpy(to + i, &x, 8);
  }
  for (; i < n; ++i) {
    unsigned char c = from[i];
    to[i] = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
}

// Calls on_word(hash, lowered, begin, end) for each word of `text`, in
// order, and on_wide(begin, end) for each separator of more than one byte;
// `lowered` is the word's first kMaxWordBytes bytes, lower-cased, and
// [begin, end) the bytes of `text` the word or separator spans. (A word is
// found whole, then lower-cased eight bytes at a time.)
template <typename F, typename G>
void ForEachWordAt(std::string_view text, F&& on_word, G&& on_wide) {
  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
  const auto* p = base;
  const auto* end = p + text.size();
  alignas(8) char buf[kMaxWordBytes];
  while (p < end) {
    uint8_t k = kByteClass[*p];
    if (k == 0) {
      ++p;
      continue;
    }
    size_t sep = k == 2 ? NonAsciiSeparator(p, end) : 0;
    if (sep != 0) {
      on_wide(static_cast<size_t>(p - base),
              static_cast<size_t>(p - base) + sep);
      p += sep;
      continue;
    }
    size_t len = WordBytes(p, end);
    size_t stored = len < kMaxWordBytes ? len : kMaxWordBytes;
    LowerWord(p, stored, static_cast<size_t>(end - p), buf);
    on_word(HashWord(buf, stored, len), std::string_view(buf, stored),
            static_cast<size_t>(p - base), static_cast<size_t>(p - base) + len);
    p += len;
  }
}

// Calls on_word(hash, lowered) for each word of `text`, in order.
template <typename F>
void ForEachWord(std::string_view text, F&& on_word) {
  ForEachWordAt(
      text,
      [&](uint64_t h, std::string_view w, size_t, size_t) { on_word(h, w); },
      [](size_t, size_t) {});
}

// The words of a text, where they lie, and its separators of more than one
// byte: what an article's signature and sentence fingerprints are computed
// from in one scan (PrepareArticle).
struct TextWords {
  std::vector<uint64_t> hashes;
  std::vector<size_t> begins, ends;            // of each word
  std::vector<size_t> wide_begins, wide_ends;  // of each wide separator
};
inline void ScanWords(std::string_view text, TextWords* out) {
  const size_t most = text.size() / 5 + 16;  // news words average ~6 bytes
  out->hashes.reserve(most);
  out->begins.reserve(most);
  out->ends.reserve(most);
  ForEachWordAt(
      text,
      [&](uint64_t h, std::string_view, size_t b, size_t e) {
        out->hashes.push_back(h);
        out->begins.push_back(b);
        out->ends.push_back(e);
      },
      [&](size_t b, size_t e) {
        out->wide_begins.push_back(b);
        out->wide_ends.push_back(e);
      });
}

// Sorts `v` and drops repeats (radix sort from 64 values).
void SortUnique(std::vector<uint32_t>* v);

// = ComputeSignature(text, options) for the `words` of a `text_bytes`-long
// text. REQUIRES: text_bytes <= options.max_bytes.
DocSignature SignatureOfWords(const TextWords& words, size_t text_bytes,
                              const SignatureOptions& options);

// = FingerprintSentences(text, sentences, options), reading the sentences'
// words from `words` (those of all of `text`) where a sentence begins and
// ends between them.
std::vector<SentenceFingerprint> FingerprintSentencesOfWords(
    std::string_view text, const TextWords& words,
    const std::vector<Span>& sentences, const SentenceOptions& options);

}  // namespace sitrep::dedup_internal

#endif  // SITREP_DEDUP_WORDS_H_
