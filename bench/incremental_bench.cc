// Incremental ingest latency: a Pipeline over a file store pre-filled with
// the first --prefill articles of the corpus (batched Ingest); then
// --samples more articles, one at a time, each timed through IngestDocument
// (clean, store, extract, store mentions) and RebuildEvents (the events the
// API and exports serve brought up to date). --keep 1 keeps the derivation
// in memory (PipelineOptions::keep_derivation): the first rebuild is full,
// the later ones incremental. --reuse 1 keeps an existing --db (prefilled
// by an earlier run with the same corpus and --prefill) instead of
// rebuilding it, and leaves it in place. Prints one JSON object
// (milliseconds, wall clock; *_cpu_*: CPU time of the process, user+sys,
// which a loaded machine inflates less; "fallbacks": the samples, 0-based,
// whose rebuild was a full derivation).
//
// Usage: incremental_bench --corpus FILE.jsonl [--prefill 1000]
//        [--samples 30] [--db /tmp/sitrep_incremental.db] [--keep 0|1]
//        [--reuse 0|1] [--perf-ctl FIFO]
// --perf-ctl: a `perf record --control fifo:FIFO -D -1` control fifo; the
// bench writes "enable" to it before the samples and "disable" after, so
// the profile holds the one-article ingests only.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "sitrep/pipeline.h"

namespace sitrep::bench {
namespace {

struct Args {
  std::string corpus, db = "/tmp/sitrep_incremental_bench.db", perf_ctl;
  size_t prefill = 1000, samples = 30;
  bool keep = false, reuse = false;
};

Args Parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--corpus") a.corpus = v;
    if (k == "--db") a.db = v;
    if (k == "--prefill") a.prefill = std::stoul(v);
    if (k == "--samples") a.samples = std::stoul(v);
    if (k == "--keep") a.keep = v == "1";
    if (k == "--reuse") a.reuse = v == "1";
    if (k == "--perf-ctl") a.perf_ctl = v;
  }
  return a;
}

// Splits the corpus's first `prefill` lines into `head` and returns the
// next `samples` records as documents.
std::vector<RawDocument> Split(const Args& args, const std::string& head) {
  std::ifstream in(args.corpus);
  std::ofstream out(head), tail(head + ".tail.jsonl");
  std::string line;
  size_t n = 0;
  while (n < args.prefill + args.samples && std::getline(in, line)) {
    (n++ < args.prefill ? out : tail) << line << "\n";
  }
  out.close();
  tail.close();
  std::vector<RawDocument> docs;
  ReadDocuments(
      {head + ".tail.jsonl"}, IngestLimits{},
      [&](RawDocument&& d) { docs.push_back(std::move(d)); },
      [](InputError&&) {});
  std::filesystem::remove(head + ".tail.jsonl");
  return docs;
}

// Sends `command` to perf's control fifo `path` (nothing when empty).
void PerfControl(const std::string& path, const char* command) {
  if (path.empty()) return;
  if (FILE* f = std::fopen(path.c_str(), "w")) {
    std::fwrite(command, 1, std::strlen(command), f);
    std::fclose(f);
  }
}

void RemoveDb(const std::string& db) {
  for (const char* ext : {"", "-wal", "-shm"}) {
    std::filesystem::remove(db + ext);
  }
}

// Per-sample times (milliseconds) of the one-article ingests.
struct Samples {
  std::vector<double> ingest_ms, rebuild_ms, total_ms, rebuild_cpu, total_cpu;
  std::vector<size_t> fallbacks;  // samples whose rebuild was a full one
};

