#include "extract/mention_builder.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sitrep {
namespace {

double Km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  double dp = (lat2 - lat1) * kRad, dl = (lon2 - lon1) * kRad;
  double h = std::sin(dp / 2) * std::sin(dp / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) *
                 std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * 6371.0 * std::asin(std::sqrt(h));
}


// 0 = Monday .. 6 = Sunday when `s` names a weekday, else -1.
int WeekdayNamed(std::string_view s) {
  static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                "friday", "saturday", "sunday"};
  std::string low(s);
  for (char& ch : low) ch = static_cast<char>(std::tolower(ch));
  for (int i = 0; i < 7; ++i) {
    if (low.find(kDays[i]) != std::string::npos) return i;
  }
  return -1;
}

// "said on Friday", "told reporters on Monday": when it was reported, not
// when it happened.
bool ReportDate(const SentenceFacts& f, const DateMention& d) {
  static const char* kVerbs[] = {"said", "says", "told", "added", "reported",
                                 "announced", "stated", "confirmed", "claimed",
                                 "reporters", "statement"};
  // Up to five words back ("told the Lagos Ledger on Thursday"), within
  // the clause.
  uint32_t t = f.TokAt(d.span.begin);
  for (uint32_t k = t; k > 0 && t - k < 5; --k) {
    if (f.toks[k - 1].punct) return false;
    for (const char* v : kVerbs) {
      if (f.toks[k - 1].norm == v) return true;
    }
  }
  return false;
}

// "Monday's arrests came a day after police opened fire": the event told
// after "a day after" happened the day before the date named before it.
DateMention ShiftAfter(const SentenceFacts& f, DateMention d) {
  static const std::pair<const char*, int> kShifts[] = {
      {"came a day after", 1}, {"came one day after", 1},
      {"came two days after", 2}, {"comes a day after", 1}};
  for (size_t t = f.TokAt(d.span.end); t + 3 < f.toks.size(); ++t) {
    for (const auto& [phrase, days] : kShifts) {
      std::string three = f.toks[t].norm + " " + f.toks[t + 1].norm + " " +
                          f.toks[t + 2].norm + " " + f.toks[t + 3].norm;
      if (three == phrase && d.day.valid()) {
        d.day = d.day.AddDays(-days);
        d.rule += "+shift";
        return d;
      }
    }
  }
  return d;
}

// "01/02/2011 ... on Sunday": a numeric date that reads either way is
// settled by the weekday the text names (2 January 2011 was a Sunday).
DateMention Disambiguate(DateMention d, int weekday) {
  if (weekday < 0 || d.rule.find("ambiguous") == std::string::npos ||
      d.day.Weekday() == weekday) {
    return d;
  }
  CivilDay swapped{d.day.year, d.day.day, d.day.month};
  if (swapped.valid() && swapped.Weekday() == weekday) {
    d.day = swapped;
    d.rule += "+weekday";
  }
  return d;
}

// "SMM", "HM", "PPP": short capitals are mostly acronyms of groups and
// missions, rarely the country code they spell; only well-known ones count.
bool CodeLike(std::string_view s) {
  static const std::string_view kKnown[] = {"US", "U.S.", "UK", "UAE", "USA",
                                            "DRC", "CAR", "U.K."};
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

bool Local(const std::optional<Location>& l) {
  return l && l->precision != "country";
}

bool Near(const Location& a, const Location& b) {
  return Km(a.lat, a.lon, b.lat, b.lon) <= 25;
}

// The mention's place, or another local place its sentences named.
bool NearAny(const Mention& m, const Location& l) {
  if (m.location && Near(*m.location, l)) return true;
  for (const auto& o : m.other_places) {
    if (Near(o, l)) return true;
  }
  return false;
}

int64_t Best(const Count& c) {
  return c.best.value_or(c.low.value_or(c.high.value_or(0)));
}

}  // namespace

MentionBuilder::MentionBuilder(const Lexicon& lex, const Gazetteer* gaz,
                               const Article& article)
    : lex_(lex), gaz_(gaz), article_(article) {}

std::optional<Location> MentionBuilder::ToLocation(const Place& p,
                                                   Span span) const {
  Location l;
  l.name = p.kind == PlaceKind::kLandmark && !p.city.empty() ? p.city : p.name;
  l.country = p.country;
  l.admin1 = p.admin1;
  l.lat = p.lat;
  l.lon = p.lon;
  l.geonameid = p.geonameid;
  l.precision = p.kind == PlaceKind::kCountry  ? "country"
                : p.kind == PlaceKind::kAdmin1 ? "admin1"
                                               : "city";
  l.span = span;
  return l;
}

