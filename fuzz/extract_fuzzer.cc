// Whole-pipeline fuzzer: BuildArticle on a plain-text document, then
// Extractor::Extract with the gazetteer. Checks the article invariants and
// every mention's figures, spans and sentence indices.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz/fuzz_check.h"
#include "sitrep/extract.h"
#include "sitrep/gazetteer.h"
#include "sitrep/ingest.h"

namespace {

const sitrep::Extractor* Ext() {
  static const sitrep::Extractor* ext = [] {
    auto g = sitrep::Gazetteer::OpenDefault();
    if (!g.ok()) {
      std::fprintf(stderr, "extract_fuzzer: %s (set SITREP_DATA_DIR)\n",
                   g.status().ToString().c_str());
      std::exit(1);
    }
    auto e = sitrep::Extractor::Create(g.value().release());
    if (!e.ok()) {
      std::fprintf(stderr, "extract_fuzzer: %s\n",
                   e.status().ToString().c_str());
      std::exit(1);
    }
    return e.value().release();
  }();
  return ext;
}

void CheckMention(const sitrep::Mention& m, const sitrep::Article& a) {
  using namespace sitrep;
  int n = static_cast<int>(a.sentences.size());
  for (int s : m.sentences) FUZZ_CHECK(s >= 0 && s < n);
  for (int s : m.parts) FUZZ_CHECK(s >= 0 && s < n);
  fuzz::CheckSpans(m.raw_spans, a.raw.size());
  for (const Figure& f : m.figures) {
    fuzz::CheckCount(f.count);
    fuzz::CheckSpan(f.span, a.text.size());
    fuzz::CheckSpan(f.raw_span, a.raw.size());
    FUZZ_CHECK(f.sentence >= -1 && f.sentence < n);
    // A figure over a million is never a trusted count.
    if (f.count.best && *f.count.best > 1000000) FUZZ_CHECK(f.implausible);
  }
  if (m.location) {
    fuzz::CheckSpan(m.location->span, a.text.size());
  }
  if (m.date.complete()) FUZZ_CHECK(m.date.valid());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  const Extractor* ext = Ext();
  RawDocument doc;
  doc.id = "fuzz";
  doc.source_path = "fuzz.txt";
  doc.bytes.assign(reinterpret_cast<const char*>(data), size);
  Result<Article> article = BuildArticle(std::move(doc), IngestLimits());
  if (!article.ok()) return 0;
  fuzz::CheckArticle(*article);
  for (const Mention& m : ext->Extract(*article)) CheckMention(m, *article);
  return 0;
}
