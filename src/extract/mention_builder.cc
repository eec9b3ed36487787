#include "extract/mention_builder.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "extract/mention_util.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep {

using namespace mention_util;  // NOLINT: this stage's own helpers

MentionBuilder::MentionBuilder(const Lexicon& lex, const Gazetteer* gaz,
                               const Article& article)
    : lex_(lex), gaz_(gaz), article_(article) {}

// Without a trigger or a figure Classify finds no type: such a sentence is
// a candidate only as an anaphor (MakeCandidate). Asked before a Candidate
// (a large record) is made for it.
bool MentionBuilder::MayBeCandidate(const SentenceFacts& f,
                                    uint32_t cues) const {
  return MayClassify(lex_, f) || HasCueBit(cues, Cue::kAnaphor);
}

bool MentionBuilder::MakeCandidate(SentenceFacts&& f, size_t i, uint32_t cues,
                                   Candidate* out) const {
  auto has = [cues](Cue c) { return HasCueBit(cues, c); };
  Candidate& c = *out;
  c.cls = Classify(lex_, f);
  if (c.cls.event_type.empty()) {
    // "No casualties were reported." or "The insurgents ... on Wednesday"
    // continue the event just told.
    if (f.figures.empty() && !has(Cue::kAnaphor)) return false;
    c.cls.defaulted = true;
  }
  c.restates = c.cls.defaulted && Restatement(lex_, f);
  std::string_view text = article_.text;
  c.attribution = FindAttribution(lex_, text, f);
  for (auto& fig : f.figures) {
    fig.attribution = c.attribution;
    fig.sentence = f.index;
    fig.raw_span = article_.offsets.ToRaw(fig.span);
  }
  // The first event day the unit names, settled (Build found it already).
  c.date = sentence_dates_[i];
  if (c.date) c.date = ShiftAfter(lex_, f, *c.date);
  // "His body was found two days later": a sentence with no trigger of its
  // own continues the event just told and keeps that event's day.
  if (c.date && c.date->after_prior && c.cls.defaulted) c.date.reset();
  // "in 2019 they executed several staff": a period before the article's
  // month, named in the sentence, makes it a recollection of its own.
  // "Saturday's attack hit the market where a bomber killed 28 last month":
  // the figures tell of the period they stand nearest to.
  if (article_.published) {
    for (const auto& d : f.dates) {
      if (d.range_start || d.day.year == 0 || EventDay(d)) continue;
      const CivilDay& p = *article_.published;
      bool before = d.day.year < p.year ||
                    (d.precision == DatePrecision::kMonth &&
                     d.day.year == p.year && d.day.month < p.month);
      if (before && (!c.date || NearerToFigures(f, d.span, c.date->span))) {
        c.past = d.day;
        c.date.reset();
      }
    }
  }
  // "On 8 May, gunmen attacked a bus. Three people died." The date of a
  // recent sentence carries over to one that gives none.
  for (size_t back = 1; !c.date && !c.past && back <= 3 && back <= i; ++back) {
    // The cheap test first: most units name no day.
    if (sentence_dates_[i - back] &&
        SameParagraph(sentence_index_[i - back], sentence_index_[i])) {
      c.date = sentence_dates_[i - back];
      c.date->rule = "context";
      c.date_inherited = true;
    }
  }
  // An undated article's "on Thursday" anchors the sentences that follow
  // (all of them when the article has no date at all: a weekday is then
  // all that tells its events from another day's at the same place).
  size_t reach = article_.published ? 3 : i;
  for (size_t back = 0; !c.date && c.weekday < 0 && back <= reach && back <= i;
       ++back) {
    c.weekday = sentence_weekdays_[i - back];
  }
  const std::optional<Location>* place = &SentencePlace(i);
  for (size_t back = 1; !IsLocal(*place) && back <= 2 && back <= i; ++back) {
    if (IsLocal(SentencePlace(i - back))) {
      place = &SentencePlace(i - back);
      c.place_inherited = true;
    }
  }
  // The dateline city stands in for an unnamed place in its own country
  // only ("In Syria, a strike killed five" under "BAGHDAD -" stays Syria).
  if (!IsLocal(*place) && dateline_place_ && AfterDateline(f.span) &&
      (!*place || (*place)->country == dateline_place_->country) &&
      !has(Cue::kRegion)) {
    place = &dateline_place_;
    c.place_inherited = true;
    c.place_from_dateline = true;
  }
  if (!*place) {
    place = &country_place_;
    c.place_fallback = true;
  }
  c.place = *place;  // copied once, when chosen
  bool killed = false;
  for (const auto& fig : f.figures) killed |= fig.outcome == Outcome::kKilled;
  // A running toll: "so far", "since October", "an AFP tally", or "have been
  // killed in the unrest". A total over the day's incidents: "In all, ...".
  // "The deadliest attack since 2015" compares; it counts no running toll.
  // So does "one of the deadliest days of the protests so far".
  bool superlative = has(Cue::kSuperlative);
  bool since = has(Cue::kSince) && !superlative;
  bool tally_cue = false;
  for (const auto& h : f.hits) {
    const LexEntry& e = lex_.entry(h.payload);
    if (e.kind != LexKind::kCue || e.cue != Cue::kTally) continue;
    tally_cue |=
        !superlative || (e.phrase != "so far"sv && e.phrase != "to date"sv);
  }
  bool tally = tally_cue || since ||
               (has(Cue::kPerfect) && has(Cue::kPeriod)) ||
               PeriodOnly(f, article_.published);
  if (killed && tally) {
    c.kind = MentionKind::kTally;
  } else if (killed && has(Cue::kAggregate)) {
    c.kind = MentionKind::kAggregate;
  }
  if (killed) c.shared_by = IncidentsCounted(f);
  // "In total, 35 were killed" in the report of one of two related attacks.
  if (killed && c.shared_by == 0 && c.kind == MentionKind::kAggregate) {
    c.shared_by = one_of_;
  }
  c.revised_toll = c.kind == MentionKind::kIncident && RevisedToll(lex_, f);
  c.later_deaths = c.kind == MentionKind::kIncident && LaterDeathsOnly(f);
  c.facts = std::move(f);
  // "Video showed ..." describes an event already told.
  if (AboutFootage(lex_, c.facts)) {
    c.attach_only = true;
    c.cls.defaulted = true;
    return true;
  }
  bool qualifies = Qualifies(c);
  event_told_ |= qualifies && c.kind == MentionKind::kIncident;
  if (!qualifies) {
    // "No one was hurt." or "Nine others were wounded." adds to the event
    // just told, but tells no event of its own.
    bool continues = !c.facts.figures.empty() || has(Cue::kAnaphor);
    if (continues && !has(Cue::kHypothetical) &&
        c.kind == MentionKind::kIncident) {
      c.attach_only = true;  // keeps its own type, if it has one
    } else if (Weak(c)) {
      c.weak = true;
    } else {
      return false;
    }
  }
  return true;
}

