// Fuzzes ReadDocuments + BuildArticle (include/sitrep/ingest.h) on one input
// file: the fuzz input is written to a temporary file whose extension
// (SITREP_FUZZ_EXT, set per target by fuzz/CMakeLists.txt: .jsonl, .warc,
// .txt.gz, .tar, .zip) picks the reader, exactly as for a user's file. Every
// document read is built and checked; every error must name where it is.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_check.h"
#include "sitrep/ingest.h"

#ifndef SITREP_FUZZ_EXT
#error "SITREP_FUZZ_EXT must be defined (e.g. \".jsonl\")"
#endif

namespace {

// A per-process file name in $TMPDIR (or /tmp), removed at exit.
const std::string& TempPath() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    std::string p = std::string(dir && *dir ? dir : "/tmp") + "/sitrep_fuzz_" +
                    std::to_string(getpid()) + SITREP_FUZZ_EXT;
    std::atexit([] { std::remove(TempPath().c_str()); });
    return p;
  }();
  return path;
}

bool WriteFile(const std::string& path, const uint8_t* data, size_t size) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  bool ok = std::fwrite(data, 1, size, f) == size;
  return std::fclose(f) == 0 && ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep;
  const std::string& path = TempPath();
  if (!WriteFile(path, data, size)) {
    std::perror(path.c_str());
    std::abort();
  }
  // Small budgets: the same code paths, found with far less work.
  IngestLimits limits;
  limits.max_document_bytes = 256u << 10;
  limits.max_expanded_bytes = 8u << 20;
  limits.max_line_bytes = 512u << 10;
  int docs = 0;
  Status st = ReadDocuments(
      {path}, limits,
      [&](RawDocument&& doc) {
        ++docs;
        FUZZ_CHECK(doc.bytes.size() <= limits.max_document_bytes);
        FUZZ_CHECK(doc.source_path.starts_with(path));
        if (doc.date) fuzz::CheckDay(*doc.date);
        Result<Article> a = BuildArticle(std::move(doc), limits);
        if (a.ok()) fuzz::CheckArticle(*a);
      },
      [&](InputError&& err) {
        FUZZ_CHECK(!err.status.ok());
        FUZZ_CHECK(err.where.starts_with(path));
        FUZZ_CHECK(!err.status.message().empty());
      });
  FUZZ_CHECK(st.ok());
  return 0;
}
