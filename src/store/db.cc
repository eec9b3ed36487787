#include "store/db.h"

#include <sqlite3.h>

#include <string>

namespace sitrep::store_internal {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// The start of a statement, to name it in an error message.
std::string ShortSql(const char* sql) {
  std::string_view s = sql ? sql : "";
  if (s.size() <= 48) return std::string(s);
  return std::string(s.substr(0, 45)) + "...";
}

// Switching a new file to WAL needs an exclusive lock, and SQLite does not
// call the busy handler for it: two processes creating one database at once
// (concurrent ingests) would fail with "database is locked". Retry instead.
int EnableWal(sqlite3* db) {
  int rc = SQLITE_OK;
  for (int waited = 0; waited <= kBusyTimeoutMs; waited += 10) {
    rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED) break;
    sqlite3_sleep(10);
  }
  return rc;
}

}  // namespace

Status SqliteStatus(sqlite3* db, int rc, std::string_view what) {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) {
    return Status::OK();
  }
  std::string m(what);
  m += ": ";
  // sqlite3_errmsg describes the last failed call on `db`; sqlite3_errstr
  // describes the code alone (used when there is no connection).
  m += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
      return Status::Corruption(std::move(m));
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IOError(std::move(m));
    case SQLITE_NOMEM:
    case SQLITE_TOOBIG:
      return Status::ResourceExhausted(std::move(m));
    case SQLITE_CONSTRAINT:
      return Status::AlreadyExists(std::move(m));
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return Status::InvalidArgument(std::move(m));
    default:
      return Status::Internal(std::move(m));
  }
}

// ---- Stmt ------------------------------------------------------------------

Stmt::Stmt(Stmt&& o) noexcept : db_(o.db_), s_(o.s_), bind_rc_(o.bind_rc_) {
  o.s_ = nullptr;
}

Stmt::~Stmt() {
  if (s_ == nullptr) return;
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
}

Stmt& Stmt::Bind(int i, int64_t v) {
  int rc = sqlite3_bind_int64(s_, i, v);
  if (rc != SQLITE_OK && bind_rc_ == 0) bind_rc_ = rc;
  return *this;
}

Stmt& Stmt::BindDouble(int i, double v) {
  int rc = sqlite3_bind_double(s_, i, v);
  if (rc != SQLITE_OK && bind_rc_ == 0) bind_rc_ = rc;
  return *this;
}

Stmt& Stmt::Bind(int i, std::string_view text) {
  int rc = sqlite3_bind_text64(s_, i, text.data(), text.size(),
                               SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_rc_ == 0) bind_rc_ = rc;
  return *this;
}

Stmt& Stmt::BindBlob(int i, std::string_view bytes) {
  // A zero-length blob must still be a blob, not NULL: pass a non-null ptr.
  static const char kEmpty = 0;
  const char* p = bytes.empty() ? &kEmpty : bytes.data();
  int rc = sqlite3_bind_blob64(s_, i, p, bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_rc_ == 0) bind_rc_ = rc;
  return *this;
}

Stmt& Stmt::BindNull(int i) {
  int rc = sqlite3_bind_null(s_, i);
  if (rc != SQLITE_OK && bind_rc_ == 0) bind_rc_ = rc;
  return *this;
}

Result<bool> Stmt::Step() {
  if (bind_rc_ != 0) return SqliteStatus(nullptr, bind_rc_, "bind");
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteStatus(db_, rc, ShortSql(sqlite3_sql(s_)));
}

void Stmt::Reset() {
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
  bind_rc_ = 0;
}

Status Stmt::Run() {
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::OK();
  }
}

int64_t Stmt::Int(int col) const { return sqlite3_column_int64(s_, col); }

double Stmt::Double(int col) const { return sqlite3_column_double(s_, col); }

std::string_view Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(s_, col);
  int n = sqlite3_column_bytes(s_, col);
  if (p == nullptr) return {};
  return {reinterpret_cast<const char*>(p), static_cast<size_t>(n)};
}

std::string_view Stmt::Blob(int col) const {
  const void* p = sqlite3_column_blob(s_, col);
  int n = sqlite3_column_bytes(s_, col);
  if (p == nullptr) return {};
  return {static_cast<const char*>(p), static_cast<size_t>(n)};
}

bool Stmt::IsNull(int col) const {
  return sqlite3_column_type(s_, col) == SQLITE_NULL;
}

// ---- Db --------------------------------------------------------------------

