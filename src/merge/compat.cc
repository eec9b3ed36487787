// When two mentions from different articles tell one event.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "merge/blocking.h"
#include "merge/internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep::merge_internal {
namespace {

bool Protesters(const Mention& m) {
  return m.actor1 == "protesters"sv || m.actor2 == "protesters"sv;
}

bool Near(const Location& x, const Location& y) {
  // A province holds what lies in it, not its neighbours' places near its
  // centre ("Zadran district, Paktia" and "Musa Khel district, Khost").
  if (x.precision == "admin1"sv || y.precision == "admin1"sv) {
    return x.country == y.country && !x.admin1.empty() && x.admin1 == y.admin1;
  }
  // Further apart in latitude alone than any reach below: no need for the
  // great-circle distance (never shorter than the latitude arc; the margin
  // is far above rounding).
  constexpr double kKmPerDegree = 6371.0 * M_PI / 180.0;
  if (std::abs(x.lat) <= 90 && std::abs(y.lat) <= 90 &&
      std::abs(x.lat - y.lat) * kKmPerDegree > 61) {
    return false;
  }
  const double km = DistanceKm(x, y);  // once: it is not cheap
  if (km <= 25) return true;
  // A district: a town within reach of its seat.
  return (x.precision == "admin2"sv || y.precision == "admin2"sv) && km <= 60;
}

// "Multan city (Multan, Punjab)": the district or province a place is in is
// not another place of the event; through it any town of the province (or
// the next district's) would match.
bool Encloses(const Location& area, const Location& place) {
  if (area.precision == "country"sv) return area.country == place.country;
  if (area.precision == "admin2"sv) {
    return area.country == place.country && DistanceKm(area, place) <= 60;
  }
  return area.precision == "admin1"sv && area.country == place.country &&
         !area.admin1.empty() && area.admin1 == place.admin1;
}

// `*via_other` is set when only another place one of them names matches;
// `*wide` when they match only as a town inside a named district or
// province.
bool PlacesCompatible(const Mention& a, const Mention& b, bool* both_local,
                      bool* via_other, bool* wide) {
  *both_local = IsLocal(a.location) && IsLocal(b.location);
  *via_other = false;
  *wide = false;
  if (*both_local && a.location->country != b.location->country) return false;
  if (*both_local) {
    if (Near(*a.location, *b.location)) {
      // A province is a wide place: two events in it on one day are often
      // distinct, so it counts as weak evidence.
      *via_other = a.location->precision != "city"sv ||
                   b.location->precision != "city"sv;
      *wide = *via_other;
      return true;
    }
    *via_other = true;
    for (const auto& x : a.other_places) {
      if (!Encloses(x, *a.location) && Near(x, *b.location)) return true;
    }
    for (const auto& y : b.other_places) {
      if (!Encloses(y, *b.location) && Near(*a.location, y)) return true;
    }
    return false;
  }
  // Country-level or unknown places: too weak alone; SameEvent asks more.
  *via_other = true;
  *wide = true;
  if (a.location && b.location)
    return a.location->country == b.location->country;
  return !a.location && !b.location;
}

constexpr double kSameTownKm = 10;

bool SameTown(const Location& x, const Location& y) {
  return x.precision == "city"sv && y.precision == "city"sv &&
         (x.geonameid == y.geonameid || DistanceKm(x, y) <= kSameTownKm);
}

// Whether `m` names, besides its own place, the town `place` ("in Afgooye,
// 30 km from Mogadishu").
bool NamesTown(const Mention& m, const Location& place) {
  return std::any_of(m.other_places.begin(), m.other_places.end(),
                     [&](const Location& o) { return SameTown(o, place); });
}

// Both name a town (city precision), different ones further apart than the
// spread of one town's reports (a district of it, its outskirts), and
// neither names the other's town.
bool DistinctTowns(const Mention& a, const Mention& b) {
  if (!a.location || !b.location) return false;
  const Location& x = *a.location;
  const Location& y = *b.location;
  return x.precision == "city"sv && y.precision == "city"sv &&
         !SameTown(x, y) && !NamesTown(a, y) && !NamesTown(b, x);
}

bool Fuzzy(const std::string& rule) {
  return rule == "article"sv || rule == "cluster"sv ||
         rule.find("night") != std::string::npos;
}

// A few counts, held inline up to kInline (a mention gives one or two per
// outcome): the pair tests make them for every pair of mentions compared,
// and a heap vector each time was a large share of those tests' cost.
class Counts {
 public:
  void push_back(int64_t v) {
    if (n_ == kInline) big_.assign(small_, small_ + kInline);
    if (n_ < kInline) {
      small_[n_] = v;
    } else {
      big_.push_back(v);
    }
    ++n_;
  }
  const int64_t* begin() const { return n_ <= kInline ? small_ : big_.data(); }
  const int64_t* end() const { return begin() + n_; }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }

