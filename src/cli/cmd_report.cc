// `sitrep report -o report.html`: one self-contained offline HTML report.
#include <cstdio>
#include <fstream>
#include <string>

#include "cli/command.h"
#include "cli/progress.h"
#include "sitrep/export.h"
#include "sitrep/pipeline.h"
#include "sitrep/report.h"

namespace sitrep::cli {
namespace {

struct ReportArgs {
  std::string output = "report.html";
  std::string title = "sitrep situation report";
};

int RunReport(const GlobalOptions& g, const ReportArgs& args) {
  auto store = OpenStoreOrReport(g);
  if (store == nullptr) return kExitInternal;
  auto pipeline = Pipeline::Open(store.get(), PipelineOptions());
  if (!pipeline.ok()) return ReportError(pipeline.status());
  ProgressLine progress(!g.quiet);
  progress.Stage("merging events");
  auto events = (*pipeline)->DeriveEvents();
  if (!events.ok()) return ReportError(events.status());
  progress.Stage("writing the report");
  ReportOptions options;
  options.title = args.title;
  options.subtitle = g.db;
  options.country_name = CountryNamesFrom(*(*pipeline)->gazetteer());
  std::string html;
  Status st = WriteReport(*events, options, &html);
  if (!st.ok()) return ReportError(st);
  progress.Finish();
  std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
  out.write(html.data(), static_cast<std::streamsize>(html.size()));
  out.close();
  if (!out) {
    return ReportError(Status::IOError("cannot write " + args.output));
  }
  if (!g.quiet) {
    std::printf("wrote %s (%zu events, %zu bytes)\n", args.output.c_str(),
                events->size(), html.size());
  }
  return kExitOk;
}

}  // namespace

void RegisterReportCommands(CommandRegistry& r) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd =
      r.Add("report",
            "Write a self-contained offline HTML report: map, timeline, table, "
            "figures by source, tallies.",
            [&r, args] { return RunReport(r.globals(), *args); });
  cmd->add_option("-o,--output", args->output, "output file")
      ->capture_default_str();
  cmd->add_option("--title", args->title, "report title")
      ->capture_default_str();
}

}  // namespace sitrep::cli
