#include "sitrep/sentences.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "sitrep/clean.h"
#include "text/sentences_internal.h"
#include "text/text_data.h"

namespace sitrep {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (Span s : SplitSentences(text)) out.emplace_back(s.In(text));
  return out;
}

struct SplitCase {
  const char* name;
  std::string text;
  std::vector<std::string> want;
};

const std::vector<SplitCase>& SplitCases() {
  static const auto* cases = new std::vector<SplitCase>{
      {"empty", "", {}},
      {"spaces only", "  \n\n ", {}},
      {"two", "One two. Three four.", {"One two.", "Three four."}},
      {"no final period", "One. Two", {"One.", "Two"}},
      {"month",
       "Protests began on Oct. 1 and grew. Then more.",
       {"Protests began on Oct. 1 and grew.", "Then more."}},
      {"month at end",
       "It happened in Jan. The rest followed.",
       {"It happened in Jan.", "The rest followed."}},
      {"U.S. inside",
       "The U.S. embassy and the U.S. Army were hit.",
       {"The U.S. embassy and the U.S. Army were hit."}},
      {"U.S.-led",
       "A U.S.-led invasion. Next.",
       {"A U.S.-led invasion.", "Next."}},
      {"U.S. at end",
       "Troops left the U.S. The war ended.",
       {"Troops left the U.S.", "The war ended."}},
      {"U.N.",
       "The U.N. Security Council met.",
       {"The U.N. Security Council met."}},
      {"titles",
       "Mr. Smith met Dr. Jones and Gen. Lee. They talked.",
       {"Mr. Smith met Dr. Jones and Gen. Lee.", "They talked."}},
      {"Lt. Col.",
       "Lt. Col. Ahmed Ali said so.",
       {"Lt. Col. Ahmed Ali said so."}},
      {"Sgt. St.",
       "Sgt. Brown lives on St. Mark's Square.",
       {"Sgt. Brown lives on St. Mark's Square."}},
      {"No.",
       "Route No. 5 was shut. Traffic stopped.",
       {"Route No. 5 was shut.", "Traffic stopped."}},
      {"a.m.",
       "It started at 2 a.m. local time. Police came.",
       {"It started at 2 a.m. local time.", "Police came."}},
      {"a.m. at end",
       "It started at 2 a.m. The police came.",
       {"It started at 2 a.m.", "The police came."}},
      {"initials",
       "J. K. Rowling wrote it. Fans cheered.",
       {"J. K. Rowling wrote it.", "Fans cheered."}},
      {"decimal",
       "Prices rose 3.5 percent. Then fell.",
       {"Prices rose 3.5 percent.", "Then fell."}},
      {"ellipsis lower",
       "He paused... and went on.",
       {"He paused... and went on."}},
      {"ellipsis upper",
       "He paused... Then he went on.",
       {"He paused...", "Then he went on."}},
      {"unicode ellipsis", "Wait\u2026 Then go.", {"Wait\u2026", "Then go."}},
      {"closing quote",
       "\u201cGo home.\u201d The crowd left.",
       {"\u201cGo home.\u201d", "The crowd left."}},
      {"ascii quote",
       "He said \"No.\" Then he left.",
       {"He said \"No.\"", "Then he left."}},
      {"question in quote",
       "\u201cWhy?\u201d he asked. Nobody knew.",
       {"\u201cWhy?\u201d he asked.", "Nobody knew."}},
      {"bracket", "(It was late.) The end.", {"(It was late.)", "The end."}},
      {"exclaim", "Stop! Now.", {"Stop!", "Now."}},
      {"opening quote next",
       "He left. \u201cWe stay,\u201d they said.",
       {"He left.", "\u201cWe stay,\u201d they said."}},
      {"paragraph always splits",
       "Title without period\n\nBody text.",
       {"Title without period", "Body text."}},
      {"abbrev before paragraph", "Dr.\n\nNext", {"Dr.", "Next"}},
      {"url",
       "See example.com for more. Yes.",
       {"See example.com for more.", "Yes."}},
      {"number after period",
       "He was born in 1970. 200 people came.",
       {"He was born in 1970.", "200 people came."}},
      {"arabic",
       "\u0642\u0627\u0644\u061F \u0646\u0639\u0645.",
       {"\u0642\u0627\u0644\u061F", "\u0646\u0639\u0645."}},
      {"lowercase after period",
       "the pH. level stays",
       {"the pH. level stays"}},
  };
  return *cases;
}

