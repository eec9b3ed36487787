#include <filesystem>

#include "common/test_paths.h"
#include "gtest/gtest.h"
#include "ingest/test_util.h"
#include "sitrep/ingest.h"
#include "sitrep/utf8.h"

namespace sitrep {
namespace {

RawDocument Doc(RawDocument::Kind kind, std::string bytes) {
  RawDocument d;
  d.id = "doc";
  d.source_path = "doc.txt";
  d.kind = kind;
  d.bytes = std::move(bytes);
  return d;
}

// `word` appears in the clean text and maps back to the same raw bytes.
void ExpectMapsBack(const Article& a, std::string_view word) {
  size_t p = a.text.find(word);
  ASSERT_NE(p, std::string::npos) << word << " not in: " << a.text;
  Span raw = a.offsets.ToRaw(
      Span{static_cast<uint32_t>(p), static_cast<uint32_t>(p + word.size())});
  EXPECT_EQ(raw.In(a.raw), word);
}

TEST(BuildArticleTest, PlainText) {
  std::string text =
      "Gunmen shot dead two protesters in Nassiriya on Monday. Police said "
      "at least 75 people were wounded.\n\nClashes resumed in Baghdad.\n";
  auto a = BuildArticle(Doc(RawDocument::Kind::kText, text), IngestLimits());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->id, "doc");
  EXPECT_EQ(a->format, "text");
  EXPECT_EQ(a->raw, text);
  EXPECT_EQ(a->content_hash.size(), 32u);
  EXPECT_EQ(a->content_hash.find_first_not_of("0123456789abcdef"),
            std::string::npos);
  EXPECT_TRUE(a->warnings.empty());
  EXPECT_EQ(a->sentences.size(), 3u);
  for (const Span& s : a->sentences) EXPECT_LE(s.end, a->text.size());
  ExpectMapsBack(*a, "Nassiriya");
  ExpectMapsBack(*a, "Baghdad");
  EXPECT_FALSE(a->published.has_value());
  EXPECT_EQ(a->date_origin, DateOrigin::kNone);

  auto b = BuildArticle(Doc(RawDocument::Kind::kText, text + " "), {});
  ASSERT_TRUE(b.ok());
  EXPECT_NE(a->content_hash, b->content_hash);
}

TEST(BuildArticleTest, InvalidUtf8IsRepairedWithWarning) {
  auto a = BuildArticle(
      Doc(RawDocument::Kind::kText, "Police fired tear gas \xff in Basra."),
      {});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_TRUE(IsValidUtf8(a->raw));
  ASSERT_EQ(a->warnings.size(), 1u);
  EXPECT_EQ(a->warnings[0], "invalid UTF-8 repaired (1 replacements)");
  ExpectMapsBack(*a, "Basra");
}

TEST(BuildArticleTest, ContainerMetadataComesFirst) {
  RawDocument d = Doc(RawDocument::Kind::kText, "Protesters blocked a bridge.");
  d.container = RawDocument::Container::kJsonl;
  d.date = CivilDay{2020, 1, 27};
  d.title = "Bridge blocked";
  d.outlet = "Reuters";
  d.url = "https://example.org/a";
  d.warnings = {"unparseable date \"x\" ignored"};
  auto a = BuildArticle(std::move(d), {});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->format, "jsonl-text");
  ASSERT_TRUE(a->published.has_value());
  EXPECT_EQ(a->published->ToIso(), "2020-01-27");
  EXPECT_EQ(a->date_origin, DateOrigin::kMetadata);
  EXPECT_EQ(a->title, "Bridge blocked");
  EXPECT_EQ(a->outlet, "Reuters");
  EXPECT_EQ(a->url, "https://example.org/a");
  EXPECT_EQ(a->warnings.size(), 1u);
}

const char kPage[] =
    "<!doctype html><html><head><title>Clashes in Basra</title>"
    "<meta property=\"og:site_name\" content=\"Example News\">"
    "<meta property=\"article:published_time\" "
    "content=\"2020-01-26T08:00:00Z\"></head><body><nav><a href=/>Home</a> "
    "<a href=/w>World</a></nav><article><h1>Clashes in Basra</h1>"
    "<p>Security forces fired live rounds at protesters in Basra on Sunday, "
    "killing two people, medics said.</p><p>Dozens more were wounded in the "
    "clashes near the provincial council building &amp; the main square.</p>"
    "</article><footer>Copyright 2020</footer></body></html>";

TEST(BuildArticleTest, HtmlOffsetsPointIntoRawHtml) {
  auto a = BuildArticle(Doc(RawDocument::Kind::kHtml, kPage), {});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->format, "html");
  EXPECT_EQ(a->raw, kPage);
  ExpectMapsBack(*a, "live rounds");
  ExpectMapsBack(*a, "Dozens more");
  EXPECT_EQ(a->text.find("Copyright"), std::string::npos);
  EXPECT_EQ(a->outlet, "Example News");
  ASSERT_TRUE(a->published.has_value());
  EXPECT_EQ(a->published->ToIso(), "2020-01-26");
  EXPECT_EQ(a->date_origin, DateOrigin::kMetadata);
  EXPECT_GE(a->sentences.size(), 2u);

  RawDocument d = Doc(RawDocument::Kind::kHtml, kPage);
  d.container = RawDocument::Container::kJsonl;
  d.outlet = "Wire";
  d.date = CivilDay{2020, 1, 27};
  auto b = BuildArticle(std::move(d), {});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->format, "jsonl-html");
  EXPECT_EQ(b->outlet, "Wire");
  EXPECT_EQ(b->published->ToIso(), "2020-01-27");
}

TEST(BuildArticleTest, RejectsBadDocuments) {
  struct Case {
    const char* name;
    std::string bytes;
    StatusCode code;
    const char* message;
  } cases[] = {
      {"empty", "", StatusCode::kInvalidArgument, "empty"},
      {"binary", std::string("\0\0\0\x01\x02\x03garbage\0\0", 15),
       StatusCode::kInvalidArgument, "binary file"},
      {"oversize", std::string(64, 'a'), StatusCode::kResourceExhausted,
       "article over size budget (64 bytes > 50)"},
  };
  IngestLimits limits;
  limits.max_document_bytes = 50;
  for (const Case& c : cases) {
    auto a = BuildArticle(Doc(RawDocument::Kind::kText, c.bytes), limits);
    ASSERT_FALSE(a.ok()) << c.name;
    EXPECT_EQ(a.status().code(), c.code) << c.name;
    EXPECT_EQ(a.status().message(), c.message) << c.name;
  }
}

TEST(BuildArticleTest, Seeds) {
  std::string seeds = test_paths::SourcePath("/../shared/seeds");
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds;
  auto c = ingest::testing::Collect({seeds});
  ASSERT_EQ(c.docs.size(), 5u);
  std::vector<Article> articles;
  for (RawDocument& d : c.docs) {
    auto a = BuildArticle(std::move(d), {});
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    EXPECT_GE(a->sentences.size(), 5u) << a->id;
    for (const Span& s : a->sentences) {
      Span raw = a->offsets.ToRaw(s);
      EXPECT_LE(raw.end, a->raw.size()) << a->id;
    }
    articles.push_back(std::move(a).value());
  }
  EXPECT_EQ(articles[1].id, "001_1e624239fb1a739b");
  ASSERT_TRUE(articles[1].published.has_value());
  EXPECT_EQ(articles[1].published->ToIso(), "2020-01-26");
  EXPECT_EQ(articles[1].date_origin, DateOrigin::kMetadata);
  ExpectMapsBack(articles[0], "Nassiriya");
}

}  // namespace
}  // namespace sitrep
