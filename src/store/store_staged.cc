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
#include "store/schema.h"
#include "store/store_write.h"

namespace sitrep {

using store_internal::Db;
using store_internal::Stmt;
using store_internal::Transaction;

namespace {

constexpr int kOptimisticAttempts = 3;  // as ReplaceDirtyEvents

// The stage is written in the order events are made (appended, rowid
// tables: their ids are hashes, so a table keyed by id would take each
// event as a random page of a temp file with a 2 MB cache). The index on
// the ids is built once, by SQLite's sort, when the stage is full.
constexpr char kCreateStage[] =
    "CREATE TEMP TABLE IF NOT EXISTS staged_events (id TEXT NOT NULL, "
    "kind TEXT, event_type TEXT, event_date TEXT, country TEXT, "
    "latitude REAL, longitude REAL, fatalities INTEGER, json TEXT);"
    "CREATE TEMP TABLE IF NOT EXISTS staged_links (event_id TEXT, "
    "article_id TEXT);"
    "CREATE TEMP TABLE IF NOT EXISTS staged_scopes (country TEXT PRIMARY "
    "KEY) WITHOUT ROWID;"
    "DROP INDEX IF EXISTS temp.staged_by_id;"
    "DELETE FROM temp.staged_events; DELETE FROM temp.staged_links;"
    "DELETE FROM temp.staged_scopes;";
constexpr char kDropStage[] =
    "DROP INDEX IF EXISTS temp.staged_by_id;"
    "DELETE FROM temp.staged_events; DELETE FROM temp.staged_links;"
    "DELETE FROM temp.staged_scopes;";

// Indexes the full stage by id. kInternal when two derived events share
// an id (as WriteEvents).
Status IndexStage(Db& db) {
  store_internal::SmallSorts small(&db, store_internal::kSortKiB);
  Status st =
      db.Exec("CREATE UNIQUE INDEX temp.staged_by_id ON staged_events (id);");
  if (st.ok()) return st;
  SITREP_ASSIGN_OR_RETURN(
      Stmt dup, db.Prepare("SELECT id FROM temp.staged_events GROUP BY id "
                           "HAVING count(*) > 1 LIMIT 1"));
  SITREP_ASSIGN_OR_RETURN(bool row, dup.Step());
  if (!row) return st;
  return Status::Internal("two derived events share the id " +
                          std::string(dup.Text(0)));
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
    SITREP_ASSIGN_OR_RETURN(Stmt ins,
                            db.Prepare("INSERT INTO temp.staged_events (id, "
                                       "kind, event_type, event_date, country, "
                                       "latitude, longitude, fatalities, json) "
                                       "VALUES (?,?,?,?,?,?,?,?,?)"));
    SITREP_ASSIGN_OR_RETURN(
        Stmt link, db.Prepare("INSERT INTO temp.staged_links (event_id, "
                              "article_id) VALUES (?, ?)"));
    SITREP_RETURN_IF_ERROR(derive(scopes, [&](const StoredEvent& e) {
      return store_internal::WriteEventRow(db, ins, link, e).status();
    }));
    return IndexStage(db);
  }();
  if (!st.ok()) {
    (void)db.Exec("ROLLBACK TO stage; RELEASE stage");
    return st;
  }
  return db.Exec("RELEASE stage");
}

// The diff of WriteEvents (with scopes) in SQL: stored events of the
// scopes that were not derived go; derived events that are new or differ
// are (re)written with their links, in id order (SQLite sorts them: the
// tables' pages are then written in key order, not one random page per
// event; the links are sorted before their events are looked up, so that
// the lookups walk staged_by_id in order too); then the scopes' marks are
// cleared. In two parts: the stage left after the first decides how the
// second writes (RebuildsIndexes).
// REQUIRES: a transaction is open.
constexpr char kApplyStageDrop[] =
    "DELETE FROM events WHERE coalesce(country, '') IN "
    "(SELECT country FROM temp.staged_scopes) AND id NOT IN "
    "(SELECT id FROM temp.staged_events);"
    "DELETE FROM temp.staged_events WHERE id IN (SELECT s.id FROM "
    "temp.staged_events s JOIN events e ON e.id = s.id AND e.json = s.json);";
constexpr char kApplyStageWrite[] =
    "DELETE FROM event_articles WHERE event_id IN "
    "(SELECT id FROM temp.staged_events);"
    "INSERT OR REPLACE INTO events (id, kind, event_type, event_date, "
    "country, latitude, longitude, fatalities, json) SELECT id, kind, "
    "event_type, event_date, country, latitude, longitude, fatalities, json "
    "FROM temp.staged_events NOT INDEXED ORDER BY id;"
    "WITH links AS MATERIALIZED (SELECT event_id, article_id FROM "
    "temp.staged_links ORDER BY 1, 2) "
    "INSERT OR IGNORE INTO event_articles (event_id, article_id) SELECT "
    "event_id, article_id FROM links WHERE event_id IN "
    "(SELECT id FROM temp.staged_events);"
    "DELETE FROM dirty_scopes WHERE country IN "
    "(SELECT country FROM temp.staged_scopes);";

// Whether what is left of the stage once the unchanged events are dropped
// rewrites most events (a full rebuild): then each of the two secondary
// indexes is built again by one sort after the writes, rather than taking
// every row as an insert at a random page. The stage is counted first, so
// that a small one (an incremental ingest) never counts the events.
constexpr int64_t kRebuildIndexesMin = 10000;

Result<bool> RebuildsIndexes(Db& db) {
  SITREP_ASSIGN_OR_RETURN(
      int64_t staged, db.QueryInt("SELECT count(*) FROM temp.staged_events"));
  if (staged < kRebuildIndexesMin) return false;
  SITREP_ASSIGN_OR_RETURN(int64_t stored,
                          db.QueryInt("SELECT count(*) FROM events"));
  return 2 * staged >= stored;
}

// Whether it dropped the secondary indexes: the caller builds them again
// once the transaction has committed (Commit). Built inside it, each sort
// read the new events back from the WAL, where the transaction's pages
// are: SQLite looks a page up there through one hash table per 4,096
// frames, so a read cost as the transaction's size (14% of a 1M-article
// store's event writing). Committed, the pages are checkpointed into the
// database first (wal_autocheckpoint). Meanwhile readers see every event,
// read without those indexes; a store left without them (killed between)
// gets them back from RestoreIndexes at the next ingest or rebuild.
Result<bool> ApplyStage(Db& db) {
  store_internal::SmallSorts small(&db, store_internal::kSortKiB);
  SITREP_RETURN_IF_ERROR(db.Exec(kApplyStageDrop));
  SITREP_ASSIGN_OR_RETURN(bool rebuild, RebuildsIndexes(db));
  if (rebuild) {
    SITREP_RETURN_IF_ERROR(db.Exec(store_internal::kDropEventIndexes));
  }
  SITREP_RETURN_IF_ERROR(db.Exec(kApplyStageWrite));
  SITREP_RETURN_IF_ERROR(db.Exec(kDropStage));
  return rebuild;
}

// Commits what ApplyStage wrote, then builds the indexes it dropped.
Status Commit(Db& db, Transaction& txn, bool dropped) {
  SITREP_RETURN_IF_ERROR(txn.Commit());
  if (!dropped) return Status::OK();
  store_internal::SmallSorts small(&db, store_internal::kSortKiB);
  return store_internal::RestoreIndexes(&db);
}

}  // namespace

Status Store::ReplaceDirtyEventsStreamed(const StreamedDeriveFn& derive) {
  for (int attempt = 0; attempt < kOptimisticAttempts; ++attempt) {
    SITREP_ASSIGN_OR_RETURN(int64_t before, DataVersion());
    SITREP_ASSIGN_OR_RETURN(std::vector<std::string> scopes, DirtyScopes());
    if (scopes.empty()) return Status::OK();
    SITREP_RETURN_IF_ERROR(Stage(*db_, scopes, derive));
    SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
    SITREP_ASSIGN_OR_RETURN(int64_t after, DataVersion());
    if (after != before) continue;  // rolled back by txn's destructor
    SITREP_ASSIGN_OR_RETURN(bool dropped, ApplyStage(*db_));
    return Commit(*db_, *txn, dropped);
  }
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
  SITREP_ASSIGN_OR_RETURN(std::vector<std::string> scopes, DirtyScopes());
  SITREP_RETURN_IF_ERROR(Stage(*db_, scopes, derive));
  SITREP_ASSIGN_OR_RETURN(bool dropped, ApplyStage(*db_));
  return Commit(*db_, *txn, dropped);
}

}  // namespace sitrep
