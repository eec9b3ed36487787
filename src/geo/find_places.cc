// MappedGazetteer::FindPlaces: place names in running text.
//
// Words are scanned once; runs of capitalised words (with lower-case
// connectors such as `al-`, `de`, `of` inside) are matched longest first,
// up to 4 words. A city match must be supported: by a locative cue before
// it (`in`, `near`, `city of`), or by being a capital / large city that is
// not glued to other capitalised words (a person's name). Countries,
// demonyms, admin1 areas and landmarks need no support.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>

#include "geo/find_places_internal.h"

namespace sitrep::geo::find_internal {
// Returns the words consumed: a name found, or a known name (or stop
// phrase) of several words that was not accepted, whose words then name
// nothing ("the same Tal Afar market" is not the Afar region; "Horn of
// Africa" is not Hoorn).
size_t Finder::MatchAt(size_t i, std::vector<RawMention>* out) {
  for (size_t n = std::min(kMaxWords, w_.size() - i); n >= 1; --n) {
    if (!Chainable(i, n)) continue;
    // "An Iraqi official": a sentence-initial function word is not an article.
    if (n > 1 && w_[i].sentence_start && Is(kWordStop, i)) {
      continue;
    }
    Span span{w_[i].begin, w_[i + n - 1].end};
    // One word's key is the word's own (no copy), made only when it names
    // places (its stop kind and postings are the memo's); a longer name's
    // is made.
    std::string joined;
    std::span<const uint32_t> posts;
    if (n == 1) {
      if (Is(kWordStop, i)) continue;
      posts = PostingsOf(i);  // none for an empty key
    } else {
      joined = NormalizePlaceKey(span.In(t_));
      if (joined.empty()) continue;
      if (g_.HasWord(kWordStop, joined)) return n;
      posts = g_.Postings(joined);
    }
    if (posts.empty()) continue;
    const std::string& key = n == 1 ? Key(i) : joined;
    bool demonym = false;
    if (!Accept(i, n, key, posts, &demonym)) {
      if (n > 1) return n;
      continue;
    }
    RawMention m;
    m.span = span;
    m.key = key;
    m.demonym = demonym;
    m.want_admin = SuffixWords(i + n) > 0;
    bool short_name = !demonym && key.size() <= 3;
    m.posts.reserve(std::min(posts.size(), kMaxPostings));  // one allocation
    for (uint32_t p : posts) {
      if (m.posts.size() == kMaxPostings) break;
      if (((p & kPostDemonym) != 0) != demonym) continue;
      if (short_name && !(p & kPostCode) && !OwnName(p, key)) continue;
      if ((p & kPostCode) && !(w_[i].all_caps || w_[i].dotted)) continue;
      m.posts.push_back(p);
    }
    PreferOwnNames(key, &m.posts);
    m.stands_in = AfterUnknownName(i, n);
    if (m.want_admin || m.stands_in) {
      std::stable_partition(m.posts.begin(), m.posts.end(), [&](uint32_t p) {
        const PlaceRec* r = g_.Rec(p);
        // "in Zeta, Montenegro": the country too is an area holding it.
        return r != nullptr &&
               (r->kind == static_cast<uint8_t>(PlaceKind::kAdmin1) ||
                r->kind == static_cast<uint8_t>(PlaceKind::kAdmin2) ||
                r->kind == static_cast<uint8_t>(PlaceKind::kCountry));
      });
    }
    if (m.posts.empty()) continue;
    m.demonym |= Nationality(i + n, m.posts.front());
    m.away = Away(i, n);
    m.coded = Coded(i);
    last_end_ = span.end;
    out->push_back(std::move(m));
    return n;
  }
  return 0;
}

// "in Delhi": a capital or large city by its own name comes before a town
// that only has it as an alternate name (Dili, whose capital tier would
// otherwise rank it first).
void Finder::PreferOwnNames(std::string_view key,
                            std::vector<uint32_t>* posts) const {
  auto town = [&](uint32_t p) -> const PlaceRec* {
    const PlaceRec* r = g_.Rec(p);
    bool ok = r != nullptr && !(p & (kPostDemonym | kPostCode)) &&
              r->kind == static_cast<uint8_t>(PlaceKind::kCity);
    return ok ? r : nullptr;
  };
  if (posts->empty()) return;
  const PlaceRec* first = town(posts->front());
  if (first == nullptr || NormalizePlaceKey(g_.Str(first->name)) == key) {
    return;
  }
  auto own = std::find_if(posts->begin(), posts->end(), [&](uint32_t p) {
    const PlaceRec* r = town(p);
    return r != nullptr && r->population >= kStrongPopulation &&
           r->population > first->population &&
           NormalizePlaceKey(g_.Str(r->name)) == key;
  });
  if (own != posts->end()) std::rotate(posts->begin(), own, own + 1);
}

// "U.S. soldiers", "Pakistan army": a country naming whose people they are,
// like a demonym, not where they are.
bool Finder::Nationality(size_t next, uint32_t post) const {
  const PlaceRec* r = g_.Rec(post);
  if (r == nullptr || r->kind != static_cast<uint8_t>(PlaceKind::kCountry) ||
      next >= w_.size() || !w_[next].joined) {
    return false;
  }
  return Is(kWordPeopleNoun, next);
}

// The best candidates, then the best of each other country (so that an
// article's context can still pick a small namesake abroad).
PlaceMention Finder::Decode(const RawMention& r) const {
  PlaceMention m;
  m.span = r.span;
  m.demonym = r.demonym;
  m.stands_in = r.stands_in;
  m.away = r.away;
  m.coded = r.coded;
  // The first kMaxCandidates postings are taken; room for all at once (no
  // moves of decoded places as the vector grows).
  const size_t taken = std::min(r.posts.size(), kMaxCandidates);
  m.candidates.reserve(std::min(r.posts.size(), kMaxDiverse));
  for (size_t k = 0; k < taken; ++k) {
    m.candidates.emplace_back(MappedGazetteer::Decoded{&g_, r.posts[k]});
  }
  for (size_t k = taken; k < r.posts.size(); ++k) {
    if (m.candidates.size() == kMaxDiverse) break;
    const PlaceRec* rec = g_.Rec(r.posts[k]);
    if (rec == nullptr) continue;
    std::string_view cc(rec->country, 2);
    bool seen = std::any_of(m.candidates.begin(), m.candidates.end(),
                            [&](const Place& p) { return p.country == cc; });
    if (!seen)
      m.candidates.emplace_back(MappedGazetteer::Decoded{&g_, r.posts[k]});
  }
  return m;
}

// "Yat village, Paletwa Township, Mindat District": a name right after
// another one in a hierarchy, itself ending a clause, opening the next
// level ("Jalalpur, Shamli (UP)") or followed by an admin suffix (not "In
// Kabul, Ghani said").
bool Finder::ChainCue(size_t i, size_t n) const {
  if (last_end_ == 0 || last_end_ > w_[i].begin) return false;
  std::string_view gap = t_.substr(last_end_, w_[i].begin - last_end_);
  Link link = ClassifyGap(g_, gap);
  if (link != Link::kStrong && link != Link::kPartOf) return false;
  // After the whole name ("Venustiano Carranza, Ciudad de Mexico,"), and
  // a place noun closing it ("Kigali City)").
  size_t k = PlaceNounAfter(i + n) ? i + n + 1 : i + n;
  size_t e = w_[k - 1].end;
  while (e < t_.size() && t_[e] == ' ') ++e;
  if (e >= t_.size()) return true;
  char c = t_[e];
  if (c == ',' || c == ')' || c == '.' || c == ';' || c == '(') return true;
  return SuffixWords(i + n) > 0;
}

// Word k is a place noun joined to the name before it ("Kigali City").
bool Finder::PlaceNounAfter(size_t k) const {
  return k < w_.size() && w_[k].joined && w_[k].sep_before == ' ' &&
         Is(kWordPlaceNoun, k);
}

bool Finder::HasCue(size_t i) const {
  // Dateline: "KUT, Iraq -" at the start of a line.
  if (w_[i].all_caps && w_[i].sentence_start && w_[i].end < t_.size() &&
      t_[w_[i].end] == ',') {
    return true;
  }
  // "near Bar-Sanguun village (Kismaayo, Lower Juba)": the district or town
  // in parentheses after a place.
  size_t b = w_[i].begin;
  while (b > 0 && t_[b - 1] == ' ') --b;
  if (b > 0 && t_[b - 1] == '(') return true;
  if (i == 0) return false;
  size_t k = i - 1;
  if (w_[k].cap) return CapitalCue(k);
  if (Is(kWordCue, k)) return true;
  if (RoadJoins(k)) return true;
  if (k > 0 && Key(k) == "of" && Is(kWordPlaceNoun, k - 1)) {
    return true;
  }
  // One adjective between: "in central Baghdad", "in the city".
  if (k > 0 && !w_[k - 1].cap) {
    return Is(kWordCue, k - 1);
  }
  return false;
}

// "In Pisky, gunmen ...", "On Friday, In Moscow, ...": a capitalised cue
// word opening a sentence or a clause.
bool Finder::CapitalCue(size_t k) const {
  if (w_[k].all_caps) return false;
  bool opens = w_[k].sentence_start;
  if (!opens && k > 0) {
    std::string_view gap =
        t_.substr(w_[k - 1].end, w_[k].begin - w_[k - 1].end);
    opens = gap.find(',') != std::string_view::npos;
  }
  return opens && Is(kWordCue, k);
}

// "the road that connects Acapulco to ...", "a highway linking Kabul and
// Jalalabad": a verb of joining (word k) after a road noun cues the places
// the road joins (not "evidence linking Assad to the attack").
bool Finder::RoadJoins(size_t k) const {
  constexpr size_t kWindow = 3;
  static const std::string kVerbs[] = {
      NormalizePlaceKey("connects"), NormalizePlaceKey("connecting"),
      NormalizePlaceKey("linking"), NormalizePlaceKey("links")};
  if (std::find(std::begin(kVerbs), std::end(kVerbs), Key(k)) ==
      std::end(kVerbs)) {
    return false;
  }
  for (size_t j = k; j > 0 && k - j < kWindow; --j) {
    if (Is(kWordRoadNoun, j - 1)) return true;
  }
  return false;
}

bool Finder::GluedToName(size_t i, size_t n) const {
  bool before = i > 0 && w_[i].joined && w_[i - 1].cap &&
                !w_[i - 1].possessive && !w_[i - 1].sentence_start &&
                !CapitalCue(i - 1);
  bool after = i + n < w_.size() && w_[i + n].joined && w_[i + n].cap &&
               !w_[i + n - 1].possessive;
  return before || after;
}

// A place `key` names by its own name: a province, a district (indexed
// under its name with or without suffix) or a town so named, with some
// people (`Ta`, of no recorded population, is not worth a two-letter word).
bool Finder::OwnName(uint32_t post, std::string_view key) const {
  constexpr uint32_t kMinPopulation = 5000;
  const PlaceRec* r = g_.Rec(post);
  if (r == nullptr) return false;
  if (r->kind == static_cast<uint8_t>(PlaceKind::kAdmin1)) return true;
  if (r->population < kMinPopulation && r->tier > kTierAdminSeat) {
    return false;
  }
  return r->kind == static_cast<uint8_t>(PlaceKind::kAdmin2) ||
         NormalizePlaceKey(g_.Str(r->name)) == key;
}

// Word k continues a capitalised name: joined to the word before it, not a
// place noun, admin suffix or stop word ("Kunduz City", "Mosul Tuesday").
bool Finder::RunGoesOn(size_t k) const {
  if (k >= w_.size() || !w_[k].joined || !w_[k].cap || w_[k - 1].possessive) {
    return false;
  }
  return !Is(kWordPlaceNoun, k) && SuffixWords(k) == 0 && !Is(kWordStop, k);
}

// The words of an admin suffix starting at word k and joined to the name
// before it: "district", "LGA", "Local Government Area"; 0 when none.
// Computed once per word (asked for each name and its candidates).
size_t Finder::SuffixWords(size_t k) const {
  if (k >= suffix_words_.size()) return ComputeSuffixWords(k);
  if (suffix_words_[k] < 0) {
    suffix_words_[k] = static_cast<int8_t>(ComputeSuffixWords(k));
  }
  return static_cast<size_t>(suffix_words_[k]);
}

size_t Finder::ComputeSuffixWords(size_t k) const {
  constexpr size_t kMaxSuffixWords = 3;
  for (size_t m = kMaxSuffixWords; m >= 1; --m) {
    if (k + m > w_.size()) continue;
    // Spaces only inside: "sub-district" keeps reading as before.
    bool joined = w_[k].joined;
    for (size_t j = k + 1; j < k + m; ++j) {
      joined &= w_[j].joined && w_[j].sep_before == ' ';
    }
    if (!joined) continue;
    if (m == 1) return Is(kWordAdminSuffix, k) ? 1 : 0;
    Span span{w_[k].begin, w_[k + m - 1].end};
    if ((KindsOfText(span.In(t_)) >> kWordAdminSuffix) & 1) return m;
  }
  return 0;
}

bool Finder::Accept(size_t i, size_t n, std::string_view key,
                    std::span<const uint32_t> posts, bool* demonym) const {
  const Word& first = w_[i];
  uint32_t best = posts[0];
  // Codes (`US`, `IRQ`) only when written in capitals or with dots.
  if ((best & kPostCode) && !(first.all_caps || first.dotted)) {
    auto it = std::find_if(posts.begin(), posts.end(),
                           [](uint32_t p) { return !(p & kPostCode); });
    if (it == posts.end()) return false;
    best = *it;
  }
  // A short all-capitals word is an acronym unless it is a code or dateline.
  if (n == 1 && first.all_caps && !(best & kPostCode) &&
      first.end - first.begin <= 3 && !HasCue(i)) {
    return false;
  }
  *demonym = (best & kPostDemonym) != 0;
  // "Ta", "Bo": a short word names a place only by the place's own name
  // ("Nis" is Nis, not a larger place with an alternate name "Nis").
  if (!*demonym && !(best & kPostCode) && key.size() <= 3) {
    auto own = std::find_if(posts.begin(), posts.end(),
                            [&](uint32_t p) { return OwnName(p, key); });
    if (own == posts.end()) return false;
    best = *own;
  }
  const PlaceRec* r = g_.Rec(best);
  if (r == nullptr) return false;
  bool admin2 = r->kind == static_cast<uint8_t>(PlaceKind::kAdmin2);
  if (r->kind == static_cast<uint8_t>(PlaceKind::kAdmin1) && !*demonym &&
      !HasCue(i) && PersonLike(i, n)) {
    return false;
  }
  if (*demonym ||
      (r->kind != static_cast<uint8_t>(PlaceKind::kCity) && !admin2))
    return true;
  // A capital or large city, by its own name (not an alternate such as
  // `Less` for Lezhe or `Jang` for Anyang).
  std::string name_key = NormalizePlaceKey(g_.Str(r->name));
  bool own = name_key == key;
  bool strong =
      !admin2 &&
      (r->tier <= kTierAdminSeat || r->population >= kStrongPopulation) && own;
  // "in Abu Salim", "at Jang Building": a small town's name opening a
  // longer unknown name is not that town.
  if (!strong && RunGoesOn(i + n)) return false;
  // "Wadi al Washka", "San Andres de Tuxtla": a town matched by an alternate
  // name, opening a longer name joined by a connector that its own name
  // does not go on with (`San Martin Texmelucan de Labastida` does), is not
  // that town.
  if (!own && !admin2 && i + n + 1 < w_.size() && IsConnector(i + n) &&
      w_[i + n].joined && RunGoesOn(i + n + 1) &&
      name_key.find(Key(i + n + 1)) == std::string::npos) {
    return false;
  }
  if (HasCue(i) || ChainCue(i, n) || StandsInForCuedPlace(i, n) || Coded(i)) {
    return true;
  }
  // "Swat district", "Paletwa Township": an admin suffix after the name.
  if (SuffixWords(i + n) > 0) return true;
  // "Mindat District": the name ends in one.
  if (admin2 && n > 1 && Is(kWordAdminSuffix, i + n - 1)) {
    return true;
  }
  // Without a cue: a strong city not glued to a person's name, or a town
  // that the district or province named right after it holds.
  if (strong && !GluedToName(i, n)) return true;
  return FitsAreaAfter(i, n, posts);
}

}  // namespace sitrep::geo::find_internal

namespace sitrep::geo {

std::vector<PlaceMention> MappedGazetteer::FindPlaces(
    std::string_view text) const {
  if (text.size() > find_internal::kMaxTextBytes)
    text = text.substr(0, find_internal::kMaxTextBytes);
  thread_local find_internal::FinderBuffers buffers;
  return find_internal::Finder(*this, text, &buffers).Run();
}

}  // namespace sitrep::geo
