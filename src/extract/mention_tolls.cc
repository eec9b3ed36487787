// Tolls of an article's mentions once they are joined: the suicide
// attackers a toll leaves out, and totals over several incidents (aggregates
// of the article's other incidents, or shared by incidents it does not tell).
// Part of MentionBuilder (see mention_builder.h).
#include <algorithm>

#include "extract/mention_builder.h"
#include "extract/mention_util.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep {

using namespace mention_util;  // NOLINT: this stage's own helpers

// "a suicide bomber", "two suicide bombers": the attackers a suicide attack
// trigger tells (one, or the count right before it), noted at the first.
void MentionBuilder::NoteSuicideAttack(const Candidate& c, Work* w) const {
  const SentenceFacts& f = c.facts;
  for (const auto& h : f.hits) {
    const LexEntry& e = lex_.entry(h.payload);
    if (e.kind != LexKind::kTrigger || e.sub_event_type != "Suicide bomb"sv) {
      continue;
    }
    int64_t n = 1;
    for (const auto& qa : f.quantities) {
      if (qa.tok_end == h.begin && qa.q.qualifier == "exact"sv &&
          !qa.q.implausible) {
        n = qa.q.count.value();
      }
    }
    if (w->suicide_attackers == 0) {
      w->suicide_span = {f.toks[h.begin].span.begin,
                         f.toks[h.end - 1].span.end};
      w->suicide_sentence = f.index;
    }
    w->suicide_attackers = std::max(w->suicide_attackers, n);
  }
}

// "A suicide bomber ... killed five people": the attacker died too, and
// casualty counts (ACLED, GTD) include him unless the text already does
// (`attacker_counted` cues: "including the bomber", "the bomber was
// killed", "the militant and four policemen"). Added as a figure of the
// same sentence with its own victim class, so it sums with the victims'.
void MentionBuilder::CountSuicideAttacker(Work* w, bool only_suicide) const {
  Mention* m = &w->m;
  const int64_t n = w->suicide_attackers;
  if (m->kind != MentionKind::kIncident || w->attacker_counted || n == 0) {
    return;
  }
  for (const auto& f : m->figures) {
    if (f.victims == "attackers"sv) return;
  }
  // With no one else killed ("wounding four soldiers"), the attackers are
  // the dead, told at the trigger; only in the article's one suicide attack
  // ("The bomber was identified as ..." told apart is no other attack), and
  // not when no one died ("police found a suicide vest ... no casualties").
  Figure self;
  const Figure* killed = m->FigureFor(Outcome::kKilled);
  if (killed && killed->count.value() > 0) {
    self = *killed;
  } else if (!only_suicide || killed) {
    return;
  } else {
    self.outcome = Outcome::kKilled;
    self.span = w->suicide_span;
    self.raw_span = article_.offsets.ToRaw(self.span);
    self.sentence = w->suicide_sentence;
  }
  self.count = Count{n, n, n};
  self.qualifier = "attacker";
  self.victims = "attackers";
  self.attribution.clear();
  m->figures.push_back(self);
}

// "Gunmen shot dead a police chief. The gunman was killed by return fire":
// a death of the event's perpetrators first told after its victims' is
// one more, never another report of the same dead ("two civilians and three
// militants were killed ... The three militants were killed" tells them
// twice).
void MentionBuilder::MarkPerpetratorsKilled(Mention* m) {
  if (m->actor1.empty()) return;
  bool victims_told = false;
  for (Figure& f : m->figures) {
    if (f.outcome != Outcome::kKilled || f.count.value() <= 0) continue;
    if (f.victims != m->actor1) {
      victims_told = true;
      continue;
    }
    f.adds = victims_told;
    return;
  }
}

namespace {

// Moves the figures, sentences and spans of `from` into `to`.
void MoveInto(const Mention& from, Mention* to) {
  for (const Figure& f : from.figures) to->figures.push_back(f);
  to->sentences.insert(to->sentences.end(), from.sentences.begin(),
                       from.sentences.end());
  to->raw_spans.insert(to->raw_spans.end(), from.raw_spans.begin(),
                       from.raw_spans.end());
}

}  // namespace

// Divides the figures `w` tells in its shared sentence by its `shared_by`
// incidents. "Two suicide car bomb attacks ... Between the two bombings 44
// were killed": the attackers died in them too, and are shared with them
// (whichever mention of the article told them).
void MentionBuilder::DivideShare(Work* w, std::vector<Work>* ws) {
  const int64_t n = w->shared_by;
  int64_t attackers = 0;
  for (const Work& o : *ws) {
    if (!o.attacker_counted) {
      attackers = std::max(attackers, o.suicide_attackers);
    }
  }
  for (Figure& f : w->m.figures) {
    if (f.sentence != w->shared_sentence || f.victims == "attackers"sv)
      continue;
    int64_t add = f.outcome == Outcome::kKilled ? attackers : 0;
    for (std::optional<int64_t>* v :
         {&f.count.low, &f.count.best, &f.count.high}) {
      if (*v) **v = (**v + add + n / 2) / n;
    }
    if (add > 0) {
      attackers = 0;
      for (Work& o : *ws) o.attacker_counted = true;
    }
  }
}

