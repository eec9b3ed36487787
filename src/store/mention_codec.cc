#include "store/mention_codec.h"

#include <simdjson.h>

#include <bit>

#include "sitrep/json_writer.h"

namespace sitrep::store_internal {
namespace {

void PutCount(JsonWriter& w, const Count& c) {
  w.BeginArray();
  w.OptInt(c.low);
  w.OptInt(c.best);
  w.OptInt(c.high);
  w.EndArray();
}

void PutFigure(JsonWriter& w, const Figure& f) {
  w.BeginObject();
  w.Key("o");
  w.Int(static_cast<int>(f.outcome));
  w.Key("c");
  PutCount(w, f.count);
  w.Key("q");
  w.String(f.qualifier);
  w.Key("v");
  w.String(f.victims);
  w.Key("a");
  w.String(f.attribution);
  w.Key("i");
  w.Bool(f.implausible);
  if (f.adds) {
    w.Key("+");
    w.Bool(true);
  }
  w.Key("s");
  w.SpanArray(f.span);
  w.Key("r");
  w.SpanArray(f.raw_span);
  w.Key("n");
  w.Int(f.sentence);
  w.EndObject();
}

// With `exact`, the coordinates' bits follow as integers ("latx",
// "lonx"): "lat" and "lon" have ten significant digits only.
void PutLocation(JsonWriter& w, const Location& l, bool exact) {
  w.BeginObject();
  w.Key("name");
  w.String(l.name);
  w.Key("country");
  w.String(l.country);
  w.Key("admin1");
  w.String(l.admin1);
  w.Key("lat");
  w.Double(l.lat);
  w.Key("lon");
  w.Double(l.lon);
  if (exact) {
    w.Key("latx");
    w.Int(std::bit_cast<int64_t>(l.lat));
    w.Key("lonx");
    w.Int(std::bit_cast<int64_t>(l.lon));
  }
  w.Key("gid");
  w.Int(l.geonameid);
  w.Key("precision");
  w.String(l.precision);
  w.Key("span");
  w.SpanArray(l.span);
  w.EndObject();
}

template <typename T, typename F>
void PutArray(JsonWriter& w, const std::vector<T>& v, F put) {
  w.BeginArray();
  for (const auto& x : v) put(x);
  w.EndArray();
}

}  // namespace

std::string EncodeMention(const Mention& m, bool exact) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("article");
  w.String(m.article_id);
  w.Key("kind");
  w.Int(static_cast<int>(m.kind));
  w.Key("type");
  w.String(m.event_type);
  w.Key("sub");
  w.String(m.sub_event_type);
  w.Key("actor1");
  w.String(m.actor1);
  w.Key("actor2");
  w.String(m.actor2);
  w.Key("loc");
  m.location ? PutLocation(w, *m.location, exact) : w.Null();
  w.Key("places");
  PutArray(w, m.other_places,
           [&](const Location& l) { PutLocation(w, l, exact); });
  w.Key("date");
  PutArray(w, std::vector<int>{m.date.year, m.date.month, m.date.day},
           [&](int x) { w.Int(x); });
  w.Key("prec");
  w.Int(static_cast<int>(m.date_precision));
  w.Key("rule");
  w.String(m.date_rule);
  w.Key("weekday");
  w.Int(m.weekday);
  w.Key("weak");
  w.Bool(m.weak);
  w.Key("figures");
  PutArray(w, m.figures, [&](const Figure& f) { PutFigure(w, f); });
  w.Key("sentences");
  PutArray(w, m.sentences, [&](int x) { w.Int(x); });
  w.Key("raw_spans");
  PutArray(w, m.raw_spans, [&](Span s) { w.SpanArray(s); });
  w.Key("source");
  w.String(m.source);
  w.Key("subject");
  w.String(m.subject);
  w.Key("parts");
  PutArray(w, m.parts, [&](int x) { w.Int(x); });
  w.Key("notes");
  w.String(m.notes);
  w.Key("triggers");
  PutArray(w, m.trigger_words, [&](const std::string& s) { w.String(s); });
  w.EndObject();
  return out;
}

namespace {

using simdjson::dom::array;
using simdjson::dom::element;

// Decoding helpers: each returns false when the field is missing or of the
// wrong type, which DecodeMention turns into kCorruption.
bool Str(element e, const char* key, std::string* out) {
  std::string_view v;
  if (e[key].get_string().get(v)) return false;
  out->assign(v);
  return true;
}

bool Int(element e, int64_t* out) { return !e.get_int64().get(*out); }

bool GetSpan(element e, Span* s) {
  array a;
  if (e.get_array().get(a) || a.size() != 2) return false;
  int64_t b = 0, en = 0;
  if (!Int(a.at(0), &b) || !Int(a.at(1), &en)) return false;
  *s = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(en)};
  return true;
}

bool GetOpt(element e, std::optional<int64_t>* out) {
  if (e.is_null()) {
    out->reset();
    return true;
  }
  int64_t v = 0;
  if (!Int(e, &v)) return false;
  *out = v;
  return true;
}

