// Date and place helpers of the mention builder.
#include "extract/mention_util.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>
#include <string_view>

#include "extract/date_lexicon.h"
#include "extract/figures_internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep::mention_util {

// 0 = Monday .. 6 = Sunday when `s` names a weekday, else -1 (the first
// in the week when it names several). Every name ends in "day": only the
// text before each "day" is compared, ASCII letters folded (as tolower
// does in the C locale), with no copy.
int WeekdayNamed(std::string_view s) {
  static constexpr std::string_view kDays[] = {
      "monday", "tuesday",  "wednesday", "thursday",
      "friday", "saturday", "sunday"};
  auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
  };
  auto ends_at = [&](size_t end, std::string_view day) {
    if (day.size() > end) return false;
    for (size_t k = 0; k < day.size(); ++k) {
      if (lower(s[end - day.size() + k]) != day[k]) return false;
    }
    return true;
  };
  int best = -1;
  for (size_t end = 3; end <= s.size() && best != 0; ++end) {
    if (lower(s[end - 1]) != 'y' || lower(s[end - 2]) != 'a' ||
        lower(s[end - 3]) != 'd') {
      continue;
    }
    for (int i = 0; i < (best < 0 ? 7 : best); ++i) {
      if (ends_at(end, kDays[i])) {
        best = i;
        break;
      }
    }
  }
  return best;
}

// "said on Friday", "told reporters on Monday": when it was reported, not
// when it happened; nor is "was being treated Monday", "was buried on
// Tuesday" (what followed it).
bool ReportDate(const SentenceFacts& f, const DateMention& d) {
  static const figures_internal::Words& verbs =
      figures_internal::WordSet("report_date");
  // Up to five words back ("told the Lagos Ledger on Thursday"), within
  // the clause.
  uint32_t t = f.TokAt(d.span.begin);
  for (uint32_t k = t; k > 0 && t - k < 5; --k) {
    if (f.toks[k - 1].punct) return false;
    if (verbs.count(f.toks[k - 1].norm) > 0) return true;
  }
  return false;
}

bool PeriodOnly(const SentenceFacts& f,
                const std::optional<CivilDay>& published) {
  // One death or two are a recalled event ("a drone strike this month
  // killed a general"), not a period's total.
  int64_t most = 0;
  for (const auto& fig : f.figures) most = std::max(most, fig.count.value());
  if (most < 3) return false;
  bool period = false;
  for (const auto& d : f.dates) {
    if (ReportDate(f, d) || d.range_start) continue;
    if (d.precision == DatePrecision::kDay ||
        d.precision == DatePrecision::kWeek) {
      return false;
    }
    // "in 2019 they executed several staff" in a 2022 article recalls an
    // older event of its own; a month, or the year of publication, is a
    // period's total.
    if (d.precision == DatePrecision::kYear && published && d.day.year != 0 &&
        d.day.year < published->year) {
      return false;
    }
    period = true;
  }
  return period;
}

bool NearerToFigures(const SentenceFacts& f, Span a, Span b) {
  if (f.figures.empty()) return false;
  auto gap = [](Span x, Span y) {
    return x.end <= y.begin ? y.begin - x.end
                            : (y.end <= x.begin ? x.begin - y.end : 0u);
  };
  const Span fig = f.figures.front().span;
  return gap(a, fig) < gap(b, fig);
}

// "Monday's arrests came a day after police opened fire": the event told
// after the phrase (a `shift` row of clauses.tsv) happened that many days
// before the day named before it.
DateMention ShiftAfter(const Lexicon& lex, const SentenceFacts& f,
                       DateMention d) {
  if (!d.day.valid()) return d;
  // The shifts' first words ("came"), asked of each token before any whole
  // shift is compared (most tokens start none).
  thread_local std::vector<std::string_view> firsts;
  firsts.clear();
  for (const DayShift& shift : lex.day_shifts()) {
    if (!shift.words.empty() && std::find(firsts.begin(), firsts.end(),
                                          shift.words[0]) == firsts.end()) {
      firsts.push_back(shift.words[0]);
    }
  }
  bool any_empty =
      std::any_of(lex.day_shifts().begin(), lex.day_shifts().end(),
                  [](const DayShift& shift) { return shift.words.empty(); });
  for (size_t t = f.TokAt(d.span.end); t < f.toks.size(); ++t) {
    if (!any_empty &&
        std::find(firsts.begin(), firsts.end(),
                  std::string_view(f.toks[t].norm)) == firsts.end()) {
      continue;  // no shift starts here
    }
    for (const DayShift& shift : lex.day_shifts()) {
      size_t n = shift.words.size();
      bool match = t + n <= f.toks.size();
      for (size_t k = 0; match && k < n; ++k) {
        match = f.toks[t + k].norm == shift.words[k];
      }
      if (match) {
        d.day = d.day.AddDays(-shift.days);
        d.rule += "+shift";
        return d;
      }
    }
  }
  return d;
}

