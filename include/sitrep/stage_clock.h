// StageClock: where a long run spends its time. Wall and CPU seconds (the
// CPU of every thread of the process, and the part of it spent in the
// kernel), and the bytes read and written through system calls, per named
// stage, in the order the stages were first entered; a stage entered again
// adds to its own. The
// pipeline enters its stages (storing articles, near-duplicates, merging,
// ...) when given one; `sitrep ingest --timings` prints them. Stages are
// what the scaling benchmark compares across corpus sizes.
//
// Thread safety: one thread enters and reads the stages.
// Cost: three clock reads and one small /proc read per Enter/Stop.
#ifndef SITREP_STAGE_CLOCK_H_
#define SITREP_STAGE_CLOCK_H_

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep {

class StageClock {
 public:
  // The process's counters at one moment, from any fixed origins.
  struct Reading {
    double wall = 0, cpu = 0, sys = 0;   // seconds; sys is part of cpu
    double read_mb = 0, written_mb = 0;  // through read/write system calls
    Reading& operator+=(const Reading& r) {
      wall += r.wall, cpu += r.cpu, sys += r.sys;
      read_mb += r.read_mb, written_mb += r.written_mb;
      return *this;
    }
    Reading operator-(const Reading& r) const {
      return {wall - r.wall, cpu - r.cpu, sys - r.sys, read_mb - r.read_mb,
              written_mb - r.written_mb};
    }
  };
  struct Stage {
    std::string name;
    Reading spent;  // the counters' growth while in this stage
  };
  using Now = std::function<Reading()>;

  // The process's monotonic and CPU clocks, and on Linux its I/O counters
  // (/proc/self/io's rchar and wchar; elsewhere they stay 0).
  StageClock();
  // Another source of readings (tests: a fake clock).
  explicit StageClock(Now now) : now_(std::move(now)) {}

  // Ends the current stage, if any, and starts `name`.
  void Enter(std::string_view name);
  // Ends the current stage, if any.
  void Stop();
  // The stages, the current one as it stands now included.
  std::vector<Stage> stages() const;

 private:
  Now now_;
  std::vector<Stage> stages_;
  // Adds the time since the current stage was entered to *s.
  void AddElapsed(Stage* s) const;

  int current_ = -1;  // into stages_
  Reading start_;     // when the current stage was entered
};

}  // namespace sitrep

#endif  // SITREP_STAGE_CLOCK_H_
