#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/clean_internal.h"

namespace sitrep::clean_internal {
namespace {

struct DateCase {
  std::string in;
  size_t consumed;  // 0 = no date
  std::string iso;  // "YYYY-MM-DD", or "M/D" when the year is unknown
};

std::string Show(const CivilDay& d) {
  if (d.year != 0) return d.ToIso();
  return std::to_string(d.month) + "/" + std::to_string(d.day);
}

TEST(ParseDate, Table) {
  const DateCase cases[] = {
      {"January 26, 2020. REUTERS", 16, "2020-01-26"},
      {"Jan. 26, 2020", 13, "2020-01-26"},
      {"Jan 26 2020", 11, "2020-01-26"},
      {"Sept. 3, 2019", 13, "2019-09-03"},
      {"26 January 2020", 15, "2020-01-26"},
      {"3rd May 2020", 12, "2020-05-03"},
      {"2020-01-26T10:00", 10, "2020-01-26"},
      {"Jan 27 (Reuters)", 6, "1/27"},
      {"27 January", 10, "1/27"},
      {"Jan 27, the day", 6, "1/27"},
      {"February 30, 2020", 0, ""},
      {"February 29, 2020", 17, "2020-02-29"},
      {"Jan 272020", 0, ""},
      {"January", 0, ""},
      {"Mayor 12", 0, ""},
      {"Monday 12", 0, ""},
      {"2020-13-01", 0, ""},
      {"May 5, 1850", 5, "5/5"},  // year out of range: partial
      {"", 0, ""},
  };
  for (const DateCase& c : cases) {
    CivilDay d;
    size_t n = ParseDate(c.in, &d);
    EXPECT_EQ(n, c.consumed) << c.in;
    if (n > 0) {
      EXPECT_EQ(Show(d), c.iso) << c.in;
    }
  }
}

TEST(FindFullDates, OnlyCompleteDates) {
  std::vector<CivilDay> out;
  FindFullDates(
      "On Oct. 1 and on January 3, 2020 and 2021-05-06; in 2003; "
      "Kabul, 3 May 2020.",
      &out);
  std::vector<std::string> got;
  for (const CivilDay& d : out) got.push_back(d.ToIso());
  EXPECT_EQ(got, (std::vector<std::string>{"2020-01-03", "2021-05-06",
                                           "2020-05-03"}));
}

// FindFullDates tries only the bytes shortly before four digits: the
// dates it finds are those of trying every byte.
TEST(FindFullDates, SameAsPlainOnRandomText) {
  const std::vector<std::string> pieces = {
      "January",    "Jan.", "jan",   "Sept.", "May",    "March",
      "Oct",        " ",    "   ",   ",",     ", ",     ".",
      "-",          "/",    "26",    "3",     "3rd",    "31st",
      "1",          "2020", "1999",  "20201", "12345",  "2021-05-06",
      "2020-02-30", "x",    "Kabul", "\n",    "\u2014", "(",
      ")",          "th",   "0",     "7",     "Monday", "on"};
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    std::vector<CivilDay> fast, plain;
    FindFullDates(text, &fast);
    FindFullDatesPlain(text, &plain);
    ASSERT_EQ(fast.size(), plain.size()) << text;
    for (size_t k = 0; k < fast.size(); ++k) {
      EXPECT_EQ(fast[k].ToIso(), plain[k].ToIso()) << text;
    }
  }
}

TEST(ParseMetadataDate, Table) {
  struct Case {
    std::string in;
    size_t consumed;
    std::string iso;
  };
  const Case cases[] = {
      {" date 2020-01-26 Hundreds of", 17, "2020-01-26"},
      {"date 2020-01-26", 15, "2020-01-26"},
      {"Date: 2020-01-26T08:00:00Z Text", 27, "2020-01-26"},
      {"Published: January 26, 2020 Text", 28, "2020-01-26"},
      // An impossible date: still the metadata field, but no date.
      {"date 2020-02-31 Text", 16, ""},
      {"date 2020-02-311 Text", 0, ""},
      // A month-only date line is metadata too (day unknown).
      {" date 2019-11 Hundreds of", 14, "2019-11"},
      {"date 2019-13 Text", 0, ""},
      {"date 2019-11-5x Text", 0, ""},
      {"date 2019-1 Text", 0, ""},
      {"dated text", 0, ""},
      {"Update 2020-01-26", 0, ""},
      {"The date 2020-01-26", 0, ""},
  };
  for (const Case& c : cases) {
    CivilDay d;
    size_t n = ParseMetadataDate(c.in, &d);
    EXPECT_EQ(n, c.consumed) << c.in;
    if (n > 0) {
      EXPECT_EQ(d.ToIso(), c.iso) << c.in;
    }
    if (n > 0 && c.iso.empty()) {
      EXPECT_EQ(d.year, 0) << c.in;
    }
  }
}

TEST(IsDateLine, Table) {
  const std::pair<std::string, std::string> cases[] = {
      {"Friday, October 9, 2009", "2009-10-09"},
      {"Updated: 2008-09-07 11:35", "2008-09-07"},
      {"2019/11/14 | 18:15", "2019-11-14"},
      {"Posted on 3 May 2020 at 10:02 GMT", "2020-05-03"},
      {"Jane Doe 3 minutes ago Mon 15th July 2019 | 02:18 PM", "2019-07-15"},
      {"Last updated \u2013 Sat 4 Jan 2020", "2020-01-04"},
      // Not date lines: a headline, a sentence, two dates, a partial date,
      // a byline without a label, an overlong line.
      {"Gunmen kill 10 villagers, 15 July 2019", ""},
      {"Protests resumed on January 3, 2020.", ""},
      {"From 1 May 2020 to 3 May 2020", ""},
      {"Monday, Jan 27", ""},
      // Every date counted has four digits in a row (a year): lines
      // without them are not read further.
      {"Updated: 14/11/19 18:15", ""},
      {"Sun 3 May 202", ""},
      {"3 May 1999", "1999-05-03"},
      {"Updated 1.5.2020", "2020-05-01"},
      {"Jane Doe Mon 15th July 2019", ""},
      {"Updated " + std::string(100, '-') + " 3 May 2020", ""},
      {"Müller Schmidt Weber Braun Klein, 3 May 2020 10:00", ""},
      {"", ""},
  };
  for (const auto& [in, iso] : cases) {
    CivilDay d;
    bool got = IsDateLine(in, &d);
    EXPECT_EQ(got, !iso.empty()) << in;
    if (got) {
      EXPECT_EQ(d.ToIso(), iso) << in;
    }
  }
}

TEST(CanonicalOutlet, Table) {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {"REUTERS", "Reuters"},
      {"Reuters", "Reuters"},
      {"AP", "AP"},
      {"ap", ""},
      {"Associated Press", "AP"},
      {"AFP", "AFP"},
      {"agence france-presse", "AFP"},
      {"Nobody", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CanonicalOutlet(c.in), c.want) << c.in;
}

}  // namespace
}  // namespace sitrep::clean_internal
