// The store's schema as an append-only list of migrations.
//
// PRAGMA user_version holds the number of the last migration applied. Open()
// applies every later migration in order, each in its own transaction
// together with the user_version bump, so a crash leaves the database at a
// whole version.
//
// TO ADD A SCHEMA VERSION: write its SQL as a constant in schema.cc and
// append ONE line `{N, "what it adds", kSchemaVN},` to kMigrations there.
// Never edit or reorder a migration that has been released: databases in
// the field have already run it. doc/storage.md describes each version.
#ifndef SITREP_STORE_SCHEMA_H_
#define SITREP_STORE_SCHEMA_H_

#include <span>

#include "sitrep/status.h"
#include "store/db.h"

namespace sitrep::store_internal {

struct Migration {
  int version;       // 1, 2, 3, ... in order, no gaps
  const char* name;  // short description, shown in errors
  const char* sql;   // constant DDL/DML, several statements allowed
};

// All migrations, oldest first.
std::span<const Migration> Migrations();
// The version a fully migrated database has.
int LatestSchemaVersion();

// The secondary indexes of events and event_articles, as the latest
// version has them. A re-derivation that rewrites most events drops them
// and builds each again by one sort once its transaction has committed
// (store_staged.cc; RestoreIndexes).
inline constexpr char kDropEventIndexes[] =
    "DROP INDEX events_by_date; DROP INDEX event_articles_by_article;";
inline constexpr char kCreateEventIndexes[] =
    "CREATE INDEX IF NOT EXISTS events_by_date ON events (event_date);"
    "CREATE INDEX IF NOT EXISTS event_articles_by_article ON event_articles "
    "(article_id);";

// The index of mentions by scope and day (v5), as a bulk ingest drops and
// builds it again (Store::SuspendMentionIndex): v5's definition.
inline constexpr char kMentionsByScopeDay[] = "mentions_by_scope_day";
inline constexpr char kCreateMentionsByScopeDay[] =
    "CREATE INDEX IF NOT EXISTS mentions_by_scope_day ON mentions "
    "(scope, event_date, kind);";

// Builds the indexes a bulk ingest or a full re-derivation dropped, if
// any is missing (one sort of its table each), in one transaction; reads
// the schema only when none is. REQUIRES: the latest schema; no
// transaction open.
Status RestoreIndexes(Db* db);

// Reads PRAGMA user_version.
Result<int> SchemaVersion(Db* db);

// Brings `db` to the latest version. kCorruption when the database is newer
// than this build or is not a sitrep database.
Status Migrate(Db* db);
// Brings `db` to `version` using `migrations` (for tests).
Status MigrateTo(Db* db, std::span<const Migration> migrations, int version);

}  // namespace sitrep::store_internal

#endif  // SITREP_STORE_SCHEMA_H_
