// Store: mentions and events (schema v2).
#include <sqlite3.h>

#include <map>
#include <set>
#include <string>

#include "sitrep/store.h"
#include "store/db.h"
#include "store/mention_codec.h"
#include "store/schema.h"
#include "store/store_write.h"

namespace sitrep {

using store_internal::DecodeMention;
using store_internal::EncodeMention;
using store_internal::Stmt;
using store_internal::Transaction;

// Marks the scopes of the article's old and new mentions dirty.
static Status MarkDirty(store_internal::Db& db, std::string_view article_id,
                        const std::vector<Mention>& mentions) {
  std::set<std::string> scopes;
  for (const Mention& m : mentions) scopes.insert(m.Scope());
  SITREP_ASSIGN_OR_RETURN(
      Stmt old, db.Prepare("SELECT body FROM mentions WHERE article_id = ?"));
  old.Bind(1, article_id);
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, old.Step());
    if (!row) break;
    auto m = DecodeMention(old.Text(0));
    // An undecodable old body: mark everything by its empty scope too.
    scopes.insert(m.ok() ? m->Scope() : std::string());
  }
  SITREP_ASSIGN_OR_RETURN(
      Stmt ins,
      db.Prepare("INSERT OR IGNORE INTO dirty_scopes (country) VALUES (?)"));
  for (const auto& scope : scopes) {
    ins.Reset();
    SITREP_RETURN_IF_ERROR(ins.Bind(1, scope).Run());
  }
  return Status::OK();
}

Status store_internal::WriteMentions(store_internal::Db& db,
                                     std::string_view article_id,
                                     const std::vector<Mention>& mentions) {
  SITREP_RETURN_IF_ERROR(MarkDirty(db, article_id, mentions));
  SITREP_ASSIGN_OR_RETURN(
      Stmt del, db.Prepare("DELETE FROM mentions WHERE article_id = ?"));
  SITREP_RETURN_IF_ERROR(del.Bind(1, article_id).Run());
  SITREP_ASSIGN_OR_RETURN(
      Stmt ins, db.Prepare("INSERT INTO mentions (article_id, ordinal, kind, "
                           "event_type, event_date, body, scope) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  int64_t ordinal = 0;
  for (const Mention& m : mentions) {
    ins.Reset();
    SITREP_RETURN_IF_ERROR(
        ins.Bind(1, article_id)
            .Bind(2, ordinal++)
            .Bind(3, MentionKindName(m.kind))
            .Bind(4, m.event_type)
            .BindTextOrNull(5, m.date.valid() ? m.date.ToIso() : "")
            .Bind(6, EncodeMention(m))
            .Bind(7, m.Scope())
            .Run());
  }
  return Status::OK();
}

Status Store::PutMentions(std::string_view article_id,
                          const std::vector<Mention>& mentions) {
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
  SITREP_RETURN_IF_ERROR(
      store_internal::WriteMentions(*db_, article_id, mentions));
  return txn->Commit();
}

Status Store::ForEachMention(const std::function<Status(Mention&&)>& fn) {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s,
      db_->Prepare("SELECT body FROM mentions ORDER BY article_id, ordinal"));
  return ForEachMentionRow(s, fn);
}

Result<int64_t> Store::CountMentions() {
  return db_->QueryInt("SELECT count(*) FROM mentions");
}

Status Store::SuspendMentionIndex() {
  return db_->Exec(std::string("DROP INDEX IF EXISTS ") +
                   store_internal::kMentionsByScopeDay);
}

Status Store::RestoreIndexes() {
  return store_internal::RestoreIndexes(db_.get());
}

Status Store::ForEachMentionIn(const std::vector<std::string>& scopes,
                               const std::function<Status(Mention&&)>& fn) {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s, db_->Prepare("SELECT body FROM mentions WHERE scope = ?"));
  for (const std::string& scope : scopes) {
    s.Reset();
    s.Bind(1, scope);
    SITREP_RETURN_IF_ERROR(ForEachMentionRow(s, fn));
  }
  return Status::OK();
}

