// StageClock: where a long run spends its time. Wall and CPU seconds (the
// CPU of every thread of the process) per named stage, in the order the
// stages were first entered; a stage entered again adds to its own. The
// pipeline enters its stages (storing articles, near-duplicates, merging,
// ...) when given one; `sitrep ingest --timings` prints them. Stages are
// what the scaling benchmark compares across corpus sizes.
//
// Thread safety: one thread enters and reads the stages.
// Cost: two clock reads per Enter/Stop.
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
  struct Stage {
    std::string name;
    double wall = 0, cpu = 0;  // seconds
  };
  // Now, as (wall, CPU) seconds from any fixed origins.
  using Now = std::function<void(double* wall, double* cpu)>;

  // The process's monotonic and CPU clocks.
  StageClock();
  // Another source of time (tests: a fake clock).
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
  double wall0_ = 0, cpu0_ = 0;
};

}  // namespace sitrep

#endif  // SITREP_STAGE_CLOCK_H_
