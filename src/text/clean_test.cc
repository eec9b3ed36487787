// Regression cases for each kind of scraper noise CleanPlainText removes,
// and for the publication date it resolves.
#include "sitrep/clean.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep {
namespace {

std::vector<std::string> Kinds(const CleanText& c) {
  std::vector<std::string> k;
  for (const Removed& r : c.removed) k.push_back(r.kind);
  return k;
}

// Every clean byte of a copied run maps to the same byte in the input.
void ExpectMapsBack(const std::string& in, const CleanText& c) {
  for (size_t i = 0; i < c.text.size(); ++i) {
    char ch = c.text[i];
    if (ch == ' ' || ch == '\n') continue;  // synthesised separators
    uint32_t r = c.offsets.ToRaw(static_cast<uint32_t>(i));
    ASSERT_LT(r, in.size());
    EXPECT_EQ(in[r], ch) << "clean offset " << i;
  }
}

struct NoiseCase {
  const char* name;
  std::string in;
  std::string want_text;
  std::vector<std::string> want_kinds;
};

TEST(CleanPlainText, NoiseTable) {
  const NoiseCase cases[] = {
      {"plain", "One line.\n\nTwo line.", "One line.\n\nTwo line.", {}},
      {"crlf and spaces",
       "A  b\t c.\r\n\r\nNext   one.\r\n",
       "A b c.\n\nNext one.",
       {}},
      {"single newlines are paragraphs",
       "First para.\nSecond para.",
       "First para.\n\nSecond para.",
       {}},
      {"soft wrap joins",
       "a sentence that was\nwrapped here.",
       "a sentence that was wrapped here.",
       {}},
      {"nbsp and zero width", "A\u00a0b\u200bc.", "A bc.", {}},
      {"shortcode line",
       "Text one.\n\n[aesop_image img=\u201d\u201d credit=\u201dA man in "
       "Nassiriya, Iraq January 26, 2020. REUTERS/Ahmed Dhahi\u201d "
       "align=\u201dcenter\u201d]\n\nText two.",
       "Text one.\n\nText two.",
       {"shortcode"}},
      {"inline shortcode",
       "Before [caption id=\"x\"]<img> A photo[/caption] after.",
       "Before after.",
       {"shortcode"}},
      {"editorial brackets stay",
       "He said [the army] left.",
       "He said [the army] left.",
       {}},
      {"directive error",
       "Body.\n\n[an error occurred while processing the directive]",
       "Body.",
       {"directive-error"}},
      {"related tail",
       "Body text.\n\nRelated news\n\nOther headline\nAnother one",
       "Body text.",
       {"related-tail", "related-tail", "related-tail"}},
      {"read more tail then body",
       "Body.\n\nRead more:\nA headline\n\n" + std::string(160, 'x') + " ends.",
       "Body.\n\n" + std::string(160, 'x') + " ends.",
       {"related-tail", "related-tail"}},
      {"repeated line",
       "A line long enough to count.\n\nBody.\n\n"
       "A line long enough to count.",
       "A line long enough to count.\n\nBody.",
       {"title"}},
      {"repeated non-title",
       "Body.\n\nSomething said twice here.\n\n"
       "Something said twice here.",
       "Body.\n\nSomething said twice here.",
       {"repeated-line"}},
      {"ap caption",
       "Body.\n\nA woman lights candles (Khalid Mohammed/AP)\n\nMore.",
       "Body.\n\nMore.",
       {"caption"}},
      {"ap photo caption",
       "Body.\n\nPolice stand guard. (AP Photo/Hadi Mizban)",
       "Body.",
       {"caption"}},
      {"afp photo",
       "Body.\n\nA crowd gathers on Saturday (AFP photo)",
       "Body.",
       {"caption"}},
      {"reuters fragment",
       "Body.\n\nIraqi cleric Moqtada al-Sadr . REUTERS./",
       "Body.",
       {"caption"}},
      {"reuters credit",
       "Body.\n\nA protester in Basra. REUTERS/Essam al-Sudani",
       "Body.",
       {"caption"}},
      {"photo prefix", "Photo: Getty Images\n\nBody.", "Body.", {"caption"}},
      {"credit suffix",
       "Police stand near a burnt bus on Monday. | AP\n\nBody.",
       "Body.",
       {"caption"}},
      {"byline",
       "By Jane Doe and John Roe, Reuters\n\nBody.",
       "Body.",
       {"byline"}},
      {"not a byline",
       "By Saturday evening however, crowds returned.",
       "By Saturday evening however, crowds returned.",
       {}},
      {"reporting by",
       "Body.\n\n(Reporting by A B; Editing by C D)",
       "Body.",
       {"byline"}},
      {"boilerplate",
       "Advertisement\n\nBody.\n\nCopyright 2020 The AP.",
       "Body.",
       {"boilerplate", "boilerplate"}},
      {"teaser link and share bar",
       "Body.\n\nRelated: 12 killed in clashes last week\n\n"
       "Share on Facebook Share on Twitter Share via Email\n\nEnd.",
       "Body.\n\nEnd.",
       {"related-link", "boilerplate"}},
      {"byline with reading time",
       "By Staff Writer | 4 February 2020 | 2 min read\n\nBody.",
       "Body.",
       {"boilerplate"}},
      {"related to stays",
       "Related to the strike, two men were held.",
       "Related to the strike, two men were held.",
       {}},
      {"sentence with (AP) stays",
       "Officials told the (AP) reporter.",
       "Officials told the (AP) reporter.",
       {}},
  };
  for (const NoiseCase& c : cases) {
    CleanText out = CleanPlainText(c.in);
    EXPECT_EQ(out.text, c.want_text) << c.name;
    EXPECT_EQ(Kinds(out), c.want_kinds) << c.name;
    ExpectMapsBack(c.in, out);
    for (const Removed& r : out.removed) {
      EXPECT_LE(r.raw.end, c.in.size()) << c.name;
      if (r.kind != "shortcode") {
        EXPECT_EQ(r.raw.In(c.in), r.text) << c.name;
      }
    }
  }
}

TEST(CleanPlainText, ShortcodeKeepsCreditAndDate) {
  std::string in =
      "Body.\n\n[aesop_image img=\u201d\u201d credit=\u201dA man in Nassiriya, "
      "Iraq January 26, 2020. REUTERS/Ahmed Dhahi\u201d "
      "lightbox=\u201doff\u201d]";
  CleanText c = CleanPlainText(in);
  ASSERT_EQ(c.removed.size(), 1u);
  EXPECT_EQ(c.removed[0].text,
            "A man in Nassiriya, Iraq January 26, 2020. REUTERS/Ahmed Dhahi");
  EXPECT_EQ(c.removed[0].raw.In(in).substr(0, 12), "[aesop_image");
  EXPECT_EQ(c.outlet, "Reuters");
  ASSERT_EQ(c.evidence_dates.size(), 1u);
  EXPECT_EQ(c.evidence_dates[0].ToIso(), "2020-01-26");
}

TEST(CleanPlainText, MonthOnlyMetadataLineIsRemoved) {
  std::string in = " date 2019-11 Hundreds of protesters marched.";
  CleanText c = CleanPlainText(in);
  ASSERT_TRUE(c.metadata_date.has_value());
  EXPECT_EQ(c.metadata_date->ToIso(), "2019-11");
  EXPECT_EQ(c.text, "Hundreds of protesters marched.");
  ASSERT_EQ(c.removed.size(), 1u);
  EXPECT_EQ(c.removed[0].raw.In(in), "date 2019-11");
  ExpectMapsBack(in, c);
}

TEST(CleanPlainText, MetadataLineGluedToText) {
  std::string in = " date 2020-01-26 Hundreds of protesters marched.\n\nMore.";
  CleanText c = CleanPlainText(in);
  ASSERT_TRUE(c.metadata_date.has_value());
  EXPECT_EQ(c.metadata_date->ToIso(), "2020-01-26");
  EXPECT_EQ(c.text, "Hundreds of protesters marched.\n\nMore.");
  ASSERT_EQ(c.removed.size(), 1u);
  EXPECT_EQ(c.removed[0].kind, "metadata-line");
  EXPECT_EQ(c.removed[0].raw.In(in), "date 2020-01-26");
  ExpectMapsBack(in, c);
}

// Numeric date lines: day first with "-" or "."; with "/" only when a part
// exceeds 12 (US sites write month first, so "06/02/2020" stays unread).
TEST(CleanPlainText, NumericDateLines) {
  const struct {
    const char* line;
    const char* want;  // "" = no publication date
  } cases[] = {
      {"06-02-2020", "2020-02-06"}, {"06.02.2020", "2020-02-06"},
      {"25/12/2020", "2020-12-25"}, {"12/25/2020", "2020-12-25"},
      {"06/06/2020", "2020-06-06"}, {"06/02/2020", ""},
      {"31-02-2020", ""},           {"06-02-20", ""},
  };
  for (const auto& c : cases) {
    std::string in = std::string("Eleven killed in Najaf\n\n") + c.line +
                     "\nJane Roe\n\nEleven protesters were killed.";
    CleanText out = CleanPlainText(in);
    EXPECT_EQ(out.metadata_date ? out.metadata_date->ToIso() : "", c.want)
        << c.line;
    ExpectMapsBack(in, out);
  }
}

TEST(CleanPlainText, DateLineAboveStoryIsPublicationDate) {
  std::string in =
      "Bomb kills 12 in market\n\nFriday, October 9, 2009\n\n"
      "A car bomb killed 12 people on Friday.";
  CleanText c = CleanPlainText(in);
  ASSERT_TRUE(c.metadata_date.has_value());
  EXPECT_EQ(c.metadata_date->ToIso(), "2009-10-09");
  EXPECT_EQ(
      c.text,
      "Bomb kills 12 in market\n\nA car bomb killed 12 people on Friday.");
  ASSERT_EQ(c.removed.size(), 1u);
  EXPECT_EQ(c.removed[0].kind, "date-line");
  ExpectMapsBack(in, c);
  // A metadata line wins; the date line is still furniture. Far down the
  // story, a date alone on a line stays text.
  CleanText m = CleanPlainText(
      " date 2009-10-10 Title\nUpdated: 2009-10-09 10:00\nBody.");
  EXPECT_EQ(m.metadata_date->ToIso(), "2009-10-10");
  EXPECT_EQ(m.text, "Title\n\nBody.");
  std::string late =
      "A.\n\nB.\n\nC.\n\nD.\n\nE.\n\nF.\n\nFriday, October 9, 2009";
  EXPECT_FALSE(CleanPlainText(late).metadata_date.has_value());
}

struct DatelineCase {
  std::string in;
  std::string place, outlet, date;  // date as "M/D[/Y]"; "" = no dateline
  std::string text;
};

// Bylines and widgets may stand between the title and the dateline.
TEST(CleanPlainText, DatelineAfterBylineLines) {
  std::string in =
      "Two soldiers killed in Diyala\n\nJane Roe\nA+ A-\nStaff writer\n"
      "ERBIL, Kurdistan Region \u2013 Two soldiers were killed.";
  CleanText out = CleanPlainText(in);
  ASSERT_TRUE(out.dateline.has_value());
  EXPECT_EQ(out.dateline->place, "ERBIL, Kurdistan Region");
  ExpectMapsBack(in, out);
}

TEST(CleanPlainText, Datelines) {
  const DatelineCase cases[] = {
      {"BAGHDAD, Jan 27 (Reuters) \u2013 Gunmen shot two.", "BAGHDAD",
       "Reuters", "1/27", "Gunmen shot two."},
      {"KUT, Iraq \u2014 Gunmen shot two.", "KUT, Iraq", "", "0/0",
       "Gunmen shot two."},
      {"WASHINGTON (AP) \u2014 The House voted.", "WASHINGTON", "AP", "0/0",
       "The House voted."},
      {"Kabul, 3 May 2020 (AFP) - Taliban fighters attacked.", "Kabul", "AFP",
       "5/3/2020", "Taliban fighters attacked."},
      {"NEW DELHI: Police detained 40.", "NEW DELHI", "", "0/0",
       "Police detained 40."},
      {"LONDON (Reuters) Britain said so.", "LONDON", "Reuters", "0/0",
       "Britain said so."},
      {"MOSCOW (Example News / Sputnik - 2nd December, 2019) Four died.",
       "MOSCOW", "Sputnik", "0/0", "Four died."},
      {"Kabul (Reuters - updated) - Taliban fighters attacked.", "Kabul",
       "Reuters", "0/0", "Taliban fighters attacked."},
      {"Iraq Protests \u2014 Live Updates", "", "", "",
       "Iraq Protests \u2014 Live Updates"},
      {"Hundreds of protesters - mostly students - marched.", "", "", "",
       "Hundreds of protesters - mostly students - marched."},
      {"'Withdraw or Prepare': Iraqi Protesters Demand Exit", "", "", "",
       "'Withdraw or Prepare': Iraqi Protesters Demand Exit"},
  };
  for (const DatelineCase& c : cases) {
    CleanText out = CleanPlainText(c.in);
    EXPECT_EQ(out.text, c.text) << c.in;
    if (c.place.empty()) {
      EXPECT_FALSE(out.dateline.has_value()) << c.in;
      continue;
    }
    ASSERT_TRUE(out.dateline.has_value()) << c.in;
    EXPECT_EQ(out.dateline->place, c.place);
    EXPECT_EQ(out.dateline->outlet, c.outlet);
    const CivilDay& d = out.dateline->date;
    std::string got = std::to_string(d.month) + "/" + std::to_string(d.day);
    if (d.year != 0) got += "/" + std::to_string(d.year);
    EXPECT_EQ(got, c.date) << c.in;
    EXPECT_EQ(out.outlet, c.outlet);
    EXPECT_EQ(out.dateline->raw.begin, 0u);
    ExpectMapsBack(c.in, out);
  }
}

struct ResolveCase {
  const char* name;
  std::string in;
  std::string iso;
  DateOrigin origin;
};

TEST(ResolvePublicationDate, Table) {
  const ResolveCase cases[] = {
      {"metadata", " date 2020-01-26 Text.", "2020-01-26",
       DateOrigin::kMetadata},
      {"metadata wins over dateline",
       " date 2021-02-03 \n\nBAGHDAD, Jan 27 (Reuters) - Text.", "2021-02-03",
       DateOrigin::kMetadata},
      {"full dateline", "Kabul, 3 May 2020 (AFP) - Text.", "2020-05-03",
       DateOrigin::kDateline},
      {"inferred from caption",
       "BAGHDAD, Jan 27 (Reuters) - Text.\n\nA man in Basra, Iraq "
       "January 26, 2020. REUTERS/A B",
       "2020-01-27", DateOrigin::kDatelineInferredYear},
      {"inferred across new year",
       "BAGHDAD, Jan 2 (Reuters) - Text. On December 30, 2019 it began.",
       "2020-01-02", DateOrigin::kDatelineInferredYear},
      {"closest evidence wins",
       "BAGHDAD, Jan 27 (Reuters) - In March 3, 2003 war came. On "
       "January 25, 2020 it began.",
       "2020-01-27", DateOrigin::kDatelineInferredYear},
      {"dateline without evidence", "BAGHDAD, Jan 27 (Reuters) - Text.", "",
       DateOrigin::kNone},
      {"month-only metadata gives the dateline its year",
       " date 2019-11 \n\nBAGHDAD, Nov 27 (Reuters) - Text.", "2019-11-27",
       DateOrigin::kDatelineInferredYear},
      {"month-only metadata of another month gives none",
       " date 2019-10 \n\nBAGHDAD, Nov 27 (Reuters) - Text.", "",
       DateOrigin::kNone},
      {"month-only metadata alone is no day", " date 2019-11 Text.", "",
       DateOrigin::kNone},
      {"a full date line beats a month-only metadata line",
       " date 2019-11 \n\nUpdated: 2019-11-03 10:00\n\nText.", "2019-11-03",
       DateOrigin::kMetadata},
      {"no date at all", "Protesters marched on Friday.", "",
       DateOrigin::kNone},
      {"body date alone is not a publication date",
       "It began on January 3, 2020.", "", DateOrigin::kNone},
  };
  for (const ResolveCase& c : cases) {
    PublicationDate d = ResolvePublicationDate(CleanPlainText(c.in));
    EXPECT_EQ(d.origin, c.origin) << c.name;
    EXPECT_EQ(d.day ? d.day->ToIso() : "", c.iso) << c.name;
  }
}

TEST(CleanPlainText, NfcAppliedWithMap) {
  std::string in = "Cafe\xCC\x81 opened.\n\nNext.";  // e + combining acute
  CleanText c = CleanPlainText(in);
  EXPECT_EQ(c.text, "Caf\xC3\xA9 opened.\n\nNext.");
  EXPECT_EQ(c.offsets.ToRaw(Span{6, 13}).In(in), "opened.");
  EXPECT_EQ(c.offsets.ToRaw(Span{15, 20}).In(in), "Next.");
}

TEST(CleanPlainText, HostileInputStaysLinearAndBounded) {
  std::string in(200000, '[');
  in += "x=";
  CleanText c = CleanPlainText(in);
  EXPECT_EQ(c.text.size(), in.size());
  std::string empty_lines(100000, '\n');
  EXPECT_TRUE(CleanPlainText(empty_lines).text.empty());
}

}  // namespace
}  // namespace sitrep