void MentionBuilder::MakeContext(const std::vector<SentenceFacts>& ss) {
  if (gaz_ == nullptr) return;
  std::vector<std::pair<std::string, int>> counts;
  for (const auto& f : ss) {
    for (const auto& pm : f.places) {
      if (pm.candidates.empty()) continue;
      const Place& p = pm.candidates.front();
      if (CodeLike(pm.span.In(article_.text))) continue;
      // "(Sao Jose, Santa Catarina)": the province settles which Sao Jose.
      if (p.kind == PlaceKind::kAdmin1 && !p.admin1_code.empty()) {
        ctx_.admin1.emplace_back(p.country, p.admin1_code);
      }
      // Countries and demonyms count fully; a city's country counts a
      // little (it settles "Tahrir Square" in an article about Baghdad).
      if (p.kind != PlaceKind::kCountry && !pm.demonym &&
          p.kind != PlaceKind::kCity) {
        continue;
      }
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](auto& c) { return c.first == p.country; });
      if (it == counts.end()) {
        counts.emplace_back(p.country, 1);
      } else {
        ++it->second;
      }
    }
  }
  std::stable_sort(counts.begin(), counts.end(),
                   [](auto& a, auto& b) { return a.second > b.second; });
  for (auto& c : counts) ctx_.countries.push_back(c.first);
  if (article_.dateline && !article_.dateline->place.empty()) {
    // "KUT, Iraq": the city, then an optional country or province.
    std::string_view dl = article_.dateline->place;
    size_t comma = dl.find(',');
    if (comma != std::string_view::npos) {
      if (auto c = gaz_->Country(TrimSpaces(dl.substr(comma + 1)))) {
        ctx_.countries.insert(ctx_.countries.begin(), c->country);
      }
      dl = dl.substr(0, comma);
    }
    PlaceMention pm;
    pm.candidates = gaz_->Lookup(dl);
    ctx_.dateline = Resolve(pm, ctx_);
    if (ctx_.dateline) dateline_place_ = ToLocation(*ctx_.dateline, {});
  }
  std::string main_country = dateline_place_ ? dateline_place_->country
                             : ctx_.countries.empty() ? ""
                                                      : ctx_.countries.front();
  if (!main_country.empty()) {
    if (auto c = gaz_->Country(main_country)) country_place_ = ToLocation(*c, {});
  }
}

bool MentionBuilder::InsideActor(const SentenceFacts& f, Span span) const {
  for (const auto& h : f.hits) {
    if (lex_.entry(h.payload).kind != LexKind::kActor) continue;
    Span a{f.toks[h.begin].span.begin, f.toks[h.end - 1].span.end};
    if (a.begin < span.end && span.begin < a.end) return true;
  }
  return false;
}

// The place a sentence's event happened: a city or landmark first, then a
// province, then a country; places inside actor names are skipped.
std::optional<Location> MentionBuilder::EventPlace(
    const SentenceFacts& f) const {
  std::optional<Location> best;
  int best_rank = 99;
  std::string_view text = article_.text;
  for (const auto& pm : f.places) {
    if (pm.demonym) continue;
    // "Tehran-backed", "U.S.-led": a modifier, not where it happened.
    if (pm.span.end < text.size() && text[pm.span.end] == '-') continue;
    if (Acronym(pm.span.In(text))) continue;  // "LoC", "HM"
    if (InsideActor(f, pm.span)) continue;  // "Boko Haram", "Islamic State"
    if (CodeLike(pm.span.In(text))) continue;
    std::optional<Place> p = Resolve(pm, ctx_);
    if (!p) continue;
    int rank = p->kind == PlaceKind::kLandmark ? 0
               : p->kind == PlaceKind::kCity   ? 1
               : p->kind == PlaceKind::kAdmin1 ? 2
                                               : 3;
    if (rank < best_rank) {
      best_rank = rank;
      best = ToLocation(*p, pm.span);
    }
  }
  return best;
}

