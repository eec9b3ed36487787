// Cleaning: from a raw plain-text article (or text extracted from HTML) to
// the clean text the extractor reads, with scraper noise removed and the
// metadata it carried kept.
//
// A line-based pass over the input, built with a TextBuilder so every clean
// byte maps back to the input (CleanText::offsets), then NFC (NormalizeNfc,
// maps composed with OffsetMap::Then). Each removal is recorded as a Removed
// whose `raw` span is in the input; Removed::kind is one of:
//   "metadata-line"   the leading ` date 2020-01-26` field (the rest of that
//                     line is article text)
//   "shortcode"       `[aesop_image ... credit="..."]`,
//   `[caption]..[/caption]`;
//                     Removed::text holds the caption/credit attribute text
//   "directive-error" `[an error occurred while processing the directive]`
//   "caption"         photo captions/credits: `... (Khalid Mohammed/AP)`,
//                     `(AFP photo)`, `... REUTERS./`, `Photo: ...`
//   "byline"          `By Jane Doe, Reuters`, `(Reporting by ...; Editing by
//   ...)` "related-tail"    `Related news` / `Read more` and the headlines
//   after it "boilerplate"     `Advertisement`, `Copyright ...`, ... "title"
//   later copies of the first line (the title is kept once) "repeated-line"
//   later copies of any other line of 16+ bytes "dateline"        `BAGHDAD, Jan
//   27 (Reuters) –` at the start of one of the
//                     first three kept lines
//   "truncated"       input past the 256 MiB budget (not cleaned)
// The word lists live in data/text/ (noise_patterns.tsv, outlets.tsv,
// months.tsv), embedded at build time by tools/text_data.cmake.
//
// Output: paragraphs separated by "\n\n"; runs of white space (including
// NBSP) collapsed to one space; zero-width characters and control
// characters dropped; CRLF and CR line ends read as LF.
//
// Costs: linear in the input size (about 45 MB/s on news); hard budgets on
// input size and shortcode length. Thread safety: pure functions.
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
  // Canonical outlet (outlets.tsv) from the dateline, else the byline, else
  // photo credits (`REUTERS/...` -> Reuters, `/AP)` -> AP); may be empty.
  std::string outlet;
  // Complete dates written out in captions and shortcodes (first) and in the
  // clean text (then), such as `January 26, 2020`, used to infer a
  // dateline's missing year.
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
