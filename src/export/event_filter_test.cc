#include "sitrep/event_filter.h"

#include <algorithm>

#include "export/sample_events.h"
#include "gtest/gtest.h"

namespace sitrep {
namespace {

// Ids of the sample events a query keeps (sample ids end in two chars).
std::string Kept(std::string_view query) {
  auto f = EventFilter::ParseQuery(query);
  if (!f.ok()) return "error: " + f.status().message();
  std::string out;
  for (const Event& e : sample::Events()) {
    if (!f->Matches(e)) continue;
    if (!out.empty()) out += ' ';
    out += e.id.substr(e.id.size() - 2);
  }
  return out;
}

TEST(EventFilter, TableOfQueries) {
  struct Case {
    const char* query;
    const char* want;
  } cases[] = {
      {"", "a1 b2 c3 d4 e5 f6 a7 00 01 02 03"},
      {"?country=iq", "a1 b2 c3 a7"},
      {"country=LB,CL", "d4 e5"},
      {"type=protests&kind=incident", "a1 b2 e5"},
      {"type=Riots,Attack", "d4 f6"},
      {"type=peaceful+protest", "b2 a7"},
      {"from=2019-12-01&to=2019-12-03&kind=incident,aggregate", "c3 e5 f6 a7"},
      {"to=2019-11-28", "a1 00 01"},
      {"bbox=40,29,50,35", "a1 b2 c3 a7"},
      {"bbox=35,33,36,34", "d4"},
      {"bbox=170,-40,-60,-30", "e5"},  // crosses the antimeridian
      {"kind=tally", "00 01 02 03"},
      {"q=nasiriyah", "a1"},
      {"q=AFP%20tally", "01 03"},
      {"q=%3Cb%3Epolice", "c3"},
      {"q=no+such+thing", ""},
      {"country=&type=", "a1 b2 c3 d4 e5 f6 a7 00 01 02 03"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Kept(c.query), c.want) << c.query;
  }
}

TEST(EventFilter, RejectsBadInput) {
  const char* bad[] = {
      "colour=red",
      "country=IRQ",
      "country=1Q",
      "from=2019-13-01",
      "from=yesterday",
      "to=2019-02-30",
      "from=2020-01-02&to=2020-01-01",
      "bbox=1,2,3",
      "bbox=1,2,3,x",
      "bbox=0,50,10,40",
      "bbox=-200,0,10,10",
      "kind=rumour",
      "bogus",
  };
  for (const char* q : bad) {
    auto f = EventFilter::ParseQuery(q);
    EXPECT_FALSE(f.ok()) << q;
    if (!f.ok()) {
      EXPECT_EQ(f.status().code(), StatusCode::kInvalidArgument) << q;
    }
  }
  EXPECT_EQ(EventFilter::ParseQuery(std::string(9000, 'a')).status().code(),
            StatusCode::kResourceExhausted);
}

TEST(EventFilter, ParseFromPairsAndEmpty) {
  auto f = EventFilter::Parse({{"country", "iq"}, {"from", "2019-11-29"}});
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->countries, std::vector<std::string>{"IQ"});
  EXPECT_FALSE(f->empty());
  EXPECT_TRUE(EventFilter{}.empty());
  auto kept = FilterEvents(sample::Events(), *f);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0].id, "SR00000000000000b2");
}

TEST(EventFilter, MissingDateOrPlaceFailsThoseCriteria) {
  Event e = sample::Events()[0];
  e.date = CivilDay{2019, 11, 0};
  EXPECT_FALSE(EventFilter::ParseQuery("from=2019-01-01")->Matches(e));
  EXPECT_TRUE(EventFilter::ParseQuery("country=IQ")->Matches(e));
  e.location.reset();
  EXPECT_FALSE(EventFilter::ParseQuery("country=IQ")->Matches(e));
  EXPECT_FALSE(EventFilter::ParseQuery("bbox=-180,-90,180,90")->Matches(e));
}

}  // namespace
}  // namespace sitrep
