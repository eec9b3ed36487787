// SortByTopBits: std::sort's result for keys that are mostly uniform
// hashes (band keys, sentence fingerprints), in about one pass: a stable
// counting scatter by the key's top bits, then an insertion sort within
// each bucket (a few elements for random keys), or std::sort for a bucket
// that is not small (many equal or clustered keys). Internal to src/dedup.
//
// Thread safety: none needed (sorts the caller's vector). Cost: O(n) for
// uniform keys, O(n log n) at worst.
#ifndef SITREP_DEDUP_BUCKET_SORT_H_
#define SITREP_DEDUP_BUCKET_SORT_H_

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace sitrep::dedup_internal {

// Sorts `v` by `less`, a strict weak order consistent with `top` (an
// element's 64-bit key): top(x) < top(y) implies less(x, y).
template <typename T, typename Top, typename Less>
void SortByTopBits(std::vector<T>* v, Top top, Less less) {
  constexpr size_t kSmall = 64;  // below: std::sort; above, per bucket
  const size_t n = v->size();
  if (n < kSmall) {
    std::sort(v->begin(), v->end(), less);
    return;
  }
  const int bits = std::min(16, static_cast<int>(std::bit_width(n)));
  const int shift = 64 - bits;
  std::vector<uint32_t> start((size_t{1} << bits) + 1);
  for (const T& x : *v) ++start[(top(x) >> shift) + 1];
  for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  std::vector<T> out(n);
  std::vector<uint32_t> at(start.begin(), start.end() - 1);
  for (const T& x : *v) out[at[top(x) >> shift]++] = x;  // stable
  for (size_t b = 0; b + 1 < start.size(); ++b) {
    T* first = out.data() + start[b];
    T* last = out.data() + start[b + 1];
    if (last - first > static_cast<std::ptrdiff_t>(kSmall)) {
      std::sort(first, last, less);
      continue;
    }
    for (T* i = first + 1; i < last; ++i) {  // insertion sort
      if (!less(*i, i[-1])) continue;
      T x = *i;
      T* j = i;
      for (; j > first && less(x, j[-1]); --j) *j = j[-1];
      *j = x;
    }
  }
  v->swap(out);
}

}  // namespace sitrep::dedup_internal

#endif  // SITREP_DEDUP_BUCKET_SORT_H_
