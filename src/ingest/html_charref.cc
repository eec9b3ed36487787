// Guard against a Gumbo defect: it accumulates a numeric character
// reference in a signed int, so one of 2^31 or more (`&#x88888888;`,
// `&#2147483776;`) overflows and comes out as a lone byte, which is not
// valid UTF-8 (doc/RELIABILITY.md, fuzz/regressions/html/). HTML5 decodes
// any reference above U+10FFFF as U+FFFD; we rewrite the digits of such a
// reference, in the copy Gumbo parses, to the same number of characters
// spelling U+FFFD with leading zeros (`&#x0000FFFD;`, `&#0000065533;`), so
// every offset stays where it was.
#include <cstring>

#include "ingest/html_internal.h"

namespace sitrep::html_internal {
namespace {

int DigitValue(char c, bool hex) {
  if (c >= '0' && c <= '9') return c - '0';
  if (!hex) return -1;
  char l = static_cast<char>(c | 0x20);
  return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
}

// The digit run of the reference at `amp` ("&#..."): [*begin, *end), and
// whether its value is 2^31 or more.
bool IsHuge(std::string_view s, size_t amp, size_t* begin, size_t* end,
            bool* hex) {
  size_t j = amp + 2;
  *hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
  if (*hex) ++j;
  *begin = j;
  uint64_t v = 0;
  bool huge = false;
  for (; j < s.size(); ++j) {
    int d = DigitValue(s[j], *hex);
    if (d < 0) break;
    if (!huge) v = v * (*hex ? 16 : 10) + static_cast<uint64_t>(d);
    huge |= v >= 0x80000000u;
  }
  *end = j;
  return huge;
}

// Overwrites digits [begin, end) with U+FFFD, right-aligned, zero-padded.
// A value of 2^31 or more has at least 8 hex or 10 decimal digits.
void Overwrite(std::string& s, size_t begin, size_t end, bool hex) {
  const char* fffd = hex ? "FFFD" : "65533";
  size_t n = std::strlen(fffd);
  std::memset(&s[begin], '0', end - begin);
  std::memcpy(&s[end - n], fffd, n);
}

}  // namespace

void NeutraliseHugeCharRefs(Source* src) {
  std::string_view p = src->parsed();
  for (size_t i = p.find("&#"); i != std::string_view::npos;
       i = p.find("&#", i + 2)) {
    size_t begin, end;
    bool hex;
    if (!IsHuge(p, i, &begin, &end, &hex)) continue;
    if (src->compact.empty()) {  // Gumbo parsed the page itself: copy it
      src->compact.assign(src->html);
      src->segs = {{0, 0}};
      p = src->compact;
    }
    Overwrite(src->compact, begin, end, hex);
    i = end - 2;
  }
}

}  // namespace sitrep::html_internal
