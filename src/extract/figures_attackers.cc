// "Four soldiers were killed ... and the bomber was killed as well", "The
// blast killed the governor ... and killed the suicide bomber": the
// attacker's own death told beside his victims' is one more dead (GTD and
// ACLED count perpetrators), a figure of its own class ("attackers") that
// sums with theirs. Part of the figure binder (BindAttackerKilled in
// figures_internal.h).
#include <string>

#include "extract/figures_internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep::figures_internal {
namespace {

// Whether "the [suicide] bomber" (an `attacker` word) spans [b, e).
bool TheAttacker(const SentenceFacts& f, uint32_t b, uint32_t e) {
  static const Words& kAttacker = WordSet("attacker");
  if (e <= b + 1 || f.toks[b].norm != "the"sv) return false;
  if (e == b + 3 && f.toks[b + 1].norm != "suicide"sv) return false;
  return e <= b + 3 && kAttacker.count(f.toks[e - 1].norm) > 0;
}

// The tokens of the attacker an outcome `o` tells killed, or {0, 0}:
// "the bomber was (also) killed", "killed the suicide bomber".
std::pair<uint32_t, uint32_t> AttackerOf(const SentenceFacts& f, const Hit& o) {
  uint32_t aux = o.begin;
  while (aux > 0 && aux + 3 > o.begin && Adverb(f.toks[aux - 1].norm)) --aux;
  if (aux > 0 && f.toks[aux - 1].norm == "was"sv) {
    for (uint32_t len = 2; len <= 3 && len < aux; ++len) {
      if (TheAttacker(f, aux - 1 - len, aux - 1)) return {aux - 1 - len, o.end};
    }
  }
  if (o.e->form != OutcomeForm::kVerb) return {0, 0};
  for (uint32_t len = 2; len <= 3; ++len) {
    const uint32_t e = o.end + len;
    if (e > f.toks.size() || !TheAttacker(f, o.end, e)) continue;
    // The object ends there: "killed the bomber." / "killed the bomber as".
    if (e == f.toks.size() || f.toks[e].punct || f.toks[e].norm == "as"sv) {
      return {o.begin, e};
    }
  }
  return {0, 0};
}

}  // namespace

void BindAttackerKilled(const std::vector<Hit>& outcomes, SentenceFacts* f) {
  for (const auto& o : outcomes) {
    if (o.e->outcome != Outcome::kKilled) continue;
    auto [b, e] = AttackerOf(*f, o);
    if (e == 0) continue;
    const Span span{f->toks[b].span.begin, f->toks[e - 1].span.end};
    bool others = false, told = false;
    for (const auto& g : f->figures) {
      if (g.outcome != Outcome::kKilled) continue;
      bool inside = g.span.begin < span.end && span.begin < g.span.end;
      told |= inside;
      others |= !inside && g.count.value() > 0;
    }
    // Alone, the attacker's death is told by the binder already.
    if (told || !others) continue;
    Quantity q;
    q.span = span;
    q.count = Count{1, 1, 1};
    q.qualifier = "single";
    AddFigure(f, MakeFigure(q, Outcome::kKilled, "attackers"));
  }
}

}  // namespace sitrep::figures_internal
