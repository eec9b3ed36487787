#include "extract/phrase_matcher.h"

#include <algorithm>

namespace sitrep {
namespace {

unsigned char Byte(char c) { return static_cast<unsigned char>(c); }

}  // namespace

PhraseMatcher::PhraseMatcher() { nodes_.emplace_back(); }

void PhraseMatcher::Add(std::string_view phrase, uint32_t payload) {
  uint32_t cur = 0;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j == i) break;
    std::string tok(phrase.substr(i, j - i));
    i = j;
    bool is_prefix = tok.size() > 1 && tok.back() == '*';
    if (is_prefix) tok.pop_back();
    uint32_t next = 0;
    if (is_prefix) {
      for (auto& [p, n] : nodes_[cur].prefix) {
        if (p == tok) next = n;
      }
      if (next == 0) {
        next = static_cast<uint32_t>(nodes_.size());
        // Kept sorted by first byte, in insertion order within one byte.
        auto& pre = nodes_[cur].prefix;
        auto at = std::upper_bound(
            pre.begin(), pre.end(), tok[0],
            [](char c, const auto& e) { return Byte(c) < Byte(e.first[0]); });
        pre.emplace(at, tok, next);
        nodes_.emplace_back();
        if (cur == 0) IndexRootPrefixes();
      }
    } else {
      auto it = nodes_[cur].exact.find(tok);
      if (it != nodes_[cur].exact.end()) {
        next = it->second;
      } else {
        next = static_cast<uint32_t>(nodes_.size());
        if (cur == 0) {
          size_t h = ViewHash()(tok) & (kRootBits - 1);
          root_filter_[h >> 6] |= uint64_t{1} << (h & 63);
        }
        nodes_[cur].exact.emplace(tok, next);
        nodes_.emplace_back();
      }
    }
    cur = next;
  }
  if (cur != 0) nodes_[cur].payloads.push_back(payload);
}

void PhraseMatcher::IndexRootPrefixes() {
  const auto& pre = nodes_[0].prefix;
  size_t k = 0;
  for (size_t b = 0; b <= 256; ++b) {
    while (k < pre.size() && Byte(pre[k].first[0]) < b) ++k;
    root_prefix_at_[b] = static_cast<uint32_t>(k);
  }
}

std::vector<PhraseHit> PhraseMatcher::Match(
    const std::vector<std::string_view>& tokens) const {
  std::vector<PhraseHit> hits;
  // The trie nodes reached, reused by each call on this thread (two
  // allocations a sentence otherwise).
  thread_local std::vector<uint32_t> frontier, next;
  for (uint32_t start = 0; start < tokens.size(); ++start) {
    frontier.assign(1, 0);
    for (uint32_t t = start; t < tokens.size() && !frontier.empty(); ++t) {
      next.clear();
      std::string_view tok = tokens[t];
      if (tok.empty()) break;  // no phrase token is empty
      for (uint32_t n : frontier) {
        const Node& node = nodes_[n];
        if (n != 0 || MaybeAtRoot(tok)) {
          auto it = node.exact.find(tok);
          if (it != node.exact.end()) next.push_back(it->second);
        }
        // Only the prefixes sharing the token's first byte can match.
        auto it_p =
            n == 0 ? node.prefix.begin() + root_prefix_at_[Byte(tok[0])]
                   : std::lower_bound(node.prefix.begin(), node.prefix.end(),
                                      tok[0], [](const auto& e, char c) {
                                        return Byte(e.first[0]) < Byte(c);
                                      });
        for (; it_p != node.prefix.end() && it_p->first[0] == tok[0]; ++it_p) {
          const std::string& p = it_p->first;
          if (tok.size() >= p.size() && tok.substr(0, p.size()) == p) {
            next.push_back(it_p->second);
          }
        }
      }
      for (uint32_t n : next) {
        for (uint32_t pl : nodes_[n].payloads)
          hits.push_back({start, t + 1, pl});
      }
      frontier.swap(next);
    }
  }
  return hits;
}

}  // namespace sitrep
