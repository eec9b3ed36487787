#include "store/schema.h"

#include <string>

namespace sitrep::store_internal {
namespace {

// 'sitr': marks the file as a sitrep database (PRAGMA application_id).
constexpr int kApplicationId = 0x73697472;

// v1: articles (immutable versions), their sentences and removed noise, and
// a full-text index over the current version of each article.
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE articles (
  pk              INTEGER PRIMARY KEY,
  id              TEXT    NOT NULL,
  version         INTEGER NOT NULL CHECK (version >= 1),
  content_hash    TEXT    NOT NULL,
  source_path     TEXT    NOT NULL,
  format          TEXT    NOT NULL,
  url             TEXT    NOT NULL,
  outlet          TEXT    NOT NULL,
  title           TEXT    NOT NULL,
  published       TEXT,
  date_origin     TEXT    NOT NULL,
  dateline_place  TEXT,
  dateline_outlet TEXT,
  dateline_year   INTEGER,
  dateline_month  INTEGER,
  dateline_day    INTEGER,
  dateline_begin  INTEGER,
  dateline_end    INTEGER,
  warnings        TEXT    NOT NULL,
  ingested_at     INTEGER NOT NULL,
  text            TEXT    NOT NULL,
  raw             BLOB    NOT NULL,
  offsets         BLOB    NOT NULL,
  UNIQUE (id, version)
);
CREATE INDEX articles_by_hash ON articles (content_hash);
CREATE TABLE sentences (
  article     INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  clean_begin INTEGER NOT NULL,
  clean_end   INTEGER NOT NULL,
  PRIMARY KEY (article, ordinal)
) WITHOUT ROWID;
CREATE TABLE removed (
  article   INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
  ordinal   INTEGER NOT NULL,
  kind      TEXT    NOT NULL,
  raw_begin INTEGER NOT NULL,
  raw_end   INTEGER NOT NULL,
  text      TEXT    NOT NULL,
  PRIMARY KEY (article, ordinal)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, text,
  content = 'articles', content_rowid = 'pk',
  tokenize = 'unicode61 remove_diacritics 2'
);
PRAGMA application_id = 1936290930;
)sql";

// v2: what the extractor found in each article (mentions, as JSON bodies,
// see doc/storage.md) and the merged events derived from all mentions.
constexpr char kSchemaV2[] = R"sql(
CREATE TABLE mentions (
  article_id TEXT    NOT NULL,
  ordinal    INTEGER NOT NULL,
  kind       TEXT    NOT NULL,
  event_type TEXT    NOT NULL,
  event_date TEXT,
  body       TEXT    NOT NULL,
  PRIMARY KEY (article_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE events (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  event_type TEXT NOT NULL,
  event_date TEXT,
  country    TEXT,
  latitude   REAL,
  longitude  REAL,
  fatalities INTEGER,
  json       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX events_by_date ON events (event_date);
CREATE TABLE event_articles (
  event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL,
  PRIMARY KEY (event_id, article_id)
) WITHOUT ROWID;
CREATE INDEX event_articles_by_article ON event_articles (article_id);
)sql";

// v3: countries whose events are stale because their mentions changed since
// events were last derived (written with the mentions, cleared with the
// events, so a crash in between leaves them marked).
constexpr char kSchemaV3[] = R"sql(
CREATE TABLE dirty_scopes (
  country TEXT PRIMARY KEY
) WITHOUT ROWID;
)sql";

// v4: each mention's scope (`Mention::Scope()`, its place's country), so
// that the derivation reads one group of scopes at a time (a full rebuild
// holds the mentions of the largest group, not of the whole store).
constexpr char kSchemaV4[] = R"sql(
ALTER TABLE mentions ADD COLUMN scope TEXT NOT NULL DEFAULT '';
UPDATE mentions SET scope = coalesce(json_extract(body, '$.loc.country'), '');
CREATE INDEX mentions_by_scope ON mentions (scope);
)sql";

// v5: the mentions of a scope by day (WindowedScopeMerge reads a scope's
// undated mentions, then its dated ones in day order, and its aggregates
// first; kind in the index answers that without the bodies).
constexpr char kSchemaV5[] = R"sql(
CREATE INDEX mentions_by_scope_day ON mentions (scope, event_date, kind);
)sql";

// v6: events as a rowid table. An event's json (about 1.2 KB) is over the
// ~1 KB a WITHOUT ROWID row keeps in its page, so each spilled into an
// overflow page of its own, mostly empty: the table took 3.7 times its
// json. event_articles refers to events, so it is copied aside and made
// again around the swap (dropping a parent would cascade to it).
constexpr char kSchemaV6[] = R"sql(
CREATE TABLE events_v6 (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  event_type TEXT NOT NULL,
  event_date TEXT,
  country    TEXT,
  latitude   REAL,
  longitude  REAL,
  fatalities INTEGER,
  json       TEXT NOT NULL
);
INSERT INTO events_v6 SELECT id, kind, event_type, event_date, country,
  latitude, longitude, fatalities, json FROM events ORDER BY id;
