// The kept derivation (PipelineOptions::keep_derivation): a full derivation
// whose state is kept, then incremental merges of the articles stored since
// (src/pipeline/derivation_cache.h, include/sitrep/incremental_merge.h).
#include <optional>

#include "pipeline/derivation_cache.h"
#include "sitrep/export.h"
#include "sitrep/pipeline.h"
#include "sitrep/sentences.h"

namespace sitrep {

using pipeline_internal::ToStoredEvents;

// A full derivation, kept for the next rebuilds (see keep_derivation).
Result<size_t> Pipeline::RebuildAndKeep() {
  pending_.clear();  // the full derivation reads them
  size_t n = 0;
  SITREP_RETURN_IF_ERROR(store_->ReplaceEventsConsistently(
      [&]() -> Result<std::vector<StoredEvent>> {
        cache_.reset();
        SITREP_ASSIGN_OR_RETURN(int64_t version, store_->DataVersion());
        std::vector<Mention> mentions;
        MergeOptions options;
        std::vector<DedupInput> inputs;
        DedupResult dedup;
        SITREP_RETURN_IF_ERROR(
            DeriveInputs(&mentions, &options, &inputs, &dedup));
        auto cache = std::make_unique<pipeline_internal::DerivationCache>(
            std::move(inputs), dedup, std::move(mentions), std::move(options));
        std::vector<Event> events;
        if (cache->ok()) {
          cache->data_version = version;
          events = cache->Events();
          cache_ = std::move(cache);
        } else {  // two mentions share a merge key: no incremental merge
          SITREP_ASSIGN_OR_RETURN(events, DeriveEvents());
        }
        n = events.size();
        return ToStoredEvents(events);
      }));
  return n;
}

// Merges the articles stored since the last rebuild into the kept
// derivation and writes the events that changed; nullopt when only a full
// derivation is exact (the kept one is then dropped).
Result<std::optional<size_t>> Pipeline::RebuildIncrementally() {
  std::vector<std::string> ids = std::move(pending_);
  pending_.clear();
  if (!cache_) return std::optional<size_t>();
  SITREP_ASSIGN_OR_RETURN(int64_t version, store_->DataVersion());
  std::map<std::string, std::optional<StoredEvent>> delta;  // nullopt: gone
  bool exact = version == cache_->data_version;
  SignatureOptions sig;
  sig.keep_shingles = true;  // as Deduplicate
  for (size_t i = 0; exact && i < ids.size(); ++i) {
    SITREP_ASSIGN_OR_RETURN(Article a, store_->GetArticle(ids[i]));
    a.sentences = SplitSentences(a.text);  // as Deduplicate
    SITREP_ASSIGN_OR_RETURN(std::vector<Mention> ms,
                            store_->MentionsOf(ids[i]));
    SITREP_ASSIGN_OR_RETURN(
        auto deltas,
        cache_->Admit(PrepareArticle(a, sig), a.published, std::move(ms),
                      [&](const std::string& id, CivilDay day) {
                        return RedateOne(id, day);
                      }));
    exact = deltas.has_value();
    if (!exact) break;
    for (const IncrementalMerge::Delta& d : *deltas) {
      for (const auto& id : d.removed) delta[id] = std::nullopt;
      for (const Event& e : d.changed) delta[e.id] = ToStoredEvent(e);
    }
  }
  std::vector<std::string> removed;
  std::vector<StoredEvent> changed;
  for (auto& [id, e] : delta) {
    if (e)
      changed.push_back(std::move(*e));
    else
      removed.push_back(id);
  }
  if (exact) {
    SITREP_ASSIGN_OR_RETURN(
        exact, store_->ApplyEventDelta(cache_->data_version, removed, changed));
  }
  if (!exact) {
    cache_.reset();
    return std::optional<size_t>();
  }
  return std::optional<size_t>(changed.size());
}

Result<std::vector<Event>> Pipeline::CurrentEvents() {
  if (cache_ && pending_.empty()) return cache_->Events();
  return DeriveEvents();
}

// One article's mentions as Redate makes them.
Result<std::vector<Mention>> Pipeline::RedateOne(const std::string& id,
                                                 CivilDay day) {
  SITREP_ASSIGN_OR_RETURN(Article a, store_->GetArticle(id));
  if (a.published) return store_->MentionsOf(id);  // dated after all
  a.published = day;
  a.date_origin = DateOrigin::kCluster;
  std::vector<Mention> ms = extractor_->Extract(a);
  for (Mention& m : ms) {
    if (m.date_rule == "article") m.date_rule = "cluster";
  }
  return ms;
}

}  // namespace sitrep
