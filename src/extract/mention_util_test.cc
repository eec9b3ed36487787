#include "extract/mention_util.h"

#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <string>

#include "extract/analysis.h"
#include "extract/lexicon.h"

namespace sitrep::mention_util {
namespace {

// WeekdayNamed as first written: a lower-cased copy searched for each name.
int PlainWeekdayNamed(std::string_view s) {
  static const char* kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                "friday", "saturday", "sunday"};
  std::string low(s);
  for (char& ch : low) ch = static_cast<char>(std::tolower(ch));
  for (int i = 0; i < 7; ++i) {
    if (low.find(kDays[i]) != std::string::npos) return i;
  }
  return -1;
}

TEST(WeekdayNamed, MatchesThePlainForm) {
  const std::string pieces[] = {
      "monday",   "MONDAY", "Tuesday", "wednesday", "THURSDAY", "friday",
      "Saturday", "sunday", "mon",     "tues",      "wednes",   "thurs",
      "fri",      "sat",    "ur",      "sun",       "day",      "DaY",
      "da",       "y",      "d",       " ",         "-",        "\xC3\xA9",
      "\xFF",     "on ",    "last ",   "s"};
  std::mt19937 rng(17);
  for (int n = 0; n < 50000; ++n) {
    std::string s;
    for (int k = static_cast<int>(rng() % 7); k > 0; --k) {
      s += pieces[rng() % std::size(pieces)];
    }
    ASSERT_EQ(WeekdayNamed(s), PlainWeekdayNamed(s)) << s;
  }
}

TEST(WeekdayNamed, Table) {
  EXPECT_EQ(WeekdayNamed(""), -1);
  EXPECT_EQ(WeekdayNamed("day"), -1);
  EXPECT_EQ(WeekdayNamed("on Monday"), 0);
  EXPECT_EQ(WeekdayNamed("SUNDAY"), 6);
  EXPECT_EQ(WeekdayNamed("Sunday or Friday"), 4);  // the first in the week
  EXPECT_EQ(WeekdayNamed("Saturday night"), 5);
  EXPECT_EQ(WeekdayNamed("weekday"), -1);
}

// CueBits answers as HasCue for every cue, on sentences with many cues.
TEST(CueBits, MatchesHasCue) {
  auto lex = Lexicon::Load();
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  const std::string words[] = {
      "so far",  "since",    "in all", "have been",  "this year",  "reportedly",
      "footage", "province", "would",  "threatened", "usually",    "later died",
      "both",    "killed",   "the",    "deadliest",  "said",       "who",
      "in",      "attack",   "after",  "years ago",  "separately", ","};
  std::mt19937 rng(23);
  int with_cues = 0;
  for (int n = 0; n < 500; ++n) {
    std::string text;
    for (int k = 0; k < 12; ++k) text += words[rng() % std::size(words)] + " ";
    text += ".";
    Span all{0, static_cast<uint32_t>(text.size())};
    SentenceFacts f = AnalyzeSentence(**lex, nullptr, text, all, 0, {});
    uint32_t bits = CueBits(**lex, f);
    with_cues += bits != 0;
    for (int c = 0; c <= static_cast<int>(Cue::kAttackerCounted); ++c) {
      ASSERT_EQ(HasCueBit(bits, static_cast<Cue>(c)),
                f.HasCue(**lex, static_cast<Cue>(c)))
          << text << " cue " << c;
    }
  }
  EXPECT_GT(with_cues, 100);
}

// ShiftAfter as first written: every shift asked at every token.
DateMention PlainShiftAfter(const Lexicon& lex, const SentenceFacts& f,
                            DateMention d) {
  if (!d.day.valid()) return d;
  for (size_t t = f.TokAt(d.span.end); t < f.toks.size(); ++t) {
    for (const DayShift& shift : lex.day_shifts()) {
      size_t n = shift.words.size();
      bool match = t + n <= f.toks.size();
      for (size_t k = 0; match && k < n; ++k) {
        match = f.toks[t + k].norm == shift.words[k];
      }
      if (match) {
        d.day = d.day.AddDays(-shift.days);
        d.rule += "+shift";
        return d;
      }
    }
  }
  return d;
}

TEST(ShiftAfter, MatchesThePlainForm) {
  auto lex = Lexicon::Load();
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  ASSERT_FALSE((*lex)->day_shifts().empty());
  const std::string words[] = {
      "came",  "a",     "one",  "two",    "day",
      "days",  "after", "Came", "police", "fired",
      "later", "week",  ",",    "the",    "came a day after"};
  std::mt19937 rng(29);
  int shifted = 0;
  for (int n = 0; n < 2000; ++n) {
    std::string text;
    for (int k = 0; k < 10; ++k) text += words[rng() % std::size(words)] + " ";
    text += ".";
    Span all{0, static_cast<uint32_t>(text.size())};
    SentenceFacts f = AnalyzeSentence(**lex, nullptr, text, all, 0, {});
    DateMention d;
    d.day = CivilDay{2020, 5, 9};
    d.rule = "text";
    d.span = Span{0, static_cast<uint32_t>(rng() % 12)};
    DateMention got = ShiftAfter(**lex, f, d);
    DateMention want = PlainShiftAfter(**lex, f, d);
    ASSERT_EQ(got.day.ToDays(), want.day.ToDays()) << text;
    ASSERT_EQ(got.rule, want.rule) << text;
    shifted += got.rule != d.rule;
  }
  EXPECT_GT(shifted, 20);
}

}  // namespace
}  // namespace sitrep::mention_util
