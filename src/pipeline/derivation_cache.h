// DerivationCache: the event derivation of a store kept in memory between
// rebuilds, so that storing one article re-derives only what it affects.
//
// It holds the merge inputs (every mention, after re-dating), an
// IncrementalMerge over them, and what tells how a new article is tied to
// stored ones by near-duplicate detection (LSH band buckets with their
// signatures, the near-duplicate pairs, the copy components, the articles
// holding each sentence fingerprint, the days undated articles borrow). A
// new article that is a near-duplicate or a copy by shared sentences joins
// the copy components of the articles it copies: the members whose
// original changes get their new copy_of (IncrementalMerge::SetCopies). The
// sentences and near-duplicates it shares can lend a day to undated
// articles (or it borrows one): those are re-dated and re-merged, so the
// events equal a full derivation's. A sentence it makes boilerplate (held
// by more than max_sentence_articles) no longer ties its holders: their
// borrowed days are re-made, and the copy components it held two copies
// in are re-made from their remaining ties (they may split). A new version
// of a known article, an LSH bucket crossing the dedup limit, or a
// boilerplate sentence that leaves a borrowed day without a tie is
// refused: the caller re-derives everything.
//
// Thread safety: none. Costs: memory ~ 2x the mentions plus ~0.7 KB and the
// shingle set per article; Admit is O(article) plus its candidates and the
// copy components it joins.
#ifndef SITREP_PIPELINE_DERIVATION_CACHE_H_
#define SITREP_PIPELINE_DERIVATION_CACHE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "sitrep/dedup.h"
#include "sitrep/incremental_merge.h"
#include "sitrep/store.h"

namespace sitrep::pipeline_internal {

class DerivationCache {
 public:
  // `inputs`: the dedup inputs of every stored article; `mentions`: the
  // merge inputs; `options`: the merge options they were derived with.
  // `dedup`: Deduplicate's result over `inputs`.
  DerivationCache(std::vector<DedupInput> inputs, const DedupResult& dedup,
                  std::vector<Mention> mentions, MergeOptions options);

  // An undated article's mentions re-extracted against a borrowed day (as
  // Pipeline::Redate does).
  using RedateFn =
      std::function<Result<std::vector<Mention>>(const std::string&, CivilDay)>;

  // Takes new article `in` with its mentions into account, re-dating the
  // undated articles whose borrowed day it changes; returns the events that
  // changed (deltas to apply in order), or nullopt when only a full
  // derivation is exact (the cache is then unusable: drop it).
  using Deltas = std::vector<IncrementalMerge::Delta>;
  Result<std::optional<Deltas>> Admit(DedupInput in,
                                      std::optional<CivilDay> published,
                                      std::vector<Mention> mentions,
                                      const RedateFn& redate);

  std::vector<Event> Events() const { return merge_.Events(); }
  // Copy -> its original, as Deduplicate's copy_of (for tests).
  std::map<std::string, std::string> CopyOf() const;
  bool ok() const { return merge_.ok(); }

  // PRAGMA data_version of the store when it was derived (see Store).
  int64_t data_version = 0;

 private:
  bool NearDuplicates(const DedupInput& in, const std::vector<uint64_t>& keys,
                      std::vector<uint32_t>* near) const;
  void SharedSentences(const DedupInput& in,
                       std::unordered_map<uint32_t, int>* shared,
                       std::vector<uint32_t>* copies,
                       std::vector<uint64_t>* crossing) const;
  void LostTies(const std::vector<uint64_t>& crossing,
                std::set<uint32_t>* undated, std::set<uint32_t>* split) const;
  int SharedCount(uint32_t a, uint32_t b) const;
  bool SentenceCopy(uint32_t a, uint32_t b, int shared) const;
  std::map<std::string, std::optional<std::string>> SplitComponents(
      const std::set<uint32_t>& docs);
  // An undated article's strongest tie to a dated one: (near-duplicate,
  // reported sentences shared) and that article's day (ReferenceDates'
  // choice: the strongest, then the earlier day); no day when none.
  struct Tie {
    std::pair<int, int> strength{-1, -1};
    std::optional<CivilDay> day;
    // Whether a tie of `s` to an article of day `d` beats this one.
    bool BeatenBy(std::pair<int, int> s, CivilDay d) const;
  };
  Tie StrongestTie(uint32_t doc) const;
  std::optional<CivilDay> TiedDay(uint32_t doc, uint32_t self, int shared,
                                  bool recompute);
  void Index(DedupInput in, const std::vector<uint64_t>& keys);
  // The tied articles of a new article `self` and how (Admit).
  struct Tied {
    uint32_t self = 0;
    std::set<uint32_t> docs;                   // re-dated if their day moves
    std::set<uint32_t> untied;                 // lost ties (boilerplate)
    std::unordered_map<uint32_t, int> shared;  // sentences shared with self
  };
  Result<bool> RedateTied(const Tied& tied, const RedateFn& redate,
                          Deltas* deltas);
  uint32_t Find(uint32_t doc);
  uint32_t OriginalOf(const std::vector<uint32_t>& members) const;
  IncrementalMerge::Delta JoinCopies(uint32_t self,
                                     const std::vector<uint32_t>& partners);

  LshParams lsh_;
  CopyOptions copy_;
  size_t max_sentence_articles_ = 50;  // SharedSentenceIndex's default
  NearDuplicateIndex banding_;         // only for BandKeys
  std::unordered_map<std::string, uint32_t> doc_of_;  // id -> article
  std::vector<DocSignature> signatures_;
  // aligned with signatures_:
  std::vector<CopyInfo> infos_;
  std::vector<std::vector<uint64_t>> doc_fingerprints_;  // distinct
  std::vector<std::vector<uint32_t>> pairs_;  // near-duplicates (groups)
  std::vector<uint32_t> parent_;              // copy components (union-find)
  // root -> members, for components of two or more articles
  std::unordered_map<uint32_t, std::vector<uint32_t>> component_;
  std::unordered_map<std::string, CivilDay> borrowed_;  // ReferenceDates
  // StrongestTie of every undated article: a new dated article only adds a
  // tie (its own), so the kept one is compared with it; a tie lost to
  // boilerplate makes its holders' recomputed.
  std::unordered_map<uint32_t, Tie> ties_;
  // per band: bucket key -> articles (indices into signatures_)
  std::vector<std::unordered_map<uint64_t, std::vector<uint32_t>>> buckets_;
  // sentence fingerprint -> articles holding it
  std::unordered_map<uint64_t, std::vector<uint32_t>> fingerprints_;
  IncrementalMerge merge_;
};

// Events as the store's rows (pipeline.cc; used by both rebuild paths).
std::vector<StoredEvent> ToStoredEvents(const std::vector<Event>& events);

}  // namespace sitrep::pipeline_internal

#endif  // SITREP_PIPELINE_DERIVATION_CACHE_H_
