#include "pipeline/derivation_cache.h"

#include <algorithm>
#include <map>

namespace sitrep::pipeline_internal {
namespace {

std::vector<uint64_t> DistinctFingerprints(const DedupInput& in) {
  std::vector<uint64_t> out;
  for (const auto& f : in.sentences) out.push_back(f.hash);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

DerivationCache::DerivationCache(std::vector<DedupInput> inputs,
                                 const DedupResult& dedup,
                                 std::vector<Mention> mentions,
                                 MergeOptions options)
    : banding_(lsh_), merge_(std::move(options)) {
  buckets_.resize(lsh_.bands);
  std::unordered_map<std::string, uint32_t> doc_of;
  for (DedupInput& in : inputs) {
    doc_of[in.info.id] = static_cast<uint32_t>(signatures_.size());
    std::vector<uint64_t> keys = banding_.BandKeys(in.signature);
    Index(std::move(in), keys);
  }
  for (const DuplicateGroup& g : dedup.groups) {
    for (const DuplicatePair& p : g.pairs) {
      uint32_t a = doc_of.at(p.a), b = doc_of.at(p.b);
      bool da = infos_[a].published.has_value();
      bool db = infos_[b].published.has_value();
      if (!da && db) dated_pair_[a] = true;
      if (da && !db) dated_pair_[b] = true;
    }
  }
  borrowed_.insert(dedup.reference_dates.begin(), dedup.reference_dates.end());
  merge_.Load(std::move(mentions));
}

void DerivationCache::Index(DedupInput in, const std::vector<uint64_t>& keys) {
  auto doc = static_cast<uint32_t>(signatures_.size());
  for (size_t b = 0; b < keys.size(); ++b) buckets_[b][keys[b]].push_back(doc);
  std::vector<uint64_t> fps = DistinctFingerprints(in);
  for (uint64_t f : fps) fingerprints_[f].push_back(doc);
  doc_fingerprints_.push_back(std::move(fps));
  dated_pair_.push_back(false);  // a new article is no one's near-duplicate
  ids_.insert(in.info.id);
  infos_.push_back(std::move(in.info));
  signatures_.push_back(std::move(in.signature));
}

// No candidate pair at the copy threshold, and no bucket growing past
// max_bucket (a bigger bucket pairs its members differently).
bool DerivationCache::NoNearDuplicate(const DedupInput& in,
                                      const std::vector<uint64_t>& keys) const {
  std::vector<uint32_t> seen;
  for (size_t b = 0; b < keys.size(); ++b) {
    auto it = buckets_[b].find(keys[b]);
    if (it == buckets_[b].end()) continue;
    if (it->second.size() + 1 > lsh_.max_bucket) return false;
    seen.insert(seen.end(), it->second.begin(), it->second.end());
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  for (uint32_t doc : seen) {
    if (SignatureJaccard(in.signature, signatures_[doc]) >= copy_.jaccard)
      return false;
  }
  return true;
}

// The sentences `in` shares make no copy (CopyOf: min_shared sentences
// making up `containment` of the shorter article), and none reaches the
// count past which it is boilerplate (its old pairs would vanish).
// `shared`: the known articles it shares reported sentences with, and how
// many.
bool DerivationCache::NoSentenceCopy(
    const DedupInput& in, std::unordered_map<uint32_t, int>* shared) const {
  for (uint64_t f : DistinctFingerprints(in)) {
    auto it = fingerprints_.find(f);
    if (it == fingerprints_.end()) continue;
    size_t holders = it->second.size();
    if (holders == max_sentence_articles_) return false;
    if (holders > max_sentence_articles_) continue;  // boilerplate already
    for (uint32_t doc : it->second) ++(*shared)[doc];
  }
  for (const auto& [doc, n] : *shared) {
    size_t shorter = std::max<size_t>(
        1, std::min(in.info.num_fingerprints, infos_[doc].num_fingerprints));
    if (n >= copy_.min_shared &&
        static_cast<double>(n) >= copy_.containment * shorter) {
      return false;
    }
  }
  return true;
}

// ReferenceDates for undated article `doc` tied only by shared sentences:
// the day of the dated article it shares most reported sentences with
// (ties: the earlier day); nullopt when none.
std::optional<CivilDay> DerivationCache::BorrowedDay(uint32_t doc) const {
  std::unordered_map<uint32_t, int> shared;
  for (uint64_t f : doc_fingerprints_[doc]) {
    const auto& holders = fingerprints_.at(f);
    if (holders.size() > max_sentence_articles_) continue;
    for (uint32_t other : holders) {
      if (other != doc && infos_[other].published) ++shared[other];
    }
  }
  std::optional<CivilDay> best;
  int best_n = 0;
  for (const auto& [other, n] : shared) {
    CivilDay d = *infos_[other].published;
    if (n > best_n || (n == best_n && d.ToDays() < best->ToDays())) {
      best = d;
      best_n = n;
    }
  }
  return best;
}

Result<std::optional<DerivationCache::Deltas>> DerivationCache::Admit(
    DedupInput in, std::optional<CivilDay> published,
    std::vector<Mention> mentions, const RedateFn& redate) {
  using Out = std::optional<Deltas>;
  std::vector<uint64_t> keys = banding_.BandKeys(in.signature);
  std::unordered_map<uint32_t, int> shared;
  if (ids_.count(in.info.id) || !NoSentenceCopy(in, &shared) ||
      !NoNearDuplicate(in, keys)) {
    return Out();
  }
  const bool dated = in.info.published.has_value();
  const std::string id = in.info.id;
  const auto self = static_cast<uint32_t>(signatures_.size());
  Index(std::move(in), keys);
  Deltas deltas;
  // Undated articles it lends a day to (or a better one): re-dated.
  for (const auto& [doc, n] : shared) {
    if (!dated || infos_[doc].published || dated_pair_[doc]) continue;
    const std::string& other = infos_[doc].id;
    std::optional<CivilDay> day = BorrowedDay(doc);
    auto was = borrowed_.find(other);
    if (!day || (was != borrowed_.end() && was->second == *day)) continue;
    borrowed_[other] = *day;
    SITREP_ASSIGN_OR_RETURN(std::vector<Mention> ms, redate(other, *day));
    deltas.push_back(
        merge_.SetArticle(other, std::move(ms), merge_.PublishedOf(other)));
  }
  if (!dated) {  // it may borrow a day itself
    if (std::optional<CivilDay> day = BorrowedDay(self)) {
      borrowed_[id] = *day;
      SITREP_ASSIGN_OR_RETURN(mentions, redate(id, *day));
    }
  }
  deltas.push_back(merge_.SetArticle(id, std::move(mentions), published));
  return Out(std::move(deltas));
}

}  // namespace sitrep::pipeline_internal
