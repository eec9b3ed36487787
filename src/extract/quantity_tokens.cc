#include "extract/quantity_tokens.h"

#include <algorithm>

namespace sitrep {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// What a byte starts: the tokeniser's one table lookup per byte.
enum ByteKind : uint8_t { kOther, kSpace, kLetter, kDigit, kMaybeNbsp };

struct ByteTables {
  ByteKind kind[256];
  char lower[256];  // a letter's lower case; 0 for every other byte
};

constexpr ByteTables MakeByteTables() {
  ByteTables t{};
  for (int c = 0; c < 256; ++c) {
    t.kind[c] = kOther;
    t.lower[c] = 0;
  }
  for (char c : {' ', '\n', '\t', '\r', '\f', '\v'}) {
    t.kind[static_cast<unsigned char>(c)] = kSpace;
  }
  for (int c = 'a'; c <= 'z'; ++c) {
    t.kind[c] = t.kind[c - 'a' + 'A'] = kLetter;
    t.lower[c] = t.lower[c - 'a' + 'A'] = static_cast<char>(c);
  }
  for (int c = '0'; c <= '9'; ++c) t.kind[c] = kDigit;
  t.kind[0xC2] = kMaybeNbsp;  // U+00A0 is C2 A0
  return t;
}

constexpr ByteTables kBytes = MakeByteTables();

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
  // One pass, one table lookup per byte. Only words are lower-cased, so
  // each is lower-cased, and hashed, in place in the copy as it is
  // scanned; the copy's terminating NUL (no letter) ends a word at the end
  // of the text.
  lower_.assign(s);
  toks_.clear();
  hashes_.clear();
  toks_.reserve(s.size() / 5 + 4);
  hashes_.reserve(s.size() / 5 + 4);
  char* low = lower_.data();
  const size_t n = s.size();
  bool space = true;
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(low[i]);
    const ByteKind kind = kBytes.kind[c];
    if (kind == kSpace ||
        (kind == kMaybeNbsp && i + 1 < n && low[i + 1] == '\xA0')) {
      i += kind == kSpace ? 1 : 2;
      space = true;
      continue;
    }
    QToken& t = toks_.emplace_back();
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    space = false;
    uint64_t h = 0xcbf29ce484222325u;  // TextHash of the lower-cased token
    if (kind == kLetter) {
      t.kind = QTokKind::kWord;
      t.capitalized = c <= 'Z';
      for (char l; (l = kBytes.lower[static_cast<unsigned char>(low[i])]);
           ++i) {
        low[i] = l;
        h = (h ^ static_cast<unsigned char>(l)) * 0x100000001b3u;
      }
    } else {
      if (kind == kDigit) {
        t.kind = QTokKind::kNumber;
        i = ScanNumber(s, i, &t);
      } else {
        i = std::min(i + Utf8Len(c), n);
      }
      for (size_t k = t.begin; k < i; ++k) {  // no letters to lower
        h = (h ^ static_cast<unsigned char>(low[k])) * 0x100000001b3u;
      }
    }
    t.end = static_cast<uint32_t>(i);
    hashes_.push_back(h);
  }
  hashes_.push_back(0);  // Hash(size()), read unchecked
}

bool QTokens::IsDash(size_t i) const {
  std::string_view t = Text(i);
  return t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94";
}

}  // namespace sitrep
