// The quantity and date scanners' skips (start-word filters judging a word
// with the token after it, the ago-unit check, an absolute date's first
// token) against the scanners without
// them (FindQuantitiesPlainIn, FindDatesPlainIn), on random sentences made
// of the lexicons' own phrases, numbers, dates and punctuation.
#include "extract/recognisers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "extract/lexicon_data.h"
#include "extract/tsv.h"

namespace sitrep {
namespace {

std::string Opt(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : "-";
}

std::string Render(const std::vector<Quantity>& qs) {
  std::string out;
  for (const Quantity& q : qs) {
    out += std::to_string(q.span.begin) + "-" + std::to_string(q.span.end) +
           "|" + Opt(q.count.low) + "|" + Opt(q.count.best) + "|" +
           Opt(q.count.high) + "|" + q.qualifier + (q.implausible ? "|!" : "") +
           "; ";
  }
  return out;
}

std::string Render(const std::vector<DateMention>& ds) {
  std::string out;
  for (const DateMention& d : ds) {
    out += std::to_string(d.span.begin) + "-" + std::to_string(d.span.end) +
           "|" + std::to_string(d.day.year) + "-" +
           std::to_string(d.day.month) + "-" + std::to_string(d.day.day) + "|" +
           std::to_string(static_cast<int>(d.precision)) +
           (d.relative ? "R" : "") + (d.range_start ? "S" : "") + "|" + d.rule +
           "|" + (d.after_prior ? std::to_string(*d.after_prior) : "-") + "; ";
  }
  return out;
}

// The phrases of numbers.tsv and dates.tsv (second column), their words
// and capitalised forms, with numbers, dates, punctuation and filler.
std::vector<std::string> Pieces() {
  std::vector<std::string> p = {
      "3",       "12",      "2019",   "1,200",    "27",         "1.5",
      "300",     "5",       "31",     "2020",     "2020-01-26", "01/02/2011",
      ",",       ".",       "(",      ")",        "-",          "\xE2\x80\x93",
      "th",      "st",      "police", "said",     "the",        "in",
      "between", "and",     "ago",    "days",     "people",     "killed",
      "of",      "to",      "or",     "at least", "a",          "an",
      "km",      "year-old"};
  for (const char* file : {"numbers.tsv", "dates.tsv"}) {
    for (const TsvRow& r : ParseTsv(EmbeddedLexicon(file))) {
      std::string phrase(r.at(1));
      if (phrase.empty()) continue;
      p.push_back(phrase);
      std::string cap = phrase;
      cap[0] = static_cast<char>(std::toupper(cap[0]));
      p.push_back(cap);
      size_t sp = phrase.find(' ');
      if (sp == std::string::npos) continue;
      // Split too, so a phrase's first word meets other next words (the
      // start filters judge a word by the token after it).
      p.push_back(phrase.substr(0, sp));
      p.push_back(phrase.substr(sp + 1));
    }
  }
  return p;
}

TEST(Recognisers, SkipsMatchThePlainScanners) {
  const std::vector<std::string> pieces = Pieces();
  ASSERT_GT(pieces.size(), 200u);
  std::mt19937 rng(17);
  const CivilDay ref{2021, 3, 10};
  size_t quantities = 0, dates = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (int k = static_cast<int>(rng() % 12) + 1; k >= 0; --k) {
      text += pieces[rng() % pieces.size()];
      if (rng() % 6) text += ' ';
    }
    QTokens t(text);
    std::vector<Quantity> q = FindQuantitiesIn(t);
    ASSERT_EQ(Render(q), Render(FindQuantitiesPlainIn(t))) << text;
    std::optional<CivilDay> r;
    if (n % 2) r = ref;
    std::vector<DateMention> d = FindDatesIn(t, r);
    ASSERT_EQ(Render(d), Render(FindDatesPlainIn(t, r))) << text;
    quantities += q.size();
    dates += d.size();
  }
  EXPECT_GT(quantities, 5000u);
  EXPECT_GT(dates, 5000u);
}

// Every word before every piece, spaced and glued, then each tail (which
// completes many forms): the start filters judge a word by the token after
// it, so each (word, next token) pair is met where it could start a form.
TEST(Recognisers, EveryPairMatchesThePlainScanners) {
  std::vector<std::string> pieces = Pieces();
  std::sort(pieces.begin(), pieces.end());
  pieces.erase(std::unique(pieces.begin(), pieces.end()), pieces.end());
  std::vector<std::string> words;  // the one-word pieces
  for (const std::string& p : pieces) {
    if (QTokens(p).size() == 1 && QTokens(p).IsWord(0)) words.push_back(p);
  }
  ASSERT_GT(words.size(), 100u);
  // Between the word and the piece, and after the piece.
  const std::vector<std::pair<std::string, std::string>> joins = {
      {" ", ""},          {"", ""},        {" ", " 3 and 5 people"},
      {" ", " May 2020"}, {"", "October"}, {" ", " days ago"}};
  const CivilDay ref{2021, 3, 10};
  for (const std::string& a : words) {
    for (const std::string& b : pieces) {
      for (const auto& [sep, tail] : joins) {
        std::string text = a + sep + b + tail;
        QTokens t(text);
        ASSERT_EQ(Render(FindQuantitiesIn(t)), Render(FindQuantitiesPlainIn(t)))
            << text;
        ASSERT_EQ(Render(FindDatesIn(t, ref)), Render(FindDatesPlainIn(t, ref)))
            << text;
      }
    }
  }
}

// One QTokens reused through Assign (as AnalyzeSentence keeps one per
// thread) reads every text as a fresh QTokens does: long texts then short
// ones, so no token, hash or lower-cased byte of an earlier text is left.
TEST(QTokens, AssignMatchesAFreshTokenisation) {
  const std::vector<std::string> pieces = Pieces();
  std::mt19937 rng(23);
  QTokens reused;
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    for (int k = static_cast<int>(rng() % (n % 3 ? 4 : 30)); k >= 0; --k) {
      text += pieces[rng() % pieces.size()];
      if (rng() % 9 == 0) text += "\xC3\x89\xE2\x80\x99X";  // É’X
      if (rng() % 5) text += (rng() % 7 ? " " : "\xC2\xA0");
    }
    reused.Assign(text);
    QTokens fresh(text);
    ASSERT_EQ(reused.size(), fresh.size()) << text;
    for (size_t i = 0; i <= fresh.size(); ++i) {
      ASSERT_EQ(reused.Text(i), fresh.Text(i)) << text;
      ASSERT_EQ(reused.Hash(i), fresh.Hash(i)) << text;
      ASSERT_EQ(fresh.Hash(i),
                i < fresh.size() ? QTokens::TextHash(fresh.Text(i)) : 0)
          << text;
      if (i == fresh.size()) break;
      const QToken &a = reused[i], &b = fresh[i];
      // The plain reading: the token's bytes, ASCII lower-cased.
      std::string lower = text.substr(b.begin, b.end - b.begin);
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      ASSERT_EQ(fresh.Text(i), lower) << text;
      ASSERT_TRUE(a == b) << text << " token " << i;  // every field
    }
  }
}

}  // namespace
}  // namespace sitrep
