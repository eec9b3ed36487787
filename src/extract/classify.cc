#include "extract/classify.h"

#include <algorithm>

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep {
namespace {

constexpr const char kBattles[] = "Battles";
constexpr const char kExplosions[] = "Explosions/Remote violence";
constexpr const char kVac[] = "Violence against civilians";
constexpr const char kProtests[] = "Protests";
constexpr const char kRiots[] = "Riots";
constexpr const char kStrategic[] = "Strategic developments";

bool Violent(ActorKind k) {
  return k == ActorKind::kState || k == ActorKind::kArmed ||
         k == ActorKind::kForeign;
}

bool Civilian(ActorKind k) {
  return k == ActorKind::kCivilian || k == ActorKind::kGeneric ||
         k == ActorKind::kPerson;
}

// "a military statement said", "police and health sources said",
// "according to police": the actor gives the report, it does not act.
bool IsSource(const SentenceFacts& f, const PhraseHit& h) {
  // (string_views: compared by size first, no memcmp call for most words)
  static constexpr std::string_view kAfter[] = {
      "statement", "said",     "says",      "told",         "sources", "source",
      "officials", "official", "spokesman", "spokesperson", "reported"};
  // "police and medical sources said": past "and", one more word.
  bool and_next = h.end < f.toks.size() && f.toks[h.end].norm == "and"sv;
  uint32_t limit = h.end + (and_next ? 3 : 2);
  for (uint32_t k = h.end; k < limit && k < f.toks.size(); ++k) {
    std::string_view w = f.toks[k].norm;
    for (std::string_view a : kAfter) {
      if (w == a) return true;
    }
  }
  if (h.begin >= 2 && f.toks[h.begin - 2].norm == "according"sv &&
      f.toks[h.begin - 1].norm == "to"sv) {
    return true;
  }
  return false;
}

// "a police checkpoint", "an army convoy": the actor names what was hit
// (a `target` cue right after it), not who acted.
bool NamesTarget(const Lexicon& lex, const SentenceFacts& f,
                 const PhraseHit& h) {
  for (const auto& t : f.hits) {
    const LexEntry& e = lex.entry(t.payload);
    if (e.kind == LexKind::kCue && e.cue == Cue::kTarget && t.begin == h.end) {
      return true;
    }
  }
  return false;
}

struct Roles {
  const LexEntry* actor1 = nullptr;
  const LexEntry* actor2 = nullptr;
};

// actor2 = the victims of the figures, else an actor after the first
// trigger; actor1 = the first acting (state, armed, foreign) actor that is
// not the victim, else protesters when the sentence is about a protest.
Roles FindRoles(const Lexicon& lex, const SentenceFacts& f) {
  Roles r;
  std::vector<const LexEntry*> actors;
  uint32_t first_trigger = UINT32_MAX;
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind == LexKind::kActor) actors.push_back(&e);
    if ((e.kind == LexKind::kTrigger || e.kind == LexKind::kOutcome) &&
        h.begin < first_trigger) {
      first_trigger = h.begin;
    }
  }
  const LexEntry* protesters = nullptr;
  for (const LexEntry* a : actors) {
    if (a->actor_kind == ActorKind::kProtester && !protesters) protesters = a;
  }
  // "12 soldiers were killed and seven others wounded": the generic "others"
  // of a later figure does not replace the named victims of an earlier one.
  for (const auto& fig : f.figures) {
    for (const LexEntry* a : actors) {
      if (a->actor_class != fig.victims || fig.victims.empty()) continue;
      if (r.actor2 && r.actor2->actor_kind != ActorKind::kGeneric &&
          a->actor_kind == ActorKind::kGeneric) {
        continue;
      }
      r.actor2 = a;
    }
  }
  // "troops killed 29 people after demonstrators blocked a bridge": the
  // people are the protesters.
  if (r.actor2 && r.actor2->actor_kind == ActorKind::kGeneric && protesters) {
    r.actor2 = protesters;
  }
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind != LexKind::kActor || &e == r.actor2) continue;
    if (IsSource(f, h)) continue;
    if (r.actor2 && e.actor_class == r.actor2->actor_class) continue;
    if (NamesTarget(lex, f, h)) {
      if (!r.actor2 && e.actor_kind != ActorKind::kGeneric) r.actor2 = &e;
      continue;
    }
    if (!r.actor1 &&
        (Violent(e.actor_kind) || e.actor_kind == ActorKind::kProtester)) {
      r.actor1 = &e;
    } else if (!r.actor2 && h.begin > first_trigger &&
               e.actor_kind != ActorKind::kGeneric) {
      r.actor2 = &e;
    }
  }
  if (r.actor1 && r.actor2 && r.actor1->actor_class == r.actor2->actor_class) {
    r.actor2 = nullptr;
  }
  return r;
}

