// The quantity recogniser's word lists, read from data/lexicon/numbers.tsv
// (see that file's header for the kinds), plus QPhraseTable, a small
// token-sequence matcher shared with the date recogniser.
//
// Thread safety: immutable after construction; Get() is initialised once.
#ifndef SITREP_EXTRACT_QUANTITY_LEXICON_H_
#define SITREP_EXTRACT_QUANTITY_LEXICON_H_

#include <bitset>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/quantity_tokens.h"
#include "sitrep/quantity.h"
#include "sitrep/status.h"

namespace sitrep {

struct QStringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>()(s);
  }
};
template <typename V>
using QStringMap =
    std::unordered_map<std::string, V, QStringHash, std::equal_to<>>;

// A one-bit-per-word filter over QTokens::TextHash: false means the word
// is certainly not in the set, true that it may be (look it up).
class QWordFilter {
 public:
  void Add(std::string_view word) {
    bits_.set(QTokens::TextHash(word) % kBits);
  }
  bool MayContain(uint64_t text_hash) const {
    return bits_.test(text_hash % kBits);
  }
  // Adds every word of `other`.
  void Merge(const QWordFilter& other) { bits_ |= other.bits_; }

 private:
  static constexpr size_t kBits = 4096;
  std::bitset<kBits> bits_;
};

// Phrases as token sequences (tokenised like the text, so "a.m." is four
// tokens), matched longest first at a token position.
class QPhraseTable {
 public:
  void Add(std::string_view phrase, int payload);
  // Longest phrase starting at token i. On a match sets *end (one past the
  // last token) and *payload.
  // The first-token filter is inline: most tokens are rejected by it, at
  // every position and by every table.
  bool MatchAt(const QTokens& t, size_t i, size_t* end, int* payload) const {
    return i < t.size() && first_filter_.MayContain(t.Hash(i)) &&
           MatchPhrasesAt(t, i, end, payload);
  }
  // A filter of the phrases' first tokens (see QWordFilter).
  const QWordFilter& first_filter() const { return first_filter_; }
  // True when some phrase ends exactly before token `end`.
  bool MatchEndingAt(const QTokens& t, size_t end) const;
  bool empty() const { return lists_.empty(); }

 private:
  // MatchAt past the filter.
  bool MatchPhrasesAt(const QTokens& t, size_t i, size_t* end,
                      int* payload) const;
  struct Phrase {
    std::vector<std::string> toks;
    std::vector<uint64_t> hashes;  // TextHash of each token
    int payload;
  };
  // The phrases of a first token, longest first.
  struct List {
    std::string first;
    uint64_t hash;  // TextHash(first)
    std::vector<Phrase> phrases;
  };
  // The list of the first token with TextHash `h` reading `text`, or null:
  // found by the hash the tokens already carry (QTokens::Hash), no
  // hashing of the text per lookup.
  const List* FindList(uint64_t h, std::string_view text) const;
  std::vector<List> lists_;
  // Open addressing over TextHash: 1 + index in lists_, 0 = empty; the
  // size a power of two at least twice the lists.
  std::vector<uint32_t> slots_;
  size_t max_len_ = 0;
  // Every first token: most tokens start no phrase, and one bit test
  // rejects them before the hash-map lookup.
  QWordFilter first_filter_;
};

// Which parts of a Count take the number N: a row of numbers.tsv `qual`.
struct QTemplate {
  std::string name;
  bool low = false, best = false, high = false;
  Count Apply(int64_t n) const;
};

struct QuantityLexicon {
  QStringMap<int64_t> units, tens, scales;
  QWordFilter number_words;  // units, tens, scales, "a" and "an"
  // Every word a quantity can start with: the first tokens of zero,
  // zerohead, qual, exact and vague, the number words and "between" (the
  // scanner skips other words; numbers are checked by kind).
  QWordFilter start_words;
  QPhraseTable exact, vague, qual, suffix, zero, zerohead, unit_after,
      skip_before;
  std::vector<int64_t> exact_values;
  std::vector<Count> vague_counts;
  std::vector<QTemplate> quals, suffixes;
  QStringMap<bool> zeronouns;
  QStringMap<std::vector<std::string>> skip_pairs;  // number word -> words

  // Parses numbers.tsv contents. Errors name the line.
  static Result<QuantityLexicon> Parse(std::string_view tsv);
  // The lexicon from LoadLexiconText("numbers.tsv"); empty (and a message
  // on stderr) if that file is malformed.
  static const QuantityLexicon& Get();
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_QUANTITY_LEXICON_H_
