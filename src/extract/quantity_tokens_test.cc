// QTokens::Assign (one table lookup per byte, words lower-cased and hashed
// in place) against a plain tokeniser written from the header's rules, on
// random texts of letters, digits, separators, spaces, U+00A0 and other
// UTF-8 (valid and broken).
#include "extract/quantity_tokens.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace sitrep {
namespace {

struct PlainToken {
  QToken tok;
  std::string text;  // a word lower-cased
};

bool Alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool Digit(char c) { return c >= '0' && c <= '9'; }

size_t SpaceAt(const std::string& s, size_t i) {
  if (std::string(" \n\t\r\f\v").find(s[i]) != std::string::npos) return 1;
  return s.compare(i, 2, "\xC2\xA0") == 0 ? 2 : 0;
}

size_t Utf8Length(unsigned char c) {
  if (c >= 0xF0 && c < 0xF8) return 4;
  if (c >= 0xE0 && c < 0xF0) return 3;
  if (c >= 0xC0 && c < 0xE0) return 2;
  return 1;
}

// A number at s[i]: digits, ",ddd" groups, then ".d+".
size_t PlainNumber(const std::string& s, size_t i, QToken* t) {
  std::string digits;
  size_t j = i;
  while (j < s.size() && Digit(s[j])) digits += s[j++];
  while (j + 4 <= s.size() && s[j] == ',' && Digit(s[j + 1]) &&
         Digit(s[j + 2]) && Digit(s[j + 3]) &&
         (j + 4 == s.size() || !Digit(s[j + 4]))) {
    digits += s.substr(j + 1, 3);
    j += 4;
    t->has_comma = true;
  }
  for (char c : digits) {
    t->value = t->value >= 100000000000000000 ? 1000000000000000000
                                              : t->value * 10 + (c - '0');
  }
  t->int_digits = static_cast<uint8_t>(std::min<size_t>(digits.size(), 255));
  t->dvalue = static_cast<double>(t->value);
  if (j + 1 < s.size() && s[j] == '.' && Digit(s[j + 1])) {
    double scale = 0.1;
    for (++j; j < s.size() && Digit(s[j]); ++j, scale /= 10) {
      t->dvalue += scale * (s[j] - '0');
    }
    t->has_decimal = true;
  }
  return j;
}

std::vector<PlainToken> PlainTokens(const std::string& s) {
  std::vector<PlainToken> out;
  bool space = true;
  for (size_t i = 0; i < s.size();) {
    if (size_t n = SpaceAt(s, i)) {
      i += n;
      space = true;
      continue;
    }
    PlainToken p;
    p.tok.begin = static_cast<uint32_t>(i);
    p.tok.space_before = space;
    space = false;
    if (Alpha(s[i])) {
      p.tok.kind = QTokKind::kWord;
      p.tok.capitalized = s[i] >= 'A' && s[i] <= 'Z';
      while (i < s.size() && Alpha(s[i])) ++i;
    } else if (Digit(s[i])) {
      p.tok.kind = QTokKind::kNumber;
      i = PlainNumber(s, i, &p.tok);
    } else {
      i = std::min(s.size(), i + Utf8Length(static_cast<unsigned char>(s[i])));
    }
    p.tok.end = static_cast<uint32_t>(i);
    p.text = s.substr(p.tok.begin, i - p.tok.begin);
    // Words read in lower case; other tokens as written (a broken UTF-8
    // sequence may swallow a letter: "\xE2Z,").
    for (char& c : p.text) {
      if (p.tok.kind == QTokKind::kWord && c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
    }
    out.push_back(p);
  }
  return out;
}

TEST(QTokens, AssignMatchesThePlainTokeniser) {
  const std::vector<std::string> bits = {"a",
                                         "Z",
                                         "Kill",
                                         "ed",
                                         "0",
                                         "7",
                                         "1,200",
                                         ",12",
                                         ".",
                                         "5",
                                         ",",
                                         "-",
                                         " ",
                                         "  ",
                                         "\t",
                                         "\n",
                                         "\r",
                                         "\f",
                                         "\v",
                                         "(",
                                         "'",
                                         "\xC2",
                                         "\xA0",
                                         "\xC2\xA0",
                                         "\xC3\x89",
                                         "\xE2\x80\x93",
                                         "\xF0\x9F\x98\x80",
                                         "\xFF",
                                         "\x80",
                                         "\xE2",
                                         "@",
                                         "Jan",
                                         "2020",
                                         "3.5",
                                         "a.m.",
                                         "x9"};
  std::mt19937 rng(41);
  QTokens t;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (int k = static_cast<int>(rng() % 16); k > 0; --k) {
      text += bits[rng() % bits.size()];
    }
    t.Assign(text);
    const std::vector<PlainToken> plain = PlainTokens(text);
    ASSERT_EQ(t.size(), plain.size()) << text;
    for (size_t i = 0; i < plain.size(); ++i) {
      const QToken &a = t[i], &b = plain[i].tok;
      ASSERT_EQ(t.Text(i), plain[i].text) << text << " token " << i;
      ASSERT_EQ(t.Hash(i), QTokens::TextHash(plain[i].text)) << text;
      ASSERT_TRUE(a == b) << text << " token " << i;  // every field
    }
    ASSERT_EQ(t.Hash(plain.size()), 0u);
    ASSERT_EQ(t.Text(plain.size()), "");
  }
}

}  // namespace
}  // namespace sitrep
