// Store: sitrep's embedded database of articles (and, from schema v2 on,
// of what is extracted from them). One SQLite file, WAL mode.
//
// Articles are immutable versions keyed by (id, version). Putting an article
// whose id already holds a version with the same content hash stores
// nothing ("already present"); putting an id with new content stores it as
// version max+1, which becomes the current version. Getters and search see
// current versions only. Each put is one transaction: a failed put stores
// nothing. The schema and the offsets blob are described in doc/storage.md.
//
// Thread safety: a Store is one SQLite connection; use it from one thread at
// a time. Several Stores (threads or processes) may open the same file: WAL
// lets readers run beside one writer, and writers wait up to a busy timeout.
//
// Costs: PutArticle is O(article size) plus a few index updates; GetArticle
// is one indexed lookup; Search is an FTS5 query ranked by BM25.
#ifndef SITREP_STORE_H_
#define SITREP_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/event.h"
#include "sitrep/status.h"

namespace sitrep {

namespace store_internal {
class Db;
class Transaction;
}  // namespace store_internal

enum class PutOutcome {
  kInserted,        // a new id, stored as version 1
  kAlreadyPresent,  // this id already holds this content; nothing stored
  kNewVersion,      // a known id with new content, stored as a new version
};
const char* PutOutcomeName(PutOutcome o);  // "inserted", ...

// Why Store::PutArticle would refuse `a` (kInvalidArgument: no id or
// content hash, a span outside its text, offsets not increasing), or OK.
// For holders of articles outside a Store that must refuse the same ones.
Status ValidateArticle(const Article& a);

// What ForEachArticle reconstructs. kSummary fills the metadata fields and
// `text`; kFull also `raw`, `offsets`, `sentences`, `removed`, `dateline`.
enum class ArticleLoad { kSummary, kFull };

struct SearchHit {
  std::string id;
  int version = 0;
  std::string title;
  double score = 0;     // -bm25(): higher is better
  std::string snippet;  // matched terms in [brackets], cuts marked "…"
};

struct SearchOptions {
  int limit = 10;
  // false: the query is plain words, all required (any text is safe).
  // true: the query is FTS5 syntax (AND/OR/NOT, "phrases", prefix*).
  bool fts5_syntax = false;
};

// An event as stored: key fields for queries, and its JSON Lines record
// (the export format, written by the caller).
struct StoredEvent {
  std::string id;
  std::string kind;
  std::string event_type;
  std::string event_date;  // "" when unknown
  std::string country;     // ISO alpha-2, "" when unknown
  std::optional<double> latitude, longitude;
  std::optional<int64_t> fatalities;
  std::vector<std::string> articles;
  std::string json;
};

// What Store::Check found: one line per problem ("mention 000_x#3: figure
// raw span [5,9) outside raw (size 4)") and how much it looked at.
struct CheckReport {
  std::vector<std::string> problems;
  int64_t articles = 0;  // article versions checked
  int64_t mentions = 0, events = 0;
  bool ok() const { return problems.empty(); }
};

class Store {
 public:
  // Opens (creating if needed) the database at `path` and migrates it to the
  // latest schema. ":memory:" opens a private in-memory database.
  // Fails with kCorruption if the file is not a sitrep database or was
  // written by a newer sitrep (a schema version this build does not know).
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores `a` (see the class comment for versioning).
  // REQUIRES: a.id and a.content_hash are not empty.
  Result<PutOutcome> PutArticle(const Article& a);

  // Stores `a` as PutArticle does and, when it is stored (inserted or a new
  // version), replaces its mentions with `extract(a)`, all in one
  // transaction: a crash or kill leaves both or neither, so an article is
  // never stored without its mentions. `extract` runs under the write lock.
  // REQUIRES: as PutArticle.
  using ExtractFn = std::function<std::vector<Mention>(const Article&)>;
  Result<PutOutcome> PutArticleWithMentions(const Article& a,
                                            const ExtractFn& extract);

  // Whether article `id` already holds exactly this content (PutArticle
  // would return kAlreadyPresent). One indexed lookup.
  Result<bool> HasContent(std::string_view id, std::string_view content_hash);

  // A write batch: while it is open, PutArticle and PutArticleWithMentions
  // share its transaction instead of committing one by one, which saves a
  // commit (a WAL frame and a full-text index flush) per article. Commit()
  // makes them durable; destroying the batch uncommitted rolls all of them
  // back. A put refused before it writes (kInvalidArgument: an invalid
  // article) leaves the batch as it was. A put that fails once writing
  // (the database failed) is not undone alone: it fails the batch, whose
  // later puts and Commit() return that error, and the whole batch rolls
  // back. (A savepoint per put would undo it alone, at the cost of copying
  // every page the put changes: about 20 system calls per article.) It
  // holds the write lock while open: keep batches short (a few hundred
  // articles). REQUIRES: the Store outlives the batch; no other batch is
  // open.
  class WriteBatch {
   public:
    ~WriteBatch();
    Status Commit();

