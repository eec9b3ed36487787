// StreamingDedup: DedupBuilder's result with the bulky parts on disk.
//
// Articles are dense doc numbers (the order added); ids live once, in one
// buffer. Ranks (the ids' string order) stand in for id comparisons.
// Finish works in passes, each holding one spill partition in memory:
//  1. LSH candidates, band by band (one band's entries at a time);
//  2. candidates verified a chunk of articles at a time (as
//     NearDuplicateIndex::Groups with a source), then the groups;
//  3. shared sentences: fingerprints by hash range -> each pair of
//     articles sharing one, spilled by the smaller rank; then each rank
//     range is sorted and counted, and every count is acted on at once
//     (CopyOfCounts' joins, ReferenceDatesOfCounts' ties).
#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "dedup/lsh_internal.h"
#include "dedup/spill.h"
#include "sitrep/dedup.h"

namespace sitrep {
namespace {

using dedup_internal::Components;
using dedup_internal::PairKey;
using dedup_internal::Spill;
using dedup_internal::ValidLsh;

// A 64-bit key (band key or sentence hash) and a doc: 12 bytes, no padding.
struct KeyDoc {
  uint32_t key_hi, key_lo, doc;
  uint64_t key() const { return (uint64_t{key_hi} << 32) | key_lo; }
  friend bool operator<(const KeyDoc& x, const KeyDoc& y) {
    return x.key() != y.key() ? x.key() < y.key() : x.doc < y.doc;
  }
};

KeyDoc MakeKeyDoc(uint64_t key, uint32_t doc) {
  return {static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key), doc};
}

constexpr size_t kSentencePartitions = 64;   // by the hash's top bits
constexpr size_t kPairPartitions = 256;      // by the smaller rank
constexpr size_t kVerifyChunkDocs = 4096;    // as NearDuplicateIndex::Groups
constexpr size_t kMaxSentenceArticles = 50;  // as SharedSentenceIndex

// A verified candidate pair of docs.
struct Verified {
  uint32_t x, y;  // x < y (docs)
  double jaccard;
};

// The best dated article an undated one is tied to (ReferenceDates).
struct Tie {
  uint32_t other;  // doc
  int group;       // 1 when the two are in a duplicate group
  int sentences;   // shared
};

}  // namespace

struct StreamingDedup::Impl {
  CopyOptions options;
  LshParams lsh;
  NearDuplicateIndex keys;  // computes band keys only
  std::string id_chars;
  std::vector<uint64_t> id_end;  // id of doc d: [id_end[d-1], id_end[d])
  std::vector<CivilDay> day;     // year 0: undated
  std::vector<uint64_t> text_bytes;
  std::vector<uint32_t> fingerprints;
  Spill<KeyDoc> bands;
  Spill<KeyDoc> sentences;
  size_t spill_buffer;
  // Shingle sets given at Add: doc d's are set_size[d] values at byte
  // set_at[d] of `set_file` (kNoSet: none given), the last ones in `pending`.
  static constexpr uint64_t kNoSet = ~uint64_t{0};
  dedup_internal::SpillFile set_file;
  std::vector<uint64_t> set_at;
  std::vector<uint32_t> set_size;
  std::vector<uint32_t> pending;  // not yet written, from byte `written`
  uint64_t written = 0;
  // Set by Finish.
  std::vector<uint32_t> rank, order;
  std::vector<Verified> verified;          // sorted by (x, y)
  std::unordered_map<uint32_t, Tie> ties;  // by undated doc

  Impl(const CopyOptions& o, const LshParams& l, size_t buffer)
      : options(o),
        lsh(l),
        keys(l),
        bands(ValidLsh(l) ? l.bands : 0, buffer),
        sentences(kSentencePartitions, buffer),
        spill_buffer(buffer) {}

  size_t size() const { return id_end.size(); }
  std::string_view Id(uint32_t d) const {
    size_t begin = d == 0 ? 0 : id_end[d - 1];
    return std::string_view(id_chars).substr(begin, id_end[d] - begin);
  }
  bool Dated(uint32_t d) const { return day[d].year != 0; }
  CopyInfo Info(uint32_t d) const {
    CopyInfo c{std::string(Id(d)), std::nullopt, text_bytes[d],
               fingerprints[d]};
    if (Dated(d)) c.published = day[d];
    return c;
  }

  Status AddSet(const DocSignature& sig);
  Status FlushSets();
  Result<std::vector<uint32_t>> SetOf(uint32_t doc,
                                      const ShingleSource& source);
  Status RankDocs();
  Result<std::vector<uint64_t>> CandidateKeys();
  Status Verify(const std::vector<uint64_t>& keys, const ShingleSource& source);
  std::vector<DuplicateGroup> Groups() const;
  template <typename Fn>
  Status ForEachSharedCount(Fn fn);
  void Offer(uint32_t x, uint32_t y, int group, int sentences);
  bool InGroup(uint32_t a, uint32_t b) const;
  std::map<std::string, std::string> CopyOfComponents(Components* comp) const;
  std::map<std::string, CivilDay> ReferenceDays() const;
};

