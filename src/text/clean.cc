// CleanPlainText: a line-based pass over the raw article that drops scraper
// noise, records each removal, and builds the clean text with a TextBuilder
// so every clean byte maps back to the input.
#include "sitrep/clean.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <string>
#include <unordered_set>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <xxhash.h>

#include "sitrep/utf8.h"
#include "text/clean_internal.h"
#include "text/utf8_internal.h"

namespace sitrep {

// Defined here, where the cleaner calls it (inlined): sixteen bytes at a
// time (SSE2).
size_t clean_internal::SkipPlainBytes(std::string_view in, size_t i,
                                      size_t end) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i del = _mm_set1_epi8(0x7F);
  const __m128i zero = _mm_setzero_si128();
  for (; i + 16 < end; i += 16) {  // in[i + 16] is the last byte read
    const char* p = in.data() + i;
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
    // Signed compares: bytes from 0x80 are negative.
    __m128i printable =
        _mm_and_si128(_mm_cmpgt_epi8(x, space), _mm_cmpgt_epi8(del, x));
    __m128i next_ok = _mm_andnot_si128(
        _mm_cmpeq_epi8(y, del),
        _mm_or_si128(_mm_cmpgt_epi8(y, space), _mm_cmpgt_epi8(zero, y)));
    __m128i plain = _mm_or_si128(
        printable, _mm_and_si128(_mm_cmpeq_epi8(x, space), next_ok));
    unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(plain)) & 0xFFFF;
    if (other != 0) return i + static_cast<size_t>(__builtin_ctz(other));
  }
#endif
  (void)in;
  (void)end;
  return i;
}

namespace {

using namespace clean_internal;  // NOLINT: internal helpers of this stage

constexpr size_t kMaxInput = size_t{256} << 20;  // bytes cleaned per article
constexpr size_t kMinRepeatBytes = 16;           // shorter lines may repeat
constexpr size_t kTailParagraphBytes = 150;      // ends a "Related news" block
constexpr size_t kDatelineLines = 5;             // kept lines searched for one
constexpr size_t kDateLineLines = 6;  // first lines searched for a date line

// A line's kept parts: nearly always one, held without an allocation.
class Pieces {
 public:
  void push_back(Span s) {
    if (n_ == 1) more_.push_back(one_);
    if (n_ == 0) {
      one_ = s;
    } else {
      more_.push_back(s);
    }
    ++n_;
  }
  void clear() {
    n_ = 0;
    more_.clear();
  }
  size_t size() const { return n_; }
  Span& operator[](size_t i) { return n_ > 1 ? more_[i] : one_; }
  const Span& operator[](size_t i) const { return n_ > 1 ? more_[i] : one_; }
  const Span* begin() const { return n_ > 1 ? more_.data() : &one_; }
  const Span* end() const { return begin() + n_; }

 private:
  Span one_{};
  size_t n_ = 0;
  std::vector<Span> more_;  // all of them when more than one
};

struct Line {
  Pieces pieces;              // kept parts, raw spans; inline noise cut out
  bool blank_before = false;  // a blank (or removed) line precedes it
  char first = 0;             // first and last byte of its content
  char last = 0;
};

bool EndsSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == ')' ||
                        s.back() == '\'' || s.back() == ' ')) {
    s.remove_suffix(1);
  }
  if (s.size() >= 3 && (s.substr(s.size() - 3) == "\u201D" ||
                        s.substr(s.size() - 3) == "\u2019")) {
    return EndsSentence(s.substr(0, s.size() - 3));
  }
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

// The inline noise patterns, in file order.
const std::vector<const NoisePattern*>& InlinePatterns() {
  static const auto* v = [] {
    auto* out = new std::vector<const NoisePattern*>();
    for (const NoisePattern& p : NoisePatterns()) {
      if (p.match == Match::kInline) out->push_back(&p);
    }
    return out;
  }();
  return *v;
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && text_internal::IsAsciiSpace(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && text_internal::IsAsciiSpace(s.back()))
    s.remove_suffix(1);
  return s;
}

