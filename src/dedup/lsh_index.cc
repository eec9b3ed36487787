// NearDuplicateIndex: LSH banding over MinHash signatures.
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sitrep/dedup.h"

namespace sitrep {
namespace {

bool ValidParams(const LshParams& p) {
  return p.bands >= 1 && p.rows >= 1 && p.bands * p.rows <= kMinHashSize &&
         p.max_bucket >= 2;
}

uint64_t PairKey(uint32_t x, uint32_t y) {
  if (x > y) std::swap(x, y);
  return (static_cast<uint64_t>(x) << 32) | y;
}

// Union-find over dense indices.
struct Components {
  std::vector<uint32_t> parent;
  explicit Components(size_t n) : parent(n) {
    std::iota(parent.begin(), parent.end(), 0u);
  }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(uint32_t x, uint32_t y) { parent[Find(x)] = Find(y); }
};

}  // namespace

double CandidateProbability(double s, const LshParams& p) {
  return 1.0 - std::pow(1.0 - std::pow(s, p.rows), p.bands);
}

NearDuplicateIndex::NearDuplicateIndex(LshParams params) : params_(params) {
  if (ValidParams(params_)) bands_.resize(params_.bands);
}

uint64_t NearDuplicateIndex::BandKey(const DocSignature& s, int band) const {
  return XXH3_64bits_withSeed(s.minhash.data() + band * params_.rows,
                              params_.rows * sizeof(uint32_t), band);
}

Status NearDuplicateIndex::Add(std::string id, DocSignature signature) {
  if (!ValidParams(params_)) {
    return Status::InvalidArgument("dedup: bands x rows must fit 128");
  }
  auto [it, fresh] = by_id_.emplace(id, static_cast<uint32_t>(docs_.size()));
  if (!fresh) return Status::AlreadyExists("dedup: article " + id);
  auto doc = static_cast<uint32_t>(docs_.size());
  if (signature.num_shingles > 0) {
    for (int b = 0; b < params_.bands; ++b) {
      bands_[b].push_back({BandKey(signature, b), doc});
    }
    sorted_ = false;
  }
  docs_.push_back({std::move(id), std::move(signature)});
  return Status::OK();
}

void NearDuplicateIndex::EnsureSorted() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (sorted_) return;
  for (auto& band : bands_) {
    std::sort(band.begin(), band.end(), [](const Entry& x, const Entry& y) {
      return x.key != y.key ? x.key < y.key : x.doc < y.doc;
    });
  }
  sorted_ = true;
}

std::vector<DuplicatePair> NearDuplicateIndex::Candidates() const {
  EnsureSorted();
  std::vector<uint64_t> pairs;
  for (const auto& band : bands_) {
    for (size_t i = 0; i < band.size();) {
      size_t j = i + 1;
      while (j < band.size() && band[j].key == band[i].key) ++j;
      if (j - i <= params_.max_bucket) {
        for (size_t x = i; x < j; ++x) {
          for (size_t y = x + 1; y < j; ++y) {
            pairs.push_back(PairKey(band[x].doc, band[y].doc));
          }
        }
      } else {  // star around the smallest id: independent of insertion order
        size_t lead = i;
        for (size_t x = i + 1; x < j; ++x) {
          if (docs_[band[x].doc].id < docs_[band[lead].doc].id) lead = x;
        }
        for (size_t x = i; x < j; ++x) {
          if (x != lead) pairs.push_back(PairKey(band[x].doc, band[lead].doc));
        }
      }
      i = j;
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::vector<DuplicatePair> out;
  out.reserve(pairs.size());
  for (uint64_t k : pairs) {
    const Doc& x = docs_[k >> 32];
    const Doc& y = docs_[static_cast<uint32_t>(k)];
    DuplicatePair p{x.id, y.id, SignatureJaccard(x.sig, y.sig),
                    x.sig.has_shingles && y.sig.has_shingles};
    if (p.b < p.a) std::swap(p.a, p.b);
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(), [](const auto& p, const auto& q) {
    return p.a != q.a ? p.a < q.a : p.b < q.b;
  });
  return out;
}

std::vector<DuplicatePair> NearDuplicateIndex::Pairs(double threshold) const {
  std::vector<DuplicatePair> c = Candidates();
  std::erase_if(c,
                [&](const DuplicatePair& p) { return p.jaccard < threshold; });
  return c;
}

std::vector<DuplicateGroup> NearDuplicateIndex::Groups(double threshold) const {
  std::vector<DuplicatePair> pairs = Pairs(threshold);
  Components comp(docs_.size());
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
  if (signature.num_shingles == 0 || !ValidParams(params_)) return keys;
  for (int b = 0; b < params_.bands; ++b) keys.push_back(BandKey(signature, b));
  return keys;
}

std::vector<DuplicatePair> NearDuplicateIndex::Query(
    const DocSignature& signature, double threshold) const {
  std::vector<DuplicatePair> out;
  if (signature.num_shingles == 0 || !ValidParams(params_)) return out;
  EnsureSorted();
  std::vector<uint32_t> hits;
  for (int b = 0; b < params_.bands; ++b) {
    uint64_t key = BandKey(signature, b);
    const auto& band = bands_[b];
    auto it =
        std::lower_bound(band.begin(), band.end(), key,
                         [](const Entry& e, uint64_t k) { return e.key < k; });
    for (; it != band.end() && it->key == key; ++it) hits.push_back(it->doc);
  }
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  for (uint32_t d : hits) {
    double j = SignatureJaccard(signature, docs_[d].sig);
    if (j < threshold) continue;
    out.push_back({"", docs_[d].id, j,
                   signature.has_shingles && docs_[d].sig.has_shingles});
  }
  std::sort(out.begin(), out.end(),
            [](const auto& p, const auto& q) { return p.b < q.b; });
  return out;
}

}  // namespace sitrep
