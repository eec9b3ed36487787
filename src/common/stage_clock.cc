#include "sitrep/stage_clock.h"

#include <sys/resource.h>

#include <cstdio>
#include <ctime>

namespace sitrep {
namespace {

double Seconds(clockid_t id) {
  timespec t{};
  clock_gettime(id, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double Seconds(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
}

// rchar and wchar of /proc/self/io, in MB; 0 where there is no such file.
void ReadIo(double* read_mb, double* written_mb) {
  std::FILE* f = std::fopen("/proc/self/io", "r");
  if (f == nullptr) return;
  char line[128];
  unsigned long long v = 0;
  while (std::fgets(line, sizeof line, f) != nullptr) {
    if (std::sscanf(line, "rchar: %llu", &v) == 1) *read_mb = v / 1048576.0;
    if (std::sscanf(line, "wchar: %llu", &v) == 1) *written_mb = v / 1048576.0;
  }
  std::fclose(f);
}

StageClock::Reading ReadProcess() {
  StageClock::Reading r;
  r.wall = Seconds(CLOCK_MONOTONIC);
  r.cpu = Seconds(CLOCK_PROCESS_CPUTIME_ID);
  rusage u{};
  if (getrusage(RUSAGE_SELF, &u) == 0) r.sys = Seconds(u.ru_stime);
  ReadIo(&r.read_mb, &r.written_mb);
  return r;
}

}  // namespace

StageClock::StageClock() : now_(ReadProcess) {}

void StageClock::Enter(std::string_view name) {
  Stop();
  int found = -1;
  for (size_t i = 0; i < stages_.size(); ++i) {
    if (stages_[i].name == name) found = static_cast<int>(i);
  }
  if (found < 0) {
    stages_.push_back({std::string(name), {}});
    found = static_cast<int>(stages_.size()) - 1;
  }
  current_ = found;
  start_ = now_();
}

void StageClock::AddElapsed(Stage* s) const { s->spent += now_() - start_; }

void StageClock::Stop() {
  if (current_ < 0) return;
  AddElapsed(&stages_[current_]);
  current_ = -1;
}

std::vector<StageClock::Stage> StageClock::stages() const {
  std::vector<Stage> out = stages_;
  if (current_ >= 0) AddElapsed(&out[current_]);
  return out;
}

}  // namespace sitrep
