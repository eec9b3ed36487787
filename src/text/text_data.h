// Data files of the text stage (data/text/*.tsv), embedded at build time by
// tools/text_data.cmake, and a reader for their tab-separated rows.
//
// Thread safety: File() returns static data; ForEachRow is a pure function.
#ifndef SITREP_SRC_TEXT_TEXT_DATA_H_
#define SITREP_SRC_TEXT_TEXT_DATA_H_

#include <array>
#include <cstddef>
#include <string_view>

namespace sitrep::text_data {

// Contents of data/text/<name> (e.g. "abbreviations.tsv") as embedded at
// build time; empty when there is no such file.
std::string_view File(std::string_view name);

// Calls fn(fields, count) for each row of a TSV text, skipping blank lines
// and lines starting with '#'. Up to kMaxFields fields; a row with more has
// the rest left in the last field.
inline constexpr size_t kMaxFields = 4;
template <typename Fn>
void ForEachRow(std::string_view tsv, Fn fn) {
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::array<std::string_view, kMaxFields> f{};
    size_t n = 0;
    while (n + 1 < kMaxFields) {
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) break;
      f[n++] = line.substr(0, tab);
      line.remove_prefix(tab + 1);
    }
    f[n++] = line;
    fn(f, n);
  }
}

}  // namespace sitrep::text_data

#endif  // SITREP_SRC_TEXT_TEXT_DATA_H_
