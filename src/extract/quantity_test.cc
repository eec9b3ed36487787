#include "sitrep/quantity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>

#include "extract/lexicon_data.h"
#include "extract/quantity_lexicon.h"

namespace sitrep {
namespace {

std::string Cell(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : "-";
}

// "span|low|best|high|qualifier[|!]" per quantity, joined by "; ".
// A trailing "|!" marks an implausible one.
std::string Render(std::string_view text, const std::vector<Quantity>& qs) {
  std::string out;
  for (const Quantity& q : qs) {
    if (!out.empty()) out += "; ";
    out += std::string(q.span.In(text)) + "|" + Cell(q.count.low) + "|" +
           Cell(q.count.best) + "|" + Cell(q.count.high) + "|" + q.qualifier;
    if (q.implausible) out += "|!";
  }
  return out;
}

struct Case {
  const char* text;
  const char* want;
};

const Case kFindCases[] = {
    // Digits.
    {"29 people were killed", "29|29|29|29|exact"},
    {"1,200 protesters", "1,200|1200|1200|1200|exact"},
    {"1.2 million people fled", "1.2 million|1200000|1200000|1200000|exact|!"},
    {"5 million", "5 million|5000000|5000000|5000000|exact|!"},
    {"300 thousand", "300 thousand|300000|300000|300000|exact"},
    // Words.
    {"two protesters died", "two|2|2|2|exact"},
    {"twenty-nine were hurt", "twenty-nine|29|29|29|exact"},
    {"ninety nine", "ninety nine|99|99|99|exact"},
    {"a hundred people", "a hundred|100|100|100|exact"},
    {"two hundred and fifty people", "two hundred and fifty|250|250|250|exact"},
    {"three thousand five hundred",
     "three thousand five hundred|3500|3500|3500|exact"},
    {"one thousand and one nights",
     "one thousand and one|1001|1001|1001|exact"},
    {"three hundred and twenty-two",
     "three hundred and twenty-two|322|322|322|exact"},
    {"three and four", "three|3|3|3|exact; four|4|4|4|exact"},
    {"a thousand and a hundred",
     "a thousand|1000|1000|1000|exact; a "
     "hundred|100|100|100|exact"},
    {"a dozen soldiers", "a dozen|12|12|12|exact"},
    {"two dozen soldiers", "two dozen|24|24|24|exact"},
    {"half a dozen soldiers", "half a dozen|6|6|6|exact"},
    {"a couple of men", "a couple of|2|2|2|exact"},
    {"One rocket landed", "One|1|1|1|exact"},
    {"Three others died and 14 were injured",
     "Three|3|3|3|exact; 14|14|14|14|exact"},
    // Vague.
    {"dozens were hurt", "dozens|12|12|-|vague"},
    {"tens of people", "tens of|10|10|-|vague"},
    {"tens of thousands marched", "tens of thousands|10000|10000|-|vague"},
    {"scores of people", "scores of|20|20|-|vague"},
    {"Hundreds of anti-government protesters", "Hundreds|100|100|-|vague"},
    {"thousands rallied", "thousands|1000|1000|-|vague"},
    {"several people", "several|3|-|-|vague"},
    {"several hundred people", "several hundred|300|-|-|vague"},
    {"a few demonstrators", "a few|2|-|-|vague"},
    {"a handful of protesters", "a handful of|2|-|5|vague"},
    {"many people were hurt", ""},
    {"test scores rose", ""},
    // Qualifiers.
    {"At least 75 protesters", "At least 75|75|75|-|at least"},
    {"more than 470 killed", "more than 470|470|470|-|more than"},
    {"over 600 people", "over 600|600|600|-|more than"},
    {"Nearly 500 people", "Nearly 500|-|500|500|nearly"},
    {"almost 500", "almost 500|-|500|500|nearly"},
    {"Around 45 protesters", "Around 45|-|45|-|around"},
    {"about 45", "about 45|-|45|-|around"},
    {"some 45", "some 45|-|45|-|around"},
    {"approximately 45", "approximately 45|-|45|-|around"},
    {"up to 20 people", "up to 20|-|20|20|up to"},
    {"fewer than 10", "fewer than 10|-|-|10|less than"},
    // "Not less than" is a floor, not a ceiling.
    {"Not less than 10 persons", "Not less than 10|10|10|-|at least"},
    {"not fewer than 8", "not fewer than 8|8|8|-|at least"},
    {"more than a dozen", "more than a dozen|12|12|-|more than"},
    {"500 or more", "500 or more|500|500|-|at least"},
    {"20 or so", "20 or so|-|20|-|around"},
    {"over the weekend", ""},
    // Ranges.
    {"150 to 200 demonstrators", "150 to 200|150|150|200|range"},
    {"150-200 demonstrators", "150-200|150|150|200|range"},
    {"between 3 and 5 people", "between 3 and 5|3|3|5|range"},
    {"some 150 to 200", "some 150 to 200|150|150|200|range"},
    {"two or three people", "two or three|2|2|3|range"},
    {"won 3-2", ""},
    // Zeros.
    {"there were no casualties", "there were no casualties|0|0|0|zero"},
    {"no one was hurt", "no one|0|0|0|zero"},
    {"None were hurt", "None|0|0|0|zero"},
    {"without causing any injuries", "without causing any injuries|0|0|0|zero"},
    {"no serious injuries", "no serious injuries|0|0|0|zero"},
    {"no longer", ""},
    {"0 killed", "0|0|0|0|zero"},
    // Not people.
    {"the 2003 US invasion", ""},
    {"in 2019", ""},
    {"At around 2am local time", ""},
    {"at 10:30", ""},
    {"at 2 p.m.", ""},
    {"the third attack, the 21st", ""},
    {"rose 5%", ""},
    {"rose 5 percent", ""},
    {"$5 million", ""},
    {"5 dollars", ""},
    {"some 160 kilometres southeast", ""},
    {"5 km away", ""},
    {"Zaidoun, 26, was shot", ""},
    {"a 26-year-old man", ""},
    {"aged 26", ""},
    {"BAGHDAD, Jan 27 (Reuters)", ""},
    {"on 27 January", ""},
    {"on Jan. 27", ""},
    {"2020-01-26", ""},
    {"01/01/2011", ""},
    {"one of the protesters", ""},
    {"Covid-19 and G20", ""},
    {"the 1990s", ""},
    {"3.5 magnitude", ""},
    {"two days", ""},
    {"at least 2000 people", "at least 2000|2000|2000|-|at least"},
    // Plausibility.
    {"1,000,000,000,000 dead",
     "1,000,000,000,000|1000000000000|1000000000000|1000000000000|exact|!"},
    {"1,000,000 dead", "1,000,000|1000000|1000000|1000000|exact"},
};

TEST(FindQuantities, Table) {
  for (const Case& c : kFindCases) {
    EXPECT_EQ(Render(c.text, FindQuantities(c.text)), c.want)
        << "text: " << c.text;
  }
}

TEST(FindQuantities, SeedSentence) {
  std::string s =
      "At least 75 protesters were wounded, mainly by live bullets, in clashes "
      "in Nassiriya overnight. Nearly 500 people have been killed in the "
      "unrest since Oct. 1, 2019, and two hundred were arrested.";
  EXPECT_EQ(Render(s, FindQuantities(s)),
            "At least 75|75|75|-|at least; Nearly 500|-|500|500|nearly; "
            "two hundred|200|200|200|exact");
}

TEST(ParseQuantity, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"at least 75", "at least 75|75|75|-|at least"},
      {"a dozen", "a dozen|12|12|12|exact"},
      {"dozens", "dozens|12|12|-|vague"},
      {"no one", "no one|0|0|0|zero"},
      {"between 3 and 5", "between 3 and 5|3|3|5|range"},
      {"2019", ""},
      {"75 protesters", ""},  // not exactly one expression
      {"many", ""},
      {"", ""},
  };
  for (const auto& [text, want] : cases) {
    std::optional<Quantity> q = ParseQuantity(text);
    std::vector<Quantity> v;
    if (q) v.push_back(*q);
    EXPECT_EQ(Render(text, v), want) << "text: " << text;
  }
}