// "One rocket landed inside the embassy walls": strong trigger words with
// no figure, day or place of its own, in a sentence that is no quote,
// plan, habit or recollection.
bool MentionBuilder::Weak(const Candidate& c) const {
  const SentenceFacts& f = c.facts;
  if (c.kind != MentionKind::kIncident || c.cls.defaulted || c.cls.score < 3 ||
      !f.figures.empty() || Unreal(c) || AboutFootage(lex_, f)) {
    return false;
  }
  if (c.date && article_.published && c.date->day.valid() &&
      article_.published->ToDays() - c.date->day.ToDays() > 14) {
    return false;  // background
  }
  std::string_view text = f.span.In(article_.text);
  return !text.starts_with("\"") && !text.starts_with("\xE2\x80\x9C");
}

const std::optional<Location>& MentionBuilder::SentencePlace(size_t i) const {
  if (!place_made_[i]) {
    sentence_places_[i] = EventPlace((*units_)[i]);
    place_made_[i] = 1;
  }
  return sentence_places_[i];
}

bool MentionBuilder::SameParagraph(size_t a, size_t b) const {
  const auto& ss = article_.sentences;
  std::string_view text = article_.text;
  std::string_view between = text.substr(
      ss[a].end, ss[b].begin > ss[a].end ? ss[b].begin - ss[a].end : 0);
  return between.find("\n\n") == std::string_view::npos;
}

