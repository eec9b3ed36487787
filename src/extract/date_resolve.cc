#include "extract/date_resolve.h"

namespace sitrep {

bool ValidMonthDay(int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(2000, month);  // 2000 is a leap year
}

std::optional<CivilDay> LatestMonthDay(int month, int day, const CivilDay& ref,
                                       bool strict) {
  if (!ValidMonthDay(month, day)) return std::nullopt;
  int year = ref.year;
  bool after = month > ref.month || (month == ref.month && day > ref.day);
  bool same = month == ref.month && day == ref.day;
  if (after || (strict && same)) --year;
  for (int tries = 0; tries < 9; ++tries, --year) {  // Feb 29: leap years
    CivilDay d{year, month, day};
    if (d.valid()) return d;
  }
  return std::nullopt;
}

CivilDay LatestMonth(int month, const CivilDay& ref, bool strict) {
  bool back = month > ref.month || (strict && month == ref.month);
  return CivilDay{back ? ref.year - 1 : ref.year, month, 0};
}

CivilDay LatestWeekday(int wd, const CivilDay& ref, bool strict) {
  int delta = (ref.Weekday() - wd + 7) % 7;
  if (strict && delta == 0) delta = 7;
  return ref.AddDays(-delta);
}

CivilDay WeekStart(const CivilDay& d) { return d.AddDays(-d.Weekday()); }

CivilDay AddMonths(const CivilDay& d, int n) {
  int m0 = d.year * 12 + (d.month - 1) + n;
  int y = m0 >= 0 ? m0 / 12 : (m0 - 11) / 12;
  return CivilDay{y, m0 - y * 12 + 1, 0};
}

}  // namespace sitrep
