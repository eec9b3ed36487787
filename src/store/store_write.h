// Writers shared by the Store methods of src/store that must run inside a
// transaction their caller already holds (atomic multi-table puts).
//
// Thread safety: as Db (one connection, one thread at a time).
#ifndef SITREP_STORE_STORE_WRITE_H_
#define SITREP_STORE_STORE_WRITE_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/event.h"
#include "sitrep/status.h"
#include "sitrep/store.h"
#include "store/db.h"

namespace sitrep::store_internal {

// Creates the temp table of held mentions (store_held.cc) if absent, and
// (`indexed`) its index by scope and day, for reading them by scope.
Status EnsureHeldTable(Db& db, bool indexed);
// The statement that fills temp.gathered (Store::GatherScopes), for tests
// of its query plan.
extern const char kGatherRows[];

// Replaces the mention rows of `article_id`. REQUIRES: a transaction is open.
Status WriteMentions(Db& db, std::string_view article_id,
                     const std::vector<Mention>& mentions);

// Replaces the events (and their event_articles) with `events`, writing
// only what differs. With `scopes`, only stored events of those countries
// ("" = no place) are replaced; others are left alone. REQUIRES: a
// transaction is open.
Status WriteEvents(Db& db, const std::vector<StoredEvent>& events,
                   const std::set<std::string>* scopes);

// Deletes the events `removed` and inserts or replaces `changed` (with
// their event_articles). REQUIRES: a transaction is open.
Status WriteEventDelta(Db& db, const std::vector<std::string>& removed,
                       const std::vector<StoredEvent>& changed);

// Runs `ins` (an INSERT of the nine events columns: id, kind, event_type,
// event_date, country, latitude, longitude, fatalities, json) for `e`,
// then `link` ((event_id, article_id)) once per article. Returns the rows
// `ins` changed (0 when an OR IGNORE insert met the id already there).
Result<int> WriteEventRow(Db& db, Stmt& ins, Stmt& link, const StoredEvent& e);

}  // namespace sitrep::store_internal

#endif  // SITREP_STORE_STORE_WRITE_H_
