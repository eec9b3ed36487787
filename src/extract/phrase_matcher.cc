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
      next = FindEdge(cur, tok, EdgeKey(cur, h));
      if (next == 0) {
        next = static_cast<uint32_t>(nodes_.size());
        if (cur == 0) {
          size_t b = h & (kRootBits - 1);
          root_filter_[b >> 6] |= uint64_t{1} << (b & 63);
        }
        AddEdge(cur, tok, h, next);
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
                                 uint64_t key) const {
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
  size_t b = EdgeBit(e.key);
  edge_filter_[b >> 6] |= uint64_t{1} << (b & 63);
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
  root_key_len_ = 4;
  for (const auto& [p, n] : pre)
    root_key_len_ = std::min(root_key_len_, p.size());
  std::fill(root_prefix_filter_.begin(), root_prefix_filter_.end(), 0);
  for (const auto& [p, n] : pre) {
    size_t h = RootKeyBit(p);
    root_prefix_filter_[h >> 6] |= uint64_t{1} << (h & 63);
  }
}

std::vector<PhraseHit> PhraseMatcher::Match(
    const std::vector<std::string_view>& tokens) const {
  thread_local std::vector<uint64_t> hashes;  // TokenHash of each token
  hashes.clear();
  for (std::string_view tok : tokens) hashes.push_back(TokenHash(tok));
  return Match(tokens, hashes);
}

size_t PhraseMatcher::Children(uint32_t n, std::string_view tok, uint64_t h,
                               uint32_t* out) const {
  size_t k = 0;
  const Node& node = nodes_[n];
  std::vector<std::pair<std::string, uint32_t>>::const_iterator it;
  if (n == 0) {
    if (MaybeAtRoot(h)) {
      if (uint32_t c = FindEdge(0, tok, EdgeKey(0, h))) out[k++] = c;
    }
    // Only the prefixes sharing the token's first byte can match (at the
    // root, none when the prefix filter says so).
    if (!MaybeRootPrefix(tok)) return k;
    it = node.prefix.begin() + root_prefix_at_[Byte(tok[0])];
  } else {
    uint64_t key = EdgeKey(n, h);
    if (MaybeEdge(key)) {
      if (uint32_t c = FindEdge(n, tok, key)) out[k++] = c;
    }
    if (node.prefix.empty()) return k;
    it = std::lower_bound(
        node.prefix.begin(), node.prefix.end(), tok[0],
        [](const auto& e, char c) { return Byte(e.first[0]) < Byte(c); });
  }
  for (; it != node.prefix.end() && it->first[0] == tok[0]; ++it) {
    if (tok.starts_with(it->first)) out[k++] = it->second;
  }
  return k;
}

// The nodes reached from one start are distinct nodes at one depth of the
// trie (each node has one parent), so a frontier holds fewer than
// nodes_.size(): two such buffers, kept per thread, and no vector
// operations per token.
std::vector<PhraseHit> PhraseMatcher::Match(
    const std::vector<std::string_view>& tokens,
    const std::vector<uint64_t>& hashes) const {
  std::vector<PhraseHit> hits;
  thread_local std::vector<uint32_t> buf;
  if (buf.size() < 2 * nodes_.size()) buf.resize(2 * nodes_.size());
  const uint32_t size = static_cast<uint32_t>(tokens.size());
  for (uint32_t start = 0; start < size; ++start) {
    // Most tokens start nothing: no exact root token can be theirs and no
    // root prefix shares their first bytes (the two filters).
    std::string_view first = tokens[start];
    if (first.empty()) continue;  // no phrase token is empty
    if (!MaybeAtRoot(hashes[start]) && !MaybeRootPrefix(first)) continue;
    uint32_t* cur = buf.data();
    uint32_t* next = cur + nodes_.size();
    cur[0] = 0;
    size_t cur_size = 1;
    for (uint32_t t = start; t < size && cur_size != 0; ++t) {
      std::string_view tok = tokens[t];
      if (tok.empty()) break;  // no phrase token is empty
      size_t next_size = 0;
      for (size_t k = 0; k < cur_size; ++k) {
        next_size += Children(cur[k], tok, hashes[t], next + next_size);
      }
      for (size_t k = 0; k < next_size; ++k) {
        for (uint32_t pl : nodes_[next[k]].payloads) {
          if (hits.empty()) hits.reserve(16);  // not 1, 2, 4, 8, 16
          hits.push_back({start, t + 1, pl});
        }
      }
      std::swap(cur, next);
      cur_size = next_size;
    }
  }
  return hits;
}

}  // namespace sitrep
