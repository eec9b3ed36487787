#include "extract/tsv.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "extract/lexicon_data.h"

namespace sitrep {

std::string_view TrimTsvField(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\r' || c == '\t'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<TsvRow> ParseTsv(std::string_view text) {
  std::vector<TsvRow> rows;
  int line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = TrimTsvField(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    TsvRow row;
    row.line = line_no;
    while (true) {
      size_t tab = line.find('\t');
      row.fields.push_back(TrimTsvField(line.substr(0, tab)));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string LoadLexiconText(std::string_view name) {
  const char* dir = std::getenv("SITREP_LEXICON_DIR");
  if (dir != nullptr && *dir != '\0') {
    std::ifstream in(std::string(dir) + "/" + std::string(name),
                     std::ios::binary);
    if (in) {
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  return std::string(EmbeddedLexicon(name));
}

}  // namespace sitrep
