// An event as one line of JSON. Written with JsonLine: the layout is fixed,
// so each key is a literal with its comma (event_json_test.cc checks the
// bytes against the same layout written with JsonWriter).
#include "export/json_line.h"
#include "sitrep/export.h"

namespace sitrep {
namespace {

void WriteCount(JsonLine& j, const std::optional<Count>& c) {
  if (!c) return j.Raw("null");
  j.Raw("{\"low\":");
  j.OptInt(c->low);
  j.Raw(",\"best\":");
  j.OptInt(c->best);
  j.Raw(",\"high\":");
  j.OptInt(c->high);
  j.Char('}');
}

void WriteDate(JsonLine& j, const CivilDay& d) {
  if (!d.valid()) return j.Raw("null");
  j.StrOrNull(d.ToIso());
}

// `[` each(v[0]) `,` each(v[1]) ... `]`.
template <typename T, typename Each>
void WriteArray(JsonLine& j, const std::vector<T>& v, Each each) {
  j.Char('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) j.Char(',');
    each(v[i]);
  }
  j.Char(']');
}

template <typename T>
void WriteStrings(JsonLine& j, const std::vector<T>& v) {
  WriteArray(j, v, [&](const T& x) { j.Str(x); });
}

void WriteFigure(JsonLine& j, const Figure& f) {
  j.Raw("{\"outcome\":");
  j.Str(OutcomeName(f.outcome));
  j.Raw(",\"count\":");
  WriteCount(j, f.count);
  j.Raw(",\"qualifier\":");
  j.Str(f.qualifier);
  j.Raw(",\"victims\":");
  j.StrOrNull(f.victims);
  j.Raw(",\"attribution\":");
  j.StrOrNull(f.attribution);
  j.Raw(",\"raw_span\":");
  j.SpanArray(f.raw_span);
  if (f.implausible) j.Raw(",\"implausible\":true");
  j.Char('}');
}

void WriteSource(JsonLine& j, const Mention& m) {
  j.Raw("{\"article\":");
  j.Str(m.article_id);
  j.Raw(",\"event_type\":");
  j.Str(m.event_type);
  j.Raw(",\"event_date\":");
  WriteDate(j, m.date);
  j.Raw(",\"date_rule\":");
  j.Str(m.date_rule);
  j.Raw(",\"sentences\":");
  WriteArray(j, m.raw_spans, [&](const auto& span) { j.SpanArray(span); });
  j.Raw(",\"text\":");  // the sentence of sentences[0], clean text
  j.Str(m.notes);
  j.Raw(",\"figures\":");
  WriteArray(j, m.figures, [&](const Figure& f) { WriteFigure(j, f); });
  j.Raw(",\"triggers\":");
  WriteStrings(j, m.trigger_words);
  j.Char('}');
}

void WritePlace(JsonLine& j, const Event& e) {
  const auto& l = e.location;
  j.Raw(",\"country\":");
  j.StrOrNull(l ? l->country : "");
  j.Raw(",\"admin1\":");
  j.StrOrNull(l ? l->admin1 : "");
  j.Raw(",\"location\":");
  j.StrOrNull(l ? l->name : "");
  j.Raw(",\"latitude\":");
  l ? j.Double(l->lat) : j.Raw("null");
  j.Raw(",\"longitude\":");
  l ? j.Double(l->lon) : j.Raw("null");
  j.Raw(",\"geo_precision\":");
  j.StrOrNull(l ? l->precision : "");
}

// From "actor1" to "parts": who, how many, and the kind's own fields.
void WriteFigures(JsonLine& j, const Event& e) {
  j.Raw(",\"actor1\":");
  j.StrOrNull(e.actor1);
  j.Raw(",\"actor2\":");
  j.StrOrNull(e.actor2);
  for (int o = 0; o < kNumOutcomes; ++o) {
    j.Char(',');
    j.Str(OutcomeName(static_cast<Outcome>(o)));
    j.Char(':');
    WriteCount(j, e.counts[o]);
  }
  if (e.fatalities_implied) j.Raw(",\"fatalities_implied\":true");
  if (e.kind == MentionKind::kTally) {
    j.Raw(",\"source\":");
    j.StrOrNull(e.source);
    j.Raw(",\"subject\":");
    j.StrOrNull(e.subject);
  }
  if (e.kind == MentionKind::kAggregate) {
    j.Raw(",\"parts\":");
    WriteStrings(j, e.parts);
  }
}

}  // namespace

std::string EventToJsonLine(const Event& e) {
  std::string out;
  AppendEventJsonLine(e, &out);
  return out;
}

void AppendEventJsonLine(const Event& e, std::string* out) {
  JsonLine j(out);
  j.Raw("{\"event_id\":");
  j.Str(e.id);
  j.Raw(",\"kind\":");
  j.Str(MentionKindName(e.kind));
  j.Raw(",\"event_type\":");
  j.Str(e.event_type);
  j.Raw(",\"sub_event_type\":");
  j.Str(e.sub_event_type);
  j.Raw(",\"event_date\":");
  WriteDate(j, e.date);
  j.Raw(",\"date_rule\":");
  j.Str(e.date_rule);
  WritePlace(j, e);
  WriteFigures(j, e);
  j.Raw(",\"articles\":");
  WriteStrings(j, e.articles);
  j.Raw(",\"n_sources\":");
  j.Int(e.n_sources);
  j.Raw(",\"disagreements\":");
  WriteStrings(j, e.disagreements);
  j.Raw(",\"notes\":");
  j.Str(e.notes);
  j.Raw(",\"sources\":");
  WriteArray(j, e.mentions, [&](const Mention& m) { WriteSource(j, m); });
  j.Char('}');
}

}  // namespace sitrep
