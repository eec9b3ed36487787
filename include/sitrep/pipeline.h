// Pipeline: the whole job over a store — read inputs, clean and store
// articles, extract and store their mentions, and re-derive the events.
//
// Events are a pure function of the stored mentions (DESIGN invariant 2):
// RebuildEvents() merges every stored mention and replaces the events table,
// so any ingest order gives the same events with the same ids. An article is
// extracted once, when it is stored (new or a new version); re-ingesting
// the same content does no work.
//
// Thread safety: one Pipeline per thread; it uses its Store exclusively.
// Ingest itself cleans and extracts on PipelineOptions::threads threads
// (batches of documents; the store is written in input order, one
// transaction per batch), with the same result for any thread count.
// Costs: Ingest is linear in the input; RebuildEvents reads all mentions and
// merges them (see merge.h).
#ifndef SITREP_PIPELINE_H_
#define SITREP_PIPELINE_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/dedup.h"
#include "sitrep/extract.h"
#include "sitrep/gazetteer.h"
#include "sitrep/ingest.h"
#include "sitrep/merge.h"
#include "sitrep/stage_clock.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep {

namespace pipeline_internal {
class DerivationCache;
class MemoryCorpus;
}  // namespace pipeline_internal

struct PipelineOptions {
  IngestLimits limits;
  bool conservative = false;  // ACLED's lowest-figure convention for `best`
  // Threads cleaning and extracting articles in Ingest (0 = one per
  // hardware thread). The output does not depend on it.
  int threads = 0;
  // Keep the event derivation in memory between RebuildEvents calls, so
  // that one stored article re-derives only the events it can affect
  // (milliseconds, not a full pass; the result is the same). Costs memory
  // (~2x the mentions) and a full derivation at the first rebuild: for
  // long-lived pipelines (the server), not one-shot commands.
  bool keep_derivation = false;
  // Store-less only, for one-shot commands (`sitrep extract`): the events
  // are derived once. An article with no complete publication day is then
  // not extracted at ingest but at the derivation, once, with the day it
  // borrows from its near-duplicates if it has one (else as it is),
  // instead of at ingest and again with that day; and the derivation takes
  // the kept mentions rather than copying them. The events are the same;
  // IngestReport::mentions counts the dated articles' only, and a second
  // DeriveEvents fails (kInvalidArgument).
  bool one_derivation = false;
  // A store-backed rebuild whose dirty scopes hold at least this many
  // mentions and at least half the store's (a full rebuild) first gathers
  // them in the order the scope merges read them (Store::GatherScopes):
  // one pass over the mentions table instead of a random page read per
  // mention once the store outgrows the page cache, for temp-store disk
  // space about twice their size. Negative: never. The events are the same.
  int64_t gather_min_mentions = 200000;
  // A bulk ingest: once one Ingest call has stored this many articles,
  // and at least as many as the store held before it, the rest are stored
  // without the index of mentions by scope and day, built again by one
  // sort at the end of the call (Store::SuspendMentionIndex). Negative:
  // never. The store and the events are the same. Ingest and
  // RebuildEvents first build the index if a killed bulk ingest left the
  // store without it.
  int64_t bulk_min_articles = 20000;
  // When set (not owned; outlives the Pipeline), the stages of Ingest,
  // Reextract and RebuildEvents are entered on it as they run: "storing
  // articles", "building indexes", "near-duplicates", "re-dating",
  // "gathering", "merging", "releasing held mentions", "writing events"
  // (see stage_clock.h).
  StageClock* clock = nullptr;
};

struct IngestReport {
  int64_t inserted = 0, present = 0, versions = 0;
  int64_t mentions = 0;               // extracted from new articles
  std::vector<std::string> failures;  // "where: message"
  // Warnings of the articles stored (repaired UTF-8, an ignored date):
  // "where: id: warning", the first kMaxWarnings of `warning_count`.
  static constexpr size_t kMaxWarnings = 100;
  std::vector<std::string> warnings;
  int64_t warning_count = 0;
};

