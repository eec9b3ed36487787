// Fuzzes what `sitrep serve` parses from a request (src/server): the first
// byte picks the mode, the rest is the input.
//   'R' (and any unknown byte): a whole raw HTTP request through
//       InProcessHttp (router.h): httplib's request parsing, sitrep's
//       routing, token check and handlers, on a small fixture store.
//   'Q': key=value&... pairs (not URL-decoded) through ParseEventQuery and
//       GET /api/events and /api/tallies.
//   'B': a POST /api/articles body through ParsePostBody, then BuildArticle.
//   'A': "token\nAuthorization header value" through CheckBearer.
//   'P': a decoded path through Classify.
// Invariants beyond "no crash, no sanitizer report": every response is
// HTTP/1.1 with a known status, never 500, with nosniff; a JSON response is
// valid JSON (so valid UTF-8); only "/" serves HTML and only known routes
// succeed (nothing is ever read from the request path); the bearer check
// accepts exactly "Bearer <token>"; body errors name their line.
//
// HTTP_FUZZ_PRINT=1 prints each raw response (to read a reproducer).
//
// The fixture: three articles posted into a temporary database at start-up.
// An input that holds the token may store articles, so the database is
// restored from its pristine copy before each such input (determinism).
#include <simdjson.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "server/api.h"
#include "server/router.h"

namespace {

using sitrep::server::Api;
using sitrep::server::InProcessHttp;
namespace fs = std::filesystem;

constexpr std::string_view kToken = "fuzz-token-1";

constexpr std::string_view kFixture =
    R"({"id":"f1","date":"2020-01-27","text":"BAGHDAD - Security forces )"
    R"(killed two protesters and wounded 15 in Nasiriyah on Sunday, police )"
    R"(said."})"
    "\n"
    R"({"id":"f2","date":"2021-03-02","text":"Gunmen abducted 3 )"
    R"(journalists near Mosul on Monday, according to officials."})"
    "\n"
    R"({"id":"f3","date":"2020-01-28","text":"Protesters gathered in Tahrir )"
    R"(Square. Police arrested 20 of them, witnesses said."})"
    "\n";

struct Fixture {
  std::string dir, pristine, work;
  sitrep::ServerOptions options;
  std::unique_ptr<Api> api;
  std::unique_ptr<InProcessHttp> http;

  void Open() {
    http.reset();
    api.reset();
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(work + ext);
    fs::copy_file(pristine, work);
    sitrep::IngestLimits limits;
    limits.max_document_bytes = options.max_body_bytes;
    auto opened = Api::Open(work, limits);
    if (!opened.ok()) {
      std::fprintf(stderr, "fixture: %s\n", opened.status().message().c_str());
      std::abort();
    }
    api = std::move(opened).value();
    http = std::make_unique<InProcessHttp>(api.get(), options);
  }
};

Fixture* fixture = nullptr;

void MakeFixture() {
  auto* f = new Fixture;
  const char* tmp = std::getenv("TMPDIR");
  std::string templ =
      std::string(tmp && *tmp ? tmp : "/tmp") + "/sitrep_http_fuzz_XXXXXX";
  FUZZ_CHECK(mkdtemp(templ.data()) != nullptr);
  f->dir = templ;
  f->pristine = f->dir + "/pristine.db";
  f->work = f->dir + "/work.db";
  f->options.token = std::string(kToken);
  f->options.max_body_bytes = 64u << 10;
  {
    auto api = Api::Open(f->pristine, sitrep::IngestLimits{});
    FUZZ_CHECK(api.ok());
    FUZZ_CHECK((*api)->PostArticles(kFixture).status == 201);
  }  // closing the last connection checkpoints the WAL
  f->Open();
  FUZZ_CHECK(!f->api->snapshot()->events.empty());
  fixture = f;
  std::atexit([] { fs::remove_all(fixture->dir); });
}

// `body` of a JSON content type parses as JSON (simdjson checks UTF-8).
void CheckJson(std::string_view body) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(body);
  simdjson::dom::element root;
  FUZZ_CHECK(parser.parse(padded).get(root) == simdjson::SUCCESS);
}

