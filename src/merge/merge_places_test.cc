// The merge and the places of reports: two towns are two incidents.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "merge/merge_test_util.h"
#include "sitrep/merge.h"

namespace sitrep {
namespace {

using namespace merge_test;  // NOLINT: the shared fixtures

// Villages of one front line: Vodyane and Shyrokyne about 19 km apart, a
// hamlet 4 km from Vodyane.
const Location kVodyane = Place("Vodyane", 47.10, 37.50);
const Location kShyrokyne = Place("Shyrokyne", 47.09, 37.75);
const Location kHamlet = Place("Hamlet", 47.10, 37.55);

struct PlacesCase {
  const char* name;
  Location a_place, b_place;
  std::vector<Figure> a_figures, b_figures;
  bool copies;           // the dedup stage calls b a copy of a
  bool b_names_a_place;  // b names a's town besides its own
  size_t want_events;
};

class MergePlaces : public testing::TestWithParam<PlacesCase> {};

TEST_P(MergePlaces, TwoTownsAreTwoIncidents) {
  const PlacesCase& c = GetParam();
  Mention a = M("a", kExpl, c.a_place, kJan26, c.a_figures);
  Mention b = M("b", kExpl, c.b_place, kJan26, c.b_figures);
  if (c.b_names_a_place) b.other_places.push_back(c.a_place);
  MergeOptions o;
  if (c.copies) o.copy_of["b"] = "a";
  EXPECT_EQ(MergeMentions({a, b}, o).size(), c.want_events) << c.name;
}

Location Area(const char* precision) {
  Location l = Place("Donetsk", 48.0, 37.8);
  l.precision = precision;
  l.admin1 = "Donetsk";
  return l;
}

// Village reports and their province: "near Opytne, Donetsk", the village
// unknown to the gazetteer, leaves only the province.
const Location kProvince = Area("admin1");
const Location kCountry = Area("country");

Location InProvince(Location l) {
  l.admin1 = "Donetsk";
  return l;
}

// Zadran district's province, Paktia, and Musa Khel district of Khost,
// about 47 km from Paktia's centre.
Location Paktia() {
  Location l = Place("Paktia", 33.6, 69.4);
  l.precision = "admin1";
  l.admin1 = "Paktia";
  return l;
}

Location MusaKhel() {
  Location l = Place("Musa Khel", 33.5, 69.9);
  l.precision = "admin2";
  l.admin1 = "Khowst";
  return l;
}

const Figure k2Hurt = Fig(Outcome::kInjured, 2);
const Figure k1Killed = Fig(Outcome::kKilled, 1);
const Figure k5Killed = Fig(Outcome::kKilled, 5);

INSTANTIATE_TEST_SUITE_P(
    Table, MergePlaces,
    testing::Values(
        // OSCE-style reports of shelling near two villages the same day.
        PlacesCase{
            "two villages", kVodyane, kShyrokyne, {}, {}, false, false, 2},
        // Templated reports ("protested in X city (...)") share their
        // wording, not their incident.
        PlacesCase{
            "templated copies", kVodyane, kShyrokyne, {}, {}, true, false, 2},
        // A lone victim is no distinctive count.
        PlacesCase{"one killed each",
                   kVodyane,
                   kShyrokyne,
                   {k1Killed},
                   {k1Killed},
                   false,
                   false,
                   2},
        // Five killed in both: one attack placed by two outlets.
        PlacesCase{"shared toll",
                   kVodyane,
                   kShyrokyne,
                   {k5Killed},
                   {k5Killed},
                   false,
                   false,
                   1},
        // "In Shyrokyne, near Vodyane": the enclosing or nearby relation.
        PlacesCase{
            "names the other", kVodyane, kShyrokyne, {}, {}, false, true, 1},
        // One town's outskirts.
        PlacesCase{"same town", kVodyane, kHamlet, {}, {}, false, false, 1},
        PlacesCase{"same place", kVodyane, kVodyane, {}, {}, false, false, 1},
        // A templated report placed only in the province is not a retelling
        // of a village's report; an equal count ties them.
        PlacesCase{"province copy",
                   InProvince(kVodyane),
                   kProvince,
                   {},
                   {},
                   true,
                   false,
                   2},
        PlacesCase{"province copy, equal toll",
                   InProvince(kVodyane),
                   kProvince,
                   {k5Killed},
                   {k5Killed},
                   true,
                   false,
                   1},
        // A town and its province: one killed in each is no tie, five is.
        PlacesCase{"province, one killed each",
                   InProvince(kVodyane),
                   kProvince,
                   {k1Killed},
                   {k1Killed},
                   false,
                   false,
                   2},
        PlacesCase{"province, five killed each",
                   InProvince(kVodyane),
                   kProvince,
                   {k5Killed},
                   {k5Killed},
                   false,
                   false,
                   1},
        // A province and a district of the next one, near its centre.
        PlacesCase{"neighbouring province",
                   Paktia(),
                   MusaKhel(),
                   {k2Hurt},
                   {k2Hurt},
                   false,
                   false,
                   2},
        // A copy that names only the country still joins its original.
        PlacesCase{"country copy",
                   InProvince(kVodyane),
                   kCountry,
                   {},
                   {},
                   true,
                   false,
                   1}));

// Regression (ACLED dev): a town and a report at province level on one day
// with close but different counts are two events; an equal count ties them.
TEST(Merge, TownAndItsProvinceNeedAnEqualCount) {
  Location town = Place("Coalcoman", 18.78, -103.16);
  town.admin1 = "16";
  Location province = Place("Michoacan", 19.17, -101.9);
  province.precision = "admin1";
  province.admin1 = "16";
  const char kVac[] = "Violence against civilians";
  auto two = MergeMentions(
      {M("a", kVac, town, kJan26, {Fig(Outcome::kKilled, 1)}),
       M("b", kVac, province, kJan26, {Fig(Outcome::kKilled, 2)})},
      {});
  EXPECT_EQ(two.size(), 2u);
  auto one = MergeMentions(
      {M("a", kVac, town, kJan26, {Fig(Outcome::kKilled, 2)}),
       M("b", kVac, province, kJan26, {Fig(Outcome::kKilled, 2)})},
      {});
  EXPECT_EQ(one.size(), 1u);
}

// Regression (ACLED dev): reports naming no place at all are not pooled
// with other articles' events on type, day and count alone.
TEST(Merge, PlacelessReportsStayApart) {
  const char kVac[] = "Violence against civilians";
  Mention a = M("a", kVac, kBaghdad, kJan26, {Fig(Outcome::kKilled, 2)});
  Mention b = M("b", kVac, kBaghdad, kJan26, {Fig(Outcome::kKilled, 2)});
  a.location.reset();
  b.location.reset();
  EXPECT_EQ(MergeMentions({a, b}, {}).size(), 2u);
  MergeOptions copies;
  copies.copy_of["b"] = "a";
  EXPECT_EQ(MergeMentions({a, b}, copies).size(), 1u);
}

}  // namespace
}  // namespace sitrep
