#include "sitrep/date_expr.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <random>
#include <string>

#include "extract/date_lexicon.h"
#include "extract/date_resolve.h"
#include "extract/lexicon_data.h"

namespace sitrep {
namespace {

// "span|YYYY-MM-DD|precision|flags|rule" per mention, joined by "; ".
// Unknown parts print as zeros; precision is d, w, m or y; flags: R =
// relative, S = range start, P<n> = n days from the date told before.
std::string Render(std::string_view text, const std::vector<DateMention>& ms) {
  std::string out;
  for (const DateMention& m : ms) {
    char day[32];
    std::snprintf(day, sizeof day, "%04d-%02d-%02d", m.day.year, m.day.month,
                  m.day.day);
    const char* prec = "dwmy" + static_cast<int>(m.precision);
    if (!out.empty()) out += "; ";
    out += std::string(m.span.In(text)) + "|" + day + "|" +
           std::string(prec, 1) + "|" + (m.relative ? "R" : "") +
           (m.range_start ? "S" : "") +
           (m.after_prior ? "P" + std::to_string(*m.after_prior) : "") + "|" +
           m.rule;
  }
  return out;
}

struct Case {
  const char* text;
  const char* want;
};

// Reference day: Monday 2020-01-27.
const Case kWithReference[] = {
    // Absolute.
    {"BAGHDAD, Jan 27 (Reuters) -", "Jan 27|2020-01-27|d|R|month_day"},
    {"on Jan. 24", "on Jan. 24|2020-01-24|d|R|month_day"},
    {"killed on January 3, 2020 in",
     "on January 3, 2020|2020-01-03|d||month_day_year"},
    {"3 January 2020", "3 January 2020|2020-01-03|d||day_month_year"},
    {"9 May 2020", "9 May 2020|2020-05-09|d||day_month_year"},
    {"27th of January", "27th of January|2020-01-27|d|R|day_month"},
    {"Jan 27th, 2019", "Jan 27th, 2019|2019-01-27|d||month_day_year"},
    {"2020-01-26", "2020-01-26|2020-01-26|d||iso"},
    {"2020/01/26", "2020/01/26|2020-01-26|d||iso"},
    {"01/01/2011", "01/01/2011|2011-01-01|d||numeric_dmy"},
    {"02/03/2011", "02/03/2011|2011-03-02|d||numeric_dmy_ambiguous"},
    {"13/03/2011", "13/03/2011|2011-03-13|d||numeric_dmy"},
    {"03/13/2011", "03/13/2011|2011-03-13|d||numeric_mdy"},
    {"on Friday (Jan 24)", "on Friday (Jan 24)|2020-01-24|d|R|weekday_date"},
    {"Friday, January 24, 2020",
     "Friday, January 24, 2020|2020-01-24|d||weekday_date"},
    {"in October 2019", "in October 2019|2019-10-00|m||month_year"},
    {"October 2019", "October 2019|2019-10-00|m||month_year"},
    {"in 2019", "in 2019|2019-00-00|y||year"},
    {"in October", "in October|2019-10-00|m|R|month"},
    {"in January", "in January|2020-01-00|m|R|month"},
    {"mid-October", "mid-October|2019-10-00|m|R|month"},
    {"on Oct. 1", "on Oct. 1|2019-10-01|d|R|month_day"},
    {"Feb 29", "Feb 29|2016-02-29|d|R|month_day"},
    // Relative.
    {"on Sunday", "on Sunday|2020-01-26|d|R|weekday"},
    {"Sunday", "Sunday|2020-01-26|d|R|weekday"},
    {"late on Sunday", "late on Sunday|2020-01-26|d|R|weekday"},
    {"Sunday night", "Sunday night|2020-01-26|d|R|weekday"},
    {"Monday morning", "Monday morning|2020-01-27|d|R|weekday"},
    {"by Saturday evening", "by Saturday evening|2020-01-25|d|R|weekday"},
    {"on Thursday night", "on Thursday night|2020-01-23|d|R|weekday"},
    {"last Monday", "last Monday|2020-01-20|d|R|weekday"},
    {"Sunday’s rallies", "Sunday|2020-01-26|d|R|weekday"},
    {"overnight", "overnight|2020-01-26|d|R|overnight"},
    {"yesterday", "yesterday|2020-01-26|d|R|yesterday"},
    {"today", "today|2020-01-27|d|R|today"},
    {"this morning", "this morning|2020-01-27|d|R|today"},
    {"last night", "last night|2020-01-26|d|R|last_night"},
    {"last week", "last week|2020-01-20|w|R|last_week"},
    {"over the weekend", "weekend|2020-01-25|w|R|weekend"},
    {"The weekend raid", "weekend|2020-01-25|w|R|weekend"},
    {"last weekend", "last weekend|2020-01-25|w|R|weekend"},
    {"earlier this month", "earlier this month|2020-01-00|m|R|this_month"},
    {"last month", "last month|2019-12-00|m|R|last_month"},
    {"last year", "last year|2019-00-00|y|R|last_year"},
    {"two days ago", "two days ago|2020-01-25|d|R|ago"},
    {"3 days ago", "3 days ago|2020-01-24|d|R|ago"},
    {"three weeks ago", "three weeks ago|2020-01-06|w|R|ago"},
    {"a month ago", "a month ago|2019-12-00|m|R|ago"},
    // Period starts.
    {"since October", "since October|2019-10-00|m|RS|month"},
    {"since Oct. 1", "since Oct. 1|2019-10-01|d|RS|month_day"},
    {"since 2019", "since 2019|2019-00-00|y|S|year"},
    {"since the unrest began",
     "since the unrest began|0000-00-00|d|S|since_event"},
    // Negative.
    {"Feb 30", ""},
    {"2020-02-30", ""},
    {"31/02/2020", ""},
    {"the 2003 US invasion", ""},
    {"May I ask", ""},
    {"they may march", ""},
    {"5 days of protests", ""},
    {"at 10:30", ""},
    {"since he left", ""},
    {"the next day at noon", "the next day|0000-00-00|d|RP1|next_day"},
    {"next day", ""},
    {"1,200 protesters", ""},
    // Several in one sentence.
    {"Protests erupted on Oct. 1 and two were killed late on Sunday.",
     "on Oct. 1|2019-10-01|d|R|month_day; "
     "late on Sunday|2020-01-26|d|R|weekday"},
};

TEST(FindDates, WithReference) {
  CivilDay ref{2020, 1, 27};
  for (const Case& c : kWithReference) {
    EXPECT_EQ(Render(c.text, FindDates(c.text, ref)), c.want)
        << "text: " << c.text;
  }
}

// Published on the Saturday or Sunday itself, "the weekend" is that one.
TEST(FindDates, WeekendOnTheWeekend) {
  EXPECT_EQ(Render("at the weekend",
                   FindDates("at the weekend", CivilDay{2020, 1, 25})),
            "weekend|2020-01-25|w|R|weekend");
  EXPECT_EQ(Render("at the weekend",
                   FindDates("at the weekend", CivilDay{2020, 1, 26})),
            "weekend|2020-01-25|w|R|weekend");
}

TEST(FindDates, ReferenceIsTheWeekdayItself) {
  CivilDay sunday{2020, 1, 26};
  std::string s = "on Sunday";
  EXPECT_EQ(Render(s, FindDates(s, sunday)),
            "on Sunday|2020-01-26|d|R|weekday");
}

TEST(FindDates, NeverAfterReference) {
  CivilDay ref{2020, 1, 5};
  std::string s = "Jan 27 and Dec. 31 and in March";
  EXPECT_EQ(
      Render(s, FindDates(s, ref)),
      "Jan 27|2019-01-27|d|R|month_day; Dec. 31|2019-12-31|d|R|month_day; "
      "in March|2019-03-00|m|R|month");
}

const Case kWithoutReference[] = {
    {"on Sunday", "on Sunday|0000-00-00|d|R|weekday"},
    {"yesterday", "yesterday|0000-00-00|d|R|yesterday"},
    {"last week", "last week|0000-00-00|w|R|last_week"},
    {"two days ago", "two days ago|0000-00-00|d|R|ago"},
    {"Jan 27", "Jan 27|0000-01-27|d|R|month_day"},
    {"Feb 29", "Feb 29|0000-02-29|d|R|month_day"},
    {"Feb 30", ""},
    {"in October", "in October|0000-10-00|m|R|month"},
    {"January 3, 2020", "January 3, 2020|2020-01-03|d||month_day_year"},
    {"Friday (Jan 24)", "Friday (Jan 24)|0000-01-24|d|R|weekday_date"},
};

// Days counted from the date told before: unresolved with or without a
// publication day (the extractor resolves them against its context).
const Case kAfterPrior[] = {
    {"The next day, the body was found",
     "The next day|0000-00-00|d|RP1|next_day"},
    {"killed the previous day",
     "the previous day|0000-00-00|d|RP-1|previous_day"},
    {"the day before yesterday",
     "the day before yesterday|2020-01-25|d|R|days_ago"},
    {"on the same day", "the same day|0000-00-00|d|RP0|same_day"},
    {"died two days later", "two days later|0000-00-00|d|RP2|days_later"},
    {"3 days earlier", "3 days earlier|0000-00-00|d|RP-3|days_earlier"},
    {"two weeks later", ""},
    {"two days ago", "two days ago|2020-01-25|d|R|ago"},
};

TEST(FindDates, AfterPrior) {
  CivilDay ref{2020, 1, 27};
  for (const Case& c : kAfterPrior) {
    EXPECT_EQ(Render(c.text, FindDates(c.text, ref)), c.want)
        << "text: " << c.text;
  }
  std::string s = "two days later";
  DateMention d = FindDates(s, std::nullopt).at(0);
  std::optional<DateMention> r = ResolvePrior(d, CivilDay{2020, 2, 28});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->day, (CivilDay{2020, 3, 1}));  // through Feb 29
  EXPECT_FALSE(ResolvePrior(d, CivilDay{2020, 2, 0}).has_value());
}

TEST(FindDates, WithoutReference) {
  for (const Case& c : kWithoutReference) {
    EXPECT_EQ(Render(c.text, FindDates(c.text, std::nullopt)), c.want)
        << "text: " << c.text;
  }
}

TEST(DateResolve, Arithmetic) {
  CivilDay ref{2020, 3, 1};
  EXPECT_EQ(AddMonths(ref, -3), (CivilDay{2019, 12, 0}));
  EXPECT_EQ(AddMonths(ref, 10), (CivilDay{2021, 1, 0}));
  EXPECT_EQ(WeekStart(ref), (CivilDay{2020, 2, 24}));
  EXPECT_EQ(LatestWeekday(6, ref), ref);  // 2020-03-01 was a Sunday
  EXPECT_EQ(LatestWeekday(6, ref, true), (CivilDay{2020, 2, 23}));
  EXPECT_EQ(*LatestMonthDay(2, 29, ref), (CivilDay{2020, 2, 29}));
  EXPECT_FALSE(LatestMonthDay(4, 31, ref).has_value());
}

TEST(DateLexicon, EmbeddedFileParses) {
  Result<DateLexicon> lx = DateLexicon::Parse(EmbeddedLexicon("dates.tsv"));
  ASSERT_TRUE(lx.ok()) << lx.status().ToString();
  EXPECT_EQ(lx->months.at("october").value, 10);
  EXPECT_FALSE(DateLexicon::Parse("month\tfoo\t13\n").ok());
  EXPECT_FALSE(DateLexicon::Parse("prior\tlater\t2\n").ok());
  EXPECT_FALSE(DateLexicon::Parse("rel\tthe next day\t1\tprio\tx\n").ok());
}

// MonthAt / WeekdayAt skip the map through a hash filter: they must
// agree with a plain lookup on every name (capitalised or not) and on
// words that are none.
TEST(DateLexicon, NameFiltersAgreeWithLookup) {
  const DateLexicon& lx = DateLexicon::Get();
  ASSERT_FALSE(lx.months.empty());
  ASSERT_FALSE(lx.weekdays.empty());
  std::string text = "the police said may march on sunday in jan. 2020";
  for (const auto* names : {&lx.months, &lx.weekdays}) {
    for (const auto& [name, named] : *names) {
      std::string cap = name;
      cap[0] = static_cast<char>(std::toupper(cap[0]));
      text += " " + name + " " + cap + " x" + name;
    }
  }
  QTokens t(text);
  auto slow = [&](const QStringMap<DateLexicon::Named>& m, size_t i, int none) {
    auto it = m.find(t.Text(i));
    if (!t.IsWord(i) || it == m.end()) return none;
    return it->second.needs_cap && !t[i].capitalized ? none : it->second.value;
  };
  int found = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    SCOPED_TRACE(t.Text(i));
    EXPECT_EQ(lx.MonthAt(t, i), slow(lx.months, i, 0));
    EXPECT_EQ(lx.WeekdayAt(t, i), slow(lx.weekdays, i, -1));
    found += lx.MonthAt(t, i) > 0;
  }
  EXPECT_GE(found, 12);
}

