#include "sitrep/pipeline.h"

#include <malloc.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include "pipeline/derivation_cache.h"
#include "pipeline/memory_corpus.h"
#include "pipeline/parallel.h"
#include "sitrep/dedup.h"
#include "sitrep/export.h"
#include "sitrep/sentences.h"

// gperftools' C entry point (malloc_extension_c.h), declared here so that
// only its runtime library is needed; weak, so null without tcmalloc.
extern "C" void MallocExtension_ReleaseFreeMemory(void) __attribute__((weak));

namespace sitrep {

Pipeline::Pipeline(Store* store, PipelineOptions options)
    : store_(store), options_(std::move(options)) {
  merge_options_.conservative = options_.conservative;
}

Pipeline::~Pipeline() = default;  // here: DerivationCache is complete

Result<std::unique_ptr<Pipeline>> Pipeline::Open(
    Store* store, const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline(store, options));
  SITREP_ASSIGN_OR_RETURN(p->gazetteer_, Gazetteer::OpenDefault());
  SITREP_ASSIGN_OR_RETURN(p->extractor_,
                          Extractor::Create(p->gazetteer_.get()));
  return p;
}

Result<std::unique_ptr<Pipeline>> Pipeline::OpenWithoutStore(
    const PipelineOptions& options) {
  SITREP_ASSIGN_OR_RETURN(std::unique_ptr<Pipeline> p, Open(nullptr, options));
  p->memory_ = std::make_unique<pipeline_internal::MemoryCorpus>();
  return p;
}

namespace {

// Near-duplicate signatures keep their shingles: candidate pairs are
// verified with exact Jaccard.
SignatureOptions DedupSignature() {
  SignatureOptions sig;
  sig.keep_shingles = true;
  return sig;
}

void CountOutcome(PutOutcome outcome, IngestReport* report) {
  switch (outcome) {
    case PutOutcome::kAlreadyPresent:
      ++report->present;
      break;
    case PutOutcome::kInserted:
      ++report->inserted;
      break;
    case PutOutcome::kNewVersion:
      ++report->versions;
      break;
  }
}

// The warnings of an article being stored, into `report` (bounded).
void NoteWarnings(const std::string& where, const Article& a,
                  IngestReport* report) {
  for (const std::string& w : a.warnings) {
    if (report->warnings.size() < IngestReport::kMaxWarnings) {
      report->warnings.push_back(where + ": " + a.id + ": " + w);
    }
    ++report->warning_count;
  }
}

}  // namespace

Status Pipeline::ExtractAndStore(const Article& a, IngestReport* report) {
  std::vector<Mention> mentions = extractor_->Extract(a);
  report->mentions += static_cast<int64_t>(mentions.size());
  return store_->PutMentions(a.id, mentions);
}

// One input of a batch, in input order: a document, or an input that could
// not be read.
struct Pipeline::Pending {
  std::string where;
  std::optional<RawDocument> doc;
  std::optional<Status> read_error;
  std::optional<Result<Article>> article;
  std::optional<std::vector<Mention>> mentions;  // when not already stored
  std::optional<DedupInput> dedup;               // store-less, with mentions
};

Status Pipeline::IngestDocument(RawDocument doc, IngestReport* report) {
  Pending p;
  p.where = doc.source_path;
  p.article = BuildArticle(std::move(doc), options_.limits);
  if (memory_) return KeepArticle(p, report);
  return StoreArticle(p.where, *p.article, nullptr, report);
}

