// Fixtures shared by the store's tests. Test-only.
#ifndef SITREP_STORE_STORE_TEST_UTIL_H_
#define SITREP_STORE_STORE_TEST_UTIL_H_

#include <string>

#include "sitrep/event.h"

namespace sitrep::store_test {

// A mention of `article` placed in `country` only (no place when empty):
// its scope is the country.
inline Mention In(const std::string& article, const std::string& country) {
  Mention m;
  m.article_id = article;
  if (!country.empty()) {
    Location l;
    l.name = country;
    l.country = country;
    l.precision = "country";
    m.location = l;
  }
  return m;
}

}  // namespace sitrep::store_test

#endif  // SITREP_STORE_STORE_TEST_UTIL_H_
