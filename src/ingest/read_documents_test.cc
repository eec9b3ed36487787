#include <unistd.h>

#include "common/test_paths.h"
#include "gtest/gtest.h"
#include "ingest/reader.h"
#include "ingest/test_util.h"

namespace sitrep::ingest {
namespace {

using testing::Collect;
using testing::Gzip;
using testing::TempDir;
using testing::WriteArchive;
using testing::WriteFile;
using Strings = std::vector<std::string>;

const char kText[] =
    "BAGHDAD, Jan 27 (Reuters) - Gunmen shot two protesters.\n";
const char kHtml[] =
    "<html><head><title>T</title></head><body><p>Police fired tear gas at "
    "protesters in Basra.</p></body></html>";

TEST(DocumentIdTest, StripsDirectoriesAndExtensions) {
  struct Case {
    const char* path;
    const char* id;
  } cases[] = {
      {"a.txt", "a"},
      {"a.html.gz", "a"},
      {"x.tar.gz!dir/b.txt", "b"},
      {"/seeds/000_60ab15af16507899.txt", "000_60ab15af16507899"},
      {"report", "report"},
      {"a.csv", "a"},
      {"Mr.Smith.TXT", "Mr.Smith"},
      {"page.HTM", "page"},
      {"dump.warc.gz", "dump"},
  };
  for (const Case& c : cases) EXPECT_EQ(DocumentId(c.path), c.id) << c.path;
}

TEST(FormatOfTest, ByExtension) {
  struct Case {
    const char* name;
    InputFormat format;
  } cases[] = {
      {"a.txt", InputFormat::kText},     {"a", InputFormat::kText},
      {"a.html", InputFormat::kHtml},    {"a.HTM", InputFormat::kHtml},
      {"a.jsonl", InputFormat::kJsonl},  {"a.warc", InputFormat::kWarc},
      {"a.warc.gz", InputFormat::kGzip}, {"a.tar.gz", InputFormat::kArchive},
      {"a.tgz", InputFormat::kArchive},  {"a.zip", InputFormat::kArchive},
      {"a.tar", InputFormat::kArchive},  {"x.tar!a.txt.gz", InputFormat::kGzip},
  };
  for (const Case& c : cases) EXPECT_EQ(FormatOf(c.name), c.format) << c.name;
}

TEST(IsInputNameTest, KnownExtensionsOrNone) {
  struct Case {
    const char* name;
    bool input;
  } cases[] = {
      {"a.txt", true},  {"a.TEXT", true},        {"a", true},
      {"a.html", true}, {"a.jsonl.gz", true},    {"a.zip", true},
      {"a.warc", true}, {"README.md", false},    {"a.csv", false},
      {"a.pdf", false}, {"x.zip!b.json", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsInputName(c.name), c.input) << c.name;
}

TEST(ReadDocumentsTest, DirectoryIsRecursiveSortedAndSkipsHidden) {
  TempDir dir;
  WriteFile(dir / "b.txt", kText);
  WriteFile(dir / "a/c.html", kHtml);
  WriteFile(dir / ".hidden.txt", kText);
  WriteFile(dir / ".git/x.txt", kText);
  WriteFile(dir / "z.txt", kText);
  WriteFile(dir / "README.md", kText);  // not an input extension
  WriteFile(dir / "notes.csv", "a,b\n");
  auto c = Collect({dir.path()});
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.Ids(), (Strings{"c", "b", "z"}));
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].kind, RawDocument::Kind::kHtml);
  EXPECT_EQ(c.docs[0].source_path, dir / "a/c.html");
  EXPECT_EQ(c.docs[1].kind, RawDocument::Kind::kText);
  EXPECT_EQ(c.docs[1].bytes, kText);
  EXPECT_EQ(c.docs[1].container, RawDocument::Container::kFile);
}

TEST(ReadDocumentsTest, BadFilesAreReportedAndSkipped) {
  struct Case {
    const char* name;
    std::string bytes;
    StatusCode code;
    const char* message;  // substring
  } cases[] = {
      {"empty.txt", "", StatusCode::kInvalidArgument, "empty"},
      {"blank.txt", " \n\n\t", StatusCode::kInvalidArgument, "empty"},
      {"bin.txt",
       std::string("\x7f"
                   "ELF\0\0\0\x01\x02\0\0\0",
                   12),
       StatusCode::kInvalidArgument, "binary file"},
      {"big.txt", std::string(40, 'x'), StatusCode::kResourceExhausted,
       "article over size budget (40 bytes > 32)"},
  };
  IngestLimits limits;
  limits.max_document_bytes = 32;
  for (const Case& c : cases) {
    TempDir dir;
    WriteFile(dir / c.name, c.bytes);
    auto got = Collect({dir / c.name}, limits);
    EXPECT_TRUE(got.docs.empty()) << c.name;
    ASSERT_EQ(got.errors.size(), 1u) << c.name;
    EXPECT_EQ(got.errors[0].where, dir / c.name);
    EXPECT_EQ(got.errors[0].status.code(), c.code) << c.name;
    EXPECT_NE(got.errors[0].status.message().find(c.message), std::string::npos)
        << got.errors[0].status.ToString();
  }
}

