// The quantity and date recognisers over a tokenisation already made:
// AnalyzeSentence builds one QTokens per sentence and hands it to both
// (FindQuantities and FindDates each built their own). Internal to the
// extract stage.
//
// Results equal FindQuantities(text) / FindDates(text, reference) for the
// text `t` was built from: those are these on QTokens(text).
// Thread safety: pure functions.
#ifndef SITREP_EXTRACT_RECOGNISERS_H_
#define SITREP_EXTRACT_RECOGNISERS_H_

#include <optional>
#include <vector>

#include "extract/quantity_tokens.h"
#include "sitrep/date_expr.h"
#include "sitrep/quantity.h"

namespace sitrep {

std::vector<Quantity> FindQuantitiesIn(const QTokens& t);
std::vector<DateMention> FindDatesIn(const QTokens& t,
                                     std::optional<CivilDay> reference);

// The same without the scanners' skips (tokens no form can start with, a
// sentence without an ago unit, an absolute date's first token): the
// reference the skips are tested against.
std::vector<Quantity> FindQuantitiesPlainIn(const QTokens& t);
std::vector<DateMention> FindDatesPlainIn(const QTokens& t,
                                          std::optional<CivilDay> reference);

}  // namespace sitrep

#endif  // SITREP_EXTRACT_RECOGNISERS_H_
