// Pipeline: the derivation's inputs (mentions read back, undated articles
// re-dated) and the events merged from them.
#include <map>
#include <optional>
#include <set>

#include "pipeline/memory_corpus.h"
#include "pipeline/parallel.h"
#include "sitrep/pipeline.h"

namespace sitrep {

// An undated article re-read against the day it borrows from the articles
// it shares text with (date origin "cluster"): its relative dates resolve.
Status Pipeline::Redate(const std::map<std::string, CivilDay>& reference,
                        std::vector<Mention>* mentions) {
  if (reference.empty()) return Status::OK();
  // The others' mentions stay in place (compacted in order); the listed
  // articles' new mentions are appended after them, in reference order.
  std::vector<Mention>& all = *mentions;
  std::map<std::string, std::vector<Mention>> own;  // of the articles listed
  size_t n = 0;
  for (auto& m : all) {
    if (reference.count(m.article_id)) {
      own[m.article_id].push_back(std::move(m));
    } else if (&all[n++] != &m) {
      all[n - 1] = std::move(m);
    }
  }
  all.resize(n);
  std::vector<Mention> kept;  // what is appended
  // In batches extracted on the thread pool, appended in reference order.
  std::vector<Article> batch;
  auto flush = [&] {
    std::vector<std::vector<Mention>> extracted(batch.size());
    pipeline_internal::ParallelFor(
        batch.size(), pipeline_internal::ThreadCount(options_.threads),
        [&](size_t i) { extracted[i] = extractor_->Extract(batch[i]); });
    for (std::vector<Mention>& ms : extracted) {
      for (Mention& m : ms) {
        if (m.date_rule == "article") m.date_rule = "cluster";
        kept.push_back(std::move(m));
      }
    }
    batch.clear();
  };
  for (const auto& [id, day] : reference) {
    SITREP_ASSIGN_OR_RETURN(Article a, GetArticle(id));
    if (a.published) {  // dated after all: keep its own mentions
      for (Mention& m : own[id]) kept.push_back(std::move(m));
      continue;
    }
    a.published = day;
    a.date_origin = DateOrigin::kCluster;
    batch.push_back(std::move(a));
    if (batch.size() == kBatchDocuments) flush();
  }
  flush();
  all.reserve(all.size() + kept.size());
  for (Mention& m : kept) all.push_back(std::move(m));
  return Status::OK();
}

Result<Article> Pipeline::GetArticle(const std::string& id) {
  return memory_ ? memory_->GetArticle(id) : store_->GetArticle(id);
}

// Every current mention; with `scopes`, only those of these scopes (the
// others would be dropped after merging's inputs are made anyway).
Status Pipeline::ReadMentions(std::vector<Mention>* mentions,
                              const std::set<std::string>* scopes) {
  if (memory_) {
    *mentions = memory_->Mentions();
  } else {
    // Read in chunks, then moved into one vector of the exact size: a
    // growing vector would hold up to three times the mentions' fixed
    // parts (~640 bytes each) while it reallocates.
    std::vector<std::vector<Mention>> chunks;
    size_t total = 0;
    SITREP_RETURN_IF_ERROR(store_->ForEachMention([&](Mention&& m) {
      if (scopes && !scopes->count(m.Scope())) return Status::OK();
      if (chunks.empty() || chunks.back().size() == kMentionChunk) {
        chunks.emplace_back().reserve(kMentionChunk);
      }
      chunks.back().push_back(std::move(m));
      ++total;
      return Status::OK();
    }));
    mentions->reserve(mentions->size() + total);
    for (std::vector<Mention>& chunk : chunks) {
      for (Mention& m : chunk) mentions->push_back(std::move(m));
      std::vector<Mention>().swap(chunk);
    }
  }
  if (scopes) {
    std::erase_if(*mentions,
                  [&](const Mention& m) { return !scopes->count(m.Scope()); });
  }
  return Status::OK();
}

// The merge inputs: every current mention (re-dated where an undated
// article borrows a day) and the merge options (copies, publication days).
// Near-duplicates are found before the mentions are read, so that the
// dedup index and the mentions are never in memory together.
Status Pipeline::DeriveInputs(std::vector<Mention>* mentions,
                              MergeOptions* options,
                              std::vector<DedupInput>* keep,
                              DedupResult* dedup,
                              const std::vector<std::string>* scopes) {
  *options = merge_options_;
  SITREP_ASSIGN_OR_RETURN(DedupResult d, Deduplicate(options, keep));
  std::optional<std::set<std::string>> only;
  if (scopes) only.emplace(scopes->begin(), scopes->end());
  SITREP_RETURN_IF_ERROR(ReadMentions(mentions, only ? &*only : nullptr));
  SITREP_RETURN_IF_ERROR(Redate(d.reference_dates, mentions));
  if (only) {  // re-dated articles' mentions may lie in other scopes
    std::erase_if(*mentions,
                  [&](const Mention& m) { return !only->count(m.Scope()); });
  }
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

// DeriveEvents, each event handed to `sink` in its stored form as soon as
// it is made (MergeMentionsStreaming): no list of events or rows is kept.
Status Pipeline::DeriveStoredEvents(const std::vector<std::string>& scopes,
                                    const Store::StoredEventSink& sink,
                                    size_t* count) {
  std::vector<Mention> mentions;
  MergeOptions options;
  SITREP_RETURN_IF_ERROR(
      DeriveInputs(&mentions, &options, nullptr, nullptr, &scopes));
  *count = 0;
  return MergeMentionsStreaming(std::move(mentions), options,
                                [&](Event&& e) {
                                  ++*count;
                                  return sink(ToStoredEvent(e));
                                });
}

}  // namespace sitrep