// A line's hash for the set of lines seen (XXH3: a few times quicker than
// std::hash on lines of text).
struct LineHash {
  size_t operator()(std::string_view s) const {
    return static_cast<size_t>(XXH3_64bits(s.data(), s.size()));
  }
};

class Cleaner {
 public:
  explicit Cleaner(std::string_view in)
      : full_(in), in_(in.substr(0, std::min(in.size(), kMaxInput))) {}

  CleanText Run() {
    if (in_.size() < full_.size()) {
      Record("truncated", Span{U32(in_.size()), U32(full_.size())}, "");
    }
    ReadLines();
    FindDateline();
    TextBuilder b(in_);
    Emit(&b);
    OffsetMap line_map;
    std::string text = b.TakeText(&line_map);
    OffsetMap nfc_map;
    out_.text = NormalizeNfc(text, &nfc_map);
    bool identity =
        nfc_map.anchors().size() == 1 && nfc_map.anchors()[0].linear;
    out_.offsets = identity ? std::move(line_map) : nfc_map.Then(line_map);
    out_.evidence_dates = std::move(caption_dates_);
    FindFullDates(out_.text, &out_.evidence_dates);
    if (out_.outlet.empty()) out_.outlet = byline_outlet_;
    if (out_.outlet.empty()) out_.outlet = credit_outlet_;
    return std::move(out_);
  }

 private:
  static uint32_t U32(size_t v) { return static_cast<uint32_t>(v); }

  void Record(std::string_view kind, Span raw, std::string text) {
    out_.removed.push_back(Removed{std::string(kind), raw, std::move(text)});
  }
  void RemoveLine(std::string_view kind, const Line& line) {
    for (Span p : line.pieces) {
      std::string_view t = TrimView(p.In(in_));
      if (t.empty()) continue;
      uint32_t b = U32(t.data() - in_.data());
      Record(kind, Span{b, U32(b + t.size())}, std::string(t));
    }
  }

  void ReadLines();
  void StripMetadata(Line* line);
  void StripInline(Line* line);
  // The line's text, its pieces joined by a space: a view of the input,
  // or of joined_ (stable, as seen_ keeps it).
  std::string_view Content(const Line& line);
  bool Keep(const Line& line, std::string_view content);
  size_t FindByte(char c, size_t from) const;  // in_.size() if absent
  void FindDateline();
  void Emit(TextBuilder* b) const;
  void EmitCollapsed(Span piece, TextBuilder* b) const;

  std::string_view full_;
  std::string_view in_;
  CleanText out_;
  std::vector<Line> kept_;
  std::unordered_set<std::string_view, LineHash> seen_;  // of in_ or joined_
  std::deque<std::string> joined_;
  std::string first_key_;
  bool in_tail_ = false;
  std::string byline_outlet_;
  std::string credit_outlet_;
  std::vector<CivilDay> caption_dates_;
  size_t nonempty_lines_ = 0;  // read so far
};

void Cleaner::ReadLines() {
  bool blank_before = false;
  bool first = true;
  size_t pos = 0;
  size_t cr = FindByte('\r', 0);  // the next '\r' (they are rare)
  while (pos < in_.size()) {
    if (cr < pos) cr = FindByte('\r', pos);
    size_t e = std::min(FindByte('\n', pos), cr);
    size_t next = e + 1;
    if (e < in_.size() && in_[e] == '\r' && next < in_.size() &&
        in_[next] == '\n') {
      ++next;
    }
    std::string_view t = TrimView(in_.substr(pos, e - pos));
    pos = next;
    Line line;
    line.blank_before = blank_before;
    blank_before = true;  // unless the line is kept
    if (t.empty()) continue;
    line.pieces.push_back(Span{U32(t.data() - in_.data()),
                               U32(t.data() - in_.data() + t.size())});
    ++nonempty_lines_;
    if (first) StripMetadata(&line);
    first = false;
    StripInline(&line);
    std::string_view content = Content(line);
    if (content.empty() || !Keep(line, content)) continue;
    line.first = content.front();
    line.last = content.back();
    kept_.push_back(std::move(line));
    blank_before = false;
  }
}

