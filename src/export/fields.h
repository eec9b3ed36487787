// The flat, typed view of an Event shared by the CSV and GeoJSON writers:
// one value per CsvColumns() entry, in order.
#ifndef SITREP_EXPORT_FIELDS_H_
#define SITREP_EXPORT_FIELDS_H_

#include <string>
#include <vector>

#include "sitrep/export.h"

namespace sitrep::export_internal {

struct FieldValue {
  enum Type { kNull, kString, kNumber };
  Type type = kNull;
  std::string text;  // kNumber: the number as written (no quotes)
};

// REQUIRES: `out` is empty or sized CsvColumns().size(); it is overwritten.
void EventFields(const Event& e, const ExportOptions& options,
                 std::vector<FieldValue>* out);

// ACLED's precision codes: 1 = most precise, 3 = least; 0 = unknown.
int GeoPrecisionCode(const Event& e);
int TimePrecisionCode(const Event& e);

}  // namespace sitrep::export_internal

#endif  // SITREP_EXPORT_FIELDS_H_