std::optional<Candidate> MentionBuilder::MakeCandidate(SentenceFacts f,
                                                       size_t i) const {
  Candidate c;
  c.cls = Classify(lex_, f);
  if (c.cls.event_type.empty()) {
    // "No casualties were reported." or "The insurgents ... on Wednesday"
    // continue the event just told.
    if (f.figures.empty() && !f.HasCue(lex_, Cue::kAnaphor)) return std::nullopt;
    c.cls.defaulted = true;
  }
  std::string_view text = article_.text;
  c.attribution = FindAttribution(lex_, text, f);
  for (auto& fig : f.figures) {
    fig.attribution = c.attribution;
    fig.sentence = f.index;
    fig.raw_span = article_.offsets.ToRaw(fig.span);
  }
  for (const auto& d : f.dates) {
    if (ReportDate(f, d)) continue;
    if (!d.range_start && d.day.year != 0 && d.precision == DatePrecision::kDay) {
      c.date = Disambiguate(d, sentence_named_weekdays_[i]);
      break;
    }
  }
  if (c.date) c.date = ShiftAfter(f, *c.date);
  // "On 8 May, gunmen attacked a bus. Three people died." The date of a
  // recent sentence carries over to one that gives none.
  for (size_t back = 1; !c.date && back <= 3 && back <= i; ++back) {
    if (SameParagraph(sentence_index_[i - back], sentence_index_[i]) &&
        sentence_dates_[i - back]) {
      c.date = sentence_dates_[i - back];
      c.date->rule = "context";
      c.date_inherited = true;
    }
  }
  // An undated article's "on Thursday" anchors the sentences that follow.
  for (size_t back = 0; !c.date && c.weekday < 0 && back <= 3 && back <= i;
       ++back) {
    c.weekday = sentence_weekdays_[i - back];
  }
  c.place = sentence_places_[i];
  for (size_t back = 1; !Local(c.place) && back <= 2 && back <= i; ++back) {
    if (Local(sentence_places_[i - back])) {
      c.place = sentence_places_[i - back];
      c.place_inherited = true;
    }
  }
  if (!Local(c.place) && dateline_place_) {
    c.place = dateline_place_;
    c.place_inherited = true;
  }
  if (!c.place) c.place = country_place_;
  bool killed = false;
  for (const auto& fig : f.figures) killed |= fig.outcome == Outcome::kKilled;
  // A running toll: "so far", "since October", "an AFP tally", or "have been
  // killed in the unrest". A total over the day's incidents: "In all, ...".
  bool tally = f.HasCue(lex_, Cue::kTally) || f.HasCue(lex_, Cue::kSince) ||
               (f.HasCue(lex_, Cue::kPerfect) && f.HasCue(lex_, Cue::kPeriod));
  if (killed && tally) {
    c.kind = MentionKind::kTally;
  } else if (killed && f.HasCue(lex_, Cue::kAggregate)) {
    c.kind = MentionKind::kAggregate;
  }
  c.facts = std::move(f);
  // "Video showed ..." describes an event already told.
  if (c.facts.HasCue(lex_, Cue::kMedia)) {
    c.attach_only = true;
    c.cls.defaulted = true;
    return c;
  }
  if (!Qualifies(c)) {
    // "No one was hurt." or "Nine others were wounded." adds to the event
    // just told, but tells no event of its own.
    bool continues = !c.facts.figures.empty() || c.facts.HasCue(lex_, Cue::kAnaphor);
    if (continues && !c.facts.HasCue(lex_, Cue::kHypothetical) &&
        c.kind == MentionKind::kIncident) {
      c.attach_only = true;  // keeps its own type, if it has one
    } else if (Weak(c)) {
      c.weak = true;
    } else {
      return std::nullopt;
    }
  }
  return c;
}

// "One rocket landed inside the embassy walls": strong trigger words with
// no figure, day or place of its own, in a sentence that is no quote,
// plan, habit or recollection.
bool MentionBuilder::Weak(const Candidate& c) const {
  const SentenceFacts& f = c.facts;
  if (c.kind != MentionKind::kIncident || c.cls.defaulted || c.cls.score < 3 ||
      !f.figures.empty() || f.HasCue(lex_, Cue::kHypothetical) ||
      f.HasCue(lex_, Cue::kGeneric) || f.HasCue(lex_, Cue::kRecollection) ||
      f.HasCue(lex_, Cue::kMedia)) {
    return false;
  }
  if (c.date && article_.published && c.date->day.valid() &&
      article_.published->ToDays() - c.date->day.ToDays() > 14) {
    return false;  // background
  }
  std::string_view text = f.span.In(article_.text);
  return !text.starts_with("\"") && !text.starts_with("\xE2\x80\x9C");
}

