// Names the gazetteer does not know, in the place finder: a person's name,
// an unknown village and the known area after it, where the wounded were
// taken (see find_places_internal.h).
#include "geo/find_places_internal.h"

namespace sitrep::geo::find_internal {

// "spokesman Abdul Khalil Asir said", "Asir said": the end of a person's
// name (glued to an unknown capitalised word before it), or the speaker
// of a speech verb ("Kabul said" is a government, not a place either).
bool Finder::PersonLike(size_t i, size_t n) const {
  if (i > 0 && w_[i].joined && w_[i - 1].cap && !w_[i - 1].possessive &&
      !w_[i - 1].sentence_start && last_end_ < w_[i - 1].end &&
      !Is(kWordStop, i - 1)) {
    return true;
  }
  size_t k = i + n;
  return k < w_.size() && w_[k].joined && !w_[k].cap && Is(kWordSpeechVerb, k);
}

// "near Holubivske, Luhansk.": a name after an unknown capitalised word
// and a comma, ending a clause, is the unknown place's province.
bool Finder::AfterUnknownName(size_t i, size_t n) const {
  if (i == 0) return false;
  const Word& prev = w_[i - 1];
  if (!prev.cap || prev.possessive ||
      t_.substr(prev.end, w_[i].begin - prev.end) != ", " ||
      Is(kWordStop, i - 1) || Is(kWordPlaceNoun, i - 1) ||
      Is(kWordAdminSuffix, i - 1)) {
    return false;
  }
  // The whole capitalised name before the comma is unknown.
  size_t b = UnknownStart(i - 1);
  if (w_[b].sentence_start || last_end_ > w_[b].begin) return false;
  size_t e = w_[i + n - 1].end;
  return e >= t_.size() || t_[e] == ',' || t_[e] == '.' || t_[e] == ')' ||
         t_[e] == ';';
}

// The first word of the capitalised name ending at word k: connectors
// only inside it ("Salah ad Din"), not before it ("located at Zamanly").
size_t Finder::UnknownStart(size_t k) const {
  while (k > 0 && w_[k].joined) {
    if (w_[k - 1].cap) {
      --k;
    } else if (IsConnector(k - 1) && k >= 2 && w_[k - 1].joined &&
               w_[k - 2].cap) {
      k -= 2;
    } else {
      break;
    }
  }
  return k;
}

// "in Barangay Sampaloc, Cabanatuan,", "near Bolsi village, Torodi.": a
// name after an unknown place name and a comma, ending a clause, when the
// unknown name is itself cued as a place (a locative before it, a place
// noun opening or closing it), or follows such a name in a hierarchy of
// unknown names ("in Barangay Tumantangis, Indanan, Sulu."): the area
// holding it, not a person's affiliation ("Ahmed Salem, Kabul").
bool Finder::StandsInForCuedPlace(size_t i, size_t n) const {
  constexpr int kMaxUnknownNames = 3;
  // "in Ndera (Gasabo, Kigali City)": a place noun may close the name.
  size_t e = w_[PlaceNounAfter(i + n) ? i + n : i + n - 1].end;
  if (e < t_.size() && t_[e] != ',' && t_[e] != '.' && t_[e] != ')' &&
      t_[e] != ';') {
    return false;
  }
  for (int hop = 0; hop < kMaxUnknownNames; ++hop) {
    size_t b = 0;
    switch (UnknownPlaceBefore(i, &b)) {
      case Cued::kYes:
        return true;
      case Cued::kNo:
        return false;
      case Cued::kMaybe:
        i = b;  // an unknown name without a cue: look before it
    }
  }
  return false;
}

// The unknown capitalised name before word i and a comma: whether it is
// cued as a place; `*begin` is its first word.
Finder::Cued Finder::UnknownPlaceBefore(size_t i, size_t* begin) const {
  if (i < 2 || t_.substr(w_[i - 1].end, w_[i].begin - w_[i - 1].end) != ", ")
    return Cued::kNo;
  size_t k = i - 1;  // the last word of the unknown name
  bool noun_after =
      !w_[k].cap && (Is(kWordPlaceNoun, k) || Is(kWordAdminSuffix, k));
  if (noun_after) --k;
  if (!w_[k].cap || w_[k].possessive || Is(kWordStop, k) ||
      (noun_after && !w_[k + 1].joined)) {
    return Cued::kNo;
  }
  size_t b = UnknownStart(k);
  if (last_end_ > w_[b].begin) return Cued::kNo;  // a known name
  *begin = b;
  bool cued = noun_after || HasCue(b) || Is(kWordPlaceNoun, b);
  return cued ? Cued::kYes : Cued::kMaybe;
}

// "treated at a hospital in Dahuk", "taken to Dahuk hospital": where the
// wounded were taken, not where it happened. A verb of taking or treating
// and a medical noun within the few lower-case words before the name (or
// the noun right after it); "outside a hospital in Kyiv" is not enough.
bool Finder::Away(size_t i, size_t n) const {
  constexpr size_t kWindow = 5;
  auto has = [&](WordKind kind, size_t k) { return !w_[k].cap && Is(kind, k); };
  // "the Jalandhar bypass", "Murree road", "the Dhaka-Mymensingh highway":
  // a road named for where it goes (or the towns it links).
  size_t after = i + n;
  while (after < w_.size() && w_[after].joined && w_[after].cap &&
         w_[after].sep_before == '-') {
    ++after;
  }
  // "Engels and Abubakarov Streets": two names sharing the noun.
  if (after + 2 < w_.size() && !w_[after].cap && w_[after].joined &&
      w_[after + 1].cap && w_[after + 1].joined && Key(after) == "and") {
    after += 2;
  }
  if (after < w_.size() && w_[after].joined && Is(kWordRoadNoun, after)) {
    return true;
  }
  // A verb and a noun: the verb first, as most names have none before them
  // (the nouns are then not looked up).
  bool verb = false;
  for (size_t k = i; !verb && k > 0 && i - k < kWindow && !w_[k - 1].cap; --k) {
    verb = has(kWordAwayVerb, k - 1);
  }
  if (!verb) return false;
  if (i + n < w_.size() && w_[i + n].joined && has(kWordAwayNoun, i + n)) {
    return true;
  }
  for (size_t k = i; k > 0 && i - k < kWindow && !w_[k - 1].cap; --k) {
    if (has(kWordAwayNoun, k - 1)) return true;
  }
  return false;
}

// "[coded to Athens-Central Athens]", "(coded as Birnin Gwari LGA)": the
// two words before the name are a coded cue (data/geo/words.tsv).
bool Finder::Coded(size_t i) const {
  if (i < 2 || !w_[i].joined || !w_[i - 1].joined || w_[i - 1].cap) {
    return false;
  }
  Span cue{w_[i - 2].begin, w_[i - 1].end};
  return (KindsOfText(cue.In(t_)) >> kWordCodedCue) & 1;
}

// "a protest at a college, Faridkot (Punjab)": a name followed by `, ` or
// ` (` and a district or province (ending there, or with its suffix) that
// holds one of its places is that place, cue or not.
bool Finder::FitsAreaAfter(size_t i, size_t n,
                           std::span<const uint32_t> posts) const {
  constexpr size_t kMaxTowns = 64;
  size_t j = i + n;
  if (j >= w_.size()) return false;
  std::string_view gap = t_.substr(w_[j - 1].end, w_[j].begin - w_[j - 1].end);
  if (gap != ", " && gap != " (") return false;
  for (size_t m = std::min(kMaxWords, w_.size() - j); m >= 1; --m) {
    if (!Chainable(j, m)) continue;
    // "Caripe, Monagas state,", "Tibu, Norte de Santander department,".
    size_t suffix = SuffixWords(j + m);
    if (suffix == 0 && PlaceNounAfter(j + m)) suffix = 1;
    size_t e = w_[j + m - 1 + suffix].end;
    if (e < t_.size() && t_[e] != ',' && t_[e] != ')' && t_[e] != '.') {
      continue;
    }
    Span span{w_[j].begin, w_[j + m - 1].end};
    for (uint32_t a : g_.Postings(NormalizePlaceKey(span.In(t_)))) {
      const PlaceRec* area = g_.Rec(a);
      if ((a & (kPostDemonym | kPostCode)) || area == nullptr ||
          (area->kind != static_cast<uint8_t>(PlaceKind::kAdmin1) &&
           area->kind != static_cast<uint8_t>(PlaceKind::kAdmin2))) {
        continue;
      }
      for (size_t k = 0; k < posts.size() && k < kMaxTowns; ++k) {
        const PlaceRec* town = g_.Rec(posts[k]);
        if (town != nullptr && !(posts[k] & (kPostDemonym | kPostCode)) &&
            Contains(*area, *town, g_)) {
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace sitrep::geo::find_internal
