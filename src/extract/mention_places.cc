// The mention builder's places: article context, the place of a sentence's
// event, other places named, one record per coordinated place.
#include <algorithm>

#include "extract/mention_builder.h"
#include "extract/mention_util.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep {

using namespace mention_util;  // NOLINT: this stage's own helpers

namespace {

// The name a Location made of `p` carries: a landmark's city, if known.
const std::string& LocationName(const Place& p) {
  return p.kind == PlaceKind::kLandmark && !p.city.empty() ? p.city : p.name;
}

}  // namespace

std::optional<Location> MentionBuilder::ToLocation(const Place& p,
                                                   Span span) const {
  Location l;
  l.name = LocationName(p);
  l.country = p.country;
  l.admin1 = p.admin1;
  l.lat = p.lat;
  l.lon = p.lon;
  l.geonameid = p.geonameid;
  l.precision = p.kind == PlaceKind::kCountry  ? "country"
                : p.kind == PlaceKind::kAdmin1 ? "admin1"
                : p.kind == PlaceKind::kAdmin2 ? "admin2"
                                               : "city";
  l.span = span;
  return l;
}

namespace {

// "Johannesburg – Ten villagers ...", "Lagos: Nigerian police said": a
// place opening one of the first paragraphs, followed by a dash or a
// colon, is a dateline the cleaner could not tell from a headline.
bool OpensWithDateline(std::string_view text, Span place) {
  constexpr uint32_t kMaxOffset = 600;  // the top of the article
  if (place.begin > kMaxOffset) return false;
  if (place.begin != 0 &&
      (place.begin < 2 || text.substr(place.begin - 2, 2) != "\n\n"sv)) {
    return false;
  }
  // "Kabul, Afghanistan: ...": a country or province may follow the city.
  constexpr size_t kMaxQualifier = 40;
  std::string_view rest = text.substr(place.end, kMaxQualifier + 6);
  size_t skip = 0;
  if (rest.substr(0, 2) == ", "sv) {
    skip = rest.find_first_of(":-\xE2.\n", 2);
    if (skip == std::string_view::npos || rest[skip] == '.' ||
        rest[skip] == '\n') {
      return false;
    }
    while (skip > 0 && rest[skip - 1] == ' ') --skip;
  }
  rest = rest.substr(skip);
  for (std::string_view sep :
       {": ", " \u2013 ", " \u2014 ", " - ", " -- ", "\u2013 ", "\u2014 "}) {
    if (rest.substr(0, sep.size()) == sep) return true;
  }
  return false;
}

}  // namespace

// "the OSCE SMM observed ... near Berezove": organisations and forces bound
// to a country (home_countries.tsv) count like one mention of it, after
// the places named (a tie keeps the named country first).
void MentionBuilder::AddHomeCues(
    std::vector<std::pair<std::string_view, int>>* counts) {
  std::vector<char> found;  // one pass over the text for every cue
  lex_.home_cue_phrases().Find(article_.text, &found);
  for (size_t i = 0; i < found.size(); ++i) {
    if (!found[i]) continue;
    const HomeCue& cue = lex_.home_cues()[i];
    for (const std::string& cc : cue.countries) {
      auto it = std::find_if(counts->begin(), counts->end(),
                             [&](auto& c) { return c.first == cc; });
      if (it == counts->end()) {
        counts->emplace_back(cc, 1);
      } else {
        ++it->second;
      }
    }
    for (const auto& a : cue.admin1) ctx_.home_admin1.push_back(a);
  }
}

