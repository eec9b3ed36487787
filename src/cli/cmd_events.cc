// `sitrep events`, `sitrep conflicts`, `sitrep tallies`: what the store
// holds, derived from its mentions, filtered and formatted.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/format.h"
#include "sitrep/event_filter.h"
#include "sitrep/export.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

struct FilterArgs {
  std::string country, type, from, to, bbox, kind, q;
  EventFilter ToFilter(Status* st) const {
    auto f = EventFilter::Parse({{"country", country},
                                 {"type", type},
                                 {"from", from},
                                 {"to", to},
                                 {"bbox", bbox},
                                 {"kind", kind},
                                 {"q", q}});
    if (!f.ok()) {
      *st = f.status();
      return {};
    }
    return *f;
  }
  void AddTo(CLI::App* cmd) {
    cmd->add_option("--country", country, "ISO alpha-2 codes, comma-separated");
    cmd->add_option("--type", type,
                    "event or sub-event types, comma-separated");
    cmd->add_option("--from", from, "first day (YYYY-MM-DD)");
    cmd->add_option("--to", to, "last day (YYYY-MM-DD)");
    cmd->add_option("--bbox", bbox, "min_lon,min_lat,max_lon,max_lat");
    cmd->add_option("--kind", kind, "incident, aggregate, tally");
    cmd->add_option("-q,--query", q, "text in notes, place, actors");
  }
};

struct EventsArgs {
  std::string format = "jsonl";
  bool conservative = false;
  FilterArgs filter;
};

// Loads, derives and filters the store's events.
Result<std::vector<Event>> LoadEvents(const GlobalOptions& g,
                                      const FilterArgs& fa, bool conservative,
                                      std::unique_ptr<Store>* store,
                                      std::unique_ptr<Pipeline>* pipeline) {
  Status st;
  EventFilter filter = fa.ToFilter(&st);
  if (!st.ok()) return st;
  auto s = Store::Open(g.db);
  if (!s.ok()) return s.status();
  *store = std::move(s).value();
  PipelineOptions options;
  options.conservative = conservative;
  auto p = Pipeline::Open(store->get(), options);
  if (!p.ok()) return p.status();
  *pipeline = std::move(p).value();
  SITREP_ASSIGN_OR_RETURN(std::vector<Event> events,
                          (*pipeline)->DeriveEvents());
  return FilterEvents(events, filter);
}

