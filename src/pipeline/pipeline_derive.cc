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
// `redated` gets the mentions that replace those of the listed articles,
// in reference order (an article dated after all keeps its own).
Status Pipeline::Redate(const std::map<std::string, CivilDay>& reference,
                        std::vector<Mention>* redated) {
  std::vector<Mention>& kept = *redated;
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
      SITREP_ASSIGN_OR_RETURN(std::vector<Mention> own, MentionsOf(id));
      for (Mention& m : own) kept.push_back(std::move(m));
      continue;
    }
    a.published = day;
    a.date_origin = DateOrigin::kCluster;
    batch.push_back(std::move(a));
    if (batch.size() == kBatchDocuments) flush();
  }
  flush();
  return Status::OK();
}

Result<std::vector<Mention>> Pipeline::MentionsOf(const std::string& id) {
  if (!memory_) return store_->MentionsOf(id);
  return memory_->MentionsOf(id);
}

Result<Article> Pipeline::GetArticle(const std::string& id) {
  return memory_ ? memory_->GetArticle(id) : store_->GetArticle(id);
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
  if (memory_) {
    *mentions = memory_->Mentions(wanted);  // reserves room for all of them
    mentions->reserve(mentions->size() + extra);
    return Status::OK();
  }
  // Room for every stored mention first: a vector growing by doubling
  // holds up to three times the mentions' fixed parts (~640 bytes each)
  // while it reallocates. With `scopes` this is an upper bound (a partial
  // rebuild read every mention before).
  SITREP_ASSIGN_OR_RETURN(int64_t stored, store_->CountMentions());
  mentions->reserve(mentions->size() + static_cast<size_t>(stored) + extra);
  return store_->ForEachMention([&](Mention&& m) {
    if (wanted(m)) mentions->push_back(std::move(m));
    return Status::OK();
  });
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
  *options = merge_options_;
  SITREP_ASSIGN_OR_RETURN(DedupResult d, Deduplicate(options, keep));
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
  return MergeMentionsStreaming(std::move(mentions), options, [&](Event&& e) {
    ++*count;
    return sink(ToStoredEvent(e));
  });
}

}  // namespace sitrep
