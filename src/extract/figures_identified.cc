// "A grenade exploded outside a bakery. The injured were identified as Pedro
// Santos and Ramon Reyes": the victims of an outcome named one by one, in an
// article that told no count of it, are counted by their names. Part of the
// figure binder (BindIdentifiedTold in figures_internal.h).
#include <string>

#include "extract/figures_internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep::figures_internal {
namespace {

// How many names follow at `k` ("A, B and C", "A, and B"); a name is a run
// of tokens opening with a capital, up to a comma, "and" or the end.
int64_t CountNames(const SentenceFacts& f, uint32_t k) {
  const uint32_t n = f.toks.size();
  int64_t names = 0;
  while (k < n && f.toks[k].cap && !f.toks[k].punct && !IsQuantityTok(f, k)) {
    ++names;
    while (k < n && !f.toks[k].punct && f.toks[k].norm != "and"sv) ++k;
    // "Tarulata Sarkar (70)": an age in brackets.
    if (k + 2 < n && f.toks[k].norm == "("sv && f.toks[k + 2].norm == ")"sv) {
      k += 3;
    }
    if (k < n && f.toks[k].norm == ","sv) ++k;
    if (k < n && f.toks[k].norm == "and"sv) ++k;
    if (k < n && f.toks[k].punct) break;
  }
  return k >= n || f.toks[k].punct ? names : 0;
}

// The names counted after "The injured were identified as" opening the
// sentence, for outcome `o`; 0 when the sentence is not so.
int64_t IdentifiedNames(const SentenceFacts& f, const Hit& o) {
  auto at = [&](uint32_t k) -> const std::string& {
    static const std::string kNone;
    return k < f.toks.size() ? f.toks[k].norm : kNone;
  };
  if (o.begin != 1 || (at(0) != "the"sv && at(0) != "those"sv)) return 0;
  uint32_t k = o.end;
  if (at(k) != "were"sv && at(k) != "was"sv) return 0;
  if (at(k + 1) != "identified"sv || at(k + 2) != "as"sv) return 0;
  return CountNames(f, k + 3);
}

bool Told(const std::vector<SentenceFacts>& ss, size_t i, Outcome outcome) {
  for (size_t j = 0; j <= i; ++j) {
    for (const auto& g : ss[j].figures) {
      if (g.outcome == outcome && g.count.value() > 0) return true;
    }
  }
  return false;
}

}  // namespace

void BindIdentifiedTold(const Lexicon& lex, std::vector<SentenceFacts>* ss) {
  std::vector<Hit> outcomes;  // one buffer for the article's sentences
  for (size_t i = 1; i < ss->size(); ++i) {
    SentenceFacts& f = (*ss)[i];
    HitsInto(lex, f, LexKind::kOutcome, &outcomes);
    for (const Hit& o : outcomes) {
      if (o.e->outcome != Outcome::kKilled &&
          o.e->outcome != Outcome::kInjured) {
        continue;
      }
      int64_t n = IdentifiedNames(f, o);
      if (n == 0 || Told(*ss, i, o.e->outcome)) continue;
      Quantity q;
      q.span = {f.toks[0].span.begin, f.toks[o.end - 1].span.end};
      q.count = Count{n, n, n};
      q.qualifier = "named";
      AddFigure(&f, MakeFigure(q, o.e->outcome, "named people"));
    }
  }
}

}  // namespace sitrep::figures_internal
