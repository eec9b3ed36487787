#include <fcntl.h>
#include <unistd.h>

#include "gtest/gtest.h"
#include "ingest/reader.h"
#include "ingest/test_util.h"

namespace sitrep::ingest {
namespace {

using testing::Collect;
using testing::Gzip;
using testing::TempDir;
using testing::WriteFile;

TEST(JsonlTest, RecordsAndErrorsWithLineNumbers) {
  const char* lines[] = {
      /*1*/
      R"({"id":"a","text":"Gunmen shot two protesters.","date":"2020-01-27","url":"http://x/a","source":"Reuters","title":"Shots"})",
      /*2*/
      R"({"id":"b","html":"<p>Tear gas in Basra.</p>","date":null,"extra":[1,2]})",
      /*3*/ R"({"id":"c","text":"unterminated)",
      /*4*/ "",
      /*5*/ R"({"id":"d","text":42})",
      /*6*/ R"({"text":"no id"})",
      /*7*/ R"(["id","e"])",
      /*8*/ R"({"id":"f"})",
      /*9*/ R"({"id":"g","text":"x","html":"<p>x</p>"})",
      /*10*/ R"({"id":7,"text":"numeric id","date":"27 Jan 2020"})",
      /*11*/ R"({"id":"h","text":"   "})",
      /*12*/ R"({"id":"i","text":"ok","url":5})",
      /*13*/ R"({"id":"j","text":"Last record."})",
  };
  std::string jsonl;
  for (const char* l : lines) jsonl += std::string(l) + "\n";
  TempDir dir;
  std::string path = dir / "feed.jsonl";
  WriteFile(path, jsonl);
  auto c = Collect({path});

  ASSERT_EQ(c.Ids(), (std::vector<std::string>{"a", "b", "7", "j"}));
  const RawDocument& a = c.docs[0];
  EXPECT_EQ(a.source_path, path + ":1");
  EXPECT_EQ(a.kind, RawDocument::Kind::kText);
  EXPECT_EQ(a.container, RawDocument::Container::kJsonl);
  EXPECT_EQ(a.bytes, "Gunmen shot two protesters.");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToIso(), "2020-01-27");
  EXPECT_EQ(a.url, "http://x/a");
  EXPECT_EQ(a.outlet, "Reuters");
  EXPECT_EQ(a.title, "Shots");
  EXPECT_EQ(c.docs[1].kind, RawDocument::Kind::kHtml);
  EXPECT_FALSE(c.docs[1].date.has_value());
  EXPECT_FALSE(c.docs[2].date.has_value());
  ASSERT_EQ(c.docs[2].warnings.size(), 1u);
  EXPECT_NE(c.docs[2].warnings[0].find("unparseable date"), std::string::npos);
  EXPECT_EQ(c.docs[3].source_path, path + ":13");

  struct Want {
    int line;
    const char* message;  // substring
  } want[] = {
      {3, "malformed JSON"}, {5, "\"text\" must be a string"},
      {6, "missing \"id\""}, {7, "not a JSON object"},
      {8, "neither"},        {9, "both"},
      {11, "empty"},         {12, "\"url\" must be a string"},
  };
  ASSERT_EQ(c.errors.size(), std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    EXPECT_EQ(c.errors[i].where, path + ":" + std::to_string(want[i].line));
    EXPECT_EQ(c.errors[i].status.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(c.errors[i].status.message().find(want[i].message),
              std::string::npos)
        << c.errors[i].status.ToString();
  }
}

TEST(JsonlTest, BudgetsAndGzip) {
  IngestLimits limits;
  limits.max_document_bytes = 20;
  limits.max_line_bytes = 64;
  std::string jsonl =
      "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"short\"}\n"
      "{\"id\":\"b\",\"text\":\"" +
      std::string(30, 'x') +
      "\"}\n"
      "{\"id\":\"c\",\"text\":\"" +
      std::string(100, 'y') +
      "\"}\n"
      "{\"id\":\"d\",\"text\":\"no newline at end\"}";
  TempDir dir;
  WriteFile(dir / "f.jsonl.gz", Gzip(jsonl));
  auto c = Collect({dir / "f.jsonl.gz"}, limits);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a", "d"}));
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].where, dir / "f.jsonl.gz:2");
  EXPECT_EQ(c.errors[0].status.message(),
            "article over size budget (30 bytes > 20)");
  EXPECT_EQ(c.errors[1].where, dir / "f.jsonl.gz:3");
  EXPECT_EQ(c.errors[1].status.code(), StatusCode::kResourceExhausted);
}

TEST(JsonlTest, DashReadsStdin) {
  TempDir dir;
  WriteFile(dir / "in.jsonl", "{\"id\":\"s\",\"text\":\"From stdin.\"}\nbad\n");
  int saved = dup(0);
  int fd = open((dir / "in.jsonl").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  dup2(fd, 0);
  close(fd);
  auto c = Collect({"-"});
  dup2(saved, 0);
  close(saved);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"s"}));
  EXPECT_EQ(c.docs[0].source_path, "stdin:1");
  EXPECT_EQ(c.ErrorWheres(), (std::vector<std::string>{"stdin:2"}));
}

}  // namespace
}  // namespace sitrep::ingest
