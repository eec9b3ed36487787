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

// The aggregates' parts that lie across scopes (CrossScopeParts), from
// the articles with an aggregate and mentions in more than one scope
// (`Store::ArticlesAcrossScopes`) and the re-dated articles' mentions
// (`redated`, already only of the `dirty` scopes), as they are merged.
Status Pipeline::CrossParts(const std::set<std::string>& dirty,
                            const std::map<std::string, CivilDay>& reference,
                            const std::vector<Mention>& redated,
                            CrossScopeParts* cross) {
  // Redate appends each article's mentions together.
  for (size_t i = 0, j = 0; i < redated.size(); i = j) {
    while (j < redated.size() &&
           redated[j].article_id == redated[i].article_id) {
      ++j;
    }
    cross->AddArticle(std::span(redated).subspan(i, j - i));
  }
  SITREP_ASSIGN_OR_RETURN(std::vector<std::string> ids,
                          store_->ArticlesAcrossScopes());
  for (const std::string& id : ids) {
    if (reference.count(id)) continue;
    SITREP_ASSIGN_OR_RETURN(std::vector<Mention> ms, store_->MentionsOf(id));
    std::erase_if(ms,
                  [&](const Mention& m) { return !dirty.count(m.Scope()); });
    cross->AddArticle(ms);
  }
  return Status::OK();
}

// DeriveEvents, each event handed to `sink` in its stored form as soon as
// it is made (MergeMentionsStreaming): no list of events or rows is kept,
// and the mentions are read and merged one scope at a time, by day
// (MergeStoredScope: only the clusters a later day or the scope's undated
// and weak mentions may change are held; the aggregates with parts wait
// for the last scope). Store-less, every mention is in memory anyway: one
// merge (MergeScopeStreaming).
Status Pipeline::DeriveStoredEvents(const std::vector<std::string>& scopes,
                                    const Store::StoredEventSink& sink,
                                    size_t* count) {
  MergeOptions options = merge_options_;
  std::map<std::string, CivilDay> reference;
  {
    SITREP_ASSIGN_OR_RETURN(DedupResult d, Deduplicate(&options));
    reference = std::move(d.reference_dates);
  }
  const std::set<std::string> dirty(scopes.begin(), scopes.end());
  std::vector<Mention> redated;
  SITREP_RETURN_IF_ERROR(Redate(reference, &redated));
  std::erase_if(redated,
                [&](const Mention& m) { return !dirty.count(m.Scope()); });
  CrossScopeParts cross;
  if (!memory_) {
    SITREP_RETURN_IF_ERROR(CrossParts(dirty, reference, redated, &cross));
  }
  std::map<std::string, std::vector<Mention>> redated_in;  // by scope
  for (Mention& m : redated) {
    std::string scope = m.Scope();
    redated_in[scope].push_back(std::move(m));
  }
  std::vector<Mention>().swap(redated);
  std::vector<std::vector<std::string>> units;  // merged one at a time
  if (memory_ && !scopes.empty()) units.push_back(scopes);
  for (const std::string& s : memory_ ? std::vector<std::string>{} : scopes) {
    units.push_back({s});
  }
  *count = 0;
  auto stage = [&](Event&& e) {
    ++*count;
    return sink(ToStoredEvent(e));
  };
  for (const std::vector<std::string>& unit : units) {
    if (!memory_) {  // one scope, read by day (bounded: WindowedScopeMerge)
      std::vector<Mention> extra = std::move(redated_in[unit.front()]);
      redated_in.erase(unit.front());
      SITREP_RETURN_IF_ERROR(pipeline_internal::MergeStoredScope(
          store_, unit.front(), reference, std::move(extra), options, &cross,
          stage));
      continue;
    }
    const std::set<std::string> only(unit.begin(), unit.end());
    size_t extra = 0;
    for (const std::string& s : unit) extra += redated_in[s].size();
    std::vector<Mention> mentions;
    SITREP_RETURN_IF_ERROR(ReadMentions(&mentions, &only, reference, extra));
    for (const std::string& s : unit) {
      for (Mention& m : redated_in[s]) mentions.push_back(std::move(m));
      redated_in.erase(s);
    }
    SITREP_RETURN_IF_ERROR(
        MergeScopeStreaming(std::move(mentions), options, &cross, stage));
  }
  return cross.Finish(stage);
}

}  // namespace sitrep
