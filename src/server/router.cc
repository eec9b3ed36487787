// The HTTP layer (router.h): sitrep's handlers on cpp-httplib.
//
// GET and HEAD are answered entirely in the pre-routing handler (no body is
// read for them). POST /api/articles is the only registered route; any
// other request that httplib cannot route ends as a 404, which the error
// handler turns into a 405 when the path exists with another method. The
// error handler also gives every bodiless error (413, 400, ...) a JSON body.
// Range headers are ignored (IgnoreRanges); replies are gzip-compressed at
// most, never brotli (OfferGzipOnly).
#include "server/router.h"

namespace sitrep::server {
namespace {

void Send(const Reply& r, httplib::Response& res) {
  res.status = r.status;
  if (!r.allow.empty()) res.set_header("Allow", r.allow);
  res.set_content(r.body, r.content_type.c_str());
}

Params ToParams(const httplib::Params& params) {
  return Params(params.begin(), params.end());
}

Reply MethodNotAllowed(const Route& route) {
  Reply r =
      ErrorReply(405, "method not allowed; use " + std::string(route.allow));
  r.allow = std::string(route.allow);
  return r;
}

Reply DispatchGet(Api& api, const httplib::Request& req) {
  Route route = Classify(req.path);
  switch (route.endpoint) {
    case Endpoint::kNone:
      return ErrorReply(404, "not found");
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
  return ErrorReply(404, "not found");
}

// The API does not serve byte ranges: a Range header is ignored and the
// whole body sent (RFC 9110 allows it). Left to httplib, a routed reply
// would be cut to the range and keep its status (a "200 OK" holding 11
// bytes of JSON; found by fuzz/http_fuzzer.cc). httplib parses the ranges
// before routing and hands handlers a const Request; the Request itself is
// a mutable local of httplib's request loop, so clearing them is defined.
void IgnoreRanges(const httplib::Request& req) {
  const_cast<httplib::Request&>(req).ranges.clear();
}

// httplib compresses every text or JSON reply, per request, with brotli at
// its slowest quality (11) whenever "br" appears anywhere in
// Accept-Encoding, as every browser sends it: 0.7 s of CPU for the 157 KB
// live page, seconds for 1,000 events. The header is cut down to gzip
// (about 20x cheaper) or removed, before httplib reads it. Like the ranges,
// the Request is a mutable local of httplib's request loop.
void OfferGzipOnly(const httplib::Request& req) {
  auto& headers = const_cast<httplib::Request&>(req).headers;
  auto it = headers.find("Accept-Encoding");
  if (it == headers.end()) return;
  bool gzip = it->second.find("gzip") != std::string::npos;
  headers.erase("Accept-Encoding");
  if (gzip) headers.emplace("Accept-Encoding", "gzip");
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
  OfferGzipOnly(req);  // a request that failed to parse skips pre-routing
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  Route route = Classify(req.path);
  if (res.status == 404 && route.endpoint != Endpoint::kNone) {
    Send(MethodNotAllowed(route), res);
  } else {
    Send(ErrorReply(res.status, Reason(res.status)), res);
  }
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

void ConfigureHttp(httplib::Server& http, Api* api, const ServerOptions& o) {
  int threads = o.threads < 1 ? 1 : o.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(o.max_body_bytes);
  http.set_read_timeout(o.read_timeout_s, 0);
  http.set_write_timeout(o.write_timeout_s, 0);
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(5);
  http.set_tcp_nodelay(true);
  http.set_default_headers(
      {{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-store"}});
  http.set_pre_routing_handler(
      [api](const httplib::Request& req, httplib::Response& res) {
        IgnoreRanges(req);
        OfferGzipOnly(req);
        if (req.method != "GET" && req.method != "HEAD") {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        Send(DispatchGet(*api, req), res);
        return httplib::Server::HandlerResponse::Handled;
      });
  std::string token = o.token;
  http.Post("/api/articles",
            [api, token](const httplib::Request& req, httplib::Response& res) {
              auto denied = server::CheckBearer(
                  token, req.get_header_value("Authorization"));
              Send(denied ? *denied : api->PostArticles(req.body), res);
            });
  http.set_error_handler(httplib::Server::HandlerWithResponse(OnError));
  http.set_exception_handler([](const httplib::Request& req,
                                httplib::Response& res, std::exception_ptr) {
    OfferGzipOnly(req);
    Send(server::ErrorReply(500, "internal error"), res);
  });
}

namespace {

// A connection whose input is a byte string and whose output is appended
// to a string: what httplib's request processing reads and writes.
class MemoryStream : public httplib::Stream {
 public:
  MemoryStream(std::string_view in, std::string* out) : in_(in), out_(out) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, in_.size() - pos_);
    std::copy_n(in_.data() + pos_, n, ptr);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out_->append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 40000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  bool at_end() const { return pos_ >= in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  std::string* out_;
};

}  // namespace

std::string InProcessHttp::Serve(std::string_view raw, int max_requests) {
  std::string out;
  MemoryStream stream(raw, &out);
  bool closed = false;
  for (int i = 0; i < max_requests && !closed && !stream.at_end(); ++i) {
    bool last = i + 1 == max_requests;
    if (!process_request(stream, last, closed, nullptr)) break;
  }
  return out;
}

}  // namespace sitrep::server
