// EventFilter: which events an export, the report or the REST API returns.
//
// Every criterion that is set must hold (AND); within a list criterion any
// value may match (OR). Query keys, as used by the CLI and `/api/events`:
//   country=IQ,SY           ISO 3166-1 alpha-2, case-insensitive
//   type=Protests           event_type or sub_event_type, case-insensitive
//   from=2020-01-01         event day >= from (inclusive)
//   to=2020-01-31           event day <= to (inclusive)
//   bbox=min_lon,min_lat,max_lon,max_lat   (min_lon > max_lon: crosses 180)
//   kind=incident,tally     incident | aggregate | tally
//   q=Nasiriyah             case-insensitive (ASCII) substring of the id,
//                           notes, location, admin1, actors or tally source
// An event without a (complete) date fails `from`/`to`; one without a
// location fails `country`/`bbox`; one without coordinates fails `bbox`.
//
// Thread safety: a value type; Matches() is const and thread-safe.
// Costs: Matches() is O(criteria) plus the substring search for `q`.
#ifndef SITREP_EVENT_FILTER_H_
#define SITREP_EVENT_FILTER_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/civil_day.h"
#include "sitrep/merge.h"
#include "sitrep/status.h"

namespace sitrep {

struct BBox {
  double min_lon = -180, min_lat = -90, max_lon = 180, max_lat = 90;
  bool Contains(double lon, double lat) const;
};

struct EventFilter {
  std::vector<std::string> countries;  // upper-case alpha-2; empty = any
  std::vector<std::string> types;      // lower-cased; empty = any
  std::optional<CivilDay> from, to;    // inclusive
  std::optional<BBox> bbox;
  std::vector<MentionKind> kinds;  // empty = any
  std::string text;                // lower-cased; empty = any

  bool empty() const;
  bool Matches(const Event& e) const;

  // From key/value pairs (keys above). Unknown keys, malformed values and
  // from > to are InvalidArgument naming the key. Empty values are ignored.
  static Result<EventFilter> Parse(
      const std::vector<std::pair<std::string, std::string>>& params);
  // From a URL query string ("country=IQ&from=2020-01-01"; '+' and %XX are
  // decoded; a leading '?' is skipped). REQUIRES nothing; at most 8 KiB.
  static Result<EventFilter> ParseQuery(std::string_view query);
};

// Events that match, in their order.
std::vector<Event> FilterEvents(const std::vector<Event>& events,
                                const EventFilter& filter);

}  // namespace sitrep

#endif  // SITREP_EVENT_FILTER_H_
