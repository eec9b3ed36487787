// Joining a candidate sentence to a mention already built from the same
// article: which mention it may continue, how strongly, and what joining
// adds. Internal to the extract stage (see mention_builder.h).
#include <algorithm>

#include "extract/mention_builder.h"
#include "extract/mention_util.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep {

using namespace mention_util;  // NOLINT: this stage's own helpers
// How strongly a candidate belongs with a mention already built: a shared
// figure value, then the same event type, then nearness in the text.
int MentionBuilder::Affinity(const Work& w, const Candidate& c) const {
  int score = 0;
  for (const auto& a : w.m.figures) {
    for (const auto& b : c.facts.figures) {
      if (a.outcome == b.outcome && a.count.value() == b.count.value())
        score += 100;
    }
  }
  if (!c.cls.defaulted && w.m.event_type == c.cls.event_type) score += 10;
  int gap = c.facts.index - w.m.sentences.back();
  return score + std::max(0, 9 - gap);
}

namespace {

// "Strike kills 80" above "... killed at least 80 relatives": the same
// count (3 or more) of the same outcome ties a headline and its lead even
// when their words suggest different event types. With `named_victims`,
// the count must also be of one named class ("10 soldiers were killed"
// told twice is one event even when the perpetrators were read
// differently: one reading is wrong).
bool SharesDistinctiveCount(const Mention& m, const Candidate& c,
                            bool named_victims) {
  constexpr int64_t kDistinctive = 3;
  for (const auto& a : m.figures) {
    for (const auto& b : c.facts.figures) {
      if (a.outcome != b.outcome || a.count.value() < kDistinctive ||
          a.count.value() != b.count.value()) {
        continue;
      }
      if (!named_victims) return true;
      if (!a.victims.empty() && a.victims != "people"sv &&
          a.victims == b.victims) {
        return true;
      }
    }
  }
  return false;
}

// Some count of one outcome is the same in both.
bool SharesCount(const Mention& m, const Candidate& c) {
  for (const auto& a : m.figures) {
    for (const auto& b : c.facts.figures) {
      if (a.outcome == b.outcome && a.count.value() > 0 &&
          a.count.value() == b.count.value()) {
        return true;
      }
    }
  }
  return false;
}

// "... killing one soldier and wounding two others" retold in a quote:
// every count (two or more of them) is one the mention already gives.
bool RetellsAllCounts(const Mention& m, const Candidate& c) {
  const auto& figs = c.facts.figures;
  if (figs.size() < 2) return false;
  return std::all_of(figs.begin(), figs.end(), [&](const Figure& b) {
    return std::any_of(
        m.figures.begin(), m.figures.end(), [&](const Figure& a) {
          return a.outcome == b.outcome && a.count.value() == b.count.value();
        });
  });
}

// Every count of one may be of the people the other counts.
bool SameVictims(const Mention& m, const Candidate& c) {
  for (const auto& a : m.figures) {
    for (const auto& b : c.facts.figures) {
      if (a.outcome == b.outcome && !MaySameVictims(a.victims, b.victims)) {
        return false;
      }
    }
  }
  return true;
}

// "Militants shot dead a party leader. Police suspect rivals killed him":
// one death told, then told again with who may have done it. The event
// counts one killed and the sentence one killed of no class ("him", a
// name) or of the event's own victims; "soldiers later killed one of the
// gunmen" counts another death.
bool LoneDeathRetold(const Mention& m, const Candidate& c) {
  const Figure* mine = m.FigureFor(Outcome::kKilled);
  if (!mine || mine->count.value() != 1) return false;
  bool any = false;
  for (const auto& b : c.facts.figures) {
    if (b.outcome != Outcome::kKilled) continue;
    // "him", "the man", a name, "he died of his wounds"; not "1 prisoner"
    // (a count of others). After an unclassed death ("killed Ali Khan"),
    // "the victim", "the man" tell the same one.
    bool single = b.qualifier != "exact"sv && !b.adds;
    bool unclassed =
        single && (b.victims.empty() || b.victims == "named people"sv ||
                   b.victims == "wounded who died"sv || mine->victims.empty());
    if (b.count.value() != 1 ||
        !(unclassed || (!b.victims.empty() && b.victims == mine->victims)) ||
        (!b.victims.empty() && b.victims == m.actor1)) {
      return false;
    }
    any = true;
  }
  return any;
}

// "... his body was recovered the next morning, on 7 May": the lone death
// just told, found up to three days later.
bool BodyFoundLater(const Mention& m, const Candidate& c) {
  if (!m.date.valid() || !c.date->day.valid()) return false;
  int64_t days = c.date->day.ToDays() - m.date.ToDays();
  if (days < 1 || days > 3) return false;
  for (const auto& t : c.facts.toks) {
    if (t.norm == "body"sv) return true;
  }
  return false;
}

// "The wounded army soldier was taken to hospital": each count of harm is
// one person named with "the" (a few words before), someone already told
// of.
bool DefiniteSingles(const SentenceFacts& f) {
  constexpr uint32_t kReach = 4;
  if (f.figures.empty()) return false;
  return std::all_of(f.figures.begin(), f.figures.end(), [&](const Figure& g) {
    // ("The suspect was arrested" tells a new step of its own.)
    if (g.qualifier != "single"sv ||
        (g.outcome != Outcome::kKilled && g.outcome != Outcome::kInjured)) {
      return false;
    }
    uint32_t at = f.TokAt(g.span.begin);
    for (uint32_t back = 1; back <= kReach && back <= at; ++back) {
      const Tok& t = f.toks[at - back];
      if (t.punct) return false;
      // ("one of the gunmen" is one more of a group, not one told of.)
      if (t.norm == "the"sv) {
        return back == at || f.toks[at - back - 1].norm != "of"sv;
      }
    }
    return false;
  });
}

// "... when a suicide car bomb went off": an attack word introduced with
// "a" or "an" (a few words before it) tells of an attack not yet told.
bool NewAttackTold(const Lexicon& lex, const SentenceFacts& f) {
  constexpr uint32_t kReach = 3;
  for (const auto& h : f.hits) {
    if (lex.entry(h.payload).kind != LexKind::kTrigger) continue;
    for (uint32_t back = 1; back <= kReach && back <= h.begin; ++back) {
      const Tok& t = f.toks[h.begin - back];
      if (t.punct || t.norm == "the"sv) break;
      if (t.norm == "a"sv || t.norm == "an"sv) return true;
    }
  }
  return false;
}

// "The death toll from Sunday's bombing climbed to 12" after Monday's
// event updates another event, of the day it names; so does a sentence
// dated before the event.
bool TollsOtherDay(const Mention& m, const Candidate& c,
                   std::string_view text) {
  if (!m.date.valid()) return false;
  if (c.date && !c.date_inherited && c.date->day.valid() &&
      c.date->day.ToDays() < m.date.ToDays()) {
    return true;
  }
  for (const Tok& t : c.facts.toks) {
    std::string_view raw = t.span.In(text);  // (norm drops "'s")
    bool possessive = raw.ends_with("'s") || raw.ends_with("\xE2\x80\x99s");
    int day = WeekdayNamed(t.norm);
    if (day >= 0 && possessive && m.date.Weekday() != day) return true;
  }
  return false;
}

}  // namespace

