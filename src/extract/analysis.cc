#include "extract/analysis.h"

#include <algorithm>
#include <array>

#include "extract/phrase_matcher.h"
#include "extract/quantity_tokens.h"
#include "extract/recognisers.h"

namespace sitrep {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

// Length of a typographic apostrophe (’ = E2 80 99) or ASCII ' at `i`.
size_t ApostropheAt(std::string_view s, size_t i) {
  if (s[i] == '\'') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x99) {
    return 3;
  }
  return 0;
}

// Is the byte at `i` a dash or dot joining two word characters?
bool InnerJoiner(std::string_view s, size_t i) {
  if (s[i] != '-' && s[i] != '.') return false;
  return i > 0 && i + 1 < s.size() &&
         IsWordByte(static_cast<unsigned char>(s[i - 1])) &&
         IsWordByte(static_cast<unsigned char>(s[i + 1]));
}

// ASCII letters and digits, one table load a byte (WordEnd's usual case).
constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  return t;
}();

bool IsAsciiAlnum(unsigned char c) { return kAsciiAlnum[c]; }

// The normal form of word `w` into `*out` (empty on entry); returns its
// PhraseMatcher::TokenHash.
uint64_t NormalizeInto(std::string_view w, std::string* out) {
  std::string& n = *out;
  // No apostrophe (' or a byte of ’): the word lower-cased, as below,
  // checked and hashed in the same pass as the lower-casing.
  n.assign(w);
  bool plain = true;
  uint64_t h = PhraseMatcher::kTokenHashSeed;
  for (char& c : n) {
    plain &= (c != '\'') & (c != '\xE2');
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    h = PhraseMatcher::TokenHashStep(h, c);
  }
  if (plain) return h;
  n.clear();
  n.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    size_t ap = ApostropheAt(w, i);
    if (ap) {
      n.push_back('\'');
      i += ap - 1;
      continue;
    }
    char c = w[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    n.push_back(c);
  }
  if (n.size() > 2 && n.compare(n.size() - 2, 2, "'s") == 0)
    n.resize(n.size() - 2);
  if (!n.empty() && n.back() == '\'') n.pop_back();
  return PhraseMatcher::TokenHash(n);
}

// Three-byte general punctuation (U+2010..U+205E: dashes, curly quotes).
bool GeneralPunctAt(std::string_view s, size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
         (static_cast<unsigned char>(s[i + 1]) == 0x80 ||
          static_cast<unsigned char>(s[i + 1]) == 0x81);
}

size_t WordEnd(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size()) {
    if (IsAsciiAlnum(static_cast<unsigned char>(s[j]))) {  // the usual case
      ++j;
      continue;
    }
    size_t a = ApostropheAt(s, j);
    if (a && j > i && j + a < s.size() &&
        IsWordByte(static_cast<unsigned char>(s[j + a])) &&
        !GeneralPunctAt(s, j + a)) {
      j += a;
    } else if (GeneralPunctAt(s, j) || a) {
      break;
    } else if (IsWordByte(static_cast<unsigned char>(s[j])) ||
               InnerJoiner(s, j)) {
      ++j;
    } else {
      break;
    }
  }
  return j;
}

// The fast path's byte classes: whitespace between tokens, ASCII letters
// and digits, '-' and '.' (inner joiners when word bytes surround them),
// the bytes only the general path takes (' and non-ASCII), and the rest,
// which end a word and are one-byte punctuation tokens.
enum ByteClass : uint8_t { kStop, kSpace, kAlnum, kJoiner, kSlow };

constexpr std::array<uint8_t, 256> kClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = kAsciiAlnum[c]                                      ? kAlnum
           : (c == ' ' || c == '\n' || c == '\t' || c == '\r') ? kSpace
           : (c == '-' || c == '.')                            ? kJoiner
           : (c == '\'' || c >= 0x80)                          ? kSlow
                                                               : kStop;
  }
  return t;
}();

constexpr std::array<char, 256> kLower = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return t;
}();

