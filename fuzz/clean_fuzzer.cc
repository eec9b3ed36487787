// Fuzzes plain-text cleaning (include/sitrep/clean.h): noise removal,
// datelines, metadata lines, publication date; the clean text's offsets stay
// inside the input and removed spans lie in it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "sitrep/clean.h"
#include "sitrep/sentences.h"
#include "sitrep/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string input = RepairUtf8(fuzz::AsView(data, size), nullptr);
  CleanText clean = CleanPlainText(input);
  FUZZ_CHECK(IsValidUtf8(clean.text));
  fuzz::CheckOffsetMap(clean.offsets, clean.text.size(), input.size());
  for (const Removed& r : clean.removed) fuzz::CheckSpan(r.raw, input.size());
  if (clean.metadata_date) fuzz::CheckDay(*clean.metadata_date);
  if (clean.dateline) {
    fuzz::CheckSpan(clean.dateline->raw, input.size());
    fuzz::CheckDay(clean.dateline->date);
  }
  for (const CivilDay& d : clean.evidence_dates) fuzz::CheckDay(d);
  PublicationDate pub = ResolvePublicationDate(clean);
  if (pub.day) {
    FUZZ_CHECK(pub.day->complete());
    fuzz::CheckDay(*pub.day);
  }
  fuzz::CheckOrderedSpans(SplitSentences(clean.text), clean.text.size());
  return 0;
}
