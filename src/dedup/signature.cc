// MinHash document signatures: shingling, permutations, Jaccard.
#include <xxhash.h>

#include <algorithm>

#include "dedup/words.h"
#include "sitrep/dedup.h"

namespace sitrep {
namespace {

using dedup_internal::ForEachWord;

struct Permutations {
  uint32_t a[kMinHashSize];  // odd
  uint32_t b[kMinHashSize];
};

// Fixed constants from a SplitMix64 stream, so signatures stay comparable
// across runs, machines and versions (they are stored).
const Permutations& Perms() {
  static const Permutations p = [] {
    Permutations q;
    uint64_t s = 0x5173524550444450ull;  // "sitrep" seed
    auto next = [&s] {
      uint64_t z = (s += 0x9E3779B97F4A7C15ull);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      return z ^ (z >> 31);
    };
    for (int i = 0; i < kMinHashSize; ++i) {
      uint64_t r = next();
      q.a[i] = static_cast<uint32_t>(r) | 1u;
      q.b[i] = static_cast<uint32_t>(r >> 32);
    }
    return q;
  }();
  return p;
}

// Order-sensitive mix of a shingle's word hashes (polynomial, then the
// SplitMix64 finaliser).
inline uint64_t FinishShingle(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}
inline uint64_t MixShingle(const uint64_t* w, size_t n) {
  uint64_t x = n;
  for (size_t i = 0; i < n; ++i) x = x * 0x9E3779B97F4A7C15ull + w[i];
  return FinishShingle(x);
}

// 32-bit shingle hashes of `text` (with repeats), in order.
void CollectShingles(std::string_view text, std::vector<uint32_t>* out) {
  constexpr size_t k = kShingleWords;
  uint64_t ring[k];  // word hashes, position n % k
  size_t n = 0;
  ForEachWord(text, [&](uint64_t h, std::string_view) {
    ring[n % k] = h;
    ++n;
    if (n < k) return;
    uint64_t w[k];
    for (size_t i = 0; i < k; ++i) w[i] = ring[(n + i) % k];
    out->push_back(static_cast<uint32_t>(MixShingle(w, k)));
  });
  if (n > 0 && n < k)
    out->push_back(static_cast<uint32_t>(MixShingle(ring, n)));
}

// minhash[i] = min over x of a bijection of 32-bit values: multiply-add
// with odd a_i, then xorshift-multiply-xorshift. Lanes are independent, so
// the inner loop vectorises (AVX2 clone when the CPU has it).
__attribute__((target_clones("avx2", "default"))) void MinHashInto(
    const uint32_t* xs, size_t n, const uint32_t* a, const uint32_t* b,
    uint32_t* mh) {
  constexpr int kBlock = 64;
  for (int blk = 0; blk < kMinHashSize; blk += kBlock) {
    uint32_t m[kBlock];
    for (int j = 0; j < kBlock; ++j) m[j] = 0xFFFFFFFFu;
    for (size_t k = 0; k < n; ++k) {
      uint32_t x = xs[k];
      for (int j = 0; j < kBlock; ++j) {
        uint32_t y = x * a[blk + j] + b[blk + j];
        y ^= y >> 15;
        y *= 0x2C1B3C6Du;
        y ^= y >> 12;
        m[j] = y < m[j] ? y : m[j];
      }
    }
    for (int j = 0; j < kBlock; ++j) mh[blk + j] = m[j];
  }
}

// LSD radix sort (4 passes of 8 bits): no data-dependent branches, several
// times faster than std::sort on the few hundred random keys of an article.
// The four digit counts are taken in one read of the keys.
void RadixSort(std::vector<uint32_t>* v) {
  const size_t n = v->size();
  std::vector<uint32_t> tmp(n);
  uint32_t count[4][257] = {};
  const uint32_t* in = v->data();
  for (size_t i = 0; i < n; ++i) {
    uint32_t x = in[i];
    ++count[0][(x & 0xFF) + 1];
    ++count[1][((x >> 8) & 0xFF) + 1];
    ++count[2][((x >> 16) & 0xFF) + 1];
    ++count[3][(x >> 24) + 1];
  }
  uint32_t* src = v->data();
  uint32_t* dst = tmp.data();
  for (int pass = 0; pass < 4; ++pass) {
    uint32_t* c = count[pass];
    for (int b = 0; b < 256; ++b) c[b + 1] += c[b];
    const int shift = 8 * pass;
    for (size_t i = 0; i < n; ++i) {
      dst[c[(src[i] >> shift) & 0xFF]++] = src[i];
    }
    std::swap(src, dst);
  }  // four passes: the result is back in v
}

}  // namespace

namespace dedup_internal {

// Sorts `v` (n <= kSmallSort) by its top byte into 256 buckets, then by an
// insertion sort, which moves each key only within its bucket (a few keys
// for random ones): one counting pass, one prefix sum and one scatter
// instead of four each. A bucket of more than kMaxBucket keys (not random)
// falls back to the radix sort.
constexpr size_t kSmallSort = 2048;
constexpr uint32_t kMaxBucket = 64;
void BucketInsertionSort(std::vector<uint32_t>* v) {
  const size_t n = v->size();
  uint32_t tmp[kSmallSort];
  uint32_t count[257] = {};
  uint32_t* a = v->data();
  for (size_t i = 0; i < n; ++i) ++count[(a[i] >> 24) + 1];
  uint32_t largest = 0;
  for (int b = 0; b < 256; ++b) {
    largest = std::max(largest, count[b + 1]);
    count[b + 1] += count[b];
  }
  if (largest > kMaxBucket) {
    RadixSort(v);
    return;
  }
  for (size_t i = 0; i < n; ++i) tmp[count[a[i] >> 24]++] = a[i];
  for (size_t i = 0; i < n; ++i) {
    uint32_t x = tmp[i];
    size_t j = i;
    while (j > 0 && a[j - 1] > x) {
      a[j] = a[j - 1];
      --j;
    }
    a[j] = x;
  }
}

void SortUnique(std::vector<uint32_t>* v) {
  if (v->size() < 64) {
    std::sort(v->begin(), v->end());
  } else if (v->size() <= kSmallSort) {
    BucketInsertionSort(v);
  } else {
    RadixSort(v);
  }
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace dedup_internal

using dedup_internal::SortUnique;

std::vector<uint32_t> ShingleSet(std::string_view text) {
  std::vector<uint32_t> s;
  s.reserve(text.size() / 5 + 1);
  CollectShingles(text, &s);
  SortUnique(&s);
  return s;
}

namespace {

// The signature of a text from its shingle hashes (with repeats).
DocSignature SignatureOfShingles(std::vector<uint32_t> s, size_t text_bytes,
                                 const SignatureOptions& options) {
  DocSignature sig;
  sig.text_bytes = static_cast<uint32_t>(text_bytes);
  SortUnique(&s);
  sig.num_shingles = static_cast<uint32_t>(s.size());
  const Permutations& p = Perms();
  MinHashInto(s.data(), s.size(), p.a, p.b, sig.minhash.data());
  if (options.keep_shingles) {
    sig.has_shingles = true;
    sig.shingles = std::move(s);
  }
  return sig;
}

}  // namespace

DocSignature ComputeSignature(std::string_view text,
                              const SignatureOptions& options) {
  if (text.size() > options.max_bytes) text = text.substr(0, options.max_bytes);
  std::vector<uint32_t> s;
  s.reserve(text.size() / 5 + 1);
  CollectShingles(text, &s);
  return SignatureOfShingles(std::move(s), text.size(), options);
}

namespace dedup_internal {

// CollectShingles over the words' hashes, each shingle read in place.
DocSignature SignatureOfWords(const TextWords& words, size_t text_bytes,
                              const SignatureOptions& options) {
  constexpr size_t k = kShingleWords;
  const std::vector<uint64_t>& h = words.hashes;
  std::vector<uint32_t> s;
  s.reserve(h.size() + 1);
  // MixShingle's polynomial rolled from one shingle to the next: drop the
  // first word's term, shift, add the next word (mod 2^64, exact).
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  constexpr uint64_t kFirst = [] {  // C^(k-1): the first word's factor
    uint64_t p = 1;
    for (size_t i = 1; i < k; ++i) p *= kMul;
    return p;
  }();
  constexpr uint64_t kLead = k * kFirst * kMul;  // n's term: k C^k
  if (h.size() >= k) {
    uint64_t x = k;
    for (size_t i = 0; i < k; ++i) x = x * kMul + h[i];
    for (size_t i = 0;; ++i) {  // x = MixShingle's polynomial at word i
      s.push_back(static_cast<uint32_t>(FinishShingle(x)));
      if (i + k >= h.size()) break;
      x = (x - kLead - h[i] * kFirst) * kMul + kLead + h[i + k];
    }
  }
  if (!h.empty() && h.size() < k) {
    s.push_back(static_cast<uint32_t>(MixShingle(h.data(), h.size())));
  }
  return SignatureOfShingles(std::move(s), text_bytes, options);
}

}  // namespace dedup_internal

double ExactJaccard(const std::vector<uint32_t>& a,
                    const std::vector<uint32_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) /
         static_cast<double>(a.size() + b.size() - common);
}

double EstimatedJaccard(const DocSignature& a, const DocSignature& b) {
  if (a.num_shingles == 0 || b.num_shingles == 0) return 0.0;
  int eq = 0;
  for (int i = 0; i < kMinHashSize; ++i) eq += a.minhash[i] == b.minhash[i];
  return static_cast<double>(eq) / kMinHashSize;
}

double SignatureJaccard(const DocSignature& a, const DocSignature& b) {
  if (a.num_shingles == 0 || b.num_shingles == 0) return 0.0;
  if (a.has_shingles && b.has_shingles) {
    return ExactJaccard(a.shingles, b.shingles);
  }
  return EstimatedJaccard(a, b);
}

std::vector<std::string> NormalisedWords(std::string_view text) {
  std::vector<std::string> out;
  ForEachWord(text, [&](uint64_t, std::string_view w) { out.emplace_back(w); });
  return out;
}

}  // namespace sitrep
