#include "sitrep/civil_day.h"

#include <cstdio>

namespace sitrep {

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool CivilDay::valid() const {
  return complete() && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

// Howard Hinnant's days_from_civil algorithm (public domain description).
int64_t CivilDay::ToDays() const {
  int64_t y = year - (month <= 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDay CivilDay::FromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return CivilDay{y, m, d};
}

int CivilDay::Weekday() const {
  int64_t z = ToDays();  // 1970-01-01 was a Thursday (3).
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

namespace {

// Writes `v` (0 <= v < 10^width) as `width` digits, zero-padded.
char* PutDigits(char* p, int v, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return p + width;
}

}  // namespace

std::string CivilDay::ToIso() const {
  char buf[16];
  if (year == 0) return "";
  // The usual days, without printf: as the "%04d-%02d-%02d" below.
  if (year > 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 &&
      day <= 99) {
    char* p = PutDigits(buf, year, 4);
    if (month != 0) {
      *p++ = '-';
      p = PutDigits(p, month, 2);
      if (day != 0) {
        *p++ = '-';
        p = PutDigits(p, day, 2);
      }
    }
    return std::string(buf, p);
  }
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

std::optional<CivilDay> CivilDay::ParseIso(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t b, size_t n) {
    int v = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  CivilDay d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.year <= 0 || d.month <= 0 || d.day <= 0 || !d.valid()) {
    return std::nullopt;
  }
  return d;
}

}  // namespace sitrep