// "01/02/2011 ... on Sunday": a numeric date that reads either way is
// settled by the weekday the text names (2 January 2011 was a Sunday) and
// by the publication day (a reading after it is wrong); when both readings
// survive, by the article's convention.
DateMention SettleNumeric(DateMention d, int weekday, bool month_first,
                          const std::optional<CivilDay>& published) {
  if (d.rule.find("ambiguous") == std::string::npos) return d;
  CivilDay swapped{d.day.year, d.day.day, d.day.month};
  auto fits = [&](const CivilDay& c) {
    return c.valid() && (weekday < 0 || c.Weekday() == weekday) &&
           (!published || c.ToDays() <= published->ToDays() + 1);
  };
  bool as_read = fits(d.day), other = fits(swapped);
  if (as_read == other) {
    if (!month_first) return d;
    d.day = swapped;
    d.rule += "+month_first";
  } else if (other) {
    bool by_weekday = weekday >= 0 && d.day.Weekday() != weekday;
    d.day = swapped;
    d.rule += by_weekday ? "+weekday" : "+published";
  }
  return d;
}

namespace {

// "01/06/2011: On Thursday": the order an ambiguous numeric date must have
// for the weekday its sentence names (6 January 2011 was a Thursday, 1 June
// a Wednesday). Sets `*mdy` or `*dmy` when only one reading fits.
void OrderByWeekday(const SentenceFacts& f, const Article& a, bool* mdy,
                    bool* dmy) {
  int weekday = -1;
  for (const auto& d : f.dates) {
    if (weekday < 0) weekday = WeekdayNamed(d.span.In(a.text));
  }
  if (weekday < 0) return;
  for (const auto& d : f.dates) {
    if (d.rule.find("ambiguous") == std::string::npos) continue;
    CivilDay swapped{d.day.year, d.day.day, d.day.month};
    bool as_read = d.day.valid() && d.day.Weekday() == weekday;
    bool other = swapped.valid() && swapped.Weekday() == weekday;
    if (as_read == other) continue;
    // A date read as written is day first (see date_expr.h).
    (as_read ? *dmy : *mdy) = true;
  }
}

}  // namespace

namespace {

// The number of incidents a count at token `k` tells ("the three
// bombings", "both linked attacks"), or 0.
int64_t IncidentsAt(const SentenceFacts& f, uint32_t k) {
  using figures_internal::WordSet;
  static const figures_internal::Words& kIncidents = WordSet("incidents");
  const uint32_t n = f.toks.size();
  int64_t count = 0;
  uint32_t j = k;
  if (f.toks[k].norm == "both"sv) {
    count = 2;
    j = k + 1;
  }
  for (const auto& qa : f.quantities) {
    if (qa.tok_begin == k && qa.q.qualifier == "exact"sv) {
      count = qa.q.count.value();
      j = qa.tok_end;
    }
  }
  if (count < 2) return 0;
  for (uint32_t e = j; e < n && e < j + 3; ++e) {
    if (f.toks[e].punct) return 0;
    if (kIncidents.count(f.toks[e].norm) > 0) return count;
  }
  return 0;
}

}  // namespace

int64_t IncidentsCounted(const SentenceFacts& f) {
  using figures_internal::WordSet;
  static const figures_internal::Words& kOver = WordSet("over");
  const uint32_t n = f.toks.size();
  for (uint32_t k = 0; k + 2 < n; ++k) {
    if (kOver.count(f.toks[k].norm) == 0) continue;
    uint32_t j = k + 1;
    // "in the three", "across all ten", "from all of the three".
    while (j < n && j < k + 4 &&
           (f.toks[j].norm == "the"sv || f.toks[j].norm == "all"sv ||
            f.toks[j].norm == "of"sv)) {
      ++j;
    }
    if (j < n) {
      if (int64_t count = IncidentsAt(f, j); count > 0) return count;
    }
  }
  return 0;
}

