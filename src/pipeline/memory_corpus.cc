#include "pipeline/memory_corpus.h"

#include <algorithm>
#include <utility>

namespace sitrep::pipeline_internal {
namespace {

// A Store keeps only a complete publication day (store.cc binds it only
// then): the derivation must see what it would read back.
bool CompletelyDated(const Article& a) {
  return a.published && a.published->complete();
}

}  // namespace

MemoryCorpus::Entry::Entry(const Entry& o)
    : hashes(o.hashes),
      mentions(o.mentions),
      dedup(o.dedup),
      undated(o.undated ? std::make_unique<Article>(*o.undated) : nullptr),
      deferred(o.deferred),
      partial(o.partial) {}

bool MemoryCorpus::HasContent(std::string_view id,
                              std::string_view content_hash) const {
  auto it = entries_.find(id);
  if (it == entries_.end()) return false;
  const auto& hashes = it->second.hashes;
  return std::find(hashes.begin(), hashes.end(), content_hash) != hashes.end();
}

Result<PutOutcome> MemoryCorpus::Put(Article&& a,
                                     std::vector<Mention>&& mentions,
                                     DedupInput&& dedup) {
  return PutEntry(std::move(a), std::move(mentions), std::move(dedup), false);
}

bool MemoryCorpus::KeepsWhole(const Article& a) { return !CompletelyDated(a); }

Result<PutOutcome> MemoryCorpus::PutDeferred(Article&& a, DedupInput&& dedup) {
  if (!KeepsWhole(a)) {
    return Status::InvalidArgument("deferred article " + a.id + " is dated");
  }
  return PutEntry(std::move(a), {}, std::move(dedup), true);
}

Result<PutOutcome> MemoryCorpus::PutEntry(Article&& a,
                                          std::vector<Mention>&& mentions,
                                          DedupInput&& dedup, bool deferred) {
  SITREP_RETURN_IF_ERROR(ValidateArticle(a));
  if (HasContent(a.id, a.content_hash)) return PutOutcome::kAlreadyPresent;
  auto [it, inserted] = entries_.try_emplace(a.id);
  Entry& e = it->second;
  e.hashes.push_back(a.content_hash);
  e.mentions = std::move(mentions);
  e.dedup = std::move(dedup);
  e.undated.reset();
  e.deferred = deferred;
  e.partial.reset();
  if (!CompletelyDated(a)) {
    e.partial = a.published;
    e.undated = std::make_unique<Article>(std::move(a));
    e.undated->published.reset();
  }
  return inserted ? PutOutcome::kInserted : PutOutcome::kNewVersion;
}

std::vector<Mention> MemoryCorpus::Mentions(
    const std::function<bool(const Mention&)>& keep) const {
  size_t n = 0;
  for (const auto& [id, e] : entries_) n += e.mentions.size();
  std::vector<Mention> out;
  out.reserve(n);
  for (const auto& [id, e] : entries_) {
    if (!keep) {
      out.insert(out.end(), e.mentions.begin(), e.mentions.end());
      continue;
    }
    for (const Mention& m : e.mentions) {
      if (keep(m)) out.push_back(m);
    }
  }
  return out;
}

std::vector<Mention> MemoryCorpus::TakeMentions(
    const std::function<bool(const Mention&)>& keep, size_t extra) {
  size_t n = extra;
  for (const auto& [id, e] : entries_) n += e.mentions.size();
  std::vector<Mention> out;
  out.reserve(n);
  for (auto& [id, e] : entries_) {
    for (Mention& m : e.mentions) {
      if (!keep || keep(m)) out.push_back(std::move(m));
    }
    std::vector<Mention>().swap(e.mentions);
  }
  return out;
}

std::vector<Mention> MemoryCorpus::MentionsOf(std::string_view id) const {
  auto it = entries_.find(id);
  if (it == entries_.end()) return {};
  return it->second.mentions;
}

std::vector<DedupInput> MemoryCorpus::DedupInputs() const {
  std::vector<DedupInput> out;
  out.reserve(entries_.size());
  for (const auto& [id, e] : entries_) out.push_back(e.dedup);
  return out;
}

std::vector<DedupInput> MemoryCorpus::TakeDedupInputs() {
  std::vector<DedupInput> out;
  out.reserve(entries_.size());
  for (auto& [id, e] : entries_) out.push_back(std::move(e.dedup));
  return out;
}

Result<Article> MemoryCorpus::TakeArticle(std::string_view id) {
  auto it = entries_.find(id);
  if (it == entries_.end() || !it->second.undated) {
    return Status::NotFound("no undated article " + std::string(id));
  }
  Article a = std::move(*it->second.undated);
  it->second.undated.reset();
  return a;
}

Result<Article> MemoryCorpus::GetArticle(std::string_view id) const {
  auto it = entries_.find(id);
  if (it == entries_.end() || !it->second.undated) {
    return Status::NotFound("no undated article " + std::string(id));
  }
  return *it->second.undated;
}

std::vector<std::string> MemoryCorpus::Deferred() const {
  std::vector<std::string> ids;
  for (const auto& [id, e] : entries_) {
    if (e.deferred) ids.push_back(id);
  }
  return ids;
}

Result<Article> MemoryCorpus::DeferredArticle(std::string_view id) const {
  auto it = entries_.find(id);
  if (it == entries_.end() || !it->second.deferred) {
    return Status::NotFound("no deferred article " + std::string(id));
  }
  Article a = *it->second.undated;
  a.published = it->second.partial;
  return a;
}

Result<Article> MemoryCorpus::TakeDeferredArticle(std::string_view id) {
  auto it = entries_.find(id);
  if (it == entries_.end() || !it->second.deferred || !it->second.undated) {
    return Status::NotFound("no deferred article " + std::string(id));
  }
  Article a = std::move(*it->second.undated);
  it->second.undated.reset();
  a.published = it->second.partial;
  return a;
}

void MemoryCorpus::SetMentions(std::string_view id,
                               std::vector<Mention>&& mentions) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  it->second.mentions = std::move(mentions);
  it->second.deferred = false;
}

}  // namespace sitrep::pipeline_internal
