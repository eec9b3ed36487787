// The memory-mapped Gazetteer (reader side of format.h).
#ifndef SITREP_GEO_GAZETTEER_IMPL_H_
#define SITREP_GEO_GAZETTEER_IMPL_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/format.h"
#include "sitrep/gazetteer.h"

namespace sitrep::geo {

class MappedGazetteer : public Gazetteer {
 public:
  // Takes ownership of the mapping [data, data + size).
  MappedGazetteer(const char* data, size_t size);
  ~MappedGazetteer() override;
  // Checks the header and section bounds (O(1)) and sets up the sections.
  // The first lookup then builds in-memory hash indexes of the keys and
  // words (one pass over them: ~30 ms CPU, 4 MiB), so Open stays an mmap.
  // REQUIRES: called once, before anything else.
  Status Init();

  std::vector<Place> Lookup(std::string_view name) const override;
  std::optional<Place> Country(std::string_view name) const override;
  std::optional<Place> Admin1(std::string_view name,
                              std::string_view country) const override;
  std::vector<PlaceMention> FindPlaces(std::string_view text) const override;
  size_t size() const override { return header_.n_places; }

  // Postings of a normalised key (empty if absent or damaged). Hashed: one
  // or two key comparisons, not a binary search over the mapped keys.
  std::span<const uint32_t> Postings(std::string_view key) const;
  // The plain lookup (tests): a binary search over the sorted key records.
  std::span<const uint32_t> PostingsSearched(std::string_view key) const;
  Place Decode(uint32_t place_index) const;
  // Decode(posting) as a value that converts to a Place:
  // `places.emplace_back(Decoded{&g, posting})` constructs the place in the
  // vector's storage (no move of its seven strings).
  struct Decoded {
    const MappedGazetteer* g;
    uint32_t posting;
    operator Place() const { return g->Decode(posting); }  // NOLINT
  };
  const PlaceRec* Rec(uint32_t posting) const;
  // Is `key` a word of `kind`? Keys of at most 7 bytes (most queries) are
  // looked up in a table of packed (kind, key) integers; longer ones, or any
  // with HasWordHashed.
  bool HasWord(WordKind kind, std::string_view key) const;
  // The plain lookup: the hashed word index and a key comparison.
  bool HasWordHashed(WordKind kind, std::string_view key) const;
  // The kinds `key` is a word of, bit k for kind k < 32: HasWord for every
  // kind at once, in one lookup (the place finder asks several kinds of
  // the same word).
  uint32_t WordKinds(std::string_view key) const;
  // By kind (< 32): the length of its words' shortest key, 255 when
  // none: a text shorter than this less one (NormalizePlaceKey lengthens
  // a text by at most one byte) is no word of that kind.
  const std::array<uint8_t, 32>& MinWordKeyLengths() const {
    EnsureIndexes();
    return min_word_key_length_;
  }
  std::string_view Str(uint32_t off) const;
  // A number no other gazetteer of this process has (never 0): tells
  // per-thread memos of lookups which gazetteer they hold answers of.
  uint64_t serial() const { return serial_; }

 private:
  const uint64_t serial_;
  const char* data_;
  size_t size_;
  FileHeader header_{};
  const PlaceRec* places_ = nullptr;
  const KeyRec* keys_ = nullptr;
  const uint32_t* postings_ = nullptr;
  const WordRec* words_ = nullptr;
  const char* pool_ = nullptr;
  // Open-addressing hash tables: slot = record index + 1, 0 = empty; the
  // first record of a repeated key wins (as a lower-bound search would).
  // Built once, by the first lookup of any thread. `indexes_ready_` (set
  // with release order once they are built) spares every later lookup the
  // call_once (a pthread_once call and two thread-local stores).
  mutable std::once_flag indexes_built_;
  mutable std::atomic<bool> indexes_ready_{false};
  mutable std::vector<uint32_t> key_slots_, word_slots_;
  // WordKinds: slot -> 1 + index in word_kinds_ (hashed like key_slots_),
  // each entry a key's pool offset and its kinds.
  mutable std::vector<uint32_t> kinds_slots_;
  mutable std::vector<std::pair<uint32_t, uint32_t>> word_kinds_;
  mutable std::array<uint8_t, 32> min_word_key_length_{};  // by kind
  // Packed (kind, key) of the words with keys of at most 7 bytes and kinds
  // below 16 (PackWord), open addressing, 0 = empty.
  mutable std::vector<uint64_t> short_words_;
  void BuildIndexes() const;
  void BuildShortWords() const;
  void BuildWordKinds() const;
  void EnsureIndexes() const {
    if (indexes_ready_.load(std::memory_order_acquire)) return;
    std::call_once(indexes_built_, [this] {
      BuildIndexes();
      indexes_ready_.store(true, std::memory_order_release);
    });
  }
};

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GAZETTEER_IMPL_H_
