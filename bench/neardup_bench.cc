// Near-duplicate detection at scale: MinHash signatures + the LSH index
// (dedup.h) against an exact all-pairs Jaccard reference.
//
// Streams the corpus in batches; `--threads` workers clean each document
// (BuildArticle, not counted) and compute its signature (counted, CPU time
// per thread). Then every signature goes into a NearDuplicateIndex and
// Pairs(0.8) is timed. The reference computes the exact Jaccard of every
// pair among the first `--exact` articles (all pairs, no index) and the
// recall of the LSH pairs on that subset is reported. Prints one JSON object.
//
// Usage: neardup_bench --corpus FILE.jsonl [--threads 2] [--exact 3000]
//        [--max 0 (all)] [--keep-shingles 1]
#include <cstdio>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bench_util.h"
#include "sitrep/dedup.h"
#include "sitrep/ingest.h"

namespace sitrep::bench {
namespace {

struct Args {
  std::string corpus;
  int threads = 2;
  size_t exact = 3000, max = 0;
  bool keep_shingles = true;
};

struct Signed {
  std::string id;
  DocSignature sig;
  std::vector<uint32_t> exact_set;  // only for the first `exact` articles
};

struct Totals {
  double sig_cpu = 0, build_cpu = 0;
  size_t bytes = 0, sentences = 0;
};

// Cleans and signs `batch[first..)` with stride `step`; adds CPU times.
void SignPart(std::vector<RawDocument>* batch, std::vector<Signed>* out,
              size_t base, size_t first, size_t step, const Args& args,
              Totals* t) {
  SignatureOptions opt;
  opt.keep_shingles = args.keep_shingles;
  for (size_t i = first; i < batch->size(); i += step) {
    double a = ThreadCpuSeconds();
    auto art = BuildArticle(std::move((*batch)[i]), IngestLimits{});
    double b = ThreadCpuSeconds();
    if (!art.ok()) continue;
    Signed& s = (*out)[i];
    s.id = art->id;
    s.sig = ComputeSignature(art->text, opt);
    double c = ThreadCpuSeconds();
    if (base + i < args.exact) s.exact_set = ShingleSet(art->text);
    t->build_cpu += b - a;
    t->sig_cpu += c - b;
    t->bytes += art->text.size();
    t->sentences += art->sentences.size();
  }
}

void SignBatch(std::vector<RawDocument>* batch, size_t base, const Args& args,
               std::vector<Signed>* all, Totals* totals) {
  std::vector<Signed> out(batch->size());
  std::vector<Totals> part(args.threads);
  std::vector<std::thread> workers;
  for (int t = 0; t < args.threads; ++t) {
    workers.emplace_back(SignPart, batch, &out, base, t, args.threads,
                         std::cref(args), &part[t]);
  }
  for (auto& w : workers) w.join();
  for (const auto& p : part) {
    totals->sig_cpu += p.sig_cpu;
    totals->build_cpu += p.build_cpu;
    totals->bytes += p.bytes;
    totals->sentences += p.sentences;
  }
  for (auto& s : out) {
    if (!s.id.empty()) all->push_back(std::move(s));
  }
  batch->clear();
}

using PairSet = std::set<std::pair<std::string, std::string>>;

// Exact all-pairs reference over the first `n` signed articles.
PairSet ExactPairs(const std::vector<Signed>& all, size_t n, double* secs) {
  double t0 = WallSeconds();
  PairSet truth;
  n = std::min(n, all.size());
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (ExactJaccard(all[i].exact_set, all[j].exact_set) >= 0.8) {
        truth.insert(std::minmax(all[i].id, all[j].id));
      }
    }
  }
  *secs = WallSeconds() - t0;
  return truth;
}

int Run(const Args& args) {
  std::vector<Signed> all;
  std::vector<RawDocument> batch;
  Totals totals;
  double wall0 = WallSeconds();
  ReadDocuments(
      {args.corpus}, IngestLimits{},
      [&](RawDocument&& d) {
        if (args.max && all.size() + batch.size() >= args.max) return;
        batch.push_back(std::move(d));
        if (batch.size() == 4096)
          SignBatch(&batch, all.size(), args, &all, &totals);
      },
      [](InputError&&) {});
  SignBatch(&batch, all.size(), args, &all, &totals);
  double read_wall = WallSeconds() - wall0;

  double t0 = WallSeconds();
  NearDuplicateIndex index;
  std::unordered_map<std::string, size_t> pos;
  for (size_t i = 0; i < all.size(); ++i) {
    pos[all[i].id] = i;
    (void)index.Add(all[i].id, all[i].sig);
  }
  double t1 = WallSeconds();
  auto pairs = index.Pairs(0.8);
  double t2 = WallSeconds();

  double exact_s = 0;
  PairSet truth = ExactPairs(all, args.exact, &exact_s);
  size_t found = 0, lsh_in_subset = 0;
  for (const auto& p : pairs) {
    if (pos[p.a] >= args.exact || pos[p.b] >= args.exact) continue;
    ++lsh_in_subset;
    found += truth.count(std::minmax(p.a, p.b));
  }
  double recall = truth.empty() ? 1.0 : double(found) / truth.size();
  double sig_2core = totals.sig_cpu / args.threads;
  std::printf(
      "{\"articles\": %zu, \"sentences\": %zu, \"threads\": %d, \"text_mb\": "
      "%.1f, "
      "\"signature_cpu_s\": %.3f, \"build_article_cpu_s\": %.3f, "
      "\"read_wall_s\": %.3f, \"index_add_s\": %.3f, \"pairs_s\": %.3f, "
      "\"lsh_pairs\": %zu, \"neardup_s_per_%dcores\": %.3f, "
      "\"exact_articles\": %zu, \"exact_all_pairs_s\": %.3f, "
      "\"exact_pairs\": %zu, \"lsh_pairs_in_subset\": %zu, "
      "\"recall\": %.4f}\n",
      all.size(), totals.sentences, args.threads, totals.bytes / 1e6,
      totals.sig_cpu, totals.build_cpu, read_wall, t1 - t0, t2 - t1,
      pairs.size(), args.threads, sig_2core + (t2 - t0),
      std::min(args.exact, all.size()), exact_s, truth.size(), lsh_in_subset,
      recall);
  return 0;
}

Args Parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--corpus") a.corpus = v;
    if (k == "--threads") a.threads = std::max(1, std::stoi(v));
    if (k == "--exact") a.exact = std::stoul(v);
    if (k == "--max") a.max = std::stoul(v);
    if (k == "--keep-shingles") a.keep_shingles = v != "0";
  }
  return a;
}

}  // namespace
}  // namespace sitrep::bench

int main(int argc, char** argv) {
  return sitrep::bench::Run(sitrep::bench::Parse(argc, argv));
}
