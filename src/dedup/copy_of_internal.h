// CopyOfCounts and ReferenceDatesOfCounts with each count's articles'
// infos already found (DedupBuilder::Finish knows them by doc number, so
// no id is looked up per count). Internal to src/dedup.
//
// Thread safety: pure functions. The views and pointers must outlive the
// call.
#ifndef SITREP_DEDUP_COPY_OF_INTERNAL_H_
#define SITREP_DEDUP_COPY_OF_INTERNAL_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sitrep/dedup.h"

namespace sitrep::dedup_internal {

// Id -> its info (the first, for a repeated id): views into the infos.
using InfoMap = std::unordered_map<std::string_view, const CopyInfo*>;
InfoMap IndexInfos(const std::vector<CopyInfo>& infos);

// The infos of shared[i].a and shared[i].b (as `info` finds them: null
// for an id without one).
using CountInfos = std::vector<std::pair<const CopyInfo*, const CopyInfo*>>;
CountInfos InfosOfCounts(const InfoMap& info,
                         const std::vector<SharedCount>& shared);

std::map<std::string, std::string> CopyOfFound(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedCount>& shared, const CountInfos& found,
    const InfoMap& info, const CopyOptions& options);
std::map<std::string, CivilDay> ReferenceDatesFound(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedCount>& shared, const CountInfos& found,
    const InfoMap& info);

}  // namespace sitrep::dedup_internal

#endif  // SITREP_DEDUP_COPY_OF_INTERNAL_H_