TEST(ReadDocumentsTest, MissingAndUnreadableFilesNameTheFile) {
  TempDir dir;
  auto c = Collect({dir / "nope.txt"});
  ASSERT_EQ(c.errors.size(), 1u);
  // The path is the error's `where`; the message names the failing call
  // and the OS error, not the path again ("x: x: No such file").
  EXPECT_EQ(c.errors[0].where, dir / "nope.txt");
  EXPECT_EQ(c.errors[0].status.code(), StatusCode::kNotFound);
  EXPECT_EQ(c.errors[0].status.message().find("nope.txt"), std::string::npos);
  if (geteuid() == 0) GTEST_SKIP() << "root reads any file";
  WriteFile(dir / "locked.txt", kText);
  std::filesystem::permissions(dir / "locked.txt",
                               std::filesystem::perms::none);
  c = Collect({dir / "locked.txt"});
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].status.code(), StatusCode::kIOError);
  EXPECT_EQ(c.errors[0].where, dir / "locked.txt");
}

TEST(ReadDocumentsTest, DirectoryWithoutInputsIsReported) {
  TempDir dir;
  std::filesystem::create_directories(dir / "empty/sub");
  WriteFile(dir / "empty/notes.md", "not an input");
  WriteFile(dir / "one/a.txt", kText);
  std::filesystem::create_directories(dir / "bad");
  WriteFile(dir / "bad/b.txt", "");
  auto c = Collect({dir / "empty", dir / "one", dir / "bad"});
  EXPECT_EQ(c.Ids(), (Strings{"a"}));
  ASSERT_EQ(c.errors.size(), 2u);  // "bad" has its own error: no second one
  EXPECT_EQ(c.errors[0].where, dir / "empty");
  EXPECT_EQ(c.errors[0].status.message(), "no input files in directory");
  EXPECT_EQ(c.errors[1].where, dir / "bad/b.txt");
}

TEST(ReadDocumentsTest, GzipFiles) {
  TempDir dir;
  std::string gz = Gzip(kHtml);
  WriteFile(dir / "a.html.gz", gz);
  WriteFile(dir / "b.txt.gz", Gzip(kText) + Gzip(kText));  // two members
  WriteFile(dir / "c.txt.gz", gz.substr(0, gz.size() / 2));
  WriteFile(dir / "d.txt.gz", "");
  auto c = Collect({dir.path()});
  EXPECT_EQ(c.Ids(), (Strings{"a", "b"}));
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].kind, RawDocument::Kind::kHtml);
  EXPECT_EQ(c.docs[0].bytes, kHtml);
  EXPECT_EQ(c.docs[1].bytes, std::string(kText) + kText);
  EXPECT_EQ(c.ErrorWheres(), (Strings{dir / "c.txt.gz", dir / "d.txt.gz"}));
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0].status.code(), StatusCode::kCorruption);
  EXPECT_NE(c.errors[0].status.message().find("truncated"), std::string::npos);
}

TEST(ReadDocumentsTest, GzipBombsAreStopped) {
  std::string zeros(24u << 20, '\0');
  std::string bomb = Gzip(zeros);
  zeros = std::string();
  struct Case {
    const char* name;
    double ratio;
    size_t max_expanded;
    const char* message;
  } cases[] = {
      {"ratio", 200.0, 1u << 30, "expansion ratio over 200"},
      {"absolute", 1e9, 4u << 20, "expands past 4194304 bytes"},
  };
  for (const Case& c : cases) {
    TempDir dir;
    WriteFile(dir / "bomb.txt.gz", bomb);
    IngestLimits limits;
    limits.max_expansion_ratio = c.ratio;
    limits.max_expanded_bytes = c.max_expanded;
    auto got = Collect({dir / "bomb.txt.gz"}, limits);
    EXPECT_TRUE(got.docs.empty());
    ASSERT_EQ(got.errors.size(), 1u) << c.name;
    EXPECT_EQ(got.errors[0].status.code(), StatusCode::kResourceExhausted);
    EXPECT_NE(got.errors[0].status.message().find(c.message), std::string::npos)
        << got.errors[0].status.ToString();
  }
}

