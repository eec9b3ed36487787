// Fuzzes UTF-8 repair, binary detection and NFC normalisation
// (include/sitrep/utf8.h) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "sitrep/offset_map.h"
#include "sitrep/utf8.h"

namespace {

bool StartsWithBom(std::string_view s) {
  return s.starts_with("\xEF\xBB\xBF") || s.starts_with("\xFF\xFE") ||
         s.starts_with("\xFE\xFF");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string_view in = fuzz::AsView(data, size);
  (void)LooksBinary(in);
  size_t repairs = 0;
  std::string repaired = RepairUtf8(in, &repairs);
  FUZZ_CHECK(IsValidUtf8(repaired));
  // Valid input without a byte-order mark comes back unchanged.
  if (IsValidUtf8(in) && !StartsWithBom(in)) {
    FUZZ_CHECK(repairs == 0);
    FUZZ_CHECK(repaired == in);
  }
  // Repair is idempotent.
  size_t again = 0;
  FUZZ_CHECK(RepairUtf8(repaired, &again) == repaired ||
             StartsWithBom(repaired));

  OffsetMap map;
  std::string nfc = NormalizeNfc(repaired, &map);
  FUZZ_CHECK(IsValidUtf8(nfc));
  fuzz::CheckOffsetMap(map, nfc.size(), repaired.size());
  // NFC is idempotent.
  FUZZ_CHECK(NormalizeNfc(nfc, nullptr) == nfc);
  return 0;
}