 private:
  static constexpr size_t kInline = 6;
  int64_t small_[kInline];
  size_t n_ = 0;
  std::vector<int64_t> big_;  // all of them, once past kInline
};

// The counts a mention gives for an outcome: each figure, and per sentence
// the sum of figures over distinct victims ("6 militants, 2 soldiers").
// Called for every pair of mentions compared: a mention with at most one
// such figure (the usual case) needs no per-sentence sums.
Counts Values(const Mention& m, Outcome o) {
  Counts out;
  for (const auto& f : m.figures) {
    if (f.outcome == o && !f.implausible) out.push_back(f.count.value());
  }
  if (out.size() < 2) return out;  // a sum needs two figures
  std::map<int, std::pair<int64_t, std::set<std::string>>> sums;
  for (const auto& f : m.figures) {
    if (f.outcome != o || f.implausible) continue;
    auto& [sum, victims] = sums[f.sentence];
    if (victims.insert(f.victims).second) sum += f.count.value();
  }
  for (auto& [sentence, s] : sums) {
    if (s.second.size() > 1) out.push_back(s.first);
  }
  return out;
}

// Reports of one event differ a little (3 vs 4, 3 vs 5, 12 vs 15, 5 vs 7);
// 14 vs 20 killed are two events, and so are one killed and two (a lone
// victim is a claim about who died, not an estimate) or two and four.
bool Close(int64_t x, int64_t y) {
  int64_t d = std::llabs(x - y);
  int64_t lo = std::min(x, y);
  if (lo == 1) return d == 0;
  return d <= 1 || (d == 2 && lo >= 3) || d * 4 <= std::max(x, y);
}

// Both give a non-zero figure for some outcome.
bool SharedNonzero(const Mention& a, const Mention& b) {
  for (int o = 0; o < kNumOutcomes; ++o) {
    bool x = false, y = false;
    for (int64_t v : Values(a, static_cast<Outcome>(o))) x |= v > 0;
    for (int64_t v : Values(b, static_cast<Outcome>(o))) y |= v > 0;
    if (x && y) return true;
  }
  return false;
}

bool OnlyZero(const Counts& vs) {
  return !vs.empty() &&
         std::none_of(vs.begin(), vs.end(), [](int64_t v) { return v > 0; });
}

bool OnlyNonzero(const Counts& vs) {
  return !vs.empty() &&
         std::all_of(vs.begin(), vs.end(), [](int64_t v) { return v > 0; });
}

// Both give the same count, above one, of some outcome: a toll distinctive
// enough to tie a report placed only in the country to a town's event.
bool SharedCountAboveOne(const Mention& a, const Mention& b) {
  for (int o = 0; o < kNumOutcomes; ++o) {
    const Counts xs = Values(a, static_cast<Outcome>(o));
    if (xs.empty()) continue;
    const Counts ys = Values(b, static_cast<Outcome>(o));  // once, not per x
    for (int64_t x : xs) {
      for (int64_t y : ys) {
        if (x > 1 && x == y) return true;
      }
    }
  }
  return false;
}

// "No casualties": the report says no one was killed and no one hurt, and
// nothing else about either.
bool NoCasualties(const Mention& m) {
  return OnlyZero(Values(m, Outcome::kKilled)) &&
         OnlyZero(Values(m, Outcome::kInjured));
}

// `none` says no one was killed or hurt; `other` counts only victims of one
// of those ("two wounded"). One day in one town, that is two attacks. A
// report saying only "no injuries" may be an early word on the event another
// counts three hurt in, and an outlet telling both ("no casualties at first
// ... three hurt") may join either.
bool NoneAgainstVictims(const Mention& none, const Mention& other) {
  if (!NoCasualties(none)) return false;
  return OnlyNonzero(Values(other, Outcome::kKilled)) ||
         OnlyNonzero(Values(other, Outcome::kInjured));
}

