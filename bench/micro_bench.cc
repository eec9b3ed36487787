// Google Benchmark micro-benchmarks, one per pipeline stage, over a corpus
// ($SITREP_BENCH_CORPUS, JSON Lines from bench/gen_corpus.py; default the
// examples/). Items are articles or sentences as the counter names say;
// bytes are clean-text bytes (raw bytes for cleaning).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench_util.h"
#include "sitrep/clean.h"
#include "sitrep/date_expr.h"
#include "sitrep/dedup.h"
#include "sitrep/extract.h"
#include "sitrep/gazetteer.h"
#include "sitrep/merge.h"
#include "sitrep/quantity.h"
#include "sitrep/sentences.h"
#include "sitrep/store.h"

namespace sitrep::bench {
namespace {

size_t CorpusSize() {
  const char* env = std::getenv("SITREP_BENCH_ARTICLES");
  return env ? std::strtoul(env, nullptr, 10) : 1000;
}

const std::vector<Article>& Corpus() {
  static const auto* articles =
      new std::vector<Article>(LoadArticles("", CorpusSize()));
  return *articles;
}

const Gazetteer* Gaz() {
  static const Gazetteer* g = [] {
    auto r = Gazetteer::OpenDefault();
    if (!r.ok()) {
      std::fprintf(stderr, "gazetteer: %s\n", r.status().ToString().c_str());
      std::exit(1);
    }
    return std::move(r).value().release();
  }();
  return g;
}

const Extractor* Ex() {
  static const Extractor* e = [] {
    auto r = Extractor::Create(Gaz());
    if (!r.ok()) std::exit(1);
    return std::move(r).value().release();
  }();
  return e;
}

// Runs `fn(article)` over the corpus once per iteration and reports
// sentences/s, articles/s and bytes/s.
template <typename Fn>
void OverCorpus(benchmark::State& state, bool raw_bytes, Fn fn) {
  const auto& c = Corpus();
  int64_t bytes = 0;
  for (const auto& a : c) bytes += raw_bytes ? a.raw.size() : a.text.size();
  for (auto _ : state) {
    for (const auto& a : c) fn(a);
  }
  int64_t it = state.iterations();
  state.SetBytesProcessed(it * bytes);
  state.counters["sentences"] = benchmark::Counter(
      double(it * CountSentences(c)), benchmark::Counter::kIsRate);
  state.counters["articles"] =
      benchmark::Counter(double(it * c.size()), benchmark::Counter::kIsRate);
}

void BM_CleanPlainText(benchmark::State& state) {
  OverCorpus(state, true, [](const Article& a) {
    benchmark::DoNotOptimize(CleanPlainText(a.raw));
  });
}

void BM_SplitSentences(benchmark::State& state) {
  OverCorpus(state, false, [](const Article& a) {
    benchmark::DoNotOptimize(SplitSentences(a.text));
  });
}

void BM_FindQuantities(benchmark::State& state) {
  OverCorpus(state, false, [](const Article& a) {
    benchmark::DoNotOptimize(FindQuantities(a.text));
  });
}

void BM_FindDates(benchmark::State& state) {
  OverCorpus(state, false, [](const Article& a) {
    benchmark::DoNotOptimize(FindDates(a.text, a.published));
  });
}

void BM_FindPlaces(benchmark::State& state) {
  const Gazetteer* g = Gaz();
  OverCorpus(state, false, [g](const Article& a) {
    benchmark::DoNotOptimize(g->FindPlaces(a.text));
  });
}

void BM_Extract(benchmark::State& state) {
  const Extractor* e = Ex();
  OverCorpus(state, false, [e](const Article& a) {
    benchmark::DoNotOptimize(e->Extract(a));
  });
}

void BM_ComputeSignature(benchmark::State& state) {
  OverCorpus(state, false, [](const Article& a) {
    benchmark::DoNotOptimize(ComputeSignature(a.text));
  });
}

// PutArticle into a fresh store per iteration (`:memory:` or a file).
void PutAll(benchmark::State& state, bool file) {
  const auto& c = Corpus();
  std::string path = ":memory:";
  if (file) {
    path = (std::filesystem::temp_directory_path() / "sitrep_bench_put.db");
  }
  for (auto _ : state) {
    state.PauseTiming();
    if (file) {
      for (const char* ext : {"", "-wal", "-shm"}) {
        std::filesystem::remove(path + ext);
      }
    }
    auto store = Store::Open(path);
    if (!store.ok()) {
      state.SkipWithError("cannot open store");
      return;
    }
    state.ResumeTiming();
    for (const auto& a : c) benchmark::DoNotOptimize((*store)->PutArticle(a));
  }
  state.counters["articles"] = benchmark::Counter(
      double(state.iterations() * c.size()), benchmark::Counter::kIsRate);
}
void BM_PutArticle_Memory(benchmark::State& state) { PutAll(state, false); }
void BM_PutArticle_File(benchmark::State& state) { PutAll(state, true); }

// MergeMentions over the mentions of the first range(0) articles: shows how
// merge time grows with the number of mentions (complete linkage).
void BM_MergeMentions(benchmark::State& state) {
  const auto& c = Corpus();
  size_t n = std::min<size_t>(state.range(0), c.size());
  std::vector<Mention> all;
  for (size_t i = 0; i < n; ++i) {
    for (auto& m : Ex()->Extract(c[i])) all.push_back(std::move(m));
  }
  MergeOptions opt;
  for (auto _ : state) {
    benchmark::DoNotOptimize(MergeMentions(all, opt));
  }
  state.counters["mentions"] = benchmark::Counter(
      double(state.iterations() * all.size()), benchmark::Counter::kIsRate);
  state.counters["n_mentions"] = double(all.size());
}

void BM_GazetteerOpen(benchmark::State& state) {
  for (auto _ : state) {
    auto g = Gazetteer::OpenDefault();
    benchmark::DoNotOptimize(g);
  }
}

void BM_ExtractorCreate(benchmark::State& state) {
  for (auto _ : state) {
    auto e = Extractor::Create(Gaz());
    benchmark::DoNotOptimize(e);
  }
}

BENCHMARK(BM_CleanPlainText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindQuantities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindDates)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindPlaces)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ComputeSignature)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PutArticle_Memory)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PutArticle_File)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MergeMentions)
    ->Arg(100)
    ->Arg(200)
    ->Arg(400)
    ->Arg(800)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GazetteerOpen)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractorCreate)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep::bench

BENCHMARK_MAIN();
