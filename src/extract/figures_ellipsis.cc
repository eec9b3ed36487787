// "Four protesters were killed in Basra and two in Amara": a count told
// with only its place, the outcome and the victims left out, shares those of
// the count before it. Internal to the extract stage (figures_internal.h).
#include <algorithm>

#include "extract/figures_internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep::figures_internal {
namespace {

// The figure whose span ends last before `pos` (a byte offset), or null.
const Figure* FigureBefore(const SentenceFacts& f, uint32_t pos) {
  const Figure* best = nullptr;
  for (const auto& g : f.figures) {
    if (g.span.end <= pos && (!best || g.span.end > best->span.end)) {
      best = &g;
    }
  }
  return best;
}

bool HasFigureAt(const SentenceFacts& f, Span span) {
  return std::any_of(f.figures.begin(), f.figures.end(),
                     [&](const Figure& g) { return g.span == span; });
}

// A place named right after token `t` ("in Amara", "near Kut").
bool PlaceAfter(const SentenceFacts& f, uint32_t t) {
  if (t + 1 >= f.toks.size()) return false;
  const std::string& w = f.toks[t].norm;
  if (w != "in"sv && w != "at"sv && w != "near"sv) return false;
  uint32_t start = f.toks[t + 1].span.begin;
  return std::any_of(f.places.begin(), f.places.end(),
                     [&](const PlaceMention& p) {
                       return p.span.begin == start && !p.demonym;
                     });
}

}  // namespace

void BindElliptical(SentenceFacts* f) {
  for (const QuantityAt& qa : f->quantities) {
    if (qa.tok_begin == 0 || qa.q.qualifier == "zero"sv ||
        HasFigureAt(*f, qa.q.span) || !PlaceAfter(*f, qa.tok_end)) {
      continue;
    }
    const std::string& before = f->toks[qa.tok_begin - 1].norm;
    if (before != "and"sv && before != ","sv) continue;
    const Figure* prev = FigureBefore(*f, qa.q.span.begin);
    if (!prev) continue;
    // The count before must be told at a place too ("four in Basra").
    uint32_t prev_end = f->TokAt(prev->span.end);
    bool placed = false;
    for (uint32_t t = prev_end; t < qa.tok_begin && t < prev_end + 4; ++t) {
      placed |= PlaceAfter(*f, t);
    }
    if (!placed) continue;
    AddFigure(f, MakeFigure(qa.q, prev->outcome, prev->victims));
  }
}

}  // namespace sitrep::figures_internal
