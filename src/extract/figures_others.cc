// "Colonel Ali Khan, the district police chief, and two other officers were
// killed" (3), "a local commander and his son were shot dead" (2),
// "killing the police chief, Ali Khan and two other officers" (3): one
// person and then "and" an others item. Part of the figure binder
// (BindOneAndOthers in figures_internal.h).
#include <set>
#include <string>

#include "extract/figures_internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep::figures_internal {
namespace {

bool Auxiliary(const std::string& w) {
  return w == "were"sv || w == "was"sv || w == "been"sv || w == "had"sv ||
         w == "have"sv || w == "has"sv;
}

// The item after "and" at `a` up to `e` (exclusive): "his son", "his two
// guards", "two other police officers", "three others". How many people
// it counts, or 0 when it is no such item. With `names`, a name is one
// person too (a subject, not "killed an officer of the Department of
// Environment and Natural Resources").
int64_t OthersItem(const SentenceFacts& f, uint32_t a, uint32_t e, bool names) {
  static const Words& kMore = WordSet("more");
  uint32_t j = a + 1;
  bool poss =
      j < e && (f.toks[j].norm == "his"sv || f.toks[j].norm == "her"sv ||
                f.toks[j].norm == "their"sv);
  if (poss) ++j;
  int64_t n = 1;
  const QuantityAt* q = j < e ? QuantityStarting(f, j) : nullptr;
  if (q) {
    if (q->q.qualifier != "exact"sv || q->q.implausible) return 0;
    n = q->q.count.value();
    j = q->tok_end;
  }
  // "two more" may be one quantity.
  bool more = q && kMore.count(f.toks[j - 1].norm) > 0;
  if (j < e && kMore.count(f.toks[j].norm) > 0) {
    more = true;
    ++j;
  }
  // "his bodyguard, Fazl Mahmood,": who the item is, named after it.
  if (poss && e > j + 3 && f.toks[e - 1].norm == ","sv) {
    uint32_t c = j;
    while (c < e && !f.toks[c].punct) ++c;
    bool name = c + 2 < e && f.toks[c].norm == ","sv;
    for (uint32_t k = c + 1; name && k + 1 < e; ++k) name = f.toks[k].cap;
    if (name) e = c;
  }
  if (j >= e || e - j > 3) return 0;
  // "Mir Ali and Naseer were killed": a name is one person.
  bool name = names && !poss && !q;
  for (uint32_t k = j; name && k < e; ++k) name = f.toks[k].cap;
  if (name && f.toks[a - 1].cap) return 1;
  bool others = e - j == 1 && f.toks[e - 1].norm == "others"sv;
  if (!poss && !((more || others) && q)) return 0;
  for (uint32_t k = j; k < e; ++k) {
    if (f.toks[k].punct || f.toks[k].cap || IsQuantityTok(f, k)) return 0;
  }
  // "his sons": an unstated number.
  const std::string& head = f.toks[e - 1].norm;
  if (!q && head.size() > 3 && head.back() == 's') return 0;
  return n;
}

// Whether the words before "and" at `a` tell one person: some words back to
// the sentence start or ";", with no count, outcome or auxiliary among them
// ("a soldier was killed, and two others were hurt" tells another clause).
bool OneBefore(const std::vector<Hit>& outcomes, const SentenceFacts& f,
               uint32_t a, uint32_t* from) {
  uint32_t k = a;
  while (k > 0 && a - k < 25) {
    const Tok& t = f.toks[k - 1];
    if (t.norm == ";"sv || t.norm == ":"sv || t.norm == "."sv) break;
    bool outcome = false;
    for (const auto& o : outcomes) outcome |= o.begin <= k - 1 && k - 1 < o.end;
    if (outcome || IsQuantityTok(f, k - 1) || t.norm == "and"sv ||
        Auxiliary(t.norm)) {
      return false;
    }
    --k;
  }
  *from = k;
  return k < a;
}

}  // namespace

