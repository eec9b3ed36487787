#include "sitrep/offset_map.h"

#include <algorithm>

namespace sitrep {

OffsetMap OffsetMap::Identity(uint32_t size) {
  OffsetMap m;
  m.AddAnchor(0, 0, true);
  m.clean_size_ = size;
  return m;
}

void OffsetMap::AddAnchor(uint32_t clean, uint32_t raw, bool linear) {
  if (!anchors_.empty() && anchors_.back().clean == clean) {
    anchors_.back() = Anchor{clean, raw, linear};
    return;
  }
  anchors_.push_back(Anchor{clean, raw, linear});
}

uint32_t OffsetMap::ToRaw(uint32_t c) const {
  if (anchors_.empty()) return c;
  auto it =
      std::upper_bound(anchors_.begin(), anchors_.end(), c,
                       [](uint32_t v, const Anchor& a) { return v < a.clean; });
  if (it == anchors_.begin()) return anchors_.front().raw;
  --it;
  return it->linear ? it->raw + (c - it->clean) : it->raw;
}

Span OffsetMap::ToRaw(Span s) const {
  if (s.empty()) {
    uint32_t r = ToRaw(s.begin);
    return Span{r, r};
  }
  uint32_t b = ToRaw(s.begin);
  uint32_t e = ToRaw(s.end - 1) + 1;
  if (e < b) e = b;
  return Span{b, e};
}

OffsetMap OffsetMap::Then(const OffsetMap& inner) const {
  OffsetMap out;
  out.clean_size_ = clean_size_;
  for (size_t i = 0; i < anchors_.size(); ++i) {
    const Anchor& a = anchors_[i];
    uint32_t end =
        i + 1 < anchors_.size() ? anchors_[i + 1].clean : clean_size_;
    if (!a.linear) {
      out.AddAnchor(a.clean, inner.ToRaw(a.raw), false);
      continue;
    }
    // A linear run over middle text [a.raw, a.raw + len) may cross anchors
    // of the inner map: split it there.
    uint32_t len = end > a.clean ? end - a.clean : 0;
    uint32_t m = a.raw;
    uint32_t m_end = a.raw + len;
    out.AddAnchor(a.clean, inner.ToRaw(m), true);
    const auto& ia = inner.anchors_;
    auto it = std::upper_bound(
        ia.begin(), ia.end(), m,
        [](uint32_t v, const Anchor& x) { return v < x.clean; });
    bool cur_linear = true;
    if (it != ia.begin()) cur_linear = std::prev(it)->linear;
    out.anchors_.back().linear = cur_linear;
    for (; it != ia.end() && it->clean < m_end; ++it) {
      out.AddAnchor(a.clean + (it->clean - m), it->raw, it->linear);
    }
  }
  return out;
}

void TextBuilder::Copy(size_t begin, size_t end) {
  if (end <= begin) return;
  uint32_t c = static_cast<uint32_t>(text_.size());
  if (!(last_linear_ && last_raw_end_ == begin && !map_.anchors().empty())) {
    map_.AddAnchor(c, static_cast<uint32_t>(begin), true);
  }
  text_.append(raw_.data() + begin, end - begin);
  last_linear_ = true;
  last_raw_end_ = static_cast<uint32_t>(end);
}

void TextBuilder::Append(std::string_view s, size_t raw_pos) {
  if (s.empty()) return;
  map_.AddAnchor(static_cast<uint32_t>(text_.size()),
                 static_cast<uint32_t>(raw_pos), false);
  text_.append(s);
  last_linear_ = false;
}

void TextBuilder::Separator(char c, size_t raw_pos) {
  if (text_.empty()) return;
  char last = text_.back();
  if (last == ' ' || last == '\n' || last == '\t') {
    if (c == '\n' && last != '\n') {
      text_.back() = '\n';
    }
    return;
  }
  Append(std::string_view(&c, 1), raw_pos);
}

void TextBuilder::TrimTrailingSpace() {
  while (!text_.empty() && (text_.back() == ' ' || text_.back() == '\n' ||
                            text_.back() == '\t' || text_.back() == '\r')) {
    text_.pop_back();
  }
}

std::string TextBuilder::TakeText(OffsetMap* map) {
  map_.set_clean_size(static_cast<uint32_t>(text_.size()));
  // Anchors past a trimmed end are harmless: ToRaw clamps by search.
  *map = std::move(map_);
  map_ = OffsetMap();
  last_linear_ = false;
  return std::move(text_);
}

}  // namespace sitrep
