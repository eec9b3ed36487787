// Date expressions: absolute and relative dates in a sentence, resolved
// against the article's publication day (the reference). The clock is
// never read: without a reference, nothing is invented.
//
// Absolute (rule): `Jan. 27`, `Jan 27th` (month_day), `January 3, 2020`
// (month_day_year), `27 January`, `27th of January` (day_month), `9 May
// 2020` (day_month_year), `2020-01-26`, `2020/01/26` (iso), `October 2019`
// (month_year, month precision), `in October` (month; a bare month needs a
// preposition before it), `in 2019` (year; a bare year likewise).
// Numeric dd/mm/yyyy vs mm/dd/yyyy: when one part is > 12 it decides
// (numeric_dmy / numeric_mdy); when both are <= 12 and differ, day first
// (numeric_dmy_ambiguous: most non-US outlets covering conflict write day
// first; the extractor then settles it by weekday, publication day, the
// article's other numeric dates and its outlet: doc/extraction.md). Only
// four-digit years are accepted there.
// Year inference: a month/day or bare month without a year resolves to the
// latest such date on or before the reference day (never after it),
// relative = true; with no reference the year stays 0.
// Weekdays (rule weekday): `on Sunday`, `Sunday`, `late on Sunday`, `Sunday
// night`, `Monday morning`, `by Saturday evening` -> the latest such weekday
// on or before the reference day (the reference day itself if it is that
// weekday); `last Sunday` -> strictly before. A weekday followed by a date,
// `Friday (Jan 24)` or `Friday, January 24, 2020`, takes that date
// (weekday_date).
// Relative phrases (data/lexicon/dates.tsv `rel`): `yesterday` -1,
// `today`/`this morning`/`tonight` 0, `last night` -1, `overnight` -1 (rule
// overnight: the night before the reference; a caller may accept +-1),
// `this week`/`last week` (week precision: day = that week's Monday),
// `this month`/`earlier this month`/`last month` (month precision),
// `this year`/`last year` (year precision), `<n> days|weeks|months|years
// ago` (rule ago; weeks give week precision).
// Anaphoric days (rel rows of unit prior): `the next day`, `the previous
// day`, `the same day`, `<n> days later|earlier` are returned with
// after_prior set and no day: they count from the date told before them,
// not from the publication day.
// Period starts: `since October`, `since Oct. 1`, `since Sunday` set
// range_start; `since the unrest began` (rule since_event) is returned with
// range_start and an unknown day.
// Impossible dates (`Feb 30`, `2020-02-30`, `31/02/2020`) are not returned.
// Spans include a preceding preposition or modifier when one was matched
// (`on Oct. 1`, `late on Sunday`, `in 2019`).
//
// Costs: one linear pass over the text, no regex; ~15-40 MB/s.
// Thread safety: pure function; lexicons load once (static init).
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
  Span span;     // in the text
  CivilDay day;  // resolved; partial when precision > day, or when
                 // the year is unknown (year 0)
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;  // depends on the reference day (weekdays,
                          // `yesterday`, yearless dates); unresolved parts
                          // stay 0 when there is no reference
  bool range_start =
      false;         // `since October`: a period start, not an event day
  std::string rule;  // which pattern fired, for audit ("weekday", ...)
  // "the next day" (+1), "the previous day" (-1), "the same day" (0),
  // "three days later" (+3): days from the date the text told before it.
  // FindDates leaves `day` unresolved (all 0, relative = true); the caller
  // knows the context and resolves it (ResolvePrior).
  std::optional<int> after_prior;
};

// `d` moved to `told` + *d.after_prior days when `told` is a full day.
// REQUIRES: d.after_prior.
std::optional<DateMention> ResolvePrior(DateMention d, const CivilDay& told);

// Finds date expressions in `text`, in order, non-overlapping. `reference`
// is the publication day (nullopt when unknown, or ignored when not a valid
// complete day: relative expressions are then returned unresolved, with
// day.year == 0 and day.month == 0, rule set, relative = true).
std::vector<DateMention> FindDates(std::string_view text,
                                   std::optional<CivilDay> reference);

}  // namespace sitrep

#endif  // SITREP_DATE_EXPR_H_