Samples Measure(Pipeline* pipe, std::vector<RawDocument>* docs,
                const Args& args) {
  Samples s;
  IngestReport report;
  PerfControl(args.perf_ctl, "enable\n");
  for (RawDocument& d : *docs) {
    int64_t full = pipe->rebuild_counts().full;
    double a = WallSeconds(), a_cpu = ProcessCpuSeconds();
    (void)pipe->IngestDocument(std::move(d), &report);
    double b = WallSeconds(), b_cpu = ProcessCpuSeconds();
    (void)pipe->RebuildEvents();
    double c = WallSeconds(), c_cpu = ProcessCpuSeconds();
    if (pipe->rebuild_counts().full != full) {
      s.fallbacks.push_back(s.total_ms.size());
    }
    s.ingest_ms.push_back((b - a) * 1e3);
    s.rebuild_ms.push_back((c - b) * 1e3);
    s.total_ms.push_back((c - a) * 1e3);
    s.rebuild_cpu.push_back((c_cpu - b_cpu) * 1e3);
    s.total_cpu.push_back((c_cpu - a_cpu) * 1e3);
  }
  PerfControl(args.perf_ctl, "disable\n");
  return s;
}

void Print(const Args& args, long long events, double prefill_s, double first_s,
           Samples& s, const Pipeline::RebuildCounts& n) {
  auto q = [](std::vector<double>* v, double p) { return Quantile(v, p); };
  std::string fallbacks;
  for (size_t i : s.fallbacks) {
    fallbacks += (fallbacks.empty() ? "" : ", ") + std::to_string(i);
  }
  std::printf(
      "{\"prefill\": %zu, \"events\": %lld, \"keep\": %d, "
      "\"prefill_s\": %.3f, \"first_rebuild_s\": %.3f, "
      "\"ingest_p50_ms\": %.3f, \"ingest_p99_ms\": %.3f, "
      "\"rebuild_p50_ms\": %.3f, \"rebuild_p99_ms\": %.3f, "
      "\"total_p50_ms\": %.3f, \"total_p90_ms\": %.3f, "
      "\"total_p99_ms\": %.3f, \"rebuild_cpu_p50_ms\": %.3f, "
      "\"total_cpu_p50_ms\": %.3f, \"total_cpu_p90_ms\": %.3f, "
      "\"total_cpu_p99_ms\": %.3f, "
      "\"incremental_rebuilds\": %lld, \"full_rebuilds\": %lld, "
      "\"fallbacks\": [%s]}\n",
      args.prefill, events, args.keep ? 1 : 0, prefill_s, first_s,
      q(&s.ingest_ms, 0.5), q(&s.ingest_ms, 0.99), q(&s.rebuild_ms, 0.5),
      q(&s.rebuild_ms, 0.99), q(&s.total_ms, 0.5), q(&s.total_ms, 0.9),
      q(&s.total_ms, 0.99), q(&s.rebuild_cpu, 0.5), q(&s.total_cpu, 0.5),
      q(&s.total_cpu, 0.9), q(&s.total_cpu, 0.99),
      static_cast<long long>(n.incremental), static_cast<long long>(n.full),
      fallbacks.c_str());
}

int Run(const Args& args) {
  const std::string head = args.db + ".prefill.jsonl";
  auto docs = Split(args, head);
  if (docs.size() < args.samples) {
    std::fprintf(stderr, "incremental_bench: corpus too small\n");
    return 1;
  }
  bool fill = !args.reuse || !std::filesystem::exists(args.db);
  if (fill) RemoveDb(args.db);
  auto store = Store::Open(args.db);
  if (!store.ok()) return 1;
  PipelineOptions options;
  options.keep_derivation = args.keep;
  auto pipe = Pipeline::Open(store->get(), options);
  if (!pipe.ok()) return 1;
  IngestReport report;
  double t0 = WallSeconds();
  if (fill) (void)(*pipe)->Ingest({head}, &report);
  std::filesystem::remove(head);
  double t1 = WallSeconds();
  (void)(*pipe)->RebuildEvents();
  double t2 = WallSeconds();
  auto stored = (*store)->CountEvents();
  Samples s = Measure(pipe->get(), &docs, args);
  Print(args, stored.ok() ? *stored : -1, t1 - t0, t2 - t1, s,
        (*pipe)->rebuild_counts());
  if (!args.reuse) RemoveDb(args.db);
  return 0;
}

}  // namespace
}  // namespace sitrep::bench

int main(int argc, char** argv) {
  return sitrep::bench::Run(sitrep::bench::Parse(argc, argv));
}
