// Fuzzes the quantity recogniser (include/sitrep/quantity.h): spans inside
// the text, counts ordered low <= best <= high, huge figures flagged.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "sitrep/quantity.h"
#include "sitrep/utf8.h"

namespace {

void CheckQuantity(const sitrep::Quantity& q, size_t size) {
  sitrep::fuzz::CheckSpan(q.span, size);
  FUZZ_CHECK(!q.span.empty());
  sitrep::fuzz::CheckCount(q.count);
  // Figures over a million are flagged implausible, never trusted silently.
  if (q.count.best && *q.count.best > 1000000) FUZZ_CHECK(q.implausible);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string text = RepairUtf8(fuzz::AsView(data, size), nullptr);
  for (const Quantity& q : FindQuantities(text)) CheckQuantity(q, text.size());
  if (std::optional<Quantity> q = ParseQuantity(text)) {
    CheckQuantity(*q, text.size());
  }
  return 0;
}
