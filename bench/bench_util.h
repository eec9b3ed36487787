// Helpers shared by the benchmark programs in bench/: loading a corpus into
// Articles, timing, percentiles. Not part of the library.
#ifndef SITREP_BENCH_BENCH_UTIL_H_
#define SITREP_BENCH_BENCH_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/article.h"

namespace sitrep::bench {

// Reads up to `max` documents under `path` (JSON Lines, files, directories)
// and cleans them with BuildArticle. Failed documents are skipped. `path`
// empty: $SITREP_BENCH_CORPUS, else the source tree's examples/.
std::vector<Article> LoadArticles(std::string path, size_t max);

// Seconds of CPU time of the calling thread / of the process, and wall time.
double ThreadCpuSeconds();
double ProcessCpuSeconds();
double WallSeconds();

// The q-th quantile (0..1) of `v` (sorted in place); 0 when empty.
double Quantile(std::vector<double>* v, double q);

// Total sentences and text bytes of `articles`.
int64_t CountSentences(const std::vector<Article>& articles);
int64_t CountTextBytes(const std::vector<Article>& articles);

}  // namespace sitrep::bench

#endif  // SITREP_BENCH_BENCH_UTIL_H_
