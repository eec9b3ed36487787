// Fuzzes sentence splitting and tokenisation (include/sitrep/sentences.h):
// every span inside the text, sentences and tokens in order, no overlap.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "sitrep/sentences.h"
#include "sitrep/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  std::string text = RepairUtf8(fuzz::AsView(data, size), nullptr);
  std::vector<Span> sentences = SplitSentences(text);
  fuzz::CheckOrderedSpans(sentences, text.size());
  for (const Span& s : sentences) {
    FUZZ_CHECK(s.size() <= 2000 + 4);  // long sentences are cut at ~2,000 bytes
  }
  std::vector<Span> tokens = Tokenize(text);
  fuzz::CheckOrderedSpans(tokens, text.size());
  return 0;
}
