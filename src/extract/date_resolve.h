// Calendar arithmetic for resolving date expressions against a reference
// day (the publication day). No function ever looks at the clock.
//
// Thread safety: pure functions.
#ifndef SITREP_EXTRACT_DATE_RESOLVE_H_
#define SITREP_EXTRACT_DATE_RESOLVE_H_

#include <optional>

#include "sitrep/civil_day.h"

namespace sitrep {

// True when month/day exists in some year (Feb 29 does).
bool ValidMonthDay(int month, int day);

// The latest `month`/`day` on or before `ref` (strictly before when
// `strict`); nullopt when the pair never exists.
std::optional<CivilDay> LatestMonthDay(int month, int day, const CivilDay& ref,
                                       bool strict = false);

// {year, month, 0}: the latest such month on or before ref's month
// (strictly before when `strict`).
CivilDay LatestMonth(int month, const CivilDay& ref, bool strict = false);

// The latest weekday `wd` (0 = Monday) on or before `ref`; strictly before
// when `strict` ("last Sunday" said on a Sunday).
CivilDay LatestWeekday(int wd, const CivilDay& ref, bool strict = false);

// The Monday of the week holding `d`.
CivilDay WeekStart(const CivilDay& d);

// {year, month, 0} of `d` moved by `n` months.
CivilDay AddMonths(const CivilDay& d, int n);

}  // namespace sitrep

#endif  // SITREP_EXTRACT_DATE_RESOLVE_H_