// The store-less StoreArticle: the same outcomes, refusals and report.
Status Pipeline::KeepArticle(Pending& p, IngestReport* report) {
  Result<Article>& article = *p.article;
  Status st =
      article.ok() ? ValidateArticle(article.value()) : article.status();
  if (!st.ok()) {
    report->failures.push_back(p.where + ": " + st.message());
    return Status::OK();
  }
  Article& a = article.value();
  if (memory_->HasContent(a.id, a.content_hash)) {
    CountOutcome(PutOutcome::kAlreadyPresent, report);
    return Status::OK();
  }
  const bool defer = Defers(a);
  if (!p.mentions && !defer) p.mentions = extractor_->Extract(a);
  if (!p.dedup) p.dedup = PrepareArticle(a, DedupSignature());
  if (p.mentions) report->mentions += static_cast<int64_t>(p.mentions->size());
  NoteWarnings(p.where, a, report);
  Result<PutOutcome> outcome =
      defer ? memory_->PutDeferred(std::move(a), std::move(*p.dedup))
            : memory_->Put(std::move(a), std::move(*p.mentions),
                           std::move(*p.dedup));
  if (!outcome.ok()) return outcome.status();
  CountOutcome(*outcome, report);
  return Status::OK();
}

bool Pipeline::Defers(const Article& a) const {
  return memory_ && options_.one_derivation &&
         pipeline_internal::MemoryCorpus::KeepsWhole(a);
}

// The deferred articles (one_derivation) that borrow no day, extracted as
// Ingest would have (Redate extracts the others, with their day), in
// batches on the thread pool.
Status Pipeline::ExtractDeferred(
    const std::map<std::string, CivilDay>& reference) {
  std::vector<std::string> ids = memory_->Deferred();
  std::erase_if(ids,
                [&](const std::string& id) { return reference.count(id); });
  for (size_t from = 0; from < ids.size(); from += kBatchDocuments) {
    const size_t n = std::min(kBatchDocuments, ids.size() - from);
    std::vector<Article> batch;
    for (size_t i = 0; i < n; ++i) {
      SITREP_ASSIGN_OR_RETURN(
          Article a, taking_ ? memory_->TakeDeferredArticle(ids[from + i])
                             : memory_->DeferredArticle(ids[from + i]));
      batch.push_back(std::move(a));
    }
    std::vector<std::vector<Mention>> extracted(n);
    pipeline_internal::ParallelFor(
        n, pipeline_internal::ThreadCount(options_.threads),
        [&](size_t i) { extracted[i] = extractor_->Extract(batch[i]); });
    for (size_t i = 0; i < n; ++i) {
      memory_->SetMentions(ids[from + i], std::move(extracted[i]));
    }
  }
  return Status::OK();
}

Result<bool> Pipeline::HasContent(const Article& a) {
  if (memory_) return memory_->HasContent(a.id, a.content_hash);
  return store_->HasContent(a.id, a.content_hash);
}

// Stores a built article with its mentions (`mentions` when extracted
// beforehand, else extracted here), counting the outcome in `report`.
Status Pipeline::StoreArticle(const std::string& where,
                              const Result<Article>& article,
                              std::vector<Mention>* mentions,
                              IngestReport* report) {
  if (!article.ok()) {
    report->failures.push_back(where + ": " + article.status().message());
    return Status::OK();
  }
  // Article and mentions in one transaction: a kill between them would
  // leave an article that re-ingesting calls "already present" and never
  // extracts (see doc/RELIABILITY.md, kill test).
  auto outcome =
      store_->PutArticleWithMentions(*article, [&](const Article& a) {
        std::vector<Mention> m =
            mentions ? std::move(*mentions) : extractor_->Extract(a);
        report->mentions += static_cast<int64_t>(m.size());
        return m;
      });
  if (!outcome.ok()) {
    if (outcome.status().code() != StatusCode::kInvalidArgument) {
      return outcome.status().WithContext(where);
    }
    report->failures.push_back(where + ": " + outcome.status().message());
    return Status::OK();
  }
  CountOutcome(*outcome, report);
  if (*outcome != PutOutcome::kAlreadyPresent) {
    NoteWarnings(where, *article, report);
  }
  if (options_.keep_derivation && *outcome != PutOutcome::kAlreadyPresent) {
    pending_.push_back(article->id);
  }
  return Status::OK();
}

