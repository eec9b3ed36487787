#include "extract/quantity_tokens.h"

namespace sitrep {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Length of the whitespace at s[i] (0 when none): ASCII space or U+00A0.
size_t SpaceLen(std::string_view s, size_t i) {
  char c = s[i];
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
      c == '\v') {
    return 1;
  }
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
  return 0;
}

// Length of the UTF-8 sequence starting with lead byte c (1 when invalid).
size_t Utf8Len(unsigned char c) {
  if (c >= 0xF0 && c < 0xF8) return 4;
  if (c >= 0xE0) return c < 0xF0 ? 3 : 1;
  if (c >= 0xC0) return 2;
  return 1;
}

size_t DigitRun(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && IsDigit(s[j])) ++j;
  return j - i;
}

// Scans a number at s[i] (a digit) into `t`; returns its end.
size_t ScanNumber(std::string_view s, size_t i, QToken* t) {
  constexpr int64_t kCap = 1000000000000000000;  // saturate, never overflow
  auto add = [&](char c) {
    t->value = t->value >= kCap / 10 ? kCap : t->value * 10 + (c - '0');
  };
  size_t j = i;
  int digits = 0;
  while (j < s.size() && IsDigit(s[j])) add(s[j++]), ++digits;
  // Thousands groups: ",ddd" not followed by another digit.
  while (j + 3 < s.size() && s[j] == ',' && DigitRun(s, j + 1) == 3) {
    for (size_t k = j + 1; k < j + 4; ++k) add(s[k]), ++digits;
    j += 4;
    t->has_comma = true;
  }
  t->int_digits = static_cast<uint8_t>(digits > 255 ? 255 : digits);
  t->dvalue = static_cast<double>(t->value);
  if (j + 1 < s.size() && s[j] == '.' && IsDigit(s[j + 1])) {
    double scale = 0.1;
    for (++j; j < s.size() && IsDigit(s[j]); ++j, scale /= 10) {
      t->dvalue += scale * (s[j] - '0');
    }
    t->has_decimal = true;
  }
  return j;
}

}  // namespace

void QTokens::Assign(std::string_view s) {
  // Only word tokens hold letters A-Z (numbers, punctuation and whitespace
  // never do), so each word is lower-cased, and hashed, in its own pass.
  lower_.assign(s);
  toks_.clear();
  hashes_.clear();
  toks_.reserve(s.size() / 5 + 4);
  hashes_.reserve(s.size() / 5 + 4);
  char* low = lower_.data();
  bool space = true;
  size_t i = 0;
  while (i < s.size()) {
    if (size_t n = SpaceLen(s, i)) {
      i += n;
      space = true;
      continue;
    }
    QToken t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    space = false;
    uint64_t h;
    if (IsAlpha(s[i])) {
      t.kind = QTokKind::kWord;
      t.capitalized = s[i] >= 'A' && s[i] <= 'Z';
      h = 0xcbf29ce484222325u;  // TextHash, as the word is lower-cased
      for (; i < s.size() && IsAlpha(s[i]); ++i) {
        char c = static_cast<char>(s[i] | 0x20);
        low[i] = c;
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3u;
      }
    } else {
      if (IsDigit(s[i])) {
        t.kind = QTokKind::kNumber;
        i = ScanNumber(s, i, &t);
      } else {
        size_t n = Utf8Len(static_cast<unsigned char>(s[i]));
        i = i + n > s.size() ? s.size() : i + n;
      }
      h = TextHash(s.substr(t.begin, i - t.begin));  // no letters to lower
    }
    t.end = static_cast<uint32_t>(i);
    toks_.push_back(t);
    hashes_.push_back(h);
  }
}

bool QTokens::IsDash(size_t i) const {
  std::string_view t = Text(i);
  return t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94";
}

}  // namespace sitrep
