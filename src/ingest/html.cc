// ExtractHtml: budgets, a depth pre-scan, a Gumbo parse into an arena (so
// the tree is freed in O(chunks) without Gumbo's recursive destructor), then
// metadata and main-text extraction.
#include "sitrep/html.h"

#include <cstdlib>
#include <memory>
#include <vector>

#include "ingest/html_internal.h"

namespace sitrep {
namespace {

using html_internal::Block;
using html_internal::Layout;

// Bump allocator for Gumbo; deallocation is a no-op, all is freed at once.
class Arena {
 public:
  ~Arena() {
    for (void* c : chunks_) std::free(c);
  }
  void* Alloc(size_t n) {
    n = (n + 15) & ~size_t{15};
    if (n > left_) {
      size_t size = n > kChunk / 4 ? n : kChunk;
      char* c = static_cast<char*>(std::malloc(size));
      if (c == nullptr) std::abort();
      chunks_.push_back(c);
      if (n == size) return c;  // big block: keep the current chunk
      next_ = c;
      left_ = size;
    }
    void* p = next_;
    next_ += n;
    left_ -= n;
    return p;
  }
  static void* GumboAlloc(void* self, size_t n) {
    return static_cast<Arena*>(self)->Alloc(n);
  }
  static void GumboFree(void*, void*) {}

 private:
  static constexpr size_t kChunk = 256 << 10;
  std::vector<void*> chunks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

void BuildText(const Layout& l, const html_internal::Source& src,
               HtmlPage* page) {
  TextBuilder out(src.html);
  for (const Block& b : l.blocks) {
    if (!b.keep) continue;
    if (!out.text().empty()) {
      out.TrimTrailingSpace();
      out.Append("\n\n", src.ToOriginal(l.items[b.first].raw_pos));
    }
    bool space = false;
    for (uint32_t i = b.first; i < b.last; ++i) {
      const html_internal::Item& it = l.items[i];
      if (it.text == nullptr && it.cell) {
        space = true;
      } else if (it.text == nullptr) {
        out.TrimTrailingSpace();
        out.Separator('\n', src.ToOriginal(it.raw_pos));
        space = false;
      } else {
        html_internal::AppendText(it.text, src, &space, &out);
      }
    }
  }
  out.TrimTrailingSpace();
  page->text = out.TakeText(&page->offsets);
}

}  // namespace

Result<HtmlPage> ExtractHtml(std::string_view html, const HtmlLimits& limits) {
  if (html.size() > limits.max_bytes) {
    return Status::ResourceExhausted("html: page of " +
                                     std::to_string(html.size()) +
                                     " bytes is over the limit");
  }
  std::vector<Span> cuts;
  if (html_internal::EstimateDepth(html, limits.max_depth, &cuts) >
      limits.max_depth) {
    return Status::ResourceExhausted("html: element nesting over the limit");
  }
  html_internal::Source src;
  src.html = html;
  html_internal::CutSource(cuts, &src);
  html_internal::NeutraliseHugeCharRefs(&src);
  std::string_view parsed = src.parsed();
  Arena arena;
  GumboOptions opts = kGumboDefaultOptions;
  opts.allocator = &Arena::GumboAlloc;
  opts.deallocator = &Arena::GumboFree;
  opts.userdata = &arena;
  opts.max_errors = 0;
  GumboOutput* out =
      gumbo_parse_with_options(&opts, parsed.data(), parsed.size());
  if (out == nullptr || out->root == nullptr) {
    return Status::InvalidArgument("html: parser failed");
  }
  HtmlPage page;
  Layout layout;
  if (!html_internal::CollectBlocks(out->root, limits.max_depth, &layout)) {
    return Status::ResourceExhausted("html: element nesting over the limit");
  }
  html_internal::ExtractMeta(out->root, &page);
  html_internal::ScoreBlocks(&layout);
  BuildText(layout, src, &page);
  // No gumbo_destroy_output: the arena frees the whole tree.
  return page;
}

}  // namespace sitrep
