// The memory-mapped Gazetteer (reader side of format.h).
#ifndef SITREP_GEO_GAZETTEER_IMPL_H_
#define SITREP_GEO_GAZETTEER_IMPL_H_

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
  Place Decode(uint32_t place_index) const;
  const PlaceRec* Rec(uint32_t posting) const;
  bool HasWord(WordKind kind, std::string_view key) const;
  std::string_view Str(uint32_t off) const;

 private:
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
  // Built once, by the first lookup of any thread.
  mutable std::once_flag indexes_built_;
  mutable std::vector<uint32_t> key_slots_, word_slots_;
  void BuildIndexes() const;
  void EnsureIndexes() const {
    std::call_once(indexes_built_, [this] { BuildIndexes(); });
  }
};

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GAZETTEER_IMPL_H_
