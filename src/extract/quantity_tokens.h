// Light tokenizer shared by the quantity and date recognisers.
//
// Splits text into words (ASCII letter runs), numbers (digit runs with
// optional `,ddd` thousands groups and a `.d+` decimal part) and punctuation
// (one token per other byte, or per whole UTF-8 code point). Whitespace
// (ASCII and U+00A0) separates tokens and is not a token. Every token knows
// whether whitespace preceded it, so `150-200` and `150 - 200` differ.
//
// Word tokens are compared in lower case: the scanner keeps one ASCII
// lower-cased copy of the text, and Text() returns views into it.
//
// Costs: one pass, one allocation for the copy and two for the tokens
// (none when Assign reuses them).
// Thread safety: a value type.
#ifndef SITREP_EXTRACT_QUANTITY_TOKENS_H_
#define SITREP_EXTRACT_QUANTITY_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

enum class QTokKind : uint8_t { kWord, kNumber, kPunct };

struct QToken {
  uint32_t begin = 0, end = 0;  // byte offsets in the original text
  QTokKind kind = QTokKind::kPunct;
  bool space_before = true;  // whitespace or start of text precedes
  bool capitalized = false;  // word whose first letter is upper case
  bool has_comma = false;    // number written with thousands groups
  bool has_decimal = false;  // number with a decimal part
  uint8_t int_digits = 0;    // digits before the decimal point
  int64_t value = 0;         // integer part (saturates at ~1e18)
  double dvalue = 0;         // full value, decimals included
  friend bool operator==(const QToken&, const QToken&) = default;
};

class QTokens {
 public:
  explicit QTokens(std::string_view text) { Assign(text); }
  QTokens() = default;
  // Tokenises `text` anew, reusing this object's buffers (a scanner kept
  // per thread allocates nothing per sentence once they have grown).
  void Assign(std::string_view text);

  size_t size() const { return toks_.size(); }
  const QToken& operator[](size_t i) const { return toks_[i]; }
  // Lower-cased text of token i; "" past the end.
  std::string_view Text(size_t i) const {
    if (i >= toks_.size()) return {};
    return std::string_view(lower_).substr(toks_[i].begin,
                                           toks_[i].end - toks_[i].begin);
  }
  // A hash of Text(i) (TextHash), 0 past the end: lets a table reject a
  // token without hashing it again.
  uint64_t Hash(size_t i) const { return i < toks_.size() ? hashes_[i] : 0; }
  // Hash(i) without the bounds test, for i <= size().
  uint64_t HashUnchecked(size_t i) const { return hashes_[i]; }
  static uint64_t TextHash(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325u;  // FNV-1a
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3u;
    return h;
  }
  // True when token i exists, is a word or punctuation, and reads `s`.
  bool Is(size_t i, std::string_view s) const { return Text(i) == s; }
  bool IsWord(size_t i) const {
    return i < toks_.size() && toks_[i].kind == QTokKind::kWord;
  }
  bool IsNumber(size_t i) const {
    return i < toks_.size() && toks_[i].kind == QTokKind::kNumber;
  }
  // Token i follows token i-1 with no whitespace between.
  bool Glued(size_t i) const {
    return i > 0 && i < toks_.size() && !toks_[i].space_before;
  }
  // A hyphen or en/em dash.
  bool IsDash(size_t i) const;

 private:
  std::string lower_;
  std::vector<QToken> toks_;
  std::vector<uint64_t> hashes_;  // TextHash of each token, then a 0
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_QUANTITY_TOKENS_H_
