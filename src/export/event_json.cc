#include <map>

#include "sitrep/export.h"
#include "sitrep/json_writer.h"

namespace sitrep {
namespace {

void WriteCount(JsonWriter& w, const std::optional<Count>& c) {
  if (!c) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("low");
  w.OptInt(c->low);
  w.Key("best");
  w.OptInt(c->best);
  w.Key("high");
  w.OptInt(c->high);
  w.EndObject();
}

void WriteFigure(JsonWriter& w, const Figure& f) {
  w.BeginObject();
  w.Key("outcome");
  w.String(OutcomeName(f.outcome));
  w.Key("count");
  WriteCount(w, f.count);
  w.Key("qualifier");
  w.String(f.qualifier);
  w.Key("victims");
  w.StringOrNull(f.victims);
  w.Key("attribution");
  w.StringOrNull(f.attribution);
  w.Key("raw_span");
  w.SpanArray(f.raw_span);
  if (f.implausible) {
    w.Key("implausible");
    w.Bool(true);
  }
  w.EndObject();
}

void WriteSources(JsonWriter& w, const Event& e) {
  w.Key("sources");
  w.BeginArray();
  for (const auto& m : e.mentions) {
    w.BeginObject();
    w.Key("article");
    w.String(m.article_id);
    w.Key("event_type");
    w.String(m.event_type);
    w.Key("event_date");
    w.StringOrNull(m.date.valid() ? m.date.ToIso() : "");
    w.Key("date_rule");
    w.String(m.date_rule);
    w.Key("sentences");
    w.BeginArray();
    for (Span s : m.raw_spans) w.SpanArray(s);
    w.EndArray();
    w.Key("text");  // the sentence of sentences[0], clean text
    w.String(m.notes);
    w.Key("figures");
    w.BeginArray();
    for (const auto& f : m.figures) WriteFigure(w, f);
    w.EndArray();
    w.Key("triggers");
    w.BeginArray();
    for (const auto& t : m.trigger_words) w.String(t);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

void WritePlace(JsonWriter& w, const Event& e) {
  const auto& l = e.location;
  w.Key("country");
  w.StringOrNull(l ? l->country : "");
  w.Key("admin1");
  w.StringOrNull(l ? l->admin1 : "");
  w.Key("location");
  w.StringOrNull(l ? l->name : "");
  w.Key("latitude");
  l ? w.Double(l->lat) : w.Null();
  w.Key("longitude");
  l ? w.Double(l->lon) : w.Null();
  w.Key("geo_precision");
  w.StringOrNull(l ? l->precision : "");
}

}  // namespace

std::string EventToJsonLine(const Event& e) {
  std::string out;
  AppendEventJsonLine(e, &out);
  return out;
}

void AppendEventJsonLine(const Event& e, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("event_id");
  w.String(e.id);
  w.Key("kind");
  w.String(MentionKindName(e.kind));
  w.Key("event_type");
  w.String(e.event_type);
  w.Key("sub_event_type");
  w.String(e.sub_event_type);
  w.Key("event_date");
  w.StringOrNull(e.date.valid() ? e.date.ToIso() : "");
  w.Key("date_rule");
  w.String(e.date_rule);
  WritePlace(w, e);
  w.Key("actor1");
  w.StringOrNull(e.actor1);
  w.Key("actor2");
  w.StringOrNull(e.actor2);
  for (int o = 0; o < kNumOutcomes; ++o) {
    w.Key(OutcomeName(static_cast<Outcome>(o)));
    WriteCount(w, e.counts[o]);
  }
  if (e.fatalities_implied) {
    w.Key("fatalities_implied");
    w.Bool(true);
  }
  if (e.kind == MentionKind::kTally) {
    w.Key("source");
    w.StringOrNull(e.source);
    w.Key("subject");
    w.StringOrNull(e.subject);
  }
  if (e.kind == MentionKind::kAggregate) {
    w.Key("parts");
    w.BeginArray();
    for (const auto& p : e.parts) w.String(p);
    w.EndArray();
  }
  w.Key("articles");
  w.BeginArray();
  for (const auto& a : e.articles) w.String(a);
  w.EndArray();
  w.Key("n_sources");
  w.Int(e.n_sources);
  w.Key("disagreements");
  w.BeginArray();
  for (const auto& d : e.disagreements) w.String(d);
  w.EndArray();
  w.Key("notes");
  w.String(e.notes);
  WriteSources(w, e);
  w.EndObject();
}

}  // namespace sitrep
