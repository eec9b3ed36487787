// The abbreviation lexicon and character classes of the sentence splitter.
#include <unicode/uchar.h>

#include <algorithm>

#include "text/sentences_internal.h"
#include "text/text_data.h"
#include "text/utf8_internal.h"

namespace sitrep::text_internal {

SentenceLexicon::SentenceLexicon() {
  text_data::ForEachRow(
      text_data::File("abbreviations.tsv"), [&](const auto& f, size_t n) {
        if (n < 2) return;
        AbbrevType t = f[1] == "title"    ? AbbrevType::kTitle
                       : f[1] == "number" ? AbbrevType::kNumber
                                          : AbbrevType::kAmbiguous;
        abbrevs_[f[0]] = t;
        if (!f[0].empty()) {
          lengths_by_first_[static_cast<unsigned char>(f[0][0])] |=
              uint64_t{1} << std::min<size_t>(f[0].size(), 63);
        }
      });
  text_data::ForEachRow(text_data::File("sentence_starters.tsv"),
                        [&](const auto& f, size_t) { starters_.insert(f[0]); });
}

const SentenceLexicon& SentenceLexicon::Get() {
  static const SentenceLexicon* lex = new SentenceLexicon();
  return *lex;
}

AbbrevType SentenceLexicon::Lookup(std::string_view word) const {
  // Looked up only when an abbreviation has its first byte and length.
  if (!word.empty() &&
      ((lengths_by_first_[static_cast<unsigned char>(word[0])] >>
        std::min<size_t>(word.size(), 63)) &
       1) != 0) {
    auto it = abbrevs_.find(word);
    if (it != abbrevs_.end()) return it->second;
  }
  // A single capital letter is an initial (J. K. Rowling).
  if (word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z') {
    return AbbrevType::kTitle;
  }
  // Unlisted dotted acronyms (letters with inner periods: "N.A.T.O.").
  if (word.size() >= 4 && word.find('.') < word.size() - 1) {
    bool letters = true;
    for (char c : word) {
      if (c != '.' && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        letters = false;
        break;
      }
    }
    if (letters) return AbbrevType::kAmbiguous;
  }
  return AbbrevType::kNone;
}

CharClass Classify(uint32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z') return CharClass::kLower;
    if (cp >= 'A' && cp <= 'Z') return CharClass::kUpper;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return CharClass::kSpace;
    return CharClass::kPunct;
  }
  if (IsUnicodeSpace(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
    return CharClass::kSpace;
  }
  // General punctuation block and Latin-1 punctuation without ICU.
  if ((cp >= 0x2010 && cp <= 0x205E) || (cp >= 0xA1 && cp <= 0xBF)) {
    return (cp >= 0xAA && cp <= 0xBA &&
            (cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 ||
             cp == 0xB9 || cp == 0xBA))
               ? CharClass::kOtherWord
               : CharClass::kPunct;
  }
  if (u_islower(static_cast<UChar32>(cp))) return CharClass::kLower;
  if (u_isupper(static_cast<UChar32>(cp)) ||
      u_istitle(static_cast<UChar32>(cp))) {
    return CharClass::kUpper;
  }
  if (u_isdigit(static_cast<UChar32>(cp))) return CharClass::kDigit;
  if (u_isalnum(static_cast<UChar32>(cp))) return CharClass::kOtherWord;
  int8_t t = u_charType(static_cast<UChar32>(cp));
  if (t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
      t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR) {
    return CharClass::kOtherWord;
  }
  return CharClass::kPunct;
}

}  // namespace sitrep::text_internal
