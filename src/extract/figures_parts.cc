// "Four people were killed in the first car and one person was killed in the
// second car": counts of one sentence, each told with its own part ("in the
// first car", "in the second car"), count different people and add up;
// "police said 14 ... officials said 18" stays two reports of the same.
// Part of the figure binder (MarkPartitions in figures_internal.h).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "extract/figures_internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep::figures_internal {
namespace {

// The first token of figure `g`, and the token after it.
std::pair<uint32_t, uint32_t> FigureToks(const SentenceFacts& f,
                                         const Figure& g) {
  uint32_t b = f.TokAt(g.span.begin);
  uint32_t e = b;
  while (e < f.toks.size() && f.toks[e].span.end <= g.span.end) ++e;
  return {b, e};
}

// The part told after a figure, in [from, to): "in the second car" gives
// "second"; "" when none. Only one part within the clause counts.
std::string PartAfter(const SentenceFacts& f, uint32_t from, uint32_t to) {
  static const Words& kParts = WordSet("partition");
  std::string part;
  for (uint32_t k = from; k + 2 < to; ++k) {
    const std::string& w = f.toks[k].norm;
    if (w != "in"sv && w != "on"sv && w != "at"sv && w != "inside"sv) continue;
    if (f.toks[k + 1].norm != "the"sv) continue;
    if (kParts.count(f.toks[k + 2].norm) == 0) continue;
    // The part's own noun: "the second car", not "the second time".
    if (k + 3 >= to || f.toks[k + 3].punct || f.toks[k + 3].cap) continue;
    if (!part.empty()) return "";
    part = f.toks[k + 2].norm;
  }
  return part;
}

// One figure for the parts' counts: their sum, over their span.
void SumParts(const std::vector<Figure*>& figs, SentenceFacts* f) {
  Figure sum = *figs.front();
  int64_t total = 0;
  for (const Figure* g : figs) {
    total += g->count.value();
    if (g->qualifier != "exact"sv) sum.qualifier = g->qualifier;
    if (g->victims != sum.victims) sum.victims.clear();
    sum.span.end = std::max(sum.span.end, g->span.end);
  }
  sum.count = Count{total, total, total};
  sum.implausible = total > kImplausibleCount;
  std::set<const Figure*> parts(figs.begin(), figs.end());
  std::vector<Figure> kept;
  for (const Figure& g : f->figures) {
    if (parts.count(&g) == 0) kept.push_back(g);
  }
  kept.push_back(std::move(sum));
  f->figures = std::move(kept);
}

}  // namespace

void MarkPartitions(SentenceFacts* f) {
  for (Outcome outcome : {Outcome::kKilled, Outcome::kInjured}) {
    std::vector<Figure*> figs;
    for (auto& g : f->figures) {
      if (g.outcome == outcome && g.count.value() > 0) figs.push_back(&g);
    }
    if (figs.size() < 2) continue;
    std::sort(figs.begin(), figs.end(), [](const Figure* a, const Figure* b) {
      return a->span.begin < b->span.begin;
    });
    std::set<std::string> parts;
    for (size_t i = 0; i < figs.size(); ++i) {
      uint32_t from = FigureToks(*f, *figs[i]).second;
      uint32_t to = i + 1 < figs.size() ? FigureToks(*f, *figs[i + 1]).first
                                        : f->toks.size();
      std::string part = PartAfter(*f, from, to);
      if (part.empty() || !parts.insert(part).second) {
        parts.clear();
        break;
      }
    }
    if (parts.size() != figs.size()) continue;
    SumParts(figs, f);
  }
}

}  // namespace sitrep::figures_internal