// The countries the article's names vote for (`counts`), the provinces
// they name (ctx_.admin1), and each vote's town (`town_votes`, geonameid 0
// for a district or province) for MarkSelfOnly.
void MentionBuilder::CountPlaceVotes(
    const std::vector<SentenceFacts>& ss,
    std::vector<std::pair<std::string_view, int>>* counts,
    std::vector<std::pair<std::string_view, uint32_t>>* town_votes) {
  for (const auto& f : ss) {
    for (const auto& pm : f.places) {
      if (pm.candidates.empty()) continue;
      const Place& p = pm.candidates.front();
      if (CodeLike(pm.span.In(article_.text))) continue;
      if (OpensWithDateline(article_.text, pm.span)) continue;
      // "U.S.-led", "Iranian-backed": who is behind it, not where it is.
      if (pm.span.end < article_.text.size() &&
          article_.text[pm.span.end] == '-') {
        continue;
      }
      // "(Sao Jose, Santa Catarina)": the province settles which Sao Jose.
      if ((p.kind == PlaceKind::kAdmin1 || p.kind == PlaceKind::kAdmin2) &&
          !p.admin1_code.empty()) {
        ctx_.admin1.emplace_back(p.country, p.admin1_code);
        town_votes->emplace_back(p.country, 0);  // an area backs its towns
      }
      // Countries and demonyms count fully; a city's country counts a
      // little (it settles "Tahrir Square" in an article about Baghdad).
      if (p.kind != PlaceKind::kCountry && !pm.demonym &&
          p.kind != PlaceKind::kCity) {
        continue;
      }
      if (p.kind == PlaceKind::kCity && !pm.demonym) {
        town_votes->emplace_back(p.country, p.geonameid);
      }
      auto it = std::find_if(counts->begin(), counts->end(),
                             [&](auto& c) { return c.first == p.country; });
      if (it == counts->end()) {
        counts->emplace_back(p.country, 1);
      } else {
        ++it->second;
      }
    }
  }
}

void MentionBuilder::MakeContext(const std::vector<SentenceFacts>& ss) {
  if (gaz_ == nullptr) return;
  // Views of the gazetteer's codes in `ss` and the lexicon's home cues,
  // in buffers reused from article to article (MakeContext never nests).
  thread_local std::vector<std::pair<std::string_view, int>> counts;
  thread_local std::vector<std::pair<std::string_view, uint32_t>> town_votes;
  counts.clear();
  town_votes.clear();
  CountPlaceVotes(ss, &counts, &town_votes);
  AddHomeCues(&counts);
  MarkSelfOnly(counts, town_votes);
  std::stable_sort(counts.begin(), counts.end(),
                   [](auto& a, auto& b) { return a.second > b.second; });
  for (auto& c : counts) ctx_.countries.emplace_back(c.first);
  if (!article_.dateline) FindWebDateline(ss);
  if (article_.dateline && !article_.dateline->place.empty()) {
    // "KUT, Iraq": the city, then an optional country or province.
    std::string_view dl = article_.dateline->place;
    size_t comma = dl.find(',');
    if (comma != std::string_view::npos) {
      if (auto c = gaz_->Country(TrimSpaces(dl.substr(comma + 1)))) {
        ctx_.countries.insert(ctx_.countries.begin(), c->country);
      }
      dl = dl.substr(0, comma);
    }
    PlaceMention pm;
    pm.candidates = gaz_->Lookup(dl);
    ctx_.dateline = Resolve(pm, ctx_);
    if (ctx_.dateline) dateline_place_ = ToLocation(*ctx_.dateline, {});
  }
  // A regional bureau's dateline ("Johannesburg -" over a story about
  // Nigeria) is not where the event happened: the dateline's country counts
  // only when the text names it too, or names no country at all.
  bool dateline_named =
      dateline_place_ &&
      (counts.empty() ||
       std::any_of(counts.begin(), counts.end(), [&](const auto& c) {
         return c.first == dateline_place_->country;
       }));
  if (dateline_place_ && !dateline_named) dateline_place_.reset();
  PreferPlaceOverDateline(ss);
  std::string main_country = dateline_place_          ? dateline_place_->country
                             : ctx_.countries.empty() ? ""
                                                      : ctx_.countries.front();
  if (!main_country.empty()) {
    if (auto c = gaz_->Country(main_country))
      country_place_ = ToLocation(*c, {});
  }
}

