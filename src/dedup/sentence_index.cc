// Sentence fingerprints and the index of sentences shared between articles.
#include <xxhash.h>

#include <algorithm>
#include <tuple>

#include "dedup/bucket_sort.h"
#include "dedup/words.h"
#include "sitrep/dedup.h"

namespace sitrep {

std::vector<SentenceFingerprint> FingerprintSentences(
    std::string_view text, const std::vector<Span>& sentences,
    const SentenceOptions& options) {
  std::vector<SentenceFingerprint> out;
  std::vector<uint64_t> words;
  for (size_t i = 0; i < sentences.size(); ++i) {
    Span s = sentences[i];
    if (s.end > text.size() || s.empty()) continue;
    words.clear();
    dedup_internal::ForEachWord(
        s.In(text), [&](uint64_t h, std::string_view) { words.push_back(h); });
    if (words.size() < static_cast<size_t>(std::max(1, options.min_words))) {
      continue;
    }
    out.push_back({XXH3_64bits(words.data(), words.size() * sizeof(uint64_t)),
                   static_cast<uint32_t>(i)});
  }
  return out;
}

namespace dedup_internal {
namespace {

// Whether one of the sorted, disjoint ranges [begins[i], ends[i]) has bytes
// on both sides of offset x.
bool Straddles(const std::vector<size_t>& begins,
               const std::vector<size_t>& ends, size_t x) {
  auto it = std::lower_bound(begins.begin(), begins.end(), x);
  if (it == begins.begin()) return false;
  return ends[static_cast<size_t>(it - begins.begin()) - 1] > x;
}

}  // namespace

// A scan of s.In(text) reads the words of the whole text's scan that lie in
// s when no word or wide separator straddles s.begin or s.end (the scan
// then starts and stops where the whole text's does); else it is redone.
std::vector<SentenceFingerprint> FingerprintSentencesOfWords(
    std::string_view text, const TextWords& words,
    const std::vector<Span>& sentences, const SentenceOptions& options) {
  std::vector<SentenceFingerprint> out;
  std::vector<uint64_t> own;  // a redone sentence's words
  const size_t min_words = static_cast<size_t>(std::max(1, options.min_words));
  const std::vector<size_t>& begins = words.begins;
  const std::vector<size_t>& ends = words.ends;
  for (size_t i = 0; i < sentences.size(); ++i) {
    Span s = sentences[i];
    if (s.end > text.size() || s.empty()) continue;
    // The sentence's words, [lo, hi): those beginning in it; a word
    // straddles an end if the one before lo or hi ends past it.
    size_t lo = static_cast<size_t>(
        std::lower_bound(begins.begin(), begins.end(), size_t{s.begin}) -
        begins.begin());
    size_t hi = static_cast<size_t>(
        std::lower_bound(begins.begin() + static_cast<std::ptrdiff_t>(lo),
                         begins.end(), size_t{s.end}) -
        begins.begin());
    bool cut = (lo > 0 && ends[lo - 1] > s.begin) ||
               (hi > 0 && ends[hi - 1] > s.end) ||
               Straddles(words.wide_begins, words.wide_ends, s.begin) ||
               Straddles(words.wide_begins, words.wide_ends, s.end);
    const uint64_t* h = words.hashes.data() + lo;
    size_t n = hi - lo;
    if (cut) {
      own.clear();
      ForEachWord(s.In(text),
                  [&](uint64_t x, std::string_view) { own.push_back(x); });
      h = own.data();
      n = own.size();
    }
    if (n < min_words) continue;
    out.push_back(
        {XXH3_64bits(h, n * sizeof(uint64_t)), static_cast<uint32_t>(i)});
  }
  return out;
}

}  // namespace dedup_internal

SharedSentenceIndex::SharedSentenceIndex(size_t max_articles)
    : max_articles_(max_articles) {}

Status SharedSentenceIndex::Add(std::string id,
                                const std::vector<SentenceFingerprint>& fps) {
  auto doc = static_cast<uint32_t>(ids_.size());
  auto [it, fresh] = by_id_.emplace(id, doc);
  if (!fresh) return Status::AlreadyExists("dedup: article " + id);
  ids_.push_back(std::move(id));
  size_t begin = entries_.size();
  doc_begin_.push_back(static_cast<uint32_t>(begin));
  for (const auto& f : fps) entries_.push_back({f.hash, doc, f.sentence});
  // One entry per distinct hash, the earliest sentence.
  auto first = entries_.begin() + static_cast<std::ptrdiff_t>(begin);
  std::sort(first, entries_.end(), [](const Entry& x, const Entry& y) {
    return x.hash != y.hash ? x.hash < y.hash : x.sentence < y.sentence;
  });
  entries_.erase(std::unique(first, entries_.end(),
                             [](const Entry& x, const Entry& y) {
                               return x.hash == y.hash;
                             }),
                 entries_.end());
  sorted_ = false;
  return Status::OK();
}

size_t SharedSentenceIndex::NumFingerprints(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return 0;
  size_t end = it->second + 1 < doc_begin_.size() ? doc_begin_[it->second + 1]
                                                  : entries_.size();
  return end - doc_begin_[it->second];
}

void SharedSentenceIndex::EnsureSorted() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (sorted_) return;
  // By (hash, index): entries are grouped by doc in doc order, so index
  // order is doc order within a hash. Sorted with their hashes at hand
  // (fingerprints are uniform hashes), not through entries_.
  struct Keyed {
    uint64_t hash;
    uint32_t index;
  };
  std::vector<Keyed> keyed(entries_.size());
  for (size_t i = 0; i < entries_.size(); ++i) {
    keyed[i] = {entries_[i].hash, static_cast<uint32_t>(i)};
  }
  dedup_internal::SortByTopBits(
      &keyed, [](const Keyed& k) { return k.hash; },
      [](const Keyed& x, const Keyed& y) {
        return x.hash != y.hash ? x.hash < y.hash : x.index < y.index;
      });
  sorted_idx_.resize(entries_.size());
  for (size_t i = 0; i < keyed.size(); ++i) sorted_idx_[i] = keyed[i].index;
  sorted_ = true;
}

