// sitrep's command line: global options, the command registry, dispatch.
#include "sitrep/cli.h"

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/command.h"
#include "sitrep/json_writer.h"

namespace sitrep::cli {

// Every command family, one per src/cli/cmd_<family>.cc. To add a family,
// write that file (defining Register<Family>Commands) and add one line here.
#define SITREP_COMMAND_FAMILIES(X) \
  X(Ingest)                        \
  X(Articles)                      \
  X(Extract)                       \
  X(Events)                        \
  X(Summary)                       \
  X(Report)                        \
  X(Duplicates)                    \
  X(Serve)                         \
  X(Check)

#define SITREP_DECLARE_FAMILY(F) void Register##F##Commands(CommandRegistry&);
SITREP_COMMAND_FAMILIES(SITREP_DECLARE_FAMILY)
#undef SITREP_DECLARE_FAMILY

CLI::App* CommandRegistry::Add(const std::string& name, const std::string& help,
                               RunFn run) {
  CLI::App* sub = app_->add_subcommand(name, help);
  commands_.emplace_back(sub, std::move(run));
  return sub;
}

int CommandRegistry::RunChosen() const {
  for (const auto& [sub, run] : commands_) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;  // unreachable: require_subcommand(1)
}

std::unique_ptr<Store> OpenStoreOrReport(const GlobalOptions& g) {
  auto store = Store::Open(g.db);
  if (!store.ok()) {
    std::fprintf(stderr, "sitrep: %s\n", store.status().ToString().c_str());
    return nullptr;
  }
  return std::move(store).value();
}

void LogProblem(const GlobalOptions& g, const char* level,
                std::string_view where, std::string_view message) {
  if (g.log_format == "json") {
    std::string line;
    JsonWriter w(&line);
    w.BeginObject();
    w.Key("level");
    w.String(level);
    w.Key("where");
    w.String(where);
    w.Key("message");
    w.String(message);
    w.EndObject();
    std::fprintf(stderr, "%s\n", line.c_str());
  } else {
    std::string_view label = std::string_view(level) == "error" ? "" : level;
    std::fprintf(stderr, "%.*s: %.*s%s%.*s\n", static_cast<int>(where.size()),
                 where.data(), static_cast<int>(label.size()), label.data(),
                 label.empty() ? "" : ": ", static_cast<int>(message.size()),
                 message.data());
  }
}

void LogReportProblems(const GlobalOptions& g, const IngestReport& report) {
  auto log = [&](const char* level, std::string_view f) {
    size_t colon = f.find(": ");
    LogProblem(g, level, f.substr(0, colon),
               colon == std::string::npos ? "" : f.substr(colon + 2));
  };
  for (const std::string& f : report.failures) log("error", f);
  for (const std::string& w : report.warnings) log("warning", w);
  int64_t more =
      report.warning_count - static_cast<int64_t>(report.warnings.size());
  if (more > 0) {
    LogProblem(
        g, "warning", "sitrep",
        std::to_string(more) + " more article warnings (sitrep show ID)");
  }
}

int ReportError(const Status& st) {
  std::fprintf(stderr, "sitrep: %s\n", st.ToString().c_str());
  switch (st.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
      return kExitUsage;
    default:
      return kExitInternal;
  }
}

}  // namespace sitrep::cli

namespace sitrep {

int RunCli(int argc, char** argv) {
  using namespace sitrep::cli;  // NOLINT: this file's own namespace
  CLI::App app{"sitrep: turns news reports into a record of conflict events"};
  app.fallthrough();  // global options may follow the subcommand name
  app.require_subcommand(1);
  GlobalOptions globals;
  app.add_option("--db", globals.db, "database file")->capture_default_str();
  app.add_flag("-q,--quiet", globals.quiet, "no progress or summary output");
  app.add_option("--log-format", globals.log_format,
                 "stderr messages as text or JSON Lines")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  CommandRegistry registry(&app, &globals);
#define SITREP_REGISTER_FAMILY(F) Register##F##Commands(registry);
  SITREP_COMMAND_FAMILIES(SITREP_REGISTER_FAMILY)
#undef SITREP_REGISTER_FAMILY
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, or the error and a hint
    return code == 0 ? kExitOk : kExitUsage;
  }
  try {
    return registry.RunChosen();
  } catch (const std::exception& e) {  // e.g. std::bad_alloc
    std::fprintf(stderr, "sitrep: internal error: %s\n", e.what());
    return kExitInternal;
  }
}

}  // namespace sitrep
