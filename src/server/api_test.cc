#include "server/api.h"

#include <gtest/gtest.h>

namespace sitrep::server {
namespace {

TEST(ClassifyTest, Paths) {
  struct Case {
    std::string_view path;
    Endpoint endpoint;
    std::string_view id, allow;
  };
  const Case cases[] = {
      {"/", Endpoint::kUi, "", "GET"},
      {"/api/events", Endpoint::kEvents, "", "GET"},
      {"/api/events/SR1", Endpoint::kEvent, "SR1", "GET"},
      {"/api/events/", Endpoint::kNone, "", "GET"},
      {"/api/articles", Endpoint::kArticles, "", "POST"},
      {"/api/articles/a/b", Endpoint::kArticle, "a/b", "GET"},
      {"/api/articles/../../etc/passwd", Endpoint::kArticle, "../../etc/passwd",
       "GET"},
      {"/api/search", Endpoint::kSearch, "", "GET"},
      {"/api/tallies", Endpoint::kTallies, "", "GET"},
      {"/../etc/passwd", Endpoint::kNone, "", "GET"},
      {"/api", Endpoint::kNone, "", "GET"},
      {"/api/events/x/../", Endpoint::kEvent, "x/../", "GET"},
      {"", Endpoint::kNone, "", "GET"},
      {"/index.html", Endpoint::kNone, "", "GET"},
  };
  for (const Case& c : cases) {
    Route r = Classify(c.path);
    EXPECT_EQ(r.endpoint, c.endpoint) << c.path;
    EXPECT_EQ(r.id, c.id) << c.path;
    EXPECT_EQ(r.allow, c.allow) << c.path;
  }
  EXPECT_EQ(Classify("/api/events/" + std::string(2000, 'x')).endpoint,
            Endpoint::kNone);
}

TEST(TokenTest, EqualsAndBearer) {
  EXPECT_TRUE(TokenEquals("abc", "abc"));
  EXPECT_FALSE(TokenEquals("abc", "abd"));
  EXPECT_FALSE(TokenEquals("abc", "abcd"));
  EXPECT_FALSE(TokenEquals("", "a"));
  EXPECT_TRUE(TokenEquals("", ""));
  EXPECT_EQ(CheckBearer("", "Bearer x")->status, 403);
  EXPECT_EQ(CheckBearer("t", "")->status, 401);
  EXPECT_EQ(CheckBearer("t", "Bearer ")->status, 401);
  EXPECT_EQ(CheckBearer("t", "bearer t")->status, 401);
  EXPECT_EQ(CheckBearer("t", "Basic t")->status, 401);
  EXPECT_FALSE(CheckBearer("t", "Bearer t").has_value());
}

TEST(ParseCountTest, Values) {
  EXPECT_EQ(*ParseCount("limit", "5", 1000), 5);
  EXPECT_EQ(*ParseCount("limit", "0", 1000), 0);
  EXPECT_EQ(*ParseCount("limit", "5000", 1000), 1000);
  for (std::string_view bad :
       {"", "-1", "1e3", "abc", "5x", " 5", "99999999999999999999"}) {
    EXPECT_FALSE(ParseCount("limit", bad, 1000).ok()) << bad;
  }
}

TEST(ErrorReplyTest, EscapesMessage) {
  Reply r = ErrorReply(400, "bad \"q\"\n");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"({"error":"bad \"q\"\n"})");
  // Request bytes quoted in a message (found by fuzz/http_fuzzer.cc).
  EXPECT_EQ(ErrorReply(400, "from: \"2020-\xff\xfe\"").body,
            "{\"error\":\"from: \\\"2020-\xEF\xBF\xBD\xEF\xBF\xBD\\\"\"}");
}

}  // namespace
}  // namespace sitrep::server
