// The place finder's word scanner (ScanInto, find_places_internal.h):
// words of letters and digits with inner apostrophes and abbreviation dots,
// their case and separators. scan_test.cc holds its plain form.
#include <unicode/uchar.h>

#include <array>
#include <cstdint>
#include <string>

#include "geo/find_places_internal.h"

namespace sitrep::geo::find_internal {
namespace {

bool IsWordChar(char32_t cp) {
  if (cp >= 0x80) return u_isalnum(cp);
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= '0' && cp <= '9');
}

// u_isupper / u_islower, without the ICU call for ASCII.
bool IsUpper(char32_t cp) {
  return cp >= 0x80 ? u_isupper(cp) : (cp >= 'A' && cp <= 'Z');
}
bool IsLower(char32_t cp) {
  return cp >= 0x80 ? u_islower(cp) : (cp >= 'a' && cp <= 'z');
}

bool IsApos(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018; }

// The scan's classes of bytes: ASCII letters and digits (upper- or
// lower-case letters marked), the ASCII that ends a sentence, and the lead
// and continuation bytes of longer code points (decoded in full).
enum ByteClass : uint8_t {
  kAlnumByte = 1,
  kLowerByte = 2,
  kUpperByte = 4,
  kStopByte = 8,
  kHighByte = 16,
};
constexpr std::array<uint8_t, 256> kByteClasses = [] {
  std::array<uint8_t, 256> c{};
  for (int b = 0; b < 256; ++b) {
    if (b >= 'a' && b <= 'z') c[b] = kAlnumByte | kLowerByte;
    if (b >= 'A' && b <= 'Z') c[b] = kAlnumByte | kUpperByte;
    if (b >= '0' && b <= '9') c[b] = kAlnumByte;
    if (b == '.' || b == '!' || b == '?' || b == '\n') c[b] = kStopByte;
    if (b >= 0x80) c[b] = kHighByte;
  }
  return c;
}();
uint8_t ClassOf(char b) { return kByteClasses[static_cast<unsigned char>(b)]; }

// Steps over the rest of a word from `i` (after its first code point):
// returns its end; clears w->all_caps at a lower-case letter and sets
// w->dotted. A run of ASCII letters ended by an ASCII byte other than an
// apostrophe or a dot (most words: a space or a comma follows) ends the
// word without decoding that byte.
size_t ScanWordRest(std::string_view t, size_t i, Word* w) {
  const char* s = t.data();
  const size_t n = t.size();
  size_t letters = 1;
  uint8_t seen = 0;  // the classes of the ASCII letters stepped over
  while (i < n) {
    size_t run = i;
    uint8_t b = 0;
    while (i < n && ((b = ClassOf(s[i])) & kAlnumByte)) {
      seen |= b;
      ++i;
    }
    letters += i - run;
    if (i == n) break;
    if (!(b & kHighByte) && s[i] != '\'' && s[i] != '.') break;
    size_t q = i;
    char32_t c = DecodeUtf8(t, &q);
    if (IsWordChar(c)) {
      if (IsLower(c)) w->all_caps = false;
      ++letters;
      i = q;
      continue;
    }
    size_t r = q;
    if (r < n && (IsApos(c) || (c == '.' && letters == 1))) {
      char32_t next = DecodeUtf8(t, &r);
      if (IsWordChar(next)) {
        if (c == '.') w->dotted = true;
        letters = 0;
        i = q;
        continue;
      }
    }
    break;
  }
  if (seen & kLowerByte) w->all_caps = false;
  return i;
}

// Drops a possessive 's (or ’s) from the end of `*w`.
void DropPossessive(std::string_view t, Word* w) {
  std::string_view text = t.substr(w->begin, w->end - w->begin);
  if (text.size() <= 3 || text.back() != 's') return;
  for (std::string_view s : {"'s", "\xE2\x80\x99s"}) {
    if (text.size() > s.size() + 1 && text.ends_with(s)) {
      w->end -= static_cast<uint32_t>(s.size());
      w->possessive = true;
    }
  }
}

// Most words: ASCII letters and digits ended by an ASCII byte other than
// an apostrophe or a dot (or by the text's end), so neither dotted nor
// possessive. Appends such a word starting at `i` (an ASCII letter or
// digit) whole, in one store of its fields; false (nothing appended) for
// any other word.
bool EndOfAsciiWord(std::string_view t, size_t i, std::vector<Word>* words,
                    bool sentence_start, char gap) {
  const char* s = t.data();
  const size_t n = t.size();
  const uint8_t first = ClassOf(s[i]);
  uint8_t seen = 0;
  uint8_t b = 0;
  size_t j = i + 1;
  while (j < n && ((b = ClassOf(s[j])) & kAlnumByte)) {
    seen |= b;
    ++j;
  }
  if (j < n && ((b & kHighByte) || s[j] == '\'' || s[j] == '.')) return false;
  const bool cap = (first & kUpperByte) != 0;
  words->push_back(
      Word{.begin = static_cast<uint32_t>(i),
           .end = static_cast<uint32_t>(j),
           .cap = cap,
           .all_caps = cap && !(seen & kLowerByte),
           .sentence_start = sentence_start,
           .sep_before = gap == '-' ? '-' : ' ',
           .joined = !words->empty() && (gap == ' ' || gap == '-')});
  return true;
}

}  // namespace

// Scans words: letters/digits with inner apostrophes (Shi'ite) and inner
// dots after single letters (U.S.). ASCII bytes are classed by a table;
// scan_test.cc holds the plain form.
void ScanInto(std::string_view t, std::vector<Word>* out) {
  std::vector<Word>& words = *out;
  words.clear();
  words.reserve(t.size() / 5 + 1);  // ~6 bytes a word in news text
  const char* s = t.data();
  size_t i = 0;
  bool sentence_start = true;
  size_t gap_begin = 0;
  while (i < t.size()) {
    uint8_t b = ClassOf(s[i]);
    if (b == 0) {  // ASCII that is neither a word's nor a stop: a gap
      ++i;
      continue;
    }
    char gap = i - gap_begin == 1 ? s[gap_begin] : '\0';
    if ((b & kAlnumByte) && EndOfAsciiWord(t, i, &words, sentence_start, gap)) {
      i = words.back().end;
      sentence_start = false;
      gap_begin = i;
      continue;
    }
    size_t p = i + 1;
    char32_t cp = static_cast<unsigned char>(s[i]);
    if (b & kHighByte) {
      p = i;
      cp = DecodeUtf8(t, &p);
      if (!IsWordChar(cp)) {
        i = p;
        continue;
      }
    } else if (!(b & kAlnumByte)) {
      sentence_start = true;  // a stop byte
      ++i;
      continue;
    }
    // Built in the vector's storage (no copy of a local).
    Word& w = words.emplace_back();
    w.begin = static_cast<uint32_t>(i);
    w.cap = (b & kHighByte) ? IsUpper(cp) : (b & kUpperByte) != 0;
    w.all_caps = w.cap;
    w.sentence_start = sentence_start;
    w.joined = words.size() > 1 && (gap == ' ' || gap == '-');
    w.sep_before = gap == '-' ? '-' : ' ';
    i = ScanWordRest(t, p, &w);
    w.end = static_cast<uint32_t>(i);
    if (w.dotted && i < t.size() && s[i] == '.')
      w.end = static_cast<uint32_t>(++i);
    DropPossessive(t, &w);
    sentence_start = false;
    gap_begin = i;
  }
}

}  // namespace sitrep::geo::find_internal