bool GetFigure(element e, Figure* f) {
  int64_t o = 0, n = 0;
  array c;
  if (!Int(e["o"], &o) || o < 0 || o >= kNumOutcomes || !Int(e["n"], &n) ||
      e["c"].get_array().get(c) || c.size() != 3) {
    return false;
  }
  f->outcome = static_cast<Outcome>(o);
  f->sentence = static_cast<int>(n);
  bool adds = false;
  f->adds = !e["+"].get_bool().get(adds) && adds;  // absent: false
  bool implausible = false;
  return GetOpt(c.at(0), &f->count.low) && GetOpt(c.at(1), &f->count.best) &&
         GetOpt(c.at(2), &f->count.high) && Str(e, "q", &f->qualifier) &&
         Str(e, "v", &f->victims) && Str(e, "a", &f->attribution) &&
         !e["i"].get_bool().get(implausible) &&
         (f->implausible = implausible, true) && GetSpan(e["s"], &f->span) &&
         GetSpan(e["r"], &f->raw_span);
}

// The exact coordinate `key` + "x" when present (EncodeMention's `exact`).
bool GetCoordinate(element e, const char* key, const char* exact, double* v) {
  int64_t bits = 0;
  if (!e[exact].get_int64().get(bits)) {
    *v = std::bit_cast<double>(bits);
    return true;
  }
  return !e[key].get_double().get(*v);
}

bool GetLocation(element e, Location* l) {
  int64_t gid = 0;
  return Str(e, "name", &l->name) && Str(e, "country", &l->country) &&
         Str(e, "admin1", &l->admin1) &&
         GetCoordinate(e, "lat", "latx", &l->lat) &&
         GetCoordinate(e, "lon", "lonx", &l->lon) && Int(e["gid"], &gid) &&
         (l->geonameid = static_cast<uint32_t>(gid), true) &&
         Str(e, "precision", &l->precision) && GetSpan(e["span"], &l->span);
}

template <typename F>
bool ForArray(element e, F each) {
  array a;
  if (e.get_array().get(a)) return false;
  for (element x : a) {
    if (!each(x)) return false;
  }
  return true;
}

bool GetBody(element d, Mention* m) {
  int64_t kind = 0, prec = 0, weekday = 0;
  if (!Int(d["kind"], &kind) || kind < 0 || kind > 2 ||
      !Int(d["prec"], &prec) || !Int(d["weekday"], &weekday)) {
    return false;
  }
  m->kind = static_cast<MentionKind>(kind);
  m->date_precision = static_cast<DatePrecision>(prec);
  m->weekday = static_cast<int>(weekday);
  // Keys added after the first release are optional: older stores decode
  // with their defaults (doc/storage.md).
  element weak;
  if (!d["weak"].get(weak) && weak.get_bool().get(m->weak)) return false;
  element loc = d["loc"];
  if (!loc.is_null()) {
    m->location.emplace();
    if (!GetLocation(loc, &*m->location)) return false;
  }
  std::vector<int64_t> date;
  auto ints = [](std::vector<int64_t>* v) {
    return [v](element x) {
      int64_t i = 0;
      if (!Int(x, &i)) return false;
      v->push_back(i);
      return true;
    };
  };
  std::vector<int64_t> sentences, parts;
  if (!ForArray(d["date"], ints(&date)) || date.size() != 3 ||
      !ForArray(d["sentences"], ints(&sentences)) ||
      !ForArray(d["parts"], ints(&parts))) {
    return false;
  }
  m->date = CivilDay{static_cast<int>(date[0]), static_cast<int>(date[1]),
                     static_cast<int>(date[2])};
  for (int64_t s : sentences) m->sentences.push_back(static_cast<int>(s));
  for (int64_t p : parts) m->parts.push_back(static_cast<int>(p));
  element places;
  bool has_places = !d["places"].get(places);
  return (!has_places || ForArray(places,
                                  [&](element x) {
                                    m->other_places.emplace_back();
                                    return GetLocation(x,
                                                       &m->other_places.back());
                                  })) &&
         ForArray(d["figures"],
                  [&](element x) {
                    m->figures.emplace_back();
                    return GetFigure(x, &m->figures.back());
                  }) &&
         ForArray(d["raw_spans"],
                  [&](element x) {
                    m->raw_spans.emplace_back();
                    return GetSpan(x, &m->raw_spans.back());
                  }) &&
         ForArray(d["triggers"], [&](element x) {
           std::string_view s;
           if (x.get_string().get(s)) return false;
           m->trigger_words.emplace_back(s);
           return true;
         });
}

}  // namespace

Result<Mention> DecodeMention(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  element d;
  if (parser.parse(padded).get(d)) {
    return Status::Corruption("stored mention is not JSON");
  }
  Mention m;
  bool ok = Str(d, "article", &m.article_id) && Str(d, "type", &m.event_type) &&
            Str(d, "sub", &m.sub_event_type) && Str(d, "actor1", &m.actor1) &&
            Str(d, "actor2", &m.actor2) && Str(d, "rule", &m.date_rule) &&
            Str(d, "source", &m.source) && Str(d, "subject", &m.subject) &&
            Str(d, "notes", &m.notes) && GetBody(d, &m);
  if (!ok)
    return Status::Corruption("stored mention has a missing or bad field");
  return m;
}

Status ForEachMentionRow(Stmt& s, const std::function<Status(Mention&&)>& fn) {
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::OK();
    SITREP_ASSIGN_OR_RETURN(Mention m, DecodeMention(s.Text(0)));
    SITREP_RETURN_IF_ERROR(fn(std::move(m)));
  }
}

}  // namespace sitrep::store_internal
