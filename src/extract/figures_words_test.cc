// The figure binder's word sets come from data/lexicon/words.tsv.
#include <gtest/gtest.h>

#include "extract/figures_internal.h"

namespace sitrep::figures_internal {
namespace {

struct Case {
  const char* set;
  const char* word;
  bool member;
};

TEST(FigureWords, SetsComeFromWordsTsv) {
  const Case kCases[] = {
      {"filler", "were", true},        {"filler", "soldiers", false},
      {"thing", "rockets", true},      {"thing", "camels", true},
      {"thing", "villagers", false},   {"amount", "number", true},
      {"zero", "nobody", true},        {"counted", "wounded", true},
      {"counted", "guards", false},    {"no such set", "were", false},
      {"more", "other", true},         {"more", "soldiers", false},
      {"incidents", "bombings", true}, {"incidents", "people", false},
      {"over", "between", true},       {"over", "killed", false},
      {"reflexive", "himself", true},  {"reflexive", "themselves", true},
      {"reflexive", "him", false},     {"partition", "second", true},
      {"partition", "car", false},     {"unit", "battalion", true},
      {"unit", "soldiers", false},     {"attacker", "bomber", true},
      {"attacker", "soldier", false},  {"determiner", "the", true},
      {"determiner", "car", false},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(WordSet(c.set).count(c.word) > 0, c.member)
        << c.set << " / " << c.word;
  }
  EXPECT_EQ(&Fillers(), &WordSet("filler"));
  EXPECT_EQ(&Things(), &WordSet("thing"));
  EXPECT_EQ(&Amounts(), &WordSet("amount"));
  EXPECT_EQ(&ZeroWords(), &WordSet("zero"));
}

// The hashed word lists answer as the comparisons they replaced: exact,
// case-sensitive words, no prefixes.
TEST(FigureWords, WordListsAreExact) {
  const char* const kAdverbs[] = {
      "also",  "slightly",     "seriously", "critically", "severely",
      "badly", "reportedly",   "fatally",   "later",      "both",
      "then",  "subsequently", "allegedly", "eventually"};
  for (std::string w : kAdverbs) {
    EXPECT_TRUE(Adverb(w)) << w;
    EXPECT_FALSE(Adverb(w + "s")) << w;
    EXPECT_FALSE(Adverb(w.substr(0, w.size() - 1))) << w;
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    EXPECT_FALSE(Adverb(w)) << w;
  }
  EXPECT_FALSE(Adverb(""));
  EXPECT_FALSE(Adverb("were"));
  EXPECT_TRUE(Preposition("in"));
  EXPECT_FALSE(Preposition("In"));
}

}  // namespace
}  // namespace sitrep::figures_internal