StreamingDedup::StreamingDedup(const CopyOptions& options, const LshParams& lsh,
                               size_t spill_buffer)
    : impl_(std::make_unique<Impl>(options, lsh, spill_buffer)) {}

StreamingDedup::~StreamingDedup() = default;

Status StreamingDedup::Add(const DedupInput& input) {
  Impl& m = *impl_;
  if (!ValidLsh(m.lsh)) {
    return Status::InvalidArgument("dedup: bands x rows must fit 128");
  }
  const auto doc = static_cast<uint32_t>(m.size());
  m.id_chars += input.info.id;
  m.id_end.push_back(m.id_chars.size());
  m.day.push_back(input.info.published.value_or(CivilDay{}));
  m.text_bytes.push_back(input.info.text_bytes);
  m.fingerprints.push_back(static_cast<uint32_t>(input.info.num_fingerprints));
  SITREP_RETURN_IF_ERROR(m.AddSet(input.signature));
  std::vector<uint64_t> keys = m.keys.BandKeys(input.signature);
  for (size_t b = 0; b < keys.size(); ++b) {
    SITREP_RETURN_IF_ERROR(m.bands.Add(b, MakeKeyDoc(keys[b], doc)));
  }
  // One entry per distinct hash (SharedSentenceIndex::Add).
  std::vector<uint64_t> hashes;
  hashes.reserve(input.sentences.size());
  for (const SentenceFingerprint& f : input.sentences) hashes.push_back(f.hash);
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  for (uint64_t h : hashes) {
    SITREP_RETURN_IF_ERROR(m.sentences.Add(h >> 58, MakeKeyDoc(h, doc)));
  }
  return Status::OK();
}

// Spills the set in blocks of ~1 MiB (a write per article cost a system
// call each).
Status StreamingDedup::Impl::AddSet(const DocSignature& sig) {
  if (!sig.has_shingles) {
    set_at.push_back(kNoSet);
    set_size.push_back(0);
    return Status::OK();
  }
  set_at.push_back(written + pending.size() * sizeof(uint32_t));
  set_size.push_back(static_cast<uint32_t>(sig.shingles.size()));
  pending.insert(pending.end(), sig.shingles.begin(), sig.shingles.end());
  constexpr size_t kBlock = (1 << 20) / sizeof(uint32_t);
  return pending.size() >= kBlock ? FlushSets() : Status::OK();
}

Status StreamingDedup::Impl::FlushSets() {
  if (pending.empty()) return Status::OK();
  const size_t bytes = pending.size() * sizeof(uint32_t);
  SITREP_ASSIGN_OR_RETURN(uint64_t at, set_file.Write(pending.data(), bytes));
  if (at != written) return Status::Internal("dedup: shingle spill offset");
  written += bytes;
  pending.clear();
  return Status::OK();
}

Result<std::vector<uint32_t>> StreamingDedup::Impl::SetOf(
    uint32_t doc, const ShingleSource& source) {
  if (set_at[doc] == kNoSet) return source(std::string(Id(doc)));
  std::vector<uint32_t> set(set_size[doc]);
  if (set.empty()) return set;
  SITREP_RETURN_IF_ERROR(
      set_file.Read(set_at[doc], set.data(), set.size() * sizeof(uint32_t)));
  return set;
}

// rank[doc] = position of its id in sorted order; order = the inverse.
Status StreamingDedup::Impl::RankDocs() {
  order.resize(size());
  std::iota(order.begin(), order.end(), 0u);
  auto less = [&](uint32_t x, uint32_t y) { return Id(x) < Id(y); };
  if (!std::is_sorted(order.begin(), order.end(), less)) {  // stores: sorted
    std::sort(order.begin(), order.end(), less);
  }
  rank.resize(size());
  for (size_t r = 0; r < order.size(); ++r) {
    if (r > 0 && Id(order[r]) == Id(order[r - 1])) {
      return Status::AlreadyExists("dedup: article " +
                                   std::string(Id(order[r])));
    }
    rank[order[r]] = static_cast<uint32_t>(r);
  }
  return Status::OK();
}

// Sorted, distinct candidate pairs of docs, one band in memory at a time.
Result<std::vector<uint64_t>> StreamingDedup::Impl::CandidateKeys() {
  std::vector<uint64_t> pairs;
  for (size_t b = 0; b < bands.partitions(); ++b) {
    SITREP_ASSIGN_OR_RETURN(std::vector<KeyDoc> band, bands.Take(b));
    std::sort(band.begin(), band.end());
    dedup_internal::AppendBandPairs(  // as NearDuplicateIndex::CandidateKeys
        band, lsh.max_bucket,
        [&](uint32_t x, uint32_t y) { return rank[x] < rank[y]; }, &pairs);
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  }
  bands.Clear();
  return pairs;
}

