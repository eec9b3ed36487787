#include "pipeline/window_derive.h"

namespace sitrep::pipeline_internal {

Status MergeStoredScope(Store* store, const std::string& scope,
                        const ArticleSet& skip, const MergeOptions& options,
                        CrossScopeParts* cross, const EventSink& sink,
                        WindowStats* stats) {
  WindowedScopeMerge w(options, cross, sink);
  SITREP_RETURN_IF_ERROR(
      store->ForEachMentionByDay(scope, true, [&](Mention&& m, bool held) {
        if (held || !skip.count(m.article_id)) w.WantParts(m);
        return Status::OK();
      }));
  SITREP_RETURN_IF_ERROR(
      store->ForEachMentionByDay(scope, false, [&](Mention&& m, bool held) {
        if (!held && skip.count(m.article_id)) return Status::OK();
        return w.Add(std::move(m));
      }));
  SITREP_RETURN_IF_ERROR(w.Finish());
  if (stats) *stats = w.stats();
  return Status::OK();
}

}  // namespace sitrep::pipeline_internal
