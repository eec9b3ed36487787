// Dedup: near-duplicate articles and sentences copied between articles.
//
// Two levels (doc/dedup.md has the parameters, the S-curve and the formats):
//
// 1. Documents. Each article's clean text is cut into lower-cased words and
//    5-word shingles; a DocSignature holds 128 MinHash values (one 64-bit
//    XXH3 hash per shingle, 128 multiply-add-shift permutations of it) and,
//    optionally, the set of 32-bit shingle hashes. A NearDuplicateIndex
//    bands the signatures (LSH, 20 bands x 6 rows by default: a pair at
//    Jaccard 0.8 becomes a candidate with probability 0.998) and verifies
//    each candidate with the exact Jaccard of the shingle sets (or the
//    MinHash estimate when a set was not kept).
// 2. Sentences. Every sentence of at least 6 words gets a 64-bit fingerprint
//    of its normalised words (lower case, punctuation and spacing ignored); a
//    SharedSentenceIndex reports which articles share which sentences.
//
// CopyOf turns both into the map MergeOptions::copy_of needs (article id ->
// the article it copies), ReferenceDates lends a date to undated articles.
// Which article is the original: the earlier publication date (a dated
// article before an undated one), else the one with more text, else the
// smaller id.
//
// Determinism: every output is sorted and depends only on the set of
// articles added, never on insertion order.
//
// Thread safety: ComputeSignature, FingerprintSentences and the free
// functions are pure. The indexes: Add must not run concurrently with
// anything; const methods may run concurrently with each other.
//
// Costs: signatures are linear in the text (~150+ MB/s per core, see
// doc/dedup.md); index memory is ~0.8 KB per article without shingle sets
// (plus ~4 bytes per shingle with them), ~0.3 KB with band keys only
// (LshParams::keep_signatures off; candidates are then verified with sets
// fetched on demand), and 20 bytes per fingerprinted sentence; queries
// touch only candidates (no all-pairs work). DedupBuilder streams: a store
// of any size is deduplicated without holding its texts or signatures.
#ifndef SITREP_DEDUP_H_
#define SITREP_DEDUP_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/civil_day.h"
#include "sitrep/offset_map.h"
#include "sitrep/status.h"

namespace sitrep {

inline constexpr int kMinHashSize = 128;  // MinHash values per signature
inline constexpr int kShingleWords = 5;   // words per shingle

struct SignatureOptions {
  // Keep the shingle set so candidates are verified with the exact Jaccard.
  // Without it the blob is ~0.5 KB and verification uses the estimate.
  bool keep_shingles = true;
  // Budget: only the first max_bytes of the text are read.
  size_t max_bytes = 16u << 20;
};

// The per-article input of the document level. A value type.
struct DocSignature {
  // minhash[i] = min over shingles of permutation i; all 0xFFFFFFFF when
  // the text has no word (such a signature never becomes a candidate).
  std::array<uint32_t, kMinHashSize> minhash;
  uint32_t num_shingles = 0;  // distinct shingles (even when not kept)
  uint32_t text_bytes = 0;    // bytes of text read
  bool has_shingles = false;
  std::vector<uint32_t> shingles;  // sorted, unique 32-bit shingle hashes

  // Compact blob (doc/dedup.md: "SDS1", little-endian, delta-varint set).
  std::string Serialize() const;
  // Corruption for a malformed or truncated blob.
  static Result<DocSignature> Deserialize(std::string_view blob);
  friend bool operator==(const DocSignature&, const DocSignature&) = default;
};

// Pure; linear in the text. Shingles are 5 consecutive words; a text with
// 1-4 words has one shingle of all its words.
DocSignature ComputeSignature(std::string_view text,
                              const SignatureOptions& options = {});

// The sorted, unique 32-bit shingle hashes of `text` (what a signature
// keeps), and the exact Jaccard of two such sets (1.0 when both are empty).
std::vector<uint32_t> ShingleSet(std::string_view text);
double ExactJaccard(const std::vector<uint32_t>& a,
                    const std::vector<uint32_t>& b);
// Fraction of equal MinHash values (0 when either has no shingle).
double EstimatedJaccard(const DocSignature& a, const DocSignature& b);
// Jaccard of the two signatures: exact when both kept their shingle sets.
double SignatureJaccard(const DocSignature& a, const DocSignature& b);

// The normalised words `text` is read as (lower-cased ASCII letters, digits
// and non-ASCII letters; punctuation, quotes, dashes and spaces separate
// words). For tests and for explaining a match.
std::vector<std::string> NormalisedWords(std::string_view text);

// LSH banding. REQUIRES: bands >= 1, rows >= 1, bands * rows <= 128.
struct LshParams {
  int bands = 20;
  int rows = 6;
  // A bucket with more articles than this (boilerplate, mass syndication)
  // yields only pairs with its smallest id, not all pairs.
  size_t max_bucket = 64;
  // Keep each added signature (MinHash values and any shingle set). Off,
  // the index keeps only the band keys (~0.3 KB per article, for stores too
  // large to hold signatures): Candidates, Pairs, Groups(threshold) and
  // Query then see no signature, and candidates are verified with
  // Groups(threshold, source).
  bool keep_signatures = true;
};
// The S-curve: probability that a pair at Jaccard `s` becomes a candidate,
// 1 - (1 - s^rows)^bands.
double CandidateProbability(double s, const LshParams& p = {});

struct DuplicatePair {
  std::string a, b;  // a < b
  double jaccard = 0;
  bool exact = false;  // exact Jaccard (both shingle sets kept)
  friend bool operator==(const DuplicatePair&, const DuplicatePair&) = default;
};

struct DuplicateGroup {
  std::vector<std::string> ids;      // sorted; at least 2
  std::vector<DuplicatePair> pairs;  // verified pairs joining them, sorted
};

// An added article's sorted, unique shingle set (what ShingleSet gives for
// the text its signature was computed from), fetched on demand, e.g. by
// re-reading the article from a store.
using ShingleSource =
    std::function<Result<std::vector<uint32_t>>(const std::string& id)>;

class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(LshParams params = {});