// The candidates at Jaccard >= options.jaccard, with the sets fetched a
// chunk of docs at a time, in doc order (as NearDuplicateIndex::Groups).
Status StreamingDedup::Impl::Verify(const std::vector<uint64_t>& keys,
                                    const ShingleSource& source) {
  std::unordered_map<uint32_t, std::vector<uint32_t>> sets;  // of the chunk
  for (size_t begin = 0, end = 0; begin < keys.size(); begin = end) {
    sets.clear();
    while (end < keys.size() && sets.size() < kVerifyChunkDocs) {
      sets.try_emplace(static_cast<uint32_t>(keys[end] >> 32));
      sets.try_emplace(static_cast<uint32_t>(keys[end]));
      ++end;
    }
    std::vector<uint32_t> docs;
    for (const auto& [doc, set] : sets) docs.push_back(doc);
    std::sort(docs.begin(), docs.end());
    for (uint32_t doc : docs) {
      SITREP_ASSIGN_OR_RETURN(sets[doc], SetOf(doc, source));
    }
    for (size_t i = begin; i < end; ++i) {
      auto x = static_cast<uint32_t>(keys[i] >> 32);
      auto y = static_cast<uint32_t>(keys[i]);
      double j = ExactJaccard(sets[x], sets[y]);
      if (j >= options.jaccard) verified.push_back({x, y, j});
    }
  }
  return Status::OK();
}

// NearDuplicateIndex::GroupsOf over the verified pairs.
std::vector<DuplicateGroup> StreamingDedup::Impl::Groups() const {
  std::vector<DuplicatePair> pairs;  // sorted by (a, b): by ranks
  std::vector<Verified> by_rank = verified;
  for (Verified& v : by_rank) {
    if (rank[v.y] < rank[v.x]) std::swap(v.x, v.y);
  }
  std::sort(by_rank.begin(), by_rank.end(), [&](const auto& p, const auto& q) {
    return std::pair(rank[p.x], rank[p.y]) < std::pair(rank[q.x], rank[q.y]);
  });
  Components comp(size());
  for (const Verified& v : by_rank) comp.Join(v.x, v.y);
  std::unordered_map<uint32_t, DuplicateGroup> by_root;
  std::unordered_map<uint32_t, std::vector<uint32_t>> members;
  for (const Verified& v : by_rank) {
    uint32_t root = comp.Find(v.x);
    by_root[root].pairs.push_back(
        {std::string(Id(v.x)), std::string(Id(v.y)), v.jaccard, true});
    members[root].push_back(v.x);
    members[root].push_back(v.y);
  }
  std::vector<DuplicateGroup> out;
  for (auto& [root, g] : by_root) {
    std::vector<uint32_t>& ids = members[root];
    std::sort(ids.begin(), ids.end(),
              [&](uint32_t x, uint32_t y) { return rank[x] < rank[y]; });
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (uint32_t d : ids) g.ids.emplace_back(Id(d));
    out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return x.ids.front() < y.ids.front();
  });
  return out;
}

// fn(rank a, rank b, shared sentences) for every pair of docs sharing a
// fingerprint found in 2..kMaxSentenceArticles docs (SharedSentenceIndex::
// Counts), a < b, in rank order. Each pair occurrence is spilled by its
// smaller rank, then each range of ranks is sorted and counted.
template <typename Fn>
Status StreamingDedup::Impl::ForEachSharedCount(Fn fn) {
  Spill<uint64_t> occurrences(kPairPartitions, spill_buffer);
  const uint64_t n = std::max<size_t>(1, size());
  for (size_t p = 0; p < sentences.partitions(); ++p) {
    SITREP_ASSIGN_OR_RETURN(std::vector<KeyDoc> run, sentences.Take(p));
    std::sort(run.begin(), run.end());
    for (size_t i = 0; i < run.size();) {
      size_t j = i + 1;
      while (j < run.size() && run[j].key() == run[i].key()) ++j;
      for (size_t x = i; j - i <= kMaxSentenceArticles && x < j; ++x) {
        for (size_t y = x + 1; y < j; ++y) {
          uint64_t a = rank[run[x].doc], b = rank[run[y].doc];
          if (b < a) std::swap(a, b);
          SITREP_RETURN_IF_ERROR(
              occurrences.Add(a * kPairPartitions / n, a << 32 | b));
        }
      }
      i = j;
    }
  }
  sentences.Clear();
  for (size_t q = 0; q < kPairPartitions; ++q) {
    SITREP_ASSIGN_OR_RETURN(std::vector<uint64_t> pairs, occurrences.Take(q));
    std::sort(pairs.begin(), pairs.end());
    for (size_t i = 0; i < pairs.size();) {
      size_t j = i + 1;
      while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
      fn(static_cast<uint32_t>(pairs[i] >> 32), static_cast<uint32_t>(pairs[i]),
         static_cast<int>(j - i));
      i = j;
    }
  }
  return Status::OK();
}