// "21 were killed in the three bombings": a total over the article's
// other incidents is an aggregate of them; in the report of one of the
// incidents alone, the share of it (GTD and ACLED split a toll shared by
// several incidents evenly).
void MentionBuilder::ShareTotals(std::vector<Work>* ws) {
  std::vector<size_t> merged;  // shares moved into the attack they count
  for (size_t i = 0; i < ws->size(); ++i) {
    Work& w = (*ws)[i];
    if (w.shared_by < 2 || w.m.kind == MentionKind::kTally) continue;
    bool others = false, own = false;
    for (size_t j = 0; j < ws->size(); ++j) {
      const Mention& o = (*ws)[j].m;
      const Figure* f = o.FigureFor(Outcome::kKilled);
      others |= j != i && o.kind == MentionKind::kIncident && f &&
                f->count.value() > 0;
    }
    for (const Figure& f : w.m.figures) {
      own |= f.outcome == Outcome::kKilled && f.sentence != w.shared_sentence;
    }
    if (others && !own) {
      w.m.kind = MentionKind::kAggregate;
      continue;
    }
    w.m.kind = MentionKind::kIncident;
    DivideShare(&w, ws);
    // The share told apart ("In total, 35 were killed" does not join) is
    // the toll of the attack told before it with none of its own.
    Mention& before = (*ws)[i > 0 ? i - 1 : i].m;
    if (i > 0 && before.kind == MentionKind::kIncident &&
        before.figures.empty()) {
      MoveInto(w.m, &before);
      merged.push_back(i);
    }
  }
  for (size_t k = merged.size(); k-- > 0;) {
    ws->erase(ws->begin() + static_cast<std::ptrdiff_t>(merged[k]));
  }
}

// A killed figure equal to the sum of two or more other incidents' killed
// figures in other places is an aggregate of them, not a new incident.
void MentionBuilder::MarkAggregates(std::vector<Work>* ws) const {
  // "In total, 37 people were killed": a total over this article's other
  // incidents only when there are any; alone, it is the incident's toll.
  for (size_t i = 0; i < ws->size(); ++i) {
    Mention& m = (*ws)[i].m;
    if (m.kind != MentionKind::kAggregate) continue;
    bool others = false;
    for (size_t j = 0; j < ws->size(); ++j) {
      const Mention& o = (*ws)[j].m;
      others |= j != i && o.kind == MentionKind::kIncident &&
                o.FigureFor(Outcome::kKilled) != nullptr;
    }
    if (!others) m.kind = MentionKind::kIncident;
  }
  for (size_t i = 0; i < ws->size(); ++i) {
    Mention& m = (*ws)[i].m;
    const Figure* total = m.FigureFor(Outcome::kKilled);
    if (m.kind != MentionKind::kIncident || !total ||
        total->count.value() <= 0) {
      continue;
    }
    int64_t sum = 0;
    std::vector<int> parts;
    for (size_t j = 0; j < ws->size(); ++j) {
      const Mention& o = (*ws)[j].m;
      const Figure* f = o.FigureFor(Outcome::kKilled);
      if (j == i || !f || o.kind != MentionKind::kIncident) continue;
      if (IsLocal(o.location) && IsLocal(m.location) &&
          o.location->geonameid == m.location->geonameid) {
        continue;
      }
      sum += f->count.value();
      parts.push_back(o.sentences.front());
    }
    if (parts.size() >= 2 && sum == total->count.value()) {
      m.kind = MentionKind::kAggregate;
      m.parts = parts;
    }
  }
  MarkTotalsRetold(ws);
}

// "At least 33 people were killed in clashes across Kaduna state ... 'A
// total of 33 people were killed in the violence'": an incident whose only
// count is an aggregate's toll (3 or more) of the same article is that
// total told first.
void MentionBuilder::MarkTotalsRetold(std::vector<Work>* ws) {
  constexpr int64_t kDistinctive = 3;
  for (Work& w : *ws) {
    Mention& m = w.m;
    const Figure* own = m.FigureFor(Outcome::kKilled);
    if (m.kind != MentionKind::kIncident || !own ||
        own->count.value() < kDistinctive ||
        std::any_of(m.figures.begin(), m.figures.end(), [&](const Figure& f) {
          return f.count.value() > 0 && f.count.value() != own->count.value();
        })) {
      continue;
    }
    for (const Work& o : *ws) {
      const Figure* total = o.m.FigureFor(Outcome::kKilled);
      if (o.m.kind == MentionKind::kAggregate && total &&
          total->count.value() == own->count.value()) {
        m.kind = MentionKind::kAggregate;
        m.parts = o.m.parts;
        break;
      }
    }
  }
}

}  // namespace sitrep