class Pipeline {
 public:
  // Opens the gazetteer and lexicons. REQUIRES: `store` outlives the Pipeline.
  static Result<std::unique_ptr<Pipeline>> Open(Store* store,
                                                const PipelineOptions& options);
  // A pipeline without a store (`sitrep extract`): Ingest keeps the current
  // articles' mentions and near-duplicate signatures in memory (undated
  // articles whole, for redating) and DeriveEvents derives from them the
  // events a store-backed pipeline derives from the same inputs, without
  // writing or decoding a database. Duplicates works too; RebuildEvents and
  // Reextract need a store (kInvalidArgument). Memory: the mentions and
  // signatures of every article, and the undated articles.
  static Result<std::unique_ptr<Pipeline>> OpenWithoutStore(
      const PipelineOptions& options);
  ~Pipeline();

  // Reads every input under `paths` into the store, extracting mentions of
  // new articles. Per-input failures go to `report`; a non-OK status means
  // the store failed. `progress` (may be empty) is called after each input.
  using Progress = std::function<void(const IngestReport&, std::string_view)>;
  Status Ingest(const std::vector<std::string>& paths, IngestReport* report,
                const Progress& progress = {});
  // One document (e.g. from the REST API).
  Status IngestDocument(RawDocument doc, IngestReport* report);

  // Events merged from every stored mention (read only); with `scopes`,
  // only those of these countries ("" = no place).
  Result<std::vector<Event>> DeriveEvents(
      const std::vector<std::string>* scopes = nullptr);
  // DeriveEvents handing each event to `sink` as soon as it is made, in
  // DeriveEvents' order (MergeMentionsStreaming), keeping none: memory is
  // the mentions, not every event at once. Stops at the first non-OK
  // status `sink` returns, and returns it.
  Status DeriveEventsInto(const EventSink& sink);
  // Re-derives the events of the scopes whose mentions changed since the
  // last rebuild and replaces them in the store (incremental; one
  // transaction). Returns how many events were re-derived. With
  // keep_derivation, articles stored through this Pipeline since the last
  // rebuild are merged into the kept derivation (falling back to a full
  // one for a new version of a stored article, an LSH bucket past its
  // limit, a sentence turned boilerplate that leaves a borrowed day with
  // no tie, or when another connection wrote; see derivation_cache.h).
  // REQUIRES (keep_derivation): this Pipeline is the only writer of
  // mentions through its Store connection.
  Result<size_t> RebuildEvents();
  // The events as the last RebuildEvents derived them, in DeriveEvents'
  // order: with keep_derivation, a copy of the kept derivation's (no
  // derivation; O(events)); otherwise (or before the first rebuild, or
  // when the kept one was dropped) DeriveEvents().
  Result<std::vector<Event>> CurrentEvents();

  // Near-duplicate groups, shared sentences, copies and borrowed reference
  // days over the whole store (see dedup.h).
  Result<DedupResult> Duplicates();

  // Re-extracts every stored article (after a lexicon change).
  Status Reextract(IngestReport* report);

  const Gazetteer* gazetteer() const { return gazetteer_.get(); }

  // How RebuildEvents ran (keep_derivation): merged into the kept
  // derivation, or derived in full.
  struct RebuildCounts {
    int64_t incremental = 0, full = 0;
  };
  const RebuildCounts& rebuild_counts() const { return rebuild_counts_; }

 private:
  Pipeline(Store* store, PipelineOptions options);
  // Enters `stage` on options_.clock, if any.
  void Enter(std::string_view stage) {
    if (options_.clock) options_.clock->Enter(stage);
  }
  struct Pending;

