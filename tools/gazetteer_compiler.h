// The gazetteer compiler's shared parts (tools/gazetteer_compile*.cc): TSV
// and number helpers and the Compiler that turns the npm GeoNames data and
// data/geo/*.tsv into a geo::Builder. A build tool, single-threaded.
#ifndef SITREP_TOOLS_GAZETTEER_COMPILER_H_
#define SITREP_TOOLS_GAZETTEER_COMPILER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "geo/format.h"
#include "geo/normalize_internal.h"
#include "sitrep/gazetteer.h"

namespace sitrep::geo::compile {

using Fields = std::vector<std::string_view>;

// `line` cut at every `sep` (empty fields kept).
Fields Split(std::string_view line, char sep);
// The whole file, or kNotFound.
Result<std::string> ReadFile(const std::string& path);
// Rows of a TSV data file, without comments (#) and blank lines; the
// fields view `*buf`, which must outlive them.
Result<std::vector<Fields>> ReadTsv(const std::string& path, std::string* buf);
float ToFloat(std::string_view s);
uint32_t ToU32(std::string_view s);

struct AdminStats {
  double lat = 0, lon = 0;
  uint32_t n = 0;
  uint64_t population = 0;
  int64_t seat = -1;       // best PPLA (or PPLC) city
  bool seat_like = false;  // admin2: the seat is a PPLA2/PPLA/PPLC
};

class Compiler {
 public:
  Status Words(const std::string& path);
  Status Admin1Names(const std::string& path);
  Status Admin2Names(const std::string& path);
  Status Cities(const std::string& path);
  void Admin1Places();
  void Admin2Places();
  Status Countries(const std::string& path);
  Status Aliases(const std::string& path);
  Status Landmarks(const std::string& path);
  Status Write(const std::string& path) { return b_.Write(path); }
  Builder& builder() { return b_; }

 private:
  void AddName(std::string_view name, uint32_t place, uint32_t flags = 0) {
    b_.AddKey(NormalizePlaceKey(name), place, flags);
  }
  void AddAlternate(std::string_view alt, uint32_t place);
  void AddCity(const Fields& f);
  // Best place of `kind` under `name` (in `country` unless empty), or -1.
  int64_t FindPlace(std::string_view name, PlaceKind kind,
                    std::string_view country) const;

  Builder b_;
  std::unordered_map<std::string, std::string> admin1_names_;  // "IQ.09"
  std::map<std::string, std::string> admin2_names_;  // "PK.05.1164896"
  std::map<std::string, AdminStats> admin_stats_;
  std::map<std::string, AdminStats> admin2_stats_;
  std::unordered_map<std::string, uint64_t> country_pop_;
  std::unordered_map<std::string, uint32_t> country_place_;  // by cca2
  std::unordered_set<std::string> admin_suffixes_;
};

}  // namespace sitrep::geo::compile

#endif  // SITREP_TOOLS_GAZETTEER_COMPILER_H_
