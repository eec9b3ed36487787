#include "server/router.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace sitrep::server {
namespace {

namespace fs = std::filesystem;

constexpr char kArticles[] =
    R"({"id":"r1","date":"2020-01-27","text":"Security forces killed two )"
    R"(protesters in Nasiriyah on Sunday, police said."})"
    "\n";

// An Api on a fresh database holding kArticles, behind InProcessHttp with
// token "t0k".
class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ = (fs::temp_directory_path() / "sitrep_router_XXXXXX");
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = templ;
    auto api = Api::Open(dir_ + "/t.db", IngestLimits{});
    ASSERT_TRUE(api.ok()) << api.status().message();
    api_ = std::move(api).value();
    ASSERT_EQ(api_->PostArticles(kArticles).status, 201);
    ServerOptions options;
    options.token = "t0k";
    options.max_body_bytes = 4096;
    http_ = std::make_unique<InProcessHttp>(api_.get(), options);
  }
  void TearDown() override {
    http_.reset();
    api_.reset();
    fs::remove_all(dir_);
  }

  std::string dir_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<InProcessHttp> http_;
};

int StatusOf(const std::string& response) {
  if (!response.starts_with("HTTP/1.1 ")) return -1;
  return std::stoi(response.substr(9, 3));
}

std::string Post(std::string_view auth, std::string_view body) {
  std::ostringstream r;
  r << "POST /api/articles HTTP/1.1\r\nHost: x\r\n";
  if (!auth.empty()) r << "Authorization: " << auth << "\r\n";
  r << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  return r.str();
}

TEST_F(RouterTest, RawRequests) {
  struct Case {
    std::string request;
    int status;
    std::string_view body_has;
  };
  const std::string big(5000, 'x');
  const Case cases[] = {
      {"GET /api/events HTTP/1.1\r\n\r\n", 200, "\"total\":"},
      {"GET /api/events?country=IQ&limit=1 HTTP/1.1\r\n\r\n", 200,
       "\"limit\":1,"},
      {"GET /api/events?country=I%51 HTTP/1.1\r\n\r\n", 200, "\"total\":"},
      {"GET /api/events?colour=red HTTP/1.1\r\n\r\n", 400, "colour"},
      {"GET /api/events?limit=-1 HTTP/1.1\r\n\r\n", 400, "limit"},
      // Invalid UTF-8 quoted in an error stays valid JSON (fuzz finding).
      {"GET /api/events?from=%FF HTTP/1.1\r\n\r\n", 400, "\xEF\xBF\xBD"},
      {"GET /api/tallies?kind=incident HTTP/1.1\r\n\r\n", 200, "["},
      {"GET /api/search?q=protesters HTTP/1.1\r\n\r\n", 200, "r1"},
      {"GET /api/search HTTP/1.1\r\n\r\n", 400, "q:"},
      {"GET /api/articles/r1 HTTP/1.1\r\n\r\n", 200, "\"id\":\"r1\""},
      {"GET /api/articles/nope HTTP/1.1\r\n\r\n", 404, "no such article"},
      {"GET /api/events/nope HTTP/1.1\r\n\r\n", 404, "no such event"},
      {"GET / HTTP/1.1\r\n\r\n", 200, "<html"},
      // Nothing is ever read from the request path.
      {"GET /../../etc/passwd HTTP/1.1\r\n\r\n", 404, "not found"},
      {"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n\r\n", 404, "not found"},
      {"GET /index.html HTTP/1.1\r\n\r\n", 404, "not found"},
      {"GET /api/articles/..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\n\r\n", 404,
       "no such article"},
      // Ranges are ignored: the whole body, never a cut 200 (fuzz finding).
      {"GET /api/events HTTP/1.1\r\nRange: bytes=0-10\r\n\r\n", 200, "]}"},
      {"GET /api/nope HTTP/1.1\r\nRange: bytes=0-3,5-9\r\n\r\n", 404,
       "{\"error\":\"not found\"}"},
      {"GET / HTTP/1.1\r\nRange: bytes=-5\r\n\r\n", 200, "<html"},
      {"DELETE /api/events HTTP/1.1\r\n\r\n", 405, "use GET"},
      {"GET /api/articles HTTP/1.1\r\n\r\n", 405, "use POST"},
      {"BREW /api/events HTTP/1.1\r\n\r\n", 400, "bad request"},
      {"GET /api/events\r\n\r\n", 400, "bad request"},
      {Post("", "{}"), 401, "bearer"},
      {Post("Bearer wrong", "{}"), 401, "bearer"},
      {Post("Bearer t0k", "not json"), 400, "line 1"},
      {Post("Bearer t0k", " "), 400, "empty body"},
      {Post("Bearer t0k", big), 413, "too large"},
      {Post("Bearer t0k", R"({"id":"r2","text":"Police arrested 4."})"), 201,
       "\"inserted\":1"},
      {Post("Bearer t0k",
            R"({"id":"r3","date":"2020-02-30","text":"Police arrested 5."})"),
       201,
       R"("warnings":["api line 1: r3: unparseable date \"2020-02-30\" ignored"])"},
  };
  for (const Case& c : cases) {
    std::string out = http_->Serve(c.request);
    EXPECT_EQ(StatusOf(out), c.status) << c.request << "\n" << out;
    EXPECT_NE(out.find(c.body_has), std::string::npos) << c.request << out;
    EXPECT_NE(out.find("X-Content-Type-Options: nosniff"), std::string::npos);
    EXPECT_EQ(out.find("Content-Range"), std::string::npos) << out;
  }
}