uint32_t CueBits(const Lexicon& lex, const SentenceFacts& f) {
  static_assert(static_cast<int>(Cue::kAttackerCounted) < 32);
  uint32_t bits = 0;
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind == LexKind::kCue) bits |= uint32_t{1} << static_cast<int>(e.cue);
  }
  return bits;
}

int64_t OneOfIncidents(const std::vector<SentenceFacts>& ss) {
  for (const auto& f : ss) {
    for (uint32_t k = 0; k + 3 < f.toks.size(); ++k) {
      if (f.toks[k].norm != "one"sv || f.toks[k + 1].norm != "of"sv) continue;
      if (int64_t count = IncidentsAt(f, k + 2); count > 0) return count;
    }
  }
  return 0;
}

bool ArticleMonthFirst(const std::vector<SentenceFacts>& ss, const Article& a) {
  bool mdy = false, dmy = false;
  for (const auto& f : ss) {
    for (const auto& d : f.dates) {
      mdy |= d.rule == "numeric_mdy"sv;
      dmy |= d.rule == "numeric_dmy"sv && d.day.day > 12;
    }
  }
  if (mdy != dmy) return mdy;
  if (!mdy) {
    for (const auto& f : ss) OrderByWeekday(f, a, &mdy, &dmy);
    if (mdy != dmy) return mdy;
  }
  return DateLexicon::Get().MonthFirst(a.outlet, a.url);
}

namespace {

// The first of the heaviest trigger hits of `event_type`, or null.
const PhraseHit* MainTrigger(const Lexicon& lex, const SentenceFacts& f,
                             std::string_view event_type) {
  const PhraseHit* best = nullptr;
  int best_w = 0;
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind == LexKind::kTrigger && e.event_type == event_type &&
        e.weight > best_w) {
      best = &h;
      best_w = e.weight;
    }
  }
  return best;
}

// "... could spark a renewed crackdown": the cue's clause tells an event of
// its own.
bool TriggerAfter(const Lexicon& lex, const SentenceFacts& f, uint32_t tok) {
  for (const auto& h : f.hits) {
    if (h.begin >= tok && lex.entry(h.payload).kind == LexKind::kTrigger) {
      return true;
    }
  }
  return false;
}

// A cue of kind `cue` within tokens [begin, end).
bool CueWithin(const Lexicon& lex, const SentenceFacts& f, Cue cue,
               uint32_t begin, uint32_t end) {
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind == LexKind::kCue && e.cue == cue && h.begin >= begin &&
        h.end <= end) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool CueGoverns(const Lexicon& lex, const SentenceFacts& f, Cue cue,
                std::string_view event_type) {
  const PhraseHit* main = MainTrigger(lex, f, event_type);
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind != LexKind::kCue || e.cue != cue) continue;
    if (!main || h.begin < main->begin || TriggerAfter(lex, f, h.end) ||
        CueWithin(lex, f, Cue::kAttribution, main->end, h.begin)) {
      return true;
    }
    bool boundary = CueWithin(lex, f, Cue::kClause, main->end, h.begin);
    for (uint32_t k = main->end; !boundary && k < h.begin; ++k) {
      boundary = f.toks[k].norm == ","sv;
    }
    if (!boundary) return true;
  }
  return false;
}

// "SMM", "HM", "PPP": short capitals are mostly acronyms of groups and
// missions, rarely the country code they spell; only well-known ones count.
bool CodeLike(std::string_view s) {
  static const std::string_view kKnown[] = {"US",  "U.S.", "UK",  "UAE",
                                            "USA", "DRC",  "CAR", "U.K."};
  if (s.size() > 4) return false;
  for (char ch : s) {
    if (!(ch >= 'A' && ch <= 'Z') && ch != '.') return false;
  }
  for (std::string_view k : kKnown) {
    if (s == k) return false;
  }
  return true;
}

// Short names in odd capitals ("LoC", "HM") are acronyms, not places;
// "Kut" and "Hit" are places.
bool Acronym(std::string_view s) {
  if (s.size() > 3 || s.empty()) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] >= 'A' && s[i] <= 'Z') return true;
  }
  return !(s[0] >= 'A' && s[0] <= 'Z');
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool Near(const Location& a, const Location& b) {
  return DistanceKm(a, b) <= 25;
}