bool MentionBuilder::SameParagraph(size_t a, size_t b) const {
  const auto& ss = article_.sentences;
  std::string_view text = article_.text;
  std::string_view between =
      text.substr(ss[a].end, ss[b].begin > ss[a].end ? ss[b].begin - ss[a].end : 0);
  return between.find("\n\n") == std::string_view::npos;
}

// A sentence tells an event when it gives a casualty figure, or when it has
// strong trigger evidence and anchors it in time or at a named local place
// (background and generic statements usually have neither).
bool MentionBuilder::Qualifies(const Candidate& c) const {
  const SentenceFacts& f = c.facts;
  if (c.kind != MentionKind::kIncident) return true;
  bool hypothetical = f.HasCue(lex_, Cue::kHypothetical);
  bool nonzero = false;
  for (const auto& fig : f.figures) {
    nonzero |= fig.count.best.value_or(fig.count.low.value_or(0)) > 0;
  }
  if (nonzero) return !hypothetical || c.cls.score >= 3;
  if (hypothetical || c.cls.score < 3 || f.HasCue(lex_, Cue::kRecollection) ||
      f.HasCue(lex_, Cue::kGeneric)) {
    return false;
  }
  if (c.date && article_.published && c.date->day.valid()) {
    int64_t age = article_.published->ToDays() - c.date->day.ToDays();
    if (age > 14 || age < -1) return false;  // background, not news
  }
  // A quotation is testimony or opinion: without a figure it is no event.
  std::string_view text = c.facts.span.In(article_.text);
  if (text.starts_with("\"") || text.starts_with("\xE2\x80\x9C")) return false;
  return (c.date && !c.date_inherited) || (Local(c.place) && !c.place_inherited);
}

}  // namespace sitrep

