// The place finder behind MappedGazetteer::FindPlaces (find_places.cc):
// one pass over a text's words, matching runs of capitalised words against
// the gazetteer. Internal to the geo stage; split over find_places.cc (the
// scan, matching and acceptance) and find_places_unknown.cc (names the
// gazetteer does not know). Thread safety: a Finder is used by one thread
// for one text.
#ifndef SITREP_GEO_FIND_PLACES_INTERNAL_H_
#define SITREP_GEO_FIND_PLACES_INTERNAL_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/chains.h"
#include "geo/gazetteer_impl.h"
#include "geo/normalize_internal.h"

namespace sitrep::geo::find_internal {

constexpr size_t kMaxWords = 5;
constexpr size_t kMaxCandidates = 8;  // best first
constexpr size_t kMaxDiverse = 16;    // + the best of each other country
constexpr size_t kMaxPostings = 256;  // scanned per name
constexpr size_t kMaxTextBytes = 1 << 24;
constexpr uint32_t kStrongPopulation = 100000;

struct Word {
  uint32_t begin, end;  // without a possessive 's
  bool cap = false;     // starts with an upper-case letter
  bool all_caps = false;
  bool dotted = false;  // U.S.
  bool possessive = false;
  bool sentence_start = false;
  char sep_before = ' ';  // ' ' or '-' when joined to the previous word
  bool joined = false;    // only a space or hyphen from the previous word
  // Lower-case `al`, `de`, `of`: -1 not yet known (Finder::IsConnector).
  int8_t connector = -1;
  // Set by Finder as it asks: the word's key is in its keys[] slot; `kinds`
  // holds WordKinds of the key.
  bool key_made = false;
  bool kinds_known = false;
  uint32_t kinds = 0;
};

// Scans words: letters/digits with inner apostrophes (Shi'ite) and inner
// dots after single letters (U.S.).
// ScanInto replaces `*words` with the words of `t`, reusing its storage.
void ScanInto(std::string_view t, std::vector<Word>* words);
inline std::vector<Word> Scan(std::string_view t) {
  std::vector<Word> words;
  ScanInto(t, &words);
  return words;
}

// A Finder's per-word storage: kept per thread by FindPlaces and reused
// text after text (no allocations per sentence once grown). `keys` only
// grows: a slot is the word's key once Word::key_made is set.
struct FinderBuffers {
  std::vector<Word> words;
  std::vector<std::string> keys;
  // A word's postings (g.Postings of its key): a slot holds them once
  // Word::kinds_known is set; only grows, like `keys`.
  std::vector<std::span<const uint32_t>> posts;
  std::vector<int8_t> suffix_words;
};

class Finder {
 public:
  // Uses (and overwrites) `*buffers` until destroyed.
  Finder(const MappedGazetteer& g, std::string_view text,
         FinderBuffers* buffers)
      : g_(g),
        t_(text),
        w_(buffers->words),
        keys_(buffers->keys),
        posts_(buffers->posts),
        suffix_words_(buffers->suffix_words),
        min_key_length_(g.MinWordKeyLengths()) {
    ScanInto(text, &w_);
    if (keys_.size() < w_.size()) keys_.resize(w_.size());
    if (posts_.size() < w_.size()) posts_.resize(w_.size());
    suffix_words_.assign(w_.size() + 1, -1);
  }

  std::vector<PlaceMention> Run() {
    std::vector<RawMention> raw;
    size_t i = 0;
    while (i < w_.size()) {
      // A lower-case word starts a name only as a connector joined by a
      // hyphen to the next word (see Chainable): others are not looked up.
      if (!w_[i].cap && !(i + 1 < w_.size() && w_[i + 1].sep_before == '-' &&
                          w_[i + 1].joined && IsConnector(i))) {
        ++i;
        continue;
      }
      size_t n = MatchAt(i, &raw);
      i += std::max<size_t>(n, 1);
    }
    ResolveChains(g_, t_, &raw);
    std::vector<PlaceMention> out;
    out.reserve(raw.size());
    for (const RawMention& r : raw) {
      if (!r.drop) out.push_back(Decode(r));
    }
    return out;
  }