// "The death toll later rose to three", "another victim succumbed to his
// injuries on Monday" right after an event: the same event, whatever day the
// sentence names, unless it is told apart (another place, a separate cue,
// an attack of its own).
// `reach`: sentences the update may stand after the event's last.
bool MentionBuilder::Updates(const Work& w, const Candidate& c,
                             int reach) const {
  const Mention& m = w.m;
  if (!(c.revised_toll || c.later_deaths) || m.weak || c.past || c.split ||
      m.kind != MentionKind::kIncident || c.kind != MentionKind::kIncident ||
      c.facts.index - m.sentences.back() > reach ||
      c.facts.HasCue(lex_, Cue::kSeparate) || NewAttackTold(lex_, c.facts)) {
    return false;
  }
  if (TollsOtherDay(m, c, article_.text)) return false;
  // (An arrest or a blast with no one hurt has no toll to update.)
  if (std::none_of(m.figures.begin(), m.figures.end(), [](const Figure& f) {
        return (f.outcome == Outcome::kKilled ||
                f.outcome == Outcome::kInjured) &&
               f.count.value() > 0;
      })) {
    return false;
  }
  return !(IsLocal(m.location) && IsLocal(c.place) && !c.place_inherited &&
           !NearAny(m, *c.place));
}

bool MentionBuilder::Compatible(const Work& w, const Candidate& c,
                                bool latest) const {
  const Mention& m = w.m;
  if (m.kind != MentionKind::kIncident || c.kind != MentionKind::kIncident) {
    return false;
  }
  if (c.past) return false;  // a recollection stands alone
  if (c.split && std::find(m.sentences.begin(), m.sentences.end(),
                           c.facts.index) != m.sentences.end()) {
    return false;  // the other place of "unrest in Basra and Kut"
  }
  // "... were killed in the crackdown" points back to the event just told.
  // "More than 100 others were wounded in clashes in the city": counts told
  // as more, right after, add to the event just told whatever its words.
  bool more = !c.facts.figures.empty() &&
              std::all_of(c.facts.figures.begin(), c.facts.figures.end(),
                          [](const Figure& f) { return f.adds; });
  bool retells = RetellsAllCounts(m, c);
  bool definite =
      DefiniteSingles(c.facts) && c.facts.index - m.sentences.back() <= 2;
  bool anaphor =
      (c.facts.HasCue(lex_, Cue::kAnaphor) || more || retells || definite) &&
      c.facts.index - m.sentences.back() <= 2;
  auto protesters = [](const std::string& a1, const std::string& a2) {
    return a1 == "protesters"sv || a2 == "protesters"sv;
  };
  // "Khan was dragged out before he was shot and killed" after "militants
  // killed Dawar Khan": a sentence naming no actor that repeats the count of
  // the event just told retells it, whatever type its words suggest.
  bool next = c.facts.index - m.sentences.back() <= 1;
  // A lone death may be retold a few sentences on ("Police suspect
  // smugglers killed Khan"), with no other event told in between.
  bool near = latest && c.facts.index - m.sentences.back() <= 3;
  bool retold = (c.cls.actor1.empty() && c.cls.actor2.empty() && next &&
                 SharesCount(m, c)) ||
                ((next || near) && LoneDeathRetold(m, c));
  if (!TypesCompatible(m.event_type, protesters(m.actor1, m.actor2),
                       c.cls.event_type,
                       protesters(c.cls.actor1, c.cls.actor2)) &&
      !anaphor && !c.cls.defaulted && !retold &&
      !SharesDistinctiveCount(m, c, false)) {
    return false;
  }
  // State forces and an unidentified armed group are different perpetrators.
  auto armed = [](ActorKind k) {
    return k == ActorKind::kState || k == ActorKind::kArmed;
  };
  bool same_toll = SharesDistinctiveCount(m, c, true) || retells;
  // "A suicide bomber struck a mosque. Five people, including a police
  // chief, were killed": the casualties of an attack told without any,
  // right after it; whoever the sentence names are its victims or those
  // who fought back ("eight militants were killed when troops returned
  // fire"), not other perpetrators.
  bool toll_of_told =
      next && !c.facts.figures.empty() &&
      std::none_of(m.figures.begin(), m.figures.end(),
                   [](const Figure& f) { return f.count.value() > 0; });
  // "Gunmen killed a village official. The gunman was killed by police":
  // the event's own perpetrators killed by those who fought back.
  bool own_killed =
      c.facts.index - m.sentences.back() <= 2 &&
      std::any_of(c.facts.figures.begin(), c.facts.figures.end(),
                  [&](const Figure& f) {
                    return f.outcome == Outcome::kKilled &&
                           f.victims == m.actor1 && f.qualifier == "single"sv;
                  }) &&
      // "Soldiers later killed one of the gunmen in a raid": another event.
      std::none_of(c.facts.toks.begin(), c.facts.toks.end(),
                   [](const Tok& t) { return t.norm == "later"sv; });
  if (!m.actor1.empty() && !c.cls.actor1.empty() && armed(w.cls.actor1_kind) &&
      armed(c.cls.actor1_kind) && w.cls.actor1_kind != c.cls.actor1_kind &&
      !same_toll && !retold && !toll_of_told && !own_killed && !definite) {
    return false;
  }
  bool named_clash = (IsNamedActor(m.actor2) && IsNamedActor(c.cls.actor2) &&
                      m.actor2 != c.cls.actor2) ||
                     (IsNamedActor(m.actor1) && IsNamedActor(c.cls.actor1) &&
                      m.actor1 != c.cls.actor1);
  if (named_clash && !c.cls.defaulted && !same_toll) {
    return false;  // different named targets or perpetrators
  }
  // "Nine other people were wounded ..." right after the event continues it
  // wherever it names.
  bool continuation =
      c.cls.defaulted && c.facts.index - m.sentences.back() <= 1;
  if (IsLocal(m.location) && IsLocal(c.place) && !c.place_inherited &&
      !continuation && !NearAny(m, *c.place)) {
    return false;
  }
  // "Another three people were killed when a suicide car bomb went off in
  // the town of Nahrawan": counts told as more, with an attack of their
  // own, tell another incident.
  if (more && !c.cls.defaulted && NewAttackTold(lex_, c.facts)) return false;
  if (w.explicit_date && c.date && !(m.date == c.date->day) &&
      !(retold && BodyFoundLater(m, c))) {
    return false;
  }
  // "In a separate attack, ... the attack killed three": told apart, even
  // with a word pointing back or counts told as more.
  if (c.facts.HasCue(lex_, Cue::kSeparate)) return false;
  // Different counts of the same outcome, none shared and no word pointing
  // back, are two incidents ("29 in Nassiriya ... 12 in Najaf").
  if (anaphor) return true;
  // "However, the police said fifteen people were killed": another source's
  // count of the same event, when nothing sets it apart (no other place,
  // no other type, no other day: checked above).
  bool restated = !c.attribution.empty() && !c.split &&
                  (c.cls.defaulted || c.cls.event_type == m.event_type) &&
                  SameVictims(m, c);
  // "Six insurgents were also killed" after "13 soldiers were killed": the
  // other side's losses in the same fight (unless told apart: above).
  for (int o = 0; !restated && o < kNumOutcomes; ++o) {
    bool both = false, shared = false, mine = false, same_victims = false;
    // A vague count ("dozens arrested") sets no event apart from an exact
    // one ("arrested about 40 protesters").
    for (const auto& a : m.figures) {
      if (static_cast<int>(a.outcome) != o || a.count.value() <= 0 ||
          a.qualifier == "vague"sv) {
        continue;
      }
      mine = true;
      for (const auto& b : c.facts.figures) {
        if (static_cast<int>(b.outcome) != o || b.count.value() <= 0 ||
            b.qualifier == "vague"sv || b.adds) {
          continue;
        }
        both = true;
        shared |= a.count.value() == b.count.value();
        same_victims |= MaySameVictims(a.victims, b.victims);
      }
    }
    if (mine && both && !shared && same_victims) return false;
  }
  return true;
}