namespace sitrep {

void MentionBuilder::AddOtherPlaces(const Candidate& c, Mention* m) const {
  if (c.split) return;  // one place per record by construction
  for (const auto& pm : c.facts.places) {
    if (pm.demonym) continue;
    std::optional<Place> p = Resolve(pm, ctx_);
    if (!p || p->kind == PlaceKind::kCountry) continue;
    std::optional<Location> l = ToLocation(*p, pm.span);
    bool known = m->location && m->location->geonameid == l->geonameid &&
                 m->location->name == l->name;
    for (const auto& o : m->other_places) {
      known |= o.geonameid == l->geonameid && o.name == l->name;
    }
    if (!known && m->other_places.size() < 8) m->other_places.push_back(*l);
  }
}

// Local places named as "X and Y" (or "X, Y and Z") in one sentence.
std::vector<Location> MentionBuilder::CoordinatedPlaces(
    const SentenceFacts& f) const {
  std::vector<Location> out;
  std::string_view text = article_.text;
  for (size_t i = 0; i + 1 < f.places.size(); ++i) {
    const auto& a = f.places[i];
    const auto& b = f.places[i + 1];
    std::string_view between =
        b.span.begin > a.span.end ? text.substr(a.span.end, b.span.begin - a.span.end)
                                  : std::string_view();
    if (between != " and " && between != ", ") continue;
    for (const PlaceMention* pm : {&a, &b}) {
      std::optional<Place> p = Resolve(*pm, ctx_);
      if (!p || p->kind == PlaceKind::kCountry || pm->demonym) return {};
      auto l = ToLocation(*p, pm->span);
      bool seen = false;
      for (const auto& o : out) seen |= o.span == l->span;
      if (!seen) out.push_back(*l);
    }
  }
  return out;
}

MentionBuilder::Work MentionBuilder::ToWork(const Candidate& c) const {
  Work w;
  w.cls = c.cls;
  Mention& m = w.m;
  m.article_id = article_.id;
  m.kind = c.kind;
  m.event_type = c.cls.event_type;
  m.sub_event_type = c.cls.sub_event_type;
  m.actor1 = c.cls.actor1;
  m.actor2 = c.cls.actor2;
  m.location = c.place;
  if (c.date) {
    m.date = c.date->day;
    m.date_rule = c.date->rule.empty() ? "text" : c.date->rule;
    w.explicit_date = true;
  } else if (article_.published) {
    m.date = *article_.published;
    m.date_rule = "article";
  } else {
    m.date_rule = "none";
  }
  if (!m.date.valid()) m.weekday = c.weekday;
  m.figures = c.facts.figures;
  AddOtherPlaces(c, &m);
  m.sentences.push_back(c.facts.index);
  m.raw_spans.push_back(article_.offsets.ToRaw(c.facts.span));
  m.notes = std::string(c.facts.span.In(article_.text));
  m.trigger_words = c.cls.triggers;
  if (c.kind == MentionKind::kTally) {
    m.source = c.attribution.empty() ? article_.outlet : c.attribution;
    m.subject = "killed";
  }
  return w;
}

// How strongly a candidate belongs with a mention already built: a shared
// figure value, then the same event type, then nearness in the text.
int MentionBuilder::Affinity(const Work& w, const Candidate& c) const {
  int score = 0;
  for (const auto& a : w.m.figures) {
    for (const auto& b : c.facts.figures) {
      if (a.outcome == b.outcome && Best(a.count) == Best(b.count)) score += 100;
    }
  }
  if (!c.cls.defaulted && w.m.event_type == c.cls.event_type) score += 10;
  int gap = c.facts.index - w.m.sentences.back();
  return score + std::max(0, 9 - gap);
}

bool MentionBuilder::Compatible(const Work& w, const Candidate& c) const {
  const Mention& m = w.m;
  if (m.kind != MentionKind::kIncident || c.kind != MentionKind::kIncident) {
    return false;
  }
  if (c.split && std::find(m.sentences.begin(), m.sentences.end(),
                           c.facts.index) != m.sentences.end()) {
    return false;  // the other place of "unrest in Basra and Kut"
  }
  // "... were killed in the crackdown" points back to the event just told.
  bool anaphor = c.facts.HasCue(lex_, Cue::kAnaphor) &&
                 c.facts.index - m.sentences.back() <= 2;
  auto protesters = [](const std::string& a1, const std::string& a2) {
    return a1 == "protesters" || a2 == "protesters";
  };
  if (!TypesCompatible(m.event_type, protesters(m.actor1, m.actor2),
                       c.cls.event_type,
                       protesters(c.cls.actor1, c.cls.actor2)) &&
      !anaphor && !c.cls.defaulted) {
    return false;
  }
  auto named = [](const std::string& s) {
    return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
  };
  // State forces and an unidentified armed group are different perpetrators.
  auto armed = [](ActorKind k) {
    return k == ActorKind::kState || k == ActorKind::kArmed;
  };
  if (!m.actor1.empty() && !c.cls.actor1.empty() && armed(w.cls.actor1_kind) &&
      armed(c.cls.actor1_kind) && w.cls.actor1_kind != c.cls.actor1_kind) {
    return false;
  }
  bool named_clash =
      (named(m.actor2) && named(c.cls.actor2) && m.actor2 != c.cls.actor2) ||
      (named(m.actor1) && named(c.cls.actor1) && m.actor1 != c.cls.actor1);
  if (named_clash && !c.cls.defaulted) {
    return false;  // different named targets or perpetrators
  }
  // "Nine other people were wounded ..." right after the event continues it
  // wherever it names.
  bool continuation = c.cls.defaulted && c.facts.index - m.sentences.back() <= 1;
  if (Local(m.location) && Local(c.place) && !c.place_inherited &&
      !continuation && !NearAny(m, *c.place)) {
    return false;
  }
  if (w.explicit_date && c.date && !(m.date == c.date->day)) return false;
  // Different counts of the same outcome, none shared and no word pointing
  // back, are two incidents ("29 in Nassiriya ... 12 in Najaf").
  if (anaphor) return true;
  for (int o = 0; o < kNumOutcomes; ++o) {
    bool both = false, shared = false, mine = false;
    for (const auto& a : m.figures) {
      if (static_cast<int>(a.outcome) != o || Best(a.count) <= 0) continue;
      mine = true;
      for (const auto& b : c.facts.figures) {
        if (static_cast<int>(b.outcome) != o || Best(b.count) <= 0) continue;
        both = true;
        shared |= Best(a.count) == Best(b.count);
      }
    }
    if (mine && both && !shared) return false;
  }
  return true;
}

void MentionBuilder::Join(Work* w, const Candidate& c) const {
  Mention& m = w->m;
  if (!c.cls.defaulted) {
    for (const auto& [type, score] : c.cls.scores) w->cls.scores[type] += score;
  }
  Classification merged = w->cls;
  Decide(&merged, lex_, c.facts);
  if (!merged.event_type.empty() && merged.event_type != m.event_type &&
      merged.score > merged.scores[m.event_type]) {
    m.event_type = merged.event_type;
    m.sub_event_type = merged.sub_event_type;
  }
  if (m.actor1.empty()) m.actor1 = c.cls.actor1;
  if (m.actor2.empty()) m.actor2 = c.cls.actor2;
  if ((!Local(m.location) && Local(c.place)) ||
      (Local(c.place) && !c.place_inherited && m.location &&
       m.location->precision != "city" && c.place->precision == "city")) {
    m.location = c.place;
  }
  if (!m.date.valid() && m.weekday < 0) m.weekday = c.weekday;
  if (!w->explicit_date && c.date) {
    m.date = c.date->day;
    m.date_rule = c.date->rule;
    w->explicit_date = true;
  }
  for (const auto& f : c.facts.figures) m.figures.push_back(f);
  AddOtherPlaces(c, &m);
  m.sentences.push_back(c.facts.index);
  m.raw_spans.push_back(article_.offsets.ToRaw(c.facts.span));
  for (const auto& t : c.cls.triggers) m.trigger_words.push_back(t);
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
    if (m.kind != MentionKind::kIncident || !total || Best(total->count) <= 0) {
      continue;
    }
    int64_t sum = 0;
    std::vector<int> parts;
    for (size_t j = 0; j < ws->size(); ++j) {
      const Mention& o = (*ws)[j].m;
      const Figure* f = o.FigureFor(Outcome::kKilled);
      if (j == i || !f || o.kind != MentionKind::kIncident) continue;
      if (Local(o.location) && Local(m.location) &&
          o.location->geonameid == m.location->geonameid) {
        continue;
      }
      sum += Best(f->count);
      parts.push_back(o.sentences.front());
    }
    if (parts.size() >= 2 && sum == Best(total->count)) {
      m.kind = MentionKind::kAggregate;
      m.parts = parts;
    }
  }
}