TEST_F(RouterTest, KeepAliveServesEachRequest) {
  std::string two =
      "GET /api/events HTTP/1.1\r\n\r\nGET /nope HTTP/1.1\r\n\r\n";
  std::string out = http_->Serve(two);
  EXPECT_EQ(StatusOf(out), 200);
  EXPECT_NE(out.find("HTTP/1.1 404"), std::string::npos) << out;
  EXPECT_EQ(http_->Serve(two, 1).find("HTTP/1.1 404"), std::string::npos);
  EXPECT_EQ(http_->Serve(""), "");
  // Bytes end inside the headers.
  EXPECT_EQ(StatusOf(http_->Serve("GET / HTTP/1.1")), 400);
}

// A HEAD reply has the headers of the GET reply and no body, also when the
// request line is malformed: "HEAD" alone is a 400 whose Content-Length
// counts a body that is not sent (the http fuzzer's oracle took that for a
// cut reply; fuzz/regressions/http/head_*).
TEST_F(RouterTest, HeadRepliesCarryNoBody) {
  struct Case {
    std::string request;
    int status;
  };
  const Case cases[] = {
      {"HEAD /api/events HTTP/1.1\r\n\r\n", 200},
      {"HEAD /nope HTTP/1.1\r\n\r\n", 404},
      {"HEAD\r\n/api/events", 400},
      {"HEAD\t / HTTP/1.1\r\nT\n", 400},
  };
  for (const Case& c : cases) {
    std::string out = http_->Serve(c.request, 1);
    EXPECT_EQ(StatusOf(out), c.status) << c.request << "\n" << out;
    size_t end = out.find("\r\n\r\n");
    ASSERT_NE(end, std::string::npos) << out;
    EXPECT_EQ(out.size(), end + 4) << "a body after a HEAD reply: " << out;
    EXPECT_NE(out.find("Content-Length: "), std::string::npos) << out;
  }
  // Only a CRLF ends the request line: "HEAD\n" is no HEAD method.
  std::string out = http_->Serve("HEAD\n\n", 1);
  EXPECT_EQ(StatusOf(out), 400);
  EXPECT_TRUE(out.ends_with("}")) << out;
}

void ExpectEncoding(const std::string& out, std::string_view encoding,
                    const std::string& accept) {
  std::string head = out.substr(0, out.find("\r\n\r\n"));
  EXPECT_EQ(head.find("Content-Encoding: br"), std::string::npos) << head;
  if (encoding.empty()) {
    EXPECT_EQ(head.find("Content-Encoding"), std::string::npos) << head;
  } else {
    EXPECT_NE(head.find("Content-Encoding: " + std::string(encoding)),
              std::string::npos)
        << accept << head;
  }
}

// Replies are never brotli: httplib's brotli runs at quality 11 per
// request (0.7 s for the live page) whenever "br" is offered.
TEST_F(RouterTest, CompressesWithGzipAtMost) {
  struct Case {
    std::string accept;
    std::string_view encoding;  // "" = none
  };
  const Case cases[] = {
      {"gzip, deflate, br", "gzip"},
      {"br", ""},
      {"br;q=1, gzip", "gzip"},
      {"identity", ""},
      {"gzip", "gzip"},
  };
  for (const char* path : {"/", "/api/events"}) {
    for (const Case& c : cases) {
      std::string out = http_->Serve(
          "GET " + std::string(path) +
              " HTTP/1.1\r\nAccept-Encoding: " + c.accept + "\r\n\r\n",
          1);
      EXPECT_EQ(StatusOf(out), 200) << out;
      ExpectEncoding(out, c.encoding, c.accept);
    }
  }
  // A request that fails to parse (here: it ends inside its headers) gets
  // its error reply from the error handler, past pre-routing
  // (fuzz/regressions/http/brotli_error_reply).
  std::string bad =
      http_->Serve("GET / HTTP/1.1\r\nAccept-Encoding: br\rJ\r\n", 1);
  EXPECT_EQ(StatusOf(bad), 400) << bad;
  ExpectEncoding(bad, "", "br (bad request)");
}

TEST(ParseEventQueryTest, Params) {
  auto q = ParseEventQuery({{"country", "iq"}, {"limit", "5"}}, false);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->limit, 5);
  EXPECT_EQ(q->filter.countries, std::vector<std::string>{"IQ"});
  EXPECT_EQ(ParseEventQuery({}, false)->limit, 100);
  EXPECT_FALSE(ParseEventQuery({{"limit", "5"}}, true).ok());  // not paged
  auto t = ParseEventQuery({{"kind", "incident"}}, true);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->filter.kinds.size(), 1u);
  EXPECT_EQ(t->filter.kinds[0], MentionKind::kTally);
}

TEST(ParsePostBodyTest, LinesAndErrors) {
  auto one = ParsePostBody("{\n \"id\": \"a\",\n \"text\": \"x\"\n}", {});
  ASSERT_TRUE(one.ok());
  EXPECT_TRUE(one->errors.empty());
  ASSERT_EQ(one->docs.size(), 1u);
  auto bad = ParsePostBody("{\"text\":\"x\"}\n[1]\n", {});
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->errors,
            (std::vector<std::string>{"line 1: missing \"id\"",
                                      "line 2: record is not a JSON object"}));
}

}  // namespace
}  // namespace sitrep::server