std::pair<size_t, size_t> SharedSentenceIndex::Run(uint64_t hash) const {
  auto lo = std::lower_bound(
      sorted_idx_.begin(), sorted_idx_.end(), hash,
      [&](uint32_t i, uint64_t h) { return entries_[i].hash < h; });
  auto hi = lo;
  while (hi != sorted_idx_.end() && entries_[*hi].hash == hash) ++hi;
  return {static_cast<size_t>(lo - sorted_idx_.begin()),
          static_cast<size_t>(hi - sorted_idx_.begin())};
}

// Pairs within one run of equal hashes (each doc appears once in a run).
// With only_doc, pairs (only_doc, other); else pairs with id_a < id_b.
void SharedSentenceIndex::EmitRun(size_t first, size_t last,
                                  std::vector<SharedSentence>* out,
                                  std::optional<uint32_t> only_doc) const {
  if (last - first < 2 || last - first > max_articles_) return;
  for (size_t x = first; x < last; ++x) {
    const Entry& a = entries_[sorted_idx_[x]];
    if (only_doc && a.doc != *only_doc) continue;
    for (size_t y = only_doc ? first : x + 1; y < last; ++y) {
      const Entry& b = entries_[sorted_idx_[y]];
      if (b.doc == a.doc) continue;
      SharedSentence s{ids_[a.doc], a.sentence, ids_[b.doc], b.sentence};
      if (!only_doc && s.article_b < s.article_a) {
        std::swap(s.article_a, s.article_b);
        std::swap(s.sentence_a, s.sentence_b);
      }
      out->push_back(std::move(s));
    }
  }
}

namespace {
void SortShared(std::vector<SharedSentence>* v) {
  std::sort(v->begin(), v->end(), [](const auto& x, const auto& y) {
    if (x.article_a != y.article_a) return x.article_a < y.article_a;
    if (x.article_b != y.article_b) return x.article_b < y.article_b;
    if (x.sentence_a != y.sentence_a) return x.sentence_a < y.sentence_a;
    return x.sentence_b < y.sentence_b;
  });
}
}  // namespace

