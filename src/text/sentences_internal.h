// Internals of the sentence splitter and tokenizer: the abbreviation
// lexicon (data/text/abbreviations.tsv, sentence_starters.tsv) and character
// classes. Not public API.
//
// Thread safety: the lexicon is built once on first use (thread-safe static
// initialisation) and immutable afterwards.
#ifndef SITREP_SRC_TEXT_SENTENCES_INTERNAL_H_
#define SITREP_SRC_TEXT_SENTENCES_INTERNAL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace sitrep::text_internal {

enum class AbbrevType : uint8_t {
  kNone,       // not an abbreviation: a period ends the sentence
  kTitle,      // never ends a sentence (Mr., Gen., initials)
  kNumber,     // ends one unless a number follows (Jan. 27, No. 5)
  kAmbiguous,  // ends one only before a sentence starter (U.S., a.m.)
};

class SentenceLexicon {
 public:
  // The lexicon built from the embedded data files.
  static const SentenceLexicon& Get();

  // Type of `word`, which includes its final period ("U.S.", "Gen.").
  AbbrevType Lookup(std::string_view word) const;
  // True when `word` commonly opens a sentence ("The", "He").
  bool IsStarter(std::string_view word) const {
    return starters_.count(word) != 0;
  }

 private:
  SentenceLexicon();
  std::unordered_map<std::string_view, AbbrevType> abbrevs_;
  // By first byte, bit min(size, 63) for each abbreviation's size.
  std::array<uint64_t, 256> lengths_by_first_{};
  std::unordered_set<std::string_view> starters_;
};

// Character class of a code point for splitting and tokenizing.
enum class CharClass : uint8_t {
  kSpace,
  kLower,
  kUpper,
  kDigit,
  kOtherWord,
  kPunct
};
CharClass Classify(uint32_t cp);

// The first byte of `s` at or after i that the sentence splitter looks at
// ('.', '!', '?', a newline, or a lead byte 0xE2, 0xE3, 0xEF, 0xD8 or 0xDB
// of a wider terminal), or s.size().
size_t NextInteresting(std::string_view s, size_t i);

}  // namespace sitrep::text_internal

#endif  // SITREP_SRC_TEXT_SENTENCES_INTERNAL_H_
