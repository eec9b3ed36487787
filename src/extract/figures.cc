// Binding quantities to outcomes: "at least 75 protesters were wounded",
// "gunmen shot dead two protesters", "three others died", "no casualties".
#include <algorithm>
#include <set>

#include "extract/analysis.h"

namespace sitrep {
namespace {

// Words that may stand between a count (or its victims) and the outcome:
// auxiliaries, adverbs, relative pronouns.
const std::set<std::string>& Fillers() {
  static const auto* s = new std::set<std::string>{
      "were",       "was",       "have",         "has",        "had",
      "been",       "are",       "is",           "be",         "being",
      "reportedly", "also",      "later",        "all",        "allegedly",
      "reported",   "of",        "them",         "whom",       "who",
      "which",      "and",       "said",         "to",         "believed",
      "confirmed",  "initially", "subsequently", "eventually", "others",
      "more",       "other",     "in",           "the",        "attack",
      "clashes",    "clash",     "fighting",     "violence",   "incident",
      "explosion",  "blast",     "people",       "when",       "after",
      "badly",      "seriously", "critically",   "severely",   "slightly",
      "fatally",    "got",       "left",         "as",         "a",
      "result",     "either",    "both",         "at",         "least"};
  return *s;
}

// Nouns counted in news that are not people.
const std::set<std::string>& Things() {
  static const auto* s = new std::set<std::string>{
      "rockets",    "rocket",     "missiles", "shells", "mortars",   "vehicles",
      "cars",       "trucks",     "houses",   "homes",  "buildings", "shops",
      "bridges",    "days",       "hours",    "weeks",  "months",    "years",
      "times",      "drones",     "bombs",    "tons",   "kilograms", "km",
      "kilometres", "kilometers", "miles"};
  return *s;
}

const std::set<std::string>& ZeroWords() {
  static const auto* s = new std::set<std::string>{
      "no", "without", "nobody", "none", "zero", "neither"};
  return *s;
}

struct Hit {
  uint32_t begin, end;
  const LexEntry* e;
};

std::vector<Hit> HitsOf(const Lexicon& lex, const SentenceFacts& f,
                        LexKind kind) {
  std::vector<Hit> out;
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind == kind) out.push_back({h.begin, h.end, &e});
  }
  return out;
}

bool IsQuantityTok(const SentenceFacts& f, uint32_t t) {
  for (const auto& q : f.quantities) {
    if (t >= q.tok_begin && t < q.tok_end) return true;
  }
  return false;
}

// Victim noun right after the count: up to two modifier words, or a run of
// capitalised name words ("Three International Security Assistance Force
// (ISAF) soldiers"), then an actor.
const Hit* VictimAfter(const std::vector<Hit>& actors, const SentenceFacts& f,
                       uint32_t pos) {
  int plain = 0;
  for (uint32_t k = pos; k < std::min<uint32_t>(pos + 9, f.toks.size()); ++k) {
    for (const auto& a : actors) {
      if (a.begin == k) return &a;
    }
    const Tok& t = f.toks[k];
    bool name = t.cap || t.norm == "(" || t.norm == ")" || t.norm == "-";
    if (t.punct && !name) return nullptr;
    if (!name && ++plain > 2) return nullptr;
  }
  return nullptr;
}

// An outcome phrase after `pos`, reached over filler words only.
const Hit* OutcomeAfter(const std::vector<Hit>& outcomes,
                        const SentenceFacts& f, uint32_t pos, uint32_t limit) {
  uint32_t end = std::min<uint32_t>(pos + limit, f.toks.size());
  for (uint32_t k = pos; k < end; ++k) {
    // ", including 65 police recruits," and "(2 men, 2 women and 1 child)"
    // are asides: step over them.
    bool comma_aside =
        f.toks[k].norm == "," && k + 1 < f.toks.size() &&
        (f.toks[k + 1].norm == "including" || f.toks[k + 1].norm == "among");
    if (comma_aside || f.toks[k].norm == "(") {
      const char* closer = comma_aside ? "," : ")";
      uint32_t close = k + 1;
      while (close < f.toks.size() && f.toks[close].norm != closer) ++close;
      end = std::min<uint32_t>(close + limit, f.toks.size());
      k = close;
      continue;
    }
    for (const auto& o : outcomes) {
      if (o.begin == k && o.e->form != OutcomeForm::kNoun) return &o;
      if (o.begin == k && o.e->form == OutcomeForm::kNoun && k == pos)
        return &o;
    }
    if (IsQuantityTok(f, k)) return nullptr;
    const Tok& t = f.toks[k];
    if (t.punct && t.norm != ",") return nullptr;
    if (!t.punct && !Fillers().count(t.norm)) {
      // Allow one unknown word ("in Nassiriya"): stop at the second.
      if (k > pos + 1 && !Fillers().count(f.toks[k - 1].norm)) return nullptr;
    }
  }
  return nullptr;
}

