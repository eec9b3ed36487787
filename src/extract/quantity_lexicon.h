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
  void AddHash(uint64_t text_hash) { bits_.set(text_hash % kBits); }
  bool MayContain(uint64_t text_hash) const { return bits_[text_hash % kBits]; }
  // Adds every word of `other`.
  void Merge(const QWordFilter& other) { bits_ |= other.bits_; }

 private:
  static constexpr size_t kBits = 4096;
  std::bitset<kBits> bits_;
};

class QPhraseTable;

// Which tokens may start a form, judged by the token and the next one (a
// superset: false means no form starts here, true that one may). A number
// always may; a word when it starts a form whatever follows (AddAny), when
// it is a lead ("over", "on") and the next token is a number or a word of
// AddNext ("over 20", "on Monday"), or when the two tokens begin a phrase
// (AddPair: "at least", "the next day"). Common words ("a", "the", "on",
// "in") then fail at most places instead of sending the scanner through
// every form.
class QStartFilter {
 public:
  void AddAny(std::string_view w) { Mark(w, kAny); }
  void AddLead(std::string_view w) { Mark(w, kLead); }
  void AddNext(std::string_view w) { next_.Add(w); }
  void AddNext(const QWordFilter& f) { next_.Merge(f); }
  void AddPair(std::string_view a, std::string_view b) {
    Mark(a, kPair);
    pair_.AddHash(PairHash(QTokens::TextHash(a), QTokens::TextHash(b)));
  }
  // Every phrase of `table`: a pair of its first two tokens, a one-token
  // phrase's token as any (`single_leads` false) or as a lead (true: a
  // qualifier needs a count after it).
  void AddPhrases(const QPhraseTable& table, bool single_leads);
  // For i < t.size(). One byte of the word's hash rejects most words.
  bool MayStart(const QTokens& t, size_t i) const {
    const QTokKind kind = t[i].kind;
    if (kind != QTokKind::kWord) return kind == QTokKind::kNumber;
    const uint64_t h = t.HashUnchecked(i);
    const uint8_t f = first_[h % kSlots];
    if (f == 0) return false;
    if (f & kAny) return true;
    const uint64_t n = t.HashUnchecked(i + 1);
    return ((f & kLead) && (t.IsNumber(i + 1) || next_.MayContain(n))) ||
           ((f & kPair) && pair_.MayContain(PairHash(h, n)));
  }
  // The first token at or after i where a form may start, or t.size().
  size_t NextStart(const QTokens& t, size_t i) const {
    const size_t n = t.size();
    while (i < n && !MayStart(t, i)) ++i;
    return i;
  }

 private:
  enum : uint8_t { kAny = 1, kLead = 2, kPair = 4 };
  static constexpr size_t kSlots = 16384;  // few words share a slot
  static uint64_t PairHash(uint64_t a, uint64_t b) {
    return (a * 0x9E3779B97F4A7C15u) ^ (b >> 7) ^ b;
  }
  void Mark(std::string_view w, uint8_t bit) {
    first_[QTokens::TextHash(w) % kSlots] |= bit;
  }
  // What a word may be, by its hash: 0 = no start word.
  uint8_t first_[kSlots] = {};
  QWordFilter next_, pair_;
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
  // Calls f(tokens) for every phrase (its lower-cased tokens).
  template <typename F>
  void ForEachPhrase(F f) const {
    for (const List& l : lists_) {
      for (const Phrase& p : l.phrases) f(p.toks);
    }
  }

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
  // Where a quantity may start: a number, a word of zero, zerohead, exact
  // or vague, a number word ("a" and "an" before a scale), a qualifier or
  // "between" before a count, judged with the token after it (the scanner
  // skips other tokens).
  QStartFilter starts;
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
