// Binding single and named victims ("killing a soldier", "shot and killed
// Ahmed Yahya", "X was shot dead", "killing him") and marking counts that
// add to those told before ("two more died"). Part of BindFigures.
#include <algorithm>
#include <set>

#include "extract/figures_internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep::figures_internal {
namespace {

bool InPlace(const SentenceFacts& f, Span s) {
  for (const auto& p : f.places) {
    if (p.span.begin < s.end && s.begin < p.span.end) return true;
  }
  return false;
}

bool InDate(const SentenceFacts& f, Span s) {
  for (const auto& d : f.dates) {
    if (d.span.begin < s.end && s.begin < d.span.end) return true;
  }
  return false;
}

bool HasFigure(const SentenceFacts& f, Outcome o) {
  for (const auto& g : f.figures) {
    if (g.outcome == o) return true;
  }
  return false;
}

bool Singular(const LexEntry& e) {
  static const Words kCollective = {
      "police",          "military",  "army",   "militia",
      "gendarmerie",     "coalition", "people", "paramilitary",
      "taliban",         "hezbollah", "hamas",  "isis",
      "daesh",           "gang",      "cartel", "forces",
      "security forces", "women",     "men",    "children",
      "clergy",          "personnel", "staff"};
  if (e.actor_kind == ActorKind::kPerson ||
      e.actor_kind == ActorKind::kForeign) {
    return false;
  }
  const std::string& p = e.phrase;
  return !p.empty() && p.back() != 's' && !kCollective.count(p);
}

// A determiner within three tokens before token `pos`, over modifiers only
// ("a young man", not "the dead were women").
bool DeterminedAt(const SentenceFacts& f, uint32_t pos) {
  for (uint32_t k = pos; k > 0 && pos - k < 3; --k) {
    const Tok& t = f.toks[k - 1];
    if (Determiner(t.norm)) return true;
    if (t.punct || Fillers().count(t.norm)) return false;
  }
  return false;
}

// Whether the words from `k` up to the end of their noun phrase end on a
// plural noun ("the suspects"), or on a count; false for "the driver".
bool PluralHeadAfter(const std::vector<Hit>& outcomes, const SentenceFacts& f,
                     uint32_t k) {
  uint32_t head = k;
  for (uint32_t j = k; j < f.toks.size() && j < k + 6; ++j) {
    const Tok& t = f.toks[j];
    bool outcome = false;
    for (const auto& o : outcomes) outcome |= o.begin == j;
    if (t.punct || Preposition(t.norm) || t.norm == "and"sv || outcome ||
        IsQuantityTok(f, j)) {
      if (IsQuantityTok(f, j)) return true;  // "the two": counted already
      break;
    }
    head = j;
  }
  const std::string& w = f.toks[head].norm;
  return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's';
}

// "killed a conscript and a civilian worker": one victim per determiner in
// the object, up to the next comma or outcome word; 0 when none.
int64_t DeterminedObjects(const std::vector<Hit>& outcomes,
                          const SentenceFacts& f, uint32_t from) {
  int64_t n = 0;
  for (uint32_t k = from; k < f.toks.size() && k < from + 12; ++k) {
    const std::string& w = f.toks[k].norm;
    // "the mayor of Jere, Ali Musa, and his son".
    if ((w == ","sv || w == "of"sv) && n > 0) {
      return n + AndHisAfterApposition(outcomes, f, k);
    }
    if (f.toks[k].punct || Preposition(w)) break;
    if (w == "and"sv && VerbClauseAfter(f, k)) break;
    bool outcome = false;
    for (const auto& o : outcomes) outcome |= o.begin == k;
    if (outcome) break;
    // "an unknown number of soldiers" is no count.
    bool amount =
        k + 1 < f.toks.size() && Amounts().count(f.toks[k + 1].norm) > 0;
    // "injuring another passenger" (not "another 12 protesters").
    bool another = w == "another"sv && k + 1 < f.toks.size() &&
                   !IsQuantityTok(f, k) && !IsQuantityTok(f, k + 1);
    if ((w == "a"sv || w == "an"sv || another) && !amount) ++n;
    // "a Muslim couple": two people.
    if (w == "couple"sv && n > 0 &&
        (k + 1 == f.toks.size() || f.toks[k + 1].norm != "of"sv)) {
      ++n;
    }
    // "killed the district commissioner", "a policeman and his father".
    bool and_his = k > from && f.toks[k - 1].norm == "and"sv &&
                   (w == "his"sv || w == "her"sv);
    if ((w == "the"sv && k + 1 < f.toks.size() && !amount &&
         !PluralHeadAfter(outcomes, f, k + 1)) ||
        and_his) {
      ++n;
    }
  }
  return n;
}

// "was killed along with his son", "along with five other officers": the
// victims after "along with" at token `k`, 0 when none are told there.
int64_t AlongWith(const std::vector<Hit>& outcomes, const SentenceFacts& f,
                  uint32_t k) {
  if (k + 2 >= f.toks.size() || f.toks[k].norm != "along"sv ||
      f.toks[k + 1].norm != "with"sv) {
    return 0;
  }
  uint32_t j = k + 2;
  if (f.toks[j].norm == "his"sv || f.toks[j].norm == "her"sv) {
    if (j + 1 < f.toks.size() && IsQuantityTok(f, j + 1)) ++j;
  }
  for (const auto& q : f.quantities) {
    if (q.tok_begin == j) return q.q.count.value();
  }
  return DeterminedObjects(outcomes, f, k + 2) +
         (f.toks[j].norm == "his"sv || f.toks[j].norm == "her"sv);
}

}  // namespace