  // AlreadyExists for an id added before; InvalidArgument for bad params.
  Status Add(std::string id, DocSignature signature);
  size_t size() const { return ids_.size(); }

  // Every LSH candidate pair with its Jaccard, sorted by (a, b).
  std::vector<DuplicatePair> Candidates() const;
  // Candidate pairs at Jaccard >= threshold.
  std::vector<DuplicatePair> Pairs(double threshold = 0.8) const;
  // Connected components of Pairs(threshold) (single linkage), sorted by
  // their first id.
  std::vector<DuplicateGroup> Groups(double threshold = 0.8) const;
  // The LSH bucket keys of `signature`, one per band (none when it has no
  // shingle: such a signature is never banded). Two added articles are a
  // candidate pair when they share a key in some band.
  std::vector<uint64_t> BandKeys(const DocSignature& signature) const;
  // The same groups with every candidate verified by the exact Jaccard of
  // the sets `source` gives (pairs marked exact): equal to Groups(threshold)
  // over signatures that kept their sets, without holding the sets. Sets are
  // fetched for at most `chunk_docs` articles at a time, so memory is
  // bounded by the chunk; an article in pairs of several chunks is fetched
  // once per chunk. Returns the first error of `source`.
  Result<std::vector<DuplicateGroup>> Groups(double threshold,
                                             const ShingleSource& source,
                                             size_t chunk_docs = 4096) const;
  // Added articles at Jaccard >= threshold with `signature` (not added),
  // sorted by id; `a` is "" and `b` the added article's id.
  std::vector<DuplicatePair> Query(const DocSignature& signature,
                                   double threshold = 0.8) const;

 private:
  // 12 bytes (no padding): the index holds bands x articles of them.
  struct Entry {
    uint32_t key_hi, key_lo;
    uint32_t doc;
    uint64_t key() const {
      return (static_cast<uint64_t>(key_hi) << 32) | key_lo;
    }
  };
  void EnsureSorted() const;
  uint64_t BandKey(const DocSignature& s, int band) const;
  // Sorted, distinct candidate pairs as (smaller doc << 32 | larger doc).
  std::vector<uint64_t> CandidateKeys() const;
  // Connected components of `pairs` (verified, sorted by (a, b)).
  std::vector<DuplicateGroup> GroupsOf(
      const std::vector<DuplicatePair>& pairs) const;
  const DocSignature& Sig(uint32_t doc) const;

  LshParams params_;
  std::vector<std::string> ids_;    // by doc
  std::vector<DocSignature> sigs_;  // by doc; empty unless keep_signatures
  std::unordered_map<std::string, uint32_t> by_id_;
  mutable std::mutex mu_;
  mutable bool sorted_ = true;
  mutable std::vector<std::vector<Entry>> bands_;  // per band
};

// ---------------------------------------------------------------------------
// Sentence level.

struct SentenceOptions {
  int min_words = 6;  // shorter sentences are not fingerprinted
};

struct SentenceFingerprint {
  uint64_t hash = 0;      // XXH3 of the normalised words
  uint32_t sentence = 0;  // index into the article's sentence spans
  friend bool operator==(const SentenceFingerprint&,
                         const SentenceFingerprint&) = default;
};

