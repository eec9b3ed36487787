#include "gtest/gtest.h"
#include "ingest/reader.h"
#include "ingest/test_util.h"

namespace sitrep::ingest {
namespace {

using testing::Collect;
using testing::Gzip;
using testing::TempDir;
using testing::WriteFile;
using Strings = std::vector<std::string>;

std::string Record(std::string_view type, std::string_view uri,
                   std::string_view block, bool with_length = true) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: 2020-01-27T10:00:00Z\r\n";
  r += "Content-Type: application/http; msgtype=" + std::string(type) + "\r\n";
  if (with_length) {
    r += "Content-Length: " + std::to_string(block.size()) + "\r\n";
  }
  return r + "\r\n" + std::string(block) + "\r\n\r\n";
}

std::string Http(std::string_view status, std::string_view type,
                 std::string_view body, std::string_view extra = "") {
  return "HTTP/1.1 " + std::string(status) +
         "\r\nContent-Type: " + std::string(type) + "\r\n" +
         std::string(extra) + "\r\n" + std::string(body);
}

const char kPage[] = "<html><body><p>Protesters were shot.</p></body></html>";

// Records 1..10; documents at 3, 6, 8 and 10; errors at 5 and 9.
std::vector<std::string> Records() {
  std::string malformed =
      Record("response", "http://bad/", Http("200 OK", "text/html", kPage));
  malformed.insert(malformed.find("WARC-Date"), "this is not a header\r\n");
  return {
      Record("warcinfo", "", "software: test\r\n"),
      Record("request", "http://a/", "GET / HTTP/1.1\r\n\r\n"),
      Record("response", "http://a/",
             Http("200 OK", "text/html; charset=utf-8", kPage)),
      Record("response", "http://a/robots.txt",
             Http("200 OK", "text/plain", "User-agent: *")),
      malformed,
      Record(
          "response", "http://b/",
          Http("200 OK", "text/html", "5\r\n<p>ab\r\n5\r\nc</p>\r\n0\r\n\r\n",
               "Transfer-Encoding: chunked\r\n")),
      Record("response", "http://a/missing",
             Http("404 Not Found", "text/html", kPage)),
      Record("response", "http://c/",
             Http("200 OK", "text/html", Gzip(kPage),
                  "Content-Encoding: gzip\r\n")),
      Record("response", "http://nolength/", Http("200 OK", "text/html", kPage),
             false),
      Record("response", "http://d/",
             Http("200 OK", "application/xhtml+xml", kPage)),
  };
}

void CheckRecords(const testing::Collected& c, const std::string& path) {
  ASSERT_EQ(c.Ids(), (Strings{HexHash64("http://a/"), HexHash64("http://b/"),
                              HexHash64("http://c/"), HexHash64("http://d/")}));
  EXPECT_EQ(c.docs[0].id.size(), 16u);
  EXPECT_EQ(c.docs[0].url, "http://a/");
  EXPECT_EQ(c.docs[0].source_path, path + "#3");
  EXPECT_EQ(c.docs[0].kind, RawDocument::Kind::kHtml);
  EXPECT_EQ(c.docs[0].container, RawDocument::Container::kWarc);
  EXPECT_EQ(c.docs[0].bytes, kPage);
  EXPECT_EQ(c.docs[1].bytes, "<p>abc</p>");
  EXPECT_EQ(c.docs[1].source_path, path + "#6");
  EXPECT_EQ(c.docs[2].bytes, kPage);
  EXPECT_EQ(c.docs[3].source_path, path + "#10");
  EXPECT_EQ(c.ErrorWheres(), (Strings{path + "#5", path + "#9"}));
  for (const auto& e : c.errors) {
    EXPECT_EQ(e.status.code(), StatusCode::kInvalidArgument);
  }
  EXPECT_NE(c.errors[0].status.message().find("malformed header line"),
            std::string::npos);
  EXPECT_NE(c.errors[1].status.message().find("Content-Length"),
            std::string::npos);
}

TEST(WarcTest, PlainWarc) {
  std::string warc;
  for (const std::string& r : Records()) warc += r;
  TempDir dir;
  WriteFile(dir / "crawl.warc", warc);
  CheckRecords(Collect({dir / "crawl.warc"}), dir / "crawl.warc");
}

TEST(WarcTest, MultiMemberWarcGz) {
  std::string gz;
  for (const std::string& r : Records()) gz += Gzip(r);
  TempDir dir;
  WriteFile(dir / "crawl.warc.gz", gz);
  CheckRecords(Collect({dir / "crawl.warc.gz"}), dir / "crawl.warc.gz");
}

TEST(WarcTest, TruncatedAndOversizeRecords) {
  std::string big(200, 'x');
  std::string warc =
      Record("response", "http://big/",
             Http("200 OK", "text/html", "<p>" + big + "</p>")) +
      Record("response", "http://ok/", Http("200 OK", "text/html", kPage));
  std::string cut =
      Record("response", "http://cut/", Http("200 OK", "text/html", kPage));
  warc += cut.substr(0, cut.size() - 20);
  TempDir dir;
  WriteFile(dir / "x.warc", warc);
  IngestLimits limits;
  limits.max_document_bytes = 100;
  auto c = Collect({dir / "x.warc"}, limits);
  EXPECT_EQ(c.Ids(), (Strings{HexHash64("http://ok/")}));
  ASSERT_EQ(c.ErrorWheres(), (Strings{dir / "x.warc#1", dir / "x.warc#3"}));
  EXPECT_EQ(c.errors[0].status.message(),
            "article over size budget (207 bytes > 100)");
  EXPECT_EQ(c.errors[1].status.code(), StatusCode::kCorruption);
}

TEST(WarcTest, NotAWarcFile) {
  TempDir dir;
  WriteFile(dir / "x.warc", "hello\nworld\n");
  auto c = Collect({dir / "x.warc"});
  EXPECT_TRUE(c.docs.empty());
  EXPECT_EQ(c.ErrorWheres(), (Strings{dir / "x.warc"}));
}

}  // namespace
}  // namespace sitrep::ingest
