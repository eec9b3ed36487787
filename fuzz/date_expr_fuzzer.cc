// Fuzzes the date-expression recogniser (include/sitrep/date_expr.h) with
// and without a reference day (taken from the first input bytes): spans
// inside the text, resolved days that exist.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz/fuzz_check.h"
#include "sitrep/date_expr.h"
#include "sitrep/utf8.h"

namespace {

void Check(std::string_view text, std::optional<sitrep::CivilDay> ref) {
  for (const sitrep::DateMention& m : sitrep::FindDates(text, ref)) {
    sitrep::fuzz::CheckSpan(m.span, text.size());
    FUZZ_CHECK(!m.span.empty());
    sitrep::fuzz::CheckDay(m.day);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  if (size < 3) return 0;
  // Reference day: year 1..9999 from two bytes, month and day in range.
  int year = 1 + ((data[0] << 8 | data[1]) % 9999);
  int month = 1 + data[2] % 12;
  int day = 1 + (data[2] >> 4) % DaysInMonth(year, month);
  std::string text = RepairUtf8(fuzz::AsView(data + 3, size - 3), nullptr);
  Check(text, std::nullopt);
  Check(text, CivilDay{year, month, day});
  return 0;
}
