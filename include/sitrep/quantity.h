// Quantities: numbers as news writes them, with their qualifiers.
//
// Digits (`29`, `1,200`, `3.5`), words (`two`, `twenty-nine`, `a dozen`,
// `hundreds`), vague amounts coded by ACLED's conventions (`tens` = 10,
// `dozens` = 12, `hundreds` = 100, `thousands` = 1000, all as lower bounds;
// `several`/`a few` = 3 lower bound? see data/lexicon/vague_numbers.tsv),
// ranges (`150 to 200`, `150-200`, `between 3 and 5`), qualifiers (`at
// least`, `more than`, `over`, `nearly`, `almost`, `around`, `about`, `up
// to`, `some`) and explicit zeros (`no`, `none`, `without ... any`).
//
// Costs: linear in the text. Thread safety: pure functions; lexicons are
// loaded once (thread-safe static initialisation).
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
  friend bool operator==(const Count&, const Count&) = default;
};

struct Quantity {
  Span span;              // the whole expression, qualifier included
  Count count;
  std::string qualifier;  // normalised: "at least", "more than", "nearly",
                          // "around", "up to", "range", "vague", "exact", "zero"
  bool implausible = false;  // e.g. > 100000 for casualties: flagged, not trusted
};

// All quantities in `text`, in order, non-overlapping. Years (`2003`, `in
// 2019`), times (`2am`), ordinals, percentages, money and distances (`160
// kilometres`) are not quantities of people and are skipped.
std::vector<Quantity> FindQuantities(std::string_view text);

// Parses `text` as exactly one quantity expression ("at least 75", "a
// dozen"). nullopt when it is not one.
std::optional<Quantity> ParseQuantity(std::string_view text);

}  // namespace sitrep

#endif  // SITREP_QUANTITY_H_
