// ParallelFor: runs fn(0) ... fn(n-1) on up to `threads` threads (the
// calling thread is one of them) and returns when all are done.
//
// Each index is run exactly once; the order across threads is unspecified,
// so fn must write only to its own slot of a result array to keep the
// output deterministic. threads <= 1 (or n <= 1) runs inline, in order.
// Thread safety: fn is called concurrently. Costs: one thread start per
// extra thread per call (tens of microseconds); use for batches of work.
#ifndef SITREP_PIPELINE_PARALLEL_H_
#define SITREP_PIPELINE_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace sitrep::pipeline_internal {

template <typename Fn>
void ParallelFor(size_t n, int threads, const Fn& fn) {
  const size_t workers = std::min<size_t>(threads < 1 ? 1 : threads, n);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) {
      fn(i);
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

// The thread count to use for `requested` (0 = one per hardware thread).
inline int ThreadCount(int requested) {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

}  // namespace sitrep::pipeline_internal

#endif  // SITREP_PIPELINE_PARALLEL_H_
