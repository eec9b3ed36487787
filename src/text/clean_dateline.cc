// Datelines: "BAGHDAD, Jan 27 (Reuters) –", "KUT, Iraq —",
// "WASHINGTON (AP) —", "Kabul, 3 May 2020 (AFP) -", "NEW DELHI: ".
#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/clean_internal.h"

namespace sitrep::clean_internal {

// Sixteen bytes at a time where SSE2 is there.
size_t NextSeparatorByte(std::string_view line, size_t i, size_t limit) {
#if defined(__SSE2__)
  for (; i + 16 <= limit; i += 16) {
    __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('(')),
                     _mm_cmpeq_epi8(x, _mm_set1_epi8(')'))),
        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('-')),
                     _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(':')),
                                  _mm_cmpeq_epi8(x, _mm_set1_epi8('\xE2')))));
    unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(m));
    if (bits != 0) return i + static_cast<size_t>(__builtin_ctz(bits));
  }
#endif
  while (i < limit && line[i] != '(' && line[i] != ')' && line[i] != '-' &&
         line[i] != ':' && line[i] != '\xE2') {
    ++i;
  }
  return i;
}

namespace {

constexpr size_t kMaxPrefix = 120;  // bytes before the separator

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

struct Separator {
  size_t begin = 0;  // end of the prefix
  size_t end = 0;    // start of the text after it (spaces skipped)
  bool colon = false;
};

// The first dash (" - ", "--", "–", "—") or ": " within the prefix budget.
bool FindSeparator(std::string_view line, Separator* sep) {
  size_t limit = std::min(line.size(), kMaxPrefix);
  int depth = 0;  // "(Sputnik - 2 December)": no separator inside brackets
  for (size_t i = 1; (i = NextSeparatorByte(line, i, limit)) < limit; ++i) {
    const char c = line[i];
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (depth > 0) continue;
    if (c != '-' && c != '\xE2' && c != ':') continue;  // no separator here
    size_t len = 0;
    if (line.substr(i, 2) == "--") {
      len = 2;
    } else if (line[i] == '-' && line[i - 1] == ' ' && i + 1 < line.size() &&
               line[i + 1] == ' ') {
      len = 1;
    } else if (line.substr(i, 3) == "\u2013" || line.substr(i, 3) == "\u2014") {
      len = 3;
    } else if (line[i] == ':' && i + 1 < line.size() && line[i + 1] == ' ') {
      sep->colon = true;
      len = 1;
    }
    if (len == 0) continue;
    sep->begin = i;
    sep->end = i + len;
    while (sep->end < line.size() && line[sep->end] == ' ') ++sep->end;
    return sep->end < line.size();
  }
  return false;
}

// The outlet named in a dateline's brackets: "(Reuters)", or one of the
// parts of "(UrduPoint News / Sputnik - 02nd December, 2019)".
std::string_view OutletIn(std::string_view inner) {
  std::string_view whole = CanonicalOutlet(Trim(inner));
  if (!whole.empty()) return whole;
  size_t i = 0;
  while (i < inner.size()) {
    size_t e = inner.find_first_of("/-,", i);
    if (e == std::string_view::npos) e = inner.size();
    std::string_view part = CanonicalOutlet(Trim(inner.substr(i, e - i)));
    if (!part.empty()) return part;
    i = e + 1;
  }
  return {};
}

// "WASHINGTON (Reuters) The ..." without a dash: the prefix ends at the
// outlet's closing parenthesis.
bool FindOutletOnly(std::string_view line, Separator* sep) {
  size_t close = line.find(") ");
  if (close == std::string_view::npos || close > kMaxPrefix) return false;
  size_t open = line.rfind('(', close);
  if (open == std::string_view::npos ||
      OutletIn(line.substr(open + 1, close - open - 1)).empty()) {
    return false;
  }
  sep->begin = close + 1;
  sep->end = close + 2;
  while (sep->end < line.size() && line[sep->end] == ' ') ++sep->end;
  return sep->end < line.size();
}

// A place: 1-3 comma-separated parts of 1-4 capitalised words.
bool ValidPlace(std::string_view place, bool* caps_word) {
  if (place.empty() || place.size() > 60 ||
      !(IsUpper(place[0]) || static_cast<unsigned char>(place[0]) >= 0x80)) {
    return false;
  }
  size_t parts = 1, words = 0;
  *caps_word = false;
  for (size_t i = 0; i < place.size();) {
    size_t e = place.find_first_of(" ,", i);
    if (e == std::string_view::npos) e = place.size();
    std::string_view w = place.substr(i, e - i);
    if (e < place.size() && place[e] == ',') {
      ++parts;
      words = 0;
    }
    i = e + 1;
    if (w.empty()) continue;
    if (++words > 4 || parts > 3) return false;
    size_t upper = 0, lower = 0;
    for (char c : w) {
      if (c >= '0' && c <= '9') return false;
      upper += IsUpper(c);
      lower += IsLower(c);
    }
    bool capital = IsUpper(w[0]) || static_cast<unsigned char>(w[0]) >= 0x80;
    if (!capital && w.size() > 3 && w.substr(0, 3) != "al-" &&
        w.substr(0, 3) != "el-") {
      return false;
    }
    if (upper >= 2 && lower == 0) *caps_word = true;
  }
  return true;
}

// Splits "PLACE, Jan 27" into place and a trailing date.
std::string_view SplitDate(std::string_view prefix, CivilDay* date) {
  for (size_t c = prefix.find(','); c != std::string_view::npos;
       c = prefix.find(',', c + 1)) {
    size_t p = c + 1;
    while (p < prefix.size() && prefix[p] == ' ') ++p;
    CivilDay d;
    size_t n = ParseDate(prefix.substr(p), &d);
    if (n > 0 && p + n == prefix.size()) {
      *date = d;
      return Trim(prefix.substr(0, c));
    }
  }
  return prefix;
}

}  // namespace

bool ParseDateline(std::string_view line, DatelineMatch* out) {
  Separator sep;
  if (!FindSeparator(line, &sep) && !FindOutletOnly(line, &sep)) return false;
  std::string_view prefix = Trim(line.substr(0, sep.begin));
  DatelineMatch m;
  if (!prefix.empty() && prefix.back() == ')') {
    size_t open = prefix.rfind('(');
    if (open == std::string_view::npos) return false;
    std::string_view inner =
        Trim(prefix.substr(open + 1, prefix.size() - open - 2));
    m.outlet = OutletIn(inner);
    if (m.outlet.empty()) {
      bool caps = false;
      if (!ValidPlace(inner, &caps) ||
          inner.find(',') != std::string_view::npos) {
        return false;
      }
      m.outlet = inner;
    }
    prefix = Trim(prefix.substr(0, open));
  }
  prefix = SplitDate(prefix, &m.date);
  bool caps_word = false;
  if (!ValidPlace(prefix, &caps_word)) return false;
  if (sep.colon) {
    for (char c : prefix) {
      if (IsLower(c)) return false;
    }
  }
  bool has_comma = prefix.find(',') != std::string_view::npos;
  if (m.outlet.empty() && m.date.month == 0 && !caps_word && !has_comma) {
    return false;
  }
  m.place = prefix;
  m.length = sep.end;
  *out = m;
  return true;
}

}  // namespace sitrep::clean_internal