// AnchorAt skips the map through a hash filter too: it must agree with a
// plain lookup on every anchor word, its capitalised form, and others.
TEST(DateLexicon, AnchorFilterAgreesWithLookup) {
  const DateLexicon& lx = DateLexicon::Get();
  ASSERT_FALSE(lx.anchors.empty());
  std::string text = "the police said on sunday since 2019, last week - x";
  for (const auto& [word, mode] : lx.anchors) {
    std::string cap = word;
    cap[0] = static_cast<char>(std::toupper(cap[0]));
    text += " " + word + " " + cap + " x" + word + " " + word + "s";
  }
  QTokens t(text);
  int found = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    SCOPED_TRACE(t.Text(i));
    auto it = lx.anchors.find(t.Text(i));
    int slow = !t.IsWord(i) || it == lx.anchors.end() ? -1 : it->second;
    EXPECT_EQ(lx.AnchorAt(t, i), slow);
    found += slow >= 0;
  }
  EXPECT_GE(found, static_cast<int>(lx.anchors.size()));
}

// HasAgoUnit (which lets TryAgo give up at once) against a plain lookup of
// every token: texts made of ago units, their capitalised and glued forms,
// numbers and other words, with and without a unit.
TEST(DateLexicon, HasAgoUnitAgreesWithLookup) {
  const DateLexicon& lx = DateLexicon::Get();
  ASSERT_FALSE(lx.agos.empty());
  std::vector<std::string> words = {
      "two", "3", "ago", "later", "the", "-", "police", "dayz", "x", "A", "a"};
  for (const auto& [unit, ago] : lx.agos) {
    std::string cap = unit;
    cap[0] = static_cast<char>(std::toupper(cap[0]));
    for (std::string w : {unit, cap, "x" + unit, unit + "x"}) {
      words.push_back(w);
    }
  }
  std::mt19937 rng(7);
  int with = 0;
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    for (int k = static_cast<int>(rng() % 8); k >= 0; --k) {
      text += words[rng() % words.size()] + (rng() % 4 ? " " : "");
    }
    QTokens t(text);
    bool slow = false;
    for (size_t i = 0; i < t.size(); ++i) {
      slow |= t.IsWord(i) && lx.agos.find(t.Text(i)) != lx.agos.end();
    }
    EXPECT_EQ(lx.HasAgoUnit(t), slow) << text;
    with += slow;
  }
  EXPECT_GT(with, 300);
}

