// MemoryCorpus: what a store-less Pipeline (`sitrep extract`) keeps of the
// articles it ingested, in place of a Store: per current article version
// its mentions and near-duplicate input (dedup.h), and the article itself
// only when it has no complete publication day (the only articles the
// derivation re-reads, to redate them). Versioning and refusals follow
// Store (store.h): an id that already held the same content stores nothing,
// new content replaces the current version; an article Store would refuse
// (ValidateArticle) is refused with the same kInvalidArgument.
//
// The readers return what the store-backed derivation reads back from a
// Store holding the same articles, in the same order, so both derive the
// same events (byte-identical JSON).
//
// Thread safety: none; one writer, then readers, on one thread.
// Costs: Put and MentionsOf are O(log articles); Mentions and DedupInputs
// copy everything kept (they are called once per derivation); the Take
// forms move it out instead (a one-shot derivation: the corpus is spent).
#ifndef SITREP_PIPELINE_MEMORY_CORPUS_H_
#define SITREP_PIPELINE_MEMORY_CORPUS_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/dedup.h"
#include "sitrep/event.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::pipeline_internal {

class MemoryCorpus {
 public:
  // Whether `id` held this content in any version (Store::HasContent).
  bool HasContent(std::string_view id, std::string_view content_hash) const;

  // Keeps `a` with what was derived from it (see the class comment).
  // REQUIRES: `dedup` is PrepareArticle(a, ...) and `mentions` are a's.
  Result<PutOutcome> Put(Article&& a, std::vector<Mention>&& mentions,
                         DedupInput&& dedup);
  // Whether Put keeps `a` whole: it has no complete publication day.
  static bool KeepsWhole(const Article& a);
  // Put for an article kept whole whose mentions are not extracted yet
  // (PipelineOptions::one_derivation): it has none until SetMentions, and
  // Deferred lists it. REQUIRES: KeepsWhole(a).
  Result<PutOutcome> PutDeferred(Article&& a, DedupInput&& dedup);
  // The current articles put by PutDeferred and not given mentions since,
  // in id order.
  std::vector<std::string> Deferred() const;
  // A deferred article as it was put (its own partial publication day
  // included), for its extraction.
  Result<Article> DeferredArticle(std::string_view id) const;
  // DeferredArticle(id), moved out: the corpus keeps the article no more.
  Result<Article> TakeDeferredArticle(std::string_view id);
  // The mentions of deferred article `id`, extracted from DeferredArticle.
  void SetMentions(std::string_view id, std::vector<Mention>&& mentions);

  // Every current article's mentions, in (article id, ordinal) order
  // (Store::ForEachMention); with `keep`, only those it holds for (the
  // others are not copied).
  std::vector<Mention> Mentions(
      const std::function<bool(const Mention&)>& keep = nullptr) const;
  // Mentions(keep), moved out: the corpus keeps no mentions after it. The
  // result has room for `extra` more (appended without reallocating: a
  // second buffer of every mention's fixed part, ~640 bytes each, would
  // be live while it moves).
  std::vector<Mention> TakeMentions(
      const std::function<bool(const Mention&)>& keep = nullptr,
      size_t extra = 0);
  // The current mentions of article `id` (Store::MentionsOf): those of
  // Mentions() whose article_id is `id`.
  std::vector<Mention> MentionsOf(std::string_view id) const;
  // Every current article's near-duplicate input, in id order.
  std::vector<DedupInput> DedupInputs() const;
  // DedupInputs(), moved out: the corpus keeps none after it.
  std::vector<DedupInput> TakeDedupInputs();
  // The article as Store::GetArticle would return it; kNotFound when it is
  // not a current article or was dated (not kept).
  Result<Article> GetArticle(std::string_view id) const;
  // GetArticle(id), moved out: the corpus keeps the article no more.
  Result<Article> TakeArticle(std::string_view id);

 private:
  struct Entry {
    Entry() = default;
    Entry(const Entry& o);  // copies the undated article too
    Entry& operator=(const Entry& o) { return *this = Entry(o); }
    Entry(Entry&&) = default;
    Entry& operator=(Entry&&) = default;

    std::vector<std::string> hashes;  // of every version, oldest first
    std::vector<Mention> mentions;    // of the current version
    DedupInput dedup;
    // The current version, when undated; on the heap, as most articles
    // are dated (an Article's fixed part is ~500 bytes).
    std::unique_ptr<Article> undated;
    bool deferred = false;            // mentions not extracted yet
    std::optional<CivilDay> partial;  // undated's own (incomplete) day
  };
  Result<PutOutcome> PutEntry(Article&& a, std::vector<Mention>&& mentions,
                              DedupInput&& dedup, bool deferred);
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace sitrep::pipeline_internal

#endif  // SITREP_PIPELINE_MEMORY_CORPUS_H_
