// Depth pre-scan: a cheap, conservative estimate of the element nesting that
// Gumbo would build, so that absurdly deep pages never reach the parser
// (whose node destructor recurses). The simulation only pops an element when
// the HTML5 tree builder certainly would; anything uncertain counts as open.
#include <algorithm>
#include <cstring>

#include "ingest/html_internal.h"

namespace sitrep::html_internal {
namespace {

constexpr uint32_t kUnknownBase = GUMBO_TAG_LAST + 1;

bool IsAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Tag id: a GumboTag, or a hash of the name for unknown tags.
uint32_t TagId(std::string_view name) {
  char buf[32];
  size_t n = name.size() < sizeof(buf) ? name.size() : sizeof(buf);
  for (size_t i = 0; i < n; ++i) buf[i] = static_cast<char>(name[i] | 0x20);
  GumboTag t =
      name.size() < sizeof(buf) ? gumbo_tagn_enum(buf, n) : GUMBO_TAG_UNKNOWN;
  if (t != GUMBO_TAG_UNKNOWN) return t;
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; ++i) h = (h ^ uint8_t(buf[i])) * 16777619u;
  return kUnknownBase + (h & 0xFFFFFF);
}

bool In(uint32_t t, std::initializer_list<GumboTag> set) {
  for (GumboTag s : set)
    if (t == uint32_t(s)) return true;
  return false;
}

bool IsVoid(uint32_t t) {
  return In(t, {GUMBO_TAG_AREA,     GUMBO_TAG_BASE,    GUMBO_TAG_BR,
                GUMBO_TAG_COL,      GUMBO_TAG_EMBED,   GUMBO_TAG_HR,
                GUMBO_TAG_IMG,      GUMBO_TAG_INPUT,   GUMBO_TAG_KEYGEN,
                GUMBO_TAG_LINK,     GUMBO_TAG_META,    GUMBO_TAG_PARAM,
                GUMBO_TAG_SOURCE,   GUMBO_TAG_TRACK,   GUMBO_TAG_WBR,
                GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_FRAME,
                GUMBO_TAG_IMAGE,    GUMBO_TAG_MENUITEM});
}

bool IsRawText(uint32_t t) {
  return In(t, {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TEXTAREA,
                GUMBO_TAG_TITLE, GUMBO_TAG_XMP, GUMBO_TAG_IFRAME,
                GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES});
}

bool IsFormatting(uint32_t t) {
  return In(t, {GUMBO_TAG_A, GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_CODE,
                GUMBO_TAG_EM, GUMBO_TAG_FONT, GUMBO_TAG_I, GUMBO_TAG_NOBR,
                GUMBO_TAG_S, GUMBO_TAG_SMALL, GUMBO_TAG_STRIKE,
                GUMBO_TAG_STRONG, GUMBO_TAG_TT, GUMBO_TAG_U});
}

// Elements that bound "has an element in scope".
bool IsScopeBoundary(uint32_t t) {
  return In(
      t, {GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_HTML, GUMBO_TAG_TABLE,
          GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT,
          GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG, GUMBO_TAG_MATH,
          GUMBO_TAG_FOREIGNOBJECT, GUMBO_TAG_DESC, GUMBO_TAG_BUTTON});
}

// The HTML5 "special" category, less the void elements (never on a stack).
bool IsSpecial(uint32_t t) {
  if (t >= kUnknownBase) return false;
  if (IsScopeBoundary(t) || IsRawText(t)) return true;
  return In(t, {GUMBO_TAG_ADDRESS,    GUMBO_TAG_ARTICLE,  GUMBO_TAG_ASIDE,
                GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY,     GUMBO_TAG_CENTER,
                GUMBO_TAG_COLGROUP,   GUMBO_TAG_DD,       GUMBO_TAG_DETAILS,
                GUMBO_TAG_DIR,        GUMBO_TAG_DIV,      GUMBO_TAG_DL,
                GUMBO_TAG_DT,         GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION,
                GUMBO_TAG_FIGURE,     GUMBO_TAG_FOOTER,   GUMBO_TAG_FORM,
                GUMBO_TAG_FRAMESET,   GUMBO_TAG_H1,       GUMBO_TAG_H2,
                GUMBO_TAG_H3,         GUMBO_TAG_H4,       GUMBO_TAG_H5,
                GUMBO_TAG_H6,         GUMBO_TAG_HEAD,     GUMBO_TAG_HEADER,
                GUMBO_TAG_HGROUP,     GUMBO_TAG_LI,       GUMBO_TAG_LISTING,
                GUMBO_TAG_MAIN,       GUMBO_TAG_MENU,     GUMBO_TAG_NAV,
                GUMBO_TAG_NOSCRIPT,   GUMBO_TAG_OL,       GUMBO_TAG_P,
                GUMBO_TAG_PLAINTEXT,  GUMBO_TAG_PRE,      GUMBO_TAG_SECTION,
                GUMBO_TAG_SELECT,     GUMBO_TAG_SUMMARY,  GUMBO_TAG_TBODY,
                GUMBO_TAG_TFOOT,      GUMBO_TAG_THEAD,    GUMBO_TAG_TR,
                GUMBO_TAG_UL});
}

// Start tags that close an open <p> in button scope.
bool ClosesP(uint32_t t) {
  return In(t, {GUMBO_TAG_ADDRESS,    GUMBO_TAG_ARTICLE,    GUMBO_TAG_ASIDE,
                GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_CENTER,     GUMBO_TAG_DETAILS,
                GUMBO_TAG_DIR,        GUMBO_TAG_DIV,        GUMBO_TAG_DL,
                GUMBO_TAG_FIELDSET,   GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
                GUMBO_TAG_FOOTER,     GUMBO_TAG_HEADER,     GUMBO_TAG_HGROUP,
                GUMBO_TAG_MAIN,       GUMBO_TAG_MENU,       GUMBO_TAG_NAV,
                GUMBO_TAG_OL,         GUMBO_TAG_P,          GUMBO_TAG_SECTION,
                GUMBO_TAG_SUMMARY,    GUMBO_TAG_UL,         GUMBO_TAG_H1,
                GUMBO_TAG_H2,         GUMBO_TAG_H3,         GUMBO_TAG_H4,
                GUMBO_TAG_H5,         GUMBO_TAG_H6,         GUMBO_TAG_PRE,
                GUMBO_TAG_LISTING,    GUMBO_TAG_FORM,       GUMBO_TAG_LI,
                GUMBO_TAG_DD,         GUMBO_TAG_DT});
}

class Sim {
 public:
  void Start(uint32_t t) {
    if (ClosesP(t)) {
      if (!stack_.empty() && stack_.back() == GUMBO_TAG_P) stack_.pop_back();
    }
    if (t == GUMBO_TAG_LI || t == GUMBO_TAG_DD || t == GUMBO_TAG_DT) {
      CloseListItem(t);
    } else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH || t == GUMBO_TAG_TR) {
      PopIfTop({GUMBO_TAG_TD, GUMBO_TAG_TH});
      if (t == GUMBO_TAG_TR) PopIfTop({GUMBO_TAG_TR});
    } else if (t == GUMBO_TAG_OPTION) {
      PopIfTop({GUMBO_TAG_OPTION});
    }
    if (IsFormatting(t)) ++formatting_;
    if (t == GUMBO_TAG_TABLE) ++tables_;
    if (t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH) ++foreign_;
    stack_.push_back(t);
  }

