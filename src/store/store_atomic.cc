// Store: writes that must see a consistent database (events re-derived
// while other connections may be ingesting).
#include "sitrep/store.h"
#include "store/db.h"
#include "store/store_write.h"

namespace sitrep {

using store_internal::Stmt;
using store_internal::Transaction;

namespace {

// Attempts to derive outside the write lock before deriving under it.
constexpr int kOptimisticAttempts = 3;

// Changes whenever another connection commits (SQLite's PRAGMA
// data_version); unchanged by this connection's own writes.
Result<int64_t> DataVersion(store_internal::Db& db) {
  SITREP_ASSIGN_OR_RETURN(Stmt s, db.Prepare("PRAGMA data_version"));
  SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::Internal("PRAGMA data_version returned no row");
  return s.Int(0);
}

}  // namespace

// Deriving can take seconds on a large store; holding the write lock that
// long would make concurrent ingests time out. So derive first, then take
// the lock and keep the result only if nobody committed meanwhile.
Status Store::ReplaceEventsConsistently(const DeriveFn& derive) {
  for (int attempt = 0; attempt < kOptimisticAttempts; ++attempt) {
    SITREP_ASSIGN_OR_RETURN(int64_t before, DataVersion(*db_));
    SITREP_ASSIGN_OR_RETURN(std::vector<StoredEvent> events, derive());
    SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
    SITREP_ASSIGN_OR_RETURN(int64_t after, DataVersion(*db_));
    if (after != before) continue;  // rolled back by txn's destructor
    SITREP_RETURN_IF_ERROR(store_internal::WriteEvents(*db_, events));
    return txn->Commit();
  }
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
  SITREP_ASSIGN_OR_RETURN(std::vector<StoredEvent> events, derive());
  SITREP_RETURN_IF_ERROR(store_internal::WriteEvents(*db_, events));
  return txn->Commit();
}

}  // namespace sitrep
