// Which of a fixed list of phrases occur in a text as whole words, in one
// pass over the text (the home-country cues of home_countries.tsv are ~50
// phrases asked of every article). Internal to the extract stage.
// Thread safety: const methods may be called from many threads.
#ifndef SITREP_EXTRACT_WHOLE_PHRASES_H_
#define SITREP_EXTRACT_WHOLE_PHRASES_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep {

// `phrase` as whole words in `text` (letters, digits and non-ASCII bytes do
// not touch it); matched case-sensitively. The plain form: one search of
// the text per phrase.
bool HasWholePhrase(std::string_view text, std::string_view phrase);

class WholePhraseSet {
 public:
  WholePhraseSet() = default;
  explicit WholePhraseSet(std::vector<std::string> phrases);

  // found[i] = HasWholePhrase(text, phrase i), for every phrase.
  void Find(std::string_view text, std::vector<char>* found) const;
  size_t size() const { return phrases_.size(); }

 private:
  void TryAt(std::string_view text, size_t at, std::vector<char>* found) const;
  static uint32_t Bigram(unsigned char a, unsigned char b) {
    return (uint32_t{a} << 8) | b;
  }
  std::vector<std::string> phrases_;
  std::vector<uint32_t> short_;  // phrases under two bytes: searched plainly
  std::vector<uint64_t> bigram_bits_;  // first two bytes of a longer phrase
  bool HasBigram(uint32_t b) const {
    return bigram_bits_[b >> 6] >> (b & 63) & 1;
  }
  // (first two bytes, phrase index), sorted.
  std::vector<std::pair<uint32_t, uint32_t>> by_bigram_;
  // by first byte c: the first entry of by_bigram_ whose bigram is >= c*256
  std::array<uint32_t, 257> first_at_{};
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_WHOLE_PHRASES_H_