// The held mentions (store_held.cc) come in among the stored ones: both
// sides are read in day order by their indexes and merged by SQLite (a
// compound SELECT with ORDER BY), so none is sorted in memory. A gathered
// scope (GatherScopes) is read from its copy in that order instead.
Status Store::ForEachMentionByDay(
    const std::string& scope, bool aggregates,
    const std::function<Status(Mention&&, bool held)>& fn) {
  static constexpr const char* kGatheredQueries[] = {
      "SELECT body, held FROM temp.gathered WHERE scope = ?1 AND "
      "kind = 'aggregate'",
      "SELECT body, held FROM temp.gathered WHERE scope = ?1 AND "
      "event_date IS NULL",
      "SELECT body, held FROM temp.gathered WHERE scope = ?1 AND "
      "event_date IS NOT NULL ORDER BY event_date",
  };
  static constexpr const char* kQueries[] = {
      "SELECT body, 0 FROM mentions WHERE scope = ?1 AND kind = 'aggregate' "
      "UNION ALL SELECT body, 1 FROM temp.held_mentions WHERE scope = ?1 AND "
      "kind = 'aggregate'",
      "SELECT body, 0 FROM mentions WHERE scope = ?1 AND event_date IS NULL "
      "UNION ALL SELECT body, 1 FROM temp.held_mentions WHERE scope = ?1 AND "
      "event_date IS NULL",
      "SELECT body, 0, event_date FROM mentions WHERE scope = ?1 AND "
      "event_date IS NOT NULL UNION ALL SELECT body, 1, event_date FROM "
      "temp.held_mentions WHERE scope = ?1 AND event_date IS NOT NULL "
      "ORDER BY 3",
  };
  const bool gathered = gathered_.count(scope) != 0;
  SITREP_RETURN_IF_ERROR(store_internal::EnsureHeldTable(*db_, !gathered));
  for (int q = aggregates ? 0 : 1; q < (aggregates ? 1 : 3); ++q) {
    SITREP_ASSIGN_OR_RETURN(
        Stmt s, db_->Prepare(gathered ? kGatheredQueries[q] : kQueries[q]));
    s.Bind(1, scope);
    while (true) {
      SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      SITREP_ASSIGN_OR_RETURN(Mention m, DecodeMention(s.Text(0)));
      SITREP_RETURN_IF_ERROR(fn(std::move(m), s.Int(1) != 0));
    }
  }
  return Status::OK();
}

Result<int64_t> Store::CountMentionsIn(const std::vector<std::string>& scopes) {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s, db_->Prepare("SELECT count(*) FROM mentions WHERE scope = ?"));
  int64_t n = 0;
  for (const std::string& scope : scopes) {
    s.Reset();
    s.Bind(1, scope);
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) n += s.Int(0);
  }
  return n;
}

Result<std::vector<std::string>> Store::ArticlesAcrossScopes() {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s, db_->Prepare("SELECT article_id FROM mentions WHERE article_id "
                           "IN (SELECT article_id FROM mentions WHERE kind = "
                           "'aggregate') GROUP BY article_id "
                           "HAVING count(DISTINCT scope) > 1"));
  std::vector<std::string> ids;
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return ids;
    ids.emplace_back(s.Text(0));
  }
}

Result<int64_t> Store::CountEvents() {
  return db_->QueryInt("SELECT count(*) FROM events");
}

// Writes only what changed: events whose record is new or different are
// (re)inserted, events no longer derived are deleted, the rest are left
// alone — so an ingest touches only the rows of the events it affects.
Status store_internal::WriteEvents(store_internal::Db& db,
                                   const std::vector<StoredEvent>& events,
                                   const std::set<std::string>* scopes) {
  std::map<std::string, std::string> stored;  // id -> json, within scope
  {
    SITREP_ASSIGN_OR_RETURN(
        Stmt s,
        db.Prepare("SELECT id, json, coalesce(country, '') FROM events"));
    while (true) {
      SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      if (scopes && !scopes->count(std::string(s.Text(2)))) continue;
      stored.emplace(std::string(s.Text(0)), std::string(s.Text(1)));
    }
  }
  std::set<std::string> fresh;
  for (const StoredEvent& e : events) {
    if (!fresh.insert(e.id).second) {
      return Status::Internal("two derived events share the id " + e.id);
    }
  }
  std::vector<std::string> removed;
  for (const auto& [id, json] : stored) {
    if (!fresh.count(id)) removed.push_back(id);
  }
  std::vector<StoredEvent> changed;
  for (const StoredEvent& e : events) {
    auto it = stored.find(e.id);
    if (it == stored.end() || it->second != e.json) changed.push_back(e);
  }
  return WriteEventDelta(db, removed, changed);
}