  void End(uint32_t t) {
    for (size_t i = stack_.size(); i-- > 0;) {
      uint32_t s = stack_[i];
      if (s == t) {
        if (IsFormatting(t) && HasSpecialAbove(i)) return;  // adoption agency
        if (IsFormatting(t) && formatting_ > 0) --formatting_;
        while (stack_.size() > i) Pop();
        return;
      }
      bool table_part =
          s == GUMBO_TAG_TD || s == GUMBO_TAG_TH || s == GUMBO_TAG_TR;
      if (table_part && In(t, {GUMBO_TAG_TR, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD,
                               GUMBO_TAG_TFOOT, GUMBO_TAG_TABLE})) {
        continue;
      }
      if (IsScopeBoundary(s) || (IsSpecial(s) && !IsSpecial(t))) return;
    }
  }

  bool foreign() const { return foreign_ > 0; }
  int Estimate() const {
    return int(stack_.size()) + formatting_ + 2 * tables_ + 8;
  }

 private:
  void Pop() {
    uint32_t s = stack_.back();
    if (s == GUMBO_TAG_TABLE) --tables_;
    if (s == GUMBO_TAG_SVG || s == GUMBO_TAG_MATH) --foreign_;
    stack_.pop_back();
  }
  void PopIfTop(std::initializer_list<GumboTag> set) {
    if (!stack_.empty() && In(stack_.back(), set)) Pop();
  }
  bool HasSpecialAbove(size_t i) const {
    for (size_t k = i + 1; k < stack_.size(); ++k) {
      if (IsSpecial(stack_[k])) return true;
    }
    return false;
  }
  void CloseListItem(uint32_t t) {
    bool li = t == GUMBO_TAG_LI;
    for (size_t i = stack_.size(); i-- > 0;) {
      uint32_t s = stack_[i];
      if (li ? s == GUMBO_TAG_LI : (s == GUMBO_TAG_DD || s == GUMBO_TAG_DT)) {
        while (stack_.size() > i) Pop();
        return;
      }
      if (IsSpecial(s) && s != GUMBO_TAG_ADDRESS && s != GUMBO_TAG_DIV &&
          s != GUMBO_TAG_P) {
        return;
      }
    }
  }

