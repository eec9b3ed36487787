// Test helper: the compiled gazetteer, opened once per test binary.
#ifndef SITREP_GEO_GAZETTEER_TEST_UTIL_H_
#define SITREP_GEO_GAZETTEER_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

// FindPlaces over `text` with the shared gazetteer, each mention shown by
// `show`; a test failure (and nothing) when the gazetteer cannot be opened.
inline std::vector<std::string> ShowPlaces(
    std::string_view text,
    const std::function<std::string(const PlaceMention&)>& show) {
  const Gazetteer* g = TestGazetteer();
  if (g == nullptr) {
    ADD_FAILURE() << "cannot open " << GazetteerTestPath();
    return {};
  }
  std::vector<std::string> out;
  for (const PlaceMention& m : g->FindPlaces(text)) out.push_back(show(m));
  return out;
}

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GAZETTEER_TEST_UTIL_H_