// "At least 20 wounded" early and "210 injured" by nightfall: wounded
// counts grow fast, so an open lower bound ("at least", "more than",
// "dozens") is met by any count at or above it.
bool MeetsOpenBound(const Mention& bounded, const Counts& ys) {
  for (const auto& f : bounded.figures) {
    if (f.outcome != Outcome::kInjured || f.implausible || f.count.high ||
        (f.qualifier != "at least"sv && f.qualifier != "more than"sv &&
         f.qualifier != "vague"sv)) {
      continue;
    }
    int64_t bound = f.count.value();
    for (int64_t y : ys) {
      if (bound > 0 && y >= bound) return true;
    }
  }
  return false;
}

// Whether the largest death toll `m` gives (one figure, or a sentence's sum
// over distinct victims) is close to one of `others`. A figure of unnamed
// "people" may already hold the others of its sentence ("ten people,
// including four policemen"), so it is a largest toll in its own right.
bool LargestTollMet(const Mention& m, const Counts& mine,
                    const Counts& others) {
  auto met = [&](int64_t top) {
    return std::any_of(others.begin(), others.end(),
                       [&](int64_t v) { return v > 0 && Close(top, v); });
  };
  if (met(*std::max_element(mine.begin(), mine.end()))) return true;
  for (const auto& f : m.figures) {
    if (f.outcome == Outcome::kKilled && !f.implausible &&
        (f.victims.empty() || f.victims == "people"sv) &&
        met(f.count.value())) {
      return true;
    }
  }
  return false;
}

// Each report's largest death toll is close to some count the other gives:
// "seven soldiers and a militant killed" and "the suicide bomber was
// killed" share the count one but tell two attacks; "three soldiers and two
// civilians" and "five killed" tell one.
bool LargestTollsClose(const Mention& a, const Counts& xs, const Mention& b,
                       const Counts& ys) {
  return LargestTollMet(a, xs, ys) && LargestTollMet(b, ys, xs);
}

// Two kinds of attack rarely told of one incident: a kidnapping and a
// killing or beating; a hand grenade thrown and a bomb planted or set off.
// Other sub-event types follow the trigger word an outlet chose ("drone
// strike", "explosion") and do not decide.
bool KindsCompatible(const std::string& x, const std::string& y) {
  auto apart = [&](const char* p, const char* q) {
    return (x == p && y == q) || (x == q && y == p);
  };
  return !apart("Abduction/forced disappearance", "Attack") &&
         !apart("Grenade", "Remote explosive/landmine/IED");
}

// For every outcome both give non-zero counts for, some pair is close.
bool FiguresCompatible(const Mention& a, const Mention& b, bool* one_equal) {
  *one_equal = false;
  if (NoneAgainstVictims(a, b) || NoneAgainstVictims(b, a)) return false;
  for (int o = 0; o < kNumOutcomes; ++o) {
    const Counts xs = Values(a, static_cast<Outcome>(o));
    const Counts ys = Values(b, static_cast<Outcome>(o));
    bool any_nonzero = false, close = false;
    for (int64_t x : xs) {
      for (int64_t y : ys) {
        if (x == y) *one_equal = true;
        if (x > 0 && y > 0) {
          any_nonzero = true;
          close |= Close(x, y);
        }
      }
    }
    // "No one was killed" and "two were killed": two events.
    if (o == static_cast<int>(Outcome::kKilled) &&
        ((OnlyZero(xs) && OnlyNonzero(ys)) ||
         (OnlyZero(ys) && OnlyNonzero(xs)))) {
      return false;
    }
    if (any_nonzero && close && o == static_cast<int>(Outcome::kKilled)) {
      close = LargestTollsClose(a, xs, b, ys);
    }
    if (any_nonzero && !close && o == static_cast<int>(Outcome::kInjured)) {
      close = MeetsOpenBound(a, ys) || MeetsOpenBound(b, xs);
    }
    if (any_nonzero && !close) return false;
  }
  return true;
}

}  // namespace

// Named actors (capitalised classes: "Islamic State", "US embassy",
// "Qassem Soleimani") that differ mean different events; classes such as
// "protesters" or "security forces" do not decide.
bool IsNamedActor(const std::string& s) {
  return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}

