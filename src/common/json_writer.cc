#include "sitrep/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "common/utf8_sequence.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sitrep {
namespace {

// Bytes copied as they are: printable ASCII other than '"' and '\\'.
constexpr std::array<bool, 256> kCopied = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

// True when none of the 8 bytes of `x` is below 0x20, at or above 0x80,
// '"' or '\\': all are copied as they are. (The zero-byte tests below are
// exact for "is there any".)
inline bool AllCopied8(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  uint64_t below_space = (x - kOnes * 0x20) & ~x & kHigh;
  return ((x & kHigh) | below_space | has_zero(x ^ (kOnes * '"')) |
          has_zero(x ^ (kOnes * '\\'))) == 0;
}

// "%.10g" of `v` for 1e-4 <= |v| < 1e10 (coordinates, scores) without
// the exact expansion: s = |v| * 10^k (k >= 0, one rounding, error at most
// 2^-20 below 1e10) holding 10 digits before the point. When s is not
// within 1 of either end of [1e9, 1e10) its exact value has the same
// decade, and when its fraction is not within 1e-5 of a half the exact
// value rounds to the same 10 digits as s does; %g then writes those
// digits in fixed notation, trailing zeros dropped. Writes to `buf` (32
// bytes) and returns the end; nullptr when `v` is none of these.
char* TenDigits(double v, char* buf) {
  static constexpr double kPow10[] = {1,   1e1, 1e2, 1e3,  1e4,  1e5,  1e6,
                                      1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13};
  const double a = std::fabs(v);
  if (!(a >= 1e-4 && a < 1e10)) return nullptr;
  int k = 0;
  double s = a;
  while (s < 1e9 && k < 13) s = a * kPow10[++k];
  if (!(s >= 1e9 + 1 && s <= 1e10 - 1)) return nullptr;
  const double m = std::nearbyint(s);
  if (std::fabs(s - std::floor(s) - 0.5) <= 1e-5) return nullptr;
  char digits[16];
  std::to_chars(digits, digits + sizeof digits, static_cast<uint64_t>(m));
  int n = 10;  // digits kept: trailing zeros after the point dropped
  while (n > 10 - k && n > 0 && digits[n - 1] == '0') --n;
  char* p = buf;
  if (v < 0) *p++ = '-';
  if (k >= 10) {  // 0.000ddd
    *p++ = '0';
    *p++ = '.';
    for (int z = 10; z < k; ++z) *p++ = '0';
    std::memcpy(p, digits, n);
    return p + n;
  }
  std::memcpy(p, digits, 10 - k);  // the integer part
  p += 10 - k;
  if (n == 10 - k) return p;
  *p++ = '.';
  std::memcpy(p, digits + 10 - k, n - (10 - k));
  return p + n - (10 - k);
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < s.size(); ++i) {
    // Printable ASCII other than '"' and '\\' is copied as a run.
    size_t run = i;
    for (uint64_t x; run + 8 <= s.size(); run += 8) {  // 8 bytes at a time
      std::memcpy(&x, s.data() + run, 8);
      if (!AllCopied8(x)) break;
    }
    while (run < s.size() && kCopied[static_cast<unsigned char>(s[run])]) {
      ++run;
    }
    if (run > i) {
      out->append(s.data() + i, run - i);
      if (run == s.size()) break;
      i = run;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {  // JSON text must be UTF-8: a bad byte becomes U+FFFD
      size_t n = ValidSequenceLength(s, i);
      if (n == 0) {
        out->append("\xEF\xBF\xBD");
      } else {
        out->append(s.substr(i, n));
        i += n - 1;
      }
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

namespace {

// Appends `"s"` and then `tail` in one append when `s` is short and all
// its bytes are copied as they are; false (nothing appended) otherwise.
// (Inlined: String passes an empty tail, whose copy then vanishes.)
[[gnu::always_inline]] inline bool AppendShortPlain(std::string* out,
                                                    std::string_view s,
                                                    std::string_view tail) {
  char buf[64];
  if (s.size() + 2 + tail.size() > sizeof buf) return false;
  size_t i = 0;
  for (uint64_t x; i + 8 <= s.size(); i += 8) {  // 8 bytes at a time
    std::memcpy(&x, s.data() + i, 8);
    if (!AllCopied8(x)) return false;
    std::memcpy(buf + 1 + i, &x, 8);
  }
  if (i < s.size() && s.size() >= 8) {  // the last 8 bytes, overlapping
    uint64_t x;
    i = s.size() - 8;
    std::memcpy(&x, s.data() + i, 8);
    if (!AllCopied8(x)) return false;
    std::memcpy(buf + 1 + i, &x, 8);
    i = s.size();
  }
  for (; i < s.size(); ++i) {
    if (!kCopied[static_cast<unsigned char>(s[i])]) return false;
    buf[i + 1] = s[i];
  }
  buf[0] = '"';
  buf[s.size() + 1] = '"';
  std::memcpy(buf + s.size() + 2, tail.data(), tail.size());
  out->append(buf, s.size() + 2 + tail.size());
  return true;
}

}  // namespace

void JsonWriter::Key(std::string_view k) {
  Comma();
  // Keys are short plain ASCII names: `"key":` in one append.
  if (!AppendShortPlain(out_, k, ":")) {
    AppendJsonString(out_, k);
    out_->push_back(':');
  }
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  Comma();
  if (!AppendShortPlain(out_, s, "")) AppendJsonString(out_, s);
}

void JsonWriter::Double(double v) {
  Comma();
  char buf[32];
  out_->append(buf, WriteJsonDouble(buf, v));
}

char* WriteJsonDouble(char* p, double v) {
  if (!std::isfinite(v)) {
    std::memcpy(p, "null", 4);
    return p + 4;
  }
  // As printf's "%.10g" (std::to_chars is specified so), without printf.
  if (char* end = TenDigits(v, p)) return end;
  return std::to_chars(p, p + 32, v, std::chars_format::general, 10).ptr;
}

namespace {

// The escape of the byte `c` (below 0x80, not copied as it is) at `p`.
char* WriteEscape(char* p, unsigned char c) {
  static const char kHex[] = "0123456789abcdef";
  *p++ = '\\';
  switch (c) {
    case '"':
    case '\\':
      *p++ = static_cast<char>(c);
      return p;
    case '\n':
      *p++ = 'n';
      return p;
    case '\r':
      *p++ = 'r';
      return p;
    case '\t':
      *p++ = 't';
      return p;
    default:  // a control byte (c < 0x20, since c < 0x80 is not copied)
      std::memcpy(p, "u00", 3);
      p[3] = kHex[c >> 4];
      p[4] = kHex[c & 15];
      return p + 5;
  }
}

// Copies the bytes from s[i] that are copied as they are, 16 at a time,
// to `p`, up to (not including) the first that is not or the last 16
// bytes; returns how many. (Each 16 are stored whole: `p` has room for
// them, since WriteJsonString's room is 6 bytes per byte of `s`.)
inline size_t CopiedRun16(std::string_view s, size_t i, char* p) {
  size_t n = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (; i + n + 16 <= s.size(); n += 16) {
    const __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + n));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p + n), x);
    // Signed: bytes at or above 0x80 are below 0x20 too.
    const __m128i special = _mm_or_si128(
        _mm_cmplt_epi8(x, space),
        _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special));
    if (mask != 0) return n + static_cast<size_t>(__builtin_ctz(mask));
  }
#else
  (void)s;
  (void)i;
  (void)p;
#endif
  return n;
}

}  // namespace

char* WriteJsonString(char* p, std::string_view s) {
  *p++ = '"';
  size_t i = 0;
  while (i < s.size()) {
    const size_t run = CopiedRun16(s, i, p);
    i += run;
    p += run;
    for (uint64_t x; i + 8 <= s.size(); i += 8, p += 8) {  // 8 at a time
      std::memcpy(&x, s.data() + i, 8);
      if (!AllCopied8(x)) break;
      std::memcpy(p, &x, 8);
    }
    for (; i < s.size() && kCopied[static_cast<unsigned char>(s[i])]; ++i) {
      *p++ = s[i];
    }
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      p = WriteEscape(p, c);
      ++i;
      continue;
    }
    // JSON text must be UTF-8: a bad byte becomes U+FFFD.
    const size_t n = ValidSequenceLength(s, i);
    if (n == 0) {
      std::memcpy(p, "\xEF\xBF\xBD", 3);
      p += 3;
      ++i;
    } else {
      std::memcpy(p, s.data() + i, n);
      p += n;
      i += n;
    }
  }
  *p++ = '"';
  return p;
}

}  // namespace sitrep
