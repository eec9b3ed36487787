#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "geo/normalize_internal.h"
#include "sitrep/gazetteer.h"

namespace sitrep {
namespace {

// Each group shares one key.
const std::vector<std::vector<std::string>> kSame = {
    {"Nassiriya", "Nasiriyah", "Nasiriya", "An Nasiriyah", "Nāṣiriyah",
     "An-Nāṣiriyah", "al-Nasiriya", "NASIRIYAH", "Nasiriyeh", "Nasiriyya"},
    {"Basra", "Basrah", "Al Basrah", "al-Basra", "Başrah"},
    {"Kut", "Al Kūt", "al-Kut", "KUT"},
    {"Najaf", "An Najaf", "an-Najaf", "Al Najaf"},
    {"Falluja", "Fallujah", "Al Fallūjah", "al-Falluja"},
    {"Mosul", "Al Mosul", "Mossoul"},
    {"Kirkuk", "KIRKUK", "Kirkūk"},
    {"Kabul", "Kābul"},
    {"Mogadishu", "Mogadishou"},
    {"Maiduguri", "MAIDUGURI", "Maidugurí"},
    {"Aleppo", "Alepo", "Aleppo"},
    {"Tall 'Afar", "Tal Afar", "Tall ‘Afar", "Talafar"},
    {"Iraq", "Irak", "Iraq"},
    {"Deir ez-Zor", "Deir ez Zor", "Deir al-Zor"},
    {"Dhi Qar", "Dhi Kar", "dhi qar"},
    {"Sūq ash Shuyūkh", "Suq ash Shuyukh", "Suq al-Shuyukh"},
    {"Baghdad's", "Baghdads"},
    {"Sōzmah Qal‘ah", "Sozma Qala", "Sozmah Qalah", "Sozma Qal'a"},
    {"Qalat-e Ghilzay", "Qalateh Ghilzay"},
    {"U.S.", "US"},
};

// Pairs that must stay apart.
const std::vector<std::pair<std::string, std::string>> kDifferent = {
    {"Basra", "Bursa"},       {"Iran", "Iraq"},       {"Niger", "Nigeria"},
    {"Sudan", "South Sudan"}, {"Kut", "Kuta"},        {"Mali", "Malawi"},
    {"Oman", "Amman"},        {"Gaza", "Giza"},       {"Erbil", "Irbid"},
    {"Austria", "Australia"}, {"Guinea", "Guyana"},   {"Homs", "Hama"},
    {"Paris", "Parish"},      {"Najaf", "Nablus"},    {"Mosul", "Mansoura"},
    {"Kabul", "Kabala"},      {"Aden", "Adana"},      {"Tikrit", "Tirana"},
    {"Ramadi", "Rafah"},      {"Jordan", "Jordania"}, {"Kirkuk", "Karak"},
};

TEST(NormalizePlaceKey, EquivalentSpellingsShareAKey) {
  for (const auto& group : kSame) {
    std::string want = NormalizePlaceKey(group[0]);
    EXPECT_FALSE(want.empty()) << group[0];
    for (const std::string& s : group) {
      EXPECT_EQ(NormalizePlaceKey(s), want) << s << " vs " << group[0];
    }
  }
}

TEST(NormalizePlaceKey, DistinctNamesStayDistinct) {
  for (const auto& [a, b] : kDifferent) {
    EXPECT_NE(NormalizePlaceKey(a), NormalizePlaceKey(b)) << a << " / " << b;
  }
}

TEST(NormalizePlaceKey, Shapes) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Nassiriya", "nasiriya"},
      {"", ""},
      {"  ", ""},
      {"Al", "al"},               // an article alone is kept
      {"São Paulo", "saopaulo"},  // ã -> a
      {"Łódź", "lodz"},
      {"Straße", "strase"},
      {"Zürich", "zurich"},
      {"El-Fasher", "fasher"},
      {"The Hague", "hague"},
      {"بغداد", "بغداد"},  // other scripts pass through
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(NormalizePlaceKey(in), want) << in;
  }
}

// The plain form of steps 2 and 3 (as written before the allocation-free
// rewrite): split into words, drop articles, fold endings, join, fold.
void ReplaceEndingRef(std::string* s, std::string_view from,
                      std::string_view to) {
  if (s->size() > from.size() + 1 && s->ends_with(from)) {
    s->resize(s->size() - from.size());
    s->append(to);
  }
}

