// ResolvePublicationDate: the publication date from what cleaning found.
#include "sitrep/clean.h"

namespace sitrep {
namespace {

constexpr int64_t kMaxInferenceGapDays = 366;

// The year that puts month/day on or after an evidence date and closest to
// it (within a year); 0 when no evidence date allows one.
int InferYear(int month, int day, const std::vector<CivilDay>& evidence) {
  int best_year = 0;
  int64_t best_gap = kMaxInferenceGapDays + 1;
  for (const CivilDay& e : evidence) {
    if (!e.complete() || !e.valid()) continue;
    bool same_year = month > e.month || (month == e.month && day >= e.day);
    CivilDay cand{same_year ? e.year : e.year + 1, month, day};
    if (!cand.valid()) continue;
    int64_t gap = cand.ToDays() - e.ToDays();
    if (gap >= 0 && gap < best_gap) {
      best_gap = gap;
      best_year = cand.year;
    }
  }
  return best_year;
}

}  // namespace

PublicationDate ResolvePublicationDate(const CleanText& clean) {
  if (clean.metadata_date && clean.metadata_date->complete() &&
      clean.metadata_date->valid()) {
    return {clean.metadata_date, DateOrigin::kMetadata};
  }
  if (clean.dateline) {
    const CivilDay& d = clean.dateline->date;
    if (d.complete() && d.valid()) return {d, DateOrigin::kDateline};
    if (d.month != 0 && d.day != 0) {
      // A month-only metadata line ("date 2019-11") of the dateline's month
      // gives its year.
      const std::optional<CivilDay>& m = clean.metadata_date;
      int year = m && m->year != 0 && m->month == d.month ? m->year : 0;
      if (year != 0 && !CivilDay{year, d.month, d.day}.valid()) year = 0;
      if (year == 0) year = InferYear(d.month, d.day, clean.evidence_dates);
      if (year != 0) {
        return {CivilDay{year, d.month, d.day},
                DateOrigin::kDatelineInferredYear};
      }
    }
  }
  return {std::nullopt, DateOrigin::kNone};
}

}  // namespace sitrep