// A sentence tells an event when it gives a casualty figure, or when it has
// strong trigger evidence and anchors it in time or at a named local place
// (background and generic statements usually have neither).
bool MentionBuilder::Qualifies(const Candidate& c) const {
  const SentenceFacts& f = c.facts;
  if (c.kind != MentionKind::kIncident) return true;
  bool hypothetical = CueGoverns(lex_, f, Cue::kHypothetical, c.cls.event_type);
  bool nonzero = false;
  for (const auto& fig : f.figures) {
    nonzero |= fig.count.best.value_or(fig.count.low.value_or(0)) > 0;
  }
  if (nonzero) return !hypothetical || c.cls.score >= 3;
  if (c.cls.score < 2 || Unreal(c)) return false;
  if (c.date && article_.published && c.date->day.valid()) {
    int64_t age = article_.published->ToDays() - c.date->day.ToDays();
    if (age > 14 || age < -1) return false;  // background, not news
  }
  // A quotation is testimony or opinion: without a figure it is no event.
  std::string_view text = c.facts.span.In(article_.text);
  if (text.starts_with("\"") || text.starts_with("\xE2\x80\x9C")) return false;
  bool own_day = c.date && !c.date_inherited;
  bool own_place = IsLocal(c.place) && !c.place_inherited;
  // "On 9 May, gunmen attacked a village in Bankass": weaker trigger words
  // tell an event when the sentence states both its day and its place.
  if (c.cls.score < 3) return own_day && own_place;
  // "On 3 May, in Nova Iguacu, traffickers invaded a community. A
  // shoot-out broke out": a strong trigger after the sentences that gave
  // the day and the place, when no sentence before told an event (then it
  // would be that event's sequel: "A bomb squad defused it").
  if (c.date_inherited && c.place_inherited && !event_told_) return true;
  return own_day || own_place;
}

// A plan, threat, habit or recollection rather than an event that happened.
// A march "on the commemoration of Labor Day" or "marking the anniversary"
// of a massacre is held now: what a protest recalls is its occasion.
bool MentionBuilder::Unreal(const Candidate& c) const {
  const std::string& type = c.cls.event_type;
  return CueGoverns(lex_, c.facts, Cue::kHypothetical, type) ||
         CueGoverns(lex_, c.facts, Cue::kGeneric, type) ||
         (type != "Protests"sv &&
          CueGoverns(lex_, c.facts, Cue::kRecollection, type));
}

// `c` is spent: its figures and trigger words move into the mention.
void MentionBuilder::ToWork(Candidate&& c, Work* work) const {
  Work& w = *work;
  w.shared_by = c.shared_by;
  w.shared_sentence = c.facts.index;
  w.attacker_counted = c.facts.HasCue(lex_, Cue::kAttackerCounted);
  NoteSuicideAttack(c, &w);
  Mention& m = w.m;
  m.article_id = article_.id;
  m.kind = c.kind;
  // Moved: a Work's own Classification keeps only its scores and first
  // actor's kind for Join, never these strings.
  m.event_type = std::move(c.cls.event_type);
  m.sub_event_type = std::move(c.cls.sub_event_type);
  m.actor1 = std::move(c.cls.actor1);
  m.actor2 = std::move(c.cls.actor2);
  w.place_own = c.place && !c.place_inherited && !c.place_fallback;
  m.location = std::move(c.place);  // `c` ends here (AddOtherPlaces reads
                                    // its facts, not its place)
  if (c.date) {
    m.date = c.date->day;
    m.date_precision = c.date->precision;
    m.date_rule = c.date->rule.empty() ? "text" : c.date->rule;
    w.explicit_date = true;
  } else if (c.past) {
    m.date = *c.past;  // partial: year or year-month
    m.date_rule = "past";
    w.explicit_date = true;
  } else if (story_day_ && story_day_->second < c.facts.index) {
    // "Violence erupted on Sunday in Kajuru ... [later paragraphs] The
    // kinsmen launched a reprisal attack": the day the story's first event
    // sentence names, not the day it was published.
    m.date = story_day_->first;
    m.date_rule = "context";
  } else if (article_.published) {
    m.date = *article_.published;
    m.date_rule = "article";
  } else {
    m.date_rule = "none";
  }
  if (!m.date.valid()) m.weekday = c.weekday;
  m.figures = std::move(c.facts.figures);
  AddOtherPlaces(c, &m);
  m.sentences.push_back(c.facts.index);
  m.raw_spans.push_back(article_.offsets.ToRaw(c.facts.span));
  m.notes = std::string(c.facts.span.In(article_.text));
  m.trigger_words.assign(c.cls.triggers.begin(), c.cls.triggers.end());
  if (c.kind == MentionKind::kTally) {
    m.source = c.attribution.empty() ? article_.outlet : c.attribution;
    m.subject = "killed";
  }
  w.cls = std::move(c.cls);  // last: the mention's fields taken from it
}

