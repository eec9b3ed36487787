// Main-text selection. Every block gets a value: its non-link characters
// less a fixed cost (so runs of short menu items sum negative), or minus its
// size when it is link-dense or sits under a boilerplate hint. Values are
// summed up the element tree; the element with the largest sum is the
// article container, and its blocks that are not boilerplate are kept.
#include "ingest/html_internal.h"

namespace sitrep::html_internal {
namespace {

constexpr double kBlockCost = 25;       // chars a block must beat
constexpr double kMaxLinkDensity = 0.5;

double LinkDensity(const Block& b) {
  return b.chars == 0 ? 1.0 : double(b.link_chars) / b.chars;
}

double Value(const Block& b, const std::vector<Elem>& elems) {
  if (elems[b.elem].boiler || LinkDensity(b) >= kMaxLinkDensity) {
    return -double(b.chars);
  }
  if (b.heading) return 0;
  double v = double(b.chars - b.link_chars) - kBlockCost;
  return v;
}

// True when an element strictly between `elem` and `root` (or `elem`
// itself, when it is not the root) is boilerplate. -1: not under root.
int UnderRoot(int elem, int root, const std::vector<Elem>& elems,
              bool* boiler) {
  *boiler = false;
  for (int e = elem; e >= 0; e = elems[e].parent) {
    if (e == root) return 1;
    if (elems[e].hint < 0) *boiler = true;
  }
  return 0;
}

int BestRoot(const Layout& l, std::vector<double>* sum) {
  const auto& elems = l.elems;
  sum->assign(elems.size(), 0.0);
  for (const Block& b : l.blocks) (*sum)[b.elem] += Value(b, elems);
  // Elements are numbered in document order: parents before children.
  for (size_t i = elems.size(); i-- > 1;) {
    (*sum)[elems[i].parent] += (*sum)[i];
  }
  int best = 0;
  for (size_t i = 1; i < elems.size(); ++i) {
    double s = (*sum)[i];
    if (elems[i].hint > 1) s *= 1.25;
    double b = (*sum)[best];
    if (elems[best].hint > 1) b *= 1.25;
    if (s >= b) best = static_cast<int>(i);
  }
  return best;
}

}  // namespace

void ScoreBlocks(Layout* l) {
  if (l->blocks.empty()) return;
  std::vector<double> sum;
  int root = BestRoot(*l, &sum);
  for (Block& b : l->blocks) {
    bool boiler = false;
    if (!UnderRoot(b.elem, root, l->elems, &boiler) || boiler) continue;
    if (LinkDensity(b) >= kMaxLinkDensity) continue;
    b.keep = true;
  }
}

}  // namespace sitrep::html_internal
