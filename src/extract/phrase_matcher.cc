#include "extract/phrase_matcher.h"

#include <algorithm>

namespace sitrep {
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
      uint64_t h = ViewHash()(tok);
      next = FindEdge(cur, tok, h);
      if (next == 0) {
        next = static_cast<uint32_t>(nodes_.size());
        if (cur == 0) {
          size_t b = h & (kRootBits - 1);
          root_filter_[b >> 6] |= uint64_t{1} << (b & 63);
        }
        AddEdge(cur, tok, h, next);
        nodes_[cur].exact_bits |= uint64_t{1} << (h & 63);
        nodes_.emplace_back();
      }
    }
    cur = next;
  }
  if (cur != 0) nodes_[cur].payloads.push_back(payload);
}

namespace {

// `a` (tok.size() bytes) reads `tok`: tokens are short, and a byte loop
// costs less than a call to memcmp.
bool SameBytes(const char* a, std::string_view tok) {
  for (size_t i = 0; i < tok.size(); ++i) {
    if (a[i] != tok[i]) return false;
  }
  return true;
}

}  // namespace

uint32_t PhraseMatcher::FindEdge(uint32_t node, std::string_view tok,
                                 uint64_t h) const {
  uint64_t key = EdgeKey(node, h);
  size_t mask = edges_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    const Edge& e = edges_[i];
    if (e.child == 0) return 0;
    if (e.key == key && e.node == node && e.tok_len == tok.size() &&
        SameBytes(tokens_.data() + e.tok_at, tok)) {
      return e.child;
    }
  }
}

void PhraseMatcher::AddEdge(uint32_t node, std::string_view tok, uint64_t h,
                            uint32_t child) {
  if (2 * (edge_count_ + 1) > edges_.size()) {  // keep the load under 1/2
    std::vector<Edge> old(edges_.size() * 2);
    old.swap(edges_);
    size_t mask = edges_.size() - 1;
    for (const Edge& e : old) {
      if (e.child == 0) continue;
      size_t i = e.key & mask;
      while (edges_[i].child != 0) i = (i + 1) & mask;
      edges_[i] = e;
    }
  }
  Edge e;
  e.key = EdgeKey(node, h);
  e.child = child;
  e.node = node;
  e.tok_at = static_cast<uint32_t>(tokens_.size());
  e.tok_len = static_cast<uint32_t>(tok.size());
  tokens_.append(tok);
  size_t mask = edges_.size() - 1;
  size_t i = e.key & mask;
  while (edges_[i].child != 0) i = (i + 1) & mask;
  edges_[i] = e;
  ++edge_count_;
}

void PhraseMatcher::IndexRootPrefixes() {
  const auto& pre = nodes_[0].prefix;
  size_t k = 0;
  for (size_t b = 0; b <= 256; ++b) {
    while (k < pre.size() && Byte(pre[k].first[0]) < b) ++k;
    root_prefix_at_[b] = static_cast<uint32_t>(k);
  }
  std::fill(root_pair_filter_.begin(), root_pair_filter_.end(), 0);
  for (const auto& [p, n] : pre) {
    size_t lo = PairOf(p), hi = p.size() > 1 ? lo : lo | 0xFF;
    for (size_t h = lo; h <= hi; ++h)
      root_pair_filter_[h >> 6] |= uint64_t{1} << (h & 63);
  }
}

std::vector<PhraseHit> PhraseMatcher::Match(
    const std::vector<std::string_view>& tokens) const {
  thread_local std::vector<uint64_t> hashes;  // TokenHash of each token
  hashes.clear();
  for (std::string_view tok : tokens) hashes.push_back(TokenHash(tok));
  return Match(tokens, hashes);
}

std::vector<PhraseHit> PhraseMatcher::Match(
    const std::vector<std::string_view>& tokens,
    const std::vector<uint64_t>& hashes) const {
  std::vector<PhraseHit> hits;
  // The trie nodes reached, reused by each call on this thread (two
  // allocations a sentence otherwise).
  thread_local std::vector<uint32_t> frontier, next;
  for (uint32_t start = 0; start < tokens.size(); ++start) {
    // Most tokens start nothing: no exact root token can be theirs (the
    // filter) and no root prefix shares their first byte.
    std::string_view first = tokens[start];
    if (first.empty()) continue;  // no phrase token is empty
    if (!MaybeAtRoot(hashes[start]) && !MaybeRootPrefix(first)) continue;
    frontier.assign(1, 0);
    for (uint32_t t = start; t < tokens.size() && !frontier.empty(); ++t) {
      next.clear();
      std::string_view tok = tokens[t];
      if (tok.empty()) break;  // no phrase token is empty
      for (uint32_t n : frontier) {
        const Node& node = nodes_[n];
        if (n != 0 ? (node.exact_bits >> (hashes[t] & 63)) & 1
                   : MaybeAtRoot(hashes[t])) {
          if (uint32_t c = FindEdge(n, tok, hashes[t])) next.push_back(c);
        }
        // Only the prefixes sharing the token's first byte can match (at
        // the root, none when the pair filter says so).
        if (n == 0 && !MaybeRootPrefix(tok)) continue;
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
        for (uint32_t pl : nodes_[n].payloads) {
          if (hits.empty()) hits.reserve(16);  // not 1, 2, 4, 8, 16
          hits.push_back({start, t + 1, pl});
        }
      }
      frontier.swap(next);
    }
  }
  return hits;
}

}  // namespace sitrep