// "X was wounded ... he later died of his wounds": the victims of a "later
// died" figure were counted among the wounded told before it; GTD and
// ACLED count them once, as killed, on top of the other dead. They leave
// the latest injured figure told before that holds them.
void MentionBuilder::MoveDiedOfWounds(Mention* m) {
  for (size_t i = 0; i < m->figures.size(); ++i) {
    Figure& d = m->figures[i];
    if (d.outcome != Outcome::kKilled || d.qualifier != "later died"sv)
      continue;
    int64_t n = d.count.value();
    Figure* from = nullptr;
    for (Figure& g : m->figures) {
      bool before = g.sentence < d.sentence ||
                    (g.sentence == d.sentence && g.span.end <= d.span.begin);
      if (g.outcome == Outcome::kInjured && before && g.count.value() >= n) {
        from = &g;
      }
    }
    if (from == nullptr) continue;
    for (std::optional<int64_t>* v :
         {&from->count.low, &from->count.best, &from->count.high}) {
      if (*v) **v = std::max<int64_t>(0, **v - n);
    }
    d.adds = true;
    // Counted apart from the other dead of its sentence ("killed his
    // daughter and wounded his wife, who later died": two dead).
    if (d.victims.empty()) d.victims = "wounded who died";
  }
}

// The event a revised toll or a later death updates: the one told last,
// within two sentences; for a revised toll, else the latest with a toll,
// within five ("... Three people were arrested in connection with the
// attack. ... bringing the death toll to 15").
MentionBuilder::Work* MentionBuilder::UpdateTarget(std::vector<Work>* works,
                                                   size_t last,
                                                   const Candidate& c) const {
  constexpr int kNext = 2, kFar = 5;
  if (works->empty()) return nullptr;
  if (Updates((*works)[last], c, kNext)) return &(*works)[last];
  if (!c.revised_toll) return nullptr;
  Work* best = nullptr;
  for (Work& w : *works) {
    if (Updates(w, c, kFar) &&
        (!best || w.m.sentences.back() > best->m.sentences.back())) {
      best = &w;
    }
  }
  return best;
}

