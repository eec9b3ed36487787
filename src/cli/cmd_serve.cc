// `sitrep serve`: the REST API and the live report over the store
// (sitrep/server.h, doc/api.md). Runs until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "cli/command.h"
#include "sitrep/server.h"

namespace sitrep::cli {
namespace {

struct ServeArgs {
  ServerOptions options;
};

// Blocks SIGINT/SIGTERM in this thread (and the threads it starts) and
// waits for them on a watcher thread that stops the server.
int Serve(ApiServer& server, bool quiet) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread watcher([&server, set] {
    int sig = 0;
    sigwait(&set, &sig);
    server.Stop();
  });
  Status st = server.Run();
  server.Stop();
  pthread_kill(watcher.native_handle(), SIGTERM);  // wakes sigwait if waiting
  watcher.join();
  if (!st.ok()) return ReportError(st);
  if (!quiet) std::fprintf(stderr, "sitrep serve: stopped\n");
  return kExitOk;
}

int RunServe(const GlobalOptions& g, ServeArgs args) {
  args.options.db = g.db;
  if (args.options.token.empty()) {
    if (const char* t = std::getenv("SITREP_TOKEN")) args.options.token = t;
  }
  auto server = ApiServer::Start(args.options);
  if (!server.ok()) return ReportError(server.status());
  if (!g.quiet) {
    std::fprintf(stderr,
                 "sitrep serve: http://%s:%d/ (db %s, %d threads, POST %s)\n",
                 args.options.host.c_str(), (*server)->port(), g.db.c_str(),
                 args.options.threads,
                 args.options.token.empty() ? "disabled" : "enabled");
  }
  return Serve(**server, g.quiet);
}

}  // namespace

void RegisterServeCommands(CommandRegistry& r) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = r.Add(
      "serve",
      "Serve the REST API (/api/...) and the live report (/) over the store.",
      [&r, args] { return RunServe(r.globals(), *args); });
  ServerOptions& o = args->options;
  cmd->add_option("--port", o.port, "TCP port (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--host", o.host, "address to listen on")
      ->capture_default_str();
  cmd->add_option("--token", o.token,
                  "bearer token for POST /api/articles (else $SITREP_TOKEN; "
                  "none: POST disabled)");
  cmd->add_option("--max-body-bytes", o.max_body_bytes, "largest request body")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1} << 30));
  cmd->add_option("--read-timeout", o.read_timeout_s, "seconds")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--write-timeout", o.write_timeout_s, "seconds")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--threads", o.threads,
                  "worker threads (one per open connection)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
}

}  // namespace sitrep::cli
