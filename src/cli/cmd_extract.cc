// `sitrep extract PATH...`: ingest without a store (the pipeline keeps the
// mentions in memory) and print the merged events as JSON Lines (for
// pipelines and for shared/eval/score.py).
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "cli/progress.h"
#include "sitrep/export.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

// Keeps `v` until the process ends, never destroyed: `extract` is the last
// thing the process does, and freeing its events and in-memory corpus one
// allocation at a time cost ~2.5% of the command's CPU (c10000) for memory
// the exit releases at once. Reachable from a static, so leak checkers do
// not count it.
template <typename T>
void LeaveToExit(T&& v) {
  static auto* kept = new std::vector<std::unique_ptr<T>>();
  kept->push_back(std::make_unique<T>(std::forward<T>(v)));
}

struct ExtractArgs {
  std::vector<std::string> paths;
  bool conservative = false;
  int threads = 0;
};

int RunExtract(const GlobalOptions& g, const ExtractArgs& args) {
  PipelineOptions options;
  options.conservative = args.conservative;
  options.threads = args.threads;
  options.one_derivation = true;  // each article extracted once, no copies
  auto pipeline = Pipeline::OpenWithoutStore(options);
  if (!pipeline.ok()) return ReportError(pipeline.status());
  IngestReport report;
  ProgressLine progress(!g.quiet);
  Status st = (*pipeline)->Ingest(
      args.paths, &report, [&](const IngestReport& r, std::string_view w) {
        progress.Update("extract", r, w);
      });
  if (!st.ok()) return ReportError(st);
  progress.Finish();
  LogReportProblems(g, report);
  progress.Stage("merging events");
  // Each event written as it is made and then dropped: the events are
  // never all in memory (their pages are reused for the next ones).
  std::string line;  // one buffer for every line
  st = (*pipeline)->DeriveEventsInto([&](Event&& e) {
    line.clear();
    AppendEventJsonLine(e, &line);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stdout);
    return Status::OK();
  });
  progress.Finish();
  if (!st.ok()) return ReportError(st);
  LeaveToExit(std::move(*pipeline));
  return report.failures.empty() ? kExitOk : kExitInputs;
}

}  // namespace

void RegisterExtractCommands(CommandRegistry& r) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = r.Add(
      "extract",
      "Extract events from the inputs and print the merged events as JSON "
      "Lines (no database). Exit 2 if any input failed.",
      [&r, args] { return RunExtract(r.globals(), *args); });
  cmd->add_option("paths", args->paths, "inputs")->required();
  cmd->add_flag("--conservative", args->conservative,
                "best figure = lowest reported (ACLED's convention)");
  cmd->add_option("--threads", args->threads,
                  "threads cleaning and extracting articles (0 = one per "
                  "core); the output is the same for any count")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
}

}  // namespace sitrep::cli
