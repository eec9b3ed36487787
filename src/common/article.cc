#include "sitrep/article.h"

namespace sitrep {

const char* DateOriginName(DateOrigin o) {
  switch (o) {
    case DateOrigin::kNone:
      return "none";
    case DateOrigin::kMetadata:
      return "metadata";
    case DateOrigin::kDateline:
      return "date-line";
    case DateOrigin::kDatelineInferredYear:
      return "dateline+inferred-year";
    case DateOrigin::kCluster:
      return "cluster";
  }
  return "none";
}

std::optional<DateOrigin> ParseDateOrigin(std::string_view s) {
  for (DateOrigin o :
       {DateOrigin::kNone, DateOrigin::kMetadata, DateOrigin::kDateline,
        DateOrigin::kDatelineInferredYear, DateOrigin::kCluster}) {
    if (s == DateOriginName(o)) return o;
  }
  return std::nullopt;
}

}  // namespace sitrep