// An outcome verb right before the count ("killed at least 29 people").
const Hit* OutcomeBefore(const std::vector<Hit>& outcomes,
                         const SentenceFacts& f, uint32_t pos) {
  for (const auto& o : outcomes) {
    if (o.end > pos || o.end + 3 < pos) continue;
    bool clear = true;
    for (uint32_t k = o.end; k < pos; ++k) {
      const Tok& t = f.toks[k];
      if (t.punct || !(t.norm == "at" || t.norm == "least" || t.norm == "and" ||
                       t.norm == "of" || t.norm == "to" || t.norm == "the" ||
                       t.norm == "another" || t.norm == "some")) {
        clear = false;
      }
    }
    if (!clear) continue;
    if (o.e->form == OutcomeForm::kVerb || o.e->form == OutcomeForm::kNoun) {
      return &o;
    }
  }
  return nullptr;
}

Figure MakeFigure(const Quantity& q, Outcome o, std::string victims) {
  Figure fig;
  fig.outcome = o;
  fig.count = q.count;
  fig.qualifier = q.qualifier;
  fig.victims = std::move(victims);
  fig.implausible = q.implausible;
  fig.span = q.span;
  return fig;
}

void AddFigure(SentenceFacts* f, Figure fig) {
  for (const auto& g : f->figures) {
    if (g.outcome == fig.outcome && g.span == fig.span) return;
  }
  f->figures.push_back(std::move(fig));
}

// "no casualties", "without causing any injuries", "no one was hurt".
void BindZeros(const std::vector<Hit>& outcomes, SentenceFacts* f) {
  for (const auto& o : outcomes) {
    if (o.e->form == OutcomeForm::kVerb && o.e->outcome != Outcome::kInjured &&
        o.e->outcome != Outcome::kKilled) {
      continue;
    }
    uint32_t from = o.begin >= 4 ? o.begin - 4 : 0;
    for (uint32_t k = from; k < o.begin; ++k) {
      if (!ZeroWords().count(f->toks[k].norm)) continue;
      Quantity q;
      q.span = {f->toks[k].span.begin, f->toks[o.end - 1].span.end};
      q.count = Count{0, 0, 0};
      q.qualifier = "zero";
      AddFigure(f, MakeFigure(q, o.e->outcome, ""));
      // "no casualties", "no one was hurt": nobody died either.
      bool nobody = f->toks[k].norm == "nobody" ||
                    (k + 1 < o.begin && f->toks[k + 1].norm == "one");
      if (o.e->phrase == "casualties" ||
          (o.e->outcome == Outcome::kInjured && nobody)) {
        AddFigure(f, MakeFigure(q, Outcome::kKilled, ""));
      }
      break;
    }
  }
}