TEST(QuantityLexicon, EmbeddedFileParses) {
  std::string_view tsv = EmbeddedLexicon("numbers.tsv");
  ASSERT_FALSE(tsv.empty());
  Result<QuantityLexicon> lx = QuantityLexicon::Parse(tsv);
  ASSERT_TRUE(lx.ok()) << lx.status().ToString();
  EXPECT_EQ(lx->units.at("seven"), 7);
}

// The number-word parser rejects a token by lx.number_words before looking
// it up in units, tens or scales, and a number's first word by it: every
// word of those maps, "a" and "an" must pass it.
TEST(QuantityLexicon, NumberWordFilterHoldsEveryNumberWord) {
  const QuantityLexicon& lx = QuantityLexicon::Get();
  size_t n = 0;
  for (const auto* m : {&lx.units, &lx.tens, &lx.scales}) {
    for (const auto& [word, value] : *m) {
      EXPECT_TRUE(lx.number_words.MayContain(QTokens::TextHash(word))) << word;
      ++n;
    }
  }
  EXPECT_GT(n, 25u);
  // ParseWords' first word may also be "a" or "an" ("a hundred").
  EXPECT_TRUE(lx.number_words.MayContain(QTokens::TextHash("a")));
  EXPECT_TRUE(lx.number_words.MayContain(QTokens::TextHash("an")));
}

