#include "extract/whole_phrases.h"

#include <gtest/gtest.h>

#include <memory>
#include <random>

#include "extract/lexicon.h"

namespace sitrep {
namespace {

// The slow form: each phrase searched on its own.
std::vector<char> Plain(const std::vector<std::string>& phrases,
                        std::string_view text) {
  std::vector<char> found;
  for (const auto& p : phrases) found.push_back(HasWholePhrase(text, p));
  return found;
}

TEST(WholePhraseSet, WholeWordsOnly) {
  WholePhraseSet set({"OSCE SMM", "Donbas", "A", "é"});
  std::vector<char> found;
  set.Find("the OSCE SMM said Donbass", &found);
  EXPECT_EQ(found, (std::vector<char>{1, 0, 0, 0}));
  set.Find("Donbas: A", &found);
  EXPECT_EQ(found, (std::vector<char>{0, 1, 1, 0}));
  set.Find("", &found);
  EXPECT_EQ(found, (std::vector<char>{0, 0, 0, 0}));
  set.Find("xOSCE SMM, Donbas1, \xC3\xA9", &found);
  EXPECT_EQ(found, (std::vector<char>{0, 0, 0, 1}));
}

// The one pass looks only after a non-word byte: a phrase opening with a
// non-word byte ("(UP)") touched by a word before it is not whole either.
TEST(WholePhraseSet, StartsOnlyAfterANonWordByte) {
  const std::vector<std::string> phrases = {"(UP)", "barangay", "LoC", "J&K"};
  WholePhraseSet set(phrases);
  std::vector<char> found;
  for (const char* text :
       {"x(UP) Xbarangay aLoC 1J&K", "in (UP), a barangay; LoC-J&K",
        "(UP)barangay", "\xC3\xA9(UP) \xC3\xA9LoC", "LoC", "-J&K."}) {
    set.Find(text, &found);
    EXPECT_EQ(found, Plain(phrases, text)) << text;
  }
  set.Find("x(UP) Xbarangay aLoC 1J&K", &found);
  EXPECT_EQ(found, (std::vector<char>{0, 0, 0, 0}));
  set.Find("in (UP), a barangay; LoC-J&K", &found);
  EXPECT_EQ(found, (std::vector<char>{1, 1, 1, 1}));
}

// Random phrases and texts over a small alphabet (so that phrases share
// first bytes, overlap and touch word bytes) against the plain search.
TEST(WholePhraseSet, MatchesThePlainSearch) {
  const std::vector<std::string> pieces = {"a",
                                           "b",
                                           "A",
                                           " ",
                                           "-",
                                           ".",
                                           "1",
                                           "ab",
                                           "Ab",
                                           "\xC3\xA9",
                                           "\xE2\x80\x94",
                                           "AA",
                                           "'",
                                           "\n"};
  std::mt19937 rng(6);
  auto make = [&](size_t max_pieces) {
    std::string s;
    size_t n = rng() % (max_pieces + 1);
    for (size_t k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    return s;
  };
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> phrases;
    size_t n = 1 + rng() % 12;
    while (phrases.size() < n) {
      std::string p = make(4);
      if (!p.empty()) phrases.push_back(p);
    }
    WholePhraseSet set(phrases);
    std::vector<char> found;
    for (int t = 0; t < 20; ++t) {
      std::string text = make(40);
      set.Find(text, &found);
      ASSERT_EQ(found, Plain(phrases, text)) << "text: " << text;
    }
  }
}

// Texts and phrases of any bytes (every value, at every offset of the
// eight-byte blocks the pass reads) against the plain search.
TEST(WholePhraseSet, AnyBytesMatchThePlainSearch) {
  std::mt19937 rng(9);
  const std::string common = "aZ0 .-\xC3";
  auto byte = [&] {
    return rng() % 3 == 0 ? static_cast<char>(rng() % 256)
                          : common[rng() % common.size()];
  };
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string> phrases;
    for (size_t n = 1 + rng() % 6; phrases.size() < n;) {
      std::string p(1 + rng() % 3, ' ');
      for (char& c : p) c = byte();
      phrases.push_back(p);
    }
    std::string text(rng() % 70, ' ');
    for (char& c : text) c = byte();
    // Some phrases planted whole, at any offset.
    for (const std::string& p : phrases) {
      if (rng() % 2) text.insert(rng() % (text.size() + 1), p);
    }
    WholePhraseSet set(phrases);
    std::vector<char> found;
    set.Find(text, &found);
    ASSERT_EQ(found, Plain(phrases, text)) << round;
  }
}

// The compiled home cues on texts that hold some of them.
TEST(WholePhraseSet, HomeCuesMatchThePlainSearch) {
  auto lex = Lexicon::Load();
  ASSERT_TRUE(lex.ok());
  std::vector<std::string> phrases;
  for (const HomeCue& c : (*lex)->home_cues()) phrases.push_back(c.phrase);
  ASSERT_FALSE(phrases.empty());
  ASSERT_EQ((*lex)->home_cue_phrases().size(), phrases.size());
  std::mt19937 rng(7);
  for (int t = 0; t < 2000; ++t) {
    std::string text = "In the report, ";
    for (int k = 0; k < 6; ++k) {
      const std::string& p = phrases[rng() % phrases.size()];
      std::string glue[] = {" ", "s ", ", ", "-", "x", "\n\n"};
      text += (rng() % 2 ? p : p.substr(0, p.size() / 2)) + glue[rng() % 6];
    }
    std::vector<char> found;
    (*lex)->home_cue_phrases().Find(text, &found);
    ASSERT_EQ(found, Plain(phrases, text)) << text;
  }
}

}  // namespace
}  // namespace sitrep
