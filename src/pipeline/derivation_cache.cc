#include "pipeline/derivation_cache.h"

#include <algorithm>
#include <map>
#include <set>

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
  for (DedupInput& in : inputs) {
    std::vector<uint64_t> keys = banding_.BandKeys(in.signature);
    Index(std::move(in), keys);
  }
  for (const DuplicateGroup& g : dedup.groups) {
    for (const DuplicatePair& p : g.pairs) {
      uint32_t a = doc_of_.at(p.a), b = doc_of_.at(p.b);
      pairs_[a].push_back(b);
      pairs_[b].push_back(a);
    }
  }
  for (const auto& [copy, original] : dedup.copy_of) {
    uint32_t a = Find(doc_of_.at(copy)), b = Find(doc_of_.at(original));
    if (a != b) parent_[a] = b;
  }
  for (uint32_t d = 0; d < parent_.size(); ++d) {
    if (parent_[d] != d) component_[Find(d)].push_back(d);
  }
  for (auto& [root, members] : component_) members.push_back(root);
  borrowed_.insert(dedup.reference_dates.begin(), dedup.reference_dates.end());
  for (uint32_t d = 0; d < infos_.size(); ++d) {  // asked at every new tie
    if (!infos_[d].published) ties_[d] = StrongestTie(d);
  }
  merge_.Load(std::move(mentions));
}

void DerivationCache::Index(DedupInput in, const std::vector<uint64_t>& keys) {
  auto doc = static_cast<uint32_t>(signatures_.size());
  for (size_t b = 0; b < keys.size(); ++b) buckets_[b][keys[b]].push_back(doc);
  std::vector<uint64_t> fps = DistinctFingerprints(in);
  for (uint64_t f : fps) fingerprints_[f].push_back(doc);
  doc_fingerprints_.push_back(std::move(fps));
  pairs_.emplace_back();
  parent_.push_back(doc);
  doc_of_.emplace(in.info.id, doc);
  infos_.push_back(std::move(in.info));
  signatures_.push_back(std::move(in.signature));
}

uint32_t DerivationCache::Find(uint32_t doc) {
  while (parent_[doc] != doc) {
    parent_[doc] = parent_[parent_[doc]];
    doc = parent_[doc];
  }
  return doc;
}

// The near-duplicates of `in` (candidate pairs at the copy threshold), or
// false when a bucket grows past max_bucket (a bigger bucket pairs its
// members differently).
bool DerivationCache::NearDuplicates(const DedupInput& in,
                                     const std::vector<uint64_t>& keys,
                                     std::vector<uint32_t>* near) const {
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
      near->push_back(doc);
  }
  return true;
}

// The known articles `in` shares reported sentences with, and how many
// (`shared`), and those it copies by them (`copies`: CopyOf's min_shared
// sentences making up `containment` of the shorter article). `crossing`:
// the sentences it makes boilerplate (they tie no one any more).
void DerivationCache::SharedSentences(const DedupInput& in,
                                      std::unordered_map<uint32_t, int>* shared,
                                      std::vector<uint32_t>* copies,
                                      std::vector<uint64_t>* crossing) const {
  for (uint64_t f : DistinctFingerprints(in)) {
    auto it = fingerprints_.find(f);
    if (it == fingerprints_.end()) continue;
    size_t holders = it->second.size();
    if (holders == max_sentence_articles_) crossing->push_back(f);
    if (holders >= max_sentence_articles_) continue;  // boilerplate now
    for (uint32_t doc : it->second) ++(*shared)[doc];
  }
  for (const auto& [doc, n] : *shared) {
    size_t shorter = std::max<size_t>(
        1, std::min(in.info.num_fingerprints, infos_[doc].num_fingerprints));
    if (n >= copy_.min_shared &&
        static_cast<double>(n) >= copy_.containment * shorter) {
      copies->push_back(doc);
    }
  }
}

