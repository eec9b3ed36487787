#include "bench_util.h"

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "sitrep/ingest.h"

namespace sitrep::bench {

std::vector<Article> LoadArticles(std::string path, size_t max) {
  if (path.empty()) {
    const char* env = std::getenv("SITREP_BENCH_CORPUS");
    path = env && *env ? env : std::string(SITREP_SOURCE_DIR) + "/examples";
  }
  std::vector<Article> out;
  IngestLimits limits;
  ReadDocuments(
      {path}, limits,
      [&](RawDocument&& doc) {
        if (out.size() >= max) return;
        auto a = BuildArticle(std::move(doc), limits);
        if (a.ok()) out.push_back(std::move(a).value());
      },
      [](InputError&& e) {
        std::fprintf(stderr, "bench: %s: %s\n", e.where.c_str(),
                     e.status.ToString().c_str());
      });
  return out;
}

static double Clock(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}
double ThreadCpuSeconds() { return Clock(CLOCK_THREAD_CPUTIME_ID); }
double ProcessCpuSeconds() { return Clock(CLOCK_PROCESS_CPUTIME_ID); }
double WallSeconds() { return Clock(CLOCK_MONOTONIC); }

double Quantile(std::vector<double>* v, double q) {
  if (v->empty()) return 0;
  std::sort(v->begin(), v->end());
  size_t i = static_cast<size_t>(q * (v->size() - 1) + 0.5);
  return (*v)[std::min(i, v->size() - 1)];
}

int64_t CountSentences(const std::vector<Article>& articles) {
  int64_t n = 0;
  for (const auto& a : articles) n += a.sentences.size();
  return n;
}

int64_t CountTextBytes(const std::vector<Article>& articles) {
  int64_t n = 0;
  for (const auto& a : articles) n += a.text.size();
  return n;
}

}  // namespace sitrep::bench
