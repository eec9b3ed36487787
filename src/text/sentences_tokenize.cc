// Word tokenizer: alphanumeric runs with inner apostrophes, hyphens and
// periods, numbers with separators, and single punctuation characters.
#include "sitrep/sentences.h"
#include "text/sentences_internal.h"
#include "text/utf8_internal.h"

namespace sitrep {
namespace {

using text_internal::CharClass;
using text_internal::Classify;
using text_internal::DecodeAt;

bool IsWord(CharClass c) {
  return c == CharClass::kLower || c == CharClass::kUpper ||
         c == CharClass::kDigit || c == CharClass::kOtherWord;
}

CharClass ClassAt(std::string_view s, size_t i, size_t* len) {
  if (i >= s.size()) {
    *len = 0;
    return CharClass::kSpace;
  }
  return Classify(DecodeAt(s, i, len));
}

// Length of a joiner at s[i] that continues the word whose last character
// has class `prev`, or 0. Joiners: ' ’ - inside words; . between letters or
// digits; , between digits (1,200).
size_t JoinerAt(std::string_view s, size_t i, CharClass prev) {
  size_t jl;
  uint32_t cp = DecodeAt(s, i, &jl);
  size_t nl;
  CharClass next = ClassAt(s, i + jl, &nl);
  if (!IsWord(next)) return 0;
  bool digits = prev == CharClass::kDigit && next == CharClass::kDigit;
  switch (cp) {
    case '\'':
    case 0x2019:
    case '-':
    case 0x2010:
      return jl;
    case '.':
      return (digits ||
              (prev != CharClass::kDigit && next != CharClass::kDigit))
                 ? jl
                 : 0;
    case ',':
      return digits ? jl : 0;
    default:
      return 0;
  }
}

// End of the word starting at s[b].
size_t WordEnd(std::string_view s, size_t b) {
  size_t i = b;
  size_t len;
  CharClass prev = ClassAt(s, i, &len);
  i += len;
  bool dotted = false;      // has inner periods between letters
  size_t last_segment = 1;  // characters since the last period
  while (i < s.size()) {
    CharClass c = ClassAt(s, i, &len);
    if (IsWord(c)) {
      prev = c;
      i += len;
      ++last_segment;
      continue;
    }
    size_t jl = JoinerAt(s, i, prev);
    if (jl == 0 && dotted && last_segment == 1 && s[i] == '.') {
      // "U.S." and "a.m.": keep the final period of a dotted abbreviation,
      // and go on through "U.S.-led".
      ++i;
      prev = CharClass::kPunct;
      if (i < s.size() && s[i] == '-' && IsWord(ClassAt(s, i + 1, &len))) {
        ++i;
        continue;
      }
      break;
    }
    if (jl == 0) break;
    if (s[i] == '.' && prev != CharClass::kDigit) {
      dotted = true;
      last_segment = 0;
    }
    i += jl;
  }
  return i;
}

}  // namespace

std::vector<Span> Tokenize(std::string_view text) {
  std::vector<Span> out;
  out.reserve(text.size() / 5 + 1);
  size_t i = 0;
  while (i < text.size()) {
    size_t len;
    CharClass c = ClassAt(text, i, &len);
    if (c == CharClass::kSpace) {
      i += len;
      continue;
    }
    size_t e = IsWord(c) ? WordEnd(text, i) : i + len;
    out.push_back(Span{static_cast<uint32_t>(i), static_cast<uint32_t>(e)});
    i = e;
  }
  return out;
}

}  // namespace sitrep