 private:
  std::string_view Text(size_t i) const {
    return t_.substr(w_[i].begin, w_[i].end - w_[i].begin);
  }
  // NormalizePlaceKey(Text(i)), computed once per word.
  const std::string& Key(size_t i) const {
    if (!w_[i].key_made) {
      keys_[i] = NormalizePlaceKey(Text(i));
      w_[i].key_made = true;
    }
    return keys_[i];
  }
  // g_.HasWord(kind, Key(i)): the word's kinds looked up once (by its
  // text, in a memo kept across sentences: the key is not made).
  // A word too short to be of `kind` is not looked up.
  bool Is(WordKind kind, size_t i) const {
    if (!w_[i].kinds_known) {
      if (w_[i].end - w_[i].begin + 1 < min_key_length_[kind]) {
        return false;
      }
      LearnWord(i);
    }
    return (w_[i].kinds >> kind) & 1;
  }
  // g_.Postings(Key(i)), learnt with the word's kinds (one lookup).
  std::span<const uint32_t> PostingsOf(size_t i) const {
    if (!w_[i].kinds_known) LearnWord(i);
    return posts_[i];
  }
  // Sets w_[i].kinds to g_.WordKinds(Key(i)) and posts_[i] to
  // g_.Postings(Key(i)), from the memo or the gazetteer (the key is made
  // only when the memo does not hold the word), and w_[i].kinds_known.
  void LearnWord(size_t i) const;
  // g_.WordKinds(NormalizePlaceKey(text)) for any text (several words),
  // through the same memo.
  uint32_t KindsOfText(std::string_view text) const;
  // The word is a connector, looked up once (only when asked).
  bool IsConnector(size_t i) const {
    Word& w = w_[i];
    if (w.connector < 0) {
      w.connector =
          !w.cap && w.end - w.begin <= 5 && g_.HasWord(kWordConnector, Text(i));
    }
    return w.connector > 0;
  }
  // Words [i, i+n) can be one name.
  bool Chainable(size_t i, size_t n) const {
    if (!w_[i].cap && !(IsConnector(i) && i + 1 < w_.size() &&
                        w_[i + 1].sep_before == '-' && w_[i + 1].joined)) {
      return false;
    }
    if (!w_[i + n - 1].cap) return false;
    for (size_t k = i + 1; k < i + n; ++k) {
      if (!w_[k].joined || w_[k - 1].possessive) return false;
      if (!w_[k].cap && !IsConnector(k)) return false;
    }
    return true;
  }
  size_t MatchAt(size_t i, std::vector<RawMention>* out);
  PlaceMention Decode(const RawMention& r) const;
  bool ChainCue(size_t i, size_t n) const;
  bool PlaceNounAfter(size_t k) const;
  bool Accept(size_t i, size_t n, std::string_view key,
              std::span<const uint32_t> posts, bool* demonym) const;
  bool HasCue(size_t i) const;
  bool CapitalCue(size_t k) const;
  bool RoadJoins(size_t k) const;
  bool GluedToName(size_t i, size_t n) const;
  bool RunGoesOn(size_t k) const;
  size_t SuffixWords(size_t k) const;
  size_t ComputeSuffixWords(size_t k) const;
  bool Nationality(size_t next, uint32_t post) const;
  bool AfterUnknownName(size_t i, size_t n) const;
  size_t UnknownStart(size_t k) const;
  bool StandsInForCuedPlace(size_t i, size_t n) const;
  enum class Cued { kNo, kMaybe, kYes };
  Cued UnknownPlaceBefore(size_t i, size_t* begin) const;
  bool PersonLike(size_t i, size_t n) const;
  bool Away(size_t i, size_t n) const;
  bool Coded(size_t i) const;
  void PreferOwnNames(std::string_view key, std::vector<uint32_t>* posts) const;
  bool FitsAreaAfter(size_t i, size_t n, std::span<const uint32_t> posts) const;
  bool OwnName(uint32_t post, std::string_view key) const;

  const MappedGazetteer& g_;
  std::string_view t_;
  std::vector<Word>& w_;
  std::vector<std::string>& keys_;                 // see Key()
  std::vector<std::span<const uint32_t>>& posts_;  // see PostingsOf()
  std::vector<int8_t>& suffix_words_;  // SuffixWords(k); -1: not yet
  const std::array<uint8_t, 32>& min_key_length_;  // by WordKind
  uint32_t last_end_ = 0;  // end of the last name found (0: none)
};

}  // namespace sitrep::geo::find_internal

#endif  // SITREP_GEO_FIND_PLACES_INTERNAL_H_
