// Span, OffsetMap and TextBuilder: byte offsets from clean text back to raw.
//
// Every stage that rewrites text (HTML extraction, noise removal, Unicode
// normalisation) builds its output with a TextBuilder, which records where
// each output byte came from. The resulting OffsetMap answers "which raw
// bytes produced clean bytes [b, e)?", so every figure sitrep extracts can
// point at its exact source span (invariant 1 of doc/DESIGN).
//
// The map is a sorted list of anchors. An anchor starting at clean offset c
// is either *linear* (clean c+k came from raw r+k: copied text) or *fixed*
// (every byte up to the next anchor came from raw r: synthesised text such
// as an inserted newline, a decoded entity or a normalised character).
//
// Costs: ToRaw is O(log anchors); building is amortised O(1) per call.
// Thread safety: immutable after construction; const methods are safe to
// call concurrently.
#ifndef SITREP_OFFSET_MAP_H_
#define SITREP_OFFSET_MAP_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// A half-open byte range [begin, end).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  std::string_view In(std::string_view s) const {
    return s.substr(begin, end - begin);
  }
  friend bool operator==(const Span&, const Span&) = default;
};

class OffsetMap {
 public:
  struct Anchor {
    uint32_t clean;
    uint32_t raw;
    bool linear;
  };

  // The identity map over a text of `size` bytes.
  static OffsetMap Identity(uint32_t size);

  // Raw offset of clean offset `c`. Offsets past the end map past the end of
  // the last anchor's run.
  uint32_t ToRaw(uint32_t c) const;
  // Raw span covering clean span `s`: [ToRaw(begin), ToRaw(end-1)+1).
  Span ToRaw(Span s) const;

  // Composes two maps: `this` maps text C to text M, `inner` maps M to raw R;
  // the result maps C to R.
  OffsetMap Then(const OffsetMap& inner) const;

  const std::vector<Anchor>& anchors() const { return anchors_; }
  void AddAnchor(uint32_t clean, uint32_t raw, bool linear);
  uint32_t clean_size() const { return clean_size_; }
  void set_clean_size(uint32_t n) { clean_size_ = n; }

 private:
  std::vector<Anchor> anchors_;
  uint32_t clean_size_ = 0;
};

// Builds clean text from a raw text, recording the offset map as it goes.
// The raw text must outlive the builder.
class TextBuilder {
 public:
  explicit TextBuilder(std::string_view raw) : raw_(raw) {}

  // Appends raw[begin, end) verbatim. REQUIRES: begin <= end <= raw.size().
  void Copy(size_t begin, size_t end);
  // Appends synthesised text `s`, attributed to raw offset `raw_pos`.
  void Append(std::string_view s, size_t raw_pos);
  // Appends a single space/newline unless the text is empty or already ends
  // in whitespace; attributed to `raw_pos`.
  void Separator(char c, size_t raw_pos);

  const std::string& text() const { return text_; }
  std::string_view raw() const { return raw_; }

  // Removes trailing ASCII whitespace from the text built so far.
  void TrimTrailingSpace();

  // Moves the text and map out. The builder is empty afterwards.
  std::string TakeText(OffsetMap* map);

 private:
  std::string_view raw_;
  std::string text_;
  OffsetMap map_;
  // State of the last anchor, to coalesce adjacent linear copies.
  bool last_linear_ = false;
  uint32_t last_raw_end_ = 0;
};

}  // namespace sitrep

#endif  // SITREP_OFFSET_MAP_H_
