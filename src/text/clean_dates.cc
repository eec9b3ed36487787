// Dates written out in datelines, captions and metadata lines.
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/clean_internal.h"
#include "text/text_data.h"
#include "text/utf8_internal.h"

namespace sitrep::clean_internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char Lower(char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

struct MonthName {
  std::string name;  // lower case
  int month;
};

const std::vector<MonthName>& Months() {
  static const auto* months = [] {
    auto* v = new std::vector<MonthName>();
    text_data::ForEachRow(text_data::File("months.tsv"),
                          [&](const auto& f, size_t n) {
                            if (n < 2) return;
                            std::string key;
                            for (char c : f[0]) key.push_back(Lower(c));
                            v->push_back({key, std::stoi(std::string(f[1]))});
                          });
    return v;
  }();
  return *months;
}

// Reads 1..max_digits digits at s[*i] not followed by another digit.
bool ReadNumber(std::string_view s, size_t* i, size_t max_digits, int* v) {
  size_t k = *i;
  int n = 0;
  while (k < s.size() && IsDigit(s[k]) && k - *i < max_digits) {
    n = n * 10 + (s[k] - '0');
    ++k;
  }
  if (k == *i || (k < s.size() && IsDigit(s[k]))) return false;
  *v = n;
  *i = k;
  return true;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// A month word at s[*i] (with an optional period); its number or 0.
int ReadMonth(std::string_view s, size_t* i) {
  size_t k = *i;
  while (k < s.size() && IsAlpha(s[k]) && k - *i < 10) ++k;
  if (k == *i || (k < s.size() && IsAlpha(s[k]))) return 0;
  int m = MonthNumber(s.substr(*i, k - *i));
  if (m == 0) return 0;
  if (k < s.size() && s[k] == '.') ++k;
  *i = k;
  return m;
}

// An ordinal suffix after a day number: 1st, 2nd, 23rd, 4th.
size_t SkipOrdinal(std::string_view s, size_t i) {
  for (std::string_view suf : {"st", "nd", "rd", "th"}) {
    if (s.substr(i, 2) == suf && (i + 2 >= s.size() || !IsAlpha(s[i + 2]))) {
      return i + 2;
    }
  }
  return i;
}

// ", 2020" or " 2020" after a month and day: the year, or 0.
int ReadYear(std::string_view s, size_t* i) {
  size_t k = *i;
  if (k < s.size() && s[k] == ',') ++k;
  k = SkipSpaces(s, k);
  if (k == *i) return 0;  // "Jan 272020" is not a date
  size_t start = k;
  int y = 0;
  if (!ReadNumber(s, &k, 4, &y) || k - start != 4 || y < 1900 || y > 2100) {
    return 0;
  }
  *i = k;
  return y;
}

bool DayFits(int year, int month, int day) {
  return day >= 1 && day <= DaysInMonth(year == 0 ? 2000 : year, month);
}

size_t ParseIsoAt(std::string_view s, CivilDay* out) {
  if (s.size() < 10 || !IsDigit(s[0]) || s[4] != '-' || s[7] != '-') return 0;
  if (s.size() > 10 && IsDigit(s[10])) return 0;
  auto d = CivilDay::ParseIso(s.substr(0, 10));
  if (!d) return 0;
  *out = *d;
  return 10;
}

// "2019/11/14" or "2019.11.14": year, month, day.
size_t ParseYmd(std::string_view s, CivilDay* out) {
  size_t i = 0;
  int y = 0, m = 0, d = 0;
  if (!ReadNumber(s, &i, 4, &y) || i != 4) return 0;
  char sep = i < s.size() ? s[i] : 0;
  if (sep != '/' && sep != '.') return 0;
  ++i;
  if (!ReadNumber(s, &i, 2, &m) || i >= s.size() || s[i] != sep) return 0;
  ++i;
  if (!ReadNumber(s, &i, 2, &d)) return 0;
  CivilDay c{y, m, d};
  if (y < 1900 || y > 2100 || !c.valid()) return 0;
  *out = c;
  return i;
}

// "06-02-2020" or "06.02.2020" (day first, as outlets writing these
// separators do), or "25/12/2020" / "12/25/2020" when one part exceeds 12.
// An ambiguous "06/02/2020" is left alone: US sites write month first.
size_t ParseDmy(std::string_view s, CivilDay* out) {
  size_t i = 0;
  int a = 0, b = 0, y = 0;
  if (!ReadNumber(s, &i, 2, &a) || i >= s.size()) return 0;
  char sep = s[i];
  if (sep != '/' && sep != '.' && sep != '-') return 0;
  ++i;
  if (!ReadNumber(s, &i, 2, &b) || i >= s.size() || s[i] != sep) return 0;
  ++i;
  size_t year_at = i;
  if (!ReadNumber(s, &i, 4, &y) || i - year_at != 4) return 0;
  if (sep == '/' && a <= 12 && b <= 12 && a != b) return 0;
  CivilDay c = (sep == '/' && b > 12) ? CivilDay{y, a, b} : CivilDay{y, b, a};
  if (y < 1900 || y > 2100 || !c.valid()) return 0;
  *out = c;
  return i;
}

enum class LineWord { kOther, kLabel, kWeekday, kTime, kFiller };

const std::unordered_map<std::string, LineWord>& DateLineWords() {
  static const auto* words = [] {
    auto* m = new std::unordered_map<std::string, LineWord>();
    text_data::ForEachRow(
        text_data::File("date_line_words.tsv"), [&](const auto& f, size_t n) {
          if (n < 2) return;
          LineWord k = f[1] == "label"     ? LineWord::kLabel
                       : f[1] == "weekday" ? LineWord::kWeekday
                       : f[1] == "time"    ? LineWord::kTime
                                           : LineWord::kFiller;
          (*m)[std::string(f[0])] = k;
        });
    return m;
  }();
  return *words;
}

// What a date line holds besides its dates.
struct LineParts {
  int dates = 0;
  CivilDay date;
  int other_words = 0;
  bool label = false;  // "Updated", "ago", or a time of day
};

// Reads the word or number at line[*i] into `parts`.
void ReadLinePart(std::string_view line, size_t* i, LineParts* parts) {
  CivilDay d;
  size_t n = ParseDate(line.substr(*i), &d);
  if (n == 0) n = ParseYmd(line.substr(*i), &d);
  if (n == 0) n = ParseDmy(line.substr(*i), &d);
  if (n > 0 && d.complete() && d.valid()) {
    ++parts->dates;
    parts->date = d;
    *i += n;
    return;
  }
  size_t k = *i;
  if (IsDigit(line[k])) {  // a time "11:35", or a count "3 minutes"
    while (k < line.size() && (IsDigit(line[k]) || line[k] == ':')) {
      parts->label |= line[k] == ':';
      ++k;
    }
    *i = k;
    return;
  }
  std::string word;
  while (k < line.size() && (IsAlpha(line[k]) || line[k] == '.')) {
    if (line[k] != '.') word.push_back(Lower(line[k]));
    ++k;
  }
  *i = k;
  auto it = DateLineWords().find(word);
  LineWord kind = it == DateLineWords().end() ? LineWord::kOther : it->second;
  if (kind == LineWord::kLabel || kind == LineWord::kTime) parts->label = true;
  if (kind == LineWord::kOther && !word.empty()) ++parts->other_words;
}

// Whether `s` has four ASCII digits in a row.
bool HasFourDigits(std::string_view s) {
  int run = 0;
  for (char c : s) {
    run = IsDigit(c) ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

}  // namespace

int MonthNumber(std::string_view word) {
  if (word.size() < 3 || word.size() > 9) return 0;
  for (const MonthName& m : Months()) {
    if (m.name.size() != word.size() || m.name[0] != Lower(word[0])) continue;
    size_t k = 1;
    while (k < word.size() && Lower(word[k]) == m.name[k]) ++k;
    if (k == word.size()) return m.month;
  }
  return 0;
}

size_t ParseDate(std::string_view s, CivilDay* out) {
  if (s.empty()) return 0;
  if (size_t n = ParseIsoAt(s, out)) return n;
  size_t i = 0;
  int day = 0, month = 0, year = 0;
  if (IsAlpha(s[0])) {  // "January 26, 2020" / "Jan 27"
    month = ReadMonth(s, &i);
    if (month == 0 || i >= s.size() || s[i] != ' ') return 0;
    i = SkipSpaces(s, i);
    if (!ReadNumber(s, &i, 2, &day)) return 0;
    i = SkipOrdinal(s, i);
    year = ReadYear(s, &i);
  } else if (IsDigit(s[0])) {  // "26 January 2020" / "27 January"
    if (!ReadNumber(s, &i, 2, &day)) return 0;
    i = SkipOrdinal(s, i);
    if (i >= s.size() || s[i] != ' ') return 0;
    i = SkipSpaces(s, i);
    month = ReadMonth(s, &i);
    if (month == 0) return 0;
    year = ReadYear(s, &i);
  } else {
    return 0;
  }
  if (!DayFits(year, month, day)) return 0;
  *out = CivilDay{year, month, day};
  return i;
}

namespace {

// The bytes ParseDate can read a date from: digits, and the capitals of
// the month names' initials (ReadMonth finds no month after any other
// letter).
const std::array<bool, 256>& DateStarts() {
  static const auto* starts = [] {
    auto* t = new std::array<bool, 256>{};
    for (char c = '0'; c <= '9'; ++c)
      (*t)[static_cast<unsigned char>(c)] = true;
    for (const MonthName& m : Months()) {
      char c = m.name.empty() ? 0 : m.name[0];
      if (c >= 'a' && c <= 'z') {
        (*t)[static_cast<unsigned char>(c - ('a' - 'A'))] = true;
      }
    }
    return t;
  }();
  return *starts;
}

}  // namespace

namespace {

// The first ASCII digit at or after i, or s.size(): sixteen bytes at a
// time where SSE2 is there.
size_t NextDigit(std::string_view s, size_t i) {
#if defined(__SSE2__)
  const __m128i below = _mm_set1_epi8('0' - 1);
  const __m128i above = _mm_set1_epi8('9' + 1);
  for (; i + 16 <= s.size(); i += 16) {
    // Signed compares: bytes from 0x80 are negative, below '0'.
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(x, below), _mm_cmpgt_epi8(above, x))));
    if (bits != 0) return i + static_cast<size_t>(__builtin_ctz(bits));
  }
#endif
  while (i < s.size() && !IsDigit(s[i])) ++i;
  return i;
}

// Where the next run of four ASCII digits at or after `from` begins;
// s.size() when there is none.
size_t NextFourDigits(std::string_view s, size_t from) {
  size_t run = 0;
  size_t i = from;
  while (i < s.size()) {
    if (run == 0 && (i = NextDigit(s, i)) == s.size()) break;
    run = IsDigit(s[i]) ? run + 1 : 0;
    ++i;
    if (run == 4) return i - 4;
  }
  return s.size();
}

// The first byte a date whose year begins at `year` can begin at: a
// complete date has at most 16 bytes other than spaces before its year
// (month word and period, day, ordinal, comma).
size_t EarliestDateStart(std::string_view s, size_t year) {
  size_t j = year, other = 0;
  while (j > 0 && (s[j - 1] == ' ' || other < 16)) {
    other += s[j - 1] != ' ';
    --j;
  }
  return j;
}

// The complete date beginning at s[i] (and its bytes), 0 when none.
size_t FullDateAt(std::string_view s, size_t i, CivilDay* d) {
  bool start = DateStarts()[static_cast<unsigned char>(s[i])] &&
               (i == 0 || !(IsAlpha(s[i - 1]) || IsDigit(s[i - 1])));
  if (!start) return 0;
  size_t n = ParseDate(s.substr(i), d);
  return n > 0 && d->complete() && d->valid() ? n : 0;
}

}  // namespace