void MentionBuilder::Join(Work* w, const Candidate& c) const {
  Mention& m = w->m;
  if (!c.cls.defaulted) {
    for (const auto& [type, score] : c.cls.scores) w->cls.scores[type] += score;
  }
  // Decide reads only the scores and the first actor's kind: no copy of
  // the triggers or actors told so far.
  Classification merged;
  merged.scores = w->cls.scores;
  merged.actor1_kind = w->cls.actor1_kind;
  Decide(&merged, lex_, c.facts);
  auto held = merged.scores.find(m.event_type);  // (no key viewing m's type)
  double held_score = held == merged.scores.end() ? 0 : held->second;
  if (!merged.event_type.empty() && merged.event_type != m.event_type &&
      merged.score > held_score) {
    m.event_type = merged.event_type;
    m.sub_event_type = merged.sub_event_type;
  }
  if (m.actor1.empty()) m.actor1 = c.cls.actor1;
  if (m.actor2.empty()) m.actor2 = c.cls.actor2;
  // The dateline city does not override a country the event's own
  // sentences named ("in northern Afghanistan").
  bool dateline_only = c.place_from_dateline && m.location;
  if ((!IsLocal(m.location) && IsLocal(c.place) && !dateline_only) ||
      (IsLocal(c.place) && !c.place_inherited && m.location &&
       m.location->precision != "city"sv && c.place->precision == "city"sv)) {
    m.location = c.place;
    w->place_own = false;
  }
  if (!m.date.valid() && m.weekday < 0) m.weekday = c.weekday;
  if (!w->explicit_date && c.date) {
    m.date = c.date->day;
    m.date_precision = c.date->precision;
    m.date_rule = c.date->rule;
    w->explicit_date = true;
  }
  // A retelling's "two others" are the two told before, not two more.
  bool retells = RetellsAllCounts(m, c);
  bool killed_before =
      std::any_of(m.figures.begin(), m.figures.end(), [](const Figure& g) {
        return g.outcome == Outcome::kKilled && g.count.value() > 0;
      });
  bool lone = LoneDeathRetold(m, c);
  for (const auto& f : c.facts.figures) {
    // A restated toll replaces the counts told before it.
    if (c.restates)
      std::erase_if(m.figures, [&](const Figure& g) {
        return g.outcome == f.outcome && g.sentence != f.sentence;
      });
    m.figures.push_back(f);
    if (retells) m.figures.back().adds = false;
    // "Another victim succumbed" after "killing two": one more dead ("He
    // died later in hospital" after "a man was shot" is the same one).
    if (c.later_deaths && killed_before && !lone) m.figures.back().adds = true;
  }
  w->attacker_counted |= c.facts.HasCue(lex_, Cue::kAttackerCounted);
  NoteSuicideAttack(c, w);
  if (c.shared_by > 1) {
    w->shared_by = c.shared_by;
    w->shared_sentence = c.facts.index;
  }
  AddOtherPlaces(c, &m);
  m.sentences.push_back(c.facts.index);
  m.raw_spans.push_back(article_.offsets.ToRaw(c.facts.span));
  for (std::string_view t : c.cls.triggers) m.trigger_words.emplace_back(t);
  // "Two protesters shot dead" above "... by security forces": the protest
  // event the state harmed is excessive force, whichever sentence told who.
  bool state =
      w->cls.actor1_kind == ActorKind::kState ||
      (m.actor1 == c.cls.actor1 && c.cls.actor1_kind == ActorKind::kState);
  if (m.event_type == "Protests"sv && state &&
      std::any_of(m.figures.begin(), m.figures.end(), [](const Figure& f) {
        return (f.outcome == Outcome::kKilled ||
                f.outcome == Outcome::kInjured) &&
               f.count.value() > 0;
      })) {
    m.sub_event_type = "Excessive force against protesters";
  }
}

}  // namespace sitrep
