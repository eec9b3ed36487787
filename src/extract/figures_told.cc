// Victims told without a count: a group told in an earlier sentence and
// counted when something happens to it later ("Rebels kidnapped three
// villagers. The villagers were later shot dead.": three killed), "both"
// as a subject, and one bare singular subject ("a clerk sustained minor
// injuries"). Part of the figure binder.
#include <string>
#include <vector>

#include "extract/figures_internal.h"

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
  if (k < 3 || f.toks[k - 1].norm != "were") return 0;
  uint32_t head = k - 2;
  const std::string& w = f.toks[head].norm;
  bool plural = w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's';
  if (!plural || f.toks[head].cap || Things().count(w)) return 0;
  for (uint32_t d = head; d > 0 && head - d < 2; --d) {
    if (f.toks[d - 1].norm == "the") return head;
    if (f.toks[d - 1].punct || IsQuantityTok(f, d - 1)) return 0;
  }
  return 0;
}

// Nouns for people held: "the hostages" are whoever was abducted before.
bool HeldPeople(const std::string& w) {
  return w == "hostages" || w == "captives" || w == "abductees";
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
    if (q.q.count.value() < 2 || q.q.qualifier == "zero") continue;
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
  bool plural = head.size() > 3 && head.back() == 's' &&
                head[head.size() - 2] != 's';
  if (plural || Things().count(head) || Amounts().count(head)) return end;
  for (uint32_t k = end; k > 0 && end - k < 4; --k) {
    const Tok& t = f.toks[k - 1];
    // Capitals only at the sentence start ("His passenger ...").
    bool name = t.cap && k != 1;
    if (t.punct || name || Preposition(t.norm)) break;
    if (Determiner(t.norm) || t.norm == "his" || t.norm == "her") {
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
      f->toks[first - 1].norm == "and" &&
      (o.end == f->toks.size() || f->toks[o.end].punct ||
       Preposition(f->toks[o.end].norm))) {
    for (uint32_t k = 0; k + 1 < first; ++k) {
      ok |= f->toks[k].norm == "was" || f->toks[k].norm == "were";
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
    if (f.toks[k].norm == "both") return 2;
  }
  for (uint32_t k = aux; k > 0 && aux - k < 12; --k) {
    const Tok& t = f.toks[k - 1];
    if (t.norm == ";" || t.norm == ":" || IsQuantityTok(f, k - 1)) break;
    if (t.norm != "both") continue;
    const std::string& before = k >= 2 ? f.toks[k - 2].norm : ",";
    bool opens = before == "," || before == "and" || before == "but";
    return opens ? 2 : 0;
  }
  return 0;
}

void BindGroupsTold(const Lexicon& lex, std::vector<SentenceFacts>* ss) {
  for (size_t i = 1; i < ss->size(); ++i) {
    SentenceFacts& f = (*ss)[i];
    for (const Hit& o : HitsOf(lex, f, LexKind::kOutcome)) {
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

}  // namespace sitrep::figures_internal
