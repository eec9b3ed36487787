// A tiny reader for sitrep's analyst-edited TSV lexicons.
//
// Lines are split on '\n' ("\r\n" accepted). Blank lines and lines whose
// first non-space character is '#' are skipped. Fields are split on tabs and
// trimmed of surrounding spaces; an empty line after trimming is skipped.
//
// Costs: one pass, one vector per row; the views point into the input.
// Thread safety: pure functions.
#ifndef SITREP_EXTRACT_TSV_H_
#define SITREP_EXTRACT_TSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

struct TsvRow {
  int line = 0;  // 1-based line number in the file, for error messages
  std::vector<std::string_view> fields;

  // Field `i`, or "" when the row is shorter.
  std::string_view at(size_t i) const {
    return i < fields.size() ? fields[i] : std::string_view();
  }
};

// Every data row of `text`. The views are valid as long as `text` is.
std::vector<TsvRow> ParseTsv(std::string_view text);

// Strips ASCII spaces (and \r) from both ends of `s`.
std::string_view TrimTsvField(std::string_view s);

// The text of lexicon file `name` ("numbers.tsv"): $SITREP_LEXICON_DIR/name
// when that variable is set and the file is readable (an analyst trying an
// edit without rebuilding), else the copy compiled into the binary ("" when
// there is none).
std::string LoadLexiconText(std::string_view name);

}  // namespace sitrep

#endif  // SITREP_EXTRACT_TSV_H_
