// The days an article's sentences tell, settled across sentences: "the
// next day" counted from the day told last, and the story's one event day.
// Part of MentionBuilder (see mention_builder.h).
#include <algorithm>

#include "extract/mention_builder.h"
#include "extract/mention_util.h"

namespace sitrep {

using namespace mention_util;  // NOLINT: this stage's own helpers

void MentionBuilder::ResolvePriors(SentenceFacts* f) const {
  constexpr size_t kReach = 5;  // sentences back
  std::optional<CivilDay> told;
  for (size_t back = 1; back <= kReach && back <= sentence_dates_.size();
       ++back) {
    const auto& d = sentence_dates_[sentence_dates_.size() - back];
    if (d && d->precision == DatePrecision::kDay) {
      told = d->day;
      break;
    }
  }
  for (auto& d : f->dates) {
    if (d.after_prior) {
      if (!told) continue;
      if (auto r = ResolvePrior(d, *told)) d = *r;
    } else if (EventDay(d) && d.precision == DatePrecision::kDay &&
               !ReportDate(*f, d)) {
      told = d.day;
    }
  }
}

// The story's day: the one event day its sentences name, if only one
// ("erupted on Sunday"), no later than its publication. A round-up of
// several days has none.
void MentionBuilder::SetStoryDay(
    const std::vector<std::pair<CivilDay, int>>& days) {
  if (!days.empty() && article_.published &&
      days.front().first.ToDays() <= article_.published->ToDays() &&
      std::all_of(days.begin(), days.end(), [&](const auto& d) {
        return d.first == days.front().first;
      })) {
    story_day_ = days.front();
  }
}

}  // namespace sitrep
