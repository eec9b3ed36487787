// Randomised invariants of CleanPlainText + SplitSentences: whatever mix of
// noise the input holds, the output is valid UTF-8, every removal lies in
// the input, and every clean byte maps back to the same raw byte.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "sitrep/clean.h"
#include "sitrep/sentences.h"
#include "sitrep/utf8.h"

namespace sitrep {
namespace {

const std::vector<std::string>& Pieces() {
  static const auto* p = new std::vector<std::string>{
      "Gunmen",
      "killed",
      "3",
      "people",
      ".",
      ". ",
      "\n",
      "\n\n",
      "\r\n",
      " ",
      "  ",
      "\t",
      "\u00a0",
      "\u200b",
      "U.S.",
      "Oct. 1",
      "Mr.",
      "\u201c",
      "\u201d",
      "\u2019",
      "\u2013",
      " \u2014 ",
      " - ",
      "BAGHDAD, Jan 27 (Reuters) \u2013 ",
      "(Khalid Mohammed/AP)",
      "REUTERS/Ahmed Dhahi",
      "[aesop_image img=\u201d",
      "credit=\u201dA man, January 26, 2020.\u201d]",
      "[",
      "]",
      "[/caption]",
      "[an error occurred while processing the directive]",
      "Related news",
      " date 2020-01-26 ",
      "By Jane Doe",
      "(AFP photo)",
      "caf\u00e9",
      "?",
      "!",
      "...",
      "\u2026",
      "\"",
      "'",
      "(",
      ")",
      "\x01",
      "A line repeated here",
  };
  return *p;
}

TEST(CleanRandom, InvariantsHold) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 3000; ++round) {
    std::string in;
    int n = std::uniform_int_distribution<int>(0, 60)(rng);
    for (int i = 0; i < n; ++i) {
      in += Pieces()[rng() % Pieces().size()];
    }
    CleanText c = CleanPlainText(in);
    ASSERT_TRUE(IsValidUtf8(c.text)) << in;
    for (const Removed& r : c.removed) {
      ASSERT_LE(r.raw.begin, r.raw.end) << in;
      ASSERT_LE(r.raw.end, in.size()) << in;
    }
    for (size_t i = 0; i < c.text.size(); ++i) {
      char ch = c.text[i];
      if (ch == ' ' || ch == '\n') continue;
      uint32_t r = c.offsets.ToRaw(static_cast<uint32_t>(i));
      ASSERT_LT(r, in.size()) << in;
      ASSERT_EQ(in[r], ch) << "offset " << i << " of [" << c.text << "] from ["
                           << in << "]";
    }
    for (Span s : SplitSentences(c.text)) {
      ASSERT_LT(s.begin, s.end);
      ASSERT_LE(s.end, c.text.size());
      Span r = c.offsets.ToRaw(s);
      ASSERT_LE(r.end, in.size());
    }
    std::vector<Span> toks = Tokenize(c.text);
    for (size_t k = 1; k < toks.size(); ++k) {
      ASSERT_LE(toks[k - 1].end, toks[k].begin);
    }
  }
}

}  // namespace
}  // namespace sitrep
