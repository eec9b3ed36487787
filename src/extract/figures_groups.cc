// Counts told against other counts: a part of a group already counted
// ("two of the wounded"), counts joined by "," or "and" sharing an outcome
// ("six militants, two soldiers and a civilian were killed"), stated zeros,
// and the wounded who later died. Part of the figure binder (figures.cc).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "extract/figures_internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep {
namespace figures_internal {
// The group after "of the" names people already counted by an outcome
// ("the wounded", "the dead", "the victims"), not a group told otherwise.
bool CountedOutcome(const SentenceFacts& f, uint32_t k) {
  static const Words& counted = WordSet("counted");
  return counted.count(f.toks[k].norm) > 0;
}

// "Two of the wounded", "12 of them", "including four children": a part of
// a group already counted, not a new count.
bool Subset(const SentenceFacts& f, const QuantityAt& qa) {
  uint32_t e = qa.tok_end;
  if (e + 1 < f.toks.size() && f.toks[e].norm == "of"sv) {
    const std::string& w = f.toks[e + 1].norm;
    if (w == "them"sv || w == "whom"sv || w == "those"sv) return true;
    // "two of the wounded" is a subset; "four of the hostages were killed"
    // counts the dead among a group told by another outcome, or none.
    if (w == "the"sv && e + 2 < f.toks.size()) {
      return CountedOutcome(f, e + 2);
    }
  }
  for (uint32_t k = qa.tok_begin; k > 0 && qa.tok_begin - k < 2; --k) {
    const std::string& w = f.toks[k - 1].norm;
    if (w == "including"sv || w == "among"sv) return true;
  }
  return false;
}

// "fired at three villagers, injuring all three": a bare count after "all"
// restates the group already counted.
bool AllOfTold(const std::vector<Hit>& outcomes, const SentenceFacts& f,
               const QuantityAt& qa) {
  if (qa.tok_begin == 0 || f.toks[qa.tok_begin - 1].norm != "all"sv ||
      NounPhraseEnd(outcomes, f, qa.tok_end) != qa.tok_end) {
    return false;
  }
  for (const auto& p : f.quantities) {
    if (p.tok_end < qa.tok_begin && p.q.count.value() == qa.q.count.value()) {
      return true;  // "All 3 were killed" alone is a count
    }
  }
  return false;
}

const Figure* FigureAt(const SentenceFacts& f, Span span) {
  for (const auto& g : f.figures) {
    if (g.span == span) return &g;
  }
  return nullptr;
}

// Only "," and "and" (and a trailing group noun) between two counts.
bool Joined(const SentenceFacts& f, uint32_t from, uint32_t to) {
  if (to <= from || to - from > 3) return false;
  for (uint32_t k = from; k < to; ++k) {
    const std::string& w = f.toks[k].norm;
    if (w != ","sv && w != "and"sv && w != "militants"sv && w != "fighters"sv) {
      return false;
    }
  }
  return true;
}

// Who a count counts, as a victim class: the actor named right after it,
// else the head noun of its phrase ("volunteers"); "" for none or things.
std::string CountedGroup(const std::vector<Hit>& outcomes,
                         const std::vector<Hit>& actors, const SentenceFacts& f,
                         const QuantityAt& qa) {
  if (const Hit* v = VictimAfter(actors, f, qa.tok_end)) {
    return v->e->actor_class;
  }
  uint32_t end = NounPhraseEnd(outcomes, f, qa.tok_end);
  if (end == qa.tok_end || Things().count(f.toks[end - 1].norm)) return "";
  return f.toks[end - 1].norm;
}

// "six militants, two soldiers and a civilian were killed": a count joined
// by "," or "and" to a bound count shares its outcome.
void BindCoordinated(const std::vector<Hit>& outcomes,
                     const std::vector<Hit>& actors, SentenceFacts* f) {
  for (size_t i = f->quantities.size(); i-- > 0;) {
    const QuantityAt& qa = f->quantities[i];
    if (qa.q.qualifier == "zero"sv || FigureAt(*f, qa.q.span) ||
        i + 1 >= f->quantities.size()) {
      continue;
    }
    const QuantityAt& next = f->quantities[i + 1];
    const Figure* bound = FigureAt(*f, next.q.span);
    const Hit* victim = VictimAfter(actors, *f, qa.tok_end);
    if (!bound || !victim || !Joined(*f, victim->end, next.tok_begin)) continue;
    AddFigure(f, MakeFigure(qa.q, bound->outcome, victim->e->actor_class));
  }
  // "Ten police officers and a civilian were killed": one more victim.
  for (const auto& qa : f->quantities) {
    const Figure* bound = FigureAt(*f, qa.q.span);
    const Hit* victim = VictimAfter(actors, *f, qa.tok_end);
    if (!bound || !victim || victim->end + 2 >= f->toks.size()) continue;
    uint32_t k = victim->end;
    if (f->toks[k].norm != "and"sv ||
        (f->toks[k + 1].norm != "a"sv && f->toks[k + 1].norm != "an"sv)) {
      continue;
    }
    const Hit* other = VictimAfter(actors, *f, k + 2);
    if (!other || other->e->actor_class == victim->e->actor_class) continue;
    Quantity one;
    one.span = {f->toks[k + 1].span.begin, f->toks[other->end - 1].span.end};
    one.count = Count{1, 1, 1};
    one.qualifier = "single";
    AddFigure(f, MakeFigure(one, bound->outcome, other->e->actor_class));
  }
  // "killing three soldiers and two civilians": forwards too.
  for (size_t i = 1; i < f->quantities.size(); ++i) {
    const QuantityAt& qa = f->quantities[i];
    const QuantityAt& prev = f->quantities[i - 1];
    if (qa.q.qualifier == "zero"sv || FigureAt(*f, qa.q.span)) continue;
    const Figure* bound = FigureAt(*f, prev.q.span);
    if (!bound || Subset(*f, qa)) continue;
    // "wounded 10 police officers, 5 soldiers, 4 defence volunteers and 3
    // civilians": each count names its own group of people.
    std::string group = CountedGroup(outcomes, actors, *f, qa);
    uint32_t prev_end = NounPhraseEnd(outcomes, *f, prev.tok_end);
    if (const Hit* v = VictimAfter(actors, *f, prev.tok_end)) {
      prev_end = std::max(prev_end, v->end);
    }
    if (group.empty() || prev_end == prev.tok_end ||
        !Joined(*f, prev_end, qa.tok_begin)) {
      continue;
    }
    // Groups of one list add up only when told apart: "4 defence volunteers
    // and 3 civilians" are "volunteers" and "civilians".
    for (const auto& g : f->figures) {
      if (g.outcome == bound->outcome && g.victims == group) {
        group = f->toks[NounPhraseEnd(outcomes, *f, qa.tok_end) - 1].norm;
      }
    }
    AddFigure(f, MakeFigure(qa.q, bound->outcome, group));
  }
}

// "fatalities coded as 0", "death toll: zero".
void BindStatedZero(const std::vector<Hit>& outcomes, const QuantityAt& qa,
                    SentenceFacts* f) {
  const Hit* o = OutcomeBefore(outcomes, *f, qa.tok_begin);
  if (o && o->e->form == OutcomeForm::kNoun) {
    AddFigure(f, MakeFigure(qa.q, o->e->outcome, ""));
  }
}

// "wounding five, two of whom later died": part of the wounded died; the
// dead are counted (the wounded figure stays as told).
void BindDiedOfWounded(const std::vector<Hit>& outcomes, const QuantityAt& qa,
                       SentenceFacts* f) {
  bool wounded = false;
  for (const auto& g : f->figures) {
    wounded |= g.outcome == Outcome::kInjured && g.count.value() > 0;
  }
  if (!wounded) return;
  const Hit* o = OutcomeAfter(outcomes, *f, qa.tok_end, 5);
  if (o && o->e->outcome == Outcome::kKilled &&
      (o->e->form == OutcomeForm::kIntransitive ||
       o->e->form == OutcomeForm::kOne)) {
    AddFigure(f, MakeFigure(qa.q, Outcome::kKilled, ""));
  }
}

}  // namespace figures_internal
}  // namespace sitrep

