// Fast paths of the cleaner's scans against their plain forms.
#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "sitrep/utf8.h"
#include "text/clean_internal.h"

namespace sitrep {
namespace {

// FindNoCase as a scan of every start.
size_t PlainFindNoCase(std::string_view hay, std::string_view needle,
                       size_t from) {
  if (needle.empty() || hay.size() < needle.size()) return std::string::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (clean_internal::EqualsNoCase(hay.substr(i, needle.size()), needle)) {
      return i;
    }
  }
  return std::string::npos;
}

TEST(FindNoCase, MatchesThePlainScan) {
  std::mt19937 rng(42);
  const std::string alphabet = "aAbB. -1";
  auto random = [&](size_t max) {
    std::string s(rng() % (max + 1), ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int n = 0; n < 50000; ++n) {
    std::string hay = random(40), needle = random(4);
    size_t from = rng() % (hay.size() + 3);
    ASSERT_EQ(clean_internal::FindNoCase(hay, needle, from),
              PlainFindNoCase(hay, needle, from))
        << "[" << hay << "] [" << needle << "] " << from;
  }
  EXPECT_EQ(clean_internal::FindNoCase("xx Photo BY", "photo by"), 3u);
}

// Whichever byte of the needle the search looks for.
TEST(FindNoCaseAt, MatchesThePlainScanForEveryAnchor) {
  std::mt19937 rng(43);
  const std::string alphabet = "aAbBzZ. -1";
  auto random = [&](size_t min, size_t max) {
    std::string s(min + rng() % (max - min + 1), ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int n = 0; n < 50000; ++n) {
    std::string hay = random(0, 40), needle = random(1, 5);
    size_t from = rng() % (hay.size() + 3);
    size_t k = rng() % needle.size();
    ASSERT_EQ(clean_internal::FindNoCaseAt(hay, needle, from, k),
              PlainFindNoCase(hay, needle, from))
        << "[" << hay << "] [" << needle << "] " << from << " " << k;
  }
  EXPECT_EQ(clean_internal::FindNoCase("PHOTO", "photos"), std::string::npos);
}

// Every "contains" pattern found in one pass, as searching for each would.
TEST(ContainsMask, MatchesThePlainScanOfEachPattern) {
  std::vector<const clean_internal::NoisePattern*> slotted;
  for (const auto& p : clean_internal::NoisePatterns()) {
    if (p.slot < clean_internal::kContainsSlots) slotted.push_back(&p);
  }
  ASSERT_GE(slotted.size(), 3u);
  std::mt19937 rng(45);
  const std::string filler[] = {" ", "a",        "Share", "on",   "x",
                                ".", "\xC3\xA9", "k",     "read", "MIN"};
  for (int n = 0; n < 20000; ++n) {
    std::string line;
    size_t parts = rng() % 12;
    for (size_t i = 0; i < parts; ++i) {
      if (rng() % 4 == 0) {
        std::string t(slotted[rng() % slotted.size()]->text);
        if (rng() % 2 == 0) t = t.substr(0, rng() % (t.size() + 1));
        for (char& c : t) {
          if (rng() % 3 == 0) c = static_cast<char>(std::toupper(c));
        }
        line += t;
      } else {
        line += filler[rng() % 10];
      }
    }
    line = line.substr(0, clean_internal::kMaxContainsLine);
    uint32_t mask = clean_internal::ContainsMask(line);
    ASSERT_EQ(clean_internal::ContainsMask(line, /*allow_avx2=*/false), mask);
    for (const auto* p : slotted) {
      bool want = PlainFindNoCase(line, p->text, 0) != std::string::npos;
      ASSERT_EQ(((mask >> p->slot) & 1) != 0, want) << line << " | " << p->text;
    }
  }
}

// A byte the white-space collapsing copies without a look: printable
// ASCII, or a space before a byte above 0x20 other than 0x7F.
bool PlainByte(std::string_view s, size_t j, size_t end) {
  auto c = static_cast<unsigned char>(s[j]);
  if (c > 0x20 && c < 0x7F) return true;
  if (c != ' ' || j + 1 >= end) return false;
  auto d = static_cast<unsigned char>(s[j + 1]);
  return d > 0x20 && d != 0x7F;
}

TEST(SkipPlainBytes, StopsAtTheFirstByteToLookAt) {
  std::mt19937 rng(46);
  const std::string pieces[] = {"word",
                                " ",
                                "  ",
                                "\t",
                                "\n",
                                "\x7F",
                                "\x01",
                                "\xC2\xA0",
                                "\xE2\x80\x8B",
                                "caf\xC3\xA9",
                                "a b c d e f g h i j"};
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    size_t parts = rng() % 30;
    for (size_t k = 0; k < parts; ++k) s += pieces[rng() % 11];
    if (s.empty()) continue;
    size_t end = s.size() - rng() % std::min<size_t>(s.size(), 4);
    if (end == 0) continue;
    size_t i = rng() % end;
    size_t r = clean_internal::SkipPlainBytes(s, i, end);
    ASSERT_GE(r, i);
    ASSERT_LT(r, end);
    for (size_t j = i; j < r; ++j) ASSERT_TRUE(PlainByte(s, j, end)) << n;
    // Stopped at a byte to look at, or short of one within the last 16.
    ASSERT_TRUE(!PlainByte(s, r, end) || r + 16 >= end) << n;
  }
}

TEST(NextSeparatorByte, MatchesFindFirstOf) {
  std::mt19937 rng(47);
  const std::string alphabet = "aB (-):.\xE2\x80\x94 ,";
  for (int n = 0; n < 20000; ++n) {
    std::string s(rng() % 70, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    size_t limit = s.empty() ? 0 : rng() % (s.size() + 1);
    size_t i = rng() % (limit + 1);
    size_t want = std::string_view(s).substr(0, limit).find_first_of(
        std::string_view("()-:\xE2"), i);
    if (want == std::string::npos) want = limit;
    ASSERT_EQ(clean_internal::NextSeparatorByte(s, i, limit), want) << n;
  }
}

// FindFullDates as the loop it was: ParseDate at every digit or capital
// that begins a word.
std::vector<CivilDay> PlainFindFullDates(std::string_view s) {
  auto alnum = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c));
  };
  std::vector<CivilDay> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    bool start = ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) &&
                 (i == 0 || !alnum(s[i - 1]));
    CivilDay d;
    size_t n = start ? clean_internal::ParseDate(s.substr(i), &d) : 0;
    if (n > 0 && d.complete() && d.valid()) {
      out.push_back(d);
      i += n;
    } else {
      ++i;
    }
  }
  return out;
}

