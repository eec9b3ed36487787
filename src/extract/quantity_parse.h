// Number cores: the number itself, without qualifier or range, at a token.
//
// Digits (`75`, `1,200`, `1.2 million`), number words (`twenty-nine`, `two
// hundred and fifty`, `a dozen`), fixed phrases (`a couple of`) and vague
// amounts (`dozens`, `several hundred`), as listed in numbers.tsv.
//
// Thread safety: pure functions over immutable lexicons.
#ifndef SITREP_EXTRACT_QUANTITY_PARSE_H_
#define SITREP_EXTRACT_QUANTITY_PARSE_H_

#include <cstddef>
#include <cstdint>

#include "extract/quantity_lexicon.h"
#include "extract/quantity_tokens.h"
#include "sitrep/quantity.h"

namespace sitrep {

struct QCore {
  size_t begin = 0, end = 0;  // tokens [begin, end)
  bool exact = true;          // false: a vague amount, see `vague`
  bool digits = false;        // written with digits
  int64_t value = 0;          // exact: the number; vague: best, else low
  Count vague;                // vague: the lexicon's convention, scaled
};

// Parses a number core starting at token i. False when none starts there.
bool ParseCore(const QTokens& t, const QuantityLexicon& lx, size_t i,
               QCore* out);

// An exact cardinal (digits without decimals, or number words) at token i:
// for "three weeks ago". Sets *value and *end.
bool ParseCardinal(const QTokens& t, const QuantityLexicon& lx, size_t i,
                   int64_t* value, size_t* end);

}  // namespace sitrep

#endif  // SITREP_EXTRACT_QUANTITY_PARSE_H_