Result<std::unique_ptr<Db>> Db::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<Db> db(new Db(raw));  // closes `raw` even on failure
  if (rc != SQLITE_OK) return SqliteStatus(raw, rc, "open " + path);
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  // A new database takes 16 KiB pages (SQLite's default: 4 KiB), fixed
  // when WAL is enabled below; an existing one keeps its own. A stored
  // mention (~1.2 KB of JSON) then fits in its b-tree page rather than
  // spilling to an overflow page of its own (past ~1,000 bytes with 4
  // KiB), and full scans, SQLite's sorts (whose runs are read and written a
  // page at a time) and the WAL take a quarter of the system calls: a 100k
  // ingest took 38.9 s of CPU instead of 47.4 s, a 10k one 4.2 s instead
  // of 4.9 s, the events the same. (Its result is not checked: a file
  // that cannot take it fails the statements below.)
  sqlite3_exec(raw, "PRAGMA page_size=16384", nullptr, nullptr, nullptr);
  // journal_mode returns a row ("wal", or "memory" for :memory:).
  rc = EnableWal(raw);
  if (rc != SQLITE_OK) return SqliteStatus(raw, rc, "PRAGMA journal_mode=WAL");
  // A 32 MiB page cache (SQLite's default is 2 MiB): ingest and event
  // rebuilds revisit index pages that would otherwise be re-read from the
  // file by a system call each time. The temp schema (the rebuild's
  // gathered mentions, staged events, held mentions: written in order,
  // read in order, cleared whole) takes 64 KiB pages: its 2 MiB cache
  // spills them to the temp file a page per system call, and clearing a
  // table reads every page. A 100k derivation: 29-33 s CPU with 4 KiB
  // pages, 24-27 s with 64 KiB. The WAL is copied into the database at
  // 64 MiB (SQLite's default: 4 MiB, less than one ingest batch writes), so
  // a page that several batches change (an index's inner pages, the last
  // page of each appended table) is copied once per checkpoint, not once
  // per batch: a 100k ingest stored its articles in 27 s of CPU (29 s
  // wall) instead of 30 s (37 s wall). The temp schema does not overwrite
  // what it frees with zeros (Debian builds SQLite with secure_delete on):
  // its file is scratch, deleted with the connection, and zeroing made
  // clearing a table write it whole, through its rollback journal too (a
  // 1M rebuild wrote 8.3 GB to drop its gathered mentions). The main
  // database keeps the build's setting: an article deleted from the store
  // is not left readable in its free pages.
  SITREP_RETURN_IF_ERROR(
      db->Exec("PRAGMA synchronous=NORMAL;"
               "PRAGMA foreign_keys=ON;"
               "PRAGMA cache_size=-32768;"
               "PRAGMA temp.page_size=65536;"
               "PRAGMA temp.secure_delete=OFF;"));
  SITREP_ASSIGN_OR_RETURN(int64_t page, db->QueryInt("PRAGMA page_size"));
  const std::string checkpoint =
      "PRAGMA wal_autocheckpoint=" + std::to_string((64 << 20) / page) + ";";
  SITREP_RETURN_IF_ERROR(db->Exec(checkpoint.c_str()));
  return db;
}

namespace {

void SetCacheSize(Db* db, int64_t size) {
  std::string sql = "PRAGMA main.cache_size=";
  sql.append(std::to_string(size));
  (void)db->Exec(sql);
}

}  // namespace

SmallSorts::SmallSorts(Db* db, int kib) : db_(db) {
  auto s = db->Prepare("PRAGMA main.cache_size");
  if (!s.ok()) return;
  auto row = s->Step();
  if (!row.ok() || !*row) return;
  old_ = s->Int(0);
  s->Reset();
  SetCacheSize(db, -kib);
}

SmallSorts::~SmallSorts() {
  if (old_ != 0) SetCacheSize(db_, old_);
}

Db::~Db() {
  for (auto& [sql, s] : cache_) sqlite3_finalize(s);
  sqlite3_close_v2(db_);
}

Result<Stmt> Db::Prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return Stmt(db_, it->second);
  sqlite3_stmt* s = nullptr;
  int rc =
      sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "prepare");
  cache_.emplace(sql, s);
  return Stmt(db_, s);
}

Result<int64_t> Db::QueryInt(const char* sql) {
  SITREP_ASSIGN_OR_RETURN(Stmt s, Prepare(sql));
  SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::Internal(std::string(sql) + " returned no row");
  return s.Int(0);
}

std::string Db::LastErrorMessage() const { return sqlite3_errmsg(db_); }

int64_t Db::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

Status Db::Exec(std::string_view script) {
  const char* p = script.data();
  const char* end = p + script.size();
  while (p < end) {
    sqlite3_stmt* s = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_, p, static_cast<int>(end - p), &s, &tail);
    if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "prepare");
    p = tail;
    if (s == nullptr) continue;  // whitespace or a comment
    do {
      rc = sqlite3_step(s);
    } while (rc == SQLITE_ROW);
    Status st = SqliteStatus(db_, rc, ShortSql(sqlite3_sql(s)));
    sqlite3_finalize(s);
    SITREP_RETURN_IF_ERROR(st);
  }
  return Status::OK();
}

// ---- Transaction -----------------------------------------------------------

// Inside an open transaction (a write batch), a savepoint gives the nested
// writer the same all-or-nothing contract without a commit of its own.
Result<std::unique_ptr<Transaction>> Transaction::Begin(Db* db) {
  const bool nested = sqlite3_get_autocommit(db->raw()) == 0;
  SITREP_RETURN_IF_ERROR(
      db->Exec(nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE"));
  return std::unique_ptr<Transaction>(new Transaction(db, nested));
}

Transaction::~Transaction() {
  if (done_) return;
  (void)db_->Exec(nested_ ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
}

Status Transaction::Commit() {
  done_ = true;
  Status st = db_->Exec(nested_ ? "RELEASE nested" : "COMMIT");
  if (!st.ok()) {
    (void)db_->Exec(nested_ ? "ROLLBACK TO nested; RELEASE nested"
                            : "ROLLBACK");
  }
  return st;
}

}  // namespace sitrep::store_internal