// Every complete date holds its year's four digits (ISO dates begin with
// them), so only the bytes shortly before a run of four digits are tried.
void FindFullDates(std::string_view s, std::vector<CivilDay>* out) {
  size_t i = 0;
  for (size_t y = NextFourDigits(s, 0); y < s.size();
       y = NextFourDigits(s, y + 4)) {
    i = std::max(i, EarliestDateStart(s, y));
    while (i <= y) {
      CivilDay d;
      size_t n = FullDateAt(s, i, &d);
      if (n > 0) out->push_back(d);
      i += n > 0 ? n : 1;
    }
  }
}

// The plain byte-by-byte form of FindFullDates (a test's reference).
void FindFullDatesPlain(std::string_view s, std::vector<CivilDay>* out) {
  for (size_t i = 0; i < s.size();) {
    CivilDay d;
    size_t n = FullDateAt(s, i, &d);
    if (n > 0) out->push_back(d);
    i += n > 0 ? n : 1;
  }
}

namespace {

// "2019-11" at line[i], not followed by another digit or '-': a month-only
// date (day 0). Returns the bytes read, 0 when there is none.
size_t ParseYearMonth(std::string_view line, size_t i, CivilDay* out) {
  size_t k = i;
  int year = 0, month = 0;
  if (!ReadNumber(line, &k, 4, &year) || k - i != 4 || year < 1900) return 0;
  if (k >= line.size() || line[k] != '-') return 0;
  ++k;
  size_t m = k;
  if (!ReadNumber(line, &k, 2, &month) || k - m != 2) return 0;
  if (month < 1 || month > 12 || (k < line.size() && line[k] == '-')) return 0;
  *out = CivilDay{year, month, 0};
  return k - i;
}

// Ten bytes shaped "dddd-dd-dd" (an ISO date that may not exist, such as
// "2020-02-30"), not followed by a digit: 10, else 0.
size_t IsoShapeAt(std::string_view s) {
  if (s.size() < 10 || (s.size() > 10 && IsDigit(s[10]))) return 0;
  for (size_t k = 0; k < 10; ++k) {
    if ((k == 4 || k == 7) ? s[k] != '-' : !IsDigit(s[k])) return 0;
  }
  return 10;
}

}  // namespace

