// Main-text selection. Every block gets a value: its non-link characters
// less a fixed cost (so runs of short menu items sum negative), or minus its
// size when it is link-dense or sits under a boilerplate hint. Values are
// summed up the element tree; the element with the largest sum that is not
// inside boilerplate is the article container. It is then widened to a
// parent holding far more paragraph text (paragraphs split by link cards)
// and tightened to a child holding nearly all of it (teasers beside the
// article). Its blocks that are not boilerplate are kept.
#include "ingest/html_internal.h"

namespace sitrep::html_internal {
namespace {

constexpr double kBlockCost = 25;  // chars a block must beat
constexpr double kMaxLinkDensity = 0.5;
// A hinted-boilerplate element whose own value is this high is content.
constexpr double kTrustedContent = 1000;
// An element hinted this strongly (articleBody, "article-body") is content.
constexpr int kStrongArticle = 2;
constexpr double kTightShare = 0.9;
constexpr double kTightMin = 300;
constexpr double kWidenGrowth = 2;
constexpr double kWidenKeep = 0.5;

double LinkDensity(const Block& b) {
  return b.chars == 0 ? 1.0 : double(b.link_chars) / b.chars;
}

bool IsBoiler(int hint, double own) {
  return hint < 0 && own < kTrustedContent;
}

double Value(const Block& b) {
  if (LinkDensity(b) >= kMaxLinkDensity) return -double(b.chars);
  if (b.heading) return 0;
  return double(b.chars - b.link_chars) - kBlockCost;
}

// Sums block values up the tree. `own` is an element's unbiased sum; what
// it passes to its parent is minus its size when it has a boilerplate hint.
void SumValues(const Layout& l, std::vector<double>* own) {
  const auto& elems = l.elems;
  own->assign(elems.size(), 0.0);
  std::vector<double> size(elems.size(), 0.0);
  for (const Block& b : l.blocks) {
    (*own)[b.elem] += Value(b);
    size[b.elem] += b.chars;
  }
  // Elements are numbered in document order: parents before children.
  for (size_t i = elems.size(); i-- > 1;) {
    int p = elems[i].parent;
    size[p] += size[i];
    bool boiler = IsBoiler(elems[i].hint, (*own)[i]);
    (*own)[p] += boiler ? -size[i] : (*own)[i];
  }
}

// A boilerplate-hinted element that holds a strongly article-hinted one
// ("sticky-sidebar" around "article-body") is a page wrapper: no hint.
void ClearWrapperHints(Layout* l) {
  std::vector<bool> holds(l->elems.size(), false);
  for (size_t i = l->elems.size(); i-- > 1;) {
    Elem& e = l->elems[i];
    if (holds[i] && e.hint < 0) e.hint = 0;
    if (holds[i] || e.hint >= kStrongArticle) holds[e.parent] = true;
  }
}

// Elements that may be the article container: none inside boilerplate.
std::vector<bool> Candidates(const Layout& l, const std::vector<double>& own) {
  std::vector<bool> ok(l.elems.size(), true);
  for (size_t i = 1; i < l.elems.size(); ++i) {
    ok[i] = ok[l.elems[i].parent] && !IsBoiler(l.elems[i].hint, own[i]);
  }
  return ok;
}

int BestRoot(const Layout& l, const std::vector<double>& own) {
  auto biased = [&](size_t i) {
    return l.elems[i].hint > 1 ? own[i] * 1.25 : own[i];
  };
  std::vector<bool> ok = Candidates(l, own);
  int best = 0;
  for (size_t i = 1; i < l.elems.size(); ++i) {
    if (ok[i] && biased(i) >= biased(best)) best = static_cast<int>(i);
  }
  return best;
}

// Positive paragraph (<p>) value of each element's subtree.
std::vector<double> ParagraphValue(const Layout& l) {
  std::vector<double> para(l.elems.size(), 0.0);
  for (const Block& b : l.blocks) {
    double v = Value(b);
    if (b.tag == GUMBO_TAG_P && v > 0) para[b.elem] += v;
  }
  for (size_t i = l.elems.size(); i-- > 1;) para[l.elems[i].parent] += para[i];
  return para;
}

// Moves the root up to its parent while the parent holds far more
// paragraph text at a comparable value: the article whose paragraphs are
// broken up by link-dense inserts (author cards, inline promos).
int Widen(const Layout& l, const std::vector<double>& own,
          const std::vector<double>& para, int root) {
  if (para[root] < kTightMin) return root;  // text not in paragraphs
  for (int p = l.elems[root].parent; p > 0; p = l.elems[root].parent) {
    if (para[p] < kWidenGrowth * para[root] ||
        own[p] < kWidenKeep * own[root]) {
      break;
    }
    root = p;
  }
  return root;
}

// Moves the root down to a child that holds nearly all of its paragraph
// text: the article without the teaser cards and tickers around it.
// O(elements): only the child with the most paragraph text can qualify.
int Tighten(const Layout& l, const std::vector<double>& para, int root) {
  std::vector<int> best(l.elems.size(), -1);
  for (size_t i = 1; i < l.elems.size(); ++i) {
    int& b = best[l.elems[i].parent];
    if (b < 0 || para[i] > para[b]) b = static_cast<int>(i);
  }
  while (best[root] >= 0 && para[root] >= kTightMin &&
         para[best[root]] >= kTightShare * para[root]) {
    root = best[root];
  }
  return root;
}

// True when `elem` is under `root` with no boilerplate element in between.
bool InMainText(int elem, int root, const Layout& l,
                const std::vector<double>& own) {
  bool boiler = false;
  for (int e = elem; e >= 0; e = l.elems[e].parent) {
    if (e == root) return !boiler;
    if (IsBoiler(l.elems[e].hint, own[e])) boiler = true;
  }
  return false;
}

}  // namespace

void ScoreBlocks(Layout* l) {
  if (l->blocks.empty()) return;
  ClearWrapperHints(l);
  std::vector<double> own;
  SumValues(*l, &own);
  std::vector<double> para = ParagraphValue(*l);
  int root = BestRoot(*l, own);
  root = Tighten(*l, para, Widen(*l, own, para, root));
  for (Block& b : l->blocks) {
    b.keep =
        InMainText(b.elem, root, *l, own) && LinkDensity(b) < kMaxLinkDensity;
  }
}

}  // namespace sitrep::html_internal
