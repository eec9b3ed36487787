// NearDuplicateIndex: LSH banding over MinHash signatures.
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "dedup/bucket_sort.h"
#include "dedup/lsh_internal.h"
#include "sitrep/dedup.h"

namespace sitrep {
namespace {

using dedup_internal::Components;
using dedup_internal::PairKey;
using dedup_internal::ValidLsh;

}  // namespace

double CandidateProbability(double s, const LshParams& p) {
  return 1.0 - std::pow(1.0 - std::pow(s, p.rows), p.bands);
}

NearDuplicateIndex::NearDuplicateIndex(LshParams params) : params_(params) {
  if (ValidLsh(params_)) bands_.resize(params_.bands);
}

uint64_t NearDuplicateIndex::BandKey(const DocSignature& s, int band) const {
  return XXH3_64bits_withSeed(s.minhash.data() + band * params_.rows,
                              params_.rows * sizeof(uint32_t), band);
}

const DocSignature& NearDuplicateIndex::Sig(uint32_t doc) const {
  static const DocSignature kNone = [] {
    DocSignature s;
    s.minhash.fill(0xFFFFFFFFu);
    return s;
  }();
  return params_.keep_signatures ? sigs_[doc] : kNone;
}

Status NearDuplicateIndex::Add(std::string id, DocSignature signature) {
  if (!ValidLsh(params_)) {
    return Status::InvalidArgument("dedup: bands x rows must fit 128");
  }
  auto doc = static_cast<uint32_t>(ids_.size());
  auto [it, fresh] = by_id_.emplace(id, doc);
  if (!fresh) return Status::AlreadyExists("dedup: article " + id);
  if (signature.num_shingles > 0) {
    for (int b = 0; b < params_.bands; ++b) {
      uint64_t key = BandKey(signature, b);
      bands_[b].push_back(
          {static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key), doc});
    }
    sorted_ = false;
  }
  ids_.push_back(std::move(id));
  if (params_.keep_signatures) sigs_.push_back(std::move(signature));
  return Status::OK();
}

void NearDuplicateIndex::EnsureSorted() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (sorted_) return;
  for (auto& band : bands_) {  // band keys are uniform hashes
    dedup_internal::SortByTopBits(
        &band, [](const Entry& x) { return x.key(); },
        [](const Entry& x, const Entry& y) {
          return x.key() != y.key() ? x.key() < y.key() : x.doc < y.doc;
        });
  }
  sorted_ = true;
}