size_t ParseMetadataDate(std::string_view line, CivilDay* out) {
  size_t i = SkipSpaces(line, 0);
  size_t w = i;
  while (w < line.size() && IsAlpha(line[w])) ++w;
  std::string word;
  for (size_t k = i; k < w; ++k) word.push_back(Lower(line[k]));
  if (word != "date" && word != "published" && word != "pubdate") return 0;
  i = w;
  if (i < line.size() && line[i] == ':') ++i;
  size_t j = SkipSpaces(line, i);
  if (j == i && w == i) return 0;
  CivilDay d;
  size_t n = ParseDate(line.substr(j), &d);
  if (n == 0 || !d.complete() || !d.valid()) n = ParseYearMonth(line, j, &d);
  if (n == 0 && (n = IsoShapeAt(line.substr(j))) != 0) d = CivilDay{};
  if (n == 0) return 0;
  j += n;
  // A time glued to an ISO date: "T12:30:00Z", " 12:30".
  if (j < line.size() && line[j] == 'T') {
    while (j < line.size() && line[j] != ' ') ++j;
  } else {
    size_t k = SkipSpaces(line, j);
    if (k + 5 <= line.size() && IsDigit(line[k]) && IsDigit(line[k + 1]) &&
        line[k + 2] == ':') {
      while (k < line.size() && line[k] != ' ') ++k;
      j = k;
    }
  }
  *out = d;
  return SkipSpaces(line, j);
}