// Reported sentences articles `a` and `b` share (boilerplate ones, held
// by more than max_sentence_articles_, do not count).
int DerivationCache::SharedCount(uint32_t a, uint32_t b) const {
  const auto &fa = doc_fingerprints_[a], &fb = doc_fingerprints_[b];
  std::vector<uint64_t> common;
  std::set_intersection(fa.begin(), fa.end(), fb.begin(), fb.end(),
                        std::back_inserter(common));
  int n = 0;
  for (uint64_t c : common) {
    n += fingerprints_.at(c).size() <= max_sentence_articles_;
  }
  return n;
}

// CopyOf's rule for two articles sharing `shared` reported sentences.
bool DerivationCache::SentenceCopy(uint32_t a, uint32_t b, int shared) const {
  size_t shorter = std::max<size_t>(
      1, std::min(infos_[a].num_fingerprints, infos_[b].num_fingerprints));
  return shared >= copy_.min_shared &&
         static_cast<double>(shared) >= copy_.containment * shorter;
}

// What the `crossing` sentences (boilerplate once the new article holds
// them) undo: `undated` gets their undated holders, whose borrowed days
// may change, and `split` the holders of a pair that stops being a copy
// (their copy component must be re-made). Costs: pairs of holders x their
// sentences (rare).
void DerivationCache::LostTies(const std::vector<uint64_t>& crossing,
                               std::set<uint32_t>* undated,
                               std::set<uint32_t>* split) const {
  std::set<uint64_t> gone(crossing.begin(), crossing.end());
  for (uint64_t f : crossing) {
    const std::vector<uint32_t>& holders = fingerprints_.at(f);
    for (size_t i = 0; i < holders.size(); ++i) {
      uint32_t a = holders[i];
      if (!infos_[a].published) undated->insert(a);
      for (size_t j = i + 1; j < holders.size(); ++j) {
        uint32_t b = holders[j];
        int before = SharedCount(a, b), lost = 0;
        for (uint64_t c : gone) {
          lost += std::binary_search(doc_fingerprints_[a].begin(),
                                     doc_fingerprints_[a].end(), c) &&
                  std::binary_search(doc_fingerprints_[b].begin(),
                                     doc_fingerprints_[b].end(), c);
        }
        if (SentenceCopy(a, b, before) && !SentenceCopy(a, b, before - lost)) {
          split->insert(a);
        }
      }
    }
  }
}

// Re-makes the copy components holding `docs` from their members' copy
// ties (near-duplicates, sentence-level copies), which boilerplate may
// have cut; returns the members whose original changed (nullopt: none).
std::map<std::string, std::optional<std::string>>
DerivationCache::SplitComponents(const std::set<uint32_t>& docs) {
  std::map<std::string, std::optional<std::string>> change;
  std::set<uint32_t> roots;
  for (uint32_t d : docs) roots.insert(Find(d));
  for (uint32_t root : roots) {
    auto it = component_.find(root);
    if (it == component_.end()) continue;
    std::vector<uint32_t> members = std::move(it->second);
    component_.erase(it);
    const uint32_t was = OriginalOf(members);
    for (uint32_t m : members) parent_[m] = m;
    for (size_t i = 0; i < members.size(); ++i) {
      for (size_t j = i + 1; j < members.size(); ++j) {
        uint32_t a = members[i], b = members[j];
        bool near =
            std::find(pairs_[a].begin(), pairs_[a].end(), b) != pairs_[a].end();
        if (near || SentenceCopy(a, b, SharedCount(a, b)))
          parent_[Find(a)] = Find(b);
      }
    }
    std::map<uint32_t, std::vector<uint32_t>> parts;
    for (uint32_t m : members) parts[Find(m)].push_back(m);
    for (auto& [r, part] : parts) {
      const uint32_t original = OriginalOf(part);
      for (uint32_t m : part) {
        std::optional<uint32_t> before, now;
        if (m != was) before = was;
        if (m != original) now = original;
        if (now == before) continue;
        change[infos_[m].id] =
            now ? std::optional<std::string>(infos_[*now].id) : std::nullopt;
      }
      if (part.size() > 1) component_[r] = std::move(part);
    }
  }
  return change;
}

