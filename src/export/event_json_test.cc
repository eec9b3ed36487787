#include <gtest/gtest.h>

#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "export/sample_events.h"
#include "sitrep/export.h"
#include "sitrep/json_writer.h"

namespace sitrep {
namespace {

// The plain reference: the same layout written with JsonWriter, whose
// container state adds every comma (the form before JsonLine).
namespace ref {

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

std::string ReferenceLine(const Event& e) {
  std::string line;
  std::string* out = &line;
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
  return line;
}

}  // namespace ref

// A random string: mostly plain words, sometimes quotes, backslashes,
// control bytes, UTF-8 and stray bytes that must be repaired.
std::string RandomText(std::mt19937& rng) {
  static const char* kPieces[] = {"a",
                                  "word ",
                                  "\"",
                                  "\\",
                                  "\n",
                                  "\t",
                                  "\x01",
                                  "\x1f",
                                  "caf\xC3\xA9",
                                  "\xE2\x80\x94",
                                  "\xFF",
                                  "\xC3",
                                  "\xF0\x9F\x98\x80",
                                  "x\ry",
                                  "0123456789abcdef"};
  std::string s;
  const int n = static_cast<int>(rng() % 12);
  for (int i = 0; i < n; ++i) s += kPieces[rng() % std::size(kPieces)];
  return s;
}

std::optional<int64_t> RandomInt(std::mt19937& rng) {
  if (rng() % 3 == 0) return std::nullopt;
  return static_cast<int64_t>(rng() % 5000) - 10;
}

Figure RandomFigure(std::mt19937& rng) {
  Figure f;
  f.outcome = static_cast<Outcome>(rng() % kNumOutcomes);
  if (rng() % 4)
    f.count = Count{RandomInt(rng), RandomInt(rng), RandomInt(rng)};
  f.qualifier = RandomText(rng);
  f.victims = RandomText(rng);
  f.attribution = RandomText(rng);
  f.raw_span = Span{static_cast<uint32_t>(rng()), static_cast<uint32_t>(rng())};
  f.implausible = rng() % 5 == 0;
  return f;
}

Mention RandomMention(std::mt19937& rng) {
  Mention m;
  m.article_id = RandomText(rng);
  m.event_type = RandomText(rng);
  if (rng() % 3)
    m.date =
        CivilDay{2000 + static_cast<int>(rng() % 30),
                 static_cast<int>(rng() % 13), static_cast<int>(rng() % 32)};
  m.date_rule = RandomText(rng);
  for (int i = static_cast<int>(rng() % 3); i > 0; --i) {
    m.raw_spans.push_back(Span{static_cast<uint32_t>(rng() % 100000),
                               static_cast<uint32_t>(rng() % 100000)});
  }
  m.notes = RandomText(rng);
  for (int i = static_cast<int>(rng() % 3); i > 0; --i) {
    m.figures.push_back(RandomFigure(rng));
  }
  for (int i = static_cast<int>(rng() % 3); i > 0; --i) {
    m.trigger_words.push_back(RandomText(rng));
  }
  return m;
}

Event RandomEvent(std::mt19937& rng) {
  Event e;
  e.id = RandomText(rng);
  e.kind = static_cast<MentionKind>(rng() % 3);
  e.event_type = RandomText(rng);
  e.sub_event_type = RandomText(rng);
  if (rng() % 3)
    e.date =
        CivilDay{1990 + static_cast<int>(rng() % 40),
                 static_cast<int>(rng() % 13), static_cast<int>(rng() % 32)};
  e.date_rule = RandomText(rng);
  if (rng() % 3) {
    e.location = sample::Place("p", "XX", "a", (rng() % 200000) / 1000.0 - 90,
                               (rng() % 3600001) / 10000.0 - 180);
    e.location->name = RandomText(rng);
    e.location->country = RandomText(rng);
  }
  e.actor1 = RandomText(rng);
  e.actor2 = RandomText(rng);
  for (auto& c : e.counts) {
    if (rng() % 2) c = Count{RandomInt(rng), RandomInt(rng), RandomInt(rng)};
  }
  e.fatalities_implied = rng() % 4 == 0;
  e.source = RandomText(rng);
  e.subject = RandomText(rng);
  for (int i = static_cast<int>(rng() % 3); i > 0; --i) {
    e.parts.push_back(RandomText(rng));
    e.articles.push_back(RandomText(rng));
    e.disagreements.push_back(RandomText(rng));
  }
  e.n_sources = static_cast<int>(rng() % 100);
  e.notes = RandomText(rng);
  for (int i = static_cast<int>(rng() % 4); i > 0; --i) {
    e.mentions.push_back(RandomMention(rng));
  }
  return e;
}

// The line's bytes are the reference's: the sample events, an empty one,
// and random events (escapes, repairs, nulls, every kind), appended to a
// buffer that is first empty, then large (the line grows past its room).
TEST(AppendEventJsonLine, MatchesTheJsonWriterReference) {
  std::vector<Event> events = sample::Events();
  events.emplace_back();
  std::mt19937 rng(9);
  for (int i = 0; i < 2000; ++i) events.push_back(RandomEvent(rng));
  Event big = RandomEvent(rng);
  big.notes.assign(10000, 'n');
  big.notes += "\x01\xFF";
  events.push_back(big);
  std::string buffer, want;
  for (const Event& e : events) {
    const std::string line = ref::ReferenceLine(e);
    ASSERT_EQ(EventToJsonLine(e), line);
    AppendEventJsonLine(e, &buffer);
    want += line;
  }
  EXPECT_EQ(buffer, want);
}

// AppendEventJsonLine appends exactly EventToJsonLine's line, whatever the
// buffer already holds (the extract command reuses one buffer).
TEST(AppendEventJsonLine, AppendsTheLine) {
  std::string buffer = "{\"earlier\":1}\n";
  std::string want = buffer;
  for (const Event& e : sample::Events()) {
    std::string line = EventToJsonLine(e);
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.find('\n'), std::string::npos);
    AppendEventJsonLine(e, &buffer);
    buffer.push_back('\n');
    want += line + "\n";
  }
  EXPECT_EQ(buffer, want);
  Event empty;
  std::string fresh;
  AppendEventJsonLine(empty, &fresh);
  EXPECT_EQ(fresh, EventToJsonLine(empty));
}

}  // namespace
}  // namespace sitrep