std::vector<SharedSentence> SharedSentenceIndex::SharedWith(
    std::string_view id) const {
  std::vector<SharedSentence> out;
  auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return out;
  EnsureSorted();
  uint32_t doc = it->second;
  size_t end =
      doc + 1 < doc_begin_.size() ? doc_begin_[doc + 1] : entries_.size();
  for (size_t i = doc_begin_[doc]; i < end; ++i) {
    auto [lo, hi] = Run(entries_[i].hash);
    EmitRun(lo, hi, &out, doc);
  }
  SortShared(&out);
  return out;
}

template <typename Fn>
void SharedSentenceIndex::ForEachRunPair(Fn fn) const {
  for (size_t i = 0; i < sorted_idx_.size();) {
    size_t j = i + 1;
    uint64_t h = entries_[sorted_idx_[i]].hash;
    while (j < sorted_idx_.size() && entries_[sorted_idx_[j]].hash == h) ++j;
    if (j - i >= 2 && j - i <= max_articles_) {  // as EmitRun
      for (size_t x = i; x < j; ++x) {
        const Entry& a = entries_[sorted_idx_[x]];
        for (size_t y = x + 1; y < j; ++y) {
          const Entry& b = entries_[sorted_idx_[y]];
          if (b.doc != a.doc) fn(a, b);
        }
      }
    }
    i = j;
  }
}

namespace {
// A shared sentence by doc rank (the ids' string order): sorting these
// integers gives SortShared's order without comparing strings.
struct RankedPair {
  uint32_t rank_a, sentence_a, rank_b, sentence_b;
  uint32_t doc_a, doc_b;
  std::tuple<uint32_t, uint32_t, uint32_t, uint32_t> Key() const {
    return {rank_a, rank_b, sentence_a, sentence_b};
  }
};

// rank[doc] = position of ids[doc] in sorted order (ids are distinct);
// with `order`, also its inverse: order[rank] = doc.
std::vector<uint32_t> RankIds(const std::vector<std::string>& ids,
                              std::vector<uint32_t>* order = nullptr) {
  std::vector<uint32_t> by_id(ids.size());
  for (size_t i = 0; i < by_id.size(); ++i) by_id[i] = static_cast<uint32_t>(i);
  std::sort(by_id.begin(), by_id.end(),
            [&](uint32_t x, uint32_t y) { return ids[x] < ids[y]; });
  std::vector<uint32_t> rank(ids.size());
  for (size_t r = 0; r < by_id.size(); ++r) {
    rank[by_id[r]] = static_cast<uint32_t>(r);
  }
  if (order) *order = std::move(by_id);
  return rank;
}
}  // namespace

// As EmitRun over every run then SortShared, but sorted on doc ranks: the
// string sort was ~5% of `sitrep extract`. The order is the same because
// ids are distinct, so rank order is string order.
std::vector<SharedSentence> SharedSentenceIndex::All() const {
  EnsureSorted();
  std::vector<uint32_t> rank = RankIds(ids_);
  std::vector<RankedPair> pairs;
  ForEachRunPair([&](const Entry& a, const Entry& b) {
    RankedPair p{rank[a.doc], a.sentence, rank[b.doc],
                 b.sentence,  a.doc,      b.doc};
    if (p.rank_b < p.rank_a) {
      std::swap(p.rank_a, p.rank_b);
      std::swap(p.sentence_a, p.sentence_b);
      std::swap(p.doc_a, p.doc_b);
    }
    pairs.push_back(p);
  });
  std::sort(pairs.begin(), pairs.end(),
            [](const RankedPair& x, const RankedPair& y) {
              return x.Key() < y.Key();
            });
  std::vector<SharedSentence> out;
  out.reserve(pairs.size());
  for (const RankedPair& p : pairs) {
    out.push_back({ids_[p.doc_a], p.sentence_a, ids_[p.doc_b], p.sentence_b});
  }
  return out;
}

