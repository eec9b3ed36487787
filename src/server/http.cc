// ApiServer: the REST API (api.h) on cpp-httplib.
//
// GET and HEAD are answered entirely in the pre-routing handler (no body is
// read for them). POST /api/articles is the only registered route; any
// other request that httplib cannot route ends as a 404, which the error
// handler turns into a 405 when the path exists with another method. The
// error handler also gives every bodiless error (413, 400, ...) a JSON body.
#include <httplib.h>

#include "server/api.h"
#include "sitrep/server.h"

namespace sitrep {

using server::Api;
using server::Endpoint;
using server::Reply;

struct ApiServer::Impl {
  ServerOptions options;
  std::unique_ptr<Api> api;
  httplib::Server http;
  int port = 0;

  void Configure();
};

namespace {

void Send(const Reply& r, httplib::Response& res) {
  res.status = r.status;
  if (!r.allow.empty()) res.set_header("Allow", r.allow);
  res.set_content(r.body, r.content_type.c_str());
}

server::Params ToParams(const httplib::Params& params) {
  return server::Params(params.begin(), params.end());
}

Reply MethodNotAllowed(const server::Route& route) {
  Reply r = server::ErrorReply(
      405, "method not allowed; use " + std::string(route.allow));
  r.allow = std::string(route.allow);
  return r;
}

Reply DispatchGet(Api& api, const httplib::Request& req) {
  server::Route route = server::Classify(req.path);
  switch (route.endpoint) {
    case Endpoint::kNone:
      return server::ErrorReply(404, "not found");
    case Endpoint::kArticles:
      return MethodNotAllowed(route);
    case Endpoint::kUi:
      return api.Ui();
    case Endpoint::kEvents:
      return api.GetEvents(ToParams(req.params));
    case Endpoint::kEvent:
      return api.GetEvent(route.id);
    case Endpoint::kArticle:
      return api.GetArticle(route.id);
    case Endpoint::kSearch:
      return api.GetSearch(ToParams(req.params));
    case Endpoint::kTallies:
      return api.GetTallies(ToParams(req.params));
  }
  return server::ErrorReply(404, "not found");
}

const char* Reason(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 408:
      return "request timeout";
    case 413:
      return "request body too large";
    case 414:
      return "request URI too long";
    case 416:
      return "range not satisfiable";
    case 431:
      return "request headers too large";
    default:
      return status >= 500 ? "internal error" : "request failed";
  }
}

httplib::Server::HandlerResponse OnError(const httplib::Request& req,
                                         httplib::Response& res) {
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  server::Route route = server::Classify(req.path);
  if (res.status == 404 && route.endpoint != Endpoint::kNone) {
    Send(MethodNotAllowed(route), res);
  } else {
    Send(server::ErrorReply(res.status, Reason(res.status)), res);
  }
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

void ApiServer::Impl::Configure() {
  Impl& s = *this;
  const ServerOptions& o = s.options;
  int threads = o.threads < 1 ? 1 : o.threads;
  s.http.new_task_queue = [threads] {
    return new httplib::ThreadPool(threads);
  };
  s.http.set_payload_max_length(o.max_body_bytes);
  s.http.set_read_timeout(o.read_timeout_s, 0);
  s.http.set_write_timeout(o.write_timeout_s, 0);
  s.http.set_keep_alive_max_count(1000);
  s.http.set_keep_alive_timeout(5);
  s.http.set_tcp_nodelay(true);
  s.http.set_default_headers(
      {{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-store"}});
  Api* api = s.api.get();
  s.http.set_pre_routing_handler(
      [api](const httplib::Request& req, httplib::Response& res) {
        if (req.method != "GET" && req.method != "HEAD") {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        Send(DispatchGet(*api, req), res);
        return httplib::Server::HandlerResponse::Handled;
      });
  std::string token = o.token;
  s.http.Post("/api/articles", [api, token](const httplib::Request& req,
                                            httplib::Response& res) {
    auto denied =
        server::CheckBearer(token, req.get_header_value("Authorization"));
    Send(denied ? *denied : api->PostArticles(req.body), res);
  });
  s.http.set_error_handler(httplib::Server::HandlerWithResponse(OnError));
  s.http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Send(server::ErrorReply(500, "internal error"), res);
      });
}

ApiServer::ApiServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ApiServer::~ApiServer() { Stop(); }

Result<std::unique_ptr<ApiServer>> ApiServer::Start(
    const ServerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  IngestLimits limits;
  limits.max_document_bytes = options.max_body_bytes;
  SITREP_ASSIGN_OR_RETURN(impl->api, Api::Open(options.db, limits));
  impl->Configure();
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
