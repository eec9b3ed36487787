#include "sitrep/event.h"

namespace sitrep {

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kKilled: return "fatalities";
    case Outcome::kInjured: return "injuries";
    case Outcome::kArrested: return "arrests";
    case Outcome::kMissing: return "missing";
  }
  return "fatalities";
}

const char* MentionKindName(MentionKind k) {
  switch (k) {
    case MentionKind::kIncident: return "incident";
    case MentionKind::kAggregate: return "aggregate";
    case MentionKind::kTally: return "tally";
  }
  return "incident";
}

const Figure* Mention::FigureFor(Outcome o) const {
  for (const auto& f : figures) {
    if (f.outcome == o && !f.implausible) return &f;
  }
  return nullptr;
}

Figure* Mention::FigureFor(Outcome o) {
  for (auto& f : figures) {
    if (f.outcome == o && !f.implausible) return &f;
  }
  return nullptr;
}

}  // namespace sitrep
