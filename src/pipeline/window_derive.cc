#include "pipeline/window_derive.h"

#include <algorithm>

namespace sitrep::pipeline_internal {

Status MergeStoredScope(Store* store, const std::string& scope,
                        const std::map<std::string, CivilDay>& skip,
                        std::vector<Mention> redated,
                        const MergeOptions& options, CrossScopeParts* cross,
                        const EventSink& sink, WindowStats* stats) {
  WindowedScopeMerge w(options, cross, sink);
  SITREP_RETURN_IF_ERROR(
      store->ForEachMentionByDay(scope, true, [&](Mention&& m) {
        if (!skip.count(m.article_id)) w.WantParts(m);
        return Status::OK();
      }));
  for (const Mention& m : redated) {
    if (m.kind == MentionKind::kAggregate) w.WantParts(m);
  }
  // The re-dated ones go in among the stored ones: undated first, then
  // by day.
  auto day = [](const Mention& m) {
    return m.date.valid() ? m.date.ToDays() : INT64_MIN;
  };
  std::stable_sort(
      redated.begin(), redated.end(),
      [&](const Mention& a, const Mention& b) { return day(a) < day(b); });
  size_t next = 0;
  auto add_redated_until = [&](int64_t d) {
    for (; next < redated.size() && day(redated[next]) <= d; ++next) {
      SITREP_RETURN_IF_ERROR(w.Add(std::move(redated[next])));
    }
    return Status::OK();
  };
  SITREP_RETURN_IF_ERROR(add_redated_until(INT64_MIN));
  SITREP_RETURN_IF_ERROR(
      store->ForEachMentionByDay(scope, false, [&](Mention&& m) {
        if (skip.count(m.article_id)) return Status::OK();
        if (m.date.valid()) {
          SITREP_RETURN_IF_ERROR(add_redated_until(m.date.ToDays()));
        }
        return w.Add(std::move(m));
      }));
  SITREP_RETURN_IF_ERROR(add_redated_until(INT64_MAX));
  std::vector<Mention>().swap(redated);
  SITREP_RETURN_IF_ERROR(w.Finish());
  if (stats) *stats = w.stats();
  return Status::OK();
}

}  // namespace sitrep::pipeline_internal