// "Two of the wounded", "12 of them", "including four children": a part of
// a group already counted, not a new count.
bool Subset(const SentenceFacts& f, const QuantityAt& qa) {
  uint32_t e = qa.tok_end;
  if (e + 1 < f.toks.size() && f.toks[e].norm == "of" &&
      (f.toks[e + 1].norm == "the" || f.toks[e + 1].norm == "them" ||
       f.toks[e + 1].norm == "whom" || f.toks[e + 1].norm == "those")) {
    return true;
  }
  for (uint32_t k = qa.tok_begin; k > 0 && qa.tok_begin - k < 2; --k) {
    const std::string& w = f.toks[k - 1].norm;
    if (w == "including" || w == "among") return true;
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
  if (to < from || to - from > 3) return false;
  for (uint32_t k = from; k < to; ++k) {
    const std::string& w = f.toks[k].norm;
    if (w != "," && w != "and" && w != "militants" && w != "fighters") {
      return false;
    }
  }
  return true;
}

// "six militants, two soldiers and a civilian were killed": a count joined
// by "," or "and" to a bound count shares its outcome.
void BindCoordinated(const std::vector<Hit>& actors, SentenceFacts* f) {
  for (size_t i = f->quantities.size(); i-- > 0;) {
    const QuantityAt& qa = f->quantities[i];
    if (qa.q.qualifier == "zero" || FigureAt(*f, qa.q.span) ||
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
    if (f->toks[k].norm != "and" ||
        (f->toks[k + 1].norm != "a" && f->toks[k + 1].norm != "an")) {
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
    if (qa.q.qualifier == "zero" || FigureAt(*f, qa.q.span)) continue;
    const Figure* bound = FigureAt(*f, prev.q.span);
    const Hit* prev_victim = VictimAfter(actors, *f, prev.tok_end);
    const Hit* victim = VictimAfter(actors, *f, qa.tok_end);
    if (!bound || !prev_victim || !victim ||
        !Joined(*f, prev_victim->end, qa.tok_begin)) {
      continue;
    }
    AddFigure(f, MakeFigure(qa.q, bound->outcome, victim->e->actor_class));
  }
}

bool HasWordBetween(const SentenceFacts& f, uint32_t b, uint32_t e,
                    const char* word) {
  for (uint32_t k = b; k < e && k < f.toks.size(); ++k) {
    if (f.toks[k].norm == word) return true;
  }
  return false;
}

bool InPlace(const SentenceFacts& f, Span s) {
  for (const auto& p : f.places) {
    if (p.span.begin < s.end && s.begin < p.span.end) return true;
  }
  return false;
}

bool HasFigure(const SentenceFacts& f, Outcome o) {
  for (const auto& g : f.figures) {
    if (g.outcome == o) return true;
  }
  return false;
}

// Named people as victims, counted one each: "a drone strike killed
// Qassem Soleimani and Abu Mahdi al-Muhandis", "Soleimani ... was killed".
void BindNamedVictims(const std::vector<Hit>& outcomes,
                      const std::vector<Hit>& actors, SentenceFacts* f) {
  for (const auto& o : outcomes) {
    if (o.e->form != OutcomeForm::kVerb || HasFigure(*f, o.e->outcome))
      continue;
    std::vector<const Hit*> named;
    bool passive = o.begin > 0 && (f->toks[o.begin - 1].norm == "was" ||
                                   f->toks[o.begin - 1].norm == "were");
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
      if (passive || run < 2 || InPlace(*f, f->toks[k].span)) continue;
      Quantity q;
      q.span = {f->toks[k].span.begin, f->toks[k + run - 1].span.end};
      q.count = Count{1, 1, 1};
      q.qualifier = "named";
      AddFigure(f, MakeFigure(q, o.e->outcome, "named people"));
      continue;
    }
    Quantity q;
    q.span = {f->toks[named.front()->begin].span.begin,
              f->toks[named.back()->end - 1].span.end};
    int64_t n = static_cast<int64_t>(named.size());
    q.count = Count{n, n, n};
    q.qualifier = "named";
    AddFigure(f, MakeFigure(q, o.e->outcome, named.front()->e->actor_class));
  }
}

bool Singular(const LexEntry& e) {
  static const std::set<std::string> kCollective = {
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

bool Determiner(const std::string& w) {
  return w == "a" || w == "an" || w == "one" || w == "the" || w == "another";
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

// "killed a conscript and a civilian worker": one victim per determiner in
// the object, up to the next comma or outcome word; 0 when none.
int64_t DeterminedObjects(const std::vector<Hit>& outcomes,
                          const SentenceFacts& f, uint32_t from) {
  int64_t n = 0;
  for (uint32_t k = from; k < f.toks.size() && k < from + 12; ++k) {
    const std::string& w = f.toks[k].norm;
    if (f.toks[k].punct) break;
    bool outcome = false;
    for (const auto& o : outcomes) outcome |= o.begin == k;
    if (outcome) break;
    if (w == "a" || w == "an") ++n;
  }
  return n;
}

// One unnamed victim: "a man was shot to death", "killing a soldier",
// "X was shot and killed".
void BindSingleVictims(const std::vector<Hit>& outcomes,
                       const std::vector<Hit>& actors, SentenceFacts* f) {
  for (const auto& o : outcomes) {
    // "the body of a journalist was found": one dead.
    if (o.e->phrase == "body of" && !HasFigure(*f, o.e->outcome) &&
        o.end < f->toks.size() &&
        (f->toks[o.end].norm == "a" || f->toks[o.end].norm == "an")) {
      Quantity q;
      q.span = {f->toks[o.begin].span.begin, f->toks[o.end].span.end};
      q.count = Count{1, 1, 1};
      q.qualifier = "single";
      AddFigure(f, MakeFigure(q, o.e->outcome, ""));
      continue;
    }
    if (o.e->form == OutcomeForm::kNoun || HasFigure(*f, o.e->outcome))
      continue;
    int64_t objects = o.e->form == OutcomeForm::kVerb
                          ? DeterminedObjects(outcomes, *f, o.end)
                          : 0;
    bool was = o.begin > 0 && f->toks[o.begin - 1].norm == "was";
    // "killed a Muttahida Qaumi Movement (MQM) activist": one determiner and
    // a victim noun in the object, however long the name between.
    if (objects == 1) {
      bool victim = false;
      for (const auto& a : actors) {
        victim |= a.begin > o.end && a.begin < o.end + 12 &&
                  !HasWordBetween(*f, o.end, a.begin, ",");
      }
      if (!victim) objects = 0;
    }
    if (objects >= 1 || (objects == 0 && was)) {
      Quantity q;
      q.span = f->toks[o.begin].span;
      q.count =
          Count{std::max<int64_t>(objects, 1), std::max<int64_t>(objects, 1),
                std::max<int64_t>(objects, 1)};
      q.qualifier = "single";
      AddFigure(f, MakeFigure(q, o.e->outcome, ""));
      continue;
    }
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
      break;
    }
  }
}

// A preposition in [b, e): what follows is no victim noun.
bool PrepositionBetween(const Lexicon& lex, const SentenceFacts& f, uint32_t b,
                        uint32_t e) {
  for (const auto& h : f.hits) {
    if (h.begin < b || h.begin >= e) continue;
    const LexEntry& x = lex.entry(h.payload);
    if (x.kind == LexKind::kCue && x.cue == Cue::kPreposition) return true;
  }
  return false;
}

}  // namespace

void BindFigures(const Lexicon& lex, SentenceFacts* f) {
  std::vector<Hit> outcomes = HitsOf(lex, *f, LexKind::kOutcome);
  std::vector<Hit> actors = HitsOf(lex, *f, LexKind::kActor);
  if (outcomes.empty()) return;
  for (const auto& qa : f->quantities) {
    if (qa.q.qualifier == "zero" || Subset(*f, qa)) continue;
    const Hit* victim = VictimAfter(actors, *f, qa.tok_end);
    if (victim && PrepositionBetween(lex, *f, qa.tok_end, victim->begin)) {
      victim = nullptr;  // "nine wounded during a Taliban raid"
    }
    uint32_t after = victim ? victim->end : qa.tok_end;
    // "killing at least 25 people and wounding 50": a verb right before the
    // count governs it, before any verb that follows.
    // ("were killed and 12 wounded" is a new clause: "and" breaks the hold.)
    const Hit* o = OutcomeBefore(outcomes, *f, qa.tok_begin);
    if (o && (o->e->form != OutcomeForm::kVerb ||
              HasWordBetween(*f, o->end, qa.tok_begin, "and"))) {
      o = nullptr;
    }
    bool object = o != nullptr;
    if (o == nullptr) o = OutcomeAfter(outcomes, *f, after, 7);
    if (o == nullptr) {
      o = OutcomeBefore(outcomes, *f, qa.tok_begin);
      object = o != nullptr && o->e->form == OutcomeForm::kVerb;
    }
    if (o == nullptr) continue;
    if (!victim && qa.tok_end < f->toks.size() && !f->toks[qa.tok_end].punct) {
      const std::string& next = f->toks[qa.tok_end].norm;
      // "killed 5 merchants": the object of a killing verb is people unless
      // it is a thing ("destroyed five vehicles"). Before the outcome, a
      // count of things ("five rockets hit ...") is not victims.
      if (object ? Things().count(next) > 0
                 : o->begin != qa.tok_end && !Fillers().count(next)) {
        continue;
      }
    }
    AddFigure(f, MakeFigure(qa.q, o->e->outcome,
                            victim ? victim->e->actor_class : ""));
  }
  BindCoordinated(actors, f);
  BindZeros(outcomes, f);
  BindNamedVictims(outcomes, actors, f);
  BindSingleVictims(outcomes, actors, f);
}

}  // namespace sitrep