  std::vector<uint32_t> stack_;
  int formatting_ = 0;
  int tables_ = 0;
  int foreign_ = 0;
};

size_t Find(std::string_view s, size_t from, std::string_view what) {
  size_t p = s.find(what, from);
  return p == std::string_view::npos ? s.size() : p;
}

// Index just past the '>' closing a tag whose name ends at `i`; sets
// `self_closing`. Quoted attribute values may contain '>'.
size_t SkipAttributes(std::string_view s, size_t i, bool* self_closing) {
  *self_closing = false;
  bool after_eq = false;
  while (i < s.size()) {
    char c = s[i];
    if (c == '>') {
      *self_closing = i > 0 && s[i - 1] == '/';
      return i + 1;
    }
    if (after_eq && (c == '"' || c == '\'')) {
      size_t q = s.find(c, i + 1);
      if (q == std::string_view::npos) return s.size();
      i = q + 1;
      after_eq = false;
      continue;
    }
    if (c == '=') {
      after_eq = true;
    } else if (!IsSpace(c)) {
      after_eq = false;
    }
    ++i;
  }
  return s.size();
}

// Index past the end tag "</name" (case-insensitive) of a raw-text element.
size_t SkipRawText(std::string_view s, size_t i, std::string_view name) {
  while (true) {
    size_t p = Find(s, i, "</");
    if (p + 2 + name.size() > s.size()) return s.size();
    bool match = true;
    for (size_t k = 0; k < name.size() && match; ++k) {
      match = (s[p + 2 + k] | 0x20) == (name[k] | 0x20);
    }
    size_t e = p + 2 + name.size();
    if (match &&
        (e == s.size() || IsSpace(s[e]) || s[e] == '>' || s[e] == '/')) {
      return p;
    }
    i = p + 2;
  }
}

