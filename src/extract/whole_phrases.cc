#include "extract/whole_phrases.h"

#include <algorithm>
#include <array>

namespace sitrep {
namespace {

constexpr bool WordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || (c & 0x80) != 0;
}

// WordByte as a table, for the one pass.
constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = WordByte(static_cast<char>(c));
  return t;
}();

// Is `phrase` at `at` in `text`, with no word byte on either side?
bool WholeAt(std::string_view text, size_t at, std::string_view phrase) {
  size_t end = at + phrase.size();
  return end <= text.size() && text.compare(at, phrase.size(), phrase) == 0 &&
         (at == 0 || !WordByte(text[at - 1])) &&
         (end == text.size() || !WordByte(text[end]));
}

}  // namespace

bool HasWholePhrase(std::string_view text, std::string_view phrase) {
  for (size_t at = text.find(phrase); at != std::string_view::npos;
       at = text.find(phrase, at + 1)) {
    if (WholeAt(text, at, phrase)) return true;
  }
  return false;
}

WholePhraseSet::WholePhraseSet(std::vector<std::string> phrases)
    : phrases_(std::move(phrases)), bigram_bits_(65536 / 64, 0) {
  for (uint32_t i = 0; i < phrases_.size(); ++i) {
    const std::string& p = phrases_[i];
    if (p.size() < 2) {
      short_.push_back(i);
      continue;
    }
    uint32_t b = Bigram(static_cast<unsigned char>(p[0]),
                        static_cast<unsigned char>(p[1]));
    bigram_bits_[b >> 6] |= uint64_t{1} << (b & 63);
    first_[static_cast<unsigned char>(p[0])] = 1;
    by_bigram_.emplace_back(b, i);
  }
  std::sort(by_bigram_.begin(), by_bigram_.end());
}

// One pass: at each byte after a non-word byte (a whole phrase starts
// nowhere else) that starts some phrase and whose pair with the next starts
// some phrase, the phrases starting so are compared there. A phrase is
// found iff some position holds it as whole words, which is what
// HasWholePhrase asks.
void WholePhraseSet::Find(std::string_view text,
                          std::vector<char>* found) const {
  found->assign(phrases_.size(), 0);
  for (uint32_t i : short_) (*found)[i] = HasWholePhrase(text, phrases_[i]);
  if (by_bigram_.empty() || text.size() < 2) return;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  bool after_word = false;  // s[at - 1] is a word byte
  for (size_t at = 0; at + 1 < text.size(); ++at) {
    bool skip = after_word || !first_[s[at]];
    after_word = kWordByte[s[at]];
    if (skip) continue;
    uint32_t b = Bigram(s[at], s[at + 1]);
    if (!(bigram_bits_[b >> 6] >> (b & 63) & 1)) continue;
    auto it = std::lower_bound(by_bigram_.begin(), by_bigram_.end(),
                               std::make_pair(b, uint32_t{0}));
    for (; it != by_bigram_.end() && it->first == b; ++it) {
      char& f = (*found)[it->second];
      if (!f && WholeAt(text, at, phrases_[it->second])) f = 1;
    }
  }
}

}  // namespace sitrep