std::string_view Header(std::string_view head, std::string_view name) {
  std::string needle = "\r\n" + std::string(name) + ": ";
  size_t at = head.find(needle);
  if (at == std::string_view::npos) return {};
  std::string_view rest = head.substr(at + needle.size());
  return rest.substr(0, rest.find("\r\n"));
}

// A gzip body (Accept-Encoding: gzip) inflated; nullopt if it is not one.
std::optional<std::string> Gunzip(std::string_view in) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return std::nullopt;
  std::string out;
  char buf[16384];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof(buf);
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof(buf) - z.avail_out);
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

// Whether httplib may answer `request` as a HEAD request (headers only,
// with the Content-Length a GET would have). It reads the method from the
// request line however malformed ("HEAD" alone, "HEAD\t / HTTP/1.1", blanks
// trimmed), so the oracle does not re-implement its parsing: a first line
// that holds "HEAD" may get a reply without a body.
bool MayBeHead(std::string_view request) {
  return request.substr(0, request.find('\n')).find("HEAD") !=
         std::string_view::npos;
}

// The first response of `out` (what httplib wrote for the first request).
void CheckResponse(std::string_view out, std::string_view request) {
  if (out.empty()) return;  // no complete request line: nothing written
  FUZZ_CHECK(out.starts_with("HTTP/1.1 ") && out.size() >= 12);
  int status = std::atoi(std::string(out.substr(9, 3)).c_str());
  FUZZ_CHECK(status != 500);
  if (status == 100) {  // Expect: 100-continue; the real response follows
    out.remove_prefix(std::min(out.size(), out.find("\r\n\r\n") + 4));
    return CheckResponse(out, request);
  }
  size_t end = out.find("\r\n\r\n");
  FUZZ_CHECK(end != std::string_view::npos);
  std::string_view head = out.substr(0, end);
  FUZZ_CHECK(Header(head, "X-Content-Type-Options") == "nosniff");
  std::string_view type = Header(head, "Content-Type");
  FUZZ_CHECK(status >= 200 && status < 500);
  std::string_view len = Header(head, "Content-Length");
  size_t n = len.empty() ? 0 : std::strtoull(std::string(len).c_str(), 0, 10);
  std::string_view body = out.substr(end + 4);
  if (body.empty() && MayBeHead(request)) return;
  FUZZ_CHECK(body.size() >= n);
  body = body.substr(0, n);
  std::string_view encoding = Header(head, "Content-Encoding");
  std::optional<std::string> inflated;
  if (encoding == "gzip") {
    inflated = Gunzip(body);
    FUZZ_CHECK(inflated.has_value());
    body = *inflated;
  } else {
    FUZZ_CHECK(encoding.empty());  // never brotli (OfferGzipOnly)
  }
  if (type.starts_with("application/json")) CheckJson(body);
  // Only the live UI is HTML: nothing else (no file) is ever served.
  if (type.starts_with("text/html")) {
    FUZZ_CHECK(status == 200);
    FUZZ_CHECK(body == fixture->api->Ui().body);
  }
}

void FuzzRaw(std::string_view request) {
  if (request.find(kToken) != std::string_view::npos) fixture->Open();
  std::string out = fixture->http->Serve(request, 1);
  static const bool print = std::getenv("HTTP_FUZZ_PRINT") != nullptr;
  if (print) std::fprintf(stderr, "--- response:\n%s\n---\n", out.c_str());
  CheckResponse(out, request);
}

sitrep::server::Params SplitParams(std::string_view s) {
  sitrep::server::Params params;
  while (!s.empty() && params.size() < 64) {
    std::string_view pair = s.substr(0, s.find('&'));
    s.remove_prefix(std::min(s.size(), pair.size() + 1));
    size_t eq = pair.find('=');
    params.emplace_back(pair.substr(0, eq), eq == std::string_view::npos
                                                ? ""
                                                : pair.substr(eq + 1));
  }
  return params;
}

