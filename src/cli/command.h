// The CLI's command registry: how a subcommand joins `sitrep`.
//
// Each command family lives in its own file src/cli/cmd_<family>.cc and
// defines `void Register<Family>Commands(CommandRegistry& r)`, which adds its
// subcommands with r.Add(). cli.cc lists the families in one X-macro, so
// adding a family is: write the file, add one `X(Family)` line in cli.cc.
//
// A command's run function returns a process exit code (ExitCode below).
// Normal output goes to stdout; progress, warnings and errors to stderr.
//
// Thread safety: the registry is used from main's thread only.
#ifndef SITREP_CLI_COMMAND_H_
#define SITREP_CLI_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/pipeline.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 1,     // bad arguments (also what CLI11 parse errors give)
  kExitInputs = 2,    // some inputs failed; the rest were processed
  kExitInternal = 3,  // the store or sitrep itself failed
};

// Options every command sees (given before or after the subcommand name).
struct GlobalOptions {
  std::string db = "sitrep.db";
  bool quiet = false;
  std::string log_format = "text";  // "text" or "json" (stderr messages)
};

// Writes one diagnostic to stderr: "where: message" for an error, "where:
// LEVEL: message" for another level, or with --log-format
// json one object per line {"level","where","message"}.
void LogProblem(const GlobalOptions& g, const char* level,
                std::string_view where, std::string_view message);

class CommandRegistry {
 public:
  using RunFn = std::function<int()>;

  CommandRegistry(CLI::App* app, const GlobalOptions* globals)
      : app_(app), globals_(globals) {}

  // Adds subcommand `name`; `run` is called when it is chosen, after parsing.
  // Returns the subcommand so the caller can add its options, which `run`
  // should capture by reference or through a shared_ptr.
  CLI::App* Add(const std::string& name, const std::string& help, RunFn run);

  // The global options (filled in by the time a RunFn is called).
  const GlobalOptions& globals() const { return *globals_; }

  // Runs the chosen subcommand. REQUIRES: the app has been parsed.
  int RunChosen() const;

 private:
  CLI::App* app_;
  const GlobalOptions* globals_;
  std::vector<std::pair<CLI::App*, RunFn>> commands_;
};

// Opens the store named by --db; on failure prints the error to stderr and
// returns null (the command should then exit with kExitInternal).
std::unique_ptr<Store> OpenStoreOrReport(const GlobalOptions& g);

// Prints "sitrep: <status>" to stderr and returns the exit code that status
// deserves (kExitUsage for kInvalidArgument/kNotFound, else kExitInternal).
int ReportError(const Status& st);

// LogProblem for each "where: message" failure of an ingest report
// ("error"), then for its article warnings ("warning").
void LogReportProblems(const GlobalOptions& g, const IngestReport& report);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_COMMAND_H_