TEST(QuantityLexicon, ErrorsNameTheLine) {
  Result<QuantityLexicon> lx =
      QuantityLexicon::Parse("# c\nunit\tone\t1\nvague\tx\tnot-a-number\n");
  ASSERT_FALSE(lx.ok());
  EXPECT_NE(lx.status().message().find("numbers.tsv:3"), std::string::npos);
}

TEST(FindQuantities, LargeAndHostileInput) {
  std::string text;
  const char* parts[] = {
      "At least 75 protesters were wounded in clashes in Nassiriya overnight, ",
      "police and health sources said on Monday. ",
      "Nearly 500 people have been killed since Oct. 1, 2019. ",
      "Some 150 to 200 demonstrators stormed the ceremony in Kut, some 160 ",
      "kilometres southeast of Baghdad, without causing any injuries. ",
      "Hundreds of anti-government protesters flooded the streets. ",
      "Two hundred and fifty were arrested at 2am; Zaidoun, 26, died. \n"};
  while (text.size() < (4u << 20)) {
    for (const char* p : parts) text += p;
  }
  std::vector<Quantity> qs = FindQuantities(text);
  EXPECT_GT(qs.size(), 1000u);
  for (const Quantity& q : qs) ASSERT_LE(q.span.end, text.size());
  // Garbage must not crash or loop.
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk += static_cast<char>((i * 7919) % 256);
  FindQuantities(junk);
  FindQuantities("at least");
  FindQuantities("between 3 and");
  FindQuantities("twenty-");
}

// QPhraseTable (first tokens found by the tokens' own hashes) against the
// plain reading: the phrases starting with token i's text, longest first
// (insertion order within a length), the first whose tokens all follow.
TEST(QPhraseTable, MatchesThePlainLongestFirstReading) {
  const std::vector<std::string> vocab = {
      "a", "an",   "few",   "dozen",  "of",    "more", "than",
      "-", "at",   "least", "nearly", "some",  "one",  "two",
      "3", "a.m.", "x",     "the",    "people"};
  std::mt19937 rng(5);
  auto phrase = [&](size_t max_words) {
    std::string p;
    for (size_t k = 1 + rng() % max_words; k > 0; --k) {
      p += (p.empty() ? "" : " ") + vocab[rng() % vocab.size()];
    }
    return p;
  };
  size_t matched = 0;
  for (int round = 0; round < 40; ++round) {
    QPhraseTable table;
    std::vector<std::pair<std::vector<std::string>, int>> plain;
    for (int k = 0; k < 1 + round; ++k) {
      std::string p = phrase(4);
      table.Add(p, k);
      QTokens pt(p);
      std::vector<std::string> toks;
      for (size_t i = 0; i < pt.size(); ++i) toks.emplace_back(pt.Text(i));
      plain.push_back({toks, k});
    }
    std::stable_sort(plain.begin(), plain.end(),
                     [](const auto& a, const auto& b) {
                       return a.first.size() > b.first.size();
                     });
    for (int n = 0; n < 50; ++n) {
      QTokens t(phrase(12));
      for (size_t i = 0; i <= t.size(); ++i) {
        size_t want_end = 0, got_end = 0;
        int want = -1, got = -1;
        for (const auto& [toks, payload] : plain) {
          if (i + toks.size() > t.size()) continue;
          size_t k = 0;
          while (k < toks.size() && t.Text(i + k) == toks[k]) ++k;
          if (k == toks.size()) {
            want_end = i + k;
            want = payload;
            break;
          }
        }
        bool found = table.MatchAt(t, i, &got_end, &got);
        ASSERT_EQ(found, want >= 0) << round << " " << i;
        if (found) {
          ++matched;
          EXPECT_EQ(got, want);
          EXPECT_EQ(got_end, want_end);
        }
      }
    }
  }
  EXPECT_GT(matched, 1000u);
}

}  // namespace
}  // namespace sitrep
