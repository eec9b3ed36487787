// Export: events as JSON Lines (the contract of shared/eval/FORMAT.md plus
// provenance), ACLED-style CSV and GeoJSON.
//
// JSON Lines fields: event_id, kind, event_type, sub_event_type, event_date
// (YYYY-MM-DD or null), date_rule, country, admin1, location, latitude,
// longitude, geo_precision, actor1, actor2, fatalities / injuries / missing /
// arrests ({low, best, high} or null), articles, n_sources, sources (per
// article: sentence spans and figures with raw byte spans, qualifier,
// victims, attribution), disagreements, notes; tallies add source and
// subject, aggregates add parts. See doc/formats.md.
//
// Thread safety: pure functions.
#ifndef SITREP_EXPORT_H_
#define SITREP_EXPORT_H_

#include <string>

#include "sitrep/merge.h"

namespace sitrep {

// One event as a single JSON line (no trailing newline).
std::string EventToJsonLine(const Event& e);

}  // namespace sitrep

#endif  // SITREP_EXPORT_H_