namespace {

// Replaces the figures of outcome `o` told from token `from` to `end` by
// one of `n` + 1 people ("X and n others"), unless one counts more.
void ReplaceOneAndOthers(const Hit& o, uint32_t from, uint32_t end, int64_t n,
                         SentenceFacts* f) {
  const Span region{f->toks[from].span.begin, f->toks[end - 1].span.end};
  auto inside = [&](const Figure& g) {
    return g.outcome == o.e->outcome && g.span.begin >= region.begin &&
           g.span.end <= region.end;
  };
  Figure fig;
  for (const auto& g : f->figures) {
    if (!inside(g)) continue;
    if (g.count.value() > n) return;
    if (fig.victims.empty()) fig.victims = g.victims;
  }
  std::erase_if(f->figures, inside);
  fig.outcome = o.e->outcome;
  fig.qualifier = "exact";
  fig.count = Count{n + 1, n + 1, n + 1};
  fig.span = region;
  f->figures.push_back(std::move(fig));
}

// "killing the police chief, Ali Khan and two other officers": the object
// of an active verb, one person and then "and" an others item. False when
// the object is no such list.
bool ObjectOneAndOthers(const std::vector<Hit>& outcomes, const Hit& o,
                        SentenceFacts* f) {
  const uint32_t size = f->toks.size();
  auto outcome_at = [&](uint32_t k) {
    for (const auto& h : outcomes) {
      if (h.begin <= k && k < h.end) return true;
    }
    return false;
  };
  // Active: not "was killed instantly and his passenger ...", nor
  // "leaving ten killed, including ...".
  uint32_t v = o.begin;
  while (v > 0 && Adverb(f->toks[v - 1].norm)) --v;
  if (v == 0 || Auxiliary(f->toks[v - 1].norm) || o.end >= size ||
      f->toks[o.end].punct) {
    return false;
  }
  // "killing officer Ali Khan, two other soldiers and ...": a comma before
  // a counted others item ("two other", "three more") joins it too.
  auto counted_after = [&](uint32_t k) {
    return k + 2 < size && f->toks[k].norm == ","sv &&
           QuantityStarting(*f, k + 1) != nullptr;
  };
  uint32_t a = o.end;
  for (; a < size && a < o.end + 15 && f->toks[a].norm != "and"sv &&
         !counted_after(a);
       ++a) {
    const std::string& w = f->toks[a].norm;
    if (w == "."sv || w == ";"sv || w == ":"sv || w == "including"sv ||
        Auxiliary(w) || IsQuantityTok(*f, a) || outcome_at(a)) {
      return false;
    }
  }
  if (a == o.end || a >= size ||
      (f->toks[a].norm != "and"sv && !counted_after(a))) {
    return false;
  }
  uint32_t e = a + 1;
  while (e < size && e < a + 8 && !outcome_at(e) &&
         !Auxiliary(f->toks[e].norm) &&
         (!f->toks[e].punct || f->toks[e].norm == "-"sv) &&
         f->toks[e].norm != "and"sv) {
    ++e;
  }
  // "... and his passenger, Ali Khan, was wounded": another clause.
  for (uint32_t k = e; k < size && k < e + 6 && f->toks[k].norm != "."sv; ++k) {
    if (Auxiliary(f->toks[k].norm)) return false;
  }
  int64_t n = OthersItem(*f, a, e, false);
  if (n == 0) return false;
  ReplaceOneAndOthers(o, o.begin, e, n, f);
  return true;
}

}  // namespace

void BindOneAndOthers(const std::vector<Hit>& outcomes, SentenceFacts* f) {
  for (const auto& o : outcomes) {
    if (o.e->form != OutcomeForm::kVerb ||
        (o.e->outcome != Outcome::kKilled &&
         o.e->outcome != Outcome::kInjured)) {
      continue;
    }
    if (ObjectOneAndOthers(outcomes, o, f)) continue;
    uint32_t k = o.begin;
    while (k > 0 && Adverb(f->toks[k - 1].norm)) --k;
    if (k < 3 || f->toks[k - 1].norm != "were"sv) continue;
    const uint32_t e = k - 1;
    uint32_t a = e;
    while (a > 0 && e - a < 10 && f->toks[a - 1].norm != "and"sv) --a;
    if (a == 0 || f->toks[a - 1].norm != "and"sv) continue;
    --a;
    int64_t n = OthersItem(*f, a, e, true);
    uint32_t from = 0;
    if (n == 0 || !OneBefore(outcomes, *f, a, &from)) continue;
    ReplaceOneAndOthers(o, from, o.end, n, f);
  }
}

}  // namespace sitrep::figures_internal
