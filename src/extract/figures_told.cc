// Victims told without a count: a group told in an earlier sentence and
// counted when something happens to it later ("Rebels kidnapped three
// villagers. The villagers were later shot dead.": three killed), "both"
// as a subject, one bare singular subject ("a clerk sustained minor
// injuries"), titled names ("injured aid worker Ali Khan") and group
// pronouns ("killing them both"). Part of the figure binder.
#include <algorithm>
#include <string>
#include <vector>

#include "extract/figures_internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep::figures_internal {
namespace {

bool HasOutcome(const SentenceFacts& f, Outcome o) {
  for (const auto& g : f.figures) {
    if (g.outcome == o) return true;
  }
  return false;
}

// The plural head of "the villagers were", "the hostages were later", ending
// before the outcome verb `o`: its token, or 0 when there is none.
uint32_t DefiniteSubject(const SentenceFacts& f, const Hit& o) {
  uint32_t k = o.begin;
  while (k > 0 && Adverb(f.toks[k - 1].norm)) --k;
  if (k < 3 || f.toks[k - 1].norm != "were"sv) return 0;
  uint32_t head = k - 2;
  const std::string& w = f.toks[head].norm;
  bool plural = w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's';
  if (!plural || f.toks[head].cap || Things().count(w)) return 0;
  for (uint32_t d = head; d > 0 && head - d < 2; --d) {
    if (f.toks[d - 1].norm == "the"sv) return head;
    if (f.toks[d - 1].punct || IsQuantityTok(f, d - 1)) return 0;
  }
  return 0;
}

// Nouns for people held: "the hostages" are whoever was abducted before.
bool HeldPeople(const std::string& w) {
  return w == "hostages"sv || w == "captives"sv || w == "abductees"sv;
}

// The count told for `noun` in sentence `f`: "three villagers" (the noun
// within two words after the count), or for "hostages" the abducted; 0
// when none.
int64_t CountOf(const SentenceFacts& f, const std::string& noun) {
  if (HeldPeople(noun)) {
    for (const auto& g : f.figures) {
      if (g.outcome == Outcome::kMissing && g.count.value() > 1) {
        return g.count.value();
      }
    }
  }
  for (const auto& q : f.quantities) {
    if (q.q.count.value() < 2 || q.q.qualifier == "zero"sv) continue;
    for (uint32_t k = q.tok_end; k < f.toks.size() && k < q.tok_end + 3; ++k) {
      if (f.toks[k].norm == noun) return q.q.count.value();
      if (f.toks[k].punct) break;
    }
  }
  return 0;
}

// A determined noun phrase with a singular head ending right before token
// `end` ("a computer operator", "his passenger"): its first token, or `end`
// when there is none.
uint32_t SingularSubjectBefore(const SentenceFacts& f, uint32_t end) {
  if (end == 0) return end;
  const std::string& head = f.toks[end - 1].norm;
  bool plural =
      head.size() > 3 && head.back() == 's' && head[head.size() - 2] != 's';
  if (plural || Things().count(head) || Amounts().count(head)) return end;
  for (uint32_t k = end; k > 0 && end - k < 4; --k) {
    const Tok& t = f.toks[k - 1];
    // Capitals only at the sentence start ("His passenger ...").
    bool name = t.cap && k != 1;
    if (t.punct || name || Preposition(t.norm)) break;
    if (Determiner(t.norm) || t.norm == "his"sv || t.norm == "her"sv) {
      return k - 1 < end - 1 ? k - 1 : end;
    }
    if (Fillers().count(t.norm)) break;
  }
  return end;
}

}  // namespace

// One victim as a bare subject: "a clerk sustained minor injuries" (an
// intransitive outcome), "he was killed and his daughter injured" (a
// participle whose auxiliary was told before "and").
void BindBareSubject(const Hit& o, SentenceFacts* f) {
  uint32_t end = o.begin;
  while (end > 0 && o.begin - end < 2 && Adverb(f->toks[end - 1].norm)) --end;
  uint32_t first = SingularSubjectBefore(*f, end);
  bool ok = first < end && o.e->form == OutcomeForm::kIntransitive;
  if (!ok && first < end && first > 0 && o.e->form == OutcomeForm::kVerb &&
      f->toks[first - 1].norm == "and"sv &&
      (o.end == f->toks.size() || f->toks[o.end].punct ||
       Preposition(f->toks[o.end].norm))) {
    for (uint32_t k = 0; k + 1 < first; ++k) {
      ok |= f->toks[k].norm == "was"sv || f->toks[k].norm == "were"sv;
    }
  }
  if (!ok) return;
  Quantity q;
  q.span = {f->toks[first].span.begin, f->toks[o.end - 1].span.end};
  q.count = Count{1, 1, 1};
  q.qualifier = "single";
  AddFigure(f, MakeFigure(q, o.e->outcome, ""));
}