std::map<std::string, std::string> DerivationCache::CopyOf() const {
  std::map<std::string, std::string> out;
  for (const auto& [root, members] : component_) {
    uint32_t original = OriginalOf(members);
    for (uint32_t m : members) {
      if (m != original) out[infos_[m].id] = infos_[original].id;
    }
  }
  return out;
}

bool DerivationCache::Tie::BeatenBy(std::pair<int, int> s, CivilDay d) const {
  return s > strength || (s == strength && d.ToDays() < day->ToDays());
}

// ReferenceDates for undated article `doc`: the dated article it is tied
// to most strongly (a near-duplicate first, then the most reported
// sentences shared; ties: the earlier day).
DerivationCache::Tie DerivationCache::StrongestTie(uint32_t doc) const {
  std::unordered_map<uint32_t, std::pair<int, int>> ties;
  for (uint32_t other : pairs_[doc]) {
    if (infos_[other].published) ties[other].first = 1;
  }
  for (uint64_t f : doc_fingerprints_[doc]) {
    const auto& holders = fingerprints_.at(f);
    if (holders.size() > max_sentence_articles_) continue;
    for (uint32_t other : holders) {
      if (other != doc && infos_[other].published) ++ties[other].second;
    }
  }
  Tie best;
  for (const auto& [other, tie] : ties) {
    CivilDay d = *infos_[other].published;
    if (best.BeatenBy(tie, d)) best = Tie{tie, d};
  }
  return best;
}

// The day undated `doc` borrows once dated article `self` (indexed) shares
// `shared` sentences with it: its cached strongest tie against self's
// (`recompute`: its ties changed otherwise; asked in full).
std::optional<CivilDay> DerivationCache::TiedDay(uint32_t doc, uint32_t self,
                                                 int shared, bool recompute) {
  auto it = ties_.find(doc);
  if (recompute || it == ties_.end()) {
    Tie t = StrongestTie(doc);
    ties_[doc] = t;
    return t.day;
  }
  Tie& t = it->second;
  bool near = std::find(pairs_[doc].begin(), pairs_[doc].end(), self) !=
              pairs_[doc].end();
  std::pair<int, int> s{near ? 1 : 0, shared};
  CivilDay d = *infos_[self].published;
  if (t.BeatenBy(s, d)) t = Tie{s, d};
  return t.day;
}

// The original of a copy component (CopyOf's rule).
uint32_t DerivationCache::OriginalOf(
    const std::vector<uint32_t>& members) const {
  uint32_t best = members.front();
  for (uint32_t m : members) {
    if (IsOriginal(infos_[m], infos_[best])) best = m;
  }
  return best;
}

// New article `self` copies `partners`: their components and it become one;
// the members whose original changes get their new copy_of.
IncrementalMerge::Delta DerivationCache::JoinCopies(
    uint32_t self, const std::vector<uint32_t>& partners) {
  std::map<uint32_t, std::optional<uint32_t>> was;  // member -> its original
  std::vector<uint32_t> all = {self};
  was[self] = std::nullopt;
  for (uint32_t p : partners) {
    uint32_t root = Find(p);
    if (was.count(p)) continue;  // its component is listed
    auto it = component_.find(root);
    std::vector<uint32_t> members =
        it == component_.end() ? std::vector<uint32_t>{p} : it->second;
    uint32_t original = OriginalOf(members);
    for (uint32_t m : members) {
      was[m] = m == original ? std::nullopt : std::optional<uint32_t>(original);
      all.push_back(m);
    }
    if (it != component_.end()) component_.erase(it);
  }
  for (uint32_t m : all) parent_[Find(m)] = self;  // self is the new root
  parent_[self] = self;
  uint32_t original = OriginalOf(all);
  std::map<std::string, std::optional<std::string>> change;
  for (uint32_t m : all) {
    std::optional<uint32_t> now;
    if (m != original) now = original;
    if (now == was[m]) continue;
    change[infos_[m].id] =
        now ? std::optional<std::string>(infos_[*now].id) : std::nullopt;
  }
  component_[self] = std::move(all);
  return merge_.SetCopies(change);
}