// "N days ago" and "two days later" still found with the early exit.
TEST(FindDates, AgoAndLaterAfterTheUnitCheck) {
  CivilDay ref{2021, 3, 10};
  std::vector<DateMention> d = FindDates("It began two days ago.", ref);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "ago");
  EXPECT_EQ(d[0].day, (CivilDay{2021, 3, 8}));
  EXPECT_TRUE(FindDates("It began two ago, many ago.", ref).empty());
}

TEST(FindDates, LargeAndHostileInput) {
  std::string text;
  const char* parts[] = {
      "BAGHDAD, Jan 27 (Reuters) - Gunmen shot dead two protesters late on ",
      "Sunday, and clashes resumed on Monday morning. Protests erupted on ",
      "Oct. 1 and at least 500 people have been killed since October 2019, ",
      "officials said on Friday (Jan 24). Soleimani was killed on January 3, ",
      "2020 in a US drone strike near the airport, about 10 km away. \n"};
  while (text.size() < (4u << 20)) {
    for (const char* p : parts) text += p;
  }
  std::vector<DateMention> ms = FindDates(text, CivilDay{2020, 1, 27});
  EXPECT_GT(ms.size(), 1000u);
  for (const DateMention& m : ms) ASSERT_LE(m.span.end, text.size());
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk += static_cast<char>((i * 7919) % 256);
  FindDates(junk, CivilDay{2020, 1, 27});
  FindDates("since", std::nullopt);
  FindDates("on Friday (", CivilDay{2020, 1, 27});
  FindDates("99999999999999999999 days ago", CivilDay{2020, 1, 27});
  FindDates("Jan 27", CivilDay{2020, 2, 30});  // invalid reference: ignored
}

// dates.tsv `order`: outlet name, then web host and its parent domains,
// then "default".
TEST(DateLexicon, NumericOrderByOutlet) {
  auto lx = DateLexicon::Parse(
      "order\tdefault\tdmy\norder\tapnews.com\tmdy\n"
      "order\tthe daily\tmdy\norder\tbbc.co.uk\tdmy\n");
  ASSERT_TRUE(lx.ok()) << lx.status().ToString();
  struct Case {
    const char* outlet;
    const char* url;
    bool month_first;
  } cases[] = {
      {"", "https://apnews.com/article/x", true},
      {"", "https://www.apnews.com:443/x?y", true},
      {"The Daily", "", true},
      {"", "https://www.bbc.co.uk/news/1", false},
      {"", "https://notapnews.org/x", false},
      {"", "", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(lx->MonthFirst(c.outlet, c.url), c.month_first)
        << c.outlet << " " << c.url;
  }
  auto us = DateLexicon::Parse("order\tdefault\tmdy\n");
  ASSERT_TRUE(us.ok());
  EXPECT_TRUE(us->MonthFirst("", ""));
  EXPECT_FALSE(DateLexicon::Parse("order\tdefault\tymd\n").ok());
}

}  // namespace
}  // namespace sitrep
