#include <gtest/gtest.h>

#include "extract/lexicon.h"

namespace sitrep {
namespace {

using Admin1 = std::vector<std::pair<std::string, std::string>>;

TEST(LexiconHomeCues, ReadsCountriesAndProvinces) {
  Lexicon lex;
  ASSERT_TRUE(lex.AddHomeCues("# comment\nBlue Brigade\tXA\n"
                              "Red Front\tXB, XC\tXB.07,XC.ABC\n")
                  .ok());
  ASSERT_EQ(lex.home_cues().size(), 2u);
  EXPECT_EQ(lex.home_cues()[0].phrase, "Blue Brigade");
  EXPECT_EQ(lex.home_cues()[0].countries, std::vector<std::string>{"XA"});
  EXPECT_TRUE(lex.home_cues()[0].admin1.empty());
  EXPECT_EQ(lex.home_cues()[1].countries,
            (std::vector<std::string>{"XB", "XC"}));
  EXPECT_EQ(lex.home_cues()[1].admin1,
            (Admin1{{"XB", "07"}, {"XC", "ABC"}}));
}

TEST(LexiconHomeCues, BadRowsNameTheLine) {
  const char* bad[] = {"Lone phrase\n", "\tXA\n",         "Group\tXAB\n",
                       "Group\txa\n",   "Group\t,\n",     "Group\tXA\tXA07\n",
                       "Group\tXA\tX.07\n", "Group\tXA\tXA.\n"};
  for (const char* row : bad) {
    Lexicon lex;
    Status st = lex.AddHomeCues(row);
    EXPECT_FALSE(st.ok()) << row;
    EXPECT_NE(st.message().find("home_countries.tsv:1"), std::string::npos)
        << st.message();
  }
}

TEST(LexiconHomeCues, TheShippedFileLoads) {
  auto lex = Lexicon::Load();
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  bool osce = false;
  for (const HomeCue& c : (*lex)->home_cues()) {
    osce |= c.phrase == "OSCE SMM" && c.countries == std::vector<std::string>{"UA"};
  }
  EXPECT_TRUE(osce);
}

}  // namespace
}  // namespace sitrep