std::string ReferenceKey(std::string_view name) {
  const std::string folded = geo::FoldPlaceWords(name);
  std::vector<std::string> words;
  std::string cur;
  for (char c : folded + " ") {
    if (c != ' ') {
      cur.push_back(c);
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
  }
  static const std::vector<std::string> kArticles = {
      "al",  "el",  "an", "ad", "ar", "as", "at", "az", "ash",
      "adh", "ath", "ul", "es", "et", "ed", "en", "ez"};
  std::string joined;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string w = words[k];
    if (k + 1 < words.size()) {
      bool article =
          std::find(kArticles.begin(), kArticles.end(), w) != kArticles.end();
      if (article || (k == 0 && w == "the")) continue;
      ReplaceEndingRef(&w, "ah", "a");
      ReplaceEndingRef(&w, "eh", "e");
    }
    joined += w;
  }
  if (joined.empty()) return joined;
  std::string s;
  for (size_t i = 0; i < joined.size(); ++i) {
    char c = joined[i] == 'q' ? 'k' : joined[i];
    if (c == 'o' && i + 1 < joined.size() && joined[i + 1] == 'u') continue;
    if (!s.empty() && s.back() == c && static_cast<unsigned char>(c) < 0x80) {
      continue;
    }
    s.push_back(c);
  }
  ReplaceEndingRef(&s, "iyah", "iya");
  ReplaceEndingRef(&s, "iyeh", "iya");
  ReplaceEndingRef(&s, "iye", "iya");
  ReplaceEndingRef(&s, "iah", "iya");
  if (s.ends_with("ia") && !s.ends_with("iya")) {
    ReplaceEndingRef(&s, "ia", "iya");
  }
  ReplaceEndingRef(&s, "ah", "a");
  ReplaceEndingRef(&s, "eh", "e");
  return s;
}

// The buffered normaliser against the plain form, on every sequence of up
// to three pieces and on random longer ones (articles, endings, separators,
// diacritics, other scripts, malformed bytes).
TEST(NormalizePlaceKey, MatchesThePlainForm) {
  const std::vector<std::string> pieces = {
      "al", "Al-", "el ",    "The ",   "the", " ",  "-",    "'",  "ash",
      "ah", "eh",  "Sozmah", "Qal'ah", "ou",  "q",  "iyah", "ia", "iye",
      "a",  "h",   "ss",     "U.S.",   ".",   "ā",  "ṣ",    "ß",  "بغ",
      "x",  "e",   "ye",     "\xff",   "Ab",  "ul", "Deir", "ez", "  "};
  auto check = [](const std::string& s) {
    ASSERT_EQ(NormalizePlaceKey(s), ReferenceKey(s)) << "[" << s << "]";
  };
  for (const std::string& a : pieces) {
    check(a);
    for (const std::string& b : pieces) {
      check(a + b);
      check(a + " " + b);
      for (const std::string& c : pieces) check(a + b + c);
    }
  }
  std::mt19937 rng(6);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    int len = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < len; ++k) {
      s += pieces[rng() % pieces.size()];
      if (rng() % 3 == 0) s += ' ';
    }
    check(s);
  }
}

// The place finder skips the lookup of a word shorter than a kind's
// shortest key less one (Finder::Is): a key is never more than one byte
// longer than its text (`-ia` -> `-iya` the only lengthening), over the
// pieces' shapes and random bytes.
TEST(NormalizePlaceKey, KeyIsAtMostOneByteLongerThanItsText) {
  const std::vector<std::string> pieces = {
      "ia", "Ia", "iah", "iye", "ß",  "ẞ",  "Æ",  "æ",  "Œ",   "Þ",
      "ĳ",  "Ĳ",  "ā",   "ṣ",   "ou", "q",  "ss", "al", "the", "-",
      " ",  "'",  "’",   "a",   "h",  "eh", "ÿ",  "بغ", "5",   "X",
      "Ƒ",  "Ã",  "é",   "—",   ".",  "ǝ",  "Ŋ",  "ŧ",  "ı",   "ð"};
  auto check = [](const std::string& s) {
    ASSERT_LE(NormalizePlaceKey(s).size(), s.size() + 1) << "[" << s << "]";
  };
  for (const std::string& a : pieces) {
    for (const std::string& b : pieces) {
      for (const std::string& c : pieces) check(a + b + c);
    }
  }
  std::mt19937 rng(9);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    int len = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < len; ++k) s += pieces[rng() % pieces.size()];
    check(s);
    std::string bytes(1 + rng() % 12, ' ');
    for (char& c : bytes) c = static_cast<char>(rng());
    check(bytes);
  }
}

// The inlined ASCII case of DecodeUtf8 steps as the full decoder does, over
// random bytes (ASCII, lead and continuation bytes, truncated sequences).
// SameShortText (overlapping loads) against ==: every length up to 32,
// texts equal and differing in one byte at every position, and of other
// lengths; ShortTextHash equal for equal texts.
TEST(ShortText, SameMatchesEquality) {
  std::mt19937 rng(9);
  for (size_t n = 0; n <= 32; ++n) {
    for (int trial = 0; trial < 20; ++trial) {
      std::string a(n, ' ');
      for (char& c : a) c = static_cast<char>('a' + rng() % 3);
      std::string b = a;
      EXPECT_TRUE(geo::SameShortText(a, b)) << a;
      EXPECT_EQ(geo::ShortTextHash(a), geo::ShortTextHash(b)) << a;
      for (size_t k = 0; k < n; ++k) {
        std::string c = a;
        c[k] = static_cast<char>(c[k] ^ (1 << (rng() % 8)));
        EXPECT_EQ(geo::SameShortText(a, c), a == c) << a << " " << k;
      }
      EXPECT_FALSE(geo::SameShortText(a, a + "x")) << a;
      if (n > 0) EXPECT_FALSE(geo::SameShortText(a, a.substr(1))) << a;
    }
  }
}