bool Determiner(const std::string& w) {
  return w == "a"sv || w == "an"sv || w == "one"sv || w == "the"sv ||
         w == "another"sv;
}

// Named people as victims, counted one each: "a drone strike killed
// Qassem Soleimani and Abu Mahdi al-Muhandis", "Soleimani ... was killed".
void BindNamedVictims(const std::vector<Hit>& outcomes,
                      const std::vector<Hit>& actors, SentenceFacts* f) {
  for (const auto& o : outcomes) {
    if (o.e->form != OutcomeForm::kVerb || HasFigure(*f, o.e->outcome))
      continue;
    std::vector<const Hit*> named;
    bool passive = (o.begin > 0 && (f->toks[o.begin - 1].norm == "was"sv ||
                                    f->toks[o.begin - 1].norm == "were"sv)) ||
                   f->toks[o.begin].norm == "was"sv ||
                   f->toks[o.begin].norm == "were"sv;
    for (const auto& a : actors) {
      if (a.e->actor_kind != ActorKind::kPerson) continue;
      bool object = !passive && a.begin >= o.end && a.begin < o.end + 12;
      bool subject = passive && a.end <= o.begin;
      if (object || subject) named.push_back(&a);
    }
    if (passive && named.size() > 1)
      named.erase(named.begin() + 1, named.end());
    if (named.empty()) {
      // "shot and killed Ahmed Abdallah Yahya": a name of two or more
      // capitalised words right after the verb is one person.
      uint32_t k = o.end, run = 0;
      while (k + run < f->toks.size() && f->toks[k + run].cap &&
             !f->toks[k + run].punct) {
        ++run;
      }
      uint32_t name_end = 0;
      if (uint32_t b = TitledNameAt(outcomes, *f, k, &name_end);
          !passive && b != k) {
        k = b;
        run = name_end - b;
      }
      // "shot and killed Munda." : one name word closing the clause.
      bool closes =
          run == 1 &&
          (k + 1 == f->toks.size() || f->toks[k + 1].punct ||
           f->toks[k + 1].norm == "and"sv || Preposition(f->toks[k + 1].norm));
      for (const auto& a : actors) closes &= a.begin != k;  // "Taliban."
      if (passive || (run < 2 && !closes) || InPlace(*f, f->toks[k].span) ||
          InDate(*f, f->toks[k].span)) {
        continue;
      }
      // "killed Ahmed Khan and his brother": one more.
      int64_t n = 1 + (k + run + 1 < f->toks.size() &&
                       f->toks[k + run].norm == "and"sv &&
                       (f->toks[k + run + 1].norm == "his"sv ||
                        f->toks[k + run + 1].norm == "her"sv));
      // "killed Ali Musa, a party leader, and his three guards".
      if (n == 1 && k + run < f->toks.size() &&
          f->toks[k + run].norm == ","sv) {
        n += AndHisAfterApposition(outcomes, *f, k + run);
      }
      Quantity q;
      q.span = {f->toks[k].span.begin, f->toks[k + run - 1].span.end};
      q.count = Count{n, n, n};
      q.qualifier = "named";
      AddFigure(f, MakeFigure(q, o.e->outcome, "named people"));
      continue;
    }
    Quantity q;
    q.span = {f->toks[named.front()->begin].span.begin,
              f->toks[named.back()->end - 1].span.end};
    int64_t n = static_cast<int64_t>(named.size());
    if (passive) n += AlongWith(outcomes, *f, o.end);
    q.count = Count{n, n, n};
    q.qualifier = "named";
    AddFigure(f, MakeFigure(q, o.e->outcome, named.front()->e->actor_class));
  }
}