void Print(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

int RunEvents(const GlobalOptions& g, const EventsArgs& args) {
  std::unique_ptr<Store> store;
  std::unique_ptr<Pipeline> pipeline;
  auto events =
      LoadEvents(g, args.filter, args.conservative, &store, &pipeline);
  if (!events.ok()) return ReportError(events.status());
  ExportOptions options;
  options.country_name = CountryNamesFrom(*pipeline->gazetteer());
  if (args.format == "csv") {
    Print(EventsToCsv(*events, options));
  } else if (args.format == "geojson") {
    int omitted = 0;
    Print(EventsToGeoJson(*events, options, &omitted) + "\n");
    if (omitted && !g.quiet) {
      std::fprintf(stderr, "sitrep: %d events without coordinates left out\n",
                   omitted);
    }
  } else {
    for (const Event& e : *events) Print(EventToJsonLine(e) + "\n");
  }
  return kExitOk;
}

int RunConflicts(const GlobalOptions& g, const FilterArgs& fa) {
  std::unique_ptr<Store> store;
  std::unique_ptr<Pipeline> pipeline;
  auto events = LoadEvents(g, fa, false, &store, &pipeline);
  if (!events.ok()) return ReportError(events.status());
  int n = 0;
  for (const Event& e : *events) {
    if (e.disagreements.empty()) continue;
    ++n;
    std::printf("%s  %s  %s  %s\n", e.id.c_str(),
                e.date.valid() ? e.date.ToIso().c_str() : "undated   ",
                e.location ? e.location->name.c_str() : "-",
                e.event_type.c_str());
    for (const auto& d : e.disagreements) std::printf("    %s\n", d.c_str());
  }
  if (!g.quiet) std::fprintf(stderr, "%d events with disagreeing sources\n", n);
  return kExitOk;
}

int RunTallies(const GlobalOptions& g, FilterArgs fa) {
  fa.kind = "tally";
  std::unique_ptr<Store> store;
  std::unique_ptr<Pipeline> pipeline;
  auto events = LoadEvents(g, fa, false, &store, &pipeline);
  if (!events.ok()) return ReportError(events.status());
  // One series per (country, source), in report-date order.
  std::map<std::string, std::vector<const Event*>> series;
  for (const Event& e : *events) {
    std::string country = e.location ? e.location->country : "";
    series[country + "\t" + (e.source.empty() ? "(unattributed)" : e.source)]
        .push_back(&e);
  }
  for (auto& [key, list] : series) {
    std::printf("%s\n", key.c_str());
    for (const Event* e : list) {
      const auto& c = e->counts[static_cast<int>(Outcome::kKilled)];
      std::printf("    %s  %s %lld  %s\n",
                  e->date.valid() ? e->date.ToIso().c_str() : "undated   ",
                  e->mentions.front().figures.empty()
                      ? ""
                      : e->mentions.front().figures.front().qualifier.c_str(),
                  static_cast<long long>(c ? c->best.value_or(0) : 0),
                  e->articles.front().c_str());
    }
  }
  return kExitOk;
}

std::string CountText(const std::optional<Count>& c) {
  if (!c) return "-";
  auto v = [](const std::optional<int64_t>& x) {
    return x ? std::to_string(*x) : std::string("?");
  };
  if (c->low == c->high && c->low == c->best) return v(c->best);
  return v(c->best) + " (" + v(c->low) + "-" + v(c->high) + ")";
}

int RunSummary(const GlobalOptions& g, const FilterArgs& fa) {
  std::unique_ptr<Store> store;
  std::unique_ptr<Pipeline> pipeline;
  auto events = LoadEvents(g, fa, false, &store, &pipeline);
  if (!events.ok()) return ReportError(events.status());
  auto articles = store->CountArticles();
  std::map<std::string, int> by_type;
  int incidents = 0, conflicts = 0;
  for (const Event& e : *events) {
    if (e.kind != MentionKind::kIncident) continue;
    ++incidents;
    ++by_type[e.event_type];
    conflicts += !e.disagreements.empty();
  }
  std::printf(
      "%lld articles, %d incidents (%d with disagreeing sources), "
      "%zu records in all\n\n",
      static_cast<long long>(articles.ok() ? *articles : 0), incidents,
      conflicts, events->size());
  for (const auto& [type, n] : by_type)
    std::printf("  %4d  %s\n", n, type.c_str());
  std::printf("\n%-10s  %-10s  %-16s  %-26s  %-14s  %-14s  %s\n", "kind",
              "date", "place", "type", "killed", "injured", "sources");
  for (const Event& e : *events) {
    std::printf("%-10s  %-10s  %s  %s  %-14s  %-14s  %zu\n",
                MentionKindName(e.kind),
                e.date.valid() ? e.date.ToIso().c_str() : "undated",
                Cell(e.location ? e.location->name : "-", 16).c_str(),
                Cell(e.event_type, 26).c_str(), CountText(e.counts[0]).c_str(),
                CountText(e.counts[1]).c_str(), e.articles.size());
  }
  return kExitOk;
}

}  // namespace

void RegisterSummaryCommands(CommandRegistry& r) {
  auto args = std::make_shared<FilterArgs>();
  CLI::App* cmd = r.Add("summary", "A readable table of the store's events.",
                        [&r, args] { return RunSummary(r.globals(), *args); });
  args->AddTo(cmd);
}

void RegisterEventsCommands(CommandRegistry& r) {
  auto args = std::make_shared<EventsArgs>();
  CLI::App* cmd = r.Add(
      "events",
      "Print the merged events of the store (JSON Lines, CSV or GeoJSON).",
      [&r, args] { return RunEvents(r.globals(), *args); });
  cmd->add_option("--format", args->format, "jsonl, csv or geojson")
      ->check(CLI::IsMember({"jsonl", "csv", "geojson"}))
      ->capture_default_str();
  cmd->add_flag("--conservative", args->conservative,
                "best figure = lowest reported (ACLED's convention)");
  args->filter.AddTo(cmd);

  auto conflicts = std::make_shared<FilterArgs>();
  CLI::App* c =
      r.Add("conflicts", "List events whose sources disagree on a figure.",
            [&r, conflicts] { return RunConflicts(r.globals(), *conflicts); });
  conflicts->AddTo(c);

  auto tallies = std::make_shared<FilterArgs>();
  CLI::App* t = r.Add(
      "tallies", "Running death tolls as time series, by country and source.",
      [&r, tallies] { return RunTallies(r.globals(), *tallies); });
  tallies->AddTo(t);
}

}  // namespace sitrep::cli
