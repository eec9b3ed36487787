// `sitrep extract PATH...`: read, clean, extract and merge events from
// inputs without touching a database, printing JSON Lines (for pipelines
// and for scoring with shared/eval/score.py).
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "sitrep/export.h"
#include "sitrep/extract.h"
#include "sitrep/gazetteer.h"
#include "sitrep/ingest.h"
#include "sitrep/merge.h"

namespace sitrep::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> paths;
  bool conservative = false;
  bool mentions = false;
};

int RunExtract(const GlobalOptions& g, const ExtractArgs& args) {
  auto gaz = Gazetteer::OpenDefault();
  if (!gaz.ok()) {
    std::fprintf(stderr, "sitrep: warning: places will not be resolved: %s\n",
                 gaz.status().ToString().c_str());
  }
  auto extractor = Extractor::Create(gaz.ok() ? gaz->get() : nullptr);
  if (!extractor.ok()) return ReportError(extractor.status());
  IngestLimits limits;
  std::vector<Mention> mentions;
  MergeOptions options;
  options.conservative = args.conservative;
  int failures = 0;
  Status st = ReadDocuments(
      args.paths, limits,
      [&](RawDocument&& doc) {
        std::string where = doc.source_path;
        auto a = BuildArticle(std::move(doc), limits);
        if (!a.ok()) {
          std::fprintf(stderr, "%s: %s\n", where.c_str(),
                       a.status().message().c_str());
          ++failures;
          return;
        }
        if (a->published) options.published[a->id] = *a->published;
        for (auto& m : (*extractor)->Extract(*a)) mentions.push_back(std::move(m));
      },
      [&](InputError&& e) {
        std::fprintf(stderr, "%s: %s\n", e.where.c_str(),
                     e.status.message().c_str());
        ++failures;
      });
  if (!st.ok()) return ReportError(st);
  std::vector<Event> events;
  if (args.mentions) {
    for (auto& m : mentions) {
      events.push_back(MergeMentions({std::move(m)}, options).front());
    }
  } else {
    events = MergeMentions(std::move(mentions), options);
  }
  for (const auto& e : events) {
    std::string line = EventToJsonLine(e);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return failures ? kExitInputs : kExitOk;
}

}  // namespace

void RegisterExtractCommands(CommandRegistry& r) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = r.Add(
      "extract",
      "Extract and merge events from inputs (no database) and print them as "
      "JSON Lines. Exit 2 if any input failed.",
      [&r, args] { return RunExtract(r.globals(), *args); });
  cmd->add_option("paths", args->paths, "inputs")->required();
  cmd->add_flag("--conservative", args->conservative,
                "best figure = lowest reported (ACLED's convention)");
  cmd->add_flag("--mentions", args->mentions,
                "print one record per article mention, unmerged");
}

}  // namespace sitrep::cli
