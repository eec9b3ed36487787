// CivilDay: a proleptic-Gregorian calendar day, possibly partial.
//
// A field of 0 means unknown (year 0 = unknown year). sitrep never fills an
// unknown part with today's date: unknown stays unknown.
//
// Thread safety: a value type.
#ifndef SITREP_CIVIL_DAY_H_
#define SITREP_CIVIL_DAY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

struct CivilDay {
  int year = 0;   // 0 = unknown
  int month = 0;  // 1-12, 0 = unknown
  int day = 0;    // 1-31, 0 = unknown

  bool complete() const { return year != 0 && month != 0 && day != 0; }
  // True when the (complete) date exists in the Gregorian calendar.
  bool valid() const;
  // Days since 1970-01-01. REQUIRES: complete() && valid().
  int64_t ToDays() const;
  static CivilDay FromDays(int64_t days);
  // 0 = Monday ... 6 = Sunday. REQUIRES: complete().
  int Weekday() const;
  // "YYYY-MM-DD"; "YYYY-MM" or "YYYY" when partial; "" when the year is
  // unknown.
  std::string ToIso() const;
  // Parses "YYYY-MM-DD" (trailing time ignored). nullopt when not a real day.
  static std::optional<CivilDay> ParseIso(std::string_view s);

  CivilDay AddDays(int64_t n) const { return FromDays(ToDays() + n); }
  friend bool operator==(const CivilDay&, const CivilDay&) = default;
};

int DaysInMonth(int year, int month);

}  // namespace sitrep

#endif  // SITREP_CIVIL_DAY_H_