// A country whose every vote is one town's own first guess (however often
// it is named), and where no district or province is named, supports the
// other names there, not that town (`town_votes`: geonameid 0 = an area).
void MentionBuilder::MarkSelfOnly(
    const std::vector<std::pair<std::string_view, int>>& counts,
    const std::vector<std::pair<std::string_view, uint32_t>>& town_votes) {
  for (const auto& [cc, n] : counts) {
    uint32_t id = 0;
    int votes = 0;
    bool one_town = true;
    for (const auto& [tc, gid] : town_votes) {
      if (tc != cc) continue;
      one_town &= votes == 0 || gid == id;
      id = gid;
      ++votes;
    }
    if (one_town && votes == n && id != 0) {
      ctx_.self_only.emplace_back(cc, id);
    }
  }
}

void MentionBuilder::FindWebDateline(const std::vector<SentenceFacts>& ss) {
  constexpr size_t kSentences = 8;  // within kMaxOffset bytes anyway
  for (size_t i = 0; i < ss.size() && i < kSentences; ++i) {
    for (const auto& pm : ss[i].places) {
      if (pm.demonym || !OpensWithDateline(article_.text, pm.span)) continue;
      const Place* p = ResolveBest(pm, ctx_);
      if (!p || p->kind != PlaceKind::kCity) continue;
      web_dateline_ = pm.span;
      ctx_.dateline = *p;
      dateline_place_ = ToLocation(*p, {});
      return;
    }
  }
}

// "KABUL: ... attacked a checkpoint in southern Kandahar province": the
// place the opening sentences name in the dateline's own country stands in
// for the sentences that name none, not the bureau's city.
void MentionBuilder::PreferPlaceOverDateline(
    const std::vector<SentenceFacts>& ss) {
  constexpr size_t kOpening = 2;  // sentences from the dateline on
  if (!dateline_place_) return;
  size_t seen = 0;
  for (size_t i = 0; i < ss.size(); ++i) {
    if (seen == kOpening) return;
    if (!AfterDateline(ss[i].span)) continue;
    ++seen;
    // The context is settled: the place is the one its candidate will use.
    const std::optional<Location>& l = SentencePlace(i);
    if (!l || l->country != dateline_place_->country ||
        l->precision == "country"sv ||
        OpensWithDateline(article_.text, l->span)) {
      continue;
    }
    // Only a district or province elsewhere: a town named first may be one
    // of several ("KUT: ... as in Baghdad") and the dateline's own
    // province holds the dateline city, the more precise of the two.
    bool area = l->precision == "admin1"sv || l->precision == "admin2"sv;
    if (area && l->admin1 != dateline_place_->admin1) dateline_place_ = l;
    return;
  }
}

// A headline above "BAGHDAD (Reuters) -" was not written from there.
bool MentionBuilder::AfterDateline(Span sentence) const {
  if (web_dateline_) return sentence.begin >= web_dateline_->begin;
  if (!article_.dateline) return true;
  return article_.offsets.ToRaw(sentence).begin >= article_.dateline->raw.begin;
}

bool MentionBuilder::InsideActor(const SentenceFacts& f, Span span) const {
  for (const auto& h : f.hits) {
    if (lex_.entry(h.payload).kind != LexKind::kActor) continue;
    Span a{f.toks[h.begin].span.begin, f.toks[h.end - 1].span.end};
    // "Imam Sahib district": a longer place name holding an actor word
    // ("imam") is still the place.
    bool holds = span.begin <= a.begin && a.end <= span.end && !(a == span);
    if (a.begin < span.end && span.begin < a.end && !holds) return true;
  }
  return false;
}

// A place mention that can be where the sentence's event happened.
bool MentionBuilder::EventPlaceCandidate(const SentenceFacts& f,
                                         const PlaceMention& pm) const {
  std::string_view text = article_.text;
  if (pm.demonym || pm.away || (web_dateline_ && pm.span == *web_dateline_)) {
    return false;
  }
  // "Tehran-backed", "U.S.-led": a modifier, not where it happened; a
  // capitalised word after the hyphen names a part of it ("in
  // Zagreb-Tresnjevka", "[coded to Athens-Central Athens]").
  size_t end = pm.span.end;
  if (!pm.coded && end + 1 < text.size() && text[end] == '-' &&
      !(text[end + 1] >= 'A' && text[end + 1] <= 'Z')) {
    return false;
  }
  if (Acronym(pm.span.In(text))) return false;  // "LoC", "HM"
  // "Boko Haram", "Islamic State"
  return !InsideActor(f, pm.span) && !CodeLike(pm.span.In(text));
}

