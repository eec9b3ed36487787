// The mention builder's places: article context, the place of a sentence's
// event, other places named, one record per coordinated place.
#include <algorithm>

#include "extract/mention_builder.h"
#include "extract/mention_util.h"

namespace sitrep {

using namespace mention_util;  // NOLINT: this stage's own helpers

std::optional<Location> MentionBuilder::ToLocation(const Place& p,
                                                   Span span) const {
  Location l;
  l.name = p.kind == PlaceKind::kLandmark && !p.city.empty() ? p.city : p.name;
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
      (place.begin < 2 || text.substr(place.begin - 2, 2) != "\n\n")) {
    return false;
  }
  // "Kabul, Afghanistan: ...": a country or province may follow the city.
  constexpr size_t kMaxQualifier = 40;
  std::string_view rest = text.substr(place.end, kMaxQualifier + 6);
  size_t skip = 0;
  if (rest.substr(0, 2) == ", ") {
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
    std::vector<std::pair<std::string, int>>* counts) {
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

void MentionBuilder::MakeContext(const std::vector<SentenceFacts>& ss) {
  if (gaz_ == nullptr) return;
  std::vector<std::pair<std::string, int>> counts;
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
      }
      // Countries and demonyms count fully; a city's country counts a
      // little (it settles "Tahrir Square" in an article about Baghdad).
      if (p.kind != PlaceKind::kCountry && !pm.demonym &&
          p.kind != PlaceKind::kCity) {
        continue;
      }
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](auto& c) { return c.first == p.country; });
      if (it == counts.end()) {
        counts.emplace_back(p.country, 1);
      } else {
        ++it->second;
      }
    }
  }
  AddHomeCues(&counts);
  std::stable_sort(counts.begin(), counts.end(),
                   [](auto& a, auto& b) { return a.second > b.second; });
  for (auto& c : counts) ctx_.countries.push_back(c.first);
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

void MentionBuilder::FindWebDateline(const std::vector<SentenceFacts>& ss) {
  constexpr size_t kSentences = 8;  // within kMaxOffset bytes anyway
  for (size_t i = 0; i < ss.size() && i < kSentences; ++i) {
    for (const auto& pm : ss[i].places) {
      if (pm.demonym || !OpensWithDateline(article_.text, pm.span)) continue;
      std::optional<Place> p = Resolve(pm, ctx_);
      if (!p || p->kind != PlaceKind::kCity) continue;
      web_dateline_ = pm.span;
      ctx_.dateline = p;
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
  for (const auto& f : ss) {
    if (seen == kOpening) return;
    if (!AfterDateline(f.span)) continue;
    ++seen;
    std::optional<Location> l = EventPlace(f);
    if (!l || l->country != dateline_place_->country ||
        l->precision == "country" || OpensWithDateline(article_.text, l->span)) {
      continue;
    }
    // Only a district or province elsewhere: a town named first may be one
    // of several ("KUT: ... as in Baghdad") and the dateline's own
    // province holds the dateline city, the more precise of the two.
    bool area = l->precision == "admin1" || l->precision == "admin2";
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
    if (a.begin < span.end && span.begin < a.end) return true;
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
  // "Tehran-backed", "U.S.-led": a modifier, not where it happened.
  if (pm.span.end < text.size() && text[pm.span.end] == '-') return false;
  if (Acronym(pm.span.In(text))) return false;  // "LoC", "HM"
  // "Boko Haram", "Islamic State"
  return !InsideActor(f, pm.span) && !CodeLike(pm.span.In(text));
}

// The place a sentence's event happened: a city or landmark first, then a
// district, a province, a country; places inside actor names are skipped.
// A landmark comes first only in a country the sentence's other places are
// in (or with no other place): "the Independence Square in Trelew" is not
// Kyiv's.
std::optional<Location> MentionBuilder::EventPlace(
    const SentenceFacts& f) const {
  std::optional<Location> best, landmark;
  int best_rank = 99;
  std::vector<std::string> countries;  // of the places other than landmarks
  for (const auto& pm : f.places) {
    if (!EventPlaceCandidate(f, pm)) continue;
    std::optional<Place> p = Resolve(pm, ctx_);
    if (!p) continue;
    if (p->kind == PlaceKind::kLandmark) {
      if (!landmark) landmark = ToLocation(*p, pm.span);
      continue;
    }
    countries.push_back(p->country);
    int rank = p->kind == PlaceKind::kCity || pm.stands_in ? 1
               : p->kind == PlaceKind::kAdmin2             ? 2
               : p->kind == PlaceKind::kAdmin1             ? 3
                                                           : 4;
    if (rank < best_rank) {
      best_rank = rank;
      best = ToLocation(*p, pm.span);
    }
  }
  if (landmark && (countries.empty() ||
                   std::find(countries.begin(), countries.end(),
                             landmark->country) != countries.end())) {
    return landmark;
  }
  return best;
}

void MentionBuilder::AddOtherPlaces(const Candidate& c, Mention* m) const {
  if (c.split) return;  // one place per record by construction
  for (const auto& pm : c.facts.places) {
    if (pm.demonym) continue;
    std::optional<Place> p = Resolve(pm, ctx_);
    if (!p || p->kind == PlaceKind::kCountry) continue;
    std::optional<Location> l = ToLocation(*p, pm.span);
    bool known = m->location && m->location->geonameid == l->geonameid &&
                 m->location->name == l->name;
    for (const auto& o : m->other_places) {
      known |= o.geonameid == l->geonameid && o.name == l->name;
    }
    if (!known && m->other_places.size() < 8) m->other_places.push_back(*l);
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
    if (between != " and " && between != ", ") continue;
    for (const PlaceMention* pm : {&a, &b}) {
      std::optional<Place> p = Resolve(*pm, ctx_);
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
