// On-disk layout of data/gazetteer.bin (see doc/gazetteer.md), and the
// builder that writes it (used by tools/gazetteer_compile.cc).
//
// All integers are little-endian; sections are 4-byte aligned. A string is
// a uint32 offset into the pool, where it is stored as one length byte and
// that many UTF-8 bytes (offset 0 is the empty string).
#ifndef SITREP_GEO_FORMAT_H_
#define SITREP_GEO_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::geo {

inline constexpr char kMagic[8] = {'S', 'R', 'G', 'A', 'Z', 'E', 'T', '1'};
inline constexpr uint32_t kVersion = 2;

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t file_size;
  uint32_t n_places, off_places;
  uint32_t n_keys, off_keys;  // n_keys + 1 KeyRecs (the last a sentinel)
  uint32_t n_postings, off_postings;
  uint32_t n_words, off_words;  // WordRecs: stoplist, cues, suffixes
  uint32_t pool_size, off_pool;
  uint32_t reserved[2];
};
static_assert(sizeof(FileHeader) == 64);

// Candidate order tier (lower is better), fixed at compile time.
enum Tier : uint8_t {
  kTierCountry = 0,
  kTierCapital = 1,    // PPLC
  kTierAdminSeat = 2,  // PPLA, or any city of >= 1M people
  kTierLandmark = 3,
  kTierAdmin1 = 4,
  kTierCity = 5,
  kTierAdmin2 = 6,  // districts, counties, LGAs, townships
  kTierMinor = 7,   // PPLX (city sections), PPLH, PPLQ...
};

struct PlaceRec {
  uint32_t geonameid;
  uint32_t name, feature, admin1_code, admin1_name, city;  // pool offsets
  float lat, lon;
  uint32_t population;
  char country[2];
  uint8_t kind;          // sitrep::PlaceKind
  uint8_t tier;          // Tier
  uint32_t admin2_code;  // pool offset; cities, landmarks and admin2 areas
};
static_assert(sizeof(PlaceRec) == 44);

struct KeyRec {
  uint32_t key;         // pool offset of the normalised key
  uint32_t post_begin;  // postings [post_begin, next.post_begin)
};

// Posting: place index | flags.
inline constexpr uint32_t kPostDemonym = 1u << 31;  // `Iraqi` -> Iraq
inline constexpr uint32_t kPostCode = 1u << 30;     // `IQ`, `IRQ` -> Iraq
inline constexpr uint32_t kPostPlaceMask = (1u << 30) - 1;

// Word lists from data/geo/words.tsv, sorted by (kind, key).
enum WordKind : uint32_t {
  kWordStop = 0,         // never a place on its own (`Sunday`, `Police`)
  kWordCue = 1,          // a locative cue before a name (`in`, `near`)
  kWordPlaceNoun = 2,    // `city`, `town`: cue when followed by `of`
  kWordAdminSuffix = 3,  // `province`, `governorate`
  kWordConnector = 4,    // lower-case word inside a name (`al`, `de`)
  kWordPeopleNoun = 5,   // after a country, makes it a nationality (`troops`)
  kWordSpeechVerb = 6,   // after a name, makes it a speaker (`said`)
  kWordAwayVerb = 7,     // `treated`, `taken`: with a medical noun before a
  kWordAwayNoun = 8,     // name (`hospital`), where the wounded went
  kWordRoadNoun = 9,     // after a name: a road to it (`X bypass`)
  kWordCodedCue = 10,    // two words before a name (`coded to`): the place
                         // a source says it placed the event at
};
struct WordRec {
  uint32_t kind;
  uint32_t key;  // pool offset
};

// Collects places, names and words; writes the file.
class Builder {
 public:
  // Returns the place's index.
  uint32_t AddPlace(const PlaceRec& rec);
  // Interns `s` (max 255 bytes, longer is cut) and returns its pool offset.
  uint32_t Intern(std::string_view s);
  // Indexes `key` (already normalised) -> place | flags. Empty keys ignored.
  void AddKey(std::string_view key, uint32_t place, uint32_t flags = 0);
  void AddWord(WordKind kind, std::string_view key);
  PlaceRec& place(uint32_t i) { return places_[i]; }
  const PlaceRec& place(uint32_t i) const { return places_[i]; }
  // The interned string at pool offset `off`.
  std::string_view Str(uint32_t off) const {
    return {pool_.data() + off + 1, static_cast<unsigned char>(pool_[off])};
  }
  // Places indexed under `key` so far (flags included), or nullptr.
  const std::vector<uint32_t>* Find(const std::string& key) const {
    auto it = keys_.find(key);
    return it == keys_.end() ? nullptr : &it->second;
  }
  size_t num_places() const { return places_.size(); }
  size_t num_keys() const { return keys_.size(); }

  // Sorts the index (postings best first) and writes the file atomically.
  Status Write(const std::string& path);

 private:
  std::vector<char> pool_{0};
  std::unordered_map<std::string, uint32_t> interned_;
  std::vector<PlaceRec> places_;
  std::unordered_map<std::string, std::vector<uint32_t>> keys_;
  std::vector<std::pair<uint32_t, std::string>> words_;
};

}  // namespace sitrep::geo

#endif  // SITREP_GEO_FORMAT_H_
