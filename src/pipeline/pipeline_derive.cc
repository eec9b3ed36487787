// Pipeline: the derivation's inputs (mentions read back, undated articles
// re-dated) and the events merged from them.
#include <map>
#include <optional>
#include <set>
#include <span>

#include "pipeline/memory_corpus.h"
#include "pipeline/parallel.h"
#include "pipeline/window_derive.h"
#include "sitrep/pipeline.h"

namespace sitrep {

// An undated article re-read against the day it borrows from the articles
// it shares text with (date origin "cluster"): its relative dates resolve.
// `redated` gets the mentions that replace those of the listed articles,
// in reference order (an article dated after all keeps its own).
Status Pipeline::Redate(const std::map<std::string, CivilDay>& reference,
                        std::vector<Mention>* redated) {
  return RedateEach(reference, [&](std::vector<Mention>&& ms) {
    for (Mention& m : ms) redated->push_back(std::move(m));
    return Status::OK();
  });
}

// Redate handing each article's mentions to `each` as they are made.
Status Pipeline::RedateEach(const std::map<std::string, CivilDay>& reference,
                            const RedatedSink& each) {
  // In batches extracted on the thread pool, handed over in reference order.
  std::vector<Article> batch;
  auto flush = [&]() -> Status {
    std::vector<std::vector<Mention>> extracted(batch.size());
    pipeline_internal::ParallelFor(
        batch.size(), pipeline_internal::ThreadCount(options_.threads),
        [&](size_t i) { extracted[i] = extractor_->Extract(batch[i]); });
    batch.clear();
    for (std::vector<Mention>& ms : extracted) {
      for (Mention& m : ms) {
        if (m.date_rule == "article") m.date_rule = "cluster";
      }
      SITREP_RETURN_IF_ERROR(each(std::move(ms)));
    }
    return Status::OK();
  };
  for (const auto& [id, day] : reference) {
    SITREP_ASSIGN_OR_RETURN(Article a, GetArticle(id));
    if (a.published) {  // dated after all: keep its own mentions
      SITREP_ASSIGN_OR_RETURN(std::vector<Mention> own, MentionsOf(id));
      SITREP_RETURN_IF_ERROR(each(std::move(own)));
      continue;
    }
    a.published = day;
    a.date_origin = DateOrigin::kCluster;
    batch.push_back(std::move(a));
    if (batch.size() == kBatchDocuments) SITREP_RETURN_IF_ERROR(flush());
  }
  return flush();
}

Result<std::vector<Mention>> Pipeline::MentionsOf(const std::string& id) {
  if (!memory_) return store_->MentionsOf(id);
  return memory_->MentionsOf(id);
}

Result<Article> Pipeline::GetArticle(const std::string& id) {
  if (!memory_) return store_->GetArticle(id);
  return taking_ ? memory_->TakeArticle(id) : memory_->GetArticle(id);
}

// Every current mention but those of the articles in `skip`; with
// `scopes`, only those of these scopes (the others would be dropped after
// merging's inputs are made anyway). Room is made for `extra` more.
Status Pipeline::ReadMentions(std::vector<Mention>* mentions,
                              const std::set<std::string>* scopes,
                              const std::map<std::string, CivilDay>& skip,
                              size_t extra) {
  auto wanted = [&](const Mention& m) {
    return !skip.count(m.article_id) && (!scopes || scopes->count(m.Scope()));
  };
  if (memory_ && options_.one_derivation) {  // taken, not copied
    if (derived_) return Status::InvalidArgument("events derived already");
    derived_ = true;
    *mentions = memory_->TakeMentions(wanted, extra);  // room for `extra`
    return Status::OK();
  }
  if (memory_) {
    *mentions = memory_->Mentions(wanted);  // reserves room for all of them
    mentions->reserve(mentions->size() + extra);
    return Status::OK();
  }
  // Room for every stored mention first: a vector growing by doubling
  // holds up to three times the mentions' fixed parts (~640 bytes each)
  // while it reallocates. With `scopes` this is an upper bound (a partial
  // rebuild read every mention before).
  auto keep = [&](Mention&& m) {
    if (wanted(m)) mentions->push_back(std::move(m));
    return Status::OK();
  };
  if (scopes) {  // through the index on mentions(scope) (schema v4)
    const std::vector<std::string> in(scopes->begin(), scopes->end());
    SITREP_ASSIGN_OR_RETURN(int64_t stored, store_->CountMentionsIn(in));
    mentions->reserve(mentions->size() + static_cast<size_t>(stored) + extra);
    return store_->ForEachMentionIn(in, keep);
  }
  SITREP_ASSIGN_OR_RETURN(int64_t stored, store_->CountMentions());
  mentions->reserve(mentions->size() + static_cast<size_t>(stored) + extra);
  return store_->ForEachMention(keep);
}

// The merge inputs: every current mention (re-dated where an undated
// article borrows a day) and the merge options (copies, publication days).
// Near-duplicates are found before the mentions are read, so that the
// dedup index and the mentions are never in memory together, and the
// re-dated articles' mentions are made before the others are read, so
// that they are appended without growing the vector.
Status Pipeline::DeriveInputs(std::vector<Mention>* mentions,
                              MergeOptions* options,
                              std::vector<DedupInput>* keep, DedupResult* dedup,
                              const std::vector<std::string>* scopes) {
  if (memory_ && options_.one_derivation) {
    if (derived_) return Status::InvalidArgument("events derived already");
    taking_ = true;  // the one derivation: the corpus is spent by it
  }
  *options = merge_options_;
  SITREP_ASSIGN_OR_RETURN(DedupResult d, Deduplicate(options, keep));
  if (memory_) SITREP_RETURN_IF_ERROR(ExtractDeferred(d.reference_dates));
  std::optional<std::set<std::string>> only;
  if (scopes) only.emplace(scopes->begin(), scopes->end());
  std::vector<Mention> redated;
  SITREP_RETURN_IF_ERROR(Redate(d.reference_dates, &redated));
  if (only) {  // re-dated articles' mentions may lie in other scopes
    std::erase_if(redated,
                  [&](const Mention& m) { return !only->count(m.Scope()); });
  }
  SITREP_RETURN_IF_ERROR(ReadMentions(mentions, only ? &*only : nullptr,
                                      d.reference_dates, redated.size()));
  for (Mention& m : redated) mentions->push_back(std::move(m));
  if (dedup) *dedup = std::move(d);
  return Status::OK();
}

Result<std::vector<Event>> Pipeline::DeriveEvents(
    const std::vector<std::string>* scopes) {
  std::vector<Mention> mentions;
  MergeOptions options;
  SITREP_RETURN_IF_ERROR(
      DeriveInputs(&mentions, &options, nullptr, nullptr, scopes));
  return MergeMentions(std::move(mentions), options);
}

Status Pipeline::DeriveEventsInto(const EventSink& sink) {
  std::vector<Mention> mentions;
  MergeOptions options;
  SITREP_RETURN_IF_ERROR(DeriveInputs(&mentions, &options, nullptr, nullptr));
  return MergeMentionsStreaming(std::move(mentions), options, sink);
}

// The aggregates' parts that lie across scopes (CrossScopeParts) from the
// articles with an aggregate and mentions in more than one scope
// (`Store::ForEachKeyAcrossScopes`: only the keys AddArticle reads, in
// the `dirty` scopes), but for the re-dated ones (`reference`), which
// RedateEach hands to `cross` as they are made.
Status Pipeline::CrossParts(const std::set<std::string>& dirty,
                            const std::map<std::string, CivilDay>& reference,
                            CrossScopeParts* cross) {
  std::vector<Mention> ms;  // one article's, keys only
  auto add = [&] {
    cross->AddArticle(ms);
    ms.clear();
  };
  SITREP_RETURN_IF_ERROR(
      store_->ForEachKeyAcrossScopes([&](const Store::MentionKey& k) {
        if (!ms.empty() && ms.front().article_id != k.article_id) add();
        if (reference.count(k.article_id) || !dirty.count(k.scope)) {
          return Status::OK();
        }
        Mention& m = ms.emplace_back();
        m.article_id = k.article_id;
        m.kind = k.aggregate ? MentionKind::kAggregate : MentionKind::kIncident;
        m.location.emplace().country = k.scope;
        m.parts = k.parts;
        return Status::OK();
      }));
  add();
  return Status::OK();
}

// Holds the re-dated mentions of the `dirty` scopes for the per-scope
// loop: store-less, in `redated_in` by scope; otherwise in the store
// (ReadMentions appends them), each article's handed to `cross` too.
Status Pipeline::HoldRedated(const std::set<std::string>& dirty,
                             const std::map<std::string, CivilDay>& reference,
                             CrossScopeParts* cross,
                             std::map<std::string, std::vector<Mention>>* in) {
  if (!memory_) {
    SITREP_RETURN_IF_ERROR(store_->ClearHeldMentions());
    holding_redated_ = true;
  }
  return RedateEach(reference, [&](std::vector<Mention>&& ms) {
    std::erase_if(ms,
                  [&](const Mention& m) { return !dirty.count(m.Scope()); });
    if (memory_) {
      for (Mention& m : ms) (*in)[m.Scope()].push_back(std::move(m));
      return Status::OK();
    }
    cross->AddArticle(ms);
    return store_->HoldMentions(ms);
  });
}

namespace {

// Gathers the `scopes`' mentions for the scope merges
// (PipelineOptions::gather_min_mentions) when they are most of the store.
Status GatherIfMost(Store* store, const std::vector<std::string>& scopes,
                    int64_t min_mentions) {
  if (min_mentions < 0) return Status::OK();
  SITREP_ASSIGN_OR_RETURN(int64_t dirty, store->CountMentionsIn(scopes));
  if (dirty < min_mentions) return Status::OK();
  SITREP_ASSIGN_OR_RETURN(int64_t all, store->CountMentions());
  if (2 * dirty < all) return Status::OK();
  return store->GatherScopes(scopes);
}

}  // namespace

// DeriveEvents, each event handed to `sink` in its stored form as soon as
// it is made (MergeMentionsStreaming): no list of events or rows is kept,
// and the mentions are read and merged one scope at a time, by day
// (MergeStoredScope: only the clusters a later day or the scope's undated
// and weak mentions may change are held; the aggregates with parts wait
// for the last scope). The re-dated mentions wait in the store
// (HoldRedated) until their scope is merged; a full rebuild first gathers
// the mentions in the order it reads them (GatherIfMost). Store-less,
// every mention is in memory anyway: one merge (MergeScopeStreaming).
Status Pipeline::DeriveStoredEvents(const std::vector<std::string>& scopes,
                                    const Store::StoredEventSink& sink,
                                    size_t* count) {
  MergeOptions options = merge_options_;
  std::map<std::string, CivilDay> reference;
  Enter("near-duplicates");
  {
    SITREP_ASSIGN_OR_RETURN(DedupResult d, Deduplicate(&options));
    reference = std::move(d.reference_dates);
  }
  if (memory_) SITREP_RETURN_IF_ERROR(ExtractDeferred(reference));
  const std::set<std::string> dirty(scopes.begin(), scopes.end());
  CrossScopeParts cross;
  std::map<std::string, std::vector<Mention>> redated_in;  // store-less
  struct Unhold {  // the held mentions go with this derivation
    Pipeline* p;
    ~Unhold() {
      if (!p->holding_redated_) return;
      p->Enter("releasing held mentions");
      p->holding_redated_ = false;
      (void)p->store_->ClearHeldMentions();
    }
  } unhold{this};
  Enter("re-dating");
  SITREP_RETURN_IF_ERROR(HoldRedated(dirty, reference, &cross, &redated_in));
  *count = 0;
  auto stage = [&](Event&& e) {
    ++*count;
    return sink(ToStoredEvent(e));
  };
  if (!memory_) {
    SITREP_RETURN_IF_ERROR(CrossParts(dirty, reference, &cross));
    Enter("gathering");
    SITREP_RETURN_IF_ERROR(
        GatherIfMost(store_, scopes, options_.gather_min_mentions));
    Enter("merging");
    pipeline_internal::ArticleSet redated;  // views of `reference`'s keys
    redated.reserve(reference.size());
    for (const auto& [id, day] : reference) redated.insert(id);
    for (const std::string& s : scopes) {
      SITREP_RETURN_IF_ERROR(pipeline_internal::MergeStoredScope(
          store_, s, redated, options, &cross, stage));
    }
  } else if (!scopes.empty()) {
    size_t extra = 0;
    for (const std::string& s : scopes) extra += redated_in[s].size();
    std::vector<Mention> mentions;
    SITREP_RETURN_IF_ERROR(ReadMentions(&mentions, &dirty, reference, extra));
    Enter("merging");
    for (const std::string& s : scopes) {
      for (Mention& m : redated_in[s]) mentions.push_back(std::move(m));
      redated_in.erase(s);
    }
    SITREP_RETURN_IF_ERROR(
        MergeScopeStreaming(std::move(mentions), options, &cross, stage));
  }
  return cross.Finish(stage);
}

}  // namespace sitrep