  // Documents per Ingest batch (one transaction), and the raw bytes that
  // close a batch early (bounds memory on large documents).
  static constexpr size_t kBatchDocuments = 256;
  static constexpr size_t kBatchBytes = 32u << 20;
  Status IngestBatch(std::vector<Pending>& batch, IngestReport* report,
                     const Progress& progress);
  // An Ingest call's bulk state (PipelineOptions::bulk_min_articles).
  struct Bulk {
    int64_t stored_before = 0;  // the report's count when the call began
    bool decided = false;       // the store's size was counted
    bool suspended = false;     // the mention index is dropped
  };
  Status MaybeBulk(const IngestReport& report, Bulk* bulk);
  Status StoreArticle(const std::string& where, const Result<Article>& article,
                      std::vector<Mention>* mentions, IngestReport* report);
  // Store-less StoreArticle: keeps `p`'s article (moved from) in memory_.
  Status KeepArticle(Pending& p, IngestReport* report);
  // Whether `a`'s extraction waits for the derivation (one_derivation).
  bool Defers(const Article& a) const;
  Result<bool> HasContent(const Article& a);
  Result<Article> GetArticle(const std::string& id);
  Status ReadMentions(std::vector<Mention>* mentions,
                      const std::set<std::string>* scopes,
                      const std::map<std::string, CivilDay>& skip,
                      size_t extra);
  Result<std::vector<Mention>> MentionsOf(const std::string& id);
  Status ExtractAndStore(const Article& a, IngestReport* report);
  Result<std::vector<DedupInput>> DedupInputs();
  // Without list_shared, DedupResult::shared stays empty (less memory).
  Result<DedupResult> Deduplicate(MergeOptions* options,
                                  std::vector<DedupInput>* keep = nullptr,
                                  bool list_shared = false);
  Result<DedupResult> DeduplicateStreaming(MergeOptions* options,
                                           bool list_shared);
  Status DeriveInputs(std::vector<Mention>* mentions, MergeOptions* options,
                      std::vector<DedupInput>* keep, DedupResult* dedup,
                      const std::vector<std::string>* scopes = nullptr);
  Status CrossParts(const std::set<std::string>& dirty,
                    const std::map<std::string, CivilDay>& reference,
                    CrossScopeParts* cross);
  Status HoldRedated(const std::set<std::string>& dirty,
                     const std::map<std::string, CivilDay>& reference,
                     CrossScopeParts* cross,
                     std::map<std::string, std::vector<Mention>>* in);
  Status DeriveStoredEvents(const std::vector<std::string>& scopes,
                            const Store::StoredEventSink& sink, size_t* count);
  Result<std::optional<size_t>> RebuildIncrementally();
  Result<std::vector<Mention>> RedateOne(const std::string& id, CivilDay day);
  Result<size_t> RebuildAndKeep();
  Status Redate(const std::map<std::string, CivilDay>& reference,
                std::vector<Mention>* redated);
  Status ExtractDeferred(const std::map<std::string, CivilDay>& reference);

  using RedatedSink = std::function<Status(std::vector<Mention>&&)>;
  Status RedateEach(const std::map<std::string, CivilDay>& reference,
                    const RedatedSink& each);

  Store* store_;  // null: store-less (memory_)
  std::unique_ptr<pipeline_internal::MemoryCorpus> memory_;
  PipelineOptions options_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Extractor> extractor_;
  MergeOptions merge_options_;
  // keep_derivation: the kept derivation and the articles stored since.
  std::unique_ptr<pipeline_internal::DerivationCache> cache_;
  std::vector<std::string> pending_;
  RebuildCounts rebuild_counts_;
  bool derived_ = false;  // one_derivation: the mentions were taken
  // one_derivation, from its derivation on: the memory corpus hands over
  // (moves out) its near-duplicate inputs and articles instead of copies.
  bool taking_ = false;

  // DeriveStoredEvents holds the re-dated mentions in the store (not
  // store-less) until each scope's merge reads them; cleared at its end.
  bool holding_redated_ = false;
};

// The stored form of an event (key fields and its JSON Lines record).
StoredEvent ToStoredEvent(const Event& e);

}  // namespace sitrep

#endif  // SITREP_PIPELINE_H_
