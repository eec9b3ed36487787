// Binding quantities to outcomes: "at least 75 protesters were wounded",
// "gunmen shot dead two protesters", "three others died", "no casualties".
#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "extract/figures_internal.h"
#include "extract/tsv.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep {
namespace figures_internal {

// The word sets of data/lexicon/words.tsv ("filler", "thing", ...), read
// once (thread-safe static initialisation); an unknown set is empty.
const Words& WordSet(std::string_view name) {
  using Sets = std::map<std::string, Words, std::less<>>;
  static const Sets* sets = [] {
    auto* m = new Sets;
    std::string text = LoadLexiconText("words.tsv");
    for (const TsvRow& r : ParseTsv(text)) {
      (*m)[std::string(r.at(1))].insert(std::string(r.at(0)));
    }
    return m;
  }();
  static const Words kEmpty;
  auto it = sets->find(name);
  return it == sets->end() ? kEmpty : it->second;
}

const Words& Fillers() {
  static const Words& s = WordSet("filler");
  return s;
}
const Words& Things() {
  static const Words& s = WordSet("thing");
  return s;
}
const Words& Amounts() {
  static const Words& s = WordSet("amount");
  return s;
}
const Words& ZeroWords() {
  static const Words& s = WordSet("zero");
  return s;
}

std::vector<Hit> HitsOf(const Lexicon& lex, const SentenceFacts& f,
                        LexKind kind) {
  std::vector<Hit> out;
  HitsInto(lex, f, kind, &out);
  return out;
}

void HitsInto(const Lexicon& lex, const SentenceFacts& f, LexKind kind,
              std::vector<Hit>* out) {
  out->clear();
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind == kind) out->push_back({h.begin, h.end, &e});
  }
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
    bool name = t.cap || t.norm == "("sv || t.norm == ")"sv || t.norm == "-"sv;
    if (t.punct && !name) return nullptr;
    if (!name && ++plain > 2) return nullptr;
  }
  return nullptr;
}

bool Auxiliary(const std::string& w) {
  static const Words kWords = {"were", "was", "been", "being", "are",
                               "is",   "got", "had",  "have",  "has"};
  return kWords.count(w) > 0;
}

bool HasWordBetween(const SentenceFacts& f, uint32_t b, uint32_t e,
                    std::string_view word) {
  for (uint32_t k = b; k < e && k < f.toks.size(); ++k) {
    if (f.toks[k].norm == word) return true;
  }
  return false;
}

// Ends an object noun phrase: "killed a villager on suspicion of being a
// police informer", "a member of a peace committee" (one victim each).
bool Preposition(const std::string& w) {
  static const Words kWords = {"on",   "in",   "at",      "near",    "for",
                               "with", "by",   "after",   "during",  "while",
                               "when", "as",   "of",      "outside", "inside",
                               "from", "who",  "because", "before",  "since",
                               "into", "that", "which",   "whose",   "where"};
  return kWords.count(w) > 0;
}

bool Adverb(const std::string& w) {
  static const Words kWords = {
      "also",  "slightly",     "seriously", "critically", "severely",
      "badly", "reportedly",   "fatally",   "later",      "both",
      "then",  "subsequently", "allegedly", "eventually"};
  return kWords.count(w) > 0;
}

bool AsideOpener(const std::string& w) {
  static const Words kOpeners = {"including", "among",      "who",
                                 "whose",     "identified", "aged",
                                 "both",      "most",       "mostly"};
  return kOpeners.count(w) > 0;
}

// The end of the words naming what a count counts: "four Ethiopian United
// Nations (UN) peacekeepers", "two female street vendors".
uint32_t NounPhraseEnd(const std::vector<Hit>& outcomes, const SentenceFacts& f,
                       uint32_t pos) {
  uint32_t k = pos;
  for (; k < f.toks.size() && k < pos + 6; ++k) {
    const Tok& t = f.toks[k];
    // "two of his bodyguards", "two of the private guards on board" ("two
    // of the wounded" is a subset, told apart before).
    if (t.norm == "of"sv && k + 1 < f.toks.size() &&
        (f.toks[k + 1].norm == "his"sv || f.toks[k + 1].norm == "her"sv ||
         f.toks[k + 1].norm == "their"sv || f.toks[k + 1].norm == "the"sv)) {
      ++k;
      continue;
    }
    bool bracket = t.norm == "("sv || t.norm == ")"sv || t.norm == "-"sv;
    if ((t.punct && !bracket) || Fillers().count(t.norm) || Auxiliary(t.norm) ||
        AsideOpener(t.norm) || IsQuantityTok(f, k)) {
      break;
    }
    bool outcome = false;
    for (const auto& o : outcomes) outcome |= o.begin == k;
    if (outcome) break;
  }
  return k;
}

