#include <map>

#include "export/fields.h"
#include "export/sample_events.h"
#include "export/test_util.h"
#include "gtest/gtest.h"
#include "sitrep/export.h"

namespace sitrep {
namespace {

using testing_util::HavePython;
using testing_util::RunPython;
using testing_util::WriteTemp;

// Row `i` of the CSV as column -> value, via python's csv module is the
// real check; this C++ twin splits the simple (unquoted) rows only.
std::map<std::string, std::string> Row(const Event& e,
                                       const ExportOptions& o = {}) {
  std::vector<export_internal::FieldValue> v;
  export_internal::EventFields(e, o, &v);
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < v.size(); ++i) {
    out[std::string(CsvColumns()[i])] = v[i].text;
  }
  return out;
}

TEST(Csv, HeaderStartsWithAcledColumnsThenExtras) {
  std::string csv = EventsToCsv({});
  EXPECT_EQ(
      csv.rfind("event_id_cnty,event_date,year,time_precision,event_type,"
                "sub_event_type,actor1,actor2,country,iso,admin1,admin2,"
                "location,latitude,longitude,geo_precision,source,notes,"
                "fatalities,fatalities_low,fatalities_best,fatalities_high,"
                "injuries_low,",
                0),
      0u)
      << csv;
  EXPECT_TRUE(csv.ends_with("kind,disagreements\r\n")) << csv;
}

TEST(Csv, FieldsCountMatchesHeader) {
  for (const Event& e : sample::Events()) {
    std::vector<export_internal::FieldValue> v;
    export_internal::EventFields(e, {}, &v);
    EXPECT_EQ(v.size(), CsvColumns().size()) << e.id;
  }
}

TEST(Csv, ConservativeFatalitiesAndRanges) {
  auto events = sample::Events();
  auto nas = Row(events[0]);  // 25 vs at least 29
  EXPECT_EQ(nas["fatalities"], "25");
  EXPECT_EQ(nas["fatalities_low"], "25");
  EXPECT_EQ(nas["fatalities_best"], "29");
  EXPECT_EQ(nas["fatalities_high"], "29");
  EXPECT_EQ(nas["n_sources"], "2");
  EXPECT_EQ(nas["articles"], "art-001; art-002");
  EXPECT_NE(nas["disagreements"], "");
  auto bag = Row(events[1]);  // injuries only
  EXPECT_EQ(bag["fatalities"], "0");
  EXPECT_EQ(bag["fatalities_low"], "");
  EXPECT_EQ(bag["injuries_best"], "12");
  auto san = Row(events[4]);  // "dozens": low 7, best 30, no high
  EXPECT_EQ(san["injuries_low"], "7");
  EXPECT_EQ(san["injuries_high"], "");
}

TEST(Csv, PrecisionCodes) {
  struct Case {
    const char* precision;
    std::string want;
  } cases[] = {{"city", "1"},
               {"landmark", "1"},
               {"admin1", "2"},
               {"country", "3"},
               {"", ""}};
  for (const auto& c : cases) {
    Event e = sample::Events()[0];
    e.location->precision = c.precision;
    EXPECT_EQ(Row(e)["geo_precision"], c.want) << c.precision;
  }
  Event e = sample::Events()[0];
  EXPECT_EQ(Row(e)["time_precision"], "1");  // sources state the day
  for (auto& m : e.mentions) m.date_rule = "article";
  EXPECT_EQ(Row(e)["time_precision"], "2");  // only the publication day
  e.date = CivilDay{2019, 11, 0};
  EXPECT_EQ(Row(e)["time_precision"], "3");
  EXPECT_EQ(Row(e)["event_date"], "2019-11");
  e.date = CivilDay{};
  EXPECT_EQ(Row(e)["time_precision"], "");
  EXPECT_EQ(Row(e)["year"], "");
}

TEST(Csv, CountryNamesAndOutletsFromLookups) {
  Event e = sample::Events()[0];
  EXPECT_EQ(Row(e)["country"], "IQ");  // no lookup: the code
  ExportOptions o;
  o.country_name = [](std::string_view cc) {
    return cc == "IQ" ? std::string("Iraq") : std::string();
  };
  o.article_outlet = [](std::string_view id) {
    return id == "art-001" ? std::string("Reuters") : std::string();
  };
  auto r = Row(e, o);
  EXPECT_EQ(r["country"], "Iraq");
  EXPECT_EQ(r["iso"], "IQ");
  EXPECT_EQ(r["source"], "Reuters; art-002");
  EXPECT_EQ(r["latitude"], "31.05799");
  EXPECT_EQ(r["longitude"], "46.25726");
}

TEST(Csv, TallySourceComesFirst) {
  auto events = sample::Events();
  auto r = Row(events.back());
  EXPECT_EQ(r["kind"], "tally");
  EXPECT_EQ(r["source"], "AFP tally; art-t3");
  EXPECT_EQ(r["latitude"], "");
}

TEST(Csv, Rfc4180QuotingRoundTripsThroughPythonCsv) {
  if (!HavePython()) GTEST_SKIP() << "python3 not installed";
  auto events = sample::Events();
  events[1].notes = "line one\nline \"two\", with comma\r\nend";
  std::string path = WriteTemp("events.csv", EventsToCsv(events));
  const char* script = R"(import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
head = rows[0]
want = ['event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type',
        'sub_event_type', 'actor1', 'actor2', 'country', 'iso', 'admin1',
        'admin2', 'location', 'latitude', 'longitude', 'geo_precision',
        'source', 'notes', 'fatalities']
assert head[:len(want)] == want, head
assert head[-2:] == ['kind', 'disagreements'], head
assert len(set(head)) == len(head)
assert len(rows) == 12, len(rows)
for r in rows[1:]:
    assert len(r) == len(head), r
d = [dict(zip(head, r)) for r in rows[1:]]
assert d[1]['notes'] == 'line one\nline "two", with comma\r\nend', repr(d[1]['notes'])
assert d[0]['fatalities'] == '25' and d[0]['event_date'] == '2019-11-28'
assert d[0]['geo_precision'] == '1' and float(d[0]['latitude']) > 31
assert d[2]['notes'].startswith('A roadside bomb')
)";
  EXPECT_EQ(RunPython(script, path), 0);
}

}  // namespace
}  // namespace sitrep