// Whether an article cue other than the place's own name puts it in its
// country: the dateline's country, or one voted by another name.
bool MentionBuilder::CountrySupported(const PlaceMention& pm,
                                      const Place& p) const {
  if (ctx_.dateline && ctx_.dateline->country == p.country) return true;
  auto own = std::pair(p.country, pm.candidates.front().geonameid);
  return std::find(ctx_.countries.begin(), ctx_.countries.end(), p.country) !=
             ctx_.countries.end() &&
         std::find(ctx_.self_only.begin(), ctx_.self_only.end(), own) ==
             ctx_.self_only.end();
}

// How good a resolved place is as the event place, best 0: where the source
// says it coded it, a town, a district, a province, a country; plus
// kUnsupported for one in a country no other cue supports.
int MentionBuilder::EventPlaceRank(const PlaceMention& pm,
                                   const Place& p) const {
  if (pm.coded) return 0;
  int rank = p.kind == PlaceKind::kCity || pm.stands_in ? 1
             : p.kind == PlaceKind::kAdmin2             ? 2
             : p.kind == PlaceKind::kAdmin1             ? 3
                                                        : 4;
  return CountrySupported(pm, p) ? rank : rank + kUnsupported;
}

namespace {

struct Ranked {
  const PlaceMention* pm;
  const Place* place;  // one of pm's candidates
  int rank;
};

// A town lying outside a district the same sentence names: "in Gulran
// district center, Herat" (Herat, the town, names its province), "in
// Aguililla municipality, Michoacan, ... in El Aguaje" (a namesake
// elsewhere), "in Naushera sector (Rajouri district, J&K)" (the Nowshera
// known is Pakistan's). The district bounds the event; a town of its
// province whose district is unknown is left alone.
bool OutsideNamedDistrict(const Ranked& town, const std::vector<Ranked>& all) {
  const Place& t = *town.place;
  if (t.kind != PlaceKind::kCity || town.pm->coded || town.pm->stands_in) {
    return false;
  }
  return std::any_of(all.begin(), all.end(), [&](const Ranked& d) {
    const Place& a = *d.place;
    if (a.kind != PlaceKind::kAdmin2 || d.pm->stands_in) return false;
    if (a.country != t.country || a.admin1_code != t.admin1_code) return true;
    return !t.admin2_code.empty() && a.admin2_code != t.admin2_code;
  });
}

}  // namespace

// The place a sentence's event happened: where the source says it coded it
// ("[coded to X]"), else a city or landmark, then a district, a province, a
// country; places inside actor names are skipped. A town or area in a
// country no other cue supports loses to one in a supported country ("at
// Gorgan ... near Shukurbeyli, Fizuli" in a story about Azerbaijan: the
// Gorgan known is Iran's), and a town outside a district the sentence
// names loses to the district. A landmark comes first only in a country the
// sentence's other places are in (or with no other place): "the
// Independence Square in Trelew" is not Kyiv's.
std::optional<Location> MentionBuilder::EventPlace(
    const SentenceFacts& f) const {
  std::optional<Location> landmark;
  // One buffer per thread for every sentence (EventPlace never nests).
  thread_local std::vector<Ranked> ranked;
  ranked.clear();
  for (const auto& pm : f.places) {
    if (!EventPlaceCandidate(f, pm)) continue;
    const Place* p = ResolveBest(pm, ctx_);
    if (!p) continue;
    if (p->kind == PlaceKind::kLandmark) {
      if (!landmark) landmark = ToLocation(*p, pm.span);
      continue;
    }
    ranked.push_back({&pm, p, EventPlaceRank(pm, *p)});
  }
  bool any_supported = std::any_of(ranked.begin(), ranked.end(),
                                   [](const Ranked& r) { return r.rank < 4; });
  // With no supported place, a tie goes to the country more names vote
  // for ("in Mattani, a suburb of Peshawar": Georgia's Mat'ani, voted for
  // by itself only, yields to the Peshawar the article keeps naming).
  auto votes_rank = [&](const Ranked& r) {
    return std::find(ctx_.countries.begin(), ctx_.countries.end(),
                     r.place->country) -
           ctx_.countries.begin();
  };
  const Ranked* best = nullptr;
  int best_rank = 99;
  for (const Ranked& r : ranked) {
    int rank = any_supported ? r.rank : r.rank % kUnsupported;
    if (OutsideNamedDistrict(r, ranked)) rank += 2;  // after the district
    if (rank < best_rank || (rank == best_rank && !any_supported &&
                             votes_rank(r) < votes_rank(*best))) {
      best_rank = rank;
      best = &r;
    }
  }
  bool landmark_fits =
      std::any_of(ranked.begin(), ranked.end(), [&](const Ranked& r) {
        return landmark && r.place->country == landmark->country;
      });
  if (landmark && best_rank > 0 && (ranked.empty() || landmark_fits)) {
    return landmark;
  }
  if (best == nullptr) return std::nullopt;
  return ToLocation(*best->place, best->pm->span);
}

