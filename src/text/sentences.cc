// Rule-based sentence splitter: one pass over the bytes, looking only at
// terminal punctuation and newlines; abbreviations are checked against the
// lexicon only at periods.
#include "sitrep/sentences.h"

#include <array>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/sentences_internal.h"
#include "text/utf8_internal.h"

namespace sitrep {
namespace {

// Bytes that may start a terminal, a newline, or a multi-byte terminal.
constexpr std::array<bool, 256> MakeInteresting() {
  std::array<bool, 256> t{};
  for (unsigned char c :
       {'.', '!', '?', '\n', '\xE2', '\xE3', '\xEF', '\xD8', '\xDB'}) {
    t[c] = true;
  }
  return t;
}
constexpr std::array<bool, 256> kInteresting = MakeInteresting();

}  // namespace

// Sixteen bytes at a time where SSE2 is there (a block's ASCII terminals,
// newlines and non-ASCII bytes, each of the last then looked up).
size_t text_internal::NextInteresting(std::string_view s, size_t i) {
#if defined(__SSE2__)
  const __m128i dot = _mm_set1_epi8('.');
  const __m128i bang = _mm_set1_epi8('!');
  const __m128i ask = _mm_set1_epi8('?');
  const __m128i nl = _mm_set1_epi8('\n');
  for (; i + 16 <= s.size(); i += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, dot), _mm_cmpeq_epi8(x, bang)),
        _mm_or_si128(_mm_cmpeq_epi8(x, ask), _mm_cmpeq_epi8(x, nl)));
    unsigned bits =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(m, x)));
    for (; bits != 0; bits &= bits - 1) {
      size_t k = i + static_cast<size_t>(__builtin_ctz(bits));
      if (kInteresting[static_cast<unsigned char>(s[k])]) return k;
    }
  }
#endif
  while (i < s.size() && !kInteresting[static_cast<unsigned char>(s[i])]) {
    ++i;
  }
  return i;
}

namespace {

using text_internal::AbbrevType;
using text_internal::CharClass;
using text_internal::DecodeAt;
using text_internal::SentenceLexicon;

// Longest sentence emitted; longer runs are cut at a space.
constexpr size_t kSentenceBudget = 2000;

enum class Term : uint8_t { kNone, kPeriod, kStrong, kEllipsis };

// Terminal punctuation at text[i], with its byte length.
Term TerminalAt(std::string_view s, size_t i, size_t* len) {
  char c = s[i];
  *len = 1;
  if (c == '.') {
    if (s.substr(i, 3) == "...") {
      *len = 3;
      return Term::kEllipsis;
    }
    return Term::kPeriod;
  }
  if (c == '!' || c == '?') return Term::kStrong;
  if (static_cast<unsigned char>(c) < 0x80) return Term::kNone;
  uint32_t cp = DecodeAt(s, i, len);
  switch (cp) {
    case 0x2026:
      return Term::kEllipsis;  // …
    case 0x3002:
    case 0x06D4:
      return Term::kPeriod;  // 。 ۔
    case 0xFF01:
    case 0xFF1F:
    case 0x061F:
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049:
      return Term::kStrong;  // ！ ？ ؟ ‼ ⁇ ⁈ ⁉
    default:
      return Term::kNone;
  }
}

bool IsCloser(uint32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x201D:
    case 0x2019:
    case 0xBB:
    case 0x203A:
    case 0x300D:
    case 0x300F:
    case 0xFF09:
      return true;
    default:
      return false;
  }
}

bool IsOpener(uint32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case 0x201C:
    case 0x2018:
    case 0xAB:
    case 0x2039:
    case 0x300C:
    case 0x300E:
    case 0xFF08:
      return true;
    default:
      return false;
  }
}

// Skips further terminals ("?!", "..") and closing quotes/brackets.
size_t SkipTerminalsAndClosers(std::string_view s, size_t j) {
  while (j < s.size()) {
    size_t len;
    if (TerminalAt(s, j, &len) != Term::kNone) {
      j += len;
      continue;
    }
    if (!IsCloser(DecodeAt(s, j, &len))) break;
    j += len;
  }
  return j;
}

