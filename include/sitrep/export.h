// Export: events as JSON Lines (the contract of shared/eval/FORMAT.md plus
// provenance), ACLED-compatible CSV and GeoJSON. Filters (event_filter.h)
// and the offline HTML report (report.h) are re-exported from here.
//
// JSON Lines fields: event_id, kind, event_type, sub_event_type, event_date
// (YYYY-MM-DD or null), date_rule, country, admin1, location, latitude,
// longitude, geo_precision, actor1, actor2, fatalities / injuries / missing /
// arrests ({low, best, high} or null), articles, n_sources, sources (per
// article: sentence spans, the sentence text and figures with raw byte
// spans, qualifier, victims, attribution), disagreements, notes; tallies add
// source and subject, aggregates add parts.
//
// CSV: ACLED's column names and meanings where ACLED has the column
// (kCsvColumns), then sitrep's extras; RFC 4180 quoting, CRLF line ends.
// `fatalities` follows ACLED's conservative convention (the lowest credible
// figure; 0 when no source gives one). GeoJSON: a FeatureCollection of
// Point features whose properties are the CSV fields, typed (numbers as
// numbers, empty as null). See doc/formats.md for every column.
//
// Thread safety: pure functions; the lookup functions in ExportOptions must
// be safe to call from the calling thread. Costs: linear in the output size.
#ifndef SITREP_EXPORT_H_
#define SITREP_EXPORT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/event_filter.h"
#include "sitrep/merge.h"
#include "sitrep/report.h"

namespace sitrep {

class Gazetteer;

// One event as a single JSON line (no trailing newline).
std::string EventToJsonLine(const Event& e);
// The same line appended to `*out` (a caller writing many lines reuses one
// buffer: no allocation per event).
void AppendEventJsonLine(const Event& e, std::string* out);

// Maps a key to a display name; returns "" when it has none.
using NameLookup = std::function<std::string(std::string_view)>;

struct ExportOptions {
  // ISO 3166-1 alpha-2 -> English country name, for the `country` column.
  // Unset (or ""): the column repeats the alpha-2 code.
  NameLookup country_name;
  // Article id -> outlet name, for the `source` column (ACLED lists the
  // outlets). Unset (or ""): the article id stands in for its outlet.
  NameLookup article_outlet;
};

// Country names from the gazetteer (Gazetteer::Country(iso)->name).
// REQUIRES: `gazetteer` outlives the returned function.
NameLookup CountryNamesFrom(const Gazetteer& gazetteer);

// The CSV header, in order: ACLED's columns then sitrep's extras.
const std::vector<std::string_view>& CsvColumns();

// Streaming CSV: the header line, then one line per event (CRLF ended).
void AppendCsvHeader(std::string* out);
void AppendCsvRow(const Event& e, const ExportOptions& options,
                  std::string* out);
// Header plus one row per event.
std::string EventsToCsv(const std::vector<Event>& events,
                        const ExportOptions& options = {});

// A GeoJSON FeatureCollection: one Point feature per event that has
// coordinates (feature id = event id). Events without coordinates are left
// out; their number is stored in `*omitted` (may be null) and in the
// collection's foreign member "sitrep_omitted".
std::string EventsToGeoJson(const std::vector<Event>& events,
                            const ExportOptions& options = {},
                            int* omitted = nullptr);

}  // namespace sitrep

#endif  // SITREP_EXPORT_H_
