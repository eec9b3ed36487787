// MayClassify's promise: when it says no, Classify finds no event type;
// what Decide reads.
#include "extract/classify.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extract/analysis.h"
#include "extract/lexicon.h"

namespace sitrep {
namespace {

const char* const kSentences[] = {
    "Police and protesters gathered in the square on Monday.",
    "Gunmen killed three villagers near the market.",
    "Soldiers arrested 12 people after the rally.",
    "Two aid workers went missing on the road to the camp.",
    "The insurgents fled on Wednesday.",
    "No casualties were reported.",
    "Nine other people were wounded.",
    "Protesters burned tires and threw stones at riot police.",
    "A car bomb exploded outside the ministry, officials said.",
    "The army shelled rebel positions overnight.",
    "Security forces fired tear gas at students.",
    "The minister visited the province and met elders.",
    "Militants abducted a teacher and looted shops.",
    "Five civilians died when their bus hit a mine.",
};

// Sentences as written and shuffled word salads of their words, which mix
// actors, cues and triggers in ways the rules may not foresee.
std::vector<std::string> Texts() {
  std::vector<std::string> words,
      out(std::begin(kSentences), std::end(kSentences));
  for (const std::string s : kSentences) {
    size_t i = 0;
    while (i < s.size()) {
      size_t j = s.find(' ', i);
      if (j == std::string::npos) j = s.size();
      words.push_back(s.substr(i, j - i));
      i = j + 1;
    }
  }
  std::mt19937 rng(5);
  for (int n = 0; n < 400; ++n) {
    std::string t;
    for (int k = 0; k < 3 + static_cast<int>(rng() % 8); ++k) {
      t += words[rng() % words.size()] + " ";
    }
    out.push_back(t + "today.");
  }
  return out;
}

TEST(Classify, NoTypeWhereMayClassifySaysNo) {
  auto lex = Lexicon::Load();
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  int no = 0, yes = 0;
  for (const std::string& text : Texts()) {
    SCOPED_TRACE(text);
    Span all{0, static_cast<uint32_t>(text.size())};
    SentenceFacts f =
        AnalyzeSentence(**lex, nullptr, text, all, 0, CivilDay{2020, 5, 4});
    BindFigures(**lex, &f);
    if (MayClassify(**lex, f)) {
      ++yes;
      continue;
    }
    ++no;
    EXPECT_EQ(Classify(**lex, f).event_type, "");
  }
  EXPECT_GT(no, 20);
  EXPECT_GT(yes, 20);
}

// Join re-decides a merged Classification made of the scores and the first
// actor's kind only: Decide answers on it as on the full copy.
TEST(Classify, DecideReadsOnlyScoresAndActorKind) {
  auto lex = Lexicon::Load();
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  std::vector<SentenceFacts> facts;
  for (const std::string& text : Texts()) {
    Span all{0, static_cast<uint32_t>(text.size())};
    facts.push_back(
        AnalyzeSentence(**lex, nullptr, text, all, 0, CivilDay{2020, 5, 4}));
    BindFigures(**lex, &facts.back());
  }
  // Each sentence's classification re-decided against the next sentence.
  for (size_t i = 0; i + 1 < facts.size(); ++i) {
    Classification full = Classify(**lex, facts[i]);
    Classification part;
    part.scores = full.scores;
    part.actor1_kind = full.actor1_kind;
    Decide(&full, **lex, facts[i + 1]);
    Decide(&part, **lex, facts[i + 1]);
    EXPECT_EQ(part.event_type, full.event_type) << i;
    EXPECT_EQ(part.sub_event_type, full.sub_event_type) << i;
    EXPECT_EQ(part.score, full.score) << i;
  }
}

}  // namespace
}  // namespace sitrep