bool StreamingDedup::Impl::InGroup(uint32_t a, uint32_t b) const {
  if (b < a) std::swap(a, b);
  auto it =
      std::lower_bound(verified.begin(), verified.end(), std::pair(a, b),
                       [](const Verified& v, std::pair<uint32_t, uint32_t> k) {
                         return std::pair(v.x, v.y) < k;
                       });
  return it != verified.end() && it->x == a && it->y == b;
}

// A tie of undated `x` to dated `y` (ReferenceDatesOfCounts' `tie`), kept
// when it beats x's best so far: the stronger tie, then the earlier day,
// then the smaller id.
void StreamingDedup::Impl::Offer(uint32_t x, uint32_t y, int group,
                                 int shared) {
  if (Dated(x) || !Dated(y)) return;
  Tie t{y, group, shared};
  auto [it, fresh] = ties.try_emplace(x, t);
  if (fresh) return;
  const Tie& best = it->second;
  if (std::pair(group, shared) != std::pair(best.group, best.sentences)) {
    if (std::pair(group, shared) > std::pair(best.group, best.sentences)) {
      it->second = t;
    }
    return;
  }
  const CivilDay &d = day[y], &b = day[best.other];
  if (!(d == b)) {
    if (std::tie(d.year, d.month, d.day) < std::tie(b.year, b.month, b.day)) {
      it->second = t;
    }
    return;
  }
  if (rank[y] < rank[best.other]) it->second = t;
}

// CopyOfCounts' output from the components joined: every member of a
// component of two or more but its original -> the original.
std::map<std::string, std::string> StreamingDedup::Impl::CopyOfComponents(
    Components* comp) const {
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> members(size(), 0), original(size(), kNone);
  for (uint32_t d = 0; d < size(); ++d) ++members[comp->Find(d)];
  for (uint32_t d = 0; d < size(); ++d) {
    uint32_t root = comp->Find(d);
    if (members[root] < 2) continue;
    uint32_t& o = original[root];
    if (o == kNone || IsOriginal(Info(d), Info(o))) o = d;
  }
  std::map<std::string, std::string> out;
  for (uint32_t d = 0; d < size(); ++d) {
    uint32_t o = original[comp->Find(d)];
    if (o != kNone && o != d) out.emplace(Id(d), Id(o));
  }
  return out;
}

std::map<std::string, CivilDay> StreamingDedup::Impl::ReferenceDays() const {
  std::map<std::string, CivilDay> out;
  for (const auto& [x, t] : ties) out.emplace(Id(x), day[t.other]);
  return out;
}

Result<DedupResult> StreamingDedup::Finish(const ShingleSource& source) {
  Impl& m = *impl_;
  SITREP_RETURN_IF_ERROR(m.RankDocs());
  {
    SITREP_ASSIGN_OR_RETURN(std::vector<uint64_t> keys, m.CandidateKeys());
    SITREP_RETURN_IF_ERROR(m.FlushSets());
    SITREP_RETURN_IF_ERROR(m.Verify(keys, source));
    m.set_file.Close();  // its disk space
    std::vector<uint64_t>().swap(m.set_at);
    std::vector<uint32_t>().swap(m.set_size);
    std::vector<uint32_t>().swap(m.pending);
  }
  DedupResult r;
  r.groups = m.Groups();
  Components comp(m.size());
  for (const Verified& v : m.verified) {
    comp.Join(v.x, v.y);
    m.Offer(v.x, v.y, 1, 0);
    m.Offer(v.y, v.x, 1, 0);
  }
  const CopyOptions& o = m.options;
  SITREP_RETURN_IF_ERROR(
      m.ForEachSharedCount([&](uint32_t ra, uint32_t rb, int shared) {
        uint32_t a = m.order[ra], b = m.order[rb];
        size_t shorter =
            std::max<size_t>(1, std::min(m.fingerprints[a], m.fingerprints[b]));
        if (shared >= o.min_shared &&
            static_cast<double>(shared) >= o.containment * shorter) {
          comp.Join(a, b);
        }
        if (m.Dated(a) == m.Dated(b)) return;
        int group = m.InGroup(a, b) ? 1 : 0;
        m.Offer(a, b, group, shared);
        m.Offer(b, a, group, shared);
      }));
  r.copy_of = m.CopyOfComponents(&comp);
  r.reference_dates = m.ReferenceDays();
  return r;
}

}  // namespace sitrep
