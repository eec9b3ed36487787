// Article: one news report as sitrep stores it.
//
// An Article holds the raw bytes as received (after decompression and UTF-8
// repair), the clean text the extractor reads, the offset map from clean
// text back to raw bytes, sentence spans, and the metadata found on the way
// (publication date with its origin, dateline, outlet, removed noise).
//
// Thread safety: a value type.
#ifndef SITREP_ARTICLE_H_
#define SITREP_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/civil_day.h"
#include "sitrep/offset_map.h"

namespace sitrep {

// Where an article's publication date came from. Never "today".
enum class DateOrigin {
  kNone,                  // "none": no evidence; the date stays null
  kMetadata,              // "metadata": a date field, meta tag or date line
  kDateline,              // "date-line": a dateline with a full date
  kDatelineInferredYear,  // "dateline+inferred-year": month/day from the
                          // dateline, year from other evidence in the text
  kCluster,               // "cluster": borrowed from duplicate articles
};
const char* DateOriginName(DateOrigin o);
std::optional<DateOrigin> ParseDateOrigin(std::string_view s);

// A piece of raw input removed during cleaning, kept because it may carry
// facts (a caption's date and place, a byline's outlet).
struct Removed {
  std::string kind;  // "shortcode", "directive-error", "repeated-line",
                     // "caption", "byline", "credit", "related-tail",
                     // "metadata-line", "metadata-line-bad-date",
                     // "dateline", "title", ...
  Span raw;          // span in Article::raw
  std::string text;  // the removed text (possibly shortened)
};

// `BAGHDAD, Jan 27 (Reuters) –`: place, outlet and a (partial) date.
struct Dateline {
  std::string place;   // as written, e.g. "BAGHDAD"
  std::string outlet;  // e.g. "Reuters"; may be empty
  CivilDay date;       // year often 0 (unknown)
  Span raw;            // span in Article::raw
};

struct Article {
  std::string id;           // file name without extensions, or JSONL `id`
  std::string source_path;  // file, "file:line" or "archive!member"
  std::string format;       // "text", "html", "jsonl-text", "jsonl-html"
  std::string url;
  std::string outlet;
  std::string title;
  std::optional<CivilDay> published;  // complete day, or nullopt
  DateOrigin date_origin = DateOrigin::kNone;
  std::optional<Dateline> dateline;

  std::string raw;                    // bytes as received (valid UTF-8)
  std::string text;                   // clean text (NFC)
  OffsetMap offsets;                  // text -> raw
  std::vector<Span> sentences;        // spans into `text`
  std::vector<Removed> removed;       // noise removed from `raw`
  std::vector<std::string> warnings;  // e.g. "invalid UTF-8 repaired"

  std::string content_hash;  // hex XXH3-128 of `raw`
};

}  // namespace sitrep

#endif  // SITREP_ARTICLE_H_