// "both civilians were injured", "Both guards, identified as A and B, were
// hurt", "they were both wounded": two victims, before the "were" at token
// `aux` (or between it and the outcome at `o`). 0 when "both" is not there.
int64_t BothSubject(const SentenceFacts& f, uint32_t aux, uint32_t o) {
  for (uint32_t k = aux; k < o; ++k) {
    if (f.toks[k].norm == "both"sv) return 2;
  }
  for (uint32_t k = aux; k > 0 && aux - k < 12; --k) {
    const Tok& t = f.toks[k - 1];
    if (t.norm == ";"sv || t.norm == ":"sv || IsQuantityTok(f, k - 1)) break;
    if (t.norm != "both"sv) continue;
    const std::string& before = k >= 2 ? f.toks[k - 2].norm : ",";
    bool opens = before == ","sv || before == "and"sv || before == "but"sv;
    return opens ? 2 : 0;
  }
  return 0;
}

int64_t OnlyCountBefore(const SentenceFacts& f, uint32_t k) {
  const QuantityAt* only = nullptr;
  int told = 0;
  for (const auto& q : f.quantities) {
    if (q.tok_end <= k && q.q.qualifier != "zero"sv) {
      only = &q;
      ++told;
    }
  }
  return told == 1 ? only->q.count.value() : 0;
}

// "injured aid worker Ali Khan", "killed intelligence officer Colonel Ali
// Nasser": a title in lower case, then a name of two or more capitalised
// words closing the object. The name's first token, or `from` when none.
uint32_t TitledNameAt(const std::vector<Hit>& outcomes, const SentenceFacts& f,
                      uint32_t from, uint32_t* end) {
  uint32_t run_begin = from, k = from;
  bool title = false;
  for (; k < f.toks.size() && k < from + 9; ++k) {
    const Tok& t = f.toks[k];
    bool outcome = false;
    for (const auto& o : outcomes) outcome |= o.begin == k;
    if (t.punct || outcome || IsQuantityTok(f, k)) break;
    if (t.cap) continue;
    // A title is a word of letters: "aid worker", "watchman".
    bool letters = std::all_of(t.norm.begin(), t.norm.end(),
                               [](char c) { return c >= 'a' && c <= 'z'; });
    if (!letters || Preposition(t.norm) || Fillers().count(t.norm) ||
        Determiner(t.norm) || t.norm == "his"sv || t.norm == "her"sv ||
        t.norm == "their"sv || t.norm == "its"sv) {
      break;
    }
    title = true;
    run_begin = k + 1;
  }
  if (!title || k < run_begin + 2) return from;
  *end = k;
  return run_begin;
}

// "killing him", "injured his friend", "wounding another.": one victim
// named by a pronoun right after the verb.
// "killing them both", "injuring both of them": two victims; "injuring
// them all" after "shot five customers": the count told before the verb.
// 0 when the object is no such pronoun.
int64_t GroupPronounObject(const SentenceFacts& f, const Hit& o) {
  auto at = [&](uint32_t k) -> const std::string& {
    static const std::string kNone;
    return k < f.toks.size() ? f.toks[k].norm : kNone;
  };
  uint32_t k = o.end;
  bool them = at(k) == "them"sv;
  if (them) ++k;
  bool of_them = at(k + 1) == "of"sv && at(k + 2) == "them"sv;
  // "injuring both of the clergymen": two, whoever they are.
  bool of_the = at(k + 1) == "of"sv && at(k + 2) == "the"sv;
  if (at(k) == "both"sv && (them || of_them || of_the || at(k + 1) == "."sv ||
                            at(k + 1) == ","sv || at(k + 1) == "and"sv)) {
    return 2;
  }
  // "abducted three youths and later killed them": the one count told
  // before the verb.
  bool bare_them = them && at(k) != "all"sv && at(k) != "both"sv;
  if (bare_them) return OnlyCountBefore(f, o.begin);
  if (at(k) != "all"sv || (!them && !of_them)) return 0;
  int64_t n = 0;
  for (const auto& q : f.quantities) {
    if (q.tok_end <= o.begin) n = q.q.count.value();
  }
  return n;
}