// A district and a town within reach of its seat; a province and a town
// inside it ("in Rafi, Niger State" ... "in Tegina").
bool Encloses(const Location& area, const Location& place) {
  if (area.country != place.country) return false;
  if (area.precision == "admin2"sv) return DistanceKm(area, place) <= 60;
  return area.precision == "admin1"sv && !area.admin1.empty() &&
         area.admin1 == place.admin1;
}

// The mention's place (or the area holding it), or another local place its
// sentences named.
bool NearAny(const Mention& m, const Location& l) {
  if (m.location && (Near(*m.location, l) || Encloses(*m.location, l) ||
                     Encloses(l, *m.location))) {
    return true;
  }
  for (const auto& o : m.other_places) {
    if (Near(o, l)) return true;
  }
  return false;
}

bool AboutFootage(const Lexicon& lex, const SentenceFacts& f) {
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind == LexKind::kCue && e.cue == Cue::kMedia && h.begin < 3) {
      return true;
    }
  }
  return false;
}

bool Restatement(const Lexicon& lex, const SentenceFacts& f) {
  if (f.figures.empty()) return false;
  // "There were no reported casualties." after "injuring at least three
  // officers" denies no count told: it restates none. A zero stated as a
  // number ("Fatalities coded as 0") still does.
  if (std::none_of(f.figures.begin(), f.figures.end(), [&](const Figure& g) {
        const std::string& w = f.toks[f.TokAt(g.span.begin)].norm;
        return g.count.value() > 0 || w == "0"sv || w == "zero"sv;
      })) {
    return false;
  }
  static const figures_internal::Words& kAdding =
      figures_internal::WordSet("adding");
  int words = 0, depth = 0;
  for (const auto& t : f.toks) {
    depth += t.norm == "("sv ? 1 : t.norm == ")"sv ? -1 : 0;
    if (depth > 0 || t.punct) continue;
    if (kAdding.count(t.norm) || ++words > 10) return false;
  }
  bool toll = false;
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    bool aside = false;  // "(Taliban sources reported 1)"
    for (uint32_t k = 0; k < h.begin && k < f.toks.size(); ++k) {
      aside ^= f.toks[k].norm == "("sv || f.toks[k].norm == ")"sv;
    }
    if (e.kind == LexKind::kActor && !aside) return false;
    toll |= e.kind == LexKind::kOutcome &&
            (e.form == OutcomeForm::kNoun || e.form == OutcomeForm::kAdjective);
  }
  return toll;
}

// "The death toll later rose to three", "the number of dead rose to 19",
// "bringing the death toll to 15": a toll noun, a verb of reaching (after
// it, or one raising it right before it) and a count of the killed, in one
// clause.
bool RevisedToll(const Lexicon& lex, const SentenceFacts& f) {
  constexpr uint32_t kReach = 10;
  constexpr uint32_t kRaise = 3;
  static const figures_internal::Words& reach =
      figures_internal::WordSet("reach");
  static const figures_internal::Words& raise =
      figures_internal::WordSet("raise");
  for (const auto& g : f.figures) {
    if (g.outcome != Outcome::kKilled || g.count.value() <= 0) continue;
    uint32_t at = f.TokAt(g.span.begin);
    for (const auto& h : f.hits) {
      const LexEntry& e = lex.entry(h.payload);
      if (e.kind != LexKind::kOutcome || e.form != OutcomeForm::kNoun ||
          e.outcome != Outcome::kKilled || h.end > at || at - h.end > kReach) {
        continue;
      }
      bool clause = true, reached = false;
      for (uint32_t k = h.begin > kRaise ? h.begin - kRaise : 0; k < h.begin;
           ++k) {
        reached |= raise.count(f.toks[k].norm) > 0;
      }
      for (uint32_t k = h.end; k < at; ++k) {
        const Tok& t = f.toks[k];
        clause &= !(t.punct &&
                    (t.norm == "."sv || t.norm == ","sv || t.norm == ";"sv));
        reached |= reach.count(t.norm) > 0;
      }
      if (clause && reached) return true;
    }
  }
  return false;
}

// "Another victim succumbed to his injuries", "a wounded officer died":
// every count of the sentence is of the wounded who died afterwards.
bool LaterDeathsOnly(const SentenceFacts& f) {
  return !f.figures.empty() &&
         std::all_of(f.figures.begin(), f.figures.end(), [](const Figure& g) {
           return g.outcome == Outcome::kKilled &&
                  g.qualifier == "later died"sv && g.count.value() > 0;
         });
}

}  // namespace sitrep::mention_util
