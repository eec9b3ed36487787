// Embedded lexicons: every data/lexicon/*.tsv compiled into the binary.
//
// tools/lexicon_data.cmake turns each file into a string constant at build
// time (re-run whenever a TSV changes; a new TSV is picked up at the next
// configure, which the CONFIGURE_DEPENDS glob triggers automatically).
//
// Thread safety: immutable static data. Costs: O(number of files) per lookup.
#ifndef SITREP_EXTRACT_LEXICON_DATA_H_
#define SITREP_EXTRACT_LEXICON_DATA_H_

#include <string_view>
#include <vector>

namespace sitrep {

// Contents of data/lexicon/<name> (e.g. "numbers.tsv") as it was at build
// time; empty when no such file was embedded. The view is valid forever.
std::string_view EmbeddedLexicon(std::string_view name);

// Names of every embedded file ("dates.tsv", "numbers.tsv", ...), sorted.
std::vector<std::string_view> EmbeddedLexiconNames();

}  // namespace sitrep

#endif  // SITREP_EXTRACT_LEXICON_DATA_H_