bool IsDateLine(std::string_view line, CivilDay* out) {
  constexpr size_t kMaxBytes = 100;
  // A byline beside a labelled date: "Jane Doe 3 minutes ago Mon 15 July".
  constexpr int kMaxBylineWords = 4;
  if (line.empty() || line.size() > kMaxBytes || line.back() == '.' ||
      !HasFourDigits(line)) {  // each date counted has a 4-digit year
    return false;
  }
  LineParts parts;
  size_t i = 0;
  bool in_word = false;  // inside a word of non-ASCII letters
  while (i < line.size()) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= 0x80) {
      size_t len = 1;
      uint32_t cp = text_internal::DecodeAt(line, i, &len);
      bool punct = cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F) ||
                   (cp >= 0x3000 && cp <= 0x303F);
      if (!punct && !in_word) ++parts.other_words;  // "Müller", "عدي"
      in_word = !punct;
      i += len;
      continue;
    }
    bool start =
        !in_word && (i == 0 || !(IsAlpha(line[i - 1]) || IsDigit(line[i - 1])));
    in_word = false;
    if (start && (IsAlpha(line[i]) || IsDigit(line[i]))) {
      ReadLinePart(line, &i, &parts);
    } else {
      ++i;
    }
  }
  if (parts.dates != 1) return false;
  if (parts.other_words > (parts.label ? kMaxBylineWords : 0)) return false;
  *out = parts.date;
  return true;
}

}  // namespace sitrep::clean_internal