namespace {
// Counts, per smaller rank `a` in [lo, lo + offsets.size() - 1), the
// larger ranks it shares sentences with: `b[offsets[a - lo] ..
// offsets[a - lo + 1])` holds one larger rank per occurrence. Appends one
// count per distinct (a, b), in (a, b) order, into room made for exactly
// them (the result, 40 bytes a pair, is the largest array of the count).
void AppendBucketCounts(uint32_t lo, const std::vector<size_t>& offsets,
                        std::vector<uint32_t>* larger,
                        const std::vector<std::string>& ids,
                        const std::vector<uint32_t>& order,
                        std::vector<SharedCount>* out,
                        std::vector<std::pair<uint32_t, uint32_t>>* docs) {
  const auto bucket = [&](size_t k) {
    return std::pair(larger->begin() + offsets[k],
                     larger->begin() + offsets[k + 1]);
  };
  size_t distinct = 0;
  for (size_t k = 0; k + 1 < offsets.size(); ++k) {
    auto [first, last] = bucket(k);
    std::sort(first, last);
    for (auto i = first; i != last; ++i) distinct += i == first || i[-1] != *i;
  }
  size_t need = out->size() + distinct;  // exact once, doubling after
  if (need > out->capacity()) {
    out->reserve(std::max(need, out->empty() ? 0 : 2 * out->capacity()));
  }
  for (size_t k = 0; k + 1 < offsets.size(); ++k) {
    auto [first, last] = bucket(k);
    const uint32_t doc_a = order[lo + k];
    for (auto i = first; i != last;) {
      auto j = i + 1;
      while (j != last && *j == *i) ++j;
      out->push_back({ids[doc_a], ids[order[*i]], static_cast<int>(j - i)});
      if (docs) docs->emplace_back(doc_a, order[*i]);
      i = j;
    }
  }
}
}  // namespace

// Pairs are keyed by doc rank (id string order), so the counted runs come
// out sorted by (a, b) without comparing strings. Every shared sentence is
// one pair occurrence (up to 1,225 per boilerplate-like run), so they are
// counted a range of smaller ranks at a time, each range holding at most
// `max_pairs` occurrences (or one rank's): the ranges ascend, so the
// output is the one a single sort of all of them gives. Within a range the
// occurrences are bucketed by smaller rank (a counting sort), keeping only
// the larger rank (4 bytes), and each bucket is sorted alone.
std::vector<SharedCount> SharedSentenceIndex::Counts(
    size_t max_pairs, std::vector<std::pair<uint32_t, uint32_t>>* docs) const {
  if (docs) docs->clear();
  EnsureSorted();
  std::vector<uint32_t> order;
  std::vector<uint32_t> rank = RankIds(ids_, &order);
  std::vector<uint64_t> per_rank(ids_.size() + 1);  // occurrences by a
  ForEachRunPair([&](const Entry& x, const Entry& y) {
    ++per_rank[std::min(rank[x.doc], rank[y.doc])];
  });
  std::vector<SharedCount> out;
  std::vector<uint32_t> larger;  // per occurrence, its larger rank
  std::vector<size_t> offsets, fill;
  for (size_t lo = 0; lo < ids_.size();) {
    size_t hi = lo;
    uint64_t n = 0;
    while (hi < ids_.size() && (hi == lo || n + per_rank[hi] <= max_pairs)) {
      n += per_rank[hi++];
    }
    if (n == 0) {
      lo = hi;
      continue;
    }
    offsets.assign(hi - lo + 1, 0);
    for (size_t a = lo; a < hi; ++a) {
      offsets[a - lo + 1] = offsets[a - lo] + per_rank[a];
    }
    fill.assign(offsets.begin(), offsets.end() - 1);
    larger.resize(n);
    ForEachRunPair([&](const Entry& x, const Entry& y) {
      uint32_t a = rank[x.doc], b = rank[y.doc];
      if (b < a) std::swap(a, b);
      if (a >= lo && a < hi) larger[fill[a - lo]++] = b;
    });
    AppendBucketCounts(static_cast<uint32_t>(lo), offsets, &larger, ids_, order,
                       &out, docs);
    lo = hi;
  }
  return out;
}

}  // namespace sitrep