void BindGroupsTold(const Lexicon& lex, std::vector<SentenceFacts>* ss) {
  std::vector<Hit> outcomes;  // one buffer for the article's sentences
  for (size_t i = 1; i < ss->size(); ++i) {
    SentenceFacts& f = (*ss)[i];
    HitsInto(lex, f, LexKind::kOutcome, &outcomes);
    for (const Hit& o : outcomes) {
      if (o.e->form != OutcomeForm::kVerb || HasOutcome(f, o.e->outcome) ||
          (o.e->outcome != Outcome::kKilled &&
           o.e->outcome != Outcome::kInjured)) {
        continue;
      }
      uint32_t head = DefiniteSubject(f, o);
      if (head == 0) continue;
      int64_t n = 0;
      for (size_t j = i; j-- > 0 && i - j <= 3 && n == 0;) {
        n = CountOf((*ss)[j], f.toks[head].norm);
      }
      if (n == 0) continue;
      Quantity q;
      q.span = {f.toks[head - 1].span.begin, f.toks[o.end - 1].span.end};
      q.count = Count{n, n, n};
      q.qualifier = "exact";
      AddFigure(&f, MakeFigure(q, o.e->outcome, ""));
    }
  }
}

namespace {

bool ClauseOpener(const SentenceFacts& f, const QuantityAt& qa) {
  if (qa.tok_begin == 0) return true;
  const std::string& w = f.toks[qa.tok_begin - 1].norm;
  return w == ","sv || w == "and"sv || w == "when"sv || w == "while"sv;
}

}  // namespace

bool LexHitAt(const Lexicon& lex, const SentenceFacts& f, uint32_t k) {
  for (const auto& h : f.hits) {
    if (h.begin != k) continue;
    LexKind kind = lex.entry(h.payload).kind;
    if (kind == LexKind::kTrigger || kind == LexKind::kOutcome) return true;
  }
  return false;
}

// The killed verb after "were" (and adverbs) at `k`, or null.
const Hit* KilledAfterWere(const std::vector<Hit>& outcomes,
                           const SentenceFacts& f, uint32_t k) {
  uint32_t v = k + 1;
  while (v < f.toks.size() && Adverb(f.toks[v].norm)) ++v;
  for (const auto& o : outcomes) {
    if (o.begin == v && o.e->form == OutcomeForm::kVerb &&
        o.e->outcome == Outcome::kKilled) {
      return &o;
    }
  }
  return nullptr;
}

const Hit* PassiveAfterApposition(const Lexicon& lex,
                                  const std::vector<Hit>& outcomes,
                                  const SentenceFacts& f, const QuantityAt& qa,
                                  uint32_t after) {
  if (qa.q.count.value() < 2 || after <= qa.tok_end || !ClauseOpener(f, qa)) {
    return nullptr;
  }
  bool aside = false, including = false, relative = false;
  const uint32_t n = f.toks.size();
  for (uint32_t k = after; k < n && k < after + 30; ++k) {
    const Tok& t = f.toks[k];
    if (t.norm == ";"sv || t.norm == ":"sv || t.norm == "."sv) return nullptr;
    if (IsQuantityTok(f, k) && !including) return nullptr;
    if (t.norm == "were"sv && !relative) {
      return aside ? KilledAfterWere(outcomes, f, k) : nullptr;
    }
    if (LexHitAt(lex, f, k) || t.norm == "was"sv || t.norm == "is"sv ||
        t.norm == "are"sv || t.norm == "had"sv || t.norm == "has"sv ||
        t.norm == "have"sv) {
      return nullptr;
    }
    relative = t.norm == "who"sv || t.norm == "that"sv ||
               (relative && t.norm != "were"sv);
    including |= t.norm == "including"sv;
    aside |= t.norm == ","sv || t.norm == "("sv || t.norm == "including"sv;
  }
  return nullptr;
}

}  // namespace sitrep::figures_internal