void MentionBuilder::AddOtherPlaces(const Candidate& c, Mention* m) const {
  if (c.split) return;  // one place per record by construction
  for (const auto& pm : c.facts.places) {
    if (pm.demonym) continue;
    const Place* p = ResolveBest(pm, ctx_);
    if (!p || p->kind == PlaceKind::kCountry) continue;
    // Compared by what its Location would hold (made only when added).
    const std::string& name = LocationName(*p);
    bool known = m->location && m->location->geonameid == p->geonameid &&
                 m->location->name == name;
    for (const auto& o : m->other_places) {
      known |= o.geonameid == p->geonameid && o.name == name;
    }
    if (!known && m->other_places.size() < 8) {
      m->other_places.push_back(*ToLocation(*p, pm.span));
    }
  }
}

// "Gunmen attacked two villages in Birnin Gwari ... the attackers went on
// to another village ... said the spokesman of the Kaduna state police
// command": an incident placed only at a province or a country, by no place
// its own first sentence names, happened at the town or district the story
// is about: the first one another of the article's events is placed at
// inside that province (or country).
void MentionBuilder::PlaceAtLeadTown(std::vector<Work>* works) const {
  std::vector<Location> towns;
  for (const Work& w : *works) {
    const std::optional<Location>& l = w.m.location;
    if (l && (l->precision == "city"sv || l->precision == "admin2"sv)) {
      towns.push_back(*l);
    }
  }
  for (Work& w : *works) {
    std::optional<Location>& l = w.m.location;
    if (w.m.kind != MentionKind::kIncident || w.place_own || !l ||
        (l->precision != "country"sv && l->precision != "admin1"sv)) {
      continue;
    }
    for (const Location& t : towns) {
      if (t.country == l->country &&
          (l->precision == "country"sv || t.admin1 == l->admin1)) {
        l = t;
        break;
      }
    }
  }
}

// Local places named as "X and Y" (or "X, Y and Z") in one sentence.
std::vector<Location> MentionBuilder::CoordinatedPlaces(
    const SentenceFacts& f) const {
  std::vector<Location> out;
  std::string_view text = article_.text;
  for (size_t i = 0; i + 1 < f.places.size(); ++i) {
    const auto& a = f.places[i];
    const auto& b = f.places[i + 1];
    std::string_view between =
        b.span.begin > a.span.end
            ? text.substr(a.span.end, b.span.begin - a.span.end)
            : std::string_view();
    if (between != " and "sv && between != ", "sv) continue;
    for (const PlaceMention* pm : {&a, &b}) {
      const Place* p = ResolveBest(*pm, ctx_);
      // "Monclova, Coahuila" is a city and its province, not two places.
      if (!p || pm->demonym ||
          (p->kind != PlaceKind::kCity && p->kind != PlaceKind::kLandmark)) {
        return {};
      }
      auto l = ToLocation(*p, pm->span);
      bool seen = false;
      for (const auto& o : out) seen |= o.span == l->span;
      if (!seen) out.push_back(*l);
    }
  }
  return out;
}

}  // namespace sitrep
