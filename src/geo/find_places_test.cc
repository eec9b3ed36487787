#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "geo/gazetteer_test_util.h"
#include "sitrep/gazetteer.h"

namespace sitrep::geo {
namespace {

// "text|name@CC" for each mention, demonyms as "~CC".
std::vector<std::string> Found(std::string_view text) {
  return ShowPlaces(text, [&](const PlaceMention& m) {
    std::string s(m.span.In(text));
    s += m.demonym ? "|~" : "|" + m.candidates[0].name + "@";
    return s + m.candidates[0].country;
  });
}

struct Case {
  const char* text;
  std::vector<std::string> want;
};

TEST(FindPlaces, SeedSentences) {
  const Case cases[] = {
      {"Unidentified gunmen shot dead two protesters in the southern Iraqi "
       "city of Nassiriya after security forces began a crackdown.",
       {"Iraqi|~IQ", "Nassiriya|Nasiriyah@IQ"}},
      {"BAGHDAD, Jan 27 (Reuters) - On Monday morning, clashes resumed in "
       "central Baghdad as police fired tear gas.",
       {"BAGHDAD|Baghdad@IQ", "Baghdad|Baghdad@IQ"}},
      {"rockets crashed near the US Embassy in Baghdad's heavily fortified "
       "Green Zone without causing any injuries",
       {"US|~US", "Baghdad|Baghdad@IQ", "Green Zone|Green Zone@IQ"}},
      // Cairo's Tahrir Square ranks first (population); "in Baghdad, Iraq"
      // settles Baghdad's (ResolveChains).
      {"demonstrations in Tahrir Square in Baghdad, Iraq (Khalid Mohammed/AP)",
       {"Tahrir Square|Tahrir Square@IQ", "Baghdad|Baghdad@IQ",
        "Iraq|Iraq@IQ"}},
      {"They flooded the streets of Iraq’s capital and the capital’s Khilani "
       "Square.",
       {"Iraq|Iraq@IQ", "Khilani Square|Khilani Square@IQ"}},
      {"In Nasiriyah, security forces fired live rounds near their main "
       "protest camp in Habbubi Square.",
       {"Nasiriyah|Nasiriyah@IQ", "Habbubi Square|Habbubi Square@IQ"}},
      {"KUT, Iraq — Gunmen in Iraq on Saturday shot two protesters.",
       {"KUT|Al Kūt@IQ", "Iraq|Iraq@IQ", "Iraq|Iraq@IQ"}},
      {"An Iraqi official initially put the number of rockets at four.",
       {"Iraqi|~IQ"}},
      // A three-word admin suffix after a small district seat: without it
      // "Local" reads as the rest of an unknown name and Kankara is lost.
      {"Bandits raided homes in Kankara Local Government Area on Friday.",
       {"Kankara|Kankara@NG"}},
      {"Bandits raided homes in Kankara Local Area on Friday.", {}},
      {"Another 12 protestors were killed in a separate clash in Najaf.",
       {"Najaf|Najaf@IQ"}},
      {"Fighting spread to al-Anbar province and Anbar Province.",
       {"al-Anbar|Anbar@IQ", "Anbar|Anbar@IQ"}},
      {"Suicide bombers struck Maiduguri, the Borno state capital, and "
       "Nigerian troops responded.",
       {"Maiduguri|Maiduguri@NG", "Borno|Borno State@NG", "Nigerian|~NG"}},
      // ...but a place noun, suffix or weekday after it leaves it a town.
      {"Gunmen struck in Mosul Tuesday and in Kunduz City.",
       {"Mosul|Mosul@IQ", "Kunduz|Kunduz@AF"}},
      // A country naming whose people they are reads as a demonym.
      {"U.S. soldiers and Pakistan army units met in Kabul.",
       {"U.S.|~US", "Pakistan|~PK", "Kabul|Kabul@AF"}},
      // After an unknown village and a comma: the province, first.
      {"Shells fell near Holubivske, Luhansk.", {"Luhansk|Luhansk@UA"}},
      // ...and so is one closed by a place noun, after unknown names.
      {"A grenade hit a salon in Qwxz (Zzqy, Kigali City).",
       {"Kigali|Kigali@RW"}},
      // A name of several words after a known one in a hierarchy.
      {"Firemen protested in Venustiano Carranza, Ciudad de Mexico, today.",
       {"Venustiano Carranza|Venustiano Carranza@MX",
        "Ciudad de Mexico|Mexico City@MX"}},
      // A capitalised cue opening a clause cues the name after it.
      {"On Friday afternoon, In Moscow, two devices went off.",
       {"Moscow|Moscow@RU"}},
      // Without a cue, a town the province named after it (with its
      // suffix) holds.
      {"On 29 April, Caripe, Monagas state, farmers blocked roads.",
       {"Caripe|Caripe@VE", "Monagas|Monagas@VE"}},
      // A verb of joining after a road noun cues the places it joins.
      {"Drivers blocked the road that connects Acapulco to Qwzz.",
       {"Acapulco|Acapulco de Juárez@MX"}},
      // A plural place noun and `of` cue a place too.
      {"Fighting broke out between the towns of Mandaguari and Qwzz.",
       {"Mandaguari|Mandaguari@BR"}},
      // After a possessive: a part of the place before it, or nothing.
      {"They rallied in Hong Kong’s Central District and in Nigeria's "
       "Katsina state.",
       {"Hong Kong|Hong Kong@HK", "Nigeria|Nigeria@NG",
        "Katsina|Katsina State@NG"}},
      // A short name is a place's own name: Nis is Nis (not a larger place
      // with an alternate name Nis), Kut is Al Kut.
      {"Protests in Nis, Serbia and in Kut went on.",
       {"Nis|Niš@RS", "Serbia|Serbia@RS", "Kut|Al Kūt@IQ"}},
      // A large city by its own name before a capital that only has the
      // name as an alternate one (Dili).
      {"Teachers protested in Delhi over unpaid salaries.", {"Delhi|Delhi@IN"}},
      // Five words with connectors make one name.
      {"Workers marched in Santa Cruz de la Sierra on Monday.",
       {"Santa Cruz de la Sierra|Santa Cruz de la Sierra@BO"}},
      {"Afghan forces retook Kabul; Somali militants attacked Mogadishu.",
       {"Afghan|~AF", "Kabul|Kabul@AF", "Somali|~SO",
        "Mogadishu|Mogadishu@SO"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Found(c.text), c.want) << c.text;
  }
}

TEST(FindPlaces, SkipsNonPlaces) {
  const Case cases[] = {
      {"On Sunday, Police said President Salih met Mr Sadr in January.", {}},
      {"Security officials said the Reuters report was wrong.", {}},
      // ...but not without the road.
      {"They found evidence linking Assad to the attack.", {}},
      {"Sajjad Salem, an independent member of parliament, posted a video.",
       {}},
      {"Prime Minister Adel Abdul Mahdi has repeatedly stated his refusal.",
       {}},
      {"It is the third such attack. IT workers went home. Is it over?", {}},
      {"A woman lights candles. Nearly 500 people have been killed.", {}},
      {"Less than a week later. Surprise was total.", {}},
      // A known name rejected (no cue) or a stop phrase hides the names
      // inside it: not the Afar region, not Hoorn.
      {"It struck the same Tal Afar market. Reporters in the Horn of Africa "
       "face danger.",
       {}},
      // A small town's name opening a longer unknown name is not the town.
      {"Shells fell in Abu Salim and at Mir Hazar, far from the Jang "
       "Building.",
       {}},
      // A town matched by an alternate name, opening a longer name joined
      // by a connector its own name lacks, is not that town (El Oued).
      {"Clashes were reported at Wadi al Qqzzyx on Monday.", {}},
      // The end of a person's name, or a speaker, is not a province.
      {"said spokesman Abdul Khalil Asir. Later Asir said more.", {}},
      {"", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Found(c.text), c.want) << c.text;
  }
}

TEST(FindPlaces, SpansAreByteExact) {
  const Gazetteer* g = TestGazetteer();
  ASSERT_NE(g, nullptr);
  std::string text = "Clashes in Nāṣiriyah’s centre and Iraq’s south.";
  std::vector<PlaceMention> ms = g->FindPlaces(text);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].span.In(text), "Nāṣiriyah");
  EXPECT_EQ(ms[1].span.In(text), "Iraq");
  EXPECT_EQ(ms[0].candidates[0].geonameid, 98854u);
}

// "near Holubivske, Luhansk" (the village unknown): Luhansk is the province
// the village is in, not the city, and stands in for the village.
TEST(FindPlaces, AreaAfterUnknownPlaceStandsIn) {
  const Gazetteer* g = TestGazetteer();
  ASSERT_NE(g, nullptr);
  for (std::string text : {"Shells fell near Holubivske, Luhansk.",
                           "Fighting near Qqzzyx, Luhansk, went on."}) {
    std::vector<PlaceMention> ms = g->FindPlaces(text);
    ASSERT_EQ(ms.size(), 1u) << text;
    EXPECT_TRUE(ms[0].stands_in) << text;
    EXPECT_EQ(ms[0].candidates[0].kind, PlaceKind::kAdmin1) << text;
  }
  std::vector<PlaceMention> ms = g->FindPlaces("Shells fell in Luhansk.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_FALSE(ms[0].stands_in);
  EXPECT_EQ(ms[0].candidates[0].kind, PlaceKind::kCity);
}

// "in Barangay Qqzzyx, Cabanatuan,": after an unknown name that is cued as
// a place (a locative before it, a place noun in it), the next name is the
// town or area holding it, even a town that would need a cue of its own.
TEST(FindPlaces, AreaAfterCuedUnknownPlace) {
  const Case cases[] = {
      {"A suspect was shot in Barangay Qqzzyx, Cabanatuan, on Friday.",
       {"Cabanatuan|Cabanatuan City@PH"}},
      {"A suspect was shot in Qqzzyx Wwvv, Cabanatuan.",
       {"Cabanatuan|Cabanatuan City@PH"}},
      {"Troops raided Qqzzyx village, Cabanatuan, at dawn.",
       {"Cabanatuan|Cabanatuan City@PH"}},
      // The country holding an unknown village, not a namesake district.
      {"A house burned in Qqzzyx, Montenegro.", {"Montenegro|Montenegro@ME"}},
      // A locative that is also an Arabic article opens no name.
      {"Shells fell on positions located at Qqzzyx, Cabanatuan.",
       {"Cabanatuan|Cabanatuan City@PH"}},
      // After a chain of unknown names, the first of them cued.
      {"A suspect was shot in Barangay Qqzzyx, Wwvvx, Cabanatuan.",
       {"Cabanatuan|Cabanatuan City@PH"}},
      // No cue, no place noun: a person and where they come from, maybe.
      {"Qqzzyx Wwvv, Cabanatuan, spoke first.", {}},
      {"Qqzzyx Wwvv, Wwvvx, Cabanatuan, spoke first.", {}},
      {"They met Qqzzyx Wwvv, Cabanatuan.", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Found(c.text), c.want) << c.text;
  }
}

// A town without a cue is still a place when the district or province
// named right after it holds it; a person's name is not.
TEST(FindPlaces, TownHeldByTheAreaAfterIt) {
  const Case cases[] = {
      {"Nurses rallied at the civil hospital, Faridkot (Punjab) on Monday.",
       {"Faridkot|Farīdkot@IN", "Punjab|Punjab@IN"}},
      {"Nurses rallied at the civil hospital, Faridkot, Punjab.",
       {"Faridkot|Farīdkot@IN", "Punjab|Punjab@IN"}},
      // No area after it: no cue, no place.
      {"Nurses rallied at the civil hospital, Faridkot said.", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Found(c.text), c.want) << c.text;
  }
}

// Where the wounded were taken is flagged; a protest at a hospital is not.
TEST(FindPlaces, WhereTheWoundedWereTakenIsAway) {
  const Gazetteer* g = TestGazetteer();
  ASSERT_NE(g, nullptr);
  struct {
    const char* text;
    bool away;
  } cases[] = {
      {"The boy is treated at a hospital in Dahuk.", true},
      {"The wounded were taken to Erbil hospital.", true},
      {"Nurses protested outside a hospital in Erbil.", false},
      {"Troops were rushed to Erbil.", false},
      // The verb after the noun, both in the window before the name.
      {"A hospital treated the wounded in Dahuk.", true},
      {"The hospital in Erbil was shelled.", false},
  };
  for (const auto& c : cases) {
    std::vector<PlaceMention> ms = g->FindPlaces(c.text);
    ASSERT_EQ(ms.size(), 1u) << c.text;
    EXPECT_EQ(ms[0].away, c.away) << c.text;
  }
}

// "[coded to X]": where the source placed the event, found without any
// other cue, even glued to a part name ("Athens-Central Athens").
TEST(FindPlaces, CodedPlaceIsFlagged) {
  const Gazetteer* g = TestGazetteer();
  ASSERT_NE(g, nullptr);
  struct {
    const char* text;
    const char* name;
    bool coded;
  } cases[] = {
      {"Teachers marched in Qqzzyx [coded to Athens-Central Athens].", "Athens",
       true},
      {"Gunmen struck a bus (coded as Kaduna) at dawn.", "Kaduna", true},
      {"Teachers marched in Athens.", "Athens", false},
  };
  for (const auto& c : cases) {
    std::vector<PlaceMention> ms = g->FindPlaces(c.text);
    ASSERT_EQ(ms.size(), 1u) << c.text;
    EXPECT_EQ(ms[0].span.In(c.text), c.name) << c.text;
    EXPECT_EQ(ms[0].coded, c.coded) << c.text;
  }
}

// "the Dhaka-Mymensingh highway": a road named for the towns it links.
TEST(FindPlaces, RoadBetweenTownsIsAway) {
  const Gazetteer* g = TestGazetteer();
  ASSERT_NE(g, nullptr);
  std::vector<PlaceMention> ms = g->FindPlaces(
      "Workers rallied at the Dhaka-Mymensingh highway in Gazipur city.");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].span.In("Workers rallied at the Dhaka"), "Dhaka");
  EXPECT_TRUE(ms[0].away);
  EXPECT_FALSE(ms[1].away);
}