// Words that open the object of an active verb: "militants killed a
// policeman", "gunmen shot dead the owner", "... killed him".
bool OpensObject(const std::string& w) {
  static const Words kOpeners = {
      "a",    "an",    "the",   "his",  "her",     "their", "him",
      "them", "its",   "one",   "two",  "three",   "four",  "five",
      "six",  "seven", "eight", "nine", "another", "at",    "several"};
  return kOpeners.count(w) > 0;
}

// "two gunmen shot and killed a policeman": the count before an active
// verb that has an object is the killers, not the dead.
bool CountIsAgent(const SentenceFacts& f, const QuantityAt& qa, const Hit& o) {
  if (o.e->form != OutcomeForm::kVerb || o.end >= f.toks.size()) return false;
  for (uint32_t k = qa.tok_end; k < o.begin; ++k) {
    if (Auxiliary(f.toks[k].norm)) return false;
  }
  const Tok& next = f.toks[o.end];
  if (next.punct) return false;
  if (OpensObject(next.norm) || IsQuantityTok(f, o.end)) return true;
  // "two suicide bombers ... killing themselves": the count is the agent.
  if (WordSet("reflexive").count(next.norm) > 0) return true;
  return next.cap && next.norm != "on"sv && next.norm != "in"sv;
}

// "three people including a policeman were killed": an aside without
// commas, closed by the auxiliary that follows it. Its auxiliary's token, or
// 0 when none comes before `limit`.
uint32_t AsideEnd(const SentenceFacts& f, uint32_t k, uint32_t limit) {
  uint32_t close = k + 1;
  while (close < limit && close < f.toks.size() &&
         !Auxiliary(f.toks[close].norm) && !f.toks[close].punct) {
    ++close;
  }
  bool found = close < f.toks.size() && Auxiliary(f.toks[close].norm);
  return found ? close : 0;
}

// ", including the driver, a woman, and a boy, were injured": an aside
// holding a list ends at the comma right before the auxiliary, when one
// comes within a few words; else at `first_comma`.
uint32_t ListAsideEnd(const SentenceFacts& f, uint32_t open,
                      uint32_t first_comma) {
  for (uint32_t k = first_comma; k + 1 < f.toks.size() && k < open + 24; ++k) {
    const std::string& w = f.toks[k].norm;
    if (w == "."sv || w == ";"sv) break;
    if (w == ","sv && Auxiliary(f.toks[k + 1].norm)) return k;
  }
  return first_comma;
}

// A noun that counts people without telling who they were.
bool GenericHead(const std::string& w) {
  return w == "people"sv || w == "persons"sv || w == "individuals"sv ||
         w == "others"sv;
}

