// Dates written out in datelines, captions and metadata lines.
#include <string>
#include <vector>

#include "text/clean_internal.h"
#include "text/text_data.h"

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

void FindFullDates(std::string_view s, std::vector<CivilDay>* out) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    bool start = (IsDigit(c) || (c >= 'A' && c <= 'Z')) &&
                 (i == 0 || !(IsAlpha(s[i - 1]) || IsDigit(s[i - 1])));
    if (!start) {
      ++i;
      continue;
    }
    CivilDay d;
    size_t n = ParseDate(s.substr(i), &d);
    if (n > 0 && d.complete() && d.valid()) {
      out->push_back(d);
      i += n;
    } else {
      ++i;
    }
  }
}

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
  if (n == 0 || !d.complete() || !d.valid()) return 0;
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

}  // namespace sitrep::clean_internal
