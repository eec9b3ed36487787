// HTML main-text extraction speed and output for the F1 comparison with
// Mozilla Readability (bench/peers/readability.js, scored by
// /work/shared/eval/extraction.py).
//
// Reads every page under --dir (.html.gz included, via ReadDocuments, not
// timed), then times ExtractHtml alone and BuildArticle (extraction +
// cleaning + sentences, what `sitrep ingest` stores) over all pages,
// --repeat times, CPU time of this thread. Writes {"id","text"} per page
// (BuildArticle's clean text) to --out and prints one JSON object.
//
// Usage: html_bench --dir DIR --out FILE.jsonl [--repeat 5]
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "sitrep/html.h"
#include "sitrep/ingest.h"
#include "sitrep/json_writer.h"

namespace sitrep::bench {
namespace {

int Run(const std::string& dir, const std::string& out_path, int repeat) {
  std::vector<RawDocument> docs;
  size_t bytes = 0;
  ReadDocuments(
      {dir}, IngestLimits{},
      [&](RawDocument&& d) {
        bytes += d.bytes.size();
        docs.push_back(std::move(d));
      },
      [](InputError&& e) {
        std::fprintf(stderr, "html_bench: %s: %s\n", e.where.c_str(),
                     e.status.ToString().c_str());
      });
  if (docs.empty()) return 1;
  double t0 = ThreadCpuSeconds();
  size_t ok = 0;
  for (int r = 0; r < repeat; ++r) {
    for (const auto& d : docs) ok += ExtractHtml(d.bytes).ok();
  }
  double t1 = ThreadCpuSeconds();
  std::string out;
  size_t built = 0;
  for (int r = 0; r < repeat; ++r) {
    for (const auto& d : docs) {
      auto a = BuildArticle(d, IngestLimits{});
      if (!a.ok() || r > 0) continue;
      ++built;
      JsonWriter w(&out);
      w.BeginObject();
      w.Key("id");
      w.String(a->id);
      w.Key("text");
      w.String(a->text);
      w.EndObject();
      out += '\n';
    }
  }
  double t2 = ThreadCpuSeconds();
  std::ofstream(out_path) << out;
  double n = double(docs.size()) * repeat;
  std::printf(
      "{\"pages\": %zu, \"html_mb\": %.2f, \"extracted\": %zu, "
      "\"built\": %zu, \"extract_html_pages_per_s\": %.1f, "
      "\"build_article_pages_per_s\": %.1f, \"extract_html_mb_per_s\": "
      "%.1f}\n",
      docs.size(), bytes / 1e6, ok / repeat, built, n / (t1 - t0),
      n / (t2 - t1), bytes * repeat / 1e6 / (t1 - t0));
  return 0;
}

}  // namespace
}  // namespace sitrep::bench

int main(int argc, char** argv) {
  std::string dir, out = "/dev/null";
  int repeat = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--dir") dir = v;
    if (k == "--out") out = v;
    if (k == "--repeat") repeat = std::max(1, std::stoi(v));
  }
  return sitrep::bench::Run(dir, out, repeat);
}
