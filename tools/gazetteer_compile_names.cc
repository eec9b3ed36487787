// gazetteer_compile's country, alias and landmark names and its main();
// see tools/gazetteer_compile.cc.
#include <simdjson.h>

#include <chrono>
#include <cstdio>

#include "tools/gazetteer_compiler.h"

namespace sitrep::geo::compile {
namespace {

// English demonyms: `Iraqi`, plural `Iraqis`; "Antiguan, Barbudan" is two.
void AddDemonyms(Builder* b, std::string_view demonym, uint32_t id) {
  for (std::string_view d : Split(demonym, ',')) {
    while (!d.empty() && d.front() == ' ') d.remove_prefix(1);
    if (d.size() < 3) continue;
    b->AddKey(NormalizePlaceKey(d), id, kPostDemonym);
    char last = d.back();
    if (last != 's' && last != 'h' && !(d.size() > 3 && d.ends_with("ese"))) {
      b->AddKey(NormalizePlaceKey(std::string(d) + "s"), id, kPostDemonym);
    }
  }
}

}  // namespace

Status Compiler::Countries(const std::string& path) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  simdjson::dom::array arr;
  if (parser.load(path).get(doc) || doc.get_array().get(arr)) {
    return Status::Corruption(path + ": not a JSON array (run scripts/setup?)");
  }
  for (simdjson::dom::element c : arr) {
    std::string_view common, official, cca2, cca3;
    if (c["name"]["common"].get(common) || c["cca2"].get(cca2) ||
        cca2.size() != 2) {
      continue;
    }
    PlaceRec r{};
    r.kind = static_cast<uint8_t>(PlaceKind::kCountry);
    r.tier = kTierCountry;
    r.name = b_.Intern(common);
    r.feature = b_.Intern("PCLI");
    r.country[0] = cca2[0];
    r.country[1] = cca2[1];
    r.population = static_cast<uint32_t>(
        std::min<uint64_t>(country_pop_[std::string(cca2)], ~0u));
    simdjson::dom::array ll;
    double lat = 0, lon = 0;
    if (!c["latlng"].get(ll) && ll.size() == 2) {
      if (ll.at(0).get(lat)) lat = 0;
      if (ll.at(1).get(lon)) lon = 0;
    }
    r.lat = static_cast<float>(lat);
    r.lon = static_cast<float>(lon);
    simdjson::dom::array caps;
    std::string_view cap;
    if (!c["capital"].get(caps) && caps.size() > 0 && !caps.at(0).get(cap)) {
      r.city = b_.Intern(cap);
    }
    uint32_t id = b_.AddPlace(r);
    country_place_[std::string(cca2)] = id;
    AddName(common, id);
    if (!c["name"]["official"].get(official)) AddName(official, id);
    simdjson::dom::array alts;
    if (!c["altSpellings"].get(alts)) {
      for (simdjson::dom::element a : alts) {
        std::string_view s;
        if (a.get(s) || HasNonLatinLetter(s)) continue;
        if (s.size() <= 3) continue;  // codes are added below
        AddName(s, id);
      }
    }
    b_.AddKey(NormalizePlaceKey(cca2), id, kPostCode);
    if (!c["cca3"].get(cca3)) b_.AddKey(NormalizePlaceKey(cca3), id, kPostCode);
    for (const char* g : {"m", "f"}) {
      std::string_view d;
      if (!c["demonyms"]["eng"][g].get(d)) AddDemonyms(&b_, d, id);
    }
  }
  return Status::OK();
}

// aliases.tsv: alias, kind (country|demonym|admin1|city), target
// (cca2, cca2.admin1 code, or GeoNames id).
Status Compiler::Aliases(const std::string& path) {
  std::string buf;
  SITREP_ASSIGN_OR_RETURN(auto rows, ReadTsv(path, &buf));
  for (const Fields& f : rows) {
    if (f.size() < 3) return Status::InvalidArgument(path + ": short row");
    std::string_view kind = f[1], target = f[2];
    int64_t id = -1;
    uint32_t flags = 0;
    if (kind == "country" || kind == "demonym") {
      auto it = country_place_.find(std::string(target));
      if (it != country_place_.end()) id = it->second;
      if (kind == "demonym") flags = kPostDemonym;
    } else if (kind == "admin1" && target.size() > 3) {
      std::string code(target.substr(3));
      for (uint32_t i = 0; i < b_.num_places() && id < 0; ++i) {
        const PlaceRec& r = b_.place(i);
        if (r.kind == static_cast<uint8_t>(PlaceKind::kAdmin1) &&
            std::string_view(r.country, 2) == target.substr(0, 2) &&
            b_.Str(r.admin1_code) == code) {
          id = i;
        }
      }
    } else if (kind == "city") {
      uint32_t gid = ToU32(target);
      for (uint32_t i = 0; i < b_.num_places() && id < 0; ++i) {
        if (b_.place(i).geonameid == gid) id = i;
      }
    }
    if (id < 0) {
      return Status::InvalidArgument(path + ": unknown target " +
                                     std::string(target));
    }
    b_.AddKey(NormalizePlaceKey(f[0]), static_cast<uint32_t>(id), flags);
  }
  return Status::OK();
}

