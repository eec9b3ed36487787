// Incremental ingest latency: a Pipeline over a file store pre-filled with
// --prefill articles; then --samples more articles, one at a time, each
// timed through IngestDocument (clean, store, extract, store mentions) and
// RebuildEvents (re-merges every stored mention: the known bottleneck).
// Prints one JSON object (milliseconds, wall clock).
//
// Usage: incremental_bench --corpus FILE.jsonl [--prefill 1000]
//        [--samples 30] [--db /tmp/sitrep_incremental.db]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_util.h"
#include "sitrep/pipeline.h"

namespace sitrep::bench {
namespace {

struct Args {
  std::string corpus, db = "/tmp/sitrep_incremental_bench.db";
  size_t prefill = 1000, samples = 30;
};

Args Parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--corpus") a.corpus = v;
    if (k == "--db") a.db = v;
    if (k == "--prefill") a.prefill = std::stoul(v);
    if (k == "--samples") a.samples = std::stoul(v);
  }
  return a;
}

std::vector<RawDocument> ReadRaw(const std::string& path, size_t max) {
  std::vector<RawDocument> docs;
  ReadDocuments(
      {path}, IngestLimits{},
      [&](RawDocument&& d) {
        if (docs.size() < max) docs.push_back(std::move(d));
      },
      [](InputError&&) {});
  return docs;
}

int Run(const Args& args) {
  auto docs = ReadRaw(args.corpus, args.prefill + args.samples);
  if (docs.size() < args.prefill + args.samples) {
    std::fprintf(stderr, "incremental_bench: corpus too small\n");
    return 1;
  }
  for (const char* ext : {"", "-wal", "-shm"}) {
    std::filesystem::remove(args.db + ext);
  }
  auto store = Store::Open(args.db);
  if (!store.ok()) return 1;
  auto pipe = Pipeline::Open(store->get(), PipelineOptions{});
  if (!pipe.ok()) return 1;
  IngestReport report;
  double t0 = WallSeconds();
  for (size_t i = 0; i < args.prefill; ++i) {
    (void)(*pipe)->IngestDocument(std::move(docs[i]), &report);
  }
  double t1 = WallSeconds();
  auto events = (*pipe)->RebuildEvents();
  double t2 = WallSeconds();
  std::vector<double> ingest_ms, rebuild_ms;
  for (size_t i = args.prefill; i < docs.size(); ++i) {
    double a = WallSeconds();
    (void)(*pipe)->IngestDocument(std::move(docs[i]), &report);
    double b = WallSeconds();
    (void)(*pipe)->RebuildEvents();
    double c = WallSeconds();
    ingest_ms.push_back((b - a) * 1e3);
    rebuild_ms.push_back((c - b) * 1e3);
  }
  std::printf(
      "{\"prefill\": %zu, \"events\": %zu, \"mentions\": %lld, "
      "\"prefill_s\": %.3f, \"first_rebuild_s\": %.3f, "
      "\"ingest_p50_ms\": %.3f, \"ingest_p99_ms\": %.3f, "
      "\"rebuild_p50_ms\": %.3f, \"rebuild_p99_ms\": %.3f}\n",
      args.prefill, events.ok() ? *events : 0,
      static_cast<long long>(report.mentions), t1 - t0, t2 - t1,
      Quantile(&ingest_ms, 0.5), Quantile(&ingest_ms, 0.99),
      Quantile(&rebuild_ms, 0.5), Quantile(&rebuild_ms, 0.99));
  for (const char* ext : {"", "-wal", "-shm"}) {
    std::filesystem::remove(args.db + ext);
  }
  return 0;
}

}  // namespace
}  // namespace sitrep::bench

int main(int argc, char** argv) {
  return sitrep::bench::Run(sitrep::bench::Parse(argc, argv));
}