// Cleaning and extraction run on the thread pool, each document into its
// own slot; the store is written on this thread, in input order, in one
// transaction. So the store and the report do not depend on the thread
// count. An article already stored with this content is not extracted.
Status Pipeline::IngestBatch(std::vector<Pending>& batch, IngestReport* report,
                             const Progress& progress) {
  using pipeline_internal::ParallelFor;
  const int threads = pipeline_internal::ThreadCount(options_.threads);
  ParallelFor(batch.size(), threads, [&](size_t i) {
    Pending& p = batch[i];
    if (p.doc) p.article = BuildArticle(std::move(*p.doc), options_.limits);
  });
  std::vector<size_t> fresh;
  for (size_t i = 0; i < batch.size(); ++i) {
    const auto& a = batch[i].article;
    if (!a || !a->ok() || a->value().id.empty()) continue;
    SITREP_ASSIGN_OR_RETURN(bool present, HasContent(a->value()));
    if (!present) fresh.push_back(i);
  }
  ParallelFor(fresh.size(), threads, [&](size_t k) {
    Pending& p = batch[fresh[k]];
    if (!Defers(p.article->value())) {
      p.mentions = extractor_->Extract(p.article->value());
    }
    if (memory_) p.dedup = PrepareArticle(p.article->value(), DedupSignature());
  });
  std::unique_ptr<Store::WriteBatch> txn;
  if (!memory_) {
    SITREP_ASSIGN_OR_RETURN(txn, store_->BeginWriteBatch());
  }
  for (Pending& p : batch) {
    if (p.read_error) {
      report->failures.push_back(p.where + ": " + p.read_error->message());
    } else if (memory_) {
      SITREP_RETURN_IF_ERROR(KeepArticle(p, report));
    } else {
      SITREP_RETURN_IF_ERROR(StoreArticle(
          p.where, *p.article, p.mentions ? &*p.mentions : nullptr, report));
    }
    if (progress) progress(*report, p.where);
  }
  return txn ? txn->Commit() : Status::OK();
}

Status Pipeline::Ingest(const std::vector<std::string>& paths,
                        IngestReport* report, const Progress& progress) {
  if (store_) SITREP_RETURN_IF_ERROR(store_->RestoreIndexes());
  Enter("storing articles");
  Status fatal;
  std::vector<Pending> batch;
  size_t batch_bytes = 0;
  Bulk bulk{report->inserted + report->versions};
  auto flush = [&] {
    if (fatal.ok() && !batch.empty()) fatal = MaybeBulk(*report, &bulk);
    if (fatal.ok() && !batch.empty()) {
      fatal = IngestBatch(batch, report, progress);
    }
    batch.clear();
    batch_bytes = 0;
  };
  Status st = ReadDocuments(
      paths, options_.limits,
      [&](RawDocument&& doc) {
        if (!fatal.ok()) return;
        batch_bytes += doc.bytes.size();
        Pending& p = batch.emplace_back();
        p.where = doc.source_path;
        p.doc = std::move(doc);
        if (batch.size() >= kBatchDocuments || batch_bytes >= kBatchBytes) {
          flush();
        }
      },
      [&](InputError&& e) {
        if (!fatal.ok()) return;
        Pending& p = batch.emplace_back();
        p.where = std::move(e.where);
        p.read_error = std::move(e.status);
      });
  flush();
  if (bulk.suspended) {
    Enter("building indexes");
    Status restored = store_->RestoreIndexes();
    if (fatal.ok()) fatal = restored;
  }
  SITREP_RETURN_IF_ERROR(fatal);
  return st;
}

// Suspends the mention index once this Ingest is a bulk one
// (PipelineOptions::bulk_min_articles); the store's size is counted once,
// when this call has stored that many articles.
Status Pipeline::MaybeBulk(const IngestReport& report, Bulk* bulk) {
  const int64_t min = options_.bulk_min_articles;
  if (!store_ || min < 0 || bulk->decided) return Status::OK();
  const int64_t stored =
      report.inserted + report.versions - bulk->stored_before;
  if (stored < min) return Status::OK();
  bulk->decided = true;
  SITREP_ASSIGN_OR_RETURN(int64_t articles, store_->CountArticles());
  if (2 * stored < articles) return Status::OK();  // the store held as many
  SITREP_RETURN_IF_ERROR(store_->SuspendMentionIndex());
  bulk->suspended = true;
  return Status::OK();
}

