// Store: writes that must see a consistent database (events re-derived
// while other connections may be ingesting).
#include <set>

#include "sitrep/store.h"
#include "store/db.h"
#include "store/store_write.h"

namespace sitrep {

using store_internal::Stmt;
using store_internal::Transaction;

namespace {

// Attempts to derive outside the write lock before deriving under it.
constexpr int kOptimisticAttempts = 3;

}  // namespace

// Deriving can take seconds on a large store; holding the write lock that
// long would make concurrent ingests time out. So derive first, then take
// the lock and keep the result only if nobody committed meanwhile.
Status Store::ReplaceEventsConsistently(const DeriveFn& derive) {
  for (int attempt = 0; attempt < kOptimisticAttempts; ++attempt) {
    SITREP_ASSIGN_OR_RETURN(int64_t before, DataVersion());
    SITREP_ASSIGN_OR_RETURN(std::vector<StoredEvent> events, derive());
    SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
    SITREP_ASSIGN_OR_RETURN(int64_t after, DataVersion());
    if (after != before) continue;  // rolled back by txn's destructor
    SITREP_RETURN_IF_ERROR(store_internal::WriteEvents(*db_, events, nullptr));
    SITREP_RETURN_IF_ERROR(db_->Exec("DELETE FROM dirty_scopes"));
    return txn->Commit();
  }
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
  SITREP_ASSIGN_OR_RETURN(std::vector<StoredEvent> events, derive());
  SITREP_RETURN_IF_ERROR(store_internal::WriteEvents(*db_, events, nullptr));
  SITREP_RETURN_IF_ERROR(db_->Exec("DELETE FROM dirty_scopes"));
  return txn->Commit();
}

Result<std::vector<std::string>> Store::DirtyScopes() {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s,
      db_->Prepare("SELECT country FROM dirty_scopes ORDER BY country"));
  std::vector<std::string> out;
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.emplace_back(s.Text(0));
  }
}

namespace {

// Writes the events of `scopes` and clears those scopes' marks.
Status WriteScoped(store_internal::Db& db,
                   const std::vector<std::string>& scopes,
                   const std::vector<StoredEvent>& events) {
  std::set<std::string> set(scopes.begin(), scopes.end());
  SITREP_RETURN_IF_ERROR(store_internal::WriteEvents(db, events, &set));
  SITREP_ASSIGN_OR_RETURN(
      Stmt clear, db.Prepare("DELETE FROM dirty_scopes WHERE country = ?"));
  for (const auto& scope : scopes) {
    clear.Reset();
    SITREP_RETURN_IF_ERROR(clear.Bind(1, scope).Run());
  }
  return Status::OK();
}

}  // namespace

// As ReplaceEventsConsistently, for the dirty scopes only.
Status Store::ReplaceDirtyEvents(const ScopedDeriveFn& derive) {
  for (int attempt = 0; attempt < kOptimisticAttempts; ++attempt) {
    SITREP_ASSIGN_OR_RETURN(int64_t before, DataVersion());
    SITREP_ASSIGN_OR_RETURN(std::vector<std::string> scopes, DirtyScopes());
    if (scopes.empty()) return Status::OK();
    SITREP_ASSIGN_OR_RETURN(std::vector<StoredEvent> events, derive(scopes));
    SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
    SITREP_ASSIGN_OR_RETURN(int64_t after, DataVersion());
    if (after != before) continue;
    SITREP_RETURN_IF_ERROR(WriteScoped(*db_, scopes, events));
    return txn->Commit();
  }
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
  SITREP_ASSIGN_OR_RETURN(std::vector<std::string> scopes, DirtyScopes());
  SITREP_ASSIGN_OR_RETURN(std::vector<StoredEvent> events, derive(scopes));
  SITREP_RETURN_IF_ERROR(WriteScoped(*db_, scopes, events));
  return txn->Commit();
}

// Changes whenever another connection commits (SQLite's PRAGMA
// data_version); unchanged by this connection's own writes.
Result<int64_t> Store::DataVersion() {
  return db_->QueryInt("PRAGMA data_version");
}

Result<bool> Store::ApplyEventDelta(int64_t data_version,
                                    const std::vector<std::string>& removed,
                                    const std::vector<StoredEvent>& changed) {
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
  SITREP_ASSIGN_OR_RETURN(int64_t now, DataVersion());
  if (now != data_version) return false;  // rolled back: nothing written
  SITREP_RETURN_IF_ERROR(
      store_internal::WriteEventDelta(*db_, removed, changed));
  SITREP_RETURN_IF_ERROR(db_->Exec("DELETE FROM dirty_scopes"));
  SITREP_RETURN_IF_ERROR(txn->Commit());
  return true;
}

}  // namespace sitrep