TEST(DecodeUtf8, InlinedAsciiMatchesTheFullDecoder) {
  std::mt19937 rng(3);
  const std::string pieces[] = {"a",
                                "Z",
                                " ",
                                "\x7f",
                                "\xc3\xa9",
                                "\xe2\x80\x99",
                                "\xf0\x9f\x98\x80",
                                "\x80",
                                "\xc3",
                                "\xff"};
  for (int n = 0; n < 5000; ++n) {
    std::string s;
    for (int k = static_cast<int>(rng() % 12); k >= 0; --k) {
      s += pieces[rng() % std::size(pieces)];
    }
    size_t fast = 0, slow = 0;
    while (fast < s.size()) {
      ASSERT_EQ(fast, slow) << s;
      char32_t a = geo::DecodeUtf8(s, &fast);
      char32_t b = geo::DecodeUtf8Slow(s, &slow);
      ASSERT_EQ(a, b) << s;
    }
    EXPECT_EQ(fast, slow) << s;
  }
}

// The one-ASCII-word shortcut of NormalizePlaceKey against its three steps
// (NormalizePlaceKeyPlain): random words over letters and digits, with the
// endings and articles the steps fold, and texts mixing in spaces,
// hyphens, apostrophes and non-ASCII letters (which take the plain path).
TEST(NormalizePlaceKey, AsciiWordShortcutMatchesThePlainSteps) {
  std::mt19937 rng(11);
  const std::string pieces[] = {"a",   "Q",  "ou",      "iyah", "iyeh", "iye",
                                "iah", "ia", "ah",      "eh",   "al",   "The",
                                "ll",  "7",  "K",       "x",    "AL",   " ",
                                "-",   "'",  "\xc3\xa9"};
  const size_t ascii_pieces = std::size(pieces) - 4;
  for (int n = 0; n < 20000; ++n) {
    bool word = n % 2 == 0;
    size_t range = word ? ascii_pieces : std::size(pieces);
    std::string s;
    for (int k = static_cast<int>(rng() % 6); k >= 0; --k) {
      s += pieces[rng() % range];
    }
    ASSERT_EQ(NormalizePlaceKey(s), geo::NormalizePlaceKeyPlain(s)) << s;
  }
  for (const char* s : {"", "A", "Baghdad", "SANAA", "Nasiriyah", "al"}) {
    EXPECT_EQ(NormalizePlaceKey(s), geo::NormalizePlaceKeyPlain(s)) << s;
  }
}

// The per-thread memo of keys against the plain steps: 3,000 distinct
// names (three times the memo's slots, so slots are reused by other
// names) asked in random order, repeated, some past the memo's 32 bytes,
// "" among them; every answer equal to NormalizePlaceKeyPlain, also from a
// second thread with its own memo.
TEST(NormalizePlaceKey, MemoMatchesThePlainSteps) {
  std::mt19937 rng(5);
  const std::string pieces[] = {
      "Al",           "-",        " ",     "Qal'ah", "\xc3\xa9", "ou",  "iya",
      "ah",           "The ",     "Kabul", "7",      "x",        "de ", "ss",
      "\xe2\x80\x99", "Province "};
  std::vector<std::string> names = {""};
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    for (int k = static_cast<int>(rng() % 9); k >= 0; --k) {
      s += pieces[rng() % std::size(pieces)];
    }
    names.push_back(s);
  }
  auto check = [&](unsigned seed, std::vector<std::string>* errors) {
    std::mt19937 pick(seed);
    for (int n = 0; n < 30000; ++n) {
      const std::string& s = names[pick() % names.size()];
      if (NormalizePlaceKey(s) != geo::NormalizePlaceKeyPlain(s)) {
        errors->push_back(s);
      }
    }
  };
  std::vector<std::string> errors, errors2;
  check(1, &errors);
  std::thread other(check, 2, &errors2);
  other.join();
  EXPECT_EQ(errors, std::vector<std::string>{});
  EXPECT_EQ(errors2, std::vector<std::string>{});
}

TEST(NormalizePlaceKey, MalformedUtf8DoesNotCrash) {
  const std::string bad[] = {"\xff\xfe", "Ba\xc3", "\xe2\x80", "\xf0\x9f\x98"};
  for (const std::string& s : bad) {
    std::string k = NormalizePlaceKey(s);
    EXPECT_LE(k.size(), s.size() * 3);
  }
}

}  // namespace
}  // namespace sitrep
