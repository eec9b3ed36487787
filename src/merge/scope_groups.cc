// ScopeGroups: which scopes must be merged together (aggregates' parts).
#include <set>

#include "sitrep/merge.h"

namespace sitrep {

void ScopeGroups::Add(const std::string& scope) {
  parent_.try_emplace(scope, scope);
}

std::string ScopeGroups::Root(const std::string& scope) const {
  std::string s = scope;
  while (true) {
    const std::string& p = parent_.at(s);
    if (p == s) return s;
    s = p;
  }
}

void ScopeGroups::LinkArticle(std::span<const Mention> mentions) {
  for (const Mention& m : mentions) Add(m.Scope());
  for (const Mention& a : mentions) {
    if (a.kind != MentionKind::kAggregate || a.parts.empty()) continue;
    std::set<int> parts(a.parts.begin(), a.parts.end());
    for (const Mention& m : mentions) {
      bool in_part = false;
      for (int s : m.sentences) in_part = in_part || parts.count(s);
      if (!in_part) continue;
      std::string x = Root(a.Scope()), y = Root(m.Scope());
      if (x != y) parent_[std::max(x, y)] = std::min(x, y);
    }
  }
}

std::vector<std::vector<std::string>> ScopeGroups::Groups() const {
  std::map<std::string, std::vector<std::string>> by_root;
  for (const auto& [scope, parent] : parent_) {
    by_root[Root(scope)].push_back(scope);
  }
  std::vector<std::vector<std::string>> out;
  for (auto& [root, scopes] : by_root) out.push_back(std::move(scopes));
  return out;
}

}  // namespace sitrep