namespace {

bool PronounObject(const SentenceFacts& f, const Hit& o) {
  if (o.e->form != OutcomeForm::kVerb || o.end >= f.toks.size()) return false;
  const std::string& w = f.toks[o.end].norm;
  if (w == "another"sv) {
    return o.end + 1 == f.toks.size() || f.toks[o.end + 1].punct ||
           f.toks[o.end + 1].norm == "and"sv;
  }
  return w == "him"sv || w == "her"sv || w == "his"sv || w == "himself"sv ||
         w == "herself"sv;
}

// How many victims the object of outcome verb `o` counts one by one: "a
// conscript and a civilian" 2, "killing him" 1, 0 when it names none.
int64_t ObjectVictims(const std::vector<Hit>& outcomes,
                      const std::vector<Hit>& actors, const SentenceFacts& f,
                      const Hit& o) {
  if (o.e->form != OutcomeForm::kVerb) return 0;
  if (int64_t group = GroupPronounObject(f, o); group > 0) return group;
  if (PronounObject(f, o)) return 1;
  int64_t objects = DeterminedObjects(outcomes, f, o.end);
  if (objects != 1) return objects;
  // "killed a Muttahida Qaumi Movement (MQM) activist": one determiner and
  // a victim noun in the object, however long the name between.
  for (const auto& a : actors) {
    if (a.begin > o.end && a.begin < o.end + 12 &&
        !HasWordBetween(f, o.end, a.begin, ",")) {
      return 1;
    }
  }
  // "killing a vendor": a noun right after the determiner is a victim
  // unless it is a thing or an amount ("a number of").
  const std::string& det = f.toks[o.end].norm;
  bool noun =
      o.end + 1 < f.toks.size() &&
      (det == "a"sv || det == "an"sv || det == "the"sv || det == "another"sv) &&
      !f.toks[o.end + 1].punct && !Things().count(f.toks[o.end + 1].norm) &&
      !Amounts().count(f.toks[o.end + 1].norm);
  return noun ? 1 : 0;
}

// "the body of a journalist was found": one dead.
bool BindBodyOf(const Hit& o, SentenceFacts* f) {
  // "the body of a journalist", "the body of Pudo was found" (not "the
  // Body of Investigations", an office).
  if (o.e->phrase != "body of"sv || HasFigure(*f, o.e->outcome) ||
      o.end >= f->toks.size() || f->toks[o.begin].cap) {
    return false;
  }
  uint32_t k = o.end;
  while (k < f->toks.size() && k < o.end + 4 && f->toks[k].cap &&
         !f->toks[k].punct) {
    ++k;
  }
  bool name =
      k > o.end && (k == f->toks.size() || f->toks[k].norm == "was"sv ||
                    f->toks[k].norm == ","sv || f->toks[k].norm == "."sv);
  if (f->toks[o.end].norm != "a"sv && f->toks[o.end].norm != "an"sv && !name) {
    return false;
  }
  Quantity q;
  q.span = {f->toks[o.begin].span.begin, f->toks[o.end].span.end};
  q.count = Count{1, 1, 1};
  q.qualifier = "single";
  AddFigure(f, MakeFigure(q, o.e->outcome, ""));
  return true;
}

// "a soldier was killed", "killing a policeman": a singular victim noun
// with a determiner, as subject over fillers or right after the verb.
void BindDeterminedActor(const std::vector<Hit>& actors, const Hit& o,
                         SentenceFacts* f) {
  for (const auto& a : actors) {
    if (!Singular(*a.e) || !DeterminedAt(*f, a.begin)) continue;
    bool object = a.begin >= o.end && a.begin <= o.end + 3;
    bool subject = false;
    if (a.end <= o.begin && o.begin - a.end <= 4) {
      subject = true;
      for (uint32_t k = a.end; k < o.begin; ++k) {
        if (!Fillers().count(f->toks[k].norm)) subject = false;
      }
    }
    if (!object && !subject) continue;
    Quantity q;
    q.span = {f->toks[a.begin].span.begin, f->toks[a.end - 1].span.end};
    q.count = Count{1, 1, 1};
    q.qualifier = "single";
    AddFigure(f, MakeFigure(q, o.e->outcome, a.e->actor_class));
    return;
  }
}

// "a policeman and his wife were killed": victims counted one by one in a
// subject joined by "and", before the "were" at token `aux`; 0 when none.
int64_t CoordinatedSubject(const std::vector<Hit>& outcomes,
                           const SentenceFacts& f, uint32_t aux) {
  uint32_t from = aux;
  bool joined = false;
  while (from > 0 && aux - from < 8) {
    const Tok& t = f.toks[from - 1];
    if (t.punct || IsQuantityTok(f, from - 1)) break;
    joined |= t.norm == "and"sv;
    --from;
  }
  if (!joined || from == aux) return 0;
  // "a bomb exploded and the victims were killed": a verb makes a clause.
  for (uint32_t k = from + 1; k < aux; ++k) {
    const std::string& w = f.toks[k].norm;
    const std::string& prev = f.toks[k - 1].norm;
    if (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0 &&
        !Determiner(prev) && prev != "his"sv && prev != "her"sv) {
      return 0;
    }
  }
  // "He and his bodyguard were wounded": the pronoun is one more.
  bool pronoun = f.toks[from].norm == "he"sv || f.toks[from].norm == "she"sv;
  return DeterminedObjects(outcomes, f, from) + (pronoun ? 1 : 0);
}

// Capitalised name words ending right before token `end`, over no
// punctuation: the first token of the run, or `end` when none.
uint32_t NameRunBefore(const SentenceFacts& f, uint32_t end) {
  static const Words kNotNames = {
      "he",   "she",    "they",   "it", "many", "others",  "all", "both",
      "some", "police", "troops", "we", "most", "several", "one", "two"};
  uint32_t k = end;
  while (k > 0 && f.toks[k - 1].cap && !f.toks[k - 1].punct &&
         !kNotNames.count(f.toks[k - 1].norm) && end - k < 4) {
    --k;
  }
  return k;
}

// "Jamal and Khan died", "Berkhamov later died": named people as the
// subject of an intransitive death, one each. Returns whether bound.
bool BindNamedSubject(const std::vector<Hit>& actors, const Hit& o,
                      SentenceFacts* f) {
  if (o.e->form != OutcomeForm::kIntransitive &&
      o.e->form != OutcomeForm::kOne) {
    return false;
  }
  uint32_t end = o.begin;
  while (end > 0 && o.begin - end < 2 && Adverb(f->toks[end - 1].norm)) --end;
  uint32_t first = NameRunBefore(*f, end);
  if (first == end) return false;
  int64_t n = 1;
  if (first >= 2 && f->toks[first - 1].norm == "and"sv) {
    uint32_t other = NameRunBefore(*f, first - 1);
    if (other < first - 1) {
      first = other;
      n = 2;
    }
  }
  for (uint32_t k = first; k < end; ++k) {
    if (InPlace(*f, f->toks[k].span) || InDate(*f, f->toks[k].span)) {
      return false;
    }
    for (const auto& a : actors) {
      if (a.begin <= k && k < a.end && a.e->actor_kind != ActorKind::kPerson) {
        return false;  // "the Taliban died": a group, not one person
      }
    }
  }
  Quantity q;
  q.span = {f->toks[first].span.begin, f->toks[o.end - 1].span.end};
  q.count = Count{n, n, n};
  q.qualifier = "named";
  AddFigure(f, MakeFigure(q, o.e->outcome, "named people"));
  return true;
}

}  // namespace