namespace {

// Each stored article's near-duplicate input, in id order. The summary
// load skips raw bytes and offsets; sentences are re-split from the clean
// text (the same function made the stored spans).
// Hands the heap's free pages back to the system, so that RSS drops after
// a phase that used much memory (glibc and tcmalloc keep them otherwise).
// tcmalloc's entry point is looked up weakly: null when the program links
// the system allocator (SITREP_MALLOC=system, sanitised builds).
void ReleaseFreeMemory() {
  if (MallocExtension_ReleaseFreeMemory) {
    MallocExtension_ReleaseFreeMemory();
  } else {
    malloc_trim(0);
  }
}

Status ForEachStoredDedupInput(Store& store, const SignatureOptions& sig,
                               const std::function<Status(DedupInput)>& fn) {
  return store.ForEachArticle(ArticleLoad::kSummary, [&](const Article& a) {
    Article light = a;
    light.sentences = SplitSentences(light.text);
    return fn(PrepareArticle(light, sig));
  });
}

}  // namespace

// Every current article's near-duplicate input with its shingle sets, in
// id order: the store-less pipeline prepared them at ingest; over a store
// they are prepared again from the clean text.
Result<std::vector<DedupInput>> Pipeline::DedupInputs() {
  if (memory_) {
    return taking_ ? memory_->TakeDedupInputs() : memory_->DedupInputs();
  }
  std::vector<DedupInput> inputs;
  SITREP_RETURN_IF_ERROR(
      ForEachStoredDedupInput(*store_, DedupSignature(), [&](DedupInput in) {
        inputs.push_back(std::move(in));
        return Status::OK();
      }));
  return inputs;
}

// Near-duplicates and shared sentences: which article copies which, and
// the reference day an undated article borrows. Over a store, unless the
// kept derivation asks for every input (`keep`), it streams (see
// DeduplicateStreaming).
Result<DedupResult> Pipeline::Deduplicate(MergeOptions* options,
                                          std::vector<DedupInput>* keep,
                                          bool list_shared) {
  if (!memory_ && !keep) return DeduplicateStreaming(options, list_shared);
  SITREP_ASSIGN_OR_RETURN(std::vector<DedupInput> inputs, DedupInputs());
  for (const DedupInput& in : inputs) {
    if (in.info.published) options->published[in.info.id] = *in.info.published;
  }
  if (keep) *keep = inputs;
  // As sitrep::Deduplicate, but listing the shared sentences only when
  // asked: counting them is cheaper (their string sort was ~5% of extract).
  DedupBuilder builder;
  for (DedupInput& in : inputs) {
    SITREP_RETURN_IF_ERROR(builder.Add(std::move(in)));
    in = DedupInput();  // frees its sentences now, not at the end
  }
  SITREP_ASSIGN_OR_RETURN(DedupResult d, builder.Finish(nullptr, list_shared));
  options->copy_of = {d.copy_of.begin(), d.copy_of.end()};
  return d;
}

