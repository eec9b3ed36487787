// Db, Stmt, Transaction: a thin RAII layer over one SQLite connection.
//
// Every SQLite error becomes a Status in exactly one place (SqliteStatus).
// Statements are prepared once per connection and cached by their SQL text;
// a Stmt is a lease on a cached statement, reset when the lease ends. SQL
// text is always a constant: user data only ever travels through Bind*.
//
// Thread safety: a Db is one connection; use it from one thread at a time.
#ifndef SITREP_STORE_DB_H_
#define SITREP_STORE_DB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sitrep/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sitrep::store_internal {

// Converts SQLite result code `rc` on `db` (may be null) into a Status whose
// message names `what` and carries SQLite's own message.
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  Stmt(Stmt&& o) noexcept;
  Stmt& operator=(Stmt&&) = delete;
  Stmt(const Stmt&) = delete;
  ~Stmt();

  // Binds parameter `i` (1-based). A failed bind is reported by Step().
  Stmt& Bind(int i, int64_t v);
  Stmt& BindDouble(int i, double v);
  Stmt& Bind(int i, std::string_view text);
  Stmt& BindBlob(int i, std::string_view bytes);
  Stmt& BindNull(int i);
  Stmt& BindTextOrNull(int i, std::string_view text) {
    return text.empty() ? BindNull(i) : Bind(i, text);
  }

  // Advances: true when a row is available, false when done.
  Result<bool> Step();
  // Steps until done, for statements that return no rows.
  Status Run();
  // Makes the statement ready to be bound and run again.
  void Reset();

  // Column accessors for the current row (0-based). Views are valid until
  // the next Step or the end of the lease.
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string_view Text(int col) const;
  std::string_view Blob(int col) const;
  bool IsNull(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* s_;
  int bind_rc_ = 0;  // first failed bind's result code, 0 if none
};

class Db {
 public:
  // Opens `path` (":memory:" allowed) with WAL, synchronous=NORMAL, foreign
  // keys on and a busy timeout.
  static Result<std::unique_ptr<Db>> Open(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // A lease on the cached statement for `sql`. REQUIRES: `sql` is constant
  // text holding exactly one statement.
  Result<Stmt> Prepare(const char* sql);
  // Runs every statement of `script` in order. REQUIRES: constant SQL only.
  Status Exec(std::string_view script);
  // The integer in the first column of `sql`'s first row (a count, a
  // PRAGMA); kInternal when it gives no row. REQUIRES: as Prepare.
  Result<int64_t> QueryInt(const char* sql);

  // SQLite's message for the last failed call on this connection.
  std::string LastErrorMessage() const;
  // The rowid of the last row inserted on this connection.
  int64_t LastInsertRowid() const;

  sqlite3* raw() const { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Caps the memory of SQLite's sorts on `db` (ORDER BY, CREATE INDEX, which
// size their buffer by the main page cache) at `kib` KiB while it lives,
// by shrinking the page cache; the old size comes back after. A sort
// grows its buffer by doubling and the allocator keeps the smaller ones,
// so a 32 MiB cache cost ~60 MB of RSS per large sort.
inline constexpr int kSortKiB = 8192;  // what the derivation's sorts take
class SmallSorts {
 public:
  SmallSorts(Db* db, int kib);
  ~SmallSorts();
  SmallSorts(const SmallSorts&) = delete;
  SmallSorts& operator=(const SmallSorts&) = delete;

 private:
  Db* db_;
  int64_t old_ = 0;  // PRAGMA cache_size as it was; 0: unknown
};

// BEGIN IMMEDIATE ... COMMIT; rolls back on destruction unless committed.
// Begun while a transaction is already open (e.g. PutMentions inside a
// Store write batch; the batch's own puts take none, see store.h), it is a
// savepoint instead: Commit releases it into the outer transaction, and
// destruction rolls back only its own writes.
class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Begin(Db* db);
  ~Transaction();
  Status Commit();

 private:
  Transaction(Db* db, bool nested) : db_(db), nested_(nested) {}
  Db* db_;
  bool nested_;
  bool done_ = false;
};

}  // namespace sitrep::store_internal

#endif  // SITREP_STORE_DB_H_
