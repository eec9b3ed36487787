// A small, invented set of events for the export tests and the report's
// browser test (tests/report_fixture.cc). Not real reports.
#ifndef SITREP_EXPORT_SAMPLE_EVENTS_H_
#define SITREP_EXPORT_SAMPLE_EVENTS_H_

#include <string>
#include <vector>

#include "sitrep/merge.h"

namespace sitrep::sample {

inline Location Place(const char* name, const char* cc, const char* admin1,
                      double lat, double lon, const char* precision = "city") {
  Location l;
  l.name = name;
  l.country = cc;
  l.admin1 = admin1;
  l.lat = lat;
  l.lon = lon;
  l.precision = precision;
  return l;
}

inline Count Range(std::optional<int64_t> low, std::optional<int64_t> best,
                   std::optional<int64_t> high) {
  Count c;
  c.low = low;
  c.best = best;
  c.high = high;
  return c;
}

// A mention whose sentence `text` states `figure_text` (found in it).
inline Mention Source(const std::string& article, const std::string& text,
                      Outcome o, Count c, const std::string& figure_text,
                      const std::string& qualifier,
                      const std::string& attribution = "") {
  Mention m;
  m.article_id = article;
  m.notes = text;
  m.raw_spans.push_back(Span{100, static_cast<uint32_t>(100 + text.size())});
  m.sentences.push_back(3);
  Figure f;
  f.outcome = o;
  f.count = c;
  f.qualifier = qualifier;
  f.attribution = attribution;
  size_t at = text.find(figure_text);
  if (at != std::string::npos) {
    f.raw_span = Span{static_cast<uint32_t>(100 + at),
                      static_cast<uint32_t>(100 + at + figure_text.size())};
  }
  f.sentence = 3;
  m.figures.push_back(f);
  return m;
}

inline Event Make(const char* id, const char* type, const char* sub,
                  std::optional<Location> loc, CivilDay day) {
  Event e;
  e.id = id;
  e.event_type = type;
  e.sub_event_type = sub;
  e.location = std::move(loc);
  e.date = day;
  e.date_rule = "text";
  return e;
}

inline void AddSource(Event* e, Mention m) {
  m.date = e->date;
  m.date_rule = "text";
  for (const Figure& f : m.figures) {
    int o = static_cast<int>(f.outcome);
    e->figures[o].push_back(SourceFigure{m.article_id, f, true});
    e->counts[o] = f.count;
  }
  e->articles.push_back(m.article_id);
  if (e->notes.empty()) e->notes = m.notes;
  e->mentions.push_back(std::move(m));
  e->n_sources = static_cast<int>(e->articles.size());
}

}  // namespace sitrep::sample

#include "export/sample_events_data.h"

#endif  // SITREP_EXPORT_SAMPLE_EVENTS_H_
