// Scan (ASCII letters and digits stepped over first) against its plain
// form, as first written, on random texts: capitals, all-capitals words,
// dotted abbreviations, apostrophes, possessives, hyphens, non-ASCII letters
// and punctuation, malformed bytes.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <random>
#include <string>
#include <vector>

#include "geo/find_places_internal.h"

namespace sitrep::geo::find_internal {
namespace {

bool IsWordChar(char32_t cp) {
  if (cp >= 0x80) return u_isalnum(cp);
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= '0' && cp <= '9');
}
bool IsUpper(char32_t cp) {
  return cp >= 0x80 ? u_isupper(cp) : (cp >= 'A' && cp <= 'Z');
}
bool IsLower(char32_t cp) {
  return cp >= 0x80 ? u_islower(cp) : (cp >= 'a' && cp <= 'z');
}
bool IsApos(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018; }

std::vector<Word> PlainScan(std::string_view t) {
  std::vector<Word> words;
  size_t i = 0;
  bool sentence_start = true;
  size_t gap_begin = 0;
  while (i < t.size()) {
    size_t p = i;
    char32_t cp = DecodeUtf8(t, &p);
    if (!IsWordChar(cp)) {
      if (cp == '.' || cp == '!' || cp == '?' || cp == '\n')
        sentence_start = true;
      i = p;
      continue;
    }
    Word w;
    w.begin = static_cast<uint32_t>(i);
    w.cap = IsUpper(cp);
    w.all_caps = w.cap;
    w.sentence_start = sentence_start;
    std::string_view gap = t.substr(gap_begin, i - gap_begin);
    w.joined = !words.empty() && (gap == " " || gap == "-");
    w.sep_before = gap == "-" ? '-' : ' ';
    size_t letters = 0;
    while (i < t.size()) {
      size_t q = i;
      char32_t c = DecodeUtf8(t, &q);
      if (IsWordChar(c)) {
        if (IsLower(c)) w.all_caps = false;
        ++letters;
        i = q;
        continue;
      }
      size_t r = q;
      if (r < t.size() && (IsApos(c) || (c == '.' && letters == 1))) {
        char32_t next = DecodeUtf8(t, &r);
        if (IsWordChar(next)) {
          if (c == '.') w.dotted = true;
          letters = 0;
          i = q;
          continue;
        }
      }
      break;
    }
    w.end = static_cast<uint32_t>(i);
    if (w.dotted && i < t.size() && t[i] == '.')
      w.end = static_cast<uint32_t>(++i);
    std::string_view text = t.substr(w.begin, w.end - w.begin);
    for (std::string_view s : {"'s", "\xE2\x80\x99s"}) {
      if (text.size() > s.size() + 1 && text.ends_with(s)) {
        w.end -= static_cast<uint32_t>(s.size());
        w.possessive = true;
      }
    }
    words.push_back(w);
    sentence_start = false;
    gap_begin = i;
  }
  return words;
}

std::string Show(const std::vector<Word>& words) {
  std::string out;
  for (const Word& w : words) {
    out += std::to_string(w.begin) + "-" + std::to_string(w.end) +
           (w.cap ? "C" : "") + (w.all_caps ? "A" : "") +
           (w.dotted ? "D" : "") + (w.possessive ? "P" : "") +
           (w.sentence_start ? "S" : "") + w.sep_before +
           (w.joined ? "J" : "") + "|";
  }
  return out;
}

TEST(Scan, MatchesThePlainForm) {
  const std::string pieces[] = {"Kabul",
                                "KUT",
                                "al",
                                "U.S.",
                                "U.N",
                                "Shi'ite",
                                "'s",
                                "\xE2\x80\x99s",
                                "\xE2\x80\x99",
                                "-",
                                " ",
                                "  ",
                                ", ",
                                ". ",
                                "\n",
                                "!",
                                "5",
                                "2023",
                                "x",
                                "Q",
                                "\xC3\x89rbil",
                                "\xC3\xA9",
                                "\xD8\xA8\xD8\xBA",
                                "\xE2\x80\x94",
                                "\x80",
                                "\xC3",
                                "(",
                                ")",
                                "o'",
                                "'",
                                "?",
                                "s",
                                "Bs",
                                "\t"};
  std::mt19937 rng(21);
  std::vector<Word> reused;  // ScanInto over the last text's words
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (int k = static_cast<int>(rng() % 16); k >= 0; --k) {
      s += pieces[rng() % std::size(pieces)];
    }
    ASSERT_EQ(Show(Scan(s)), Show(PlainScan(s))) << s;
    ScanInto(s, &reused);
    ASSERT_EQ(Show(reused), Show(PlainScan(s))) << s;
  }
}

}  // namespace
}  // namespace sitrep::geo::find_internal