// Fingerprints of `sentences` (spans into `text`, e.g. Article::sentences).
// Pure. Sentences of fewer than min_words words are skipped.
std::vector<SentenceFingerprint> FingerprintSentences(
    std::string_view text, const std::vector<Span>& sentences,
    const SentenceOptions& options = {});

struct SharedSentence {
  std::string article_a;
  uint32_t sentence_a = 0;
  std::string article_b;
  uint32_t sentence_b = 0;
  friend bool operator==(const SharedSentence&,
                         const SharedSentence&) = default;
};

// How many sentences two articles share: a < b. Views into the ids of the
// SharedSentence list or SharedSentenceIndex it was counted from.
struct SharedCount {
  std::string_view a, b;
  int sentences = 0;
  friend bool operator==(const SharedCount&, const SharedCount&) = default;
};
// Counts of a list (e.g. All()), sorted by (a, b).
std::vector<SharedCount> CountShared(const std::vector<SharedSentence>& shared);

class SharedSentenceIndex {
 public:
  // A fingerprint found in more than `max_articles` articles is boilerplate
  // ("Sign up for our newsletter...") and is not reported.
  explicit SharedSentenceIndex(size_t max_articles = 50);

  // A sentence repeated inside one article counts once (its first index).
  // AlreadyExists for an id added before.
  Status Add(std::string id, const std::vector<SentenceFingerprint>& fps);
  size_t size() const { return doc_begin_.size(); }
  // Distinct fingerprints kept for `id` (0 if unknown).
  size_t NumFingerprints(std::string_view id) const;

  // Sentences `id` shares with other articles: article_a == id, sorted by
  // (article_b, sentence_a, sentence_b).
  std::vector<SharedSentence> SharedWith(std::string_view id) const;
  // Every shared sentence once, article_a < article_b, sorted.
  std::vector<SharedSentence> All() const;
  // CountShared(All()) without listing the sentences: 4 bytes of work
  // memory per shared sentence instead of ~80. Views live as long as the
  // index.
  // Holds at most `max_pairs` shared-sentence occurrences (4 bytes each)
  // at once besides the result (more only when one article alone has
  // more); the result does not depend on it.
  // With `docs`, also the articles' numbers (the order of Add) of each
  // count: (*docs)[i] for result[i].a and .b.
  std::vector<SharedCount> Counts(
      size_t max_pairs = size_t{4} << 20,
      std::vector<std::pair<uint32_t, uint32_t>>* docs = nullptr) const;

 private:
  struct Entry {
    uint64_t hash;
    uint32_t doc;
    uint32_t sentence;
  };
  void EnsureSorted() const;
  // [first, last) of sorted_ with this hash.
  std::pair<size_t, size_t> Run(uint64_t hash) const;
  void EmitRun(size_t first, size_t last, std::vector<SharedSentence>* out,
               std::optional<uint32_t> only_doc) const;
  // Calls fn(a, b) for every pair of entries of two docs sharing a hash,
  // over the runs EmitRun keeps (2..max_articles_ docs). REQUIRES: sorted.
  template <typename Fn>
  void ForEachRunPair(Fn fn) const;

  size_t max_articles_;
  std::vector<std::string> ids_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::vector<uint32_t> doc_begin_;  // into entries_; doc i ends at i+1
  std::vector<Entry> entries_;       // grouped by doc
  mutable std::mutex mu_;
  mutable bool sorted_ = true;
  mutable std::vector<uint32_t> sorted_idx_;  // entries_ by (hash, doc)
};

// ---------------------------------------------------------------------------
// Copies and borrowed dates.

// What CopyOf needs to know about an article.
struct CopyInfo {
  std::string id;
  std::optional<CivilDay> published;  // complete day or nullopt
  size_t text_bytes = 0;
  size_t num_fingerprints = 0;  // distinct fingerprinted sentences
};

struct CopyOptions {
  double jaccard = 0.8;  // documents: groups at this Jaccard are copies
  // Sentences: a pair sharing at least min_shared sentences that make up at
  // least `containment` of the shorter article's fingerprints is a copy.
  int min_shared = 3;
  double containment = 0.5;
};

// True when `x` is the original rather than `y`: earlier publication date
// (dated before undated), else more text, else smaller id.
bool IsOriginal(const CopyInfo& x, const CopyInfo& y);

// article id -> id of the original it copies, for MergeOptions::copy_of.
// Articles linked by copy relations (doc-level groups, sentence-level
// pairs) form components; every member but the component's original maps
// to the original. `groups` should come from Groups(options.jaccard).
// Articles missing from `infos` are treated as undated with no text.
std::map<std::string, std::string> CopyOf(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedSentence>& shared,
    const std::vector<CopyInfo>& infos, const CopyOptions& options = {});
