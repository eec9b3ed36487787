#include "dedup/bucket_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace sitrep::dedup_internal {
namespace {

struct Item {
  uint64_t key;
  uint32_t id;
  friend bool operator==(const Item&, const Item&) = default;
};

bool Less(const Item& x, const Item& y) {
  return x.key != y.key ? x.key < y.key : x.id < y.id;
}

// SortByTopBits gives std::sort's order: uniform keys, few distinct keys
// (long runs of one key, as boilerplate sentences), clustered top bits,
// and every size around the small-input and bucket limits.
TEST(SortByTopBits, MatchesStdSort) {
  std::mt19937_64 rng(7);
  const size_t sizes[] = {0, 1, 2, 63, 64, 65, 100, 1000, 5000, 70000};
  for (size_t n : sizes) {
    for (int shape = 0; shape < 4; ++shape) {
      std::vector<Item> v(n);
      for (size_t i = 0; i < n; ++i) {
        uint64_t k = rng();
        if (shape == 1) k = rng() % 5;          // few keys, low bits only
        if (shape == 2) k = (rng() % 3) << 60;  // few keys, top bits
        if (shape == 3) k = (k >> 20) | (uint64_t{0xABC} << 52);  // clustered
        v[i] = {k, static_cast<uint32_t>(rng())};
      }
      std::vector<Item> want = v;
      std::sort(want.begin(), want.end(), Less);
      SortByTopBits(
          &v, [](const Item& x) { return x.key; }, Less);
      ASSERT_EQ(v, want) << "n=" << n << " shape=" << shape;
    }
  }
}

}  // namespace
}  // namespace sitrep::dedup_internal
