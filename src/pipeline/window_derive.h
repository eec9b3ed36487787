// One stored scope merged in day windows (WindowedScopeMerge).
#ifndef SITREP_PIPELINE_WINDOW_DERIVE_H_
#define SITREP_PIPELINE_WINDOW_DERIVE_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sitrep/store.h"
#include "sitrep/window_merge.h"

namespace sitrep::pipeline_internal {

// Ids of articles, looked up once per mention read: hashed.
using ArticleSet = std::unordered_set<std::string_view>;

// The events of `scope` from the store's mentions of it but those of the
// articles in `skip` (re-dated), and its held mentions (the re-dated ones,
// Store::HoldMentions), as MergeScopeStreaming makes them from all of these
// at once, holding only the clusters a later day may change.
Status MergeStoredScope(Store* store, const std::string& scope,
                        const ArticleSet& skip, const MergeOptions& options,
                        CrossScopeParts* cross, const EventSink& sink,
                        WindowStats* stats = nullptr);

}  // namespace sitrep::pipeline_internal

#endif  // SITREP_PIPELINE_WINDOW_DERIVE_H_