// The same from the per-pair counts (CountShared or Counts()).
std::map<std::string, std::string> CopyOfCounts(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedCount>& shared, const std::vector<CopyInfo>& infos,
    const CopyOptions& options = {});

// Undated article id -> the reference day it borrows: from the dated
// article it is most tied to (a duplicate group, then the most shared
// sentences; ties: the earlier day, then the smaller id). Only direct
// links count (no chains). Needs at least one shared sentence.
std::map<std::string, CivilDay> ReferenceDates(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedSentence>& shared,
    const std::vector<CopyInfo>& infos);
std::map<std::string, CivilDay> ReferenceDatesOfCounts(
    const std::vector<DuplicateGroup>& groups,
    const std::vector<SharedCount>& shared, const std::vector<CopyInfo>& infos);

// ---------------------------------------------------------------------------
// Everything at once, for a batch of Articles (the CLI / merge wiring).

struct DedupInput {
  CopyInfo info;
  DocSignature signature;
  std::vector<SentenceFingerprint> sentences;
};
// Pure (can run per article in parallel at ingest).
DedupInput PrepareArticle(const Article& article,
                          const SignatureOptions& sig = {},
                          const SentenceOptions& sent = {});

struct DedupResult {
  std::vector<DuplicateGroup> groups;  // at options.jaccard
  std::vector<SharedSentence> shared;  // all, article_a < article_b
  std::map<std::string, std::string> copy_of;
  std::map<std::string, CivilDay> reference_dates;
};
// InvalidArgument / AlreadyExists for repeated ids.
Result<DedupResult> Deduplicate(std::vector<DedupInput> inputs,
                                const CopyOptions& options = {},
                                const LshParams& lsh = {});

// Deduplicate over a stream of articles (e.g. a whole store): Add each,
// then Finish once. Holds the band keys, the distinct sentence fingerprints
// and a CopyInfo per article, never a text. Not thread-safe.
class DedupBuilder {
 public:
  explicit DedupBuilder(const CopyOptions& options = {},
                        const LshParams& lsh = {});
  ~DedupBuilder();
  // AlreadyExists for a repeated id; InvalidArgument for bad LSH params.
  Status Add(DedupInput input);
  // Without `source`, candidates are verified with the added signatures;
  // with it, with the exact Jaccard of the sets it gives (see
  // NearDuplicateIndex::Groups), so signatures may come without sets and
  // LshParams::keep_signatures may be off. With list_shared false,
  // DedupResult::shared stays empty (copies and dates are the same, worked
  // out from per-pair counts): the list is the largest part of the work
  // memory. REQUIRES: called once.
  Result<DedupResult> Finish(const ShingleSource* source = nullptr,
                             bool list_shared = true);

 private:
  CopyOptions options_;
  NearDuplicateIndex docs_;
  std::unique_ptr<SharedSentenceIndex> sentences_;
  std::vector<CopyInfo> infos_;
};

// DedupBuilder::Finish(&source, /*list_shared=*/false) for a store of any
// size, in memory bounded by the number of articles alone (~50 bytes each:
// the id, CopyInfo's fields, where its spilled set is, union-find and ranks
// at Finish), not by their sentences, sets or band keys: the LSH band
// entries, the sentence fingerprints, the shared-sentence pair occurrences
// and the shingle sets given are spilled to anonymous temporary files
// ($TMPDIR, else /tmp) and read back a partition (a set) at a time;
// only the pairs that can matter are acted on (copies above the sentence
// threshold, ties of an undated article to a dated one), never listed.
// The result equals DedupBuilder's (groups, copy_of, reference_dates;
// `shared` stays empty). Not thread-safe.
class StreamingDedup {
 public:
  // `spill_buffer`: records each spill partition holds before writing
  // (memory ~ 0.3k partitions x spill_buffer x 12 bytes; tests use tiny ones).
  explicit StreamingDedup(const CopyOptions& options = {},
                          const LshParams& lsh = {},
                          size_t spill_buffer = 2048);
  ~StreamingDedup();
  // InvalidArgument for bad LSH params; a repeated id is reported by Finish
  // (AlreadyExists). Reads the signature's MinHash values, and its shingle
  // set when it has one (has_shingles): that set is spilled to the
  // temporary file too (4 bytes a shingle), and read back from it if the
  // article is a candidate, instead of asking `source`.
  Status Add(const DedupInput& input);
  // Candidates are verified with the exact Jaccard of their sets: those
  // spilled at Add, else those `source` gives, as
  // NearDuplicateIndex::Groups(threshold, source). REQUIRES: called once.
  Result<DedupResult> Finish(const ShingleSource& source);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_DEDUP_H_