Status store_internal::WriteEventDelta(
    Db& db, const std::vector<std::string>& removed,
    const std::vector<StoredEvent>& changed) {
  SITREP_ASSIGN_OR_RETURN(Stmt del,
                          db.Prepare("DELETE FROM events WHERE id = ?"));
  for (const std::string& id : removed) {
    del.Reset();
    SITREP_RETURN_IF_ERROR(del.Bind(1, id).Run());  // cascades to links
  }
  SITREP_ASSIGN_OR_RETURN(
      Stmt ins, db.Prepare("INSERT OR REPLACE INTO events (id, kind, "
                           "event_type, event_date, country, latitude, "
                           "longitude, fatalities, json) "
                           "VALUES (?,?,?,?,?,?,?,?,?)"));
  SITREP_ASSIGN_OR_RETURN(Stmt unlink, db.Prepare("DELETE FROM event_articles "
                                                  "WHERE event_id = ?"));
  SITREP_ASSIGN_OR_RETURN(Stmt link,
                          db.Prepare("INSERT OR IGNORE INTO event_articles "
                                     "(event_id, article_id) VALUES (?, ?)"));
  for (const StoredEvent& e : changed) {
    unlink.Reset();
    SITREP_RETURN_IF_ERROR(unlink.Bind(1, e.id).Run());
    SITREP_RETURN_IF_ERROR(WriteEventRow(db, ins, link, e).status());
  }
  return Status::OK();
}

Result<int> store_internal::WriteEventRow(Db& db, Stmt& ins, Stmt& link,
                                          const StoredEvent& e) {
  ins.Reset();
  ins.Bind(1, e.id)
      .Bind(2, e.kind)
      .Bind(3, e.event_type)
      .BindTextOrNull(4, e.event_date)
      .BindTextOrNull(5, e.country);
  e.latitude ? ins.BindDouble(6, *e.latitude) : ins.BindNull(6);
  e.longitude ? ins.BindDouble(7, *e.longitude) : ins.BindNull(7);
  e.fatalities ? ins.Bind(8, *e.fatalities) : ins.BindNull(8);
  SITREP_RETURN_IF_ERROR(ins.Bind(9, e.json).Run());
  int changed = sqlite3_changes(db.raw());
  for (const auto& a : e.articles) {
    link.Reset();
    SITREP_RETURN_IF_ERROR(link.Bind(1, e.id).Bind(2, a).Run());
  }
  return changed;
}

Result<std::vector<Mention>> Store::MentionsOf(std::string_view id) {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s, db_->Prepare("SELECT body FROM mentions WHERE article_id = ? "
                           "ORDER BY ordinal"));
  s.Bind(1, id);
  std::vector<Mention> out;
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    SITREP_ASSIGN_OR_RETURN(Mention m, DecodeMention(s.Text(0)));
    out.push_back(std::move(m));
  }
}

Status Store::ReplaceEvents(const std::vector<StoredEvent>& events) {
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
  SITREP_RETURN_IF_ERROR(store_internal::WriteEvents(*db_, events, nullptr));
  SITREP_RETURN_IF_ERROR(db_->Exec("DELETE FROM dirty_scopes"));
  return txn->Commit();
}

Status Store::ForEachEvent(
    const std::function<Status(const StoredEvent&)>& fn) {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s, db_->Prepare("SELECT id, kind, event_type, event_date, country, "
                           "latitude, longitude, fatalities, json FROM events "
                           "ORDER BY event_date, id"));
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::OK();
    StoredEvent e;
    e.id = s.Text(0);
    e.kind = s.Text(1);
    e.event_type = s.Text(2);
    e.event_date = s.Text(3);
    e.country = s.Text(4);
    if (!s.IsNull(5)) e.latitude = s.Double(5);
    if (!s.IsNull(6)) e.longitude = s.Double(6);
    if (!s.IsNull(7)) e.fatalities = s.Int(7);
    e.json = s.Text(8);
    SITREP_RETURN_IF_ERROR(fn(e));
  }
}

}  // namespace sitrep
