// Store: mentions held for one derivation in this connection's temp schema
// (the re-dated mentions, Pipeline::Redate), and the keys of the mentions
// whose aggregates' parts may lie across scopes (CrossScopeParts).
//
// The held mentions live in SQLite's temp store (a temporary file with its
// own small page cache), as the staged events do (store_staged.cc), in
// EncodeMention's exact form: they decode to what was held.
#include <sqlite3.h>

#include <charconv>
#include <string>
#include <vector>

#include "sitrep/store.h"
#include "store/db.h"
#include "store/mention_codec.h"
#include "store/store_write.h"

namespace sitrep {

using store_internal::DecodeMention;
using store_internal::EncodeMention;
using store_internal::Stmt;

namespace {

// The held mentions are appended as they are re-dated, and indexed by
// scope and day only when first read by scope (EnsureHeldTable): filled
// through the index, each row was a random index page of the temp file
// with its 2 MiB cache (a 1M rebuild's re-dating wrote 7.9 GB for the
// few hundred MB it held). A full rebuild reads them by a scan
// (kGatherRows) and never builds it.
constexpr char kCreateHeld[] =
    "CREATE TEMP TABLE IF NOT EXISTS held_mentions (scope TEXT NOT NULL, "
    "kind TEXT NOT NULL, event_date TEXT, body TEXT NOT NULL);";
constexpr char kIndexHeld[] =
    "CREATE INDEX IF NOT EXISTS temp.held_by_scope_day ON held_mentions "
    "(scope, event_date);";

// The stored and held mentions of temp.gather_scopes by scope and day
// (undated first: NULL sorts low), in rowid order: read by scope and day
// through the index, the rows come page after page. The index is made
// before the rows go in: they come in its order, so each entry lands at
// its end (built after, it read the whole table back and sorted it).
constexpr char kGather[] =
    "CREATE TEMP TABLE gather_scopes (scope TEXT PRIMARY KEY) WITHOUT ROWID;"
    "CREATE TEMP TABLE gathered (scope TEXT NOT NULL, kind TEXT NOT NULL, "
    "event_date TEXT, held INTEGER NOT NULL, body TEXT NOT NULL);";
constexpr char kIndexGathered[] =
    "CREATE INDEX temp.gathered_by_scope_day ON gathered "
    "(scope, event_date, kind);";

}  // namespace

// Both tables are scanned and SQLite's sort orders the rows. The unary `+`
// keeps `scope` and `event_date` from naming index columns: given plain
// ones, SQLite read `mentions` through mentions_by_scope_day, NOT INDEXED
// notwithstanding (it merged the two arms of the UNION ALL in order), one
// random page read per mention (20.1 s for a 300k store instead of 8.3 s).
const char store_internal::kGatherRows[] =
    "INSERT INTO temp.gathered SELECT * FROM (SELECT scope, kind, "
    "event_date, 0, body FROM main.mentions NOT INDEXED WHERE +scope IN "
    "temp.gather_scopes UNION ALL SELECT scope, kind, event_date, 1, body "
    "FROM temp.held_mentions NOT INDEXED WHERE +scope IN temp.gather_scopes) "
    "ORDER BY +scope, +event_date;";

namespace {

constexpr char kDropGathered[] =
    "DROP TABLE IF EXISTS temp.gathered;"
    "DROP TABLE IF EXISTS temp.gather_scopes;";

// The ints of a JSON array of ints ("[1,2]"); NULL or "" gives none.
Status ParseInts(std::string_view json, std::vector<int>* out) {
  out->clear();
  const char* p = json.data();
  const char* end = p + json.size();
  while (p < end) {
    if (*p == '[' || *p == ']' || *p == ',' || *p == ' ') {
      ++p;
      continue;
    }
    int v = 0;
    auto r = std::from_chars(p, end, v);
    if (r.ec != std::errc()) {
      return Status::Corruption("stored mention has bad parts");
    }
    out->push_back(v);
    p = r.ptr;
  }
  return Status::OK();
}

}  // namespace

Status store_internal::EnsureHeldTable(Db& db, bool indexed) {
  SITREP_RETURN_IF_ERROR(db.Exec(kCreateHeld));
  if (!indexed) return Status::OK();
  SITREP_ASSIGN_OR_RETURN(
      int64_t present,
      db.QueryInt("SELECT count(*) FROM sqlite_temp_schema WHERE name = "
                  "'held_by_scope_day'"));
  if (present) return Status::OK();
  store_internal::SmallSorts small(&db, store_internal::kSortKiB);
  return db.Exec(kIndexHeld);
}

Status Store::ClearHeldMentions() {
  SITREP_RETURN_IF_ERROR(store_internal::EnsureHeldTable(*db_, false));
  gathered_.clear();
  SITREP_RETURN_IF_ERROR(db_->Exec(kDropGathered));
  return db_->Exec(
      "DROP INDEX IF EXISTS temp.held_by_scope_day;"
      "DELETE FROM temp.held_mentions;");
}

Status Store::GatherScopes(const std::vector<std::string>& scopes) {
  SITREP_RETURN_IF_ERROR(store_internal::EnsureHeldTable(*db_, false));
  gathered_.clear();
  SITREP_RETURN_IF_ERROR(db_->Exec(kDropGathered));
  SITREP_RETURN_IF_ERROR(db_->Exec(kGather));
  SITREP_ASSIGN_OR_RETURN(
      Stmt s, db_->Prepare("INSERT OR IGNORE INTO temp.gather_scopes (scope) "
                           "VALUES (?)"));
  for (const std::string& scope : scopes) {
    s.Reset();
    SITREP_RETURN_IF_ERROR(s.Bind(1, scope).Run());
  }
  {
    store_internal::SmallSorts small(db_.get(), store_internal::kSortKiB);
    SITREP_RETURN_IF_ERROR(db_->Exec(kIndexGathered));
    SITREP_RETURN_IF_ERROR(db_->Exec(store_internal::kGatherRows));
  }
  gathered_.insert(scopes.begin(), scopes.end());
  return Status::OK();
}

Status Store::HoldMentions(std::span<const Mention> mentions) {
  if (mentions.empty()) return Status::OK();
  SITREP_ASSIGN_OR_RETURN(
      Stmt s, db_->Prepare("INSERT INTO temp.held_mentions (scope, kind, "
                           "event_date, body) VALUES (?, ?, ?, ?)"));
  for (const Mention& m : mentions) {
    s.Reset();
    SITREP_RETURN_IF_ERROR(
        s.Bind(1, m.Scope())
            .Bind(2, MentionKindName(m.kind))
            .BindTextOrNull(3, m.date.valid() ? m.date.ToIso() : "")
            .Bind(4, EncodeMention(m, /*exact=*/true))
            .Run());
  }
  return Status::OK();
}

Status Store::ForEachKeyAcrossScopes(
    const std::function<Status(const MentionKey&)>& fn) {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s,
      db_->Prepare(
          "SELECT article_id, scope, kind = 'aggregate', CASE kind WHEN "
          "'aggregate' THEN json_extract(body, '$.parts') END FROM mentions "
          "WHERE article_id IN (SELECT article_id FROM mentions WHERE "
          "article_id IN (SELECT article_id FROM mentions WHERE kind = "
          "'aggregate') GROUP BY article_id HAVING count(DISTINCT scope) > 1) "
          "ORDER BY article_id, ordinal"));
  MentionKey key;
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::OK();
    key.article_id.assign(s.Text(0));
    key.scope.assign(s.Text(1));
    key.aggregate = s.Int(2) != 0;
    SITREP_RETURN_IF_ERROR(ParseInts(s.Text(3), &key.parts));
    SITREP_RETURN_IF_ERROR(fn(key));
  }
}

}  // namespace sitrep