bool SpaceAt(std::string_view s, size_t j) {
  if (text_internal::IsAsciiSpace(s[j])) return true;
  size_t len;
  return static_cast<unsigned char>(s[j]) >= 0x80 &&
         text_internal::IsUnicodeSpace(DecodeAt(s, j, &len));
}

// The next word after position j (spaces and opening quotes skipped): its
// class and, for ASCII words, the word itself.
struct NextWord {
  CharClass cls = CharClass::kSpace;  // kSpace: end of text
  std::string_view word;
};
NextWord PeekNext(std::string_view s, size_t j) {
  NextWord w;
  size_t len = 1;
  while (j < s.size()) {
    uint32_t cp = DecodeAt(s, j, &len);
    CharClass c = text_internal::Classify(cp);
    if (c != CharClass::kSpace && !IsOpener(cp)) {
      w.cls = c;
      break;
    }
    j += len;
  }
  size_t e = j;
  while (e < s.size() &&
         ((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z'))) {
    ++e;
  }
  w.word = s.substr(j, e - j);
  return w;
}

// The word ending with the period at s[i], period included ("U.S.").
std::string_view WordBefore(std::string_view s, size_t start, size_t i) {
  size_t b = i;
  while (b > start) {
    char c = s[b - 1];
    if (text_internal::IsAsciiSpace(c) || c == '(' || c == '[' || c == '"' ||
        c == '\'' || static_cast<unsigned char>(c) >= 0x80) {
      break;
    }
    --b;
  }
  return s.substr(b, i + 1 - b);
}

bool ShouldSplit(std::string_view s, size_t start, size_t i, Term term,
                 size_t j) {
  NextWord next = PeekNext(s, j);
  if (next.cls == CharClass::kSpace) return true;  // end of text
  if (next.cls == CharClass::kLower) return false;
  if (term == Term::kStrong) return true;
  if (term == Term::kEllipsis) return next.cls != CharClass::kDigit;
  if (s[i] != '.') return true;  // 。 ۔
  switch (SentenceLexicon::Get().Lookup(WordBefore(s, start, i))) {
    case AbbrevType::kTitle:
      return false;
    case AbbrevType::kNumber:
      return next.cls != CharClass::kDigit;
    case AbbrevType::kAmbiguous:
      return SentenceLexicon::Get().IsStarter(next.word);
    case AbbrevType::kNone:
      return true;
  }
  return true;
}

// Appends s[b, e) trimmed, cut into pieces of at most kSentenceBudget bytes.
void Emit(std::string_view s, size_t b, size_t e, std::vector<Span>* out) {
  while (b < e && text_internal::IsAsciiSpace(s[b])) ++b;
  while (e > b && text_internal::IsAsciiSpace(s[e - 1])) --e;
  while (e - b > kSentenceBudget) {
    size_t cut = b + kSentenceBudget;
    size_t sp = cut;
    while (sp > b + kSentenceBudget / 2 && s[sp] != ' ') --sp;
    if (s[sp] == ' ') {
      cut = sp;
    } else {
      while (cut > b && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
        --cut;
      }
    }
    out->push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(cut)});
    b = cut;
    while (b < e && text_internal::IsAsciiSpace(s[b])) ++b;
  }
  if (e > b) {
    out->push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text) {
  std::vector<Span> out;
  out.reserve(text.size() / 100 + 1);
  const size_t n = text.size();
  size_t start = 0;
  size_t i = 0;
  while ((i = text_internal::NextInteresting(text, i)) < n) {
    if (text[i] == '\n') {
      Emit(text, start, i, &out);
      start = ++i;
      continue;
    }
    size_t len;
    Term term = TerminalAt(text, i, &len);
    if (term == Term::kNone) {
      i += len;
      continue;
    }
    size_t j = SkipTerminalsAndClosers(text, i + len);
    if (j < n && !SpaceAt(text, j)) {  // 3.5, U.S.-led, example.com
      i = j;
      continue;
    }
    if (ShouldSplit(text, start, i, term, j)) {
      Emit(text, start, j, &out);
      start = j;
    }
    i = j;
  }
  Emit(text, start, n, &out);
  return out;
}

}  // namespace sitrep