   private:
    friend class Store;
    WriteBatch(Store* store, std::unique_ptr<store_internal::Transaction> txn);
    Store* store_;
    std::unique_ptr<store_internal::Transaction> txn_;
  };
  Result<std::unique_ptr<WriteBatch>> BeginWriteBatch();

  // The current version of article `id`, fully reconstructed.
  // kNotFound when there is no such article.
  Result<Article> GetArticle(std::string_view id);
  // Its clean text only (GetArticle(id)->text, without reading the rest).
  Result<std::string> GetArticleText(std::string_view id);
  // The current version number of `id`, or 0 when absent.
  Result<int> CurrentVersion(std::string_view id);
  // Number of articles (current versions).
  Result<int64_t> CountArticles();

  // Calls `fn` for the current version of every article, in id order,
  // streaming (one article in memory at a time). Stops at and returns the
  // first non-OK status `fn` returns.
  Status ForEachArticle(ArticleLoad load,
                        const std::function<Status(const Article&)>& fn);

  // Full-text search over titles and clean text, best hits first.
  // kInvalidArgument for a malformed FTS5 query (fts5_syntax only).
  Result<std::vector<SearchHit>> Search(std::string_view query,
                                        const SearchOptions& options = {});

  // --- Extraction results (schema v2) ---

  // Replaces every stored mention of article `article_id` with `mentions`
  // (one transaction).
  Status PutMentions(std::string_view article_id,
                     const std::vector<Mention>& mentions);
  // Streams every stored mention, in (article id, ordinal) order.
  Status ForEachMention(const std::function<Status(Mention&&)>& fn);
  Result<int64_t> CountMentions();
  // The same for the mentions of the given scopes (`Mention::Scope()`,
  // schema v4), scope by scope, each in no particular order.
  Status ForEachMentionIn(const std::vector<std::string>& scopes,
                          const std::function<Status(Mention&&)>& fn);
  Result<int64_t> CountMentionsIn(const std::vector<std::string>& scopes);
  // For a bulk ingest: drops the index of mentions by scope and day, which
  // would take each stored mention as an insert at a random page of a
  // b-tree that outgrows the page cache as the store grows (about half of
  // the writing of an article into a large store). RestoreIndexes builds
  // it again by one sort; Pipeline::Ingest and RebuildEvents call it
  // first, so a store left without it (a killed ingest) gets it back at
  // the next write. Meanwhile reads of a scope's mentions are slower,
  // never different. REQUIRES: no transaction (write batch) open.
  Status SuspendMentionIndex();
  // Builds the dropped indexes, if any: this one, and those of events a
  // full re-derivation drops and builds after its commit
  // (ReplaceDirtyEventsStreamed), one pass over its table each; otherwise
  // one read of the schema. REQUIRES: as SuspendMentionIndex.
  Status RestoreIndexes();
  // The mentions of `scope` as WindowedScopeMerge takes them (schema v5),
  // the held ones (HoldMentions) among the stored ones, `held` telling
  // which: with `aggregates`, only its aggregates; else its undated
  // mentions, then its dated ones by day (in no particular order within a
  // day). Memory: one mention at a time.
  Status ForEachMentionByDay(
      const std::string& scope, bool aggregates,
      const std::function<Status(Mention&&, bool held)>& fn);
  // Articles with an aggregate mention and mentions in more than one scope
  // (an aggregate's parts may then lie in another scope: CrossScopeParts).
  Result<std::vector<std::string>> ArticlesAcrossScopes();
  // What CrossScopeParts needs of a mention: its article, scope, whether
  // it is an aggregate and (if so) its parts.
  struct MentionKey {
    std::string article_id, scope;
    bool aggregate = false;
    std::vector<int> parts;
  };
  // Streams the keys of the mentions of ArticlesAcrossScopes(), in
  // (article id, ordinal) order, without decoding their bodies.
  Status ForEachKeyAcrossScopes(
      const std::function<Status(const MentionKey&)>& fn);

  // Mentions held for one derivation (the re-dated ones, which are not
  // stored) in a temporary table of this connection (SQLite's temp store,
  // on disk) instead of memory. ClearHeldMentions empties it (call before
  // and after); each held mention decodes to exactly what was held. They
  // are read by ForEachMentionByDay, among the stored ones.
  // ClearHeldMentions also drops what GatherScopes gathered.
  Status ClearHeldMentions();
  Status HoldMentions(std::span<const Mention> mentions);
  // Gathers the stored and held mentions of `scopes` into one temporary
  // table in the order ForEachMentionByDay reads them (scope, then day),
  // by one scan of the mentions table and SQLite's external sort; from
  // then on ForEachMentionByDay reads those scopes from it page after page
  // instead of one random page per mention through mentions_by_scope_day
  // (what a scope merge costs once the store outgrows the page cache).
  // Worth it when `scopes` hold most of the store's mentions (a full
  // rebuild); a few small scopes read faster through the index. Cost: one
  // pass over the mentions table; in the temp store, the gathered bodies
  // plus the sort's runs (about twice their size) while it runs, once
  // after. Memory: SQLite's sort buffer (8 MiB), not the mentions.
  // REQUIRES: the held mentions are in place and neither they
  // nor the stored mentions of `scopes` change until ClearHeldMentions.
  Status GatherScopes(const std::vector<std::string>& scopes);

