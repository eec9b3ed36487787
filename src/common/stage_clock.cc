#include "sitrep/stage_clock.h"

#include <ctime>

namespace sitrep {
namespace {

double Seconds(clockid_t id) {
  timespec t{};
  clock_gettime(id, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

StageClock::StageClock()
    : now_([](double* wall, double* cpu) {
        *wall = Seconds(CLOCK_MONOTONIC);
        *cpu = Seconds(CLOCK_PROCESS_CPUTIME_ID);
      }) {}

void StageClock::Enter(std::string_view name) {
  Stop();
  int found = -1;
  for (size_t i = 0; i < stages_.size(); ++i) {
    if (stages_[i].name == name) found = static_cast<int>(i);
  }
  if (found < 0) {
    stages_.push_back({std::string(name), 0, 0});
    found = static_cast<int>(stages_.size()) - 1;
  }
  current_ = found;
  now_(&wall0_, &cpu0_);
}

void StageClock::AddElapsed(Stage* s) const {
  double wall = 0, cpu = 0;
  now_(&wall, &cpu);
  s->wall += wall - wall0_;
  s->cpu += cpu - cpu0_;
}

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