// One unnamed victim: "a man was shot to death", "killing a soldier",
// "X was shot and killed".
void BindSingleVictims(const std::vector<Hit>& outcomes,
                       const std::vector<Hit>& actors, SentenceFacts* f) {
  for (const auto& o : outcomes) {
    if (BindBodyOf(o, f)) continue;
    if (o.e->form == OutcomeForm::kNoun || HasFigure(*f, o.e->outcome))
      continue;
    if (BindNamedSubject(actors, o, f)) continue;
    if (o.e->form == OutcomeForm::kOne) {  // "he later died of his wounds"
      Quantity q;
      q.span = {f->toks[o.begin].span.begin, f->toks[o.end - 1].span.end};
      q.count = Count{1, 1, 1};
      q.qualifier = "single";
      AddFigure(f, MakeFigure(q, o.e->outcome, ""));
      continue;
    }
    int64_t objects = ObjectVictims(outcomes, actors, *f, o);
    // "was killed", "was also seriously injured".
    uint32_t aux = o.begin;
    while (aux > 0 && aux + 3 > o.begin && Adverb(f->toks[aux - 1].norm)) --aux;
    // "was killed"; "one was shot dead and another injured".
    // "was found dead": the auxiliary inside the phrase.
    bool was = (aux > 0 && (f->toks[aux - 1].norm == "was"sv ||
                            f->toks[aux - 1].norm == "another"sv)) ||
               f->toks[o.begin].norm == "was"sv;
    // "was stabbed and wounded", "was also shot and seriously injured".
    if (!was && aux >= 3 && f->toks[aux - 1].norm == "and"sv &&
        o.e->form == OutcomeForm::kVerb) {
      uint32_t k = aux - 2;  // the first participle
      while (k > 0 && Adverb(f->toks[k - 1].norm)) --k;
      was = k > 0 && !f->toks[aux - 2].punct && f->toks[k - 1].norm == "was"sv;
      if (was) aux = k;
    }
    // "leaving him injured": one victim left so; "four people ... leaving
    // them wounded": the one count told before.
    if (objects == 0 && o.begin >= 2 &&
        (f->toks[o.begin - 2].norm == "leaving"sv ||
         f->toks[o.begin - 2].norm == "left"sv)) {
      const std::string& w = f->toks[o.begin - 1].norm;
      if (w == "him"sv || w == "her"sv) objects = 1;
      if (w == "them"sv) objects = OnlyCountBefore(*f, o.begin);
    }
    // "a dog was injured": no person.
    if (was && aux > 1 && Things().count(f->toks[aux - 2].norm)) continue;
    if (objects == 0 && aux > 0 && f->toks[aux - 1].norm == "were"sv) {
      objects = CoordinatedSubject(outcomes, *f, aux - 1);
      if (objects == 0) objects = BothSubject(*f, aux - 1, o.begin);
    }
    // "A policeman was killed": the determined subject names the victim
    // (unless others died along with him: counted below).
    bool pronoun = aux > 1 && (f->toks[aux - 2].norm == "he"sv ||
                               f->toks[aux - 2].norm == "she"sv);
    int64_t along = was && !pronoun ? AlongWith(outcomes, *f, o.end) : 0;
    if (objects == 0 && along == 0) {
      BindDeterminedActor(actors, o, f);
      if (HasFigure(*f, o.e->outcome)) continue;
      if (!was) {
        BindBareSubject(o, f);
        continue;
      }
    }
    // "He was killed along with ...": a pronoun goes back to a victim told
    // before, with whoever died beside him; the count was told there.
    int64_t n = std::max<int64_t>(objects, 1) + along;
    Quantity q;
    q.span = f->toks[o.begin].span;
    q.count = Count{n, n, n};
    q.qualifier = "single";
    // "blew himself up, killing himself": the attacker, counted once.
    bool self = o.end < f->toks.size() && (f->toks[o.end].norm == "himself"sv ||
                                           f->toks[o.end].norm == "herself"sv);
    AddFigure(f, MakeFigure(q, o.e->outcome, self ? "attackers" : ""));
  }
}