size_t SkipComment(std::string_view s, size_t i) {  // i at "<!--"
  size_t j = i + 4;
  if (j < s.size() && s[j] == '>') return j + 1;
  if (j + 1 < s.size() && s[j] == '-' && s[j + 1] == '>') return j + 2;
  while (true) {
    size_t p = Find(s, j, "--");
    if (p + 2 >= s.size()) return s.size();
    if (s[p + 2] == '>') return p + 3;
    if (s[p + 2] == '!' && p + 3 < s.size() && s[p + 3] == '>') return p + 4;
    j = p + 1;
  }
}

}  // namespace

int EstimateDepth(std::string_view s, int limit, std::vector<Span>* cuts) {
  auto cut = [cuts](size_t b, size_t e) {
    if (cuts != nullptr && e > b)
      cuts->push_back(Span{uint32_t(b), uint32_t(e)});
  };
  Sim sim;
  size_t i = 0;
  while (i < s.size()) {
    const void* lt = memchr(s.data() + i, '<', s.size() - i);
    if (lt == nullptr) break;
    i = static_cast<const char*>(lt) - s.data();
    if (i + 1 >= s.size()) break;
    char c = s[i + 1];
    if (c == '!') {
      if (s.compare(i, 4, "<!--") == 0) {
        size_t e = SkipComment(s, i);
        size_t body_end = e == s.size() && s.compare(e - 3, 3, "-->") != 0
                              ? e
                              : e - (s[e - 2] == '!' ? 4 : 3);
        cut(i + 4, body_end);
        i = e;
      } else {
        i = Find(s, i, ">") + 1;
      }
      continue;
    }
    if (c == '?') {
      i = Find(s, i, ">") + 1;
      continue;
    }
    bool end = c == '/';
    size_t n0 = i + (end ? 2 : 1);
    if (n0 >= s.size() || !IsAlpha(s[n0])) {
      i = end ? Find(s, i, ">") + 1 : i + 1;
      continue;
    }
    size_t n1 = n0;
    while (n1 < s.size() && !IsSpace(s[n1]) && s[n1] != '/' && s[n1] != '>') {
      ++n1;
    }
    std::string_view name = s.substr(n0, n1 - n0);
    uint32_t t = TagId(name);
    bool self_closing = false;
    i = SkipAttributes(s, n1, &self_closing);
    if (end) {
      sim.End(t);
      continue;
    }
    if (IsVoid(t) || (self_closing && sim.foreign())) continue;
    if (t == GUMBO_TAG_PLAINTEXT) break;
    sim.Start(t);
    if (sim.Estimate() > limit) return sim.Estimate();
    if (IsRawText(t)) {
      size_t body = i;
      i = SkipRawText(s, i, name);
      bool json =
          s.substr(n1, body - n1).find("json") != std::string_view::npos;
      if ((t == GUMBO_TAG_SCRIPT && !json) || t == GUMBO_TAG_STYLE) {
        cut(body, i);
      }
      sim.End(t);
    }
  }
  return sim.Estimate();
}

uint32_t Source::ToOriginal(uint32_t c) const {
  if (segs.empty()) return c;
  auto it =
      std::upper_bound(segs.begin(), segs.end(), c,
                       [](uint32_t v, const std::pair<uint32_t, uint32_t>& s) {
                         return v < s.first;
                       });
  if (it != segs.begin()) --it;
  return it->second + (c - it->first);
}

void CutSource(const std::vector<Span>& cuts, Source* src) {
  size_t total = 0;
  for (const Span& c : cuts) total += c.size();
  if (total < 4096) return;  // not worth a copy
  std::string_view h = src->html;
  src->compact.reserve(h.size() - total);
  uint32_t from = 0;
  for (const Span& c : cuts) {
    if (c.begin < from) continue;
    src->segs.push_back({uint32_t(src->compact.size()), from});
    src->compact.append(h.substr(from, c.begin - from));
    from = c.end;
  }
  src->segs.push_back({uint32_t(src->compact.size()), from});
  src->compact.append(h.substr(from));
}

}  // namespace sitrep::html_internal
