// ApiServer: `sitrep serve` — a JSON REST API over a sitrep store, plus the
// live HTML report (the same page as `sitrep report`, fetching its events
// from /api/events). Endpoints, parameters and status codes: doc/api.md.
//
// What it serves comes only from the store and from memory: no file is ever
// read from the request path, so there is no path traversal to guard.
// Requests are bounded (body size, header size, timeouts); user input
// reaches SQLite only as bound parameters of Store's prepared statements.
//
// Thread safety: Run() serves on a pool of `threads` worker threads, one per
// open connection. Internally:
//   * Events are an immutable in-memory snapshot (vector<Event> plus their
//     JSON lines and an id index) behind a shared_ptr; a reader copies the
//     pointer under a mutex held for that copy only, so event reads never
//     wait for an ingest.
//   * Article and search reads borrow a Store (one SQLite connection each)
//     from a pool; SQLite's WAL lets them read while a write runs.
//   * POST /api/articles is serialized by a writer mutex around the single
//     Pipeline and its own Store; after storing, it re-derives the events
//     (RebuildEvents) and swaps in a new snapshot.
// Stop() may be called from any thread (e.g. a signal-watching thread).
//
// Costs: startup derives every event (Pipeline::DeriveEvents). GET
// /api/events is O(events) for filtering plus the output size; an ingest
// costs the ingest plus a full RebuildEvents.
#ifndef SITREP_SERVER_H_
#define SITREP_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "sitrep/status.h"

namespace sitrep {

struct ServerOptions {
  std::string db = "sitrep.db";  // REQUIRES: a file (not ":memory:")
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see ApiServer::port())
  // Bearer token for POST /api/articles. Empty: POST is disabled (403).
  std::string token;
  size_t max_body_bytes = 10u << 20;
  int read_timeout_s = 10;
  int write_timeout_s = 10;
  // Worker threads. cpp-httplib keeps one thread per open keep-alive
  // connection, so size this to the number of concurrent clients.
  int threads = 16;
};

class ApiServer {
 public:
  // Opens the store, derives the events and binds the socket (so a caller
  // may read port() before Run()). Fails if the store cannot be opened or
  // the address cannot be bound.
  static Result<std::unique_ptr<ApiServer>> Start(const ServerOptions& options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // The bound port.
  int port() const;
  // Serves until Stop(). Returns non-OK if the listener failed.
  Status Run();
  // Makes Run() return. Thread-safe; idempotent.
  void Stop();

 private:
  struct Impl;
  explicit ApiServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_SERVER_H_