// "His three guards were also killed", "two more died", "another soldier",
// "five others were wounded": counts on top of those told before.
void MarkAdditions(SentenceFacts* f) {
  bool also = false, apart = false;
  for (const auto& t : f->toks) {
    also |= t.norm == "also"sv || t.norm == "additionally"sv;
    // "Another 12 were killed in a separate clash": another incident.
    apart |= t.norm == "separate"sv || t.norm == "elsewhere"sv;
  }
  if (apart) return;
  for (auto& g : f->figures) {
    if (g.count.value() <= 0) continue;
    uint32_t b = f->TokAt(g.span.begin);
    uint32_t e = b;
    while (e < f->toks.size() && f->toks[e].span.end <= g.span.end) ++e;
    bool before = false, after = false;
    for (uint32_t k = b > 2 ? b - 2 : 0; k < b; ++k) {
      const std::string& w = f->toks[k].norm;
      before |= w == "another"sv || w == "further"sv || w == "additional"sv;
    }
    // "another" inside the figure's own words: "another soldier"; or
    // opening its sentence: "Another civilian, Nihoh, was killed when ...".
    before |= (b < f->toks.size() && f->toks[b].norm == "another"sv) ||
              (!f->toks.empty() && f->toks[0].norm == "another"sv);
    if (e < f->toks.size()) {
      const std::string& w = f->toks[e].norm;
      after = w == "more"sv || w == "others"sv || w == "other"sv ||
              w == "additional"sv;
    }
    g.adds = also || before || after;
  }
}

}  // namespace sitrep::figures_internal
