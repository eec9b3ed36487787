// PhraseMatcher: one token trie for every lexicon phrase.
//
// Phrases are sequences of lower-case tokens; a token ending in `*` matches
// any token with that prefix (`protest*` matches protests, protesters). All
// lexicons are compiled into one trie, so a sentence is scanned once: for
// each start token the trie is walked as far as it matches, O(tokens x
// longest phrase).
//
// Thread safety: immutable after Build(); Match() is const.
#ifndef SITREP_EXTRACT_PHRASE_MATCHER_H_
#define SITREP_EXTRACT_PHRASE_MATCHER_H_

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

struct PhraseHit {
  uint32_t begin;    // first token
  uint32_t end;      // one past the last token
  uint32_t payload;  // as given to Add()
};

class PhraseMatcher {
 public:
  PhraseMatcher();
  // Adds a phrase (space-separated tokens, already lower-case).
  void Add(std::string_view phrase, uint32_t payload);

  // Every phrase occurrence in `tokens` (lower-case), all lengths, in order
  // of start token then length.
  std::vector<PhraseHit> Match(
      const std::vector<std::string_view>& tokens) const;
  // The same, given TokenHash of each token (hashes.size() == tokens.size()).
  std::vector<PhraseHit> Match(const std::vector<std::string_view>& tokens,
                               const std::vector<uint64_t>& hashes) const;

  // The hash Match keys tokens by (FNV-1a), also computable a byte at a
  // time: TokenHashStep from kTokenHashSeed over the token's bytes.
  static constexpr uint64_t kTokenHashSeed = 14695981039346656037ull;
  static uint64_t TokenHashStep(uint64_t h, char c) {
    return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  static uint64_t TokenHash(std::string_view s) {
    uint64_t h = kTokenHashSeed;
    for (char c : s) h = TokenHashStep(h, c);
    return h;
  }

 private:
  // Looked up by string_view: no key copy per token. FNV-1a: tokens are
  // short, and std::hash's murmur costs more per lookup.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return static_cast<size_t>(TokenHash(s));
    }
  };
  struct Node {
    // Prefix tokens, sorted by first byte (insertion order within a byte).
    std::vector<std::pair<std::string, uint32_t>> prefix;
    std::vector<uint32_t> payloads;
  };
  // The exact-token children of every node in one open-addressing table
  // keyed by (node, token): one probe per lookup with the token's hash
  // computed once per sentence (a hash map per node hashed the token again
  // for each node and divided by a prime bucket count).
  struct Edge {
    uint64_t key = 0;    // EdgeKey(node, token hash)
    uint32_t child = 0;  // 0: empty slot (the root is nobody's child)
    uint32_t node = 0;
    uint32_t tok_at = 0;  // the token's text in tokens_
    uint32_t tok_len = 0;
  };
  static uint64_t EdgeKey(uint32_t node, uint64_t tok_hash) {
    // One multiply: the table's slot takes the low bits (the high half
    // folded in), the edge filter the high ones.
    uint64_t x = (tok_hash ^ (0x9E3779B97F4A7C15ull * (uint64_t{node} + 1))) *
                 0xBF58476D1CE4E5B9ull;
    return x ^ (x >> 32);
  }
  // The child of `node` by exact token `tok` (`key` = EdgeKey(node, its
  // ViewHash)), or 0.
  uint32_t FindEdge(uint32_t node, std::string_view tok, uint64_t key) const;
  void AddEdge(uint32_t node, std::string_view tok, uint64_t h, uint32_t child);
  // A bit per EdgeKey (top kEdgeBitsLog bits) of every edge: a (node,
  // token) whose bit is unset is no edge, and the table is not probed (no
  // false negatives, so hits are the same).
  static constexpr int kEdgeBitsLog = 17;
  static size_t EdgeBit(uint64_t key) { return key >> (64 - kEdgeBitsLog); }
  bool MaybeEdge(uint64_t key) const {
    size_t b = EdgeBit(key);
    return (edge_filter_[b >> 6] >> (b & 63)) & 1;
  }
  std::vector<uint64_t> edge_filter_ =
      std::vector<uint64_t>((size_t{1} << kEdgeBitsLog) / 64);
  // The children of node `n` by token `tok` (non-empty, hash `h`) written
  // to `out` in hit order (the exact child, then the prefixes in order);
  // returns how many.
  size_t Children(uint32_t n, std::string_view tok, uint64_t h,
                  uint32_t* out) const;
  std::vector<Edge> edges_ = std::vector<Edge>(64);  // size a power of two
  size_t edge_count_ = 0;
  std::string tokens_;  // the text of every edge's token

  // A bit per hash (mod kRootBits) of every exact token of the root: most
  // tokens start no phrase, and the filter rejects them without a table
  // lookup (no false negatives, so hits are the same).
  static constexpr size_t kRootBits = 1 << 16;
  bool MaybeAtRoot(uint64_t tok_hash) const {
    size_t h = tok_hash & (kRootBits - 1);
    return (root_filter_[h >> 6] >> (h & 63)) & 1;
  }
  // Root prefixes starting with byte b: [root_prefix_at_[b],
  // root_prefix_at_[b + 1]) of nodes_[0].prefix (no binary search per
  // token at the root, where every token is tried).
  void IndexRootPrefixes();
  std::array<uint32_t, 257> root_prefix_at_{};
  // A bit per hash of the first root_key_len_ bytes (the shortest root
  // prefix's length, at most 4) of every root prefix: a token shorter than
  // that, or whose first bytes' bit is unset, matches no root prefix, and
  // the scan of the prefixes sharing its first byte is skipped. (A pair of
  // bytes let through every "re", "wa", "co" and "as".)
  // (Bytes little-endian in `x`: one load when the key is 4 bytes.)
  size_t RootKeyBit(std::string_view tok) const {
    uint32_t x = 0;
    if (std::endian::native == std::endian::little && root_key_len_ == 4) {
      std::memcpy(&x, tok.data(), 4);
    } else {
      for (size_t i = 0; i < root_key_len_; ++i)
        x |= uint32_t{Byte(tok[i])} << (8 * i);
    }
    return (x * 0x9E3779B1u) >> 16;
  }
  bool MaybeRootPrefix(std::string_view tok) const {
    if (tok.size() < root_key_len_) return false;  // (no prefix: all unset)
    size_t h = RootKeyBit(tok);
    return (root_prefix_filter_[h >> 6] >> (h & 63)) & 1;
  }
  static unsigned char Byte(char c) { return static_cast<unsigned char>(c); }
  size_t root_key_len_ = 0;
  std::vector<uint64_t> root_prefix_filter_ = std::vector<uint64_t>(65536 / 64);
  std::vector<Node> nodes_;
  std::vector<uint64_t> root_filter_ = std::vector<uint64_t>(kRootBits / 64);
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_PHRASE_MATCHER_H_
