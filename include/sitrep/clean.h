// Cleaning: from a raw plain-text article (or text extracted from HTML) to
// the clean text the extractor reads, with scraper noise removed and the
// metadata it carried kept.
//
// Removed: `[shortcode ...]` blocks, `[an error occurred while processing
// the directive]`, lines repeated within the article (the first is kept),
// photo captions and credits such as `(Khalid Mohammed/AP)`, bylines and
// `(Reporting by ...; Editing by ...)`, `Related news` tails, the leading
// ` date YYYY-MM-DD` metadata line and the dateline prefix. Each removal is
// recorded as a Removed with its raw span.
//
// Costs: linear in the input size. Thread safety: pure functions.
#ifndef SITREP_CLEAN_H_
#define SITREP_CLEAN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/civil_day.h"
#include "sitrep/offset_map.h"

namespace sitrep {

struct CleanText {
  std::string text;              // clean text, NFC, paragraphs split by "\n\n"
  OffsetMap offsets;             // text -> input bytes
  std::vector<Removed> removed;  // spans in the input
  std::optional<CivilDay> metadata_date;  // ` date 2020-01-26`
  std::optional<Dateline> dateline;       // `BAGHDAD, Jan 27 (Reuters) –`
  std::string title;                      // a repeated title line, if any
  std::string outlet;  // from the dateline, byline or credits, if any
  // Years seen as evidence outside the dateline (caption dates such as
  // `January 26, 2020`), used to infer a dateline's missing year.
  std::vector<CivilDay> evidence_dates;
};

// REQUIRES: `input` is valid UTF-8.
CleanText CleanPlainText(std::string_view input);

// Publication date from what cleaning found: the metadata line, else a full
// dateline date, else dateline month/day with the year inferred from
// evidence dates (the latest evidence date on or before the dateline day
// within a year), else nothing. Never today's date.
struct PublicationDate {
  std::optional<CivilDay> day;
  DateOrigin origin = DateOrigin::kNone;
};
PublicationDate ResolvePublicationDate(const CleanText& clean);

}  // namespace sitrep

#endif  // SITREP_CLEAN_H_
