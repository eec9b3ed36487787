// Internal to the dedup stage: pieces shared by the in-memory LSH index
// (lsh_index.cc) and the spilling StreamingDedup (streaming_dedup.cc).
// Not thread-safe.
#ifndef SITREP_DEDUP_LSH_INTERNAL_H_
#define SITREP_DEDUP_LSH_INTERNAL_H_

#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#include "sitrep/dedup.h"

namespace sitrep::dedup_internal {

// Bands and rows fit in one MinHash signature; buckets can hold a pair.
inline bool ValidLsh(const LshParams& p) {
  return p.bands >= 1 && p.rows >= 1 && p.bands * p.rows <= kMinHashSize &&
         p.max_bucket >= 2;
}

// One key for an unordered pair of dense indices.
inline uint64_t PairKey(uint32_t x, uint32_t y) {
  if (x > y) std::swap(x, y);
  return (uint64_t{x} << 32) | y;
}

// Union-find over dense indices (path halving). Find: amortised ~O(1).
struct Components {
  std::vector<uint32_t> parent;
  explicit Components(size_t n) : parent(n) {
    std::iota(parent.begin(), parent.end(), 0u);
  }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(uint32_t x, uint32_t y) { parent[Find(x)] = Find(y); }
};

// Appends the candidate pairs (PairKey) of one band sorted by key: every
// pair in a bucket of at most `max_bucket` docs, and in a bigger bucket a
// star around its first doc by `before(doc, doc)` (independent of insertion
// order). Cost: O(n^2) for a bucket of n <= max_bucket docs, O(n) above.
template <class Entry, class Before>
void AppendBandPairs(const std::vector<Entry>& band, size_t max_bucket,
                     Before before, std::vector<uint64_t>* pairs) {
  for (size_t i = 0; i < band.size();) {
    size_t j = i + 1;
    while (j < band.size() && band[j].key() == band[i].key()) ++j;
    if (j - i <= max_bucket) {
      for (size_t x = i; x < j; ++x) {
        for (size_t y = x + 1; y < j; ++y) {
          pairs->push_back(PairKey(band[x].doc, band[y].doc));
        }
      }
    } else {
      size_t lead = i;
      for (size_t x = i + 1; x < j; ++x) {
        if (before(band[x].doc, band[lead].doc)) lead = x;
      }
      for (size_t x = i; x < j; ++x) {
        if (x != lead) pairs->push_back(PairKey(band[x].doc, band[lead].doc));
      }
    }
    i = j;
  }
}

}  // namespace sitrep::dedup_internal

#endif  // SITREP_DEDUP_LSH_INTERNAL_H_
