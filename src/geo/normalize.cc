// NormalizePlaceKey: the one key that place names and queries are reduced to.
//
// Steps: (1) fold to lower-case ASCII words (diacritics stripped through a
// table derived once from Unicode canonical decompositions; apostrophes and
// ayn/hamza marks dropped; punctuation and dashes become word breaks);
// (2) drop Arabic articles (`al`, `an`, `ash`...) that are not the last word,
// and a leading `the`; (3) join the words and fold transliteration variants:
// q -> k, ou -> u, doubled letters -> one, and the endings -iyah/-iyeh/-iah/
// -ia -> -iya, -ah -> -a, -eh -> -e (-ah and -eh at the end of every word).
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "geo/normalize_internal.h"
#include "sitrep/gazetteer.h"

namespace sitrep {
namespace geo {
namespace {

constexpr char32_t kLatinLo = 0x80, kLatinHi = 0x2B0;  // Latin-1..IPA
constexpr char32_t kAddLo = 0x1E00, kAddHi = 0x1F00;   // Latin Ext. Add.

// Letters without a canonical decomposition to an ASCII base.
struct Extra {
  char32_t cp;
  const char* ascii;
};
constexpr Extra kExtras[] = {
    {0xDF, "ss"}, {0xC6, "ae"}, {0xE6, "ae"},  {0x152, "oe"}, {0x153, "oe"},
    {0xD8, "o"},  {0xF8, "o"},  {0x110, "d"},  {0x111, "d"},  {0x141, "l"},
    {0x142, "l"}, {0x131, "i"}, {0xDE, "th"},  {0xFE, "th"},  {0xD0, "d"},
    {0xF0, "d"},  {0x126, "h"}, {0x127, "h"},  {0x138, "k"},  {0x14A, "n"},
    {0x14B, "n"}, {0x166, "t"}, {0x167, "t"},  {0x18F, "e"},  {0x259, "e"},
    {0x1DD, "e"}, {0x191, "f"}, {0x192, "f"},  {0x197, "i"},  {0x268, "i"},
    {0x1B7, "z"}, {0x292, "z"}, {0x132, "ij"}, {0x133, "ij"}, {0x1E9E, "ss"},
};

class FoldTable {
 public:
  FoldTable() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
    for (char32_t cp = kLatinLo; cp < kLatinHi; ++cp) Fill(nfd, cp);
    for (char32_t cp = kAddLo; cp < kAddHi; ++cp) Fill(nfd, cp);
    for (const Extra& e : kExtras) {
      if (std::string* slot = Slot(e.cp)) *slot = std::string(e.ascii);
    }
  }
  // ASCII folding of `cp`, or nullptr when `cp` is outside the table.
  const std::string* Get(char32_t cp) const {
    if (cp >= kLatinLo && cp < kLatinHi) return &latin_[cp - kLatinLo];
    if (cp >= kAddLo && cp < kAddHi) return &add_[cp - kAddLo];
    return nullptr;
  }

 private:
  std::string* Slot(char32_t cp) {
    if (cp >= kLatinLo && cp < kLatinHi) return &latin_[cp - kLatinLo];
    if (cp >= kAddLo && cp < kAddHi) return &add_[cp - kAddLo];
    return nullptr;
  }
  void Fill(const icu::Normalizer2* nfd, char32_t cp) {
    std::string* slot = Slot(cp);
    if (!u_isalpha(cp)) {
      slot->assign(1, ' ');  // punctuation, symbols, NBSP: a word break
      return;
    }
    icu::UnicodeString d;
    char32_t base = cp;
    if (nfd != nullptr && nfd->getDecomposition(cp, d) && d.length() > 0) {
      base = d.char32At(0);
    }
    base = u_tolower(base);
    if (base < 0x80) slot->assign(1, static_cast<char>(base));
  }
  std::array<std::string, kLatinHi - kLatinLo> latin_;
  std::array<std::string, kAddHi - kAddLo> add_;
};

const FoldTable& Table() {
  static const FoldTable* table = new FoldTable();
  return *table;
}

bool IsApostrophe(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:
    case 0x02B9:
    case 0x02BB:
    case 0x02BC:
    case 0x02BE:
    case 0x02BF:
    case 0x00B4:
    case 0x02C8:
      return true;
    default:
      return false;
  }
}

bool IsArticle(std::string_view w) {
  static constexpr std::string_view kArticles[] = {
      "al",  "el", "an", "ad", "ar", "as", "at", "az", "ash", "adh",
      "ath", "ad", "az", "ul", "es", "et", "ed", "en", "ez"};
  for (std::string_view a : kArticles) {
    if (w == a) return true;
  }
  return false;
}

// Step 1: lower-case ASCII words separated by spaces, into `out`.
void FoldWordsInto(std::string_view in, std::string& out) {
  out.clear();
  const FoldTable& table = Table();
  size_t i = 0;
  while (i < in.size()) {
    size_t start = i;
    char32_t cp = DecodeUtf8(in, &i);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') {
        out.push_back(static_cast<char>(c + 32));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.push_back(c);
      } else if (c != '\'' && c != '`') {
        out.push_back(' ');
      }
      continue;
    }
    if (IsApostrophe(cp) || (cp >= 0x300 && cp < 0x370)) continue;
    if (const std::string* f = table.Get(cp)) {
      out += *f;
    } else if ((cp >= 0x2000 && cp < 0x2070) || cp == 0x3000 || cp == 0xFFFD) {
      out.push_back(' ');
    } else {
      out.append(in.substr(start, i - start));  // another script: verbatim
    }
  }
}

// Step 2: split, drop articles, join.
// (A byte loop: the suffixes are 2-4 bytes, a memcmp call costs more.)
bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  const char* tail = s.data() + (s.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (tail[i] != suffix[i]) return false;
  }
  return true;
}

