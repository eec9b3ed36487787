// TokenizeForMatch (ASCII fast paths) against its plain form, as first
// written, on random texts made of words, apostrophes, curly quotes,
// dashes, dots and non-ASCII letters.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extract/analysis.h"
#include "extract/phrase_matcher.h"

namespace sitrep {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

size_t ApostropheAt(std::string_view s, size_t i) {
  if (s[i] == '\'') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x99) {
    return 3;
  }
  return 0;
}

bool InnerJoiner(std::string_view s, size_t i) {
  if (s[i] != '-' && s[i] != '.') return false;
  return i > 0 && i + 1 < s.size() &&
         IsWordByte(static_cast<unsigned char>(s[i - 1])) &&
         IsWordByte(static_cast<unsigned char>(s[i + 1]));
}

std::string Normalize(std::string_view w) {
  std::string n;
  for (size_t i = 0; i < w.size(); ++i) {
    size_t ap = ApostropheAt(w, i);
    if (ap) {
      n.push_back('\'');
      i += ap - 1;
      continue;
    }
    char c = w[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    n.push_back(c);
  }
  if (n.size() > 2 && n.compare(n.size() - 2, 2, "'s") == 0)
    n.resize(n.size() - 2);
  if (!n.empty() && n.back() == '\'') n.pop_back();
  return n;
}

bool GeneralPunctAt(std::string_view s, size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
         (static_cast<unsigned char>(s[i + 1]) == 0x80 ||
          static_cast<unsigned char>(s[i + 1]) == 0x81);
}

size_t WordEnd(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size()) {
    size_t a = ApostropheAt(s, j);
    if (a && j > i && j + a < s.size() &&
        IsWordByte(static_cast<unsigned char>(s[j + a])) &&
        !GeneralPunctAt(s, j + a)) {
      j += a;
    } else if (GeneralPunctAt(s, j) || a) {
      break;
    } else if (IsWordByte(static_cast<unsigned char>(s[j])) ||
               InnerJoiner(s, j)) {
      ++j;
    } else {
      break;
    }
  }
  return j;
}

// TokenizeForMatch as first written, each token shown.
std::string PlainTokens(std::string_view s, uint32_t base) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    size_t j = WordEnd(s, i);
    bool punct = j == i;
    if (punct) j = i + (GeneralPunctAt(s, i) ? 3 : 1);
    std::string_view w = s.substr(i, j - i);
    std::string norm = punct ? std::string(w) : Normalize(w);
    if (punct && GeneralPunctAt(s, i)) {
      unsigned char k = static_cast<unsigned char>(s[i + 2]);
      norm = (k >= 0x90 && k <= 0x95) ? "-" : "\"";
    }
    out += std::to_string(base + i) + "-" + std::to_string(base + j) + ":" +
           norm + (c >= 'A' && c <= 'Z' ? "C" : "") + (punct ? "P" : "") + "|";
    i = j;
  }
  return out;
}

std::string Show(const std::vector<Tok>& toks) {
  std::string out;
  for (const Tok& t : toks) {
    out += std::to_string(t.span.begin) + "-" + std::to_string(t.span.end) +
           ":" + t.norm + (t.cap ? "C" : "") + (t.punct ? "P" : "") + "|";
  }
  return out;
}

TEST(TokenizeForMatch, MatchesThePlainForm) {
  const std::string pieces[] = {
      "Police", "killed", "Shi'ite", "al-Qaeda", "U.S.", "5.56", "'s", "'",
      "\xE2\x80\x99s", "\xE2\x80\x99", "\xE2\x80\x94", "\xE2\x80\x9C",
      "\xE2\x81\x84", "\xC3\xA9t\xC3\xA9", "-", ".", ",", " ", "  ", "\n", "\t",
      "X", "o'clock", "\xE2", "\xE2\x80", "2023", "(", "men's",
      // The one-pass path's bounds: 32 and 33 letters, a quote and a comma.
      "abcdefghijklmnopqrstuvwxyzABCDEF", "Abcdefghijklmnopqrstuvwxyzabcdefg",
      "\"", ","};
  std::mt19937 rng(9);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (int k = static_cast<int>(rng() % 14); k >= 0; --k) {
      s += pieces[rng() % std::size(pieces)];
    }
    uint32_t base = rng() % 1000;
    ASSERT_EQ(Show(TokenizeForMatch(s, base)), PlainTokens(s, base)) << s;
    // With hashes: the same tokens, and each norm's hash as Match takes it.
    std::vector<uint64_t> hashes = {1, 2, 3};  // replaced, not appended to
    std::vector<Tok> toks = TokenizeForMatch(s, base, &hashes);
    ASSERT_EQ(Show(toks), PlainTokens(s, base)) << s;
    ASSERT_EQ(hashes.size(), toks.size()) << s;
    for (size_t i = 0; i < toks.size(); ++i) {
      uint64_t h = 14695981039346656037ull;  // FNV-1a, as first written
      for (unsigned char c : toks[i].norm) h = (h ^ c) * 1099511628211ull;
      ASSERT_EQ(hashes[i], h) << s << " token " << i;
      ASSERT_EQ(PhraseMatcher::TokenHash(toks[i].norm), h);
    }
  }
}

}  // namespace
}  // namespace sitrep
