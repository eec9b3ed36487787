#include "sitrep/incremental_merge.h"

#include <algorithm>
#include <map>
#include <set>

#include "merge/incremental_internal.h"

namespace sitrep {

using incremental_internal::Cluster;
using incremental_internal::Key;
using incremental_internal::Node;
using incremental_internal::Scope;

struct IncrementalMerge::Impl {
  MergeOptions options;
  bool ok = true;
  int64_t replayed_days = 0;
  std::map<std::string, Scope> scopes;
  // article id -> (scope, key) of each of its mentions
  std::map<std::string, std::vector<std::pair<std::string, Key>>, std::less<>>
      by_article;
  // By (cluster key, scope): creation order. Two scopes share a key only
  // while an article's new version moves a mention to another country.
  using EventKey = std::pair<Key, std::string>;
  std::map<EventKey, Event> events;
  std::map<std::string, std::set<EventKey>> article_events;

  void Remove(std::string_view article_id, std::set<std::string>* touched);
  void Add(std::vector<Mention> mentions, std::set<std::string>* touched);
  void Cleanup(const std::string& scope);
  Delta Apply(const std::set<std::string>& touched, bool want_changed);
  void Rebuild(const std::string& scope_name, const std::set<Key>& changed,
               Delta* delta);
  void Unindex(const EventKey& k);
  void Index(const EventKey& k);
  std::vector<std::string> PartsOf(const Event& e) const;
  void LinkParts(const std::set<std::string>& articles,
                 std::set<EventKey>* changed);
  void ArticlesOf(const EventKey& k, std::set<std::string>* out) const;
};

// Marks the article's nodes removed (they stay until the update ends: the
// last result's clusters point at them).
void IncrementalMerge::Impl::Remove(std::string_view article_id,
                                    std::set<std::string>* touched) {
  auto it = by_article.find(article_id);
  if (it == by_article.end()) return;
  for (const auto& [scope, key] : it->second) {
    scopes[scope].nodes.at(key)->live = false;
    scopes[scope].changed.insert(key);
    touched->insert(scope);
  }
  by_article.erase(it);
}

void IncrementalMerge::Impl::Add(std::vector<Mention> mentions,
                                 std::set<std::string>* touched) {
  for (Mention& m : mentions) {
    std::string scope_name = m.Scope();
    Scope& scope = scopes[scope_name];
    Key key = merge_internal::CanonicalKey(m);
    auto& slot = scope.nodes[key];
    if (slot && slot->live) ok = false;  // two mentions, one key
    bool fresh = !slot;
    if (fresh) slot = std::make_unique<Node>();
    Node& n = *slot;  // a removed node with this key: now a changed one
    scope.named -= incremental_internal::CountsNamed(n);
    n.live = true;
    n.reuse = false;
    n.key = key;
    n.weak = m.weak;
    n.dated = m.date.valid();
    n.named = IsNamedActor(m.actor2);
    n.m = std::move(m);
    if (fresh) {
      n.was_weak = n.weak;
      n.was_named = n.named;
    }
    scope.named += incremental_internal::CountsNamed(n);
    scope.changed.insert(key);
    if (n.weak) scope.weak.emplace(key, &n);
    if (n.named) scope.named_keys.insert(key);
    by_article[n.m.article_id].push_back({scope_name, key});
    touched->insert(scope_name);
  }
}

// Forgets removed nodes and makes every node's decision reusable (only the
// changed nodes differ from that).
void IncrementalMerge::Impl::Cleanup(const std::string& name) {
  Scope& scope = scopes[name];
  for (const Key& key : scope.changed) {
    auto it = scope.nodes.find(key);
    Node& n = *it->second;
    scope.named -= incremental_internal::CountsNamed(n);
    if (!n.live || !n.weak) scope.weak.erase(key);
    if (!n.live || !n.named) scope.named_keys.erase(key);
    if (!n.live) {
      scope.nodes.erase(it);
      continue;
    }
    n.reuse = true;
    n.was_weak = n.weak;
    n.was_named = n.named;
    scope.named += incremental_internal::CountsNamed(n);
  }
  scope.changed.clear();
}

void IncrementalMerge::Impl::Unindex(const EventKey& k) {
  auto e = events.find(k);
  if (e == events.end()) return;
  for (const auto& a : e->second.articles) {
    auto it = article_events.find(a);
    it->second.erase(k);
    if (it->second.empty()) article_events.erase(it);
  }
}

void IncrementalMerge::Impl::Index(const EventKey& k) {
  for (const auto& a : events.at(k).articles) article_events[a].insert(k);
}

// Rebuilds the events of the changed clusters of one scope.
void IncrementalMerge::Impl::Rebuild(const std::string& scope_name,
                                     const std::set<Key>& changed,
                                     Delta* delta) {
  Scope& scope = scopes[scope_name];
  for (const Key& key : changed) {
    EventKey k{key, scope_name};
    auto old = events.find(k);
    if (old != events.end()) {
      Unindex(k);
      delta->removed.push_back(old->second.id);
      events.erase(old);
    }
    auto c = scope.clusters.find(key);
    if (c == scope.clusters.end()) continue;
    std::vector<Mention> ms;
    ms.reserve(c->second.members.size());
    for (const Node* n : c->second.members) ms.push_back(n->m);
    Event e = merge_internal::MakeEvent(std::move(ms), options);
    e.id = merge_internal::EventId(e);
    events.emplace(k, std::move(e));
    Index(k);
  }
}

// merge.cc's LinkParts for one aggregate: a sentence of an article belongs
// to the last event (in creation order) holding it.
std::vector<std::string> IncrementalMerge::Impl::PartsOf(const Event& e) const {
  std::set<std::string> parts;
  std::map<std::string, std::map<int, std::string>> owners;
  for (const auto& m : e.mentions) {
    if (m.parts.empty()) continue;
    auto [own, fresh] = owners.try_emplace(m.article_id);
    if (fresh) {
      for (const EventKey& k : article_events.at(m.article_id)) {
        const Event& other = events.at(k);
        for (const auto& o : other.mentions) {
          if (o.article_id != m.article_id) continue;
          for (int s : o.sentences) own->second[s] = other.id;
        }
      }
    }
    for (int p : m.parts) {
      auto it = own->second.find(p);
      if (it != own->second.end()) parts.insert(it->second);
    }
  }
  return {parts.begin(), parts.end()};
}

// Re-links the aggregates that mention `articles`; adds those whose parts
// changed to `changed`.
void IncrementalMerge::Impl::LinkParts(const std::set<std::string>& articles,
                                       std::set<EventKey>* changed) {
  for (const auto& a : articles) {
    auto keys = article_events.find(a);
    if (keys == article_events.end()) continue;
    for (const EventKey& k : keys->second) {
      Event& e = events.at(k);
      if (e.kind != MentionKind::kAggregate) continue;
      std::vector<std::string> parts = PartsOf(e);
      if (parts == e.parts) continue;
      e.parts = std::move(parts);
      changed->insert(k);
    }
  }
}

// Articles of the event at `k`, if any, into `out`.
void IncrementalMerge::Impl::ArticlesOf(const EventKey& k,
                                        std::set<std::string>* out) const {
  auto e = events.find(k);
  if (e != events.end())
    out->insert(e->second.articles.begin(), e->second.articles.end());
}

IncrementalMerge::IncrementalMerge(MergeOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

IncrementalMerge::~IncrementalMerge() = default;

void IncrementalMerge::Load(std::vector<Mention> mentions) {
  std::set<std::string> touched;
  impl_->replayed_days = 0;
  impl_->Add(std::move(mentions), &touched);
  impl_->Apply(touched, /*want_changed=*/false);
}

IncrementalMerge::Delta IncrementalMerge::SetArticle(
    std::string_view article_id, std::vector<Mention> mentions,
    std::optional<CivilDay> published) {
  Impl& d = *impl_;
  d.replayed_days = 0;
  std::string id(article_id);
  if (published) {
    d.options.published[id] = *published;
  } else {
    d.options.published.erase(id);
  }
  std::set<std::string> touched;
  d.Remove(article_id, &touched);
  d.Add(std::move(mentions), &touched);
  return d.Apply(touched, /*want_changed=*/true);
}

IncrementalMerge::Delta IncrementalMerge::SetCopies(
    const std::map<std::string, std::optional<std::string>>& copy_of) {
  Impl& d = *impl_;
  d.replayed_days = 0;
  std::set<std::string> touched;
  for (const auto& [id, original] : copy_of) {
    if (original) {
      d.options.copy_of[id] = *original;
    } else {
      d.options.copy_of.erase(id);
    }
    std::vector<Mention> ms;  // its mentions, re-added as changed ones
    auto it = d.by_article.find(id);
    if (it != d.by_article.end()) {
      for (const auto& [scope, key] : it->second)
        ms.push_back(d.scopes[scope].nodes.at(key)->m);
    }
    d.Remove(id, &touched);
    d.Add(std::move(ms), &touched);
  }
  return d.Apply(touched, /*want_changed=*/true);
}

// Re-derives the touched scopes and collects what changed.
IncrementalMerge::Delta IncrementalMerge::Impl::Apply(
    const std::set<std::string>& touched, bool want_changed) {
  Impl& d = *this;
  std::set<std::string> articles;
  Delta delta;
  std::set<Impl::EventKey> built;
  for (const std::string& scope : touched) {
    std::set<Key> changed = incremental_internal::UpdateScope(
        &d.scopes[scope], d.options, &d.replayed_days);
    for (const Key& k : changed) d.ArticlesOf({k, scope}, &articles);
    d.Rebuild(scope, changed, &delta);
    for (const Key& k : changed) {
      d.ArticlesOf({k, scope}, &articles);
      built.insert({k, scope});
    }
    d.Cleanup(scope);
  }
  d.LinkParts(articles, &built);
  std::set<std::string> kept;
  for (const auto& k : built) {
    auto e = d.events.find(k);
    if (e == d.events.end()) continue;
    kept.insert(e->second.id);
    if (want_changed) delta.changed.push_back(e->second);
  }
  std::erase_if(delta.removed, [&](const auto& id) { return kept.count(id); });
  return delta;
}

std::vector<Event> IncrementalMerge::Events() const {
  std::vector<Event> out;
  out.reserve(impl_->events.size());
  for (const auto& [k, e] : impl_->events) out.push_back(e);
  return out;
}

std::optional<CivilDay> IncrementalMerge::PublishedOf(
    const std::string& article_id) const {
  auto it = impl_->options.published.find(article_id);
  if (it == impl_->options.published.end()) return std::nullopt;
  return it->second;
}

bool IncrementalMerge::ok() const { return impl_->ok; }

int64_t IncrementalMerge::last_replayed_days() const {
  return impl_->replayed_days;
}

}  // namespace sitrep
