// Cuts a Gumbo tree into text blocks (iteratively), and copies text nodes
// into a TextBuilder with whitespace collapsed and offsets kept.
#include <cstring>

#include "ingest/html_internal.h"

namespace sitrep::html_internal {
namespace {

bool IsWs(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Elements whose whole subtree is never article text.
bool IsDropped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

// Elements that start a new block of text.
bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

std::string_view Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool IsHidden(const GumboElement& e) {
  if (gumbo_get_attribute(&e.attributes, "hidden") != nullptr) return true;
  if (Attr(e, "aria-hidden") == "true") return true;
  std::string_view style = Attr(e, "style");
  if (style.empty()) return false;
  std::string compact;
  for (char c : style)
    if (!IsWs(c)) compact += static_cast<char>(c | 0x20);
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

int ElementHint(const GumboElement& e) {
  // Page-wide classes ("single-post", "has-sidebar") describe the page.
  if (e.tag == GUMBO_TAG_BODY || e.tag == GUMBO_TAG_HTML) return 0;
  if (Attr(e, "itemprop") == "articleBody") return 3;
  std::string ci(Attr(e, "class"));
  ci += ' ';
  ci += Attr(e, "id");
  int hint = ClassHint(ci);
  std::string_view role = Attr(e, "role");
  if (role == "navigation" || role == "complementary" ||
      role == "contentinfo" || role == "banner" || role == "dialog") {
    hint = -2;
  }
  if (e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_MAIN) {
    hint = hint < 0 ? 0 : hint + 1;
  }
  return hint;
}

// Visible characters of a text node with whitespace collapsed (code points).
uint32_t CountChars(const char* s) {
  uint32_t n = 0;
  bool ws = false;
  for (; *s; ++s) {
    if (IsWs(*s)) {
      ws = true;
      continue;
    }
    if ((*s & 0xC0) == 0x80) continue;
    n += ws ? 2 : 1;
    ws = false;
  }
  return n;
}

struct Frame {
  const GumboNode* node;
  unsigned child;
  int elem;  // Elem index of the innermost block ancestor
  bool link;
  bool block;  // node itself opened an Elem
};

class Collector {
 public:
  explicit Collector(Layout* l) : l_(l) {}

  void OpenElem(const GumboElement& e, int parent) {
    Elem el;
    el.parent = parent;
    el.tag = e.tag;
    el.hint = ElementHint(e);
    el.boiler = el.hint < 0 || (parent >= 0 && l_->elems[parent].boiler);
    l_->elems.push_back(el);
  }
  void CloseBlock() {
    if (open_ && l_->blocks.back().chars == 0) l_->blocks.pop_back();
    open_ = false;
  }
  void AddText(const GumboNode* n, int elem, bool link) {
    uint32_t chars = CountChars(n->v.text.text);
    if (!open_) {
      if (chars == 0) return;
      Block b;
      b.elem = elem;
      b.first = b.last = static_cast<uint32_t>(l_->items.size());
      b.tag = static_cast<uint8_t>(l_->elems[elem].tag);
      GumboTag t = l_->elems[elem].tag;
      b.heading = t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
      l_->blocks.push_back(b);
      open_ = true;
    }
    Block& b = l_->blocks.back();
    l_->items.push_back(
        Item{n, static_cast<uint32_t>(n->v.text.start_pos.offset)});
    b.last = static_cast<uint32_t>(l_->items.size());
    b.chars += chars;
    if (link) b.link_chars += chars;
  }
  void AddBreak(const GumboNode* n, bool cell) {
    if (!open_) return;
    l_->items.push_back(Item{
        nullptr, static_cast<uint32_t>(n->v.element.start_pos.offset), cell});
    l_->blocks.back().last = static_cast<uint32_t>(l_->items.size());
  }

 private:
  Layout* l_;
  bool open_ = false;
};

}  // namespace

bool CollectBlocks(const GumboNode* root, int max_depth, Layout* layout) {
  Collector c(layout);
  std::vector<Frame> stack;
  layout->elems.push_back(Elem{});  // the document
  stack.push_back(Frame{root, 0, 0, false, false});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& kids = f.node->v.element.children;
    if (f.child >= kids.length) {
      if (f.block) c.CloseBlock();
      stack.pop_back();
      continue;
    }
    const GumboNode* n = static_cast<const GumboNode*>(kids.data[f.child++]);
    int elem = f.elem;
    bool link = f.link;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      c.AddText(n, elem, link);
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = n->v.element;
    if (e.tag == GUMBO_TAG_BR) {
      c.AddBreak(n, false);
      continue;
    }
    if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) c.AddBreak(n, true);
    if (IsDropped(e.tag) || IsHidden(e)) continue;
    if (static_cast<int>(stack.size()) >= max_depth) return false;
    if (static_cast<int>(stack.size()) > layout->max_depth) {
      layout->max_depth = static_cast<int>(stack.size());
    }
    bool block = IsBlock(e.tag);
    if (block) {
      c.CloseBlock();
      c.OpenElem(e, elem);
      elem = static_cast<int>(layout->elems.size()) - 1;
    }
    if (e.tag == GUMBO_TAG_A && gumbo_get_attribute(&e.attributes, "href")) {
      link = true;
    }
    stack.push_back(Frame{n, 0, elem, link, block});
  }
  c.CloseBlock();
  return true;
}

// Aligns the decoded text with its source bytes: equal runs are copied
// (offsets exact), entities are appended as synthesised text at their '&'.
void AppendText(const GumboNode* node, const Source& src, bool* space,
                TextBuilder* out) {
  std::string_view html = src.parsed();
  std::string_view t(node->v.text.text);
  std::string_view o(node->v.text.original_text.data,
                     node->v.text.original_text.length);
  size_t base = node->v.text.start_pos.offset;
  bool aligned = o.data() >= html.data() &&
                 o.data() + o.size() <= html.data() + html.size();
  if (aligned) base = o.data() - html.data();
  // A text node never spans a cut: one translation serves the whole node.
  base = src.ToOriginal(static_cast<uint32_t>(base));
  size_t i = 0, j = 0;
  auto flush_space = [&](size_t pos) {
    if (*space && !out->text().empty()) out->Separator(' ', pos);
    *space = false;
  };
  while (i < t.size()) {
    if (IsWs(t[i])) {
      *space = true;
      while (i < t.size() && IsWs(t[i])) ++i;
      while (aligned && j < o.size() && IsWs(o[j])) ++j;
      continue;
    }
    if (!aligned || j >= o.size()) break;
    if (o[j] == '&') {
      size_t k = j + 1;
      if (k < o.size() && o[k] == '#') ++k;
      while (k < o.size() && isalnum(static_cast<unsigned char>(o[k]))) ++k;
      if (k < o.size() && o[k] == ';') ++k;
      if (t.compare(i, k - j, o.substr(j, k - j)) == 0) {
        flush_space(base + j);
        out->Copy(base + j, base + k);
        i += k - j;
        j = k;
        continue;
      }
      size_t m = i + 1;  // one decoded code point
      while (m < t.size() && (t[m] & 0xC0) == 0x80) ++m;
      if (t.compare(i, m - i, "\xC2\xA0") == 0) {  // &nbsp;
        *space = true;
      } else {
        flush_space(base + j);
        out->Append(t.substr(i, m - i), base + j);
      }
      i = m;
      j = k;
      continue;
    }
    if (t[i] != o[j]) break;
    size_t i0 = i, j0 = j;
    while (i < t.size() && j < o.size() && t[i] == o[j] && !IsWs(t[i]) &&
           o[j] != '&') {
      ++i;
      ++j;
    }
    flush_space(base + j0);
    out->Copy(base + j0, base + j);
    (void)i0;
  }
  // Unaligned remainder: synthesised, attributed to where alignment stopped.
  size_t pos = base + (j < o.size() ? j : (o.empty() ? 0 : o.size() - 1));
  while (i < t.size()) {
    size_t s = i;
    while (i < t.size() && !IsWs(t[i])) ++i;
    if (i > s) {
      flush_space(pos);
      out->Append(t.substr(s, i - s), pos);
    }
    while (i < t.size() && IsWs(t[i])) {
      ++i;
      *space = true;
    }
  }
}

}  // namespace sitrep::html_internal