// Appends the token at `i` (not whitespace) the general way; returns its
// end.
size_t AddToken(std::string_view s, size_t i, uint32_t base,
                std::vector<Tok>* toks, std::vector<uint64_t>* hashes) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t j = WordEnd(s, i);
  bool punct = j == i;
  if (punct) j = i + (GeneralPunctAt(s, i) ? 3 : 1);
  std::string_view w = s.substr(i, j - i);
  // Built in place: no moves of the token or its text.
  Tok& t = toks->emplace_back();
  t.span = {static_cast<uint32_t>(base + i), static_cast<uint32_t>(base + j)};
  t.cap = c >= 'A' && c <= 'Z';
  t.punct = punct;
  if (!punct) {
    uint64_t h = NormalizeInto(w, &t.norm);
    if (hashes != nullptr) hashes->push_back(h);
    return j;
  }
  if (GeneralPunctAt(s, i)) {
    unsigned char k = static_cast<unsigned char>(s[i + 2]);
    t.norm = (k >= 0x90 && k <= 0x95) ? "-" : "\"";
  } else {
    t.norm.assign(w);
  }
  if (hashes != nullptr) hashes->push_back(PhraseMatcher::TokenHash(t.norm));
  return j;
}

// Appends the token at `i` if it is a plain one: a run of ASCII letters and
// digits that ends the word (no apostrophe, non-ASCII byte or inner joiner
// after it; at most kMax bytes), lower-cased and hashed in one pass, or a
// one-byte punctuation token. Returns its end, or `i` for the general path.
size_t AddPlainToken(std::string_view s, size_t i, uint32_t base,
                     std::vector<Tok>* toks, std::vector<uint64_t>* hashes) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  uint8_t k = kClass[p[i]];
  if (k == kSlow || (k == kJoiner && InnerJoiner(s, i))) return i;
  constexpr size_t kMax = 32;
  char buf[kMax];
  uint64_t h = PhraseMatcher::kTokenHashSeed;
  size_t j = i;
  if (k == kAlnum) {
    const size_t end = std::min(n, i + kMax);
    for (; j < end && kClass[p[j]] == kAlnum; ++j) {
      char lc = kLower[p[j]];
      buf[j - i] = lc;
      h = PhraseMatcher::TokenHashStep(h, lc);
    }
    uint8_t e = j < n ? kClass[p[j]] : kStop;
    if (e == kAlnum || e == kSlow ||
        (e == kJoiner && j + 1 < n && IsWordByte(p[j + 1]))) {
      return i;  // over kMax bytes, or the word may go on
    }
  } else {  // one-byte punctuation
    buf[0] = static_cast<char>(p[i]);
    h = PhraseMatcher::TokenHashStep(h, buf[0]);
    j = i + 1;
  }
  Tok& t = toks->emplace_back();
  t.span = {static_cast<uint32_t>(base + i), static_cast<uint32_t>(base + j)};
  t.cap = p[i] >= 'A' && p[i] <= 'Z';
  t.punct = k != kAlnum;
  t.norm.assign(buf, j - i);
  if (hashes != nullptr) hashes->push_back(h);
  return j;
}

}  // namespace

// Most tokens take AddPlainToken's one pass; the rest (apostrophes,
// non-ASCII bytes, inner dashes and dots) AddToken's general one.
std::vector<Tok> TokenizeForMatch(std::string_view s, uint32_t base,
                                  std::vector<uint64_t>* hashes) {
  std::vector<Tok> toks;
  toks.reserve(s.size() / 4 + 1);  // ~5 bytes a token in news text
  if (hashes != nullptr) {
    hashes->clear();
    hashes->reserve(s.size() / 4 + 1);
  }
  size_t i = 0;
  while (i < s.size()) {
    if (kClass[static_cast<unsigned char>(s[i])] == kSpace) {
      ++i;
      continue;
    }
    size_t j = AddPlainToken(s, i, base, &toks, hashes);
    i = j != i ? j : AddToken(s, i, base, &toks, hashes);
  }
  return toks;
}