TEST(SplitSentences, Table) {
  for (const SplitCase& c : SplitCases()) {
    EXPECT_EQ(Sentences(c.text), c.want) << c.name;
  }
}

TEST(SplitSentences, LongRunIsCutAtBudget) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "word ";
  std::vector<Span> spans = SplitSentences(text);
  ASSERT_GE(spans.size(), 3u);
  for (Span s : spans) {
    EXPECT_LE(s.size(), 2000u);
    EXPECT_NE(text[s.begin], ' ');
    EXPECT_NE(text[s.end - 1], ' ');
  }
  // A run without spaces is cut on a UTF-8 boundary.
  std::string wide;
  for (int i = 0; i < 1500; ++i) wide += "\u00e9";
  for (Span s : SplitSentences(wide)) {
    EXPECT_NE(static_cast<unsigned char>(wide[s.begin]) & 0xC0, 0x80);
  }
}

struct TokenCase {
  std::string text;
  std::vector<std::string> want;
};

TEST(Tokenize, Table) {
  const TokenCase cases[] = {
      {"", {}},
      {"Hello, world!", {"Hello", ",", "world", "!"}},
      {"1,200 people and 3.5 km", {"1,200", "people", "and", "3.5", "km"}},
      {"Iraq\u2019s al-Sadr", {"Iraq\u2019s", "al-Sadr"}},
      {"don't", {"don't"}},
      {"the U.S.-led force", {"the", "U.S.-led", "force"}},
      {"the U.S. embassy", {"the", "U.S.", "embassy"}},
      {"at 2 a.m. today", {"at", "2", "a.m.", "today"}},
      {"end. Next", {"end", ".", "Next"}},
      {"\u201cquoted\u201d \u2014 dash",
       {"\u201c", "quoted", "\u201d", "\u2014", "dash"}},
      {"caf\u00e9 \u0628\u063a\u062f\u0627\u062f",
       {"caf\u00e9", "\u0628\u063a\u062f\u0627\u062f"}},
      {"1,2, 3", {"1,2", ",", "3"}},
      {"x- y", {"x", "-", "y"}},
      {"2020-01-26", {"2020-01-26"}},
  };
  for (const TokenCase& c : cases) {
    std::vector<std::string> got;
    for (Span s : Tokenize(c.text)) got.emplace_back(s.In(c.text));
    EXPECT_EQ(got, c.want) << c.text;
  }
}

std::vector<std::string> SeedTexts() {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  std::set<fs::path> paths;
  for (const auto& e :
       fs::directory_iterator(test_paths::SourcePath("/../shared/seeds"), ec)) {
    paths.insert(e.path());
  }
  for (const fs::path& p : paths) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    out.push_back(CleanPlainText(ss.str()).text);
  }
  return out;
}

// Sentence end offsets by ICU's sentence BreakIterator, in UTF-8 bytes.
std::set<size_t> IcuEnds(const std::string& text) {
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(),
                                                 ec));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  it->setText(u);
  std::set<size_t> ends;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    std::string prefix;
    u.tempSubString(0, b).toUTF8String(prefix);
    size_t e = prefix.size();
    while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
    ends.insert(e);
  }
  return ends;
}