size_t Cleaner::FindByte(char c, size_t from) const {
  const void* p = std::memchr(in_.data() + from, c, in_.size() - from);
  return p == nullptr
             ? in_.size()
             : static_cast<size_t>(static_cast<const char*>(p) - in_.data());
}

void Cleaner::StripMetadata(Line* line) {
  Span& p = line->pieces[0];
  CivilDay d;
  size_t n = ParseMetadataDate(p.In(in_), &d);
  if (n == 0) return;
  std::string_view t = TrimView(in_.substr(p.begin, n));
  bool dated = d.year != 0;
  Record(dated ? "metadata-line" : "metadata-line-bad-date",
         Span{p.begin, U32(p.begin + t.size())}, std::string(t));
  if (dated) out_.metadata_date = d;
  p.begin += U32(n);
}

void Cleaner::StripInline(Line* line) {
  const Span whole = line->pieces[0];
  std::string_view view = whole.In(in_);
  std::vector<Span> cuts;  // relative to whole.begin
  Shortcode sc;
  for (size_t from = 0; FindShortcode(view, from, &sc); from = sc.end) {
    cuts.push_back(Span{U32(sc.begin), U32(sc.end)});
    FindFullDates(sc.text, &caption_dates_);
    std::string_view o;
    if (credit_outlet_.empty() && IsCaptionLine(sc.text, &o)) {
      credit_outlet_ = std::string(o);
    }
    Record("shortcode",
           Span{U32(whole.begin + sc.begin), U32(whole.begin + sc.end)},
           std::move(sc.text));
  }
  for (const NoisePattern* p : InlinePatterns()) {
    for (size_t at = FindNoCaseAt(view, p->text, 0, p->anchor);
         at != std::string_view::npos;
         at = FindNoCaseAt(view, p->text, at + p->text.size(), p->anchor)) {
      cuts.push_back(Span{U32(at), U32(at + p->text.size())});
      Record(
          p->kind,
          Span{U32(whole.begin + at), U32(whole.begin + at + p->text.size())},
          std::string(view.substr(at, p->text.size())));
    }
  }
  if (cuts.empty()) return;
  std::sort(cuts.begin(), cuts.end(),
            [](Span a, Span b) { return a.begin < b.begin; });
  line->pieces.clear();
  uint32_t at = 0;
  for (Span c : cuts) {
    if (c.begin > at) {
      line->pieces.push_back(Span{whole.begin + at, whole.begin + c.begin});
    }
    at = std::max(at, c.end);
  }
  if (at < whole.size())
    line->pieces.push_back(Span{whole.begin + at, whole.end});
}

std::string_view Cleaner::Content(const Line& line) {
  if (line.pieces.size() == 1) return TrimView(line.pieces[0].In(in_));
  std::string content;
  for (Span p : line.pieces) {
    std::string_view t = TrimView(p.In(in_));
    if (t.empty()) continue;
    if (!content.empty()) content.push_back(' ');
    content.append(t);
  }
  return joined_.emplace_back(std::move(content));
}

bool Cleaner::Keep(const Line& line, std::string_view content) {
  if (in_tail_) {
    if (content.size() < kTailParagraphBytes || !EndsSentence(content)) {
      RemoveLine("related-tail", line);
      return false;
    }
    in_tail_ = false;
  }
  // "Updated: 2008-09-07 11:35" above the story: page furniture whose date
  // is the publication date (unless a metadata line gave one).
  CivilDay day;
  if (nonempty_lines_ <= kDateLineLines && IsDateLine(content, &day)) {
    if (!out_.metadata_date || !out_.metadata_date->complete()) {
      out_.metadata_date = day;  // a full day beats a month-only line
    }
    RemoveLine("date-line", line);
    return false;
  }
  if (const NoisePattern* p = MatchLinePattern(content)) {
    in_tail_ = p->match == Match::kTail;
    RemoveLine(p->kind, line);
    return false;
  }
  std::string_view o;
  if (IsBylineLine(content, &o)) {
    if (byline_outlet_.empty()) byline_outlet_ = std::string(o);
    RemoveLine("byline", line);
    return false;
  }
  if (IsCaptionLine(content, &o)) {
    if (credit_outlet_.empty()) credit_outlet_ = std::string(o);
    FindFullDates(content, &caption_dates_);
    RemoveLine("caption", line);
    return false;
  }
  if (content.size() >= kMinRepeatBytes && !seen_.insert(content).second) {
    bool title = content == first_key_;
    if (title) out_.title = std::string(content);
    RemoveLine(title ? "title" : "repeated-line", line);
    return false;
  }
  if (kept_.empty()) first_key_ = content;
  return true;
}

