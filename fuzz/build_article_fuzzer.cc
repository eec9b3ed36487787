// Fuzzes BuildArticle (include/sitrep/ingest.h) on raw documents: the first
// input byte picks text or HTML and JSON Lines or file; the rest is the
// document. Checks every Article invariant (fuzz/fuzz_check.h).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "sitrep/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  if (size == 0) return 0;
  RawDocument doc;
  doc.id = "fuzz";
  doc.source_path = "fuzz.txt";
  doc.kind =
      (data[0] & 1) ? RawDocument::Kind::kHtml : RawDocument::Kind::kText;
  doc.container = (data[0] & 2) ? RawDocument::Container::kJsonl
                                : RawDocument::Container::kFile;
  if (data[0] & 4) doc.date = CivilDay{2020, 1, 26};
  doc.bytes.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  IngestLimits limits;
  limits.max_document_bytes = 1u << 20;
  Result<Article> article = BuildArticle(std::move(doc), limits);
  if (!article.ok()) return 0;
  fuzz::CheckArticle(*article);
  return 0;
}