// Re-dates the undated articles among `tied.docs` whose borrowed day
// changed; false when one has no day to borrow any more (only a full
// derivation undoes a re-dating).
Result<bool> DerivationCache::RedateTied(const Tied& tied,
                                         const RedateFn& redate,
                                         Deltas* deltas) {
  for (uint32_t doc : tied.docs) {
    if (infos_[doc].published) continue;
    const std::string& id = infos_[doc].id;
    auto n = tied.shared.find(doc);
    std::optional<CivilDay> day =
        TiedDay(doc, tied.self, n == tied.shared.end() ? 0 : n->second,
                tied.untied.count(doc) > 0);
    auto was = borrowed_.find(id);
    if (!day && was != borrowed_.end()) return false;
    if (!day || (was != borrowed_.end() && was->second == *day)) continue;
    borrowed_[id] = *day;
    SITREP_ASSIGN_OR_RETURN(std::vector<Mention> ms, redate(id, *day));
    deltas->push_back(
        merge_.SetArticle(id, std::move(ms), merge_.PublishedOf(id)));
  }
  return true;
}

Result<std::optional<DerivationCache::Deltas>> DerivationCache::Admit(
    DedupInput in, std::optional<CivilDay> published,
    std::vector<Mention> mentions, const RedateFn& redate) {
  using Out = std::optional<Deltas>;
  std::vector<uint64_t> keys = banding_.BandKeys(in.signature);
  Tied tied;
  std::vector<uint32_t> near, copies;
  std::vector<uint64_t> crossing;
  if (doc_of_.count(in.info.id) || !NearDuplicates(in, keys, &near)) {
    return Out();
  }
  SharedSentences(in, &tied.shared, &copies, &crossing);
  std::set<uint32_t> split;  // holders of copies undone by boilerplate
  LostTies(crossing, &tied.untied, &split);
  const bool dated = in.info.published.has_value();
  const std::string id = in.info.id;
  tied.self = static_cast<uint32_t>(signatures_.size());
  Index(std::move(in), keys);
  for (uint32_t d : near) {
    pairs_[tied.self].push_back(d);
    pairs_[d].push_back(tied.self);
  }
  Deltas deltas;
  if (!split.empty())
    deltas.push_back(merge_.SetCopies(SplitComponents(split)));
  copies.insert(copies.end(), near.begin(), near.end());
  if (!copies.empty()) deltas.push_back(JoinCopies(tied.self, copies));
  // Undated articles it lends a day to (or a better one): re-dated.
  if (dated) {  // else it lends no day
    tied.docs.insert(near.begin(), near.end());
    for (const auto& [doc, n] : tied.shared) tied.docs.insert(doc);
  }
  tied.docs.insert(tied.untied.begin(), tied.untied.end());
  SITREP_ASSIGN_OR_RETURN(bool redated, RedateTied(tied, redate, &deltas));
  if (!redated) return Out();
  if (!dated) {  // it may borrow a day itself
    if (std::optional<CivilDay> day = TiedDay(tied.self, 0, 0, true)) {
      borrowed_[id] = *day;
      SITREP_ASSIGN_OR_RETURN(mentions, redate(id, *day));
    }
  }
  deltas.push_back(merge_.SetArticle(id, std::move(mentions), published));
  return Out(std::move(deltas));
}

}  // namespace sitrep::pipeline_internal
