// Store: re-deriving the dirty scopes' events through a staging table, so
// that no caller holds every derived event at once.
//
// The staged events live in this connection's temp schema (SQLite's temp
// store: a temporary file with its own small page cache). Staging writes
// only there, inside a savepoint: outside a transaction that is a deferred
// one, which takes no write lock on the main database and reads it from
// one snapshot.
#include <sqlite3.h>

#include <string>
#include <vector>

#include "sitrep/store.h"
#include "store/db.h"
#include "store/store_write.h"

namespace sitrep {

using store_internal::Db;
using store_internal::Stmt;
using store_internal::Transaction;

namespace {

constexpr int kOptimisticAttempts = 3;  // as ReplaceDirtyEvents

Result<int64_t> DataVersionOf(Db& db) {
  SITREP_ASSIGN_OR_RETURN(Stmt s, db.Prepare("PRAGMA data_version"));
  SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::Internal("PRAGMA data_version returned no row");
  return s.Int(0);
}

constexpr char kCreateStage[] =
    "CREATE TEMP TABLE IF NOT EXISTS staged_events (id TEXT PRIMARY KEY, "
    "kind TEXT, event_type TEXT, event_date TEXT, country TEXT, "
    "latitude REAL, longitude REAL, fatalities INTEGER, json TEXT) "
    "WITHOUT ROWID;"
    "CREATE TEMP TABLE IF NOT EXISTS staged_links (event_id TEXT, "
    "article_id TEXT);"
    "CREATE TEMP TABLE IF NOT EXISTS staged_scopes (country TEXT PRIMARY "
    "KEY) WITHOUT ROWID;"
    "DELETE FROM temp.staged_events; DELETE FROM temp.staged_links;"
    "DELETE FROM temp.staged_scopes;";

constexpr char kDropStage[] =
    "DELETE FROM temp.staged_events; DELETE FROM temp.staged_links;"
    "DELETE FROM temp.staged_scopes;";

// Writes one event into the stage. kInternal when its id is staged already
// (as WriteEvents: two derived events share an id).
Status StageEvent(Db& db, Stmt& ins, Stmt& link, const StoredEvent& e) {
  SITREP_ASSIGN_OR_RETURN(int changed,
                          store_internal::WriteEventRow(db, ins, link, e));
  if (changed == 0) {
    return Status::Internal("two derived events share the id " + e.id);
  }
  return Status::OK();
}

// Fills the stage with the scopes and what `derive` hands over.
Status Stage(Db& db, const std::vector<std::string>& scopes,
             const Store::StreamedDeriveFn& derive) {
  SITREP_RETURN_IF_ERROR(db.Exec(kCreateStage));
  SITREP_RETURN_IF_ERROR(db.Exec("SAVEPOINT stage"));
  Status st = [&]() -> Status {
    SITREP_ASSIGN_OR_RETURN(
        Stmt scope,
        db.Prepare("INSERT INTO temp.staged_scopes (country) VALUES (?)"));
    for (const std::string& s : scopes) {
      scope.Reset();
      SITREP_RETURN_IF_ERROR(scope.Bind(1, s).Run());
    }
    SITREP_ASSIGN_OR_RETURN(
        Stmt ins, db.Prepare("INSERT OR IGNORE INTO temp.staged_events (id, "
                             "kind, event_type, event_date, country, "
                             "latitude, longitude, fatalities, json) "
                             "VALUES (?,?,?,?,?,?,?,?,?)"));
    SITREP_ASSIGN_OR_RETURN(
        Stmt link, db.Prepare("INSERT INTO temp.staged_links (event_id, "
                              "article_id) VALUES (?, ?)"));
    return derive(scopes, [&](const StoredEvent& e) {
      return StageEvent(db, ins, link, e);
    });
  }();
  if (!st.ok()) {
    (void)db.Exec("ROLLBACK TO stage; RELEASE stage");
    return st;
  }
  return db.Exec("RELEASE stage");
}

// The diff of WriteEvents (with scopes) in SQL: stored events of the
// scopes that were not derived go; derived events that are new or differ
// are (re)written with their links; then the scopes' marks are cleared.
// REQUIRES: a transaction is open.
constexpr char kApplyStage[] =
    "DELETE FROM events WHERE coalesce(country, '') IN "
    "(SELECT country FROM temp.staged_scopes) AND id NOT IN "
    "(SELECT id FROM temp.staged_events);"
    "DELETE FROM temp.staged_events WHERE id IN (SELECT s.id FROM "
    "temp.staged_events s JOIN events e ON e.id = s.id AND e.json = s.json);"
    "DELETE FROM event_articles WHERE event_id IN "
    "(SELECT id FROM temp.staged_events);"
    "INSERT OR REPLACE INTO events (id, kind, event_type, event_date, "
    "country, latitude, longitude, fatalities, json) SELECT id, kind, "
    "event_type, event_date, country, latitude, longitude, fatalities, json "
    "FROM temp.staged_events;"
    "INSERT OR IGNORE INTO event_articles (event_id, article_id) SELECT "
    "event_id, article_id FROM temp.staged_links WHERE event_id IN "
    "(SELECT id FROM temp.staged_events);"
    "DELETE FROM dirty_scopes WHERE country IN "
    "(SELECT country FROM temp.staged_scopes);";

Status ApplyStage(Db& db) {
  SITREP_RETURN_IF_ERROR(db.Exec(kApplyStage));
  return db.Exec(kDropStage);
}

}  // namespace

Status Store::ReplaceDirtyEventsStreamed(const StreamedDeriveFn& derive) {
  for (int attempt = 0; attempt < kOptimisticAttempts; ++attempt) {
    SITREP_ASSIGN_OR_RETURN(int64_t before, DataVersionOf(*db_));
    SITREP_ASSIGN_OR_RETURN(std::vector<std::string> scopes, DirtyScopes());
    if (scopes.empty()) return Status::OK();
    SITREP_RETURN_IF_ERROR(Stage(*db_, scopes, derive));
    SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
    SITREP_ASSIGN_OR_RETURN(int64_t after, DataVersionOf(*db_));
    if (after != before) continue;  // rolled back by txn's destructor
    SITREP_RETURN_IF_ERROR(ApplyStage(*db_));
    return txn->Commit();
  }
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
  SITREP_ASSIGN_OR_RETURN(std::vector<std::string> scopes, DirtyScopes());
  SITREP_RETURN_IF_ERROR(Stage(*db_, scopes, derive));
  SITREP_RETURN_IF_ERROR(ApplyStage(*db_));
  return txn->Commit();
}

}  // namespace sitrep