// The store's articles one at a time. Without list_shared, StreamingDedup
// keeps band keys, fingerprints, pair counts and the shingle sets that
// verify candidate pairs (exact Jaccard) on disk (memory ~50 bytes per
// article besides `published`), and the heap used is handed back to the
// system before returning; with it, the sets are re-read from the store a
// chunk at a time.
Result<DedupResult> Pipeline::DeduplicateStreaming(MergeOptions* options,
                                                   bool list_shared) {
  SignatureOptions sig = DedupSignature();
  // Streaming, the sets are spilled (StreamingDedup::Add); listing shared
  // sentences, the builder holds what it is given: none.
  sig.keep_shingles = !list_shared;
  LshParams lsh;
  lsh.keep_signatures = false;
  ShingleSource source =
      [&](const std::string& id) -> Result<std::vector<uint32_t>> {
    SITREP_ASSIGN_OR_RETURN(std::string clean, store_->GetArticleText(id));
    std::string_view text = clean;
    return ShingleSet(text.substr(0, std::min(text.size(), sig.max_bytes)));
  };
  auto add_all = [&](auto& builder) {
    return ForEachStoredDedupInput(*store_, sig, [&](DedupInput in) {
      if (in.info.published) {
        options->published.insert_or_assign(in.info.id, *in.info.published);
      }
      return builder.Add(std::move(in));
    });
  };
  auto dedup = [&]() -> Result<DedupResult> {
    if (list_shared) {
      DedupBuilder builder({}, lsh);
      SITREP_RETURN_IF_ERROR(add_all(builder));
      return builder.Finish(&source, list_shared);
    }
    StreamingDedup builder({}, lsh);
    SITREP_RETURN_IF_ERROR(add_all(builder));
    return builder.Finish(source);
  };
  Result<DedupResult> d = dedup();
  ReleaseFreeMemory();
  if (d.ok()) options->copy_of = {d->copy_of.begin(), d->copy_of.end()};
  return d;
}

Result<DedupResult> Pipeline::Duplicates() {
  MergeOptions options;
  return Deduplicate(&options, nullptr, /*list_shared=*/true);
}

namespace pipeline_internal {

std::vector<StoredEvent> ToStoredEvents(const std::vector<Event>& events) {
  std::vector<StoredEvent> rows;
  rows.reserve(events.size());
  for (const Event& e : events) rows.push_back(ToStoredEvent(e));
  return rows;
}

}  // namespace pipeline_internal

// Derived and stored so that a concurrent ingest's commits are not lost:
// the last rebuild to finish sees every mention (see store.h).
Result<size_t> Pipeline::RebuildEvents() {
  if (!store_) {
    return Status::InvalidArgument("rebuilding events needs a store");
  }
  if (options_.keep_derivation) {
    SITREP_ASSIGN_OR_RETURN(std::optional<size_t> n, RebuildIncrementally());
    ++(n ? rebuild_counts_.incremental : rebuild_counts_.full);
    return n ? *n : RebuildAndKeep();
  }
  SITREP_RETURN_IF_ERROR(store_->RestoreIndexes());
  size_t n = 0;
  Status st = store_->ReplaceDirtyEventsStreamed(
      [&](const std::vector<std::string>& scopes,
          const Store::StoredEventSink& sink) {
        Status derived = DeriveStoredEvents(scopes, sink, &n);
        Enter("writing events");  // the stage replaces the events
        return derived;
      });
  if (options_.clock) options_.clock->Stop();
  SITREP_RETURN_IF_ERROR(st);
  return n;
}

Status Pipeline::Reextract(IngestReport* report) {
  if (!store_) return Status::InvalidArgument("re-extracting needs a store");
  Enter("re-extracting");
  std::vector<std::string> ids;
  SITREP_RETURN_IF_ERROR(
      store_->ForEachArticle(ArticleLoad::kSummary, [&](const Article& a) {
        ids.push_back(a.id);
        return Status::OK();
      }));
  for (const std::string& id : ids) {
    SITREP_ASSIGN_OR_RETURN(Article a, GetArticle(id));
    SITREP_RETURN_IF_ERROR(ExtractAndStore(a, report));
  }
  return Status::OK();
}

StoredEvent ToStoredEvent(const Event& e) {
  StoredEvent s;
  s.id = e.id;
  s.kind = MentionKindName(e.kind);
  s.event_type = e.event_type;
  if (e.date.valid()) s.event_date = e.date.ToIso();
  if (e.location) {
    s.country = e.location->country;
    s.latitude = e.location->lat;
    s.longitude = e.location->lon;
  }
  const auto& k = e.counts[static_cast<int>(Outcome::kKilled)];
  if (k) s.fatalities = k->value();
  s.articles = e.articles;
  s.json = EventToJsonLine(e);
  return s;
}

}  // namespace sitrep