TEST(FindFullDates, MatchesThePlainLoop) {
  const std::vector<std::string> pieces = {
      "January", "Jan.", "JUNE", "Sept", "sept", "May",        "Mayor", "March",
      "Monday",  "Dec",  "26",   "1",    "2020", "2019-11-14", "-",     "31st",
      " ",       ",",    ".",    "x",    "A",    "Ã©"};
  std::mt19937 rng(11);
  int found = 0;
  for (int t = 0; t < 30000; ++t) {
    std::string s;
    for (size_t k = 0, n = rng() % 10; k < n; ++k) {
      s += pieces[rng() % pieces.size()];
      if (rng() % 3) s += ' ';
    }
    std::vector<CivilDay> got;
    clean_internal::FindFullDates(s, &got);
    std::vector<CivilDay> want = PlainFindFullDates(s);
    found += static_cast<int>(want.size());
    ASSERT_EQ(got, want) << s;
  }
  EXPECT_GT(found, 1000);
}

// LooksBinary as the loop it was: a NUL anywhere in the first 8 KiB, or
// more than 10% control characters there.
bool PlainLooksBinary(std::string_view s) {
  if (s.size() >= 2 && ((static_cast<unsigned char>(s[0]) == 0xFF &&
                         static_cast<unsigned char>(s[1]) == 0xFE) ||
                        (static_cast<unsigned char>(s[0]) == 0xFE &&
                         static_cast<unsigned char>(s[1]) == 0xFF))) {
    return false;
  }
  std::string_view head = s.substr(0, 8192);
  size_t controls = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
        c == 0x7F) {
      ++controls;
    }
  }
  return !head.empty() && controls * 10 > head.size();
}