std::vector<Mention> MentionBuilder::Build(std::vector<SentenceFacts> ss) {
  units_ = &ss;
  sentence_places_.resize(ss.size());
  place_made_.assign(ss.size(), 0);
  MakeContext(ss);
  month_first_ = ArticleMonthFirst(ss, article_);
  one_of_ = OneOfIncidents(ss);
  sentence_index_.reserve(ss.size());
  sentence_weekdays_.reserve(ss.size());
  sentence_named_weekdays_.reserve(ss.size());
  sentence_dates_.reserve(ss.size());
  std::vector<const DateMention*> dates;       // reused for each sentence
  std::vector<std::pair<CivilDay, int>> days;  // event days named, where
  std::vector<int> named_in;                   // per date: its weekday
  for (auto& f : ss) {
    ResolvePriors(&f);
    sentence_index_.push_back(static_cast<size_t>(f.index));
    // The dates that are not the report's own ("said on Tuesday"): ReportDate
    // asked once per date, not in each loop below.
    dates.clear();
    for (const auto& d : f.dates) {
      if (!ReportDate(f, d)) dates.push_back(&d);
    }
    // The weekday each date names, asked once (-2: not asked yet).
    named_in.assign(dates.size(), -2);
    auto weekday_of = [&](size_t k) {
      if (named_in[k] == -2) {
        named_in[k] = WeekdayNamed(dates[k]->span.In(article_.text));
      }
      return named_in[k];
    };
    int weekday = -1;  // the first named by a date of no resolved day
    for (size_t k = 0; k < dates.size() && weekday < 0; ++k) {
      const DateMention* d = dates[k];
      if (!d->range_start && d->day.year == 0) weekday = weekday_of(k);
    }
    sentence_weekdays_.push_back(weekday);
    int named = -1;  // any weekday named, resolved or not
    for (size_t k = 0; k < dates.size() && named < 0; ++k) {
      named = weekday_of(k);
    }
    sentence_named_weekdays_.push_back(named);
    std::optional<DateMention> day;
    for (const DateMention* p : dates) {
      const DateMention& d = *p;
      if (EventDay(d)) {
        day = SettleNumeric(d, named, month_first_, article_.published);
        break;
      }
    }
    if (day && day->day.valid()) days.push_back({day->day, f.index});
    sentence_dates_.push_back(day);
  }
  SetStoryDay(days);
  std::vector<Candidate> candidates;
  candidates.reserve(ss.size());
  for (size_t i = 0; i < ss.size(); ++i) {
    const uint32_t cues = CueBits(lex_, ss[i]);  // HasCue once per hit
    if (!MayBeCandidate(ss[i], cues)) continue;
    // Made in place: no Candidate is moved on its way into the list.
    if (!MakeCandidate(std::move(ss[i]), i, cues, &candidates.emplace_back())) {
      candidates.pop_back();
      continue;
    }
    const size_t at = candidates.size() - 1;
    std::vector<Candidate> parts = SplitByFigurePlaces(candidates[at]);
    if (parts.empty()) parts = SplitByFigureDays(candidates[at], i);
    if (!parts.empty()) {
      candidates.pop_back();
      for (auto& p : parts) candidates.push_back(std::move(p));
      continue;
    }
    // "a day of unrest in Basra and Kut": one event per place, as ACLED
    // codes them, when no figure ties the sentence to one of them.
    std::vector<Location> places = CoordinatedPlaces(candidates[at].facts);
    if (places.size() < 2 || !candidates[at].facts.figures.empty()) continue;
    for (size_t k = 0; k < places.size(); ++k) {
      // The first place's record is the candidate itself, made last.
      if (k > 0) {
        Candidate copy = candidates[at];
        candidates.push_back(std::move(copy));
      }
      Candidate& copy = k == 0 ? candidates[at] : candidates.back();
      copy.place = places[k];
      copy.place_inherited = false;
      copy.split = true;
    }
  }
  std::vector<Work> works;
  works.reserve(candidates.size());
  for (Candidate& cand : candidates) {
    Candidate* c = &cand;
    Work* target = nullptr;
    int best = -1;
    // A continuation ("He was killed along with ...") belongs to the event
    // told last, or to none.
    size_t last = 0;
    for (size_t k = 0; k < works.size(); ++k) {
      if (!works[k].m.weak &&
          works[k].m.sentences.back() >= works[last].m.sentences.back()) {
        last = k;
      }
    }
    if (c->restates && !works.empty() && !works[last].m.weak &&
        works[last].m.kind == MentionKind::kIncident) {
      Join(&works[last], *c);
      continue;
    }
    // A revised toll or a later death of the wounded updates the event just
    // told: its words tell no event of their own.
    if (Work* u = UpdateTarget(&works, last, *c)) {
      c->cls.defaulted = true;
      c->restates = c->revised_toll;
      Join(u, *c);
      continue;
    }
    for (size_t k = works.size(); k-- > 0;) {
      if (c->cls.defaulted && k != last) continue;
      if (works[k].m.weak || !Compatible(works[k], *c, k == last)) continue;
      int affinity = Affinity(works[k], *c);
      if (affinity > best) {
        best = affinity;
        target = &works[k];
      }
    }
    bool near = target && c->facts.index - target->m.sentences.back() <= 2;
    if (c->attach_only && !near) continue;
    if (target && (near || !c->weak)) {
      Join(target, *c);
    } else {
      bool weak = c->weak;
      ToWork(std::move(*c), &works.emplace_back());
      works.back().m.weak = weak;
    }
  }
  PlaceAtLeadTown(&works);
  ShareTotals(&works);
  MarkAggregates(&works);
  int suicide_attacks = 0;
  for (const auto& w : works) {
    suicide_attacks +=
        w.m.kind == MentionKind::kIncident && w.suicide_attackers > 0;
  }
  for (auto& w : works) {
    MoveDiedOfWounds(&w.m);
    MarkPerpetratorsKilled(&w.m);
    CountSuicideAttacker(&w, suicide_attacks == 1);
  }
  std::vector<Mention> out;
  out.reserve(works.size());
  for (auto& w : works) out.push_back(std::move(w.m));
  units_ = nullptr;  // `ss` ends here
  return out;
}

}  // namespace sitrep