TEST(SplitSentences, AgreesWithIcuOnSeeds) {
  std::vector<std::string> texts = SeedTexts();
  if (texts.empty()) GTEST_SKIP() << "no /work/shared/seeds";
  size_t ours_total = 0, icu_total = 0, shared = 0;
  for (const std::string& t : texts) {
    std::set<size_t> icu = IcuEnds(t);
    std::set<size_t> ours;
    for (Span s : SplitSentences(t)) ours.insert(s.end);
    for (size_t e : ours) {
      if (icu.count(e)) {
        ++shared;
      } else {
        std::printf(
            "  only ours: ...%s|\n",
            t.substr(e > 40 ? e - 40 : 0, std::min<size_t>(e, 40)).c_str());
      }
    }
    for (size_t e : icu) {
      if (!ours.count(e)) {
        std::printf(
            "  only ICU:  ...%s|\n",
            t.substr(e > 40 ? e - 40 : 0, std::min<size_t>(e, 40)).c_str());
      }
    }
    ours_total += ours.size();
    icu_total += icu.size();
  }
  std::printf("sentence ends: ours %zu, ICU %zu, shared %zu (%.1f%% of ICU)\n",
              ours_total, icu_total, shared, 100.0 * shared / icu_total);
  EXPECT_GE(shared * 100, icu_total * 95);
}

// ICU's sentence rules on the same table: ours should do at least as well,
// and better on news abbreviations (Oct. 1, Gen. Lee, Lt. Col., a.m.).
TEST(SplitSentences, BeatsIcuOnTable) {
  size_t ours = 0, icu = 0;
  for (const SplitCase& c : SplitCases()) {
    ours += Sentences(c.text) == c.want;
    std::vector<std::string> got;
    size_t b = 0;
    for (size_t e : IcuEnds(c.text)) {
      while (b < e && (c.text[b] == ' ' || c.text[b] == '\n')) ++b;
      if (e > b) got.push_back(c.text.substr(b, e - b));
      b = e;
    }
    if (got == c.want) {
      ++icu;
    } else {
      std::printf("  ICU misses: %s\n", c.name);
    }
  }
  std::printf("table cases right: ours %zu, ICU %zu of %zu\n", ours, icu,
              SplitCases().size());
  EXPECT_GT(ours, icu);
}

// The first-byte and length prefilter before the abbreviation map rejects
// no listed abbreviation.
TEST(SentenceLexicon, EveryListedAbbreviationIsFound) {
  using text_internal::AbbrevType;
  const auto& lex = text_internal::SentenceLexicon::Get();
  std::map<std::string, AbbrevType> listed;  // the last row of a word wins
  text_data::ForEachRow(
      text_data::File("abbreviations.tsv"), [&](const auto& f, size_t n) {
        if (n < 2) return;
        listed[std::string(f[0])] = f[1] == "title"    ? AbbrevType::kTitle
                                    : f[1] == "number" ? AbbrevType::kNumber
                                                       : AbbrevType::kAmbiguous;
      });
  EXPECT_GT(listed.size(), 20u);
  for (const auto& [word, type] : listed) {
    EXPECT_EQ(lex.Lookup(word), type) << word;
  }
  EXPECT_EQ(lex.Lookup("said."), AbbrevType::kNone);
}

TEST(NextInteresting, MatchesFindFirstOf) {
  std::mt19937 rng(48);
  const std::string alphabet = "ab .!?\n\xE2\xE3\xEF\xD8\xDB\xC3\x80\t";
  const std::string_view wanted = ".!?\n\xE2\xE3\xEF\xD8\xDB";
  for (int n = 0; n < 20000; ++n) {
    std::string s(rng() % 80, 'x');
    for (char& c : s) {
      if (rng() % 4 == 0) c = alphabet[rng() % alphabet.size()];
    }
    size_t i = rng() % (s.size() + 1);
    size_t want = std::string_view(s).find_first_of(wanted, i);
    if (want == std::string::npos) want = s.size();
    ASSERT_EQ(text_internal::NextInteresting(s, i), want) << n;
  }
}

}  // namespace
}  // namespace sitrep
