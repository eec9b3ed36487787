// Fixtures shared by the merge stage's tests: places, figures and mentions
// built in one line. Test-only.
#ifndef SITREP_MERGE_MERGE_TEST_UTIL_H_
#define SITREP_MERGE_MERGE_TEST_UTIL_H_

#include <cstdint>
#include <random>
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
  // Through int64_t: a southern or western place gives a negative sum,
  // which a double converts to uint32_t only undefinedly.
  l.geonameid = static_cast<uint32_t>(static_cast<int64_t>(lat * 1000 + lon));
  return l;
}

inline const Location kBaghdad = Place("Baghdad", 33.34058, 44.40088);
inline const Location kNasiriyah = Place("Nasiriyah", 31.05799, 46.25726);
inline const Location kNajaf = Place("Najaf", 32.02594, 44.34625);

// `l` told as a place of `country` (another scope).
inline Location InCountry(Location l, const char* country) {
  l.country = country;
  return l;
}

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

// Random mentions of five articles over four scopes (IQ, SO, NG and ""
// for no place): dated or undated, weak or not, and aggregates naming
// sentences of their article that other scopes' mentions may tell.
inline std::vector<Mention> RandomScopedMentions(std::mt19937& rng) {
  const Location places[] = {kBaghdad, InCountry(kNajaf, "SO"),
                             InCountry(kBaghdad, "NG")};
  const char* ids[] = {"a", "b", "c", "d", "e"};
  std::vector<Mention> ms;
  for (int i = 0; i < 30; ++i) {
    CivilDay day =
        rng() % 5 ? CivilDay{2020, 1, 24 + int(rng() % 4)} : CivilDay{};
    Mention m =
        M(ids[rng() % 5], rng() % 2 ? kExpl : kProt, places[rng() % 3], day,
          {Fig(Outcome::kKilled, 1 + rng() % 4)}, static_cast<int>(rng() % 5));
    if (rng() % 5 == 0) m.location.reset();
    m.raw_spans = {Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i)}};
    m.weak = rng() % 6 == 0;
    if (rng() % 4 == 0) {
      m.kind = MentionKind::kAggregate;
      m.parts = {static_cast<int>(rng() % 5), static_cast<int>(rng() % 5)};
    }
    ms.push_back(std::move(m));
  }
  return ms;
}

}  // namespace sitrep::merge_test

#endif  // SITREP_MERGE_MERGE_TEST_UTIL_H_
