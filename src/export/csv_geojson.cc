// ACLED-compatible CSV (RFC 4180) and GeoJSON writers over EventFields().
#include <cstdlib>

#include "export/fields.h"
#include "sitrep/json_writer.h"

namespace sitrep {
namespace {

using export_internal::FieldValue;

// RFC 4180: quote a field holding a comma, quote, CR or LF; double quotes.
void AppendCsvField(std::string_view s, std::string* out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendFeature(const Event& e, const std::vector<FieldValue>& v,
                   JsonWriter& w) {
  const auto& cols = CsvColumns();
  w.BeginObject();
  w.Key("type");
  w.String("Feature");
  w.Key("id");
  w.String(e.id);
  w.Key("geometry");
  w.BeginObject();
  w.Key("type");
  w.String("Point");
  w.Key("coordinates");
  w.BeginArray();
  w.Double(e.location->lon);
  w.Double(e.location->lat);
  w.EndArray();
  w.EndObject();
  w.Key("properties");
  w.BeginObject();
  for (size_t i = 0; i < cols.size(); ++i) {
    w.Key(cols[i]);
    if (v[i].type == FieldValue::kNull) {
      w.Null();
    } else if (v[i].type == FieldValue::kNumber) {
      w.Double(std::strtod(v[i].text.c_str(), nullptr));
    } else {
      w.String(v[i].text);
    }
  }
  w.EndObject();
  w.EndObject();
}

bool HasCoordinates(const Event& e) {
  return e.location && (e.location->lat != 0 || e.location->lon != 0);
}

}  // namespace

void AppendCsvHeader(std::string* out) {
  bool first = true;
  for (std::string_view c : CsvColumns()) {
    if (!first) out->push_back(',');
    first = false;
    out->append(c);
  }
  out->append("\r\n");
}

void AppendCsvRow(const Event& e, const ExportOptions& options,
                  std::string* out) {
  std::vector<FieldValue> v;
  export_internal::EventFields(e, options, &v);
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out->push_back(',');
    AppendCsvField(v[i].text, out);
  }
  out->append("\r\n");
}

std::string EventsToCsv(const std::vector<Event>& events,
                        const ExportOptions& options) {
  std::string out;
  AppendCsvHeader(&out);
  for (const Event& e : events) AppendCsvRow(e, options, &out);
  return out;
}

std::string EventsToGeoJson(const std::vector<Event>& events,
                            const ExportOptions& options, int* omitted) {
  std::string out;
  JsonWriter w(&out);
  int skipped = 0;
  std::vector<FieldValue> v;
  w.BeginObject();
  w.Key("type");
  w.String("FeatureCollection");
  w.Key("features");
  w.BeginArray();
  for (const Event& e : events) {
    if (!HasCoordinates(e)) {
      ++skipped;
      continue;
    }
    export_internal::EventFields(e, options, &v);
    AppendFeature(e, v, w);
  }
  w.EndArray();
  w.Key("sitrep_omitted");
  w.Int(skipped);
  w.EndObject();
  if (omitted) *omitted = skipped;
  return out;
}

}  // namespace sitrep
