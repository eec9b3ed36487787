// Fixtures shared by the merge stage's tests: places, figures and mentions
// built in one line. Test-only.
#ifndef SITREP_MERGE_MERGE_TEST_UTIL_H_
#define SITREP_MERGE_MERGE_TEST_UTIL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/merge.h"

namespace sitrep::merge_test {

inline Location Place(const char* name, double lat, double lon) {
  Location l;
  l.name = name;
  l.country = "IQ";
  l.lat = lat;
  l.lon = lon;
  l.precision = "city";
  l.geonameid = static_cast<uint32_t>(lat * 1000 + lon);
  return l;
}

inline const Location kBaghdad = Place("Baghdad", 33.34058, 44.40088);
inline const Location kNasiriyah = Place("Nasiriyah", 31.05799, 46.25726);
inline const Location kNajaf = Place("Najaf", 32.02594, 44.34625);

inline Figure Fig(Outcome o, int64_t n, int sentence = 0,
                  const char* victims = "") {
  Figure f;
  f.outcome = o;
  f.count = Count{n, n, n};
  f.qualifier = "exact";
  f.victims = victims;
  f.sentence = sentence;
  return f;
}

inline Mention M(const char* article, const char* type, const Location& where,
                 CivilDay day, std::vector<Figure> figures, int sentence = 0) {
  Mention m;
  m.article_id = article;
  m.event_type = type;
  m.location = where;
  m.date = day;
  m.date_rule = day.valid() ? "weekday" : "none";
  m.figures = std::move(figures);
  m.sentences = {sentence};
  m.notes = std::string(article) + " sentence";
  return m;
}

inline constexpr char kExpl[] = "Explosions/Remote violence";
inline constexpr char kProt[] = "Protests";
inline const CivilDay kJan26{2020, 1, 26};
inline const CivilDay kJan27{2020, 1, 27};

}  // namespace sitrep::merge_test

#endif  // SITREP_MERGE_MERGE_TEST_UTIL_H_
