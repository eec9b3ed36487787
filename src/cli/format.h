// Text formats the CLI writes: JSON Lines and CSV records of articles, and
// helpers for human-readable listings.
//
// Thread safety: pure functions.
#ifndef SITREP_CLI_FORMAT_H_
#define SITREP_CLI_FORMAT_H_

#include <string>
#include <string_view>

#include "sitrep/article.h"

namespace sitrep::cli {

// Appends one JSON object and '\n': id, date (YYYY-MM-DD or null),
// date_origin, title, outlet, url, text (the clean text).
void AppendArticleJsonl(const Article& a, std::string* out);

// The CSV header row and one record with the same fields as the JSON Lines
// output (date empty when unknown), RFC 4180: CRLF line ends, fields quoted
// when they hold a comma, quote, CR or LF, quotes doubled.
void AppendArticleCsvHeader(std::string* out);
void AppendArticleCsv(const Article& a, std::string* out);
void AppendCsvField(std::string_view field, std::string* out);

// `s` on one line: "\n", "\r" and "\t" written as those two-char escapes.
std::string OneLine(std::string_view s);

// A possibly partial day as "YYYY-MM-DD" with unknown parts as "x"s.
std::string PartialDay(const CivilDay& d);

// `s` as a table cell `width` characters wide: cut to at most `width`
// characters (never inside a UTF-8 sequence; combining marks ride with
// their letter), then padded with spaces. Characters are counted as code
// points other than combining marks, so "Al Kūt" is 6 wide whether its ū
// is one code point or two. REQUIRES: `s` is valid UTF-8.
std::string Cell(std::string_view s, size_t width);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_FORMAT_H_