  // Replaces the events table with `events` (one transaction). Events are a
  // pure function of the mentions: callers re-derive them with
  // MergeMentions and store the result here for readers (server, report).
  // Only rows that differ are written: new or changed events are inserted,
  // events no longer derived are deleted, unchanged ones are not touched.
  // kInternal when two events share an id (nothing is written).
  Status ReplaceEvents(const std::vector<StoredEvent>& events);
  // Replaces the events table with what `derive` returns such that the
  // result reflects every mention committed before this call returns: when
  // another connection commits while `derive` runs (a concurrent ingest),
  // `derive` runs again, at last under the write lock. `derive` must only
  // read through this Store.
  using DeriveFn = std::function<Result<std::vector<StoredEvent>>()>;
  Status ReplaceEventsConsistently(const DeriveFn& derive);

  // Incremental re-derivation. Storing an article's mentions marks the
  // scopes (countries; "" = no place) of its old and new mentions dirty in
  // the same transaction. ReplaceDirtyEvents calls `derive(scopes)` for the
  // dirty scopes and replaces the stored events of those scopes only (by
  // diff), clearing their marks, with the consistency protocol of
  // ReplaceEventsConsistently. Events never span two scopes (merge.h), so
  // the result equals a full re-derivation. Nothing to do: returns OK.
  using ScopedDeriveFn = std::function<Result<std::vector<StoredEvent>>(
      const std::vector<std::string>& scopes)>;
  Status ReplaceDirtyEvents(const ScopedDeriveFn& derive);
  // ReplaceDirtyEvents for derivations too large to hold as one vector:
  // `derive(scopes, sink)` hands each event to `sink`, which stages it in a
  // temporary table of this connection (SQLite's temp store, on disk); the
  // staged events then replace the stored events of those scopes by the
  // same diff (in SQL), with the same consistency protocol. The result
  // equals ReplaceDirtyEvents with a `derive` returning the same events.
  // A stage that rewrites most events (a full rebuild) drops the indexes
  // events_by_date and event_articles_by_article, and builds them again in
  // a second transaction after the events' commit (RestoreIndexes).
  using StoredEventSink = std::function<Status(const StoredEvent&)>;
  using StreamedDeriveFn = std::function<Status(
      const std::vector<std::string>& scopes, const StoredEventSink& sink)>;
  Status ReplaceDirtyEventsStreamed(const StreamedDeriveFn& derive);
  // The dirty scopes, sorted.
  Result<std::vector<std::string>> DirtyScopes();

  // Incremental derivation in memory (a Pipeline keeping its derivation):
  // the caller knows exactly which events changed since its last full
  // derivation at data version `data_version` (DataVersion()). In one
  // transaction, when no other connection has committed since then: deletes
  // the events `removed`, inserts or replaces `changed`, clears the dirty
  // marks, and returns true. Otherwise writes nothing and returns false (the
  // caller re-derives in full).
  Result<bool> ApplyEventDelta(int64_t data_version,
                               const std::vector<std::string>& removed,
                               const std::vector<StoredEvent>& changed);
  // PRAGMA data_version: changes when another connection commits, never
  // with this one's own writes.
  Result<int64_t> DataVersion();
  // The stored mentions of article `id`, in ordinal order.
  Result<std::vector<Mention>> MentionsOf(std::string_view id);

  // Streams stored events in (event_date, id) order.
  Status ForEachEvent(const std::function<Status(const StoredEvent&)>& fn);
  Result<int64_t> CountEvents();

  // Checks the database: SQLite's integrity and foreign keys, then sitrep's
  // invariants (spans inside texts, blobs and mention bodies decode, no
  // orphan rows, events linked to existing articles). Problems are data,
  // not errors: an error status means the check itself could not run.
  // Cost: reads the whole database once.
  Result<CheckReport> Check();

  // The schema version of the open database (PRAGMA user_version).
  int schema_version() const;

  // The connection, for other modules of src/store that add tables through
  // later migrations (events, mentions, ...). Not for use outside src/store.
  store_internal::Db& db() { return *db_; }

  // A full-text index write (internal; deferred to a batch's commit).
  struct FtsWrite;

 private:
  explicit Store(std::unique_ptr<store_internal::Db> db);
  std::unique_ptr<store_internal::Db> db_;
  // The open write batch's state; null: no batch.
  struct Batch;
  std::unique_ptr<Batch> batch_;
  // The scopes GatherScopes copied to temp.gathered (ForEachMentionByDay
  // reads them there).
  std::set<std::string> gathered_;
};

}  // namespace sitrep

#endif  // SITREP_STORE_H_