bool HasOutcome(const SentenceFacts& f, Outcome o, bool nonzero) {
  for (const auto& fig : f.figures) {
    if (fig.outcome != o) continue;
    if (!nonzero || fig.count.best.value_or(fig.count.low.value_or(1)) > 0) {
      return true;
    }
  }
  return false;
}

// Strategic developments are non-violent. "Gunmen raided the village, stole
// cattle and killed ten": the raid that kills is an attack, its looting and
// burning only part of it. "Businesses were set ablaze after clashes between
// police and protesters": at a protest with riot signs, destruction is the
// riot.
void DemoteStrategic(bool harm, bool protest_ctx, Classification* c) {
  auto& s = c->scores;
  double sd = s[kStrategic];
  if (sd <= 0) return;
  if (harm) {
    double violent =
        s[kBattles] + s[kExplosions] + s[kVac] + s[kRiots] + s[kProtests];
    if (violent <= 0) s[kVac] += 1;
    s[kStrategic] = 0;
  } else if (protest_ctx && s[kRiots] > 0) {
    s[kRiots] += sd;
    s[kStrategic] = 0;
  }
}

// ACLED's battles are between organised armed groups. A fight at a protest
// without two armed sides, or one where a side is civilians and neither is
// an armed group ("villagers clashed with police", "two community groups
// clashed"), is a riot.
void RiotNotBattle(const Lexicon& lex, const SentenceFacts& f, ActorKind a1,
                   ActorKind a2, bool protest_ctx, Classification* c) {
  auto& s = c->scores;
  if (s[kBattles] <= 0) return;
  auto armed = [](ActorKind k) {
    return k == ActorKind::kArmed || k == ActorKind::kForeign;
  };
  bool civilian_side = false;
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    civilian_side |= e.kind == LexKind::kActor &&
                     e.actor_kind == ActorKind::kCivilian && !IsSource(f, h);
  }
  if ((protest_ctx && !(Violent(a1) && Violent(a2))) ||
      (s[kVac] <= 0 && civilian_side && !armed(a1) && !armed(a2))) {
    s[kRiots] += s[kBattles] + 1;
    s[kBattles] = 0;
  }
}

// "attacked a taxi driver", "an attack on two farmers": named civilians
// right after a battle trigger are its object (not "attacked a bridge ...
// and threatened to kill the workers").
bool AttacksCivilians(const Lexicon& lex, const SentenceFacts& f) {
  constexpr uint32_t kReach = 3;  // "a", "two", "local"
  for (const auto& t : f.hits) {
    const LexEntry& te = lex.entry(t.payload);
    if (te.kind != LexKind::kTrigger || te.event_type != kBattles) continue;
    for (const auto& h : f.hits) {
      const LexEntry& e = lex.entry(h.payload);
      if (e.kind == LexKind::kActor && e.actor_kind == ActorKind::kCivilian &&
          h.begin >= t.end && h.begin <= t.end + kReach) {
        return true;
      }
    }
  }
  return false;
}

