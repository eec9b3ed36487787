#include "geo/chains.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "geo/gazetteer_test_util.h"
#include "sitrep/gazetteer.h"

namespace sitrep::geo {
namespace {

// "text|name@CC:kind" of each mention's first candidate.
std::vector<std::string> Found(std::string_view text) {
  return ShowPlaces(text, [&](const PlaceMention& m) {
    const Place& p = m.candidates[0];
    static const char* kKinds[] = {"city", "admin1", "country", "landmark",
                                   "admin2"};
    return std::string(m.span.In(text)) + "|" + p.name + "@" + p.country + ":" +
           kKinds[static_cast<int>(p.kind)];
  });
}

struct Case {
  const char* text;
  std::vector<std::string> want;
};

TEST(ResolveChains, LaterNamesContainEarlierOnes) {
  const Case cases[] = {
      // The country El Salvador ranks first on its own; Bahia settles it.
      {"Farmers marched through Salvador, Bahia, on Tuesday.",
       {"Salvador|Salvador@BR:city", "Bahia|Bahia@BR:admin1"}},
      // The province, not the city of Santa Fe.
      {"Two traders were robbed near Rosario (Santa Fe) overnight.",
       {"Rosario|Rosario@AR:city", "Santa Fe|Santa Fe@AR:admin1"}},
      {"Residents rallied in Paris, Texas.",
       {"Paris|Paris@US:city", "Texas|Texas@US:admin1"}},
      {"Shelling hit Beni (Nord-Kivu) and displaced families.",
       {"Beni|Beni@CD:city", "Nord-Kivu|North Kivu@CD:admin1"}},
      {"Militants attacked a checkpoint in Rafi LGA, Niger State.",
       {"Rafi|Rafi@NG:admin2", "Niger State|Niger State@NG:admin1"}},
      {"A market burned in Swat district, Khyber Pakhtunkhwa.",
       {"Swat|Swat@PK:admin2",
        "Khyber Pakhtunkhwa|Khyber Pakhtunkhwa@PK:admin1"}},
      {"Gunmen shot two protesters in the city of Nassiriya, Dhi Qar "
       "province.",
       {"Nassiriya|Nasiriyah@IQ:city", "Dhi Qar|Dhi Qar@IQ:admin1"}},
      // A village only known abroad (Georgia, US) is dropped; the district
      // is found without its "District Municipality".
      {"Villagers fled Chatsworth (Ugu, KwaZulu-Natal) after the raid.",
       {"Ugu|Ugu District Municipality@ZA:admin2",
        "KwaZulu-Natal|KwaZulu-Natal@ZA:admin1"}},
      {"Villagers fled Chatsworth (Qwxz, KwaZulu-Natal) after the raid.",
       {"KwaZulu-Natal|KwaZulu-Natal@ZA:admin1"}},
      // "X village near Y town": a namesake of X far from Y is not X.
      {"A mob struck in Hamirpur village near Rapar town on Saturday.",
       {"Rapar|Rāpar@IN:city"}},
      // "the X area of Y" with Y a town: a namesake of X far away is not X.
      {"Gunmen kidnapped two men in the Oktyabrskiy area of Grozny.",
       {"Grozny|Groznyy@RU:city"}},
      // ...but near a country or a border, X keeps its own reading.
      {"A bomb went off in Jalalabad near the Pakistan border.",
       {"Jalalabad|Jalālābād@AF:city", "Pakistan|Pakistan@PK:country"}},
      // A small town lying outside the district named right after it is
      // an unknown village there (this Pipri is in Maharashtra).
      {"Farmers clashed in Pipri, Kaushambi, over a plot.",
       {"Kaushambi|Kaushambi District@IN:admin2"}},
      // Only a namesake abroad (Chora, Greece): the province stands in.
      {"Troops repelled an assault in Chora district, Uruzgan.",
       {"Uruzgan|Oruzgan@AF:admin1"}},
      // A town in another province is kept: texts misname provinces.
      {"Gunmen attacked a bus near Buni Yadi (Gujiba LGA, Borno).",
       {"Buni Yadi|Buni Yadi@NG:city", "Borno|Borno State@NG:admin1"}},
      // A name several small towns share, none of them near the province
      // (or large city) named after it, is an unknown place there: these
      // Kamyanka lie in Cherkasy and Odesa, these San Jeronimo far from
      // Cusco; the area stands in.
      {"Gunmen fired near Kamyanka, Donetsk, overnight.",
       {"Donetsk|Donetsk@UA:admin1"}},
      {"Inmates rioted in San Jeronimo suburb, Cusco city, on Friday.",
       {"Cusco|Cusco@PE:city"}},
      // ...and a province's name is not a village near a namesake of the
      // town before it (Ejido Nuevo Leon, by Benito Juarez in Baja
      // California).
      {"A man was shot in Benito Juarez, Nuevo Leon.",
       {"Nuevo Leon|Nuevo León@MX:admin1"}},
      // A large town, or the one town so named, in a misnamed province.
      {"A man was shot in Apodaca, Jalisco.",
       {"Apodaca|Ciudad Apodaca@MX:city", "Jalisco|Jalisco@MX:admin1"}},
      {"A clinic was vandalised in Sahiwal, Sindh.",
       {"Sahiwal|Sahiwal@PK:city", "Sindh|Sindh@PK:admin1"}},
      // A name whose best reading fits none of the readings the rest of
      // the chain settled on (a San Juan by a Lagunillas in Mexico) is an
      // unknown place there; the next name keeps its own country.
      {"Inmates protested in San Juan, Lagunillas, Merida state, on Friday.",
       {"Lagunillas|Lagunillas@VE:city", "Merida|Mérida@VE:admin1"}},
      // A city's section (PPLX) far from the places settled on is a
      // namesake of a neighbourhood there; near them it stays.
      {"In Fresnillo, Zacatecas, gunmen attacked a man in Colonia Del Valle.",
       {"Fresnillo|Fresnillo@MX:city", "Zacatecas|Zacatecas@MX:admin1"}},
      // Common English names and Indian state abbreviations of provinces
      // (data/geo/aliases.tsv) settle the town before them
      {"Workers protested in the Lensk district of Yakutia.",
       {"Lensk|Lensk@RU:city", "Yakutia|Sakha@RU:admin1"}},
      // (the code itself is no place mention of its own).
      {"Mobs clashed in Qwxz Nagar, Pratapgarh (UP) over land.",
       {"Pratapgarh|Bela@IN:city"}},
      // A town after a town, opening a parenthesis: one more level.
      {"A man was killed in Rampur, Shamli (UP) over land.",
       {"Rampur|Rāmpur@IN:city", "Shamli|Shāmli@IN:city"}},
      // A big town matched only by an alternate name (Mambasa is one of
      // Mombasa's) yields like a small one: the province stands in.
      {"Rebels burned Qqzzyx village (Mambasa, Nord-Kivu) overnight.",
       {"Nord-Kivu|North Kivu@CD:admin1"}},
      // An area standing in for a dropped name settles the country of the
      // sentence's other names: this Savar is not Sarvar, Hungary.
      {"Workers marched in Savar city (Savar, Dhaka) for relief.",
       {"Dhaka|Dhaka Division@BD:admin1"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Found(c.text), c.want) << c.text;
}

// Two towns of one name fit the province: the seat of the district so
// named (PPLA2) comes before the village.
TEST(ResolveChains, DistrictSeatFirst) {
  std::string_view text =
      "Gunmen kidnapped a former mayor in El Salto, Jalisco.";
  std::vector<std::string> got = ShowPlaces(text, [](const PlaceMention& m) {
    const Place& p = m.candidates[0];
    return p.name + ":" + p.feature_code;
  });
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], "El Salto:PPLA2");
}

TEST(ResolveChains, ListsAndLoneNamesAreLeftAlone) {
  const Case cases[] = {
      {"Protests spread to Baghdad, Basra and Najaf.",
       {"Baghdad|Baghdad@IQ:city", "Basra|Basrah@IQ:city",
        "Najaf|Najaf@IQ:city"}},
      {"A rocket landed in Baghdad's Green Zone.",
       {"Baghdad|Baghdad@IQ:city", "Green Zone|Green Zone@IQ:landmark"}},
      {"In Kabul, Ghani said the talks would go on.", {"Kabul|Kabul@AF:city"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Found(c.text), c.want) << c.text;
}

TEST(ClassifyGap, Links) {
  const auto* g = dynamic_cast<const MappedGazetteer*>(TestGazetteer());
  ASSERT_NE(g, nullptr);
  const std::pair<const char*, Link> cases[] = {
      {", ", Link::kStrong},
      {" (", Link::kStrong},
      {" town (", Link::kStrong},
      {" Township, ", Link::kStrong},
      {" district of ", Link::kPartOf},
      {" near ", Link::kNear},
      {" village near ", Link::kNear},
      {", near ", Link::kNear},
      {"), ", Link::kStrong},
      {" (Ugu, ", Link::kStrong},
      {" in ", Link::kWeak},
      {" and ", Link::kList},
      {", and ", Link::kList},
      {" said ", Link::kNone},
      {" - ", Link::kNone},
      {" of ", Link::kNone},
      {"; ", Link::kNone},
  };
  for (const auto& [gap, want] : cases) {
    EXPECT_EQ(ClassifyGap(*g, gap), want) << "'" << gap << "'";
  }
}

TEST(Admin2, DistrictsAreIndexedWithAndWithoutTheirSuffix) {
  const Gazetteer* g = TestGazetteer();
  ASSERT_NE(g, nullptr);
  for (const char* q : {"Thatta District", "Thatta"}) {
    bool found = false;
    for (const Place& p : g->Lookup(q)) {
      found |= p.kind == PlaceKind::kAdmin2 && p.country == "PK" &&
               !p.admin2_code.empty() && p.lat != 0;
    }
    EXPECT_TRUE(found) << q;
  }
}

}  // namespace
}  // namespace sitrep::geo
