// The report's page assets, compiled in by tools/report_assets.cmake from
// web/ (report.html, report.js, report.css) and node_modules
// (topojson-client.js, countries-110m.json). Returns "" for an asset the
// build did not have.
#ifndef SITREP_EXPORT_REPORT_ASSETS_H_
#define SITREP_EXPORT_REPORT_ASSETS_H_

#include <string_view>

namespace sitrep {

std::string_view ReportAsset(std::string_view name);

}  // namespace sitrep

#endif  // SITREP_EXPORT_REPORT_ASSETS_H_
