// Fuzzes place finding and name lookups (include/sitrep/gazetteer.h) over the
// compiled gazetteer ($SITREP_DATA_DIR/gazetteer.bin; fuzz/run.sh sets it).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz/fuzz_check.h"
#include "sitrep/gazetteer.h"
#include "sitrep/utf8.h"

namespace {

const sitrep::Gazetteer* Gaz() {
  static const sitrep::Gazetteer* gaz = [] {
    auto g = sitrep::Gazetteer::OpenDefault();
    if (!g.ok()) {
      std::fprintf(stderr, "gazetteer_fuzzer: %s (set SITREP_DATA_DIR)\n",
                   g.status().ToString().c_str());
      std::exit(1);
    }
    return g.value().release();
  }();
  return gaz;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  const Gazetteer* gaz = Gaz();
  std::string text = RepairUtf8(fuzz::AsView(data, size), nullptr);
  ResolveContext ctx;
  for (const PlaceMention& m : gaz->FindPlaces(text)) {
    fuzz::CheckSpan(m.span, text.size());
    FUZZ_CHECK(!m.span.empty());
    for (const Place& p : m.candidates) {
      FUZZ_CHECK(p.lat >= -90 && p.lat <= 90);
      FUZZ_CHECK(p.lon >= -180 && p.lon <= 180);
    }
    (void)Resolve(m, ctx);
  }
  (void)NormalizePlaceKey(text);
  if (text.size() <= 64) {
    (void)gaz->Lookup(text);
    (void)gaz->Country(text);
    (void)gaz->Admin1(text, "");
  }
  return 0;
}
