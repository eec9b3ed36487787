// `sitrep ingest PATH...`: read, clean and store articles, extract their
// events and re-derive the merged events.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/progress.h"
#include "sitrep/pipeline.h"

namespace sitrep::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  size_t max_article_bytes = 10u << 20;
  bool reextract = false;
  bool timings = false;
  int threads = 0;
};

// "stage  wall s  cpu s  sys s  read MB  written MB" lines on stderr (sys
// is the kernel's part of cpu; MB through system calls), and their total.
void PrintTimings(const StageClock& clock) {
  StageClock::Reading total;
  std::fprintf(stderr, "%-26s %9s %9s %9s %9s %9s\n", "stage", "wall s",
               "cpu s", "sys s", "read MB", "written MB");
  auto print = [](const char* name, const StageClock::Reading& r) {
    std::fprintf(stderr, "%-26s %9.2f %9.2f %9.2f %9.0f %9.0f\n", name, r.wall,
                 r.cpu, r.sys, r.read_mb, r.written_mb);
  };
  for (const StageClock::Stage& s : clock.stages()) {
    print(s.name.c_str(), s.spent);
    total += s.spent;
  }
  print("total", total);
}

int RunIngest(const GlobalOptions& g, const IngestArgs& args) {
  auto store = OpenStoreOrReport(g);
  if (store == nullptr) return kExitInternal;
  PipelineOptions options;
  options.limits.max_document_bytes = args.max_article_bytes;
  options.threads = args.threads;
  StageClock clock;
  if (args.timings) options.clock = &clock;
  auto pipeline = Pipeline::Open(store.get(), options);
  if (!pipeline.ok()) return ReportError(pipeline.status());
  IngestReport report;
  ProgressLine progress(!g.quiet);
  Status st = (*pipeline)->Ingest(
      args.paths, &report, [&](const IngestReport& r, std::string_view w) {
        progress.Update("ingest", r, w);
      });
  if (st.ok() && args.reextract) {
    progress.Stage("re-extracting stored articles");
    st = (*pipeline)->Reextract(&report);
  }
  if (!st.ok()) return ReportError(st);
  progress.Stage("merging events");
  auto rebuilt = (*pipeline)->RebuildEvents();
  progress.Finish();
  if (!rebuilt.ok()) return ReportError(rebuilt.status());
  if (args.timings) PrintTimings(clock);
  auto events = store->CountEvents();
  if (!events.ok()) return ReportError(events.status());
  if (!g.quiet) {
    std::printf(
        "ingested %lld, already present %lld, new versions %lld, failed %zu\n"
        "mentions extracted %lld, events re-derived %zu, events in store "
        "%lld\n",
        static_cast<long long>(report.inserted),
        static_cast<long long>(report.present),
        static_cast<long long>(report.versions), report.failures.size(),
        static_cast<long long>(report.mentions), *rebuilt,
        static_cast<long long>(*events));
    std::fflush(stdout);
  }
  LogReportProblems(g, report);
  return report.failures.empty() ? kExitOk : kExitInputs;
}

}  // namespace

void RegisterIngestCommands(CommandRegistry& r) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = r.Add(
      "ingest",
      "Read, clean and store articles from files, directories, JSON Lines "
      "(- for stdin), HTML, WARC and archives; extract and merge their "
      "events. Exit 2 if any input failed.",
      [&r, args] { return RunIngest(r.globals(), *args); });
  cmd->add_option("paths", args->paths, "inputs");
  cmd->add_option("--max-article-bytes", args->max_article_bytes,
                  "largest article accepted")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--reextract", args->reextract,
                "re-extract every stored article (after a lexicon change)");
  cmd->add_flag("--timings", args->timings,
                "print the wall and CPU seconds of each stage on stderr");
  cmd->add_option("--threads", args->threads,
                  "threads cleaning and extracting articles (0 = one per "
                  "core); the stored result is the same for any count")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->callback([args] {
    if (args->paths.empty() && !args->reextract) {
      throw CLI::RequiredError("paths (or --reextract)");
    }
  });
}

}  // namespace sitrep::cli
