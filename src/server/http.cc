// ApiServer: the REST API (api.h) with the HTTP layer of router.h, bound to
// a socket.
#include <httplib.h>

#include "server/api.h"
#include "server/router.h"
#include "sitrep/server.h"

namespace sitrep {

using server::Api;

struct ApiServer::Impl {
  ServerOptions options;
  std::unique_ptr<Api> api;
  httplib::Server http;
  int port = 0;
};

ApiServer::ApiServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ApiServer::~ApiServer() { Stop(); }

Result<std::unique_ptr<ApiServer>> ApiServer::Start(
    const ServerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  IngestLimits limits;
  limits.max_document_bytes = options.max_body_bytes;
  SITREP_ASSIGN_OR_RETURN(impl->api, Api::Open(options.db, limits));
  server::ConfigureHttp(impl->http, impl->api.get(), options);
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.host);
  } else if (impl->http.bind_to_port(options.host, options.port)) {
    impl->port = options.port;
  }
  if (impl->port <= 0) {
    return Status::IOError("cannot listen on " + options.host + ":" +
                           std::to_string(options.port));
  }
  return std::unique_ptr<ApiServer>(new ApiServer(std::move(impl)));
}

int ApiServer::port() const { return impl_->port; }

Status ApiServer::Run() {
  if (!impl_->http.listen_after_bind()) {
    return Status::IOError("the listener failed");
  }
  return Status::OK();
}

void ApiServer::Stop() {
  if (impl_) impl_->http.stop();
}

}  // namespace sitrep