// Adjusts trigger evidence by who did what to whom.
void ApplyRoleRules(const Lexicon& lex, const Roles& r, const SentenceFacts& f,
                    Classification* c) {
  auto& s = c->scores;
  ActorKind a1 = r.actor1 ? r.actor1->actor_kind : ActorKind::kGeneric;
  ActorKind a2 = r.actor2 ? r.actor2->actor_kind : ActorKind::kGeneric;
  bool harm = HasOutcome(f, Outcome::kKilled, true) ||
              HasOutcome(f, Outcome::kInjured, true);
  bool protest_ctx = s[kProtests] > 0 || a1 == ActorKind::kProtester ||
                     a2 == ActorKind::kProtester;
  if (HasOutcome(f, Outcome::kMissing, true)) s[kVac] += 4;
  // A casualty figure with no trigger word at all: harm to people.
  double evidence = 0;
  for (const auto& [type, score] : s) evidence += score;
  if (harm && evidence <= 0) {
    s[kVac] += 1;
    c->defaulted = true;
  }
  if (HasOutcome(f, Outcome::kArrested, true) && evidence <= 0) {
    s[kStrategic] += 1;
  }
  if (harm && a2 == ActorKind::kProtester) {
    (a1 == ActorKind::kState ? s[kProtests] : s[kVac]) += 6;
  } else if (harm && a1 == ActorKind::kState && s[kProtests] >= 2) {
    // "hit by a tear gas canister fired by police": force against a protest.
    s[kProtests] += 4;
  } else if (harm && Civilian(a2) && Violent(a1)) {
    s[kVac] += 3;
  } else if (Violent(a1) && !protest_ctx && AttacksCivilians(lex, f)) {
    s[kVac] += 3;  // "armed men attacked a taxi driver": harmed or not
  } else if (harm && Violent(a2) && s[kExplosions] < 3) {
    // Harm between armed actors is a battle, unless a remote weapon (air
    // strike, shelling, bomb) did it: the target could not fight back.
    if (Violent(a1)) {
      s[kBattles] += 3;
    } else if (!protest_ctx) {
      s[kBattles] += 2;
    }
  }
  RiotNotBattle(lex, f, a1, a2, protest_ctx, c);
  if (HasOutcome(f, Outcome::kArrested, true)) {
    (protest_ctx ? s[kProtests] : s[kStrategic]) += 2;
  }
  // A demonstration with stones, burning tires or break-ins is a riot.
  if (protest_ctx && s[kRiots] >= 3) s[kRiots] += 3;
  if (s[kRiots] > 0 && !protest_ctx && a1 != ActorKind::kGeneric) {
    s[kRiots] -= 1;  // "set fire" by soldiers is not a riot
  }
  if (harm && s[kRiots] > 0 && a2 == ActorKind::kProtester &&
      a1 == ActorKind::kState) {
    s[kProtests] += 1;
  }
  DemoteStrategic(harm, protest_ctx, c);
}

}  // namespace

void Decide(Classification* c, const Lexicon& lex, const SentenceFacts& f) {
  c->event_type.clear();
  c->sub_event_type.clear();  // a re-decided type never keeps another's
  c->score = 0;
  for (const auto& [type, score] : c->scores) {
    if (score > c->score) {
      c->score = score;
      c->event_type = type;
    }
  }
  int best_w = -1;
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind == LexKind::kTrigger && e.event_type == c->event_type &&
        e.weight > best_w) {
      best_w = e.weight;
      c->sub_event_type = e.sub_event_type;
    }
  }
  if (c->event_type == kProtests && c->actor1_kind == ActorKind::kState &&
      (HasOutcome(f, Outcome::kKilled, true) ||
       HasOutcome(f, Outcome::kInjured, true))) {
    c->sub_event_type = "Excessive force against protesters";
  }
  if (c->event_type == kVac && HasOutcome(f, Outcome::kMissing, true)) {
    c->sub_event_type = "Abduction/forced disappearance";
  }
  if (c->event_type == kStrategic && HasOutcome(f, Outcome::kArrested, true)) {
    c->sub_event_type = "Arrests";
  }
  if (c->sub_event_type.empty() && !c->event_type.empty()) {
    c->sub_event_type = c->event_type == kVac        ? "Attack"
                        : c->event_type == kBattles  ? "Armed clash"
                        : c->event_type == kRiots    ? "Violent demonstration"
                        : c->event_type == kProtests ? "Peaceful protest"
                        : c->event_type == kExplosions
                            ? "Shelling/artillery/missile attack"
                            : "Other";
  }
}

bool MayClassify(const Lexicon& lex, const SentenceFacts& f) {
  if (!f.figures.empty()) return true;
  for (const auto& h : f.hits) {
    if (lex.entry(h.payload).kind == LexKind::kTrigger) return true;
  }
  return false;
}

Classification Classify(const Lexicon& lex, const SentenceFacts& f) {
  Classification c;
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind != LexKind::kTrigger) continue;
    c.scores[e.event_type] += e.weight;
    c.triggers.push_back(e.phrase);
  }
  Roles r = FindRoles(lex, f);
  if (r.actor1) {
    c.actor1 = r.actor1->actor_class;
    c.actor1_kind = r.actor1->actor_kind;
  }
  if (r.actor2) {
    c.actor2 = r.actor2->actor_class;
    c.actor2_kind = r.actor2->actor_kind;
  }
  ApplyRoleRules(lex, r, f, &c);
  Decide(&c, lex, f);
  return c;
}

}  // namespace sitrep
