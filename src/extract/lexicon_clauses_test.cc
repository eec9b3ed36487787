#include <gtest/gtest.h>

#include "extract/lexicon.h"

namespace sitrep {
namespace {

TEST(LexiconClauses, ReadsSplitsAndShifts) {
  Lexicon lex;
  ASSERT_TRUE(lex.AddClauses("# comment\n; |\tsplit\n, and |a day of\tsplit\n"
                             "came two days after\tshift\t2\n")
                  .ok());
  ASSERT_EQ(lex.clause_splits().size(), 2u);
  EXPECT_EQ(lex.clause_splits()[0].phrase, "; ");
  EXPECT_EQ(lex.clause_splits()[0].drop, 2u);
  EXPECT_EQ(lex.clause_splits()[1].phrase, ", and a day of");
  EXPECT_EQ(lex.clause_splits()[1].drop, 6u);
  ASSERT_EQ(lex.day_shifts().size(), 1u);
  EXPECT_EQ(lex.day_shifts()[0].words,
            (std::vector<std::string>{"came", "two", "days", "after"}));
  EXPECT_EQ(lex.day_shifts()[0].days, 2);
}

TEST(LexiconClauses, BadRowsNameTheLine) {
  const char* bad[] = {", while \tsplit\n", "|x\tsplit\n",
                       "came after\tshift\n", "came after\tshift\t0\n",
                       "x\tmerge\n"};
  for (const char* row : bad) {
    Lexicon lex;
    Status st = lex.AddClauses(row);
    EXPECT_FALSE(st.ok()) << row;
    EXPECT_NE(st.message().find("clauses.tsv:1"), std::string::npos)
        << st.message();
  }
}

TEST(LexiconClauses, TheShippedFileLoads) {
  auto lex = Lexicon::Load();
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_GE((*lex)->clause_splits().size(), 3u);
  EXPECT_GE((*lex)->day_shifts().size(), 3u);
}

}  // namespace
}  // namespace sitrep
