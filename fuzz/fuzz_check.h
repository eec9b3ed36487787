// Invariant checks shared by sitrep's libFuzzer targets (fuzz/*_fuzzer.cc).
//
// FUZZ_CHECK aborts with the failed condition and its location, so libFuzzer
// saves the input as a crash like any sanitizer report. The helpers check the
// structural invariants of the public types: spans inside their text, offset
// maps that stay inside the raw bytes, counts ordered low <= best <= high.
//
// Thread safety: stateless; fuzzers are single-threaded.
#ifndef SITREP_FUZZ_FUZZ_CHECK_H_
#define SITREP_FUZZ_FUZZ_CHECK_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/civil_day.h"
#include "sitrep/offset_map.h"
#include "sitrep/quantity.h"
#include "sitrep/utf8.h"

#define FUZZ_CHECK(cond)                                              \
  do {                                                                \
    if (!(cond)) {                                                    \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, \
                   __LINE__, #cond);                                  \
      std::abort();                                                   \
    }                                                                 \
  } while (0)

namespace sitrep::fuzz {

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// `s` lies inside a text of `size` bytes.
inline void CheckSpan(const Span& s, size_t size) {
  FUZZ_CHECK(s.begin <= s.end);
  FUZZ_CHECK(s.end <= size);
}

inline void CheckSpans(const std::vector<Span>& spans, size_t size) {
  for (const Span& s : spans) CheckSpan(s, size);
}

// Spans are inside the text, non-empty and in order without overlap.
inline void CheckOrderedSpans(const std::vector<Span>& spans, size_t size) {
  uint32_t prev_end = 0;
  for (const Span& s : spans) {
    CheckSpan(s, size);
    FUZZ_CHECK(s.begin < s.end);
    FUZZ_CHECK(s.begin >= prev_end);
    prev_end = s.end;
  }
}

// Every clean offset of a `clean_size`-byte text, and every clean span,
// maps back inside the `raw_size` raw bytes.
inline void CheckOffsetMap(const OffsetMap& map, size_t clean_size,
                           size_t raw_size) {
  // All offsets when small, else a stride (keeps big inputs fast).
  size_t step = clean_size <= 4096 ? 1 : clean_size / 4096;
  for (size_t c = 0; c < clean_size; c += step) {
    FUZZ_CHECK(map.ToRaw(static_cast<uint32_t>(c)) <= raw_size);
  }
  if (clean_size > 0) {
    Span whole = map.ToRaw(Span{0, static_cast<uint32_t>(clean_size)});
    CheckSpan(whole, raw_size);
  }
  uint32_t prev = 0;
  for (const OffsetMap::Anchor& a : map.anchors()) {
    FUZZ_CHECK(a.clean >= prev);  // sorted
    FUZZ_CHECK(a.raw <= raw_size);
    prev = a.clean;
  }
}

inline void CheckCount(const Count& c) {
  if (c.low && c.best) FUZZ_CHECK(*c.low <= *c.best);
  if (c.best && c.high) FUZZ_CHECK(*c.best <= *c.high);
  if (c.low && c.high) FUZZ_CHECK(*c.low <= *c.high);
  if (c.low) FUZZ_CHECK(*c.low >= 0);
  if (c.best) FUZZ_CHECK(*c.best >= 0);
}

// Fields in range; a complete day is a real day.
inline void CheckDay(const CivilDay& d) {
  FUZZ_CHECK(d.month >= 0 && d.month <= 12);
  FUZZ_CHECK(d.day >= 0 && d.day <= 31);
  if (d.complete()) FUZZ_CHECK(d.valid());
}

// The invariants of an Article as BuildArticle returns it.
inline void CheckArticle(const Article& a) {
  FUZZ_CHECK(IsValidUtf8(a.raw));
  FUZZ_CHECK(IsValidUtf8(a.text));
  CheckOffsetMap(a.offsets, a.text.size(), a.raw.size());
  CheckOrderedSpans(a.sentences, a.text.size());
  for (const Removed& r : a.removed) CheckSpan(r.raw, a.raw.size());
  if (a.dateline) {
    CheckSpan(a.dateline->raw, a.raw.size());
    CheckDay(a.dateline->date);
  }
  if (a.published) {
    FUZZ_CHECK(a.published->complete());
    CheckDay(*a.published);
    FUZZ_CHECK(a.date_origin != DateOrigin::kNone);
  }
  FUZZ_CHECK(a.content_hash.size() == 32);
}

}  // namespace sitrep::fuzz

#endif  // SITREP_FUZZ_FUZZ_CHECK_H_