namespace sitrep::figures_internal {
namespace {

// The token range [b, e) of figure `g`.
std::pair<uint32_t, uint32_t> FigureToks(const SentenceFacts& f,
                                         const Figure& g) {
  uint32_t b = f.TokAt(g.span.begin), e = b;
  while (e < f.toks.size() && f.toks[e].span.end <= g.span.end) ++e;
  return {b, std::max(e, b + 1)};
}

// How many victims the subject right before a died_of_wounds cue at `k`
// names: "both officers" 2, "he", "who", "the victim" 1; 0 for none.
int64_t DiedSubject(const SentenceFacts& f, uint32_t k) {
  for (uint32_t j = k; j > 0 && k - j < 4; --j) {
    const std::string& w = f.toks[j - 1].norm;
    if (w == "both"sv) return 2;
    if (w == "he"sv || w == "she"sv || w == "who"sv || w == "victim"sv)
      return 1;
    if (f.toks[j - 1].punct) break;
  }
  return 0;
}

// "the engineer died from his wounds" after "two women were injured": a
// common noun before the cue names someone other than the wounded told
// before; "he", "who", "both", "the victim", "two of the wounded", a name
// or a conjunction ("was injured and later died") point back to them, and
// so does "another" before the noun.
bool OtherSubject(const SentenceFacts& f, uint32_t k) {
  static const Words kBack = {"he",   "she",    "who",     "whom",    "both",
                              "they", "victim", "victims", "wounded", "injured",
                              "and",  "them",   "all"};
  while (k > 0 && Adverb(f.toks[k - 1].norm)) --k;
  if (k == 0) return false;
  const Tok& t = f.toks[k - 1];
  // "Another passenger succumbed": one more of the victims told.
  if (k >= 2 && f.toks[k - 2].norm == "another"sv) return false;
  return !t.punct && !t.cap && !kBack.count(t.norm) && !IsQuantityTok(f, k - 1);
}

}  // namespace

void MarkDiedOfWounds(const Lexicon& lex, SentenceFacts* f) {
  for (const auto& h : f->hits) {
    const LexEntry& x = lex.entry(h.payload);
    if (x.kind != LexKind::kCue || x.cue != Cue::kDiedOfWounds ||
        OtherSubject(*f, h.begin)) {
      continue;
    }
    bool marked = false, wounded_before = false, killed = false;
    for (auto& g : f->figures) {
      auto [b, e] = FigureToks(*f, g);
      // "later died from his injuries": two cues, one victim.
      if (g.qualifier == "later died"sv && b < h.end && h.begin < e) {
        marked = true;
      }
      if (g.outcome == Outcome::kInjured && g.count.value() > 0 &&
          e <= h.begin) {
        wounded_before = true;
      }
      if (g.outcome != Outcome::kKilled) continue;
      killed = true;
      // "he later died" (the figure is the phrase). "Five wounded, two of
      // whom later died" keeps the five: the text counts them as told.
      if (b < h.end && h.begin < e) {
        g.qualifier = "later died";
        marked = true;
      }
    }
    int64_t n = DiedSubject(*f, h.begin);
    if (marked || n == 0 || (killed && !wounded_before)) continue;
    Quantity q;
    q.span = {f->toks[h.begin].span.begin, f->toks[h.end - 1].span.end};
    q.count = Count{n, n, n};
    q.qualifier = "later died";
    Figure fig = MakeFigure(q, Outcome::kKilled, "");
    fig.adds = killed;
    f->figures.push_back(fig);
  }
}

}  // namespace sitrep::figures_internal