bool ActorsCompatible(const std::string& x, const std::string& y) {
  return !(IsNamedActor(x) && IsNamedActor(y) && x != y);
}

bool SameRecord(const Mention& a, const Mention& b, const MergeOptions& o) {
  if (a.article_id == b.article_id || a.kind != b.kind) return false;
  const Figure* fa = a.FigureFor(Outcome::kKilled);
  const Figure* fb = b.FigureFor(Outcome::kKilled);
  if (!fa || !fb || fa->count.value() != fb->count.value()) return false;
  if (a.date.valid() && b.date.valid() &&
      std::llabs(a.date.ToDays() - b.date.ToDays()) > 1) {
    return false;
  }
  auto root = [&](const std::string& id) {
    auto it = o.copy_of.find(id);
    return it == o.copy_of.end() ? id : it->second;
  };
  bool copies = root(a.article_id) == root(b.article_id);
  return copies || (a.kind == MentionKind::kTally && !a.source.empty() &&
                    a.source == b.source);
}

namespace {

// Whether the days of two otherwise compatible reports agree. `undated_ok`:
// whether an unknown day may join a known one (the same local place and
// type, and a casualty figure both give, equal or close).
bool DaysAgree(const Mention& a, const Mention& b, bool undated_ok) {
  // The same named victim ("killed Qassem Soleimani") ties a mention whose
  // day is only its article's to the one whose day is stated.
  if (IsNamedActor(a.actor2) && a.actor2 == b.actor2 &&
      a.event_type == b.event_type &&
      (Fuzzy(a.date_rule) || Fuzzy(b.date_rule))) {
    return true;
  }
  if (a.date.valid() && b.date.valid()) {
    int64_t gap = std::llabs(a.date.ToDays() - b.date.ToDays());
    // Two days stated precisely must agree; a publication day or "overnight"
    // may be a day off the event.
    return gap == 0 || (gap == 1 && (Fuzzy(a.date_rule) || Fuzzy(b.date_rule)));
  }
  // A weekday named in an undated article must fit the other's day.
  const Mention& known = a.date.valid() ? a : b;
  const Mention& unknown = a.date.valid() ? b : a;
  if (known.date.valid() && unknown.weekday >= 0 &&
      known.date.Weekday() != unknown.weekday) {
    return false;
  }
  return undated_ok;
}

// Whether the places of two compatible reports, and what ties them (a copy,
// the counts both give), make them one event.
bool PlacesTied(const Mention& a, const Mention& b, bool both_local,
                bool via_other, bool wide, bool copies) {
  // Two towns apart, each named by its report ("shelling near Vodyane",
  // "near Shyrokyne"; protests "in Hyderabad city", "in Sehwan city"), are
  // two incidents on one day, even in one district and even when the
  // reports share their wording (a template is not a retelling): only a
  // distinctive count both give ties them.
  if (DistinctTowns(a, b) && !SharedCountAboveOne(a, b)) return false;
  // Matching only through another place named in passing ("in Baghdad and
  // southern cities including Basra") needs more: a casualty figure both
  // give, or a copy.
  if (via_other && !copies && !SharedNonzero(a, b)) return false;
  // Two reports somewhere in one province ("in Andar district, Ghazni" and
  // "in Ab Band district, Ghazni"; a town and its province) tell one event
  // only with an equal count above one: close counts there are usually two
  // events, and so are a lone victim or none in each (a killing in a town
  // and one "in Nuevo Leon" the same day).
  // Near-duplicate wording does not excuse it ("near Opytne, Donetsk" with
  // the village unknown, and "near Bezimenne, Donetsk": a template), except
  // for a report that names only the country.
  if (wide && !SharedCountAboveOne(a, b) && (!copies || both_local))
    return false;
  // A report placed only in the country ("in Iraq") joins a town's event
  // only if it tells the same kind of attack with the same toll, more than
  // one: otherwise any bombing or lone killing in the country would join it.
  if (!both_local && !copies &&
      (a.event_type != b.event_type || a.sub_event_type != b.sub_event_type ||
       !SharedCountAboveOne(a, b))) {
    return false;
  }
  return true;
}

}  // namespace