CREATE TEMP TABLE links_v6 AS SELECT event_id, article_id FROM event_articles;
DROP TABLE event_articles;
DROP TABLE events;
ALTER TABLE events_v6 RENAME TO events;
CREATE INDEX events_by_date ON events (event_date);
CREATE TABLE event_articles (
  event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL,
  PRIMARY KEY (event_id, article_id)
) WITHOUT ROWID;
INSERT INTO event_articles SELECT event_id, article_id FROM temp.links_v6
  ORDER BY 1, 2;
CREATE INDEX event_articles_by_article ON event_articles (article_id);
DROP TABLE temp.links_v6;
)sql";

// v7: mentions_by_scope goes. mentions_by_scope_day begins with scope, so
// every lookup by scope alone uses it as well; the second index only cost
// each stored mention an insert at a random page (ingest).
constexpr char kSchemaV7[] = R"sql(
DROP INDEX IF EXISTS mentions_by_scope;
)sql";

// v8: articles_by_hash goes. The one lookup by content hash asks for an
// id as well (an article already stored with these bytes), which the
// unique index on (id, version) finds; the hash index only cost each
// stored article an insert at a random page of a b-tree that outgrows the
// page cache (a 1M ingest: a page written to the WAL per article in each
// batch).
constexpr char kSchemaV8[] = R"sql(
DROP INDEX IF EXISTS articles_by_hash;
)sql";

constexpr Migration kMigrations[] = {
    {1, "articles, sentences, removed, full-text index", kSchemaV1},
    {2, "mentions, events, event_articles", kSchemaV2},
    {3, "dirty_scopes", kSchemaV3},
    {4, "mentions.scope and its index", kSchemaV4},
    {5, "mentions by (scope, event_date, kind)", kSchemaV5},
    {6, "events as a rowid table", kSchemaV6},
    {7, "no mentions_by_scope (mentions_by_scope_day serves scope)", kSchemaV7},
    {8, "no articles_by_hash (the (id, version) index serves)", kSchemaV8},
};

Status CheckIsSitrepDb(Db* db, int version) {
  SITREP_ASSIGN_OR_RETURN(Stmt app, db->Prepare("PRAGMA application_id"));
  SITREP_ASSIGN_OR_RETURN(bool row, app.Step());
  int64_t id = row ? app.Int(0) : 0;
  if (version > 0 && id != kApplicationId) {
    return Status::Corruption("not a sitrep database (application_id)");
  }
  if (version > 0) return Status::OK();
  SITREP_ASSIGN_OR_RETURN(Stmt tables,
                          db->Prepare("SELECT count(*) FROM sqlite_schema"));
  SITREP_ASSIGN_OR_RETURN(row, tables.Step());
  if (row && tables.Int(0) > 0) {
    return Status::Corruption("not a sitrep database (foreign tables)");
  }
  return Status::OK();
}

Status Apply(Db* db, const Migration& m) {
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db));
  // Another connection may have migrated while we waited for the lock.
  SITREP_ASSIGN_OR_RETURN(int current, SchemaVersion(db));
  if (current >= m.version) return txn->Commit();
  Status st = db->Exec(m.sql);
  // user_version cannot be a bound parameter; the value is our own integer.
  if (st.ok()) {
    st = db->Exec("PRAGMA user_version = " + std::to_string(m.version));
  }
  if (st.ok()) st = txn->Commit();
  return st.WithContext("schema migration " + std::to_string(m.version) + " (" +
                        m.name + ")");
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int LatestSchemaVersion() {
  return kMigrations[std::size(kMigrations) - 1].version;
}

Result<int> SchemaVersion(Db* db) {
  SITREP_ASSIGN_OR_RETURN(int64_t v, db->QueryInt("PRAGMA user_version"));
  return static_cast<int>(v);
}

Status MigrateTo(Db* db, std::span<const Migration> migrations, int version) {
  SITREP_ASSIGN_OR_RETURN(int current, SchemaVersion(db));
  int latest = migrations.empty() ? 0 : migrations.back().version;
  if (current > latest) {
    return Status::Corruption(
        "database schema version " + std::to_string(current) +
        " is newer than this sitrep knows (" + std::to_string(latest) + ")");
  }
  SITREP_RETURN_IF_ERROR(CheckIsSitrepDb(db, current));
  for (const Migration& m : migrations) {
    if (m.version <= current || m.version > version) continue;
    SITREP_RETURN_IF_ERROR(Apply(db, m));
  }
  return Status::OK();
}

Status Migrate(Db* db) {
  return MigrateTo(db, Migrations(), LatestSchemaVersion());
}

Status RestoreIndexes(Db* db) {
  SITREP_ASSIGN_OR_RETURN(
      int64_t present,
      db->QueryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                   "AND name IN ('mentions_by_scope_day', 'events_by_date', "
                   "'event_articles_by_article')"));
  if (present == 3) return Status::OK();
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db));
  // Another connection may have built them while we waited for the lock:
  // each statement is IF NOT EXISTS.
  Status st = db->Exec(kCreateMentionsByScopeDay);
  if (st.ok()) st = db->Exec(kCreateEventIndexes);
  if (st.ok()) st = txn->Commit();
  return st.WithContext("building dropped indexes");
}

}  // namespace sitrep::store_internal