bool SentenceFacts::HasCue(const Lexicon& lex, Cue c) const {
  for (const auto& h : hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind == LexKind::kCue && e.cue == c) return true;
  }
  return false;
}

uint32_t SentenceFacts::TokAt(uint32_t off) const {
  auto it = std::lower_bound(
      toks.begin(), toks.end(), off,
      [](const Tok& t, uint32_t v) { return t.span.end <= v; });
  return static_cast<uint32_t>(it - toks.begin());
}

namespace {

// Keeps, per lexicon kind, only hits not strictly inside a longer hit.
// Hits come in order of start token (PhraseMatcher::Match), so a hit can
// only be inside those before the first hit starting after it.
std::vector<PhraseHit> PruneHits(const Lexicon& lex,
                                 std::vector<PhraseHit> hits) {
  std::vector<PhraseHit> out;
  out.reserve(hits.size());  // one allocation, not one per doubling
  for (const auto& h : hits) {
    LexKind k = lex.entry(h.payload).kind;
    bool inside = false;
    for (const auto& o : hits) {
      if (o.begin > h.begin) break;
      if (&o == &h || lex.entry(o.payload).kind != k) continue;
      if (o.end >= h.end && (o.end - o.begin) > (h.end - h.begin)) {
        inside = true;
        break;
      }
    }
    if (!inside) out.push_back(h);
  }
  return out;
}

// "On 4 March 2021": a month name is no protest march.
void DropTriggersInDates(const Lexicon& lex, SentenceFacts* f) {
  if (f->dates.empty()) return;
  std::erase_if(f->hits, [&](const PhraseHit& h) {
    if (lex.entry(h.payload).kind != LexKind::kTrigger) return false;
    uint32_t b = f->toks[h.begin].span.begin;
    uint32_t e = f->toks[h.end - 1].span.end;
    return std::any_of(f->dates.begin(), f->dates.end(), [&](const auto& d) {
      return d.span.begin <= b && e <= d.span.end;
    });
  });
}

}  // namespace

SentenceFacts AnalyzeSentence(const Lexicon& lex, const Gazetteer* gaz,
                              std::string_view article_text, Span sentence,
                              int index, std::optional<CivilDay> reference) {
  SentenceFacts f;
  f.index = index;
  f.span = sentence;
  std::string_view s = sentence.In(article_text);
  thread_local std::vector<uint64_t> hashes;  // reused per thread
  f.toks = TokenizeForMatch(s, sentence.begin, &hashes);
  thread_local std::vector<std::string_view> norms;
  norms.clear();
  for (const auto& t : f.toks) norms.push_back(t.norm);
  f.hits = PruneHits(lex, lex.matcher().Match(norms, hashes));
  // One tokenisation for the quantity and date scanners, in buffers kept
  // per thread.
  thread_local QTokens qt;
  qt.Assign(s);
  // The recognisers' results are moved, not copied (a place's candidates
  // hold six strings each), and shifted to article offsets in place.
  std::vector<Quantity> quantities = FindQuantitiesIn(qt);
  f.quantities.reserve(quantities.size());
  for (Quantity& q : quantities) {
    q.span.begin += sentence.begin;
    q.span.end += sentence.begin;
    uint32_t b = f.TokAt(q.span.begin);
    uint32_t e = f.TokAt(q.span.end);
    f.quantities.push_back({b, std::max(e, b + 1), std::move(q)});
  }
  f.dates = FindDatesIn(qt, reference);
  for (DateMention& d : f.dates) {
    d.span.begin += sentence.begin;
    d.span.end += sentence.begin;
  }
  DropTriggersInDates(lex, &f);
  if (gaz != nullptr) {
    f.places = gaz->FindPlaces(s);
    for (PlaceMention& p : f.places) {
      p.span.begin += sentence.begin;
      p.span.end += sentence.begin;
    }
  }
  return f;
}

}  // namespace sitrep
