#include "export/sample_events.h"
#include "export/test_util.h"
#include "gtest/gtest.h"
#include "sitrep/export.h"

namespace sitrep {
namespace {

TEST(GeoJson, OmitsEventsWithoutCoordinates) {
  auto events = sample::Events();
  int omitted = -1;
  std::string g = EventsToGeoJson(events, {}, &omitted);
  EXPECT_EQ(omitted, 5);  // one incident without a place, four tallies
  EXPECT_NE(g.find("\"sitrep_omitted\":5"), std::string::npos);
  EXPECT_EQ(EventsToGeoJson({}, {}, &omitted),
            "{\"type\":\"FeatureCollection\",\"features\":[],"
            "\"sitrep_omitted\":0}");
  EXPECT_EQ(omitted, 0);
}

TEST(GeoJson, ParsesAsFeatureCollectionOfPoints) {
  if (!testing_util::HavePython()) GTEST_SKIP() << "python3 not installed";
  std::string path = testing_util::WriteTemp("events.geojson",
                                             EventsToGeoJson(sample::Events()));
  const char* script = R"(import json, sys
g = json.load(open(sys.argv[1], encoding='utf-8'))
assert g['type'] == 'FeatureCollection'
fs = g['features']
assert len(fs) == 6, len(fs)
for f in fs:
    assert f['type'] == 'Feature'
    assert f['geometry']['type'] == 'Point'
    lon, lat = f['geometry']['coordinates']
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    p = f['properties']
    assert p['event_id_cnty'] == f['id']
    assert abs(p['longitude'] - lon) < 1e-4 and abs(p['latitude'] - lat) < 1e-4
    assert isinstance(p['fatalities'], (int, float))
    assert 'disagreements' in p and 'fatalities_high' in p
n = fs[0]['properties']
assert n['location'] == 'Nasiriyah' and n['fatalities'] == 25
assert n['fatalities_best'] == 29 and n['injuries_low'] is None
assert n['geo_precision'] == 1 and n['year'] == 2019
assert fs[0]['geometry']['coordinates'][0] > 46  # lon first
)";
  EXPECT_EQ(testing_util::RunPython(script, path), 0);
}

}  // namespace
}  // namespace sitrep