void FuzzQuery(std::string_view query) {
  sitrep::server::Params params = SplitParams(query);
  const Api& api = *fixture->api;
  size_t events = api.snapshot()->events.size();
  for (bool tallies : {false, true}) {
    auto q = sitrep::server::ParseEventQuery(params, tallies);
    sitrep::server::Reply r =
        tallies ? api.GetTallies(params) : api.GetEvents(params);
    FUZZ_CHECK(r.status == (q.ok() ? 200 : 400));
    CheckJson(r.body);
    if (!q.ok()) {
      FUZZ_CHECK(!q.status().message().empty());
      continue;
    }
    FUZZ_CHECK(q->limit >= 0 && q->limit <= 1000 && q->offset >= 0);
    size_t matched = 0;
    for (const sitrep::Event& e : api.snapshot()->events) {
      matched += q->filter.Matches(e);
    }
    FUZZ_CHECK(matched <= events);
    if (!tallies) {
      FUZZ_CHECK(
          r.body.starts_with("{\"total\":" + std::to_string(matched) + ","));
    }
  }
}

void FuzzBody(std::string_view body) {
  sitrep::IngestLimits limits;
  limits.max_document_bytes = 16u << 10;
  limits.max_line_bytes = 32u << 10;
  auto parsed = sitrep::server::ParsePostBody(body, limits);
  FUZZ_CHECK(parsed.ok());
  for (const std::string& e : parsed->errors) {
    FUZZ_CHECK(e.starts_with("line ") || e.starts_with("body"));
  }
  for (sitrep::RawDocument& doc : parsed->docs) {
    FUZZ_CHECK(doc.source_path.starts_with("api line ") ||
               doc.source_path == "api body");
    FUZZ_CHECK(doc.bytes.size() <= limits.max_document_bytes);
    auto a = sitrep::BuildArticle(std::move(doc), limits);
    if (a.ok()) sitrep::fuzz::CheckArticle(*a);
  }
}

void FuzzBearer(std::string_view s) {
  size_t nl = s.find('\n');
  std::string_view token = s.substr(0, nl);
  std::string_view header =
      nl == std::string_view::npos ? "" : s.substr(nl + 1);
  auto denied = sitrep::server::CheckBearer(token, header);
  bool exact = !token.empty() && header.size() == token.size() + 7 &&
               header.starts_with("Bearer ") && header.ends_with(token);
  FUZZ_CHECK(denied.has_value() != exact);
  if (denied) {
    FUZZ_CHECK(denied->status == (token.empty() ? 403 : 401));
    CheckJson(denied->body);
  }
  FUZZ_CHECK(sitrep::server::TokenEquals(token, header) == (token == header));
}

void FuzzPath(std::string_view path) {
  using sitrep::server::Endpoint;
  sitrep::server::Route r = sitrep::server::Classify(path);
  FUZZ_CHECK((r.endpoint == Endpoint::kUi) == (path == "/"));
  FUZZ_CHECK(r.allow == (r.endpoint == Endpoint::kArticles ? "POST" : "GET"));
  if (r.endpoint == Endpoint::kEvent || r.endpoint == Endpoint::kArticle) {
    FUZZ_CHECK(!r.id.empty() && r.id.size() <= 1024);
    FUZZ_CHECK(path.ends_with(r.id));
    FUZZ_CHECK(path.starts_with("/api/events/") ||
               path.starts_with("/api/articles/"));
  } else {
    FUZZ_CHECK(r.id.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  MakeFixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = sitrep::fuzz::AsView(data, size);
  if (in.empty()) return 0;
  char mode = in[0];
  in.remove_prefix(1);
  switch (mode) {
    case 'Q':
      FuzzQuery(in);
      break;
    case 'B':
      FuzzBody(in);
      break;
    case 'A':
      FuzzBearer(in);
      break;
    case 'P':
      FuzzPath(in);
      break;
    default:
      FuzzRaw(in);
  }
  return 0;
}
