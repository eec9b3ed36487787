// HTML main-text extraction: from a web page to its article text.
//
// Parses with a real HTML5 parser (Gumbo), scores blocks by text density,
// link density and markup hints (article/main elements, class names) to keep
// the article body and drop navigation, ads, comments and footers. Reads the
// title (og:title, <title>, <h1>), the publication date
// (article:published_time, JSON-LD datePublished, <time datetime>), the outlet
// (og:site_name) and the canonical URL. Output text offsets map back to bytes
// of the input HTML.
//
// Budgets: input size and tree depth are bounded (HtmlLimits); pages over a
// budget are rejected with ResourceExhausted, never parsed partially.
// Costs: linear in the page size. Thread safety: pure function.
#ifndef SITREP_HTML_H_
#define SITREP_HTML_H_

#include <optional>
#include <string>
#include <string_view>

#include "sitrep/civil_day.h"
#include "sitrep/offset_map.h"
#include "sitrep/status.h"

namespace sitrep {

struct HtmlLimits {
  size_t max_bytes = 10u << 20;  // 10 MB
  int max_depth = 2000;          // element nesting
};

struct HtmlPage {
  std::string title;
  std::string outlet;  // og:site_name
  std::string url;     // canonical or og:url
  std::optional<CivilDay> published;
  std::string
      published_from;  // "article:published_time", "json-ld", "time", ...
  std::string text;    // main text; paragraphs separated by "\n\n"
  OffsetMap offsets;   // text -> input HTML bytes
};

// REQUIRES: `html` is valid UTF-8 (convert other charsets first).
Result<HtmlPage> ExtractHtml(std::string_view html,
                             const HtmlLimits& limits = HtmlLimits());

}  // namespace sitrep

#endif  // SITREP_HTML_H_
