// Fuzzes HTML main-text extraction (include/sitrep/html.h) on repaired bytes:
// no crash, budget errors instead of deep recursion, offsets inside the page.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "sitrep/html.h"
#include "sitrep/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string html = RepairUtf8(fuzz::AsView(data, size), nullptr);
  HtmlLimits limits;
  limits.max_depth = 200;  // the real default is 2000; smaller finds more
  Result<HtmlPage> page = ExtractHtml(html, limits);
  if (!page.ok()) return 0;
  FUZZ_CHECK(IsValidUtf8(page->text));
  FUZZ_CHECK(IsValidUtf8(page->title));
  fuzz::CheckOffsetMap(page->offsets, page->text.size(), html.size());
  if (page->published) fuzz::CheckDay(*page->published);
  // The real limits too (nesting between 200 and 2000 deep).
  Result<HtmlPage> full = ExtractHtml(html);
  if (full.ok()) {
    fuzz::CheckOffsetMap(full->offsets, full->text.size(), html.size());
  }
  return 0;
}
