// Internal to the server: the HTTP layer between cpp-httplib and the Api
// (api.h). ConfigureHttp installs sitrep's handlers and limits on an
// httplib::Server; InProcessHttp runs raw request bytes through a server
// configured that way, with no socket, and returns the raw response bytes.
// `sitrep serve` (http.cc) uses the first; the router tests and
// fuzz/http_fuzzer.cc use the second, so the whole request path (httplib's
// request line, header and body parsing, sitrep's routing, token check and
// handlers) is tested without the network.
//
// Thread safety: ConfigureHttp before serving. InProcessHttp::Serve may be
// called from several threads at once (as httplib's workers do), within the
// Api's contract (api.h).
#ifndef SITREP_SERVER_ROUTER_H_
#define SITREP_SERVER_ROUTER_H_

#include <httplib.h>

#include <string>
#include <string_view>

#include "server/api.h"
#include "sitrep/server.h"

namespace sitrep::server {

// REQUIRES: `api` outlives `http`.
void ConfigureHttp(httplib::Server& http, Api* api,
                   const ServerOptions& options);

class InProcessHttp : public httplib::Server {
 public:
  // REQUIRES: `api` outlives this object.
  InProcessHttp(Api* api, const ServerOptions& options) {
    ConfigureHttp(*this, api, options);
  }
  // Serves the requests in `raw` (keep-alive: at most `max_requests`, until
  // the bytes end or a response closes the connection); returns every
  // response byte written. Costs: the handlers' plus the bytes.
  std::string Serve(std::string_view raw, int max_requests = 8);
};

}  // namespace sitrep::server

#endif  // SITREP_SERVER_ROUTER_H_
