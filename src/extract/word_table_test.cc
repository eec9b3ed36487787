// WordTable answers as the std::unordered_set<std::string> it replaced.
#include "extract/word_table.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_set>
#include <vector>

namespace sitrep {
namespace {

TEST(WordTable, Table) {
  WordTable t = {"were", "was", "in", "a", "subsequently"};
  struct Case {
    const char* word;
    bool member;
  };
  const Case kCases[] = {
      {"were", true},   {"was", true},          {"in", true},
      {"a", true},      {"subsequently", true}, {"wer", false},
      {"weres", false}, {"In", false},          {"", false},
      {"b", false},     {"subsequentl", false}, {"ws", false},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(t.count(c.word) > 0, c.member) << c.word;
  }
  EXPECT_EQ(t.size(), 5u);
  t.insert("was");  // already there
  EXPECT_EQ(t.size(), 5u);
  t.insert("");
  EXPECT_EQ(t.count(""), 1u);
  EXPECT_EQ(WordTable().count("was"), 0u);
  EXPECT_EQ(WordTable().count(""), 0u);
}

// Random words over a small alphabet (so near misses abound), of every
// length up to past the length filter's 63, against the plain set.
TEST(WordTable, MatchesUnorderedSet) {
  std::mt19937 rng(8);
  auto word = [&] {
    std::uniform_int_distribution<int> len(0, 70), ch(0, 5);
    std::string w(rng() % 4 == 0 ? len(rng) : len(rng) % 6, ' ');
    for (char& c : w) c = "abAB\xC3-"[ch(rng)];
    return w;
  };
  for (int round = 0; round < 50; ++round) {
    std::unordered_set<std::string> plain;
    WordTable fast;
    int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) {
      std::string w = word();
      plain.insert(w);
      fast.insert(w);
    }
    ASSERT_EQ(fast.size(), plain.size());
    for (const std::string& w : plain) ASSERT_EQ(fast.count(w), 1u) << w;
    for (int i = 0; i < 2000; ++i) {
      std::string w = word();
      ASSERT_EQ(fast.count(w), plain.count(w)) << w;
    }
  }
}

}  // namespace
}  // namespace sitrep
