// Figures, mentions and events: what sitrep extracts and merges.
//
// A Figure is one count stated in one sentence ("at least 75 protesters were
// wounded"), with what it counts, its victims, its qualifier and who gives it.
// A Mention is what one article says about one event: type, actors, place,
// date and figures, with the spans they came from. An Event is the
// real-world happening one or more mentions describe (see merge.h); its
// fields are derived from its mentions.
//
// Spans: `span` fields are byte spans in the article's clean text;
// `raw_span` fields are byte spans in the article's raw bytes (via the
// article's OffsetMap), so every figure points at its exact source.
//
// Thread safety: value types.
#ifndef SITREP_EVENT_H_
#define SITREP_EVENT_H_

#include <optional>
#include <string>
#include <vector>

#include "sitrep/civil_day.h"
#include "sitrep/date_expr.h"
#include "sitrep/offset_map.h"
#include "sitrep/quantity.h"

namespace sitrep {

enum class Outcome { kKilled = 0, kInjured, kArrested, kMissing };
constexpr int kNumOutcomes = 4;
const char* OutcomeName(Outcome o);  // "fatalities", "injuries", ...

enum class MentionKind { kIncident, kAggregate, kTally };
const char* MentionKindName(MentionKind k);  // "incident", ...

struct Figure {
  Outcome outcome = Outcome::kKilled;
  Count count;
  std::string qualifier;    // "at least", "exact", "zero", ...
  std::string victims;      // victim class: "protesters", "civilians", ...
  std::string attribution;  // "police and health sources", "" if none
  bool implausible = false;
  // "were also killed", "three more", "five others": counted on top of the
  // article's figures told before it, not an alternative report of them.
  bool adds = false;
  Span span;          // the figure's expression, clean text
  Span raw_span;      // the same in raw bytes
  int sentence = -1;  // index into Article::sentences
};

struct Location {
  std::string name;     // GeoNames primary name
  std::string country;  // ISO alpha-2
  std::string admin1;
  double lat = 0, lon = 0;
  uint32_t geonameid = 0;
  std::string precision;  // "city", "admin2", "admin1", "country"
  Span span;              // where it was named (clean text)
};

// A place more precise than a country (city, landmark or province).
bool IsLocal(const std::optional<Location>& l);
// Great-circle distance in km.
double DistanceKm(const Location& a, const Location& b);
// Named actors are capitalised classes ("Islamic State", "Qassem
// Soleimani"); classes such as "protesters" are lower case.
bool IsNamedActor(const std::string& actor_class);
// May figures with these victim classes count the same people? One class,
// or either unnamed ("" or "people"); "insurgents" and "soldiers" may not.
bool MaySameVictims(const std::string& a, const std::string& b);

// May two reports of these types tell one event? Equal types; Protests and
// Riots; and Violence against civilians with either when protesters are
// among the actors of both ("security forces shot dead four protesters").
bool TypesCompatible(const std::string& a, bool a_protesters,
                     const std::string& b, bool b_protesters);

struct Mention {
  std::string article_id;
  MentionKind kind = MentionKind::kIncident;
  std::string event_type;      // ACLED event type
  std::string sub_event_type;  // ACLED sub-event type
  std::string actor1, actor2;
  std::optional<Location> location;
  // Other local places its sentences name ("in Baghdad and southern cities
  // including Basra"): a mention may match another article's event there.
  std::vector<Location> other_places;
  CivilDay date;  // complete when known; partial or zero otherwise
  DatePrecision date_precision = DatePrecision::kDay;
  std::string date_rule;  // how it was resolved ("article", "weekday"...)
  int weekday = -1;       // 0 = Monday..6: a weekday named but not resolvable
                          // (undated article); constrains merging
  std::vector<Figure> figures;  // at most one per outcome after reconciling
  std::vector<int> sentences;   // indices into Article::sentences
  std::vector<Span> raw_spans;  // raw spans of those sentences
  std::string source;           // tally: who gives the figure
  std::string subject;          // tally: what is counted
  std::vector<int> parts;       // aggregate: first sentence of each part
  std::string notes;            // the main sentence's text
  // A weak mention names an event (strong trigger words) without figure,
  // day or place of its own: it may join exactly one compatible event told
  // by other articles, but never makes an event by itself.
  bool weak = false;
  std::vector<std::string> trigger_words;  // what fired, for audit

  const Figure* FigureFor(Outcome o) const;
  Figure* FigureFor(Outcome o);
  // The country its place lies in ("" without a place): events never span
  // two, so it is the scope of incremental re-derivation.
  std::string Scope() const {
    return location ? location->country : std::string();
  }
};

}  // namespace sitrep

#endif  // SITREP_EVENT_H_