namespace sitrep::figures_internal {
namespace {

// A victim class that names no one in particular ("people", "others").
bool GenericVictims(const std::string& v) {
  return v.empty() || v == "people"sv || v == "persons"sv || v == "others"sv ||
         v == "individuals"sv || v == "civilians and others"sv;
}

}  // namespace

void DropBreakdowns(SentenceFacts* f) {
  for (size_t t = 0; t < f->figures.size(); ++t) {
    const Figure total = f->figures[t];
    if (total.count.value() <= 0 || !GenericVictims(total.victims)) continue;
    uint32_t end = FigureToks(*f, total).second;
    bool including = false;
    int64_t sum = 0;
    std::vector<size_t> parts;
    for (size_t p = 0; p < f->figures.size(); ++p) {
      const Figure& g = f->figures[p];
      if (p == t || g.outcome != total.outcome || g.adds ||
          g.span.begin < total.span.end || g.count.value() <= 0) {
        continue;
      }
      uint32_t b = FigureToks(*f, g).first;
      for (uint32_t k = end; k < b && k < f->toks.size(); ++k) {
        including |= f->toks[k].norm == "including"sv;
      }
      // "four people, three traders and a policeman, were hurt".
      including |= b > end && b <= end + 2 && f->toks[b - 1].norm == ","sv;
      sum += g.count.value();
      parts.push_back(p);
    }
    // "Five people, three civilians and two policemen, were wounded";
    // "18 people, including three soldiers and 15 civilians".
    if (parts.empty() || sum > total.count.value() ||
        (sum < total.count.value() && !including)) {
      continue;
    }
    for (size_t i = parts.size(); i-- > 0;) {
      f->figures.erase(f->figures.begin() + parts[i]);
    }
    return;
  }
}

}  // namespace sitrep::figures_internal