bool SameEvent(const Mention& a, const Mention& b, const MergeOptions& o) {
  if (a.kind != MentionKind::kIncident || b.kind != MentionKind::kIncident) {
    return SameRecord(a, b, o);
  }
  if (a.article_id == b.article_id) return false;
  // Two known days first (DaysAgree's verdict on them): the day windows'
  // candidates are mostly a day apart with both days stated, and the tests
  // below cost more.
  const bool both_dated = a.date.valid() && b.date.valid();
  if (both_dated && !DaysAgree(a, b, false)) return false;
  if (!ActorsCompatible(a.actor1, b.actor1) ||
      !ActorsCompatible(a.actor2, b.actor2)) {
    return false;
  }
  if (!TypesCompatible(a.event_type, Protesters(a), b.event_type,
                       Protesters(b))) {
    return false;
  }
  bool both_local = false, via_other = false, wide = false;
  if (!PlacesCompatible(a, b, &both_local, &via_other, &wide)) return false;
  // (Figures before the copy lookups: all are pure tests, and two map
  // lookups by id cost more than most figure checks.)
  bool one_equal = false;
  if (!FiguresCompatible(a, b, &one_equal)) return false;
  // A report that names no place at all cannot be placed with another
  // article's event, unless one copies the other.
  bool copies = o.copy_of.count(a.article_id) || o.copy_of.count(b.article_id);
  if ((!a.location || !b.location) && !copies) return false;
  if (!copies && !KindsCompatible(a.sub_event_type, b.sub_event_type)) {
    return false;
  }
  if (!PlacesTied(a, b, both_local, via_other, wide, copies)) return false;
  if (both_dated) return true;  // their days agree (above)
  return DaysAgree(a, b,
                   both_local && (one_equal || copies || SharedNonzero(a, b)) &&
                       (a.event_type == b.event_type || copies));
}

bool DayStated(const Mention& m) {
  return m.kind == MentionKind::kIncident && m.date.valid() &&
         !Fuzzy(m.date_rule);
}

UndatedGate GateOf(const Mention& m, const MergeOptions& options) {
  UndatedGate g;
  if (m.kind != MentionKind::kIncident || IsNamedActor(m.actor2) ||
      options.copy_of.count(m.article_id)) {
    return g;
  }
  for (int o = 0; o < kNumOutcomes; ++o) {
    const Counts vs = Values(m, static_cast<Outcome>(o));
    if (!vs.empty()) g.outcomes |= 1 << o;
    if (o != static_cast<int>(Outcome::kKilled)) continue;
    for (int64_t v : vs) {
      if (v <= 0) continue;
      if (g.tolls == UndatedGate::kTolls) return g;  // wild: too many
      g.toll[g.tolls++] = v;
    }
  }
  g.wild = false;
  g.local = IsLocal(m.location);
  g.type = std::hash<std::string>()(m.event_type);
  return g;
}

bool MayJoinUndated(const UndatedGate& a, const UndatedGate& b) {
  if (a.wild || b.wild) return true;
  if (!a.local || !b.local || a.type != b.type || !(a.outcomes & b.outcomes))
    return false;
  if (a.tolls == 0 || b.tolls == 0) return true;
  for (int i = 0; i < a.tolls; ++i) {
    for (int j = 0; j < b.tolls; ++j) {
      if (Close(a.toll[i], b.toll[j])) return true;
    }
  }
  return false;
}

bool WeakFits(const Mention& m, const Mention& w) {
  if (m.article_id == w.article_id || m.event_type != w.event_type ||
      !ActorsCompatible(m.actor1, w.actor1) ||
      !ActorsCompatible(m.actor2, w.actor2)) {
    return false;
  }
  if (m.date.valid() && w.date.valid()) {
    int64_t gap = std::llabs(m.date.ToDays() - w.date.ToDays());
    if (gap > 1 || (gap == 1 && !Fuzzy(m.date_rule) && !Fuzzy(w.date_rule))) {
      return false;
    }
  }
  if (IsLocal(w.location) && IsLocal(m.location)) {
    return Near(*w.location, *m.location) &&
           w.location->country == m.location->country;
  }
  // One country: events never span two; a weak report with no place at
  // all stays out of other articles' events.
  if (!w.location || !m.location) return false;
  return w.location->country == m.location->country;
}

}  // namespace sitrep::merge_internal