void Cleaner::FindDateline() {
  for (size_t k = 0; k < kept_.size() && k < kDatelineLines; ++k) {
    Span& p = kept_[k].pieces[0];
    DatelineMatch m;
    if (!ParseDateline(p.In(in_), &m)) continue;
    std::string_view t = TrimView(in_.substr(p.begin, m.length));
    Span raw{p.begin, U32(p.begin + t.size())};
    Record("dateline", raw, std::string(t));
    out_.dateline =
        Dateline{std::string(m.place), std::string(m.outlet), m.date, raw};
    out_.outlet = std::string(m.outlet);
    p.begin += U32(m.length);
    if (p.empty() && kept_[k].pieces.size() == 1) {
      kept_.erase(kept_.begin() + static_cast<std::ptrdiff_t>(k));
    } else {
      std::string_view rest = TrimView(p.In(in_));
      if (!rest.empty()) kept_[k].first = rest.front();
    }
    return;
  }
}

void Cleaner::Emit(TextBuilder* b) const {
  for (size_t k = 0; k < kept_.size(); ++k) {
    const Line& line = kept_[k];
    if (k > 0) {
      // A single newline inside a sentence is a soft wrap, not a paragraph.
      bool soft = !line.blank_before &&
                  ((kept_[k - 1].last >= 'a' && kept_[k - 1].last <= 'z') ||
                   kept_[k - 1].last == ',') &&
                  line.first >= 'a' && line.first <= 'z';
      b->Append(soft ? " " : "\n\n", line.pieces[0].begin);
    }
    for (size_t i = 0; i < line.pieces.size(); ++i) {
      if (i > 0) b->Separator(' ', line.pieces[i].begin);
      EmitCollapsed(line.pieces[i], b);
    }
  }
}

// Copies a piece with runs of white space collapsed to one space, invisible
// and control characters dropped, and no leading or trailing space.
void Cleaner::EmitCollapsed(Span piece, TextBuilder* b) const {
  size_t i = piece.begin, run = piece.begin;
  size_t space_at = 0;
  bool pending = false, single = false;
  auto flush = [&](size_t upto) {
    if (run >= upto) return;
    const std::string& t = b->text();
    if (pending && !t.empty() && t.back() != ' ' && t.back() != '\n') {
      if (single)
        b->Copy(space_at, space_at + 1);
      else
        b->Append(" ", space_at);
    }
    pending = false;
    b->Copy(run, upto);
  };
  while (i < piece.end) {
    if (i > run) i = SkipPlainBytes(in_, i, piece.end);
    unsigned char c = static_cast<unsigned char>(in_[i]);
    if (c > 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    // One space between two words stays inside the copied run.
    if (c == ' ' && i > run && i + 1 < piece.end &&
        static_cast<unsigned char>(in_[i + 1]) > 0x20 && in_[i + 1] != 0x7F) {
      ++i;
      continue;
    }
    size_t len = 1;
    uint32_t cp = c >= 0x80 ? text_internal::DecodeAt(in_, i, &len) : c;
    bool space = c == ' ' || c == '\t' || c == '\f' || c == '\v' ||
                 text_internal::IsUnicodeSpace(cp);
    bool drop =
        !space && (c < 0x20 || c == 0x7F || text_internal::IsInvisible(cp));
    if (space || drop) {
      flush(i);
      if (space && !pending) {
        pending = true;
        space_at = i;
        single = c == ' ';
      } else if (space) {
        single = false;
      }
      run = i + len;
    }
    i += len;
  }
  flush(piece.end);
}

}  // namespace

CleanText CleanPlainText(std::string_view input) {
  return Cleaner(input).Run();
}

}  // namespace sitrep
