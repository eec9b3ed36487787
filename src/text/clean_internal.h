// Internals of CleanPlainText: dates, outlets, noise patterns, captions,
// bylines, shortcodes and datelines, each recognised on one line of text.
// Not public API.
//
// Thread safety: the tables are built once on first use (thread-safe static
// initialisation) and immutable afterwards; the functions are pure.
#ifndef SITREP_SRC_TEXT_CLEAN_INTERNAL_H_
#define SITREP_SRC_TEXT_CLEAN_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/civil_day.h"

namespace sitrep::clean_internal {

// --- Dates (clean_dates.cc) ---------------------------------------------

// Month number of a month name or abbreviation ("Jan", "january", "Sept."),
// 0 when `word` is not one.
int MonthNumber(std::string_view word);

// Parses a date at the start of `s`: "January 26, 2020", "Jan. 26 2020",
// "26 January 2020", "2020-01-26", or partial "Jan 27" / "27 January"
// (year 0). Returns the bytes consumed, 0 when there is no date. The day and
// month are checked; a complete date must exist.
size_t ParseDate(std::string_view s, CivilDay* out);

// Appends every complete, valid date written out in `s` to `out`.
void FindFullDates(std::string_view s, std::vector<CivilDay>* out);
// The same, trying every byte (the plain reference FindFullDates is tested
// against).
void FindFullDatesPlain(std::string_view s, std::vector<CivilDay>* out);

// The leading metadata field of a scraped text: " date 2020-01-26 ...".
// Returns the bytes of `line` it spans (with following spaces), 0 if none.
// `out` gets the date: month-only for " date 2019-11" (day 0), and an empty
// CivilDay (year 0) for a date that does not exist (" date 2020-02-30"):
// the field is still metadata, but gives no date.
size_t ParseMetadataDate(std::string_view line, CivilDay* out);

// A line that is only a date with page furniture around it: "Friday,
// October 9, 2009", "Updated: 2008-09-07 11:35", "2019/11/14 | 18:15",
// "Jane Doe 3 minutes ago Mon 15th July 2019 | 02:18 PM" (words from
// data/text/date_line_words.tsv; at most a short byline beside a label or
// a time). Exactly one complete date; sets `*out` to it.
bool IsDateLine(std::string_view line, CivilDay* out);

// --- Outlets and noise (clean_lines.cc) ---------------------------------

// Canonical outlet name for `name` as written ("REUTERS" -> "Reuters",
// "Associated Press" -> "AP"), or "" when it is not a known outlet.
std::string_view CanonicalOutlet(std::string_view name);

enum class Match {
  kInline,
  kLine,
  kPrefix,
  kSuffix,
  kContains,
  kTail,
  kShortcode
};
struct NoisePattern {
  std::string_view kind;  // Removed::kind
  Match match;
  std::string_view text;
  size_t anchor = 0;       // RarestByte(text)
  size_t slot = SIZE_MAX;  // kContains: its bit in ContainsMask, if < 32
};
inline constexpr size_t kContainsSlots = 32;
const std::vector<NoisePattern>& NoisePatterns();

// The byte of `needle` (its index) rarest in English text: what a search
// for it had best look for. 0 for an empty needle.
size_t RarestByte(std::string_view needle);
// The rarest byte of `needle` other than needle[k] (k itself when the
// needle has one byte).
size_t SecondRarestByte(std::string_view needle, size_t k);

// Longest line a "contains" noise pattern removes (longer ones are text),
// and the longest such pattern searched with the others at once.
inline constexpr size_t kMaxContainsLine = 300;
inline constexpr size_t kMaxContainsPattern = 128;
// Bit `slot` for each "contains" pattern (with a slot) found in `line`
// (ASCII case-insensitive); all of them in one pass over a line of at most
// kMaxContainsLine bytes (32 starts at a time where the CPU has AVX2 and
// `allow_avx2`, else 16).
uint32_t ContainsMask(std::string_view line, bool allow_avx2 = true);

// ASCII case-insensitive search; npos when absent.
size_t FindNoCase(std::string_view hay, std::string_view needle,
                  size_t from = 0);
// The same, looking for needle[k] (REQUIRES: k < needle.size() unless the
// needle is empty): the search is quickest when that byte is rare.
size_t FindNoCaseAt(std::string_view hay, std::string_view needle, size_t from,
                    size_t k);
bool EqualsNoCase(std::string_view a, std::string_view b);

// From i (REQUIRES: i < end <= in.size()), the first byte at or after i
// that the cleaner's white-space collapsing must look at, or a byte before
// it within 16 of `end`: bytes that stay in a copied run are skipped,
// printable ASCII and a space before a byte above 0x20 other than 0x7F.
size_t SkipPlainBytes(std::string_view in, size_t i, size_t end);

// The whole-line noise pattern `line` matches (line, prefix, contains or
// tail), or nullptr.
const NoisePattern* MatchLinePattern(std::string_view line);

// A `[name attr=...]` shortcode, `[/name]` closer or block found in a line.
struct Shortcode {
  size_t begin = 0;
  size_t end = 0;
  std::string text;  // caption/credit attribute values, else the raw text
};
// Finds the next shortcode in `line` at or after `from`; false if none.
bool FindShortcode(std::string_view line, size_t from, Shortcode* out);

// Photo captions and credits: a line ending in "(Khalid Mohammed/AP)",
// "(AFP photo)", "REUTERS/Ahmed Dhahi" or "REUTERS./". Sets `*outlet` to
// the credited outlet when one is named.
bool IsCaptionLine(std::string_view line, std::string_view* outlet);

// "By Jane Doe, Reuters" and similar byline lines (not "By Saturday
// evening, ..."). Sets `*outlet` when the byline names one.
bool IsBylineLine(std::string_view line, std::string_view* outlet);

// --- Datelines (clean_dateline.cc) --------------------------------------

struct DatelineMatch {
  size_t length = 0;  // bytes of the line covered, separator included
  std::string_view place;
  std::string_view outlet;  // canonical when known, else as written
  CivilDay date;            // partial; zeros when absent
};
// Parses a dateline at the start of `line`: "BAGHDAD, Jan 27 (Reuters) –",
// "KUT, Iraq —", "WASHINGTON (AP) —", "Kabul, 3 May 2020 (AFP) -".
bool ParseDateline(std::string_view line, DatelineMatch* out);

// The first byte of `line` at or after i, before `limit` (REQUIRES: limit
// <= line.size()), that a dateline's separator search looks at: a bracket,
// '-', ':' or 0xE2 (the lead byte of a dash); `limit` if none.
size_t NextSeparatorByte(std::string_view line, size_t i, size_t limit);

}  // namespace sitrep::clean_internal

#endif  // SITREP_SRC_TEXT_CLEAN_INTERNAL_H_
