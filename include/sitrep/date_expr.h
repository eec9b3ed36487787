// Date expressions: absolute and relative dates in a sentence, resolved
// against the article's publication day.
//
// Absolute: `Jan. 27`, `January 3, 2020`, `9 May 2020`, `01/01/2011`,
// `2020-01-26`, `Friday (Jan 24)`, `in October 2019`. Relative to the
// reference day: `on Sunday` (the latest Sunday on or before it), `late on
// Sunday`, `Monday morning`, `overnight` (the night before: day-1..day),
// `yesterday`, `today`, `last week`, `earlier this month`, `last month`.
// Each result carries a precision; a year is never invented (a month/day
// without year and without a reference stays yearless).
//
// Costs: linear in the text. Thread safety: pure function.
#ifndef SITREP_DATE_EXPR_H_
#define SITREP_DATE_EXPR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/civil_day.h"
#include "sitrep/offset_map.h"

namespace sitrep {

enum class DatePrecision { kDay, kWeek, kMonth, kYear };

struct DateMention {
  Span span;             // in the text
  CivilDay day;          // resolved; partial when precision > day, or when
                         // the year is unknown (year 0)
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;  // resolved against the reference day
  bool range_start = false;  // `since October`: a period start, not an event day
  std::string rule;      // which pattern fired, for audit ("weekday", ...)
};

// Finds date expressions in `text`. `reference` is the publication day
// (nullopt when unknown: relative expressions are then returned unresolved,
// with day.year == 0 and day.month == 0, rule set).
std::vector<DateMention> FindDates(std::string_view text,
                                   std::optional<CivilDay> reference);

}  // namespace sitrep

#endif  // SITREP_DATE_EXPR_H_