void ReplaceEnding(std::string* s, std::string_view from, std::string_view to) {
  if (s->size() > from.size() + 1 && EndsWith(*s, from)) {
    s->resize(s->size() - from.size());
    s->append(to);
  }
}

// "-ah" and "-eh" endings of every word, not only the last: "Sozmah
// Qal'ah" and "Sozma Qala" are one name (the final h dropped).
void AppendWordEnding(std::string_view w, std::string& out) {
  bool fold = w.size() > 3 && (w.ends_with("ah") || w.ends_with("eh"));
  out.append(fold ? w.substr(0, w.size() - 1) : w);
}

// The words of `folded` joined into `out`, articles dropped: every word
// but the last is an article (or a leading "the") to drop or a word whose
// ending is folded; the last is kept as it is.
void JoinWithoutArticlesInto(std::string_view folded, std::string& out) {
  out.clear();
  size_t end = folded.size();
  while (end > 0 && folded[end - 1] == ' ') --end;
  size_t last = end;  // where the last word begins
  while (last > 0 && folded[last - 1] != ' ') --last;
  bool first = true;
  size_t i = 0;
  while (i < last) {
    while (i < last && folded[i] == ' ') ++i;
    size_t b = i;
    while (i < last && folded[i] != ' ') ++i;
    if (i == b) break;
    std::string_view w = folded.substr(b, i - b);
    bool drop = IsArticle(w) || (first && w == "the");
    first = false;
    if (!drop) AppendWordEnding(w, out);
  }
  out.append(folded.substr(last, end - last));
}

// Step 3: transliteration variants on the joined key.
std::string FoldVariants(std::string_view joined) {
  std::string s;
  s.reserve(joined.size());
  for (size_t i = 0; i < joined.size(); ++i) {
    char c = joined[i];
    if (c == 'q') c = 'k';
    if (c == 'o' && i + 1 < joined.size() && joined[i + 1] == 'u') continue;
    if (!s.empty() && s.back() == c && static_cast<unsigned char>(c) < 0x80) {
      continue;  // doubled letter
    }
    s.push_back(c);
  }
  ReplaceEnding(&s, "iyah", "iya");
  ReplaceEnding(&s, "iyeh", "iya");
  ReplaceEnding(&s, "iye", "iya");
  ReplaceEnding(&s, "iah", "iya");
  if (EndsWith(s, "ia") && !EndsWith(s, "iya")) ReplaceEnding(&s, "ia", "iya");
  ReplaceEnding(&s, "ah", "a");
  ReplaceEnding(&s, "eh", "e");
  return s;
}

}  // namespace

char32_t DecodeUtf8Slow(std::string_view s, size_t* pos) {
  size_t i = *pos;
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80         ? 1
            : (c >> 5) == 6  ? 2
            : (c >> 4) == 14 ? 3
            : (c >> 3) == 30 ? 4
                             : 0;
  if (len == 0 || i + len > s.size()) {
    *pos = i + 1;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      *pos = i + 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  *pos = i + len;
  return cp;
}

bool HasNonLatinLetter(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = DecodeUtf8(s, &i);
    if (cp < 0x80 || Table().Get(cp) != nullptr || IsApostrophe(cp)) continue;
    if (cp >= 0x300 && cp < 0x370) continue;
    if (u_isalpha(cp)) return true;
  }
  return false;
}

std::string FoldPlaceWords(std::string_view in) {
  std::string out;
  FoldWordsInto(in, out);
  return out;
}

}  // namespace geo

namespace geo {
namespace {

// The key without the memo: one word of ASCII letters and digits (most
// queries: the scanner's words) is only lower-cased by steps 1 and 2 (no
// breaks, no articles but the kept last word).
std::string ComputePlaceKey(std::string_view name) {
  thread_local std::string lowered;  // reused per thread
  bool word = !name.empty();
  for (char c : name) word &= IsAsciiAlnum(c);
  if (!word) return NormalizePlaceKeyPlain(name);
  lowered.assign(name);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return FoldVariants(lowered);
}

// The last keys computed on this thread, direct-mapped by a hash of the
// name: the place finder asks about the same words and word pairs
// ("province", "coded to", a town named again) sentence after sentence.
// A slot holds a name and its key; an empty slot holds "" and its key "".
struct PlaceKeyMemo {
  static constexpr size_t kSlotBits = 10;
  static constexpr size_t kSlots = size_t{1} << kSlotBits;
  static constexpr size_t kMaxName = 32;  // longer names are not kept
  std::string names[kSlots];
  std::string keys[kSlots];
};

}  // namespace
}  // namespace geo

std::string NormalizePlaceKey(std::string_view name) {
  using Memo = geo::PlaceKeyMemo;
  if (name.size() > Memo::kMaxName) return geo::ComputePlaceKey(name);
  thread_local Memo memo;
  static_assert(Memo::kMaxName <= 32);  // ShortTextHash's limit
  const size_t slot =
      static_cast<size_t>(geo::ShortTextHash(name) >> (64 - Memo::kSlotBits));
  if (geo::SameShortText(memo.names[slot], name)) return memo.keys[slot];
  std::string key = geo::ComputePlaceKey(name);
  memo.names[slot].assign(name);
  memo.keys[slot] = key;
  return key;
}

namespace geo {

std::string NormalizePlaceKeyPlain(std::string_view name) {
  // Scratch buffers reused across calls (one per thread): only the key
  // itself is allocated.
  thread_local std::string folded, joined;
  FoldWordsInto(name, folded);
  JoinWithoutArticlesInto(folded, joined);
  if (joined.empty()) return std::string();
  return FoldVariants(joined);
}

}  // namespace geo

}  // namespace sitrep
