// CrossScopeParts and MergeScopeStreaming: merging scope by scope with
// aggregates' parts resolved across scopes.
#include <algorithm>

#include "merge/internal.h"
#include "sitrep/merge.h"

namespace sitrep {

void CrossScopeParts::AddArticle(std::span<const Mention> mentions) {
  if (mentions.empty()) return;
  const std::string scope = mentions.front().Scope();
  if (std::all_of(mentions.begin(), mentions.end(),
                  [&](const Mention& m) { return m.Scope() == scope; })) {
    return;  // its parts' owners are all in its own scope
  }
  for (const Mention& m : mentions) {
    if (m.kind != MentionKind::kAggregate) continue;
    for (int p : m.parts) wanted_.insert({m.article_id, p});
  }
}

std::vector<bool> CrossScopeParts::Held(
    const merge_internal::Clusters& cs) const {
  std::vector<bool> held(cs.members.size(), false);
  if (wanted_.empty()) return held;
  for (size_t c = 0; c < cs.members.size(); ++c) {
    const std::vector<uint32_t>& members = cs.members[c];
    if (members.empty() ||
        cs.mentions[members.front()].kind != MentionKind::kAggregate) {
      continue;
    }
    for (uint32_t i : members) {
      const Mention& m = cs.mentions[i];
      for (int p : m.parts) {
        if (wanted_.count({m.article_id, p})) held[c] = true;
      }
    }
  }
  return held;
}

// As ClusterParts' owners (the last cluster holding a sentence), across
// scopes: clusters are ordered by their first mention's canonical key,
// which is the order MergeMentions over every scope creates them in.
void CrossScopeParts::Offer(const merge_internal::Clusters& cs,
                            const std::vector<bool>& held) {
  std::set<Sentence> keys = wanted_;
  for (size_t c = 0; c < cs.members.size(); ++c) {
    if (!held[c]) continue;
    for (uint32_t i : cs.members[c]) {
      for (int p : cs.mentions[i].parts) {
        keys.insert({cs.mentions[i].article_id, p});
      }
    }
  }
  if (keys.empty()) return;
  std::set<std::string, std::less<>> articles;  // most mentions' are not
  for (const Sentence& k : keys) articles.insert(k.first);
  for (size_t c = 0; c < cs.members.size(); ++c) {
    std::optional<Owner> mine;
    for (uint32_t i : cs.members[c]) {
      const Mention& m = cs.mentions[i];
      if (!articles.count(m.article_id)) continue;
      for (int s : m.sentences) {
        Sentence key{m.article_id, s};
        if (!keys.count(key)) continue;
        if (!mine) {
          merge_internal::MentionOrder k =
              merge_internal::CanonicalKey(cs.mentions[cs.members[c].front()]);
          mine =
              Owner{{k.day, k.article, k.sentence, k.begin, k.place}, cs.Id(c)};
        }
        auto [it, added] = owner_.try_emplace(std::move(key), *mine);
        if (!added && it->second.order < mine->order) it->second = *mine;
      }
    }
  }
}

void CrossScopeParts::Want(const Mention& aggregate) {
  if (aggregate.kind != MentionKind::kAggregate) return;
  for (int p : aggregate.parts) wanted_.insert({aggregate.article_id, p});
}

bool CrossScopeParts::WantsParts(const std::vector<Mention>& members) const {
  if (members.empty() || members.front().kind != MentionKind::kAggregate) {
    return false;
  }
  for (const Mention& m : members) {
    for (int p : m.parts) {
      if (wanted_.count({m.article_id, p})) return true;
    }
  }
  return false;
}

// As Offer, for one cluster.
void CrossScopeParts::OfferCluster(const std::vector<Mention>& members) {
  if (wanted_.empty() || members.empty()) return;
  std::optional<Owner> mine;
  for (const Mention& m : members) {
    for (int s : m.sentences) {
      Sentence key{m.article_id, s};
      if (!wanted_.count(key)) continue;
      if (!mine) {
        merge_internal::MentionOrder k =
            merge_internal::CanonicalKey(members.front());
        mine = Owner{{k.day, k.article, k.sentence, k.begin, k.place},
                     merge_internal::ClusterId(members)};
      }
      auto [it, added] = owner_.try_emplace(std::move(key), *mine);
      if (!added && it->second.order < mine->order) it->second = *mine;
    }
  }
}

Status CrossScopeParts::Finish(const EventSink& sink) {
  for (Event& e : held_) {
    std::set<std::string> parts;
    for (const Mention& m : e.mentions) {
      for (int p : m.parts) {
        auto it = owner_.find({m.article_id, p});
        if (it != owner_.end()) parts.insert(it->second.id);
      }
    }
    e.parts.assign(parts.begin(), parts.end());
    SITREP_RETURN_IF_ERROR(sink(std::move(e)));
  }
  held_.clear();
  return Status::OK();
}

Status MergeScopeStreaming(std::vector<Mention> mentions,
                           const MergeOptions& options, CrossScopeParts* cross,
                           const EventSink& sink) {
  merge_internal::Clusters cs =
      merge_internal::Cluster(std::move(mentions), options);
  std::map<size_t, std::vector<std::string>> parts =
      merge_internal::ClusterParts(cs);
  const std::vector<bool> held = cross->Held(cs);
  cross->Offer(cs, held);
  for (size_t c = 0; c < cs.members.size(); ++c) {
    Event e = merge_internal::ClusterEvent(&cs, c, options,
                                           held[c] ? nullptr : &parts);
    if (held[c]) {
      cross->held_.push_back(std::move(e));
      continue;
    }
    SITREP_RETURN_IF_ERROR(sink(std::move(e)));
  }
  return Status::OK();
}

}  // namespace sitrep
