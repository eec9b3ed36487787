#include "cli/format.h"

#include <gtest/gtest.h>

namespace sitrep::cli {
namespace {

TEST(FormatTest, CsvFieldQuoting) {
  struct Case {
    std::string in, want;
  };
  const Case cases[] = {
      {"plain", "plain"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\r", "\"cr\r\""},
      {"'; DROP", "'; DROP"},
  };
  for (const Case& c : cases) {
    std::string out;
    AppendCsvField(c.in, &out);
    EXPECT_EQ(out, c.want) << c.in;
  }
}

Article Sample() {
  Article a;
  a.id = "a1";
  a.title = "Gunmen, \"unidentified\"";
  a.outlet = "Reuters";
  a.text = "Line one.\nLine two.";
  return a;
}

TEST(FormatTest, JsonlHasEvalFieldsAndNullDate) {
  Article a = Sample();
  std::string out;
  AppendArticleJsonl(a, &out);
  EXPECT_EQ(out,
            "{\"id\":\"a1\",\"date\":null,\"date_origin\":\"none\","
            "\"title\":\"Gunmen, \\\"unidentified\\\"\",\"outlet\":\"Reuters\","
            "\"url\":\"\",\"text\":\"Line one.\\nLine two.\"}\n");
  a.published = CivilDay{2020, 1, 27};
  a.date_origin = DateOrigin::kDateline;
  out.clear();
  AppendArticleJsonl(a, &out);
  EXPECT_NE(out.find("\"date\":\"2020-01-27\",\"date_origin\":\"date-line\""),
            std::string::npos)
      << out;
}

TEST(FormatTest, CsvRecord) {
  Article a = Sample();
  a.published = CivilDay{2022, 1, 8};
  a.date_origin = DateOrigin::kMetadata;
  std::string out;
  AppendArticleCsvHeader(&out);
  AppendArticleCsv(a, &out);
  EXPECT_EQ(out,
            "id,date,date_origin,title,outlet,url,text\r\n"
            "a1,2022-01-08,metadata,\"Gunmen, \"\"unidentified\"\"\",Reuters,,"
            "\"Line one.\nLine two.\"\r\n");
}

TEST(FormatTest, OneLineAndPartialDay) {
  EXPECT_EQ(OneLine("a\nb\tc\r"), "a\\nb\\tc\\r");
  EXPECT_EQ(PartialDay(CivilDay{0, 1, 27}), "xxxx-01-27");
  EXPECT_EQ(PartialDay(CivilDay{2020, 1, 27}), "2020-01-27");
  EXPECT_EQ(PartialDay(CivilDay{2020, 0, 0}), "2020-xx-xx");
}

}  // namespace
}  // namespace sitrep::cli

namespace sitrep::cli {
namespace {

TEST(FormatTest, CellCountsCharactersNotBytes) {
  struct Case {
    std::string in;
    size_t width;
    std::string want;
  } cases[] = {
      {"Baghdad", 9, "Baghdad  "},
      {"Al K\u016Bt", 8, "Al K\u016Bt  "},            // precomposed
      {"Al Ku\u0304t", 8, "Al Ku\u0304t  "},          // combining
      {"S\u014Dzmah Qal\u2018ah", 6, "S\u014Dzmah"},  // cut
      {"Su\u0304", 1, "S"},                           // mark follows
      {"Su\u0304", 2, "Su\u0304"},                    // kept with u
      {"\u0628\u063A\u062F\u0627\u062F", 3, "\u0628\u063A\u062F"},
      {"", 3, "   "},
      {"abc", 0, ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Cell(c.in, c.width), c.want) << c.in << " " << c.width;
  }
}

}  // namespace
}  // namespace sitrep::cli