// An outcome phrase after `pos`, reached over filler words only.
const Hit* OutcomeAfter(const std::vector<Hit>& outcomes,
                        const SentenceFacts& f, uint32_t pos, uint32_t limit) {
  uint32_t end = std::min<uint32_t>(pos + limit, f.toks.size());
  for (uint32_t k = pos; k < end; ++k) {
    // ", including 65 police recruits," and "(2 men, 2 women and 1 child)"
    // are asides: step over them.
    // So is ", who worked for ...," and ", identified as X and Y,".
    bool comma_aside = f.toks[k].norm == ","sv && k + 1 < f.toks.size() &&
                       AsideOpener(f.toks[k + 1].norm);
    // "Two people, a guard and a driver, were hurt": who the people were.
    comma_aside |= f.toks[k].norm == ","sv && k == pos && pos > 0 &&
                   GenericHead(f.toks[pos - 1].norm) &&
                   ListAsideEnd(f, k, k + 1) != k + 1;
    if (f.toks[k].norm == "including"sv || f.toks[k].norm == "among"sv) {
      uint32_t close = AsideEnd(f, k, end + 6);
      if (close == 0) return nullptr;
      end = std::min<uint32_t>(close + limit, f.toks.size());
      k = close;
      continue;
    }
    if (comma_aside || f.toks[k].norm == "("sv) {
      const char* closer = comma_aside ? "," : ")";
      uint32_t close = k + 1;
      while (close < f.toks.size() && f.toks[close].norm != closer) ++close;
      if (comma_aside) close = ListAsideEnd(f, k, close);
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
    if (t.punct && t.norm != ","sv && t.norm != "-"sv) return nullptr;
    // Names are stepped over ("seven members of the National Front were
    // killed"); so are filler words, and one other word.
    if (t.cap || t.norm == "-"sv) {
      if (end < f.toks.size() && end < pos + 16) ++end;
      continue;
    }
    if (!t.punct && !Fillers().count(t.norm)) {
      // Allow one unknown word ("in Nassiriya"): stop at the second.
      // A closed aside before it is no word ("four Reserve Police Force
      // (CRPF) troopers were hurt").
      const Tok& prev = f.toks[k - 1];
      if (k > pos + 1 && !Fillers().count(prev.norm) && prev.norm != ")"sv) {
        return nullptr;
      }
    }
  }
  return nullptr;
}

// "The death toll from Tuesday's bombing has risen to 12": a toll noun, a
// verb of reaching and the count, within one clause.
bool TollReaches(const SentenceFacts& f, const Hit& o, uint32_t pos) {
  static const Words& reach_words = WordSet("reach");
  if (o.e->form != OutcomeForm::kNoun || pos <= o.end || pos - o.end > 10) {
    return false;
  }
  bool reach = false;
  for (uint32_t k = o.end; k < pos; ++k) {
    const Tok& t = f.toks[k];
    if (t.punct && (t.norm == "."sv || t.norm == ","sv || t.norm == ";"sv)) {
      return false;
    }
    reach |= reach_words.count(t.norm) > 0;
  }
  return reach;
}

// An outcome verb right before the count ("killed at least 29 people").
const Hit* OutcomeBefore(const std::vector<Hit>& outcomes,
                         const SentenceFacts& f, uint32_t pos) {
  for (const auto& o : outcomes) {
    if (TollReaches(f, o, pos)) return &o;
    if (o.end > pos || o.end + 3 < pos) continue;
    bool clear = true;
    for (uint32_t k = o.end; k < pos; ++k) {
      const Tok& t = f.toks[k];
      bool gap =
          !t.punct &&
          (t.norm == "at"sv || t.norm == "least"sv || t.norm == "and"sv ||
           t.norm == "of"sv || t.norm == "to"sv || t.norm == "the"sv ||
           t.norm == "another"sv || t.norm == "some"sv || t.norm == "all"sv);
      // "fatalities coded as 3", "deaths: 4" ("death toll rose to 12":
      // TollReaches).
      bool toll = o.e->form == OutcomeForm::kNoun &&
                  (t.norm == ":"sv || t.norm == "coded"sv || t.norm == "as"sv ||
                   t.norm == "is"sv || t.norm == "was"sv);
      if (!gap && !toll) clear = false;
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
      // "no other casualties": none besides those counted, not a zero.
      if (HasWordBetween(*f, k, o.begin, "other") ||
          HasWordBetween(*f, k, o.begin, "further")) {
        break;
      }
      Quantity q;
      q.span = {f->toks[k].span.begin, f->toks[o.end - 1].span.end};
      q.count = Count{0, 0, 0};
      q.qualifier = "zero";
      AddFigure(f, MakeFigure(q, o.e->outcome, ""));
      // "no casualties", "no one was hurt": nobody died either.
      bool nobody = f->toks[k].norm == "nobody"sv ||
                    (k + 1 < o.begin && f->toks[k + 1].norm == "one"sv);
      if (o.e->phrase == "casualties"sv ||
          (o.e->outcome == Outcome::kInjured && nobody)) {
        AddFigure(f, MakeFigure(q, Outcome::kKilled, ""));
      }
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

// "two civilians that were members of a peace committee were killed",
// "two people suspected of being informers were killed": a count of two or
// more, the subject of a passive outcome ("were" + verb) past a long noun
// phrase with no trigger, outcome, count or punctuation but brackets in it.
// A "were" before that needs a relative pronoun ("that were members").
// Killed only for now: the same reading of the injured is right too, but
// flips "workers were injured in a clash with police" from Riots to
// Protests through the classifier's state-harm rule (classify.cc).
const Hit* PassiveAfterLongSubject(const Lexicon& lex,
                                   const std::vector<Hit>& outcomes,
                                   const SentenceFacts& f,
                                   const QuantityAt& qa) {
  if (qa.q.count.value() < 2) return nullptr;
  bool relative = false;
  for (uint32_t k = qa.tok_end; k < f.toks.size() && k < qa.tok_end + 16; ++k) {
    const Tok& t = f.toks[k];
    if (IsQuantityTok(f, k)) return nullptr;
    if (t.punct && t.norm != "("sv && t.norm != ")"sv && t.norm != "-"sv) {
      return nullptr;
    }
    if (LexHitAt(lex, f, k)) return nullptr;
    relative |= t.norm == "that"sv || t.norm == "who"sv || t.norm == "which"sv;
    if (t.norm != "were"sv) continue;
    if (const Hit* o = KilledAfterWere(outcomes, f, k)) return o;
    if (!relative) return nullptr;
    relative = false;
  }
  return nullptr;
}

}  // namespace figures_internal

using namespace figures_internal;  // NOLINT: this stage's own helpers

void BindFigures(const Lexicon& lex, SentenceFacts* f) {
  // One pair of buffers per thread, reused by every sentence (no rule below
  // binds another sentence's figures).
  thread_local std::vector<Hit> outcomes, actors;
  HitsInto(lex, *f, LexKind::kOutcome, &outcomes);
  if (outcomes.empty()) return;  // (most sentences: no actors collected)
  HitsInto(lex, *f, LexKind::kActor, &actors);
  for (const auto& qa : f->quantities) {
    if (qa.q.qualifier == "zero"sv) {
      BindStatedZero(outcomes, qa, f);
      continue;
    }
    if ((Subset(*f, qa) && !VerbObject(outcomes, qa)) ||
        AllOfTold(outcomes, *f, qa)) {
      BindDiedOfWounded(outcomes, qa, f);
      continue;
    }
    // "the 12 member council", "a 13 man committee": a body's size.
    // ("one man was shot" counts one man.)
    if (qa.q.count.value() > 1 && qa.tok_end < f->toks.size() &&
        (f->toks[qa.tok_end].norm == "member"sv ||
         f->toks[qa.tok_end].norm == "man"sv)) {
      continue;
    }
    // "a trooper of the 133 Battalion": a unit's name, not a count.
    if (qa.tok_end < f->toks.size() && f->toks[qa.tok_end].cap &&
        WordSet("unit").count(f->toks[qa.tok_end].norm) > 0) {
      continue;
    }
    const Hit* victim = VictimAfter(actors, *f, qa.tok_end);
    if (victim && PrepositionBetween(lex, *f, qa.tok_end, victim->begin)) {
      victim = nullptr;  // "nine wounded during a Taliban raid"
    }
    uint32_t after =
        victim ? victim->end : NounPhraseEnd(outcomes, *f, qa.tok_end);
    // "killing at least 25 people and wounding 50": a verb right before the
    // count governs it, before any verb that follows.
    // ("were killed and 12 wounded" is a new clause: "and" breaks the hold.)
    // "the toll had climbed to 14 as more of the wounded died": a toll
    // that reaches the count governs it too.
    const Hit* o = OutcomeBefore(outcomes, *f, qa.tok_begin);
    bool reached = o && TollReaches(*f, *o, qa.tok_begin);
    if (o && !reached &&
        (o->e->form != OutcomeForm::kVerb ||
         HasWordBetween(*f, o->end, qa.tok_begin, "and"))) {
      o = nullptr;
    }
    if (o == nullptr) {
      o = OutcomeAfter(outcomes, *f, after, 7);
      if (o && CountIsAgent(*f, qa, *o)) continue;
    }
    // "were killed and four police officers and 11 civilians were wounded":
    // a count joined to the next one shares its outcome (BindCoordinated).
    // ("Fatalities 2 and 1 injured": an outcome right before binds it.)
    const Hit* right_before = OutcomeBefore(outcomes, *f, qa.tok_begin);
    if (o == nullptr && !(right_before && right_before->end == qa.tok_begin) &&
        JoinedToNext(outcomes, *f, victim ? victim->end : after)) {
      continue;
    }
    if (o == nullptr) o = OutcomeBefore(outcomes, *f, qa.tok_begin);
    if (o == nullptr) o = PassiveAfterLongSubject(lex, outcomes, *f, qa);
    if (o == nullptr) o = PassiveAfterApposition(lex, outcomes, *f, qa, after);
    if (o == nullptr) continue;
    // "arrested four of the attackers": arrests of some of the people who
    // did the event belong to it, not a new count (ACLED codes none).
    if (o->e->outcome == Outcome::kArrested &&
        HasWordBetween(*f, qa.tok_end, qa.tok_end + 1, "of")) {
      continue;
    }
    // "killed 5 merchants", "seven government employees were killed": a
    // counted noun is people unless it is a thing ("five armoured vehicles").
    if (!victim && after > qa.tok_end &&
        Things().count(f->toks[after - 1].norm) > 0) {
      continue;
    }
    AddFigure(f, MakeFigure(qa.q, o->e->outcome,
                            victim ? victim->e->actor_class : ""));
  }
  BindCoordinated(outcomes, actors, f);
  BindElliptical(f);
  BindZeros(outcomes, f);
  BindNamedVictims(outcomes, actors, f);
  BindSingleVictims(outcomes, actors, f);
  BindVictimLists(outcomes, f);
  BindAttackerKilled(outcomes, f);
  BindOneAndOthers(outcomes, f);
  DropBreakdowns(f);
  DropHypotheticalFigures(lex, outcomes, f);
  MarkAdditions(f);
  MarkPartitions(f);
  MarkDiedOfWounds(lex, f);
  MarkWoundedWhoDied(lex, f);
}

}  // namespace sitrep
