// JSON bodies of the REST API other than events (which are EventToJsonLine
// records): articles, search hits, tally series, ingest reports, errors.
#include <charconv>
#include <map>

#include "server/api.h"
#include "sitrep/json_writer.h"

namespace sitrep::server {
namespace {

void WriteSentences(JsonWriter& w, const sitrep::Article& a) {
  w.Key("sentences");
  w.BeginArray();
  for (const Span& s : a.sentences) {
    w.BeginObject();
    w.Key("span");
    w.SpanArray(s);
    w.Key("raw_span");
    w.SpanArray(a.offsets.ToRaw(s));
    w.Key("text");
    w.String(s.end <= a.text.size() ? s.In(a.text) : std::string_view());
    w.EndObject();
  }
  w.EndArray();
}

void WriteRemoved(JsonWriter& w, const sitrep::Article& a) {
  w.Key("removed");
  w.BeginArray();
  for (const Removed& r : a.removed) {
    w.BeginObject();
    w.Key("kind");
    w.String(r.kind);
    w.Key("raw_span");
    w.SpanArray(r.raw);
    w.Key("text");
    w.String(r.text);
    w.EndObject();
  }
  w.EndArray();
}

void WriteDateline(JsonWriter& w, const std::optional<Dateline>& d) {
  w.Key("dateline");
  if (!d) return w.Null();
  w.BeginObject();
  w.Key("place");
  w.String(d->place);
  w.Key("outlet");
  w.StringOrNull(d->outlet);
  w.Key("raw_span");
  w.SpanArray(d->raw);
  w.EndObject();
}

void WriteMetadata(JsonWriter& w, const sitrep::Article& a, int version) {
  w.Key("id");
  w.String(a.id);
  w.Key("version");
  w.Int(version);
  w.Key("source_path");
  w.String(a.source_path);
  w.Key("format");
  w.String(a.format);
  w.Key("url");
  w.StringOrNull(a.url);
  w.Key("outlet");
  w.StringOrNull(a.outlet);
  w.Key("title");
  w.StringOrNull(a.title);
  w.Key("published");
  a.published ? w.String(a.published->ToIso()) : w.Null();
  w.Key("date_origin");
  w.String(DateOriginName(a.date_origin));
  w.Key("content_hash");
  w.String(a.content_hash);
  w.Key("raw_bytes");
  w.Int(static_cast<int64_t>(a.raw.size()));
  w.Key("warnings");
  w.BeginArray();
  for (const std::string& s : a.warnings) w.String(s);
  w.EndArray();
}

void WriteCount(JsonWriter& w, const sitrep::Event& e, Outcome o) {
  const auto& c = e.counts[static_cast<int>(o)];
  w.Key(OutcomeName(o));
  w.OptInt(c ? c->best : std::nullopt);
}

void WriteTallyPoint(JsonWriter& w, const sitrep::Event& e) {
  w.BeginObject();
  w.Key("event_id");
  w.String(e.id);
  w.Key("date");
  e.date.valid() ? w.String(e.date.ToIso()) : w.Null();
  for (int o = 0; o < kNumOutcomes; ++o) WriteCount(w, e, Outcome(o));
  w.Key("qualifier");
  const auto& m = e.mentions;
  w.StringOrNull(m.empty() || m.front().figures.empty()
                     ? std::string_view()
                     : m.front().figures.front().qualifier);
  w.Key("subject");
  w.StringOrNull(e.subject);
  w.Key("articles");
  w.BeginArray();
  for (const std::string& id : e.articles) w.String(id);
  w.EndArray();
  w.EndObject();
}

}  // namespace

Reply ErrorReply(int status, std::string_view message) {
  Reply r;
  r.status = status;
  JsonWriter w(&r.body);
  w.BeginObject();
  w.Key("error");
  w.String(message);  // JsonWriter repairs invalid UTF-8
  w.EndObject();
  return r;
}

Result<int64_t> ParseCount(std::string_view key, std::string_view value,
                           int64_t max) {
  int64_t v = 0;
  auto [end, ec] =
      std::from_chars(value.data(), value.data() + value.size(), v);
  if (value.empty() || value.size() > 18 || ec != std::errc() ||
      end != value.data() + value.size() || v < 0) {
    return Status::InvalidArgument(std::string(key) +
                                   ": expected a non-negative integer");
  }
  return v > max ? max : v;
}

std::string ArticleToJson(const sitrep::Article& a, int version) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  WriteMetadata(w, a, version);
  WriteDateline(w, a.dateline);
  w.Key("text");
  w.String(a.text);
  WriteSentences(w, a);
  WriteRemoved(w, a);
  w.EndObject();
  return out;
}

std::string SearchHitsToJson(const std::vector<SearchHit>& hits) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("total");
  w.Int(static_cast<int64_t>(hits.size()));
  w.Key("hits");
  w.BeginArray();
  for (const SearchHit& h : hits) {
    w.BeginObject();
    w.Key("id");
    w.String(h.id);
    w.Key("version");
    w.Int(h.version);
    w.Key("title");
    w.StringOrNull(h.title);
    w.Key("score");
    w.Double(h.score);
    w.Key("snippet");
    w.String(h.snippet);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

// One series per (country, source), each in date order (undated first, as
// the events are stored in (date, id) order).
std::string TalliesToJson(const std::vector<const sitrep::Event*>& tallies) {
  std::map<std::pair<std::string, std::string>,
           std::vector<const sitrep::Event*>>
      series;
  for (const sitrep::Event* e : tallies) {
    series[{e->location ? e->location->country : "", e->source}].push_back(e);
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("series");
  w.BeginArray();
  for (const auto& [key, points] : series) {
    w.BeginObject();
    w.Key("country");
    w.StringOrNull(key.first);
    w.Key("source");
    w.StringOrNull(key.second);
    w.Key("points");
    w.BeginArray();
    for (const sitrep::Event* e : points) WriteTallyPoint(w, *e);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

std::string IngestReportToJson(const IngestReport& r, size_t events) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("inserted");
  w.Int(r.inserted);
  w.Key("present");
  w.Int(r.present);
  w.Key("versions");
  w.Int(r.versions);
  w.Key("mentions");
  w.Int(r.mentions);
  w.Key("failures");
  w.BeginArray();
  for (const std::string& f : r.failures) w.String(f);
  w.EndArray();
  w.Key("warnings");
  w.BeginArray();
  for (const std::string& f : r.warnings) w.String(f);
  w.EndArray();
  w.Key("events");
  w.Int(static_cast<int64_t>(events));
  w.EndObject();
  return out;
}

}  // namespace sitrep::server