// landmarks.tsv: name, aliases (|), country, lat, lon, containing city.
Status Compiler::Landmarks(const std::string& path) {
  std::string buf;
  SITREP_ASSIGN_OR_RETURN(auto rows, ReadTsv(path, &buf));
  for (const Fields& f : rows) {
    if (f.size() < 6) return Status::InvalidArgument(path + ": short row");
    PlaceRec r{};
    r.kind = static_cast<uint8_t>(PlaceKind::kLandmark);
    r.tier = kTierLandmark;
    r.name = b_.Intern(f[0]);
    r.feature = b_.Intern("LMK");
    r.country[0] = f[2].size() == 2 ? f[2][0] : 0;
    r.country[1] = f[2].size() == 2 ? f[2][1] : 0;
    r.lat = ToFloat(f[3]);
    r.lon = ToFloat(f[4]);
    r.city = b_.Intern(f[5]);
    int64_t city = FindPlace(f[5], PlaceKind::kCity, f[2]);
    if (city < 0) {
      return Status::InvalidArgument(path + ": unknown city " +
                                     std::string(f[5]));
    }
    const PlaceRec& c = b_.place(city);
    r.admin1_code = c.admin1_code;
    r.admin1_name = c.admin1_name;
    r.admin2_code = c.admin2_code;
    r.population = c.population;
    uint32_t id = b_.AddPlace(r);
    AddName(f[0], id);
    for (std::string_view a : Split(f[1], '|')) {
      if (!a.empty()) AddName(a, id);
    }
  }
  return Status::OK();
}

namespace {

struct Args {
  std::map<std::string, std::string> v;
  std::string Get(const std::string& k) const {
    auto it = v.find(k);
    return it == v.end() ? "" : it->second;
  }
};

Status Run(const Args& a) {
  for (const char* k : {"--cities", "--admin1", "--admin2", "--countries",
                        "--landmarks", "--aliases", "--words", "--out"}) {
    if (a.Get(k).empty())
      return Status::InvalidArgument(std::string("missing ") + k);
  }
  auto t0 = std::chrono::steady_clock::now();
  Compiler c;
  SITREP_RETURN_IF_ERROR(c.Words(a.Get("--words")));
  SITREP_RETURN_IF_ERROR(c.Admin1Names(a.Get("--admin1")));
  SITREP_RETURN_IF_ERROR(c.Cities(a.Get("--cities")));
  SITREP_RETURN_IF_ERROR(c.Admin2Names(a.Get("--admin2")));
  c.Admin1Places();
  c.Admin2Places();
  SITREP_RETURN_IF_ERROR(c.Countries(a.Get("--countries")));
  SITREP_RETURN_IF_ERROR(c.Landmarks(a.Get("--landmarks")));
  SITREP_RETURN_IF_ERROR(c.Aliases(a.Get("--aliases")));
  SITREP_RETURN_IF_ERROR(c.Write(a.Get("--out")));
  double s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  std::fprintf(stderr, "gazetteer_compile: %zu places, %zu keys in %.1f s\n",
               c.builder().num_places(), c.builder().num_keys(), s);
  return Status::OK();
}

}  // namespace
}  // namespace sitrep::geo::compile

int main(int argc, char** argv) {
  sitrep::geo::compile::Args a;
  for (int i = 1; i + 1 < argc; i += 2) a.v[argv[i]] = argv[i + 1];
  sitrep::Status s = sitrep::geo::compile::Run(a);
  if (!s.ok()) {
    std::fprintf(stderr, "gazetteer_compile: %s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}
