// A one-line progress display on stderr for long runs (ingest, extract,
// report), redrawn at most every 100 ms. Silent unless stderr is a terminal
// and --quiet is off. Thread safety: one per command, main thread only.
#ifndef SITREP_CLI_PROGRESS_H_
#define SITREP_CLI_PROGRESS_H_

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

#include "sitrep/pipeline.h"

namespace sitrep::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled && isatty(2)) {}
  ~ProgressLine() { Finish(); }

  // "<verb>: N stored, N present, N failed  <where>".
  void Update(std::string_view verb, const IngestReport& r,
              std::string_view where) {
    if (!Due()) return;
    std::fprintf(stderr,
                 "\r\033[K%.*s: %lld stored, %lld present, %zu failed  %.50s",
                 static_cast<int>(verb.size()), verb.data(),
                 static_cast<long long>(r.inserted + r.versions),
                 static_cast<long long>(r.present), r.failures.size(),
                 std::string(where).c_str());
  }
  // A stage name ("merging events").
  void Stage(std::string_view what) {
    if (!enabled_) return;
    std::fprintf(stderr, "\r\033[K%.*s...", static_cast<int>(what.size()),
                 what.data());
    shown_ = true;
  }
  void Finish() {
    if (enabled_ && shown_) std::fputs("\r\033[K", stderr);
    shown_ = false;
  }

 private:
  bool Due() {
    if (!enabled_) return false;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return false;
    last_ = now;
    shown_ = true;
    return true;
  }
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace sitrep::cli

#endif  // SITREP_CLI_PROGRESS_H_
