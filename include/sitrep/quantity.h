// Quantities: numbers as news writes them, with their qualifiers.
//
// Digits (`29`, `1,200`, `1.2 million`), words (`two`, `twenty-nine`, `a
// hundred`, `two hundred and fifty`, `a dozen`, `a couple of`), vague
// amounts, ranges, qualifiers and explicit zeros. Every word list lives in
// data/lexicon/numbers.tsv (analyst-editable, compiled in).
//
// Conventions (ACLED coding):
//   exact `75`                     {75, 75, 75}      "exact"
//   `at least 75`, `no fewer than` {75, 75, -}       "at least"
//   `more than 470`, `over 470`    {470, 470, -}     "more than" (low = N,
//                                                     as ACLED codes it)
//   `nearly/almost 500`            {-, 500, 500}     "nearly"
//   `around/about/some 45`         {-, 45, -}        "around"
//   `up to 20`, `as many as 20`    {-, 20, 20}       "up to"
//   `fewer/less than 10`           {-, -, 10}        "less than"
//   `150 to 200`, `150-200`, `between 3 and 5`, `two or three`
//                                  {150, 150, 200}   "range" (best = low)
//   `500 or more` / `20 or so`     as "at least" / "around"
//   vague (lower bounds, also best): `tens of` 10, `dozens` 12, `scores of`
//     20, `hundreds` 100, `thousands` 1000, `tens of thousands` 10000;
//     `several` {3, -, -}, `a few` {2, -, -}, `a handful` {2, -, 5};
//     `several hundred` scales the lower bound (300). "vague". A qualifier
//     before a vague amount is kept in the span but does not change it.
//   zeros: `no one`, `nobody`, `none`, `no (serious) casualties/injuries/
//     deaths...`, `without causing any injuries`, `0` -> {0, 0, 0} "zero";
//     the span covers the whole zero expression.
//   `many`, `numerous`: no number, not a quantity.
// Not quantities of people (skipped): years 1900-2100 written as four bare
// digits unless a qualifier precedes (`at least 2000` counts); times (`2am`,
// `10:30`, `2 p.m.`); ordinals (`21st`; `third` is no number word);
// percentages; money (`$5`, `5 dollars`); units and durations (`160
// kilometres`, `5 km`, `two days`); ages (`Zaidoun, 26,`, `26-year-old`,
// `aged 26`); dates (`Jan 27`, `27 January`, `2020-01-26`, `01/01/2011`);
// identifiers glued to letters or dashes (`G20`, `Covid-19`, `F-16`);
// decimals without a scale word (`3.5`); `one of`, `one another`. `one
// rocket` is a quantity: the caller decides what it counts.
// `implausible` is set when any bound exceeds 1,000,000.
//
// Costs: one linear pass over the text (one lower-cased copy, one token
// vector), no regex; ~15-40 MB/s. Thread safety: pure functions; lexicons
// are loaded once (thread-safe static initialisation).
#ifndef SITREP_QUANTITY_H_
#define SITREP_QUANTITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/offset_map.h"

namespace sitrep {

// A count as a {low, best, high} triple; any may be unknown.
struct Count {
  std::optional<int64_t> low, best, high;
  // The single figure to use: best, else low, else high, else 0.
  int64_t value() const {
    return best.value_or(low.value_or(high.value_or(0)));
  }
  friend bool operator==(const Count&, const Count&) = default;
};

// Counts above this are flagged implausible, never trusted.
inline constexpr int64_t kImplausibleCount = 1000000;

struct Quantity {
  Span span;  // the whole expression, qualifier included
  Count count;
  std::string qualifier;     // normalised: "at least", "more than", "nearly",
                             // "around", "up to", "less than", "range",
                             // "vague", "exact", "zero"
  bool implausible = false;  // > 1,000,000: flagged, not trusted
};

// All quantities in `text`, in order, non-overlapping. Years (`2003`, `in
// 2019`), times (`2am`), ordinals, percentages, money, distances (`160
// kilometres`), ages and dates are not quantities of people and are skipped
// (see above). Spans are byte offsets into `text`.
std::vector<Quantity> FindQuantities(std::string_view text);

// Parses `text` as exactly one quantity expression ("at least 75", "a
// dozen"), with nothing before or after it. nullopt when it is not one.
std::optional<Quantity> ParseQuantity(std::string_view text);

}  // namespace sitrep

#endif  // SITREP_QUANTITY_H_
