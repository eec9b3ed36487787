// Helpers shared by the pipeline tests: reading inputs and generating a
// corpus with bench/gen_corpus.py.
#ifndef SITREP_PIPELINE_PIPELINE_TEST_UTIL_H_
#define SITREP_PIPELINE_PIPELINE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "sitrep/ingest.h"

namespace sitrep::pipeline_test {

// Every document under `path`; read errors are ignored.
inline std::vector<RawDocument> Read(const std::string& path) {
  std::vector<RawDocument> docs;
  Status st = ReadDocuments(
      {path}, IngestLimits{},
      [&](RawDocument&& d) { docs.push_back(std::move(d)); },
      [](InputError&&) {});
  EXPECT_TRUE(st.ok()) << st.message();
  return docs;
}

// A generated corpus of `articles` (bench/gen_corpus.py) in a temp file
// named after `tag`, the process and `seed`; "" without python3.
inline std::string Generated(const std::string& tag, int articles, int seed) {
  std::string name = "sitrep_";
  name += tag;
  name += '_';
  name += std::to_string(getpid());
  name += '_';
  name += std::to_string(seed);
  name += ".jsonl";
  std::string out = (std::filesystem::temp_directory_path() / name).string();
  std::string cmd = "python3 " +
                    test_paths::SourcePath("/bench/gen_corpus.py") +
                    " --articles " + std::to_string(articles) + " --seed " +
                    std::to_string(seed) + " --out " + out + " 2>/dev/null";
  return std::system(cmd.c_str()) == 0 ? out : "";
}

}  // namespace sitrep::pipeline_test

#endif  // SITREP_PIPELINE_PIPELINE_TEST_UTIL_H_