TEST(FindPlaces, HostileInputIsBounded) {
  const Gazetteer* g = TestGazetteer();
  ASSERT_NE(g, nullptr);
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk += "Al-Al Qq\xff\xc3 ’s ";
  std::vector<PlaceMention> ms = g->FindPlaces(junk);
  for (const PlaceMention& m : ms) {
    EXPECT_LE(m.span.end, junk.size());
    EXPECT_FALSE(m.candidates.empty());
  }
}

// The finder remembers the kinds of words across texts (per thread, per
// gazetteer): a text found again, after others, and by another instance of
// the gazetteer (its own memo entries), gives the same places.
TEST(FindPlaces, WordMemoKeepsResultsAcrossTextsAndGazetteers) {
  const std::vector<std::string> texts = {
      "Two were treated at a hospital in Dahuk after the attack in Mosul.",
      "Protesters marched in central Baghdad and near the city of Basra.",
      "He was taken to Jalalabad, coded to Nangarhar, on the Kabul road.",
      "In Kabul, Ghani said the talks in Doha would go on.",
      "Clashes near Kaduna (coded to Birnin Gwari LGA) and in Swat district "
      "and Mindat Township."};
  std::vector<std::vector<std::string>> first;
  for (const std::string& t : texts) first.push_back(Found(t));
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < texts.size(); ++i) {
      EXPECT_EQ(Found(texts[i]), first[i]) << texts[i];
    }
  }
  auto other = Gazetteer::Open(GazetteerTestPath());
  ASSERT_TRUE(other.ok());
  for (size_t i = 0; i < texts.size(); ++i) {
    std::vector<std::string> got;
    for (const PlaceMention& m : (*other)->FindPlaces(texts[i])) {
      std::string s(m.span.In(texts[i]));
      s += m.demonym ? "|~" : "|" + m.candidates[0].name + "@";
      got.push_back(s + m.candidates[0].country);
    }
    EXPECT_EQ(got, first[i]) << texts[i];
  }
}

// The memo's slots are chosen from a few loads of a word's bytes: words
// of every length it keeps (and longer), seen again, read the same.
TEST(FindPlaces, WordMemoHoldsWordsOfEveryLength) {
  std::vector<std::string> texts;
  for (size_t n = 1; n <= 24; ++n) {
    std::string word = "Q" + std::string(n - 1, 'a' + n % 26);
    texts.push_back("Fighting in " + word + " and near kabul " + word +
                    " in Kabul.");
  }
  std::vector<std::vector<std::string>> first;
  for (const std::string& t : texts) first.push_back(Found(t));
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(Found(texts[i]), first[i]) << texts[i];
    EXPECT_FALSE(first[i].empty()) << texts[i];
  }
}

}  // namespace
}  // namespace sitrep::geo