TEST(ReadDocumentsTest, ArchivesWithNestedMembers) {
  TempDir dir;
  std::string inner_zip = dir / "inner.zip";
  WriteArchive(inner_zip, "zip",
               {{"d.txt", kText}, {"e.html", kHtml}, {".DS_Store", "x"}});
  WriteArchive(dir / "in/x.tar.gz", "tar.gz",
               {{"dir/b.txt", kText},
                {"./c.html.gz", Gzip(kHtml)},
                {"inner.zip", testing::ReadWhole(inner_zip)},
                {"dir/.hidden/f.txt", kText},
                {"empty.txt", ""},
                {"notes.md", kText}});
  WriteArchive(dir / "in/y.tar", "tar",
               {{"g.jsonl", R"({"id":"g","text":"G."})"}});
  auto c = Collect({dir / "in"});
  EXPECT_EQ(c.Ids(), (Strings{"b", "c", "d", "e", "g"}));
  std::vector<std::string> wheres;
  for (const auto& d : c.docs) wheres.push_back(d.source_path);
  std::string x = dir / "in/x.tar.gz";
  EXPECT_EQ(wheres,
            (Strings{x + "!dir/b.txt", x + "!c.html.gz", x + "!inner.zip!d.txt",
                     x + "!inner.zip!e.html", dir / "in/y.tar!g.jsonl:1"}));
  EXPECT_EQ(c.ErrorWheres(), (Strings{x + "!empty.txt"}));
  EXPECT_EQ(c.errors[0].status.message(), "empty");
}

TEST(ReadDocumentsTest, OversizeArchiveMember) {
  TempDir dir;
  WriteArchive(dir / "x.zip", "zip",
               {{"big.txt", std::string(100, 'a')}, {"ok.txt", "fine text"}});
  IngestLimits limits;
  limits.max_document_bytes = 50;
  auto c = Collect({dir / "x.zip"}, limits);
  EXPECT_EQ(c.Ids(), (Strings{"ok"}));
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].where, dir / "x.zip!big.txt");
  EXPECT_EQ(c.errors[0].status.message(),
            "article over size budget (100 bytes > 50)");
}

TEST(ReadDocumentsTest, CorruptArchiveIsReported) {
  TempDir dir;
  WriteFile(dir / "bad.zip", "PK\x03\x04 this is not really a zip file");
  auto c = Collect({dir / "bad.zip"});
  EXPECT_TRUE(c.docs.empty());
  EXPECT_EQ(c.ErrorWheres(), (Strings{dir / "bad.zip"}));
}

// Every proper prefix of a compressed container reports an error (or loses
// documents) and never crashes or loops.
TEST(ReadDocumentsTest, TruncatedContainers) {
  TempDir dir;
  WriteArchive(dir / "full.tar.gz", "tar.gz",
               {{"a.txt", kText}, {"b.html", kHtml}, {"c.txt", kText}});
  std::string jsonl;
  for (int i = 0; i < 3; ++i) {
    jsonl += "{\"id\":\"j" + std::to_string(i) + "\",\"text\":\"x\"}\n";
  }
  WriteFile(dir / "full.jsonl.gz", Gzip(jsonl));
  for (const char* name : {"full.tar.gz", "full.jsonl.gz"}) {
    std::string full = testing::ReadWhole(dir / name);
    std::string cut_name = std::string("cut.") + (name + 5);
    size_t full_docs = Collect({dir / name}).docs.size();
    ASSERT_EQ(full_docs, 3u);
    for (size_t cut = 1; cut < full.size(); cut += 7) {
      WriteFile(dir / cut_name, full.substr(0, cut));
      auto c = Collect({dir / cut_name});
      EXPECT_TRUE(!c.errors.empty() || c.docs.size() < full_docs)
          << name << " cut at " << cut;
    }
  }
}

TEST(ReadDocumentsTest, Seeds) {
  std::string seeds = test_paths::SourcePath("/../shared/seeds");
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds;
  auto c = Collect({seeds});
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.Ids(), (Strings{"000_60ab15af16507899", "001_1e624239fb1a739b",
                              "002_94d6b5e44e35da17", "003_9d45eec19942809f",
                              "004_2a6d0a5e7ece637d"}));
  for (const auto& d : c.docs) {
    EXPECT_EQ(d.kind, RawDocument::Kind::kText);
    EXPECT_GT(d.bytes.size(), 1000u);
  }
}

}  // namespace
}  // namespace sitrep::ingest
