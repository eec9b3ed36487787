#include "export/fields.h"

#include <cstdio>
#include <set>

#include "sitrep/gazetteer.h"

namespace sitrep {
namespace export_internal {
namespace {

// Column indices into CsvColumns(); kept in step by a test.
enum Col {
  kEventId,
  kEventDate,
  kYear,
  kTimePrecision,
  kEventType,
  kSubEventType,
  kActor1,
  kActor2,
  kCountry,
  kIso,
  kAdmin1,
  kAdmin2,
  kLocation,
  kLatitude,
  kLongitude,
  kGeoPrecision,
  kSource,
  kNotes,
  kFatalities,
  kFatalitiesLow,
  kFatalitiesBest,
  kFatalitiesHigh,
  kInjuriesLow,
  kInjuriesBest,
  kInjuriesHigh,
  kArrestsLow,
  kArrestsBest,
  kArrestsHigh,
  kMissingLow,
  kMissingBest,
  kMissingHigh,
  kNSources,
  kNArticles,
  kArticles,
  kKind,
  kDisagreements,
  kNumCols
};

void Str(FieldValue* f, std::string s) {
  f->type = s.empty() ? FieldValue::kNull : FieldValue::kString;
  f->text = std::move(s);
}

void Num(FieldValue* f, int64_t v) {
  f->type = FieldValue::kNumber;
  f->text = std::to_string(v);
}

void OptNum(FieldValue* f, std::optional<int64_t> v) {
  if (v) return Num(f, *v);
  f->type = FieldValue::kNull;
  f->text.clear();
}

void Coord(FieldValue* f, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", v);
  f->type = FieldValue::kNumber;
  f->text = buf;
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// ACLED's `source`: the outlets reporting the event (tallies: who counts).
std::string Sources(const Event& e, const ExportOptions& o) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  auto add = [&](std::string s) {
    if (!s.empty() && seen.insert(s).second) names.push_back(std::move(s));
  };
  if (e.kind == MentionKind::kTally) add(e.source);
  for (const auto& a : e.articles) {
    std::string outlet = o.article_outlet ? o.article_outlet(a) : "";
    add(outlet.empty() ? a : outlet);
  }
  return Join(names, "; ");
}

// ACLED's conservative figure: the lowest credible one, 0 when none.
int64_t Conservative(const std::optional<Count>& c) {
  if (!c) return 0;
  if (c->low) return *c->low;
  if (c->best) return *c->best;
  return c->high.value_or(0);
}

void Place(const Event& e, const ExportOptions& o, std::vector<FieldValue>& v) {
  if (!e.location) return;
  const Location& l = *e.location;
  std::string name =
      o.country_name && !l.country.empty() ? o.country_name(l.country) : "";
  Str(&v[kCountry], name.empty() ? l.country : name);
  Str(&v[kIso], l.country);
  Str(&v[kAdmin1], l.admin1);
  Str(&v[kLocation], l.name);
  if (l.lat != 0 || l.lon != 0) {
    Coord(&v[kLatitude], l.lat);
    Coord(&v[kLongitude], l.lon);
  }
  if (int g = GeoPrecisionCode(e)) Num(&v[kGeoPrecision], g);
}

}  // namespace

int GeoPrecisionCode(const Event& e) {
  if (!e.location) return 0;
  const std::string& p = e.location->precision;
  if (p == "city" || p == "landmark") return 1;
  if (p == "admin1" || p == "admin2") return 2;
  if (p == "country") return 3;
  return 0;
}

int TimePrecisionCode(const Event& e) {
  if (!e.date.complete()) return e.date.year ? 3 : 0;
  int code = 1;
  for (const auto& m : e.mentions) {
    if (m.date == e.date && m.date_precision == DatePrecision::kDay &&
        m.date_rule != "article" && m.date_rule != "none") {
      return 1;  // some source states the day itself
    }
    int c = m.date_precision == DatePrecision::kDay    ? 2
            : m.date_precision == DatePrecision::kWeek ? 2
                                                       : 3;
    code = std::max(code, c);
  }
  return code;
}

void EventFields(const Event& e, const ExportOptions& o,
                 std::vector<FieldValue>* out) {
  std::vector<FieldValue>& v = *out;
  v.assign(kNumCols, FieldValue{});
  Str(&v[kEventId], e.id);
  if (e.date.year) {
    Str(&v[kEventDate], e.date.ToIso());
    Num(&v[kYear], e.date.year);
  }
  if (int t = TimePrecisionCode(e)) Num(&v[kTimePrecision], t);
  Str(&v[kEventType], e.event_type);
  Str(&v[kSubEventType], e.sub_event_type);
  Str(&v[kActor1], e.actor1);
  Str(&v[kActor2], e.actor2);
  Place(e, o, v);
  Str(&v[kSource], Sources(e, o));
  Str(&v[kNotes], e.notes);
  const auto& killed = e.counts[static_cast<int>(Outcome::kKilled)];
  Num(&v[kFatalities], Conservative(killed));
  const Outcome order[] = {Outcome::kKilled, Outcome::kInjured,
                           Outcome::kArrested, Outcome::kMissing};
  for (int i = 0; i < 4; ++i) {
    const auto& c = e.counts[static_cast<int>(order[i])];
    OptNum(&v[kFatalitiesLow + 3 * i], c ? c->low : std::nullopt);
    OptNum(&v[kFatalitiesLow + 3 * i + 1], c ? c->best : std::nullopt);
    OptNum(&v[kFatalitiesLow + 3 * i + 2], c ? c->high : std::nullopt);
  }
  Num(&v[kNSources], e.n_sources);
  Num(&v[kNArticles], static_cast<int64_t>(e.articles.size()));
  Str(&v[kArticles], Join(e.articles, "; "));
  Str(&v[kKind], MentionKindName(e.kind));
  Str(&v[kDisagreements], Join(e.disagreements, " | "));
}

}  // namespace export_internal

const std::vector<std::string_view>& CsvColumns() {
  static const std::vector<std::string_view> kCols = {"event_id_cnty",
                                                      "event_date",
                                                      "year",
                                                      "time_precision",
                                                      "event_type",
                                                      "sub_event_type",
                                                      "actor1",
                                                      "actor2",
                                                      "country",
                                                      "iso",
                                                      "admin1",
                                                      "admin2",
                                                      "location",
                                                      "latitude",
                                                      "longitude",
                                                      "geo_precision",
                                                      "source",
                                                      "notes",
                                                      "fatalities",
                                                      "fatalities_low",
                                                      "fatalities_best",
                                                      "fatalities_high",
                                                      "injuries_low",
                                                      "injuries_best",
                                                      "injuries_high",
                                                      "arrests_low",
                                                      "arrests_best",
                                                      "arrests_high",
                                                      "missing_low",
                                                      "missing_best",
                                                      "missing_high",
                                                      "n_sources",
                                                      "n_articles",
                                                      "articles",
                                                      "kind",
                                                      "disagreements"};
  return kCols;
}

NameLookup CountryNamesFrom(const Gazetteer& gazetteer) {
  return [&gazetteer](std::string_view iso) -> std::string {
    auto p = gazetteer.Country(iso);
    return p && p->kind == PlaceKind::kCountry ? p->name : std::string();
  };
}

}  // namespace sitrep
