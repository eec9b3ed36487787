// Checks on the lexicon files an analyst edits (data/lexicon/*.tsv, as
// embedded in the binary): a repeated row is dead weight, and an actor
// phrase read two ways makes the class depend on load order.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "extract/lexicon_data.h"

namespace sitrep {
namespace {

// Non-comment, non-blank lines of `body`.
std::vector<std::string> Rows(std::string_view body) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    if (!line.empty() && line[0] != '#' &&
        line.find_first_not_of(" \t\r") != std::string_view::npos) {
      out.emplace_back(line);
    }
    pos = end + 1;
  }
  return out;
}

TEST(LexiconLint, NoFileRepeatsARow) {
  for (std::string_view name : EmbeddedLexiconNames()) {
    std::set<std::string> seen;
    for (const std::string& row : Rows(EmbeddedLexicon(name))) {
      EXPECT_TRUE(seen.insert(row).second) << name << ": repeated row: " << row;
    }
  }
}

TEST(LexiconLint, EachActorPhraseHasOneClass) {
  std::map<std::string, std::string> reading;
  for (const std::string& row : Rows(EmbeddedLexicon("actors.tsv"))) {
    std::string phrase = row.substr(0, row.find('\t'));
    auto [it, fresh] = reading.emplace(phrase, row);
    EXPECT_TRUE(fresh) << "actors.tsv reads '" << phrase << "' as both\n  "
                       << it->second << "\n  " << row;
  }
}

}  // namespace
}  // namespace sitrep