TEST(LooksBinary, MatchesThePlainLoop) {
  std::mt19937 rng(7);
  const std::string bytes =
      std::string("ab \t\n\r\f\x01\x1f\x7f\xff\xfe", 13) + std::string(1, '\0');
  int binary = 0;
  for (int n = 0; n < 20000; ++n) {
    size_t len = n % 50 == 0 ? 8000 + rng() % 400 : rng() % 40;
    std::string s(len, 'a');
    int rate = 1 + static_cast<int>(rng() % 30);  // controls per 100 bytes
    for (char& c : s) {
      if (static_cast<int>(rng() % 100) < rate) c = bytes[rng() % bytes.size()];
    }
    bool want = PlainLooksBinary(s);
    binary += want;
    ASSERT_EQ(LooksBinary(s), want) << n;
  }
  EXPECT_GT(binary, 1000);  // both answers were exercised
  EXPECT_LT(binary, 19000);
  // Runs of controls across the counter's 255-byte blocks, all or 1 in 10.
  for (size_t len = 240; len < 800; ++len) {
    std::string all(len, '\x01'), tenth(len, 'a');
    for (size_t i = 0; i < len; i += 10) tenth[i] = '\x7f';
    ASSERT_EQ(LooksBinary(all), PlainLooksBinary(all)) << len;
    ASSERT_EQ(LooksBinary(tenth), PlainLooksBinary(tenth)) << len;
  }
}

// MatchLinePattern as first written: each pattern in order, the contains
// patterns by a case-blind search of the line each.
const clean_internal::NoisePattern* PlainMatchLinePattern(
    std::string_view line) {
  using clean_internal::EqualsNoCase;
  using clean_internal::Match;
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
    line.remove_prefix(1);
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  std::string_view bare = line;
  while (!bare.empty() && (bare.back() == ':' || bare.back() == '.')) {
    bare.remove_suffix(1);
  }
  for (const auto& p : clean_internal::NoisePatterns()) {
    bool hit = false;
    if (p.match == Match::kLine || p.match == Match::kTail) {
      hit = EqualsNoCase(bare, p.text);
    } else if (p.match == Match::kPrefix) {
      hit = EqualsNoCase(line.substr(0, p.text.size()), p.text);
    } else if (p.match == Match::kSuffix) {
      hit = line.size() >= p.text.size() &&
            EqualsNoCase(line.substr(line.size() - p.text.size()), p.text);
    } else if (p.match == Match::kContains) {
      hit = line.size() <= 300 &&
            PlainFindNoCase(line, p.text, 0) != std::string_view::npos;
    }
    if (hit) return &p;
  }
  return nullptr;
}

// Lines made of the patterns' own texts (case flipped at random), filler
// and punctuation, some past the 300-byte limit of the contains patterns.
TEST(MatchLinePattern, MatchesThePlainForm) {
  std::vector<std::string> pieces = {
      "the", " ", ".", ":", "Click", "x", std::string(120, 'a')};
  for (const auto& p : clean_internal::NoisePatterns()) {
    pieces.emplace_back(p.text);
  }
  std::mt19937 rng(17);
  int hits = 0;
  for (int t = 0; t < 20000; ++t) {
    std::string line;
    for (size_t k = 0, n = rng() % 6; k < n; ++k) {
      line += pieces[rng() % pieces.size()];
      if (rng() % 2) line += ' ';
    }
    for (char& c : line) {
      if (rng() % 4 == 0) c = static_cast<char>(std::toupper(c));
    }
    const auto* want = PlainMatchLinePattern(line);
    ASSERT_EQ(clean_internal::MatchLinePattern(line), want) << line;
    hits += want != nullptr;
  }
  EXPECT_GT(hits, 1000);
}

}  // namespace
}  // namespace sitrep
