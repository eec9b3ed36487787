// The analyst's report: ONE self-contained HTML file that works offline
// (every script, style sheet and the world map are inlined; the page makes
// no network request). It shows a map of the events (circles sized by
// fatalities, country outlines from Natural Earth via npm `world-atlas`), a
// timeline of events per day by type, running tallies over time by source,
// a filterable table (type, country, kind, date range, text) and, per event,
// the figures each source gives with the quoted sentence, disagreements
// flagged.
//
// The page script is web/report.js (styles web/report.css, skeleton
// web/report.html), compiled into the binary by tools/report_assets.cmake.
// It reads the events from the embedded <script type="application/json"
// id="sitrep-data"> (one EventToJsonLine object per event), or, when
// ReportOptions::api_url is set, fetches them from that URL (the live mode
// of `sitrep serve`). DOM hooks for tests: map markers are
// `circle.marker[data-event-id]`, table rows `tr.event-row[data-event-id]`.
//
// Thread safety: pure function. Costs: linear in the events' JSON size plus
// ~130 KB of inlined assets.
#ifndef SITREP_REPORT_H_
#define SITREP_REPORT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/merge.h"
#include "sitrep/status.h"

namespace sitrep {

struct ReportOptions {
  std::string title = "sitrep situation report";
  std::string subtitle;   // e.g. what corpus, what period
  std::string generated;  // shown as "generated ..." (the caller's clock)
  // ISO alpha-2 -> country name for display; unset: codes are shown.
  std::function<std::string(std::string_view)> country_name;
  // Live mode: non-empty = the page fetches its events from this URL (JSON
  // array, {"events": [...]} or JSON Lines) instead of embedding them.
  std::string api_url;
};

// Writes the report into *html. Fails (kInternal) only if the build lacks
// the page assets. The map lacks outlines, with a note, when the build had
// no node_modules/world-atlas (run scripts/setup).
Status WriteReport(const std::vector<Event>& events,
                   const ReportOptions& options, std::string* html);

}  // namespace sitrep

#endif  // SITREP_REPORT_H_
