// Internals of HTML extraction (include/sitrep/html.h), shared between
// html.cc, html_prescan.cc, html_meta.cc, html_text.cc and html_score.cc.
// Not a public API. Thread safety: all functions are pure.
#ifndef SITREP_INGEST_HTML_INTERNAL_H_
#define SITREP_INGEST_HTML_INTERNAL_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/html.h"
#include "sitrep/offset_map.h"

namespace sitrep::html_internal {

// A conservative upper estimate of the element nesting depth Gumbo would
// build for `html`, from a linear scan that simulates the open-element stack
// (implied end tags, scope boundaries, active formatting elements). Stops
// early and returns a value > `limit` as soon as the estimate exceeds it.
// Cost: O(n) time, O(depth) memory.
// When `cuts` is given, also lists the byte ranges Gumbo need not see: the
// bodies of scripts (other than JSON-LD) and styles, and comment interiors.
int EstimateDepth(std::string_view html, int limit,
                  std::vector<Span>* cuts = nullptr);

// The text handed to Gumbo: the page with the cuts removed (Gumbo spends most
// of its time lexing scripts otherwise), and the map back to the page.
struct Source {
  std::string_view html;  // the original page
  std::string compact;    // the page less the cuts; empty when none
  std::vector<std::pair<uint32_t, uint32_t>> segs;  // (compact, html) starts

  std::string_view parsed() const {
    return compact.empty() ? html : std::string_view(compact);
  }
  // Offset in `html` of offset `c` of parsed().
  uint32_t ToOriginal(uint32_t c) const;
};
void CutSource(const std::vector<Span>& cuts, Source* src);
// Rewrites, in place and length for length, every numeric character
// reference of 2^31 or more in the parsed text to one for U+FFFD (Gumbo
// overflows on them and emits invalid UTF-8). Copies the page into
// `compact` first when needed. See html_charref.cc.
void NeutraliseHugeCharRefs(Source* src);

// Fills title, outlet, url, published and published_from from the tree.
void ExtractMeta(const GumboNode* root, HtmlPage* page);

// Parses a date at the start of `s` ("2019-11-19T...", "2019/11/19",
// "20191119"); nullopt when there is none.
std::optional<CivilDay> ParseDateValue(std::string_view s);

// Strips a " | Site" / " - Site" suffix from a <title>.
std::string CleanTitle(std::string_view title);

// One run of text in the page: a block-level element's inline content.
struct Block {
  int elem = -1;       // innermost block-level element (index in Elem list)
  uint32_t first = 0;  // items [first, last) in the item list
  uint32_t last = 0;
  uint32_t chars = 0;       // visible characters (whitespace collapsed)
  uint32_t link_chars = 0;  // of which inside <a href>
  uint8_t tag = 0;          // GumboTag of the block element (truncated)
  bool heading = false;
  bool keep = false;  // decided by the scorer
};

// An element that may hold blocks.
struct Elem {
  int parent = -1;
  int hint = 0;         // > 0 article-like, < 0 boilerplate-like, 0 neutral
  bool boiler = false;  // this or an ancestor has a boilerplate hint
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  double score = 0;  // filled by the scorer
};

// A piece of inline content: a text node, or a line break.
struct Item {
  const GumboNode* text = nullptr;  // nullptr = <br> or a cell boundary
  uint32_t raw_pos = 0;
  bool cell = false;  // a table cell boundary: a space
};

struct Layout {
  std::vector<Elem> elems;
  std::vector<Block> blocks;
  std::vector<Item> items;
  int max_depth = 0;
};

// Walks the tree iteratively, dropping scripts, styles, forms controls and
// other never-text elements, and cuts the rest into blocks.
// Returns false when the tree is deeper than `max_depth`.
bool CollectBlocks(const GumboNode* root, int max_depth, Layout* layout);

// Marks the blocks of the main text (Block::keep).
void ScoreBlocks(Layout* layout);

// Appends one text node's text to `out` with whitespace collapsed; bytes
// copied verbatim map to the input, decoded entities to their '&'.
// `space` carries a pending collapsed space between nodes.
void AppendText(const GumboNode* node, const Source& src, bool* space,
                TextBuilder* out);

// Class/id hint of an element: > 0 article-like, < 0 boilerplate-like.
int ClassHint(std::string_view class_and_id);

}  // namespace sitrep::html_internal

#endif  // SITREP_INGEST_HTML_INTERNAL_H_