std::vector<uint64_t> NearDuplicateIndex::CandidateKeys() const {
  EnsureSorted();
  std::vector<uint64_t> pairs;
  auto before = [&](uint32_t x, uint32_t y) { return ids_[x] < ids_[y]; };
  for (const auto& band : bands_) {
    dedup_internal::AppendBandPairs(band, params_.max_bucket, before, &pairs);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

namespace {

void SortByIds(std::vector<DuplicatePair>* pairs) {
  std::sort(pairs->begin(), pairs->end(), [](const auto& p, const auto& q) {
    return p.a != q.a ? p.a < q.a : p.b < q.b;
  });
}

}  // namespace

std::vector<DuplicatePair> NearDuplicateIndex::Candidates() const {
  std::vector<DuplicatePair> out;
  for (uint64_t k : CandidateKeys()) {
    auto x = static_cast<uint32_t>(k >> 32), y = static_cast<uint32_t>(k);
    const DocSignature& sx = Sig(x);
    const DocSignature& sy = Sig(y);
    DuplicatePair p{ids_[x], ids_[y], SignatureJaccard(sx, sy),
                    sx.has_shingles && sy.has_shingles};
    if (p.b < p.a) std::swap(p.a, p.b);
    out.push_back(std::move(p));
  }
  SortByIds(&out);
  return out;
}

std::vector<DuplicatePair> NearDuplicateIndex::Pairs(double threshold) const {
  std::vector<DuplicatePair> c = Candidates();
  std::erase_if(c,
                [&](const DuplicatePair& p) { return p.jaccard < threshold; });
  return c;
}

std::vector<DuplicateGroup> NearDuplicateIndex::Groups(double threshold) const {
  return GroupsOf(Pairs(threshold));
}

Result<std::vector<DuplicateGroup>> NearDuplicateIndex::Groups(
    double threshold, const ShingleSource& source, size_t chunk_docs) const {
  std::vector<uint64_t> keys = CandidateKeys();
  std::vector<DuplicatePair> pairs;
  std::unordered_map<uint32_t, std::vector<uint32_t>> sets;  // of the chunk
  for (size_t begin = 0, end = 0; begin < keys.size(); begin = end) {
    sets.clear();
    while (end < keys.size() && sets.size() < chunk_docs) {
      sets.try_emplace(static_cast<uint32_t>(keys[end] >> 32));
      sets.try_emplace(static_cast<uint32_t>(keys[end]));
      ++end;
    }
    std::vector<uint32_t> docs;  // fetched in insertion order
    for (const auto& [doc, set] : sets) docs.push_back(doc);
    std::sort(docs.begin(), docs.end());
    for (uint32_t doc : docs) {
      SITREP_ASSIGN_OR_RETURN(sets[doc], source(ids_[doc]));
    }
    for (size_t i = begin; i < end; ++i) {
      auto x = static_cast<uint32_t>(keys[i] >> 32);
      auto y = static_cast<uint32_t>(keys[i]);
      double j = ExactJaccard(sets[x], sets[y]);
      if (j < threshold) continue;
      DuplicatePair p{ids_[x], ids_[y], j, true};
      if (p.b < p.a) std::swap(p.a, p.b);
      pairs.push_back(std::move(p));
    }
  }
  SortByIds(&pairs);
  return GroupsOf(pairs);
}

std::vector<DuplicateGroup> NearDuplicateIndex::GroupsOf(
    const std::vector<DuplicatePair>& pairs) const {
  Components comp(ids_.size());
  for (const auto& p : pairs) comp.Join(by_id_.at(p.a), by_id_.at(p.b));
  std::unordered_map<uint32_t, DuplicateGroup> by_root;
  for (const auto& p : pairs) {
    by_root[comp.Find(by_id_.at(p.a))].pairs.push_back(p);  // stays sorted
  }
  std::vector<DuplicateGroup> out;
  for (auto& [root, g] : by_root) {
    for (const auto& p : g.pairs) {
      g.ids.push_back(p.a);
      g.ids.push_back(p.b);
    }
    std::sort(g.ids.begin(), g.ids.end());
    g.ids.erase(std::unique(g.ids.begin(), g.ids.end()), g.ids.end());
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return x.ids.front() < y.ids.front();
  });
  return out;
}

std::vector<uint64_t> NearDuplicateIndex::BandKeys(
    const DocSignature& signature) const {
  std::vector<uint64_t> keys;
  if (signature.num_shingles == 0 || !ValidLsh(params_)) return keys;
  for (int b = 0; b < params_.bands; ++b) keys.push_back(BandKey(signature, b));
  return keys;
}

std::vector<DuplicatePair> NearDuplicateIndex::Query(
    const DocSignature& signature, double threshold) const {
  std::vector<DuplicatePair> out;
  if (signature.num_shingles == 0 || !ValidLsh(params_)) return out;
  EnsureSorted();
  std::vector<uint32_t> hits;
  for (int b = 0; b < params_.bands; ++b) {
    uint64_t key = BandKey(signature, b);
    const auto& band = bands_[b];
    auto it = std::lower_bound(
        band.begin(), band.end(), key,
        [](const Entry& e, uint64_t k) { return e.key() < k; });
    for (; it != band.end() && it->key() == key; ++it) hits.push_back(it->doc);
  }
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  for (uint32_t d : hits) {
    double j = SignatureJaccard(signature, Sig(d));
    if (j < threshold) continue;
    out.push_back(
        {"", ids_[d], j, signature.has_shingles && Sig(d).has_shingles});
  }
  std::sort(out.begin(), out.end(),
            [](const auto& p, const auto& q) { return p.b < q.b; });
  return out;
}

}  // namespace sitrep
