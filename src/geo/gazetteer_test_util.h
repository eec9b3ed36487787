// Test helper: the compiled gazetteer, opened once per test binary.
#ifndef SITREP_GEO_GAZETTEER_TEST_UTIL_H_
#define SITREP_GEO_GAZETTEER_TEST_UTIL_H_

#include <cstdlib>
#include <memory>
#include <string>

#include "common/test_paths.h"
#include "sitrep/gazetteer.h"

namespace sitrep::geo {

inline std::string GazetteerTestPath() {
  if (const char* d = std::getenv("SITREP_DATA_DIR"); d && *d) {
    return std::string(d) + "/gazetteer.bin";
  }
  return test_paths::BinaryPath("/data/gazetteer.bin");
}

// The shared instance; nullptr (and a message) if the file cannot be opened.
inline const Gazetteer* TestGazetteer() {
  static const Gazetteer* g = [] {
    auto r = Gazetteer::Open(GazetteerTestPath());
    return r.ok() ? std::move(r).value().release() : nullptr;
  }();
  return g;
}

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GAZETTEER_TEST_UTIL_H_
