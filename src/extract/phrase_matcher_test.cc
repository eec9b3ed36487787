#include "extract/phrase_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace sitrep {
namespace {

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Obviously-correct reference: every phrase tried at every start. Hits in
// order of start, then length, then phrase order (the trie's order).
std::vector<PhraseHit> Reference(const std::vector<std::string>& phrases,
                                 const std::vector<std::string_view>& toks) {
  std::vector<PhraseHit> hits;
  for (uint32_t start = 0; start < toks.size(); ++start) {
    for (uint32_t len = 1; start + len <= toks.size(); ++len) {
      for (uint32_t p = 0; p < phrases.size(); ++p) {
        std::vector<std::string> words = Split(phrases[p]);
        if (words.size() != len) continue;
        bool ok = true;
        for (uint32_t k = 0; k < len && ok; ++k) {
          std::string w = words[k];
          std::string_view t = toks[start + k];
          if (w.size() > 1 && w.back() == '*') {
            w.pop_back();
            ok = t.substr(0, w.size()) == w;
          } else {
            ok = t == w;
          }
        }
        if (ok) hits.push_back({start, start + len, p});
      }
    }
  }
  return hits;
}

struct Case {
  std::vector<std::string> phrases;
  std::string sentence;
};

TEST(PhraseMatcherTest, MatchesReference) {
  const std::vector<Case> cases = {
      {{"protest*", "killed", "shot dead", "shot"},
       "two shot dead at protests"},
      {{"pro*", "protest*", "p*", "attack"}, "protesters attack police post"},
      {{"car bomb*", "car", "bomb*"}, "a car bombing and a car bomb"},
      {{"al shabaab", "al", "shabaab*"}, "al shabaab shabaabs al al shabaab"},
      {{"zed", "zebra*", "a b c d", "b c"}, "a b c d b c zebras zed"},
      {{"x"}, ""},
      {{"étudiant*", "é"}, "étudiants é e"},
      // The root prefix filter: one-byte tokens, one-byte prefixes, tokens
      // sharing a prefix's first byte but not its second.
      {{"pro*", "b*", "zeb*", "zq"}, "p pr pro prop b bx ze zeb zebra zq pz"},
      // The root prefix filter keyed by the first 4 bytes (every root
      // prefix that long) and by the first 3: tokens shorter than the key,
      // sharing all but its last byte, equal to a prefix.
      {{"bomb*", "shabaab*", "riot*", "bo"},
       "bo bom bomb bombs bomx riot rio riots shabaa shabaab shabaabs shab"},
      {{"abc*", "abcde*", "x abc*"}, "ab abc abcd abcdef abx x abcd x ab"},
  };
  for (const Case& c : cases) {
    PhraseMatcher m;
    for (uint32_t p = 0; p < c.phrases.size(); ++p) m.Add(c.phrases[p], p);
    std::vector<std::string> words = Split(c.sentence);
    std::vector<std::string_view> toks(words.begin(), words.end());
    std::vector<PhraseHit> got = m.Match(toks);
    std::vector<PhraseHit> want = Reference(c.phrases, toks);
    ASSERT_EQ(got.size(), want.size()) << c.sentence;
    for (size_t k = 0; k < got.size(); ++k) {
      EXPECT_EQ(got[k].begin, want[k].begin) << c.sentence << " #" << k;
      EXPECT_EQ(got[k].end, want[k].end) << c.sentence << " #" << k;
      EXPECT_EQ(got[k].payload, want[k].payload) << c.sentence << " #" << k;
    }
  }
}

// Many random phrases (the edge table grows several times) over a small
// vocabulary with prefix tokens, on random sentences: the same hits as the
// reference. Within one start and length the trie orders exact tokens
// before prefixes, so hits are compared as sorted lists here (the cases
// above check the order).
TEST(PhraseMatcherTest, RandomPhrasesMatchReference) {
  const std::vector<std::string> vocab = {
      "a",     "b",  "c",    "al",     "ab",    "abc",  "x",   "yy",
      "zz",    "é",  "kill", "killed", "shot",  "dead", "car", "bomb",
      "bombs", "a*", "ab*",  "k*",     "bomb*", "é*"};
  std::mt19937 rng(61);
  auto by_position = [](const PhraseHit& x, const PhraseHit& y) {
    return std::tie(x.begin, x.end, x.payload) <
           std::tie(y.begin, y.end, y.payload);
  };
  for (int round = 0; round < 8; ++round) {
    std::vector<std::string> phrases;
    PhraseMatcher m;
    size_t n = 50 + rng() % 200;
    for (uint32_t p = 0; p < n; ++p) {
      std::string phrase;
      for (size_t k = 0, len = 1 + rng() % 4; k < len; ++k) {
        phrase += (k ? " " : "") + vocab[rng() % vocab.size()];
      }
      phrases.push_back(phrase);
      m.Add(phrase, p);
    }
    for (int t = 0; t < 25; ++t) {
      std::vector<std::string> words;
      for (size_t k = 0, len = rng() % 20; k < len; ++k) {
        std::string w = vocab[rng() % vocab.size()];
        if (w.back() == '*') w.back() = 's';  // a word the prefix matches
        words.push_back(w);
      }
      std::vector<std::string_view> toks(words.begin(), words.end());
      std::vector<PhraseHit> got = m.Match(toks);
      std::vector<PhraseHit> want = Reference(phrases, toks);
      std::sort(got.begin(), got.end(), by_position);
      std::sort(want.begin(), want.end(), by_position);
      ASSERT_EQ(got.size(), want.size()) << round << "/" << t;
      for (size_t k = 0; k < got.size(); ++k) {
        ASSERT_FALSE(by_position(got[k], want[k]) ||
                     by_position(want[k], got[k]))
            << round << "/" << t << " #" << k;
      }
    }
  }
}

}  // namespace
}  // namespace sitrep