std::vector<Mention> MentionBuilder::Build(std::vector<SentenceFacts> ss) {
  MakeContext(ss);
  for (const auto& f : ss) {
    sentence_index_.push_back(static_cast<size_t>(f.index));
    sentence_places_.push_back(EventPlace(f));
    int weekday = -1;
    for (const auto& d : f.dates) {
      if (ReportDate(f, d)) continue;
      if (!d.range_start && d.day.year == 0 && weekday < 0) {
        weekday = WeekdayNamed(d.span.In(article_.text));
      }
    }
    sentence_weekdays_.push_back(weekday);
    int named = -1;  // any weekday named, resolved or not
    for (const auto& d : f.dates) {
      if (named < 0 && !ReportDate(f, d)) named = WeekdayNamed(d.span.In(article_.text));
    }
    sentence_named_weekdays_.push_back(named);
    std::optional<DateMention> day;
    for (const auto& d : f.dates) {
      if (ReportDate(f, d)) continue;
      if (!d.range_start && d.day.year != 0 &&
          d.precision == DatePrecision::kDay) {
        day = Disambiguate(d, named);
        break;
      }
    }
    sentence_dates_.push_back(day);
  }
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < ss.size(); ++i) {
    std::optional<Candidate> c = MakeCandidate(std::move(ss[i]), i);
    if (!c) continue;
    // "a day of unrest in Basra and Kut": one event per place, as ACLED
    // codes them, when no figure ties the sentence to one of them.
    std::vector<Location> places = CoordinatedPlaces(c->facts);
    if (places.size() < 2 || !c->facts.figures.empty()) {
      candidates.push_back(std::move(*c));
      continue;
    }
    for (const Location& l : places) {
      Candidate copy = *c;
      copy.place = l;
      copy.place_inherited = false;
      copy.split = true;
      candidates.push_back(std::move(copy));
    }
  }
  std::vector<Work> works;
  for (auto& cand : candidates) {
    std::optional<Candidate> c = std::move(cand);
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
    for (size_t k = works.size(); k-- > 0;) {
      if (c->cls.defaulted && k != last) continue;
      if (works[k].m.weak || !Compatible(works[k], *c)) continue;
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
      works.push_back(ToWork(*c));
      works.back().m.weak = c->weak;
    }
  }
  MarkAggregates(&works);
  std::vector<Mention> out;
  for (auto& w : works) out.push_back(std::move(w.m));
  return out;
}

}  // namespace sitrep