namespace sitrep::figures_internal {

void DropHypotheticalFigures(const Lexicon& lex,
                             const std::vector<Hit>& outcomes,
                             SentenceFacts* f) {
  for (const auto& h : f->hits) {
    const LexEntry& x = lex.entry(h.payload);
    if (x.kind != LexKind::kCue || x.cue != Cue::kHypothetical) continue;
    // "threatened to kill the workers", "tried to kill the deputy": the
    // outcome verb right after the cue (over "to") did not happen.
    uint32_t k = h.end;
    if (k < f->toks.size() && f->toks[k].norm == "to"sv) ++k;
    for (const auto& o : outcomes) {
      if (o.begin != k || o.e->form != OutcomeForm::kVerb) continue;
      uint32_t stop = o.end;
      while (stop < f->toks.size() && stop < o.end + 8 &&
             !f->toks[stop].punct) {
        ++stop;
      }
      std::erase_if(f->figures, [&](const Figure& g) {
        uint32_t b = f->TokAt(g.span.begin);
        return g.outcome == o.e->outcome && b >= o.begin && b < stop;
      });
    }
  }
}

// "and destroyed the car", "and remote detonated an explosive device": a
// clause of another verb (a past form before a determiner) after "and" at
// `k`, which ends the object.
bool VerbClauseAfter(const SentenceFacts& f, uint32_t k) {
  static const Words& kDeterminers = WordSet("determiner");
  for (uint32_t j = k + 1; j <= k + 2 && j + 1 < f.toks.size(); ++j) {
    const std::string& w = f.toks[j].norm;
    if (f.toks[j].cap || f.toks[j].punct) return false;
    if (w.size() > 4 && w.ends_with("ed") &&
        kDeterminers.count(f.toks[j + 1].norm) > 0) {
      return true;
    }
  }
  return false;
}

// Whether count `qa`, its phrase ending at `end`, is joined by "," or
// "and" to the count that follows it, which an outcome follows ("four
// police officers and 11 civilians were wounded").
bool JoinedToNext(const std::vector<Hit>& outcomes, const SentenceFacts& f,
                  uint32_t end) {
  for (const auto& next : f.quantities) {
    if (next.tok_begin < end) continue;
    if (!Joined(f, end, next.tok_begin)) return false;
    uint32_t after = NounPhraseEnd(outcomes, f, next.tok_end);
    return OutcomeAfter(outcomes, f, after, 7) != nullptr;
  }
  return false;
}

// "opened fire on the guards and wounded two of them": a count right
// after an outcome verb is its object, whatever group it is taken from.
bool VerbObject(const std::vector<Hit>& outcomes, const QuantityAt& qa) {
  return std::any_of(outcomes.begin(), outcomes.end(), [&](const Hit& o) {
    return o.e->form == OutcomeForm::kVerb && o.end == qa.tok_begin;
  });
}

// "A wounded officer died the next day": one person told both wounded and
// dead (one span, or the subject of the death; one count) is a wounded
// victim who died afterwards,
// counted once, as killed.
void MarkWoundedWhoDied(const Lexicon& lex, SentenceFacts* f) {
  auto& figs = f->figures;
  // The wounded word stands right before the victim ("a wounded officer"),
  // not in a clause of its own ("a councilor was wounded").
  auto wounded_before = [&](const Figure& g) {
    uint32_t at = f->TokAt(g.span.begin);
    return std::any_of(f->hits.begin(), f->hits.end(), [&](const auto& h) {
      const LexEntry& e = lex.entry(h.payload);
      return e.kind == LexKind::kOutcome && e.outcome == Outcome::kInjured &&
             h.end == at;
    });
  };
  for (auto& d : figs) {
    // ("No one was killed or injured" tells no one who died.)
    if (d.outcome != Outcome::kKilled || d.qualifier == "later died"sv ||
        d.count.value() <= 0) {
      continue;
    }
    auto same = [&](const Figure& g) {
      // ("a wounded boy | died in hospital": the subject right before.)
      bool subject = d.victims.empty() && g.span.end <= d.span.begin &&
                     d.span.begin - g.span.end <= 1;
      bool one = g.span.begin == d.span.begin && g.span.end == d.span.end;
      return g.outcome == Outcome::kInjured && (one || subject) &&
             g.count.value() == d.count.value() && wounded_before(g);
    };
    if (std::none_of(figs.begin(), figs.end(), same)) continue;
    d.qualifier = "later died";
    std::erase_if(figs, same);
    return;  // (`d` may have moved)
  }
}

}  // namespace sitrep::figures_internal
