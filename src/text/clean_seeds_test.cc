// Acceptance on the five real scraped articles in /work/shared/seeds:
// publication dates with their origin, noise removed, and every removed
// span and sentence span mapping back to the exact raw bytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "common/test_paths.h"
#include "sitrep/clean.h"
#include "sitrep/sentences.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

fs::path SeedsDir() {
  return fs::path(test_paths::SourcePath("/../shared/seeds"));
}

// The seed whose file name starts with `prefix` ("000_"); "" if absent.
std::string ReadSeed(std::string_view prefix) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(SeedsDir(), ec)) {
    if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream f(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  }
  return "";
}

size_t CountOf(std::string_view hay, std::string_view needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string_view::npos;
       at = hay.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

struct DateCase {
  const char* seed;
  const char* iso;  // "" = none
  DateOrigin origin;
};

TEST(CleanSeeds, PublicationDates) {
  if (!fs::exists(SeedsDir())) GTEST_SKIP() << "no /work/shared/seeds";
  const DateCase cases[] = {
      {"000_", "2020-01-27", DateOrigin::kDatelineInferredYear},
      {"001_", "2020-01-26", DateOrigin::kMetadata},
      {"002_", "", DateOrigin::kNone},
      {"003_", "", DateOrigin::kNone},
      {"004_", "2022-01-08", DateOrigin::kMetadata},
  };
  for (const DateCase& c : cases) {
    std::string raw = ReadSeed(c.seed);
    ASSERT_FALSE(raw.empty()) << c.seed;
    CleanText clean = CleanPlainText(raw);
    PublicationDate d = ResolvePublicationDate(clean);
    EXPECT_EQ(d.origin, c.origin) << c.seed;
    EXPECT_EQ(d.day ? d.day->ToIso() : "", c.iso) << c.seed;
  }
}

TEST(CleanSeeds, NoiseRemoved) {
  if (!fs::exists(SeedsDir())) GTEST_SKIP() << "no /work/shared/seeds";
  CleanText c0 = CleanPlainText(ReadSeed("000_"));
  EXPECT_EQ(c0.text.find("aesop_image"), std::string::npos);
  EXPECT_EQ(c0.text.find("REUTERS./"), std::string::npos);
  EXPECT_EQ(c0.text.find("Reporting by"), std::string::npos);
  EXPECT_EQ(c0.text.rfind("Unidentified gunmen", 0), 0u) << c0.text;
  EXPECT_EQ(c0.outlet, "Reuters");
  ASSERT_TRUE(c0.dateline.has_value());
  EXPECT_EQ(c0.dateline->place, "BAGHDAD");

  const std::string title =
      "'Withdraw or Prepare Coffins': Iraqi Protesters Demand US Troops Exit";
  CleanText c2 = CleanPlainText(ReadSeed("002_"));
  EXPECT_EQ(CountOf(c2.text, title), 1u);
  EXPECT_EQ(c2.title, title);
  EXPECT_EQ(c2.text.find("error occurred"), std::string::npos);
  EXPECT_EQ(c2.text.find("Related news"), std::string::npos);

  CleanText c1 = CleanPlainText(ReadSeed("001_"));
  EXPECT_EQ(c1.text.find("/AP)"), std::string::npos);
  EXPECT_NE(c1.text.find("By Saturday evening however"), std::string::npos);
  EXPECT_EQ(c1.text.rfind("Hundreds of anti-government", 0), 0u);
  EXPECT_EQ(c1.outlet, "AP");

  CleanText c4 = CleanPlainText(ReadSeed("004_"));
  EXPECT_EQ(c4.text.find("(AFP photo)"), std::string::npos);
  EXPECT_EQ(c4.text.rfind("Gunmen in Iraq", 0), 0u) << c4.text.substr(0, 80);
  EXPECT_EQ(c4.outlet, "AFP");
  ASSERT_TRUE(c4.dateline.has_value());
  EXPECT_EQ(c4.dateline->place, "KUT, Iraq");
}

// Every removed span is the raw text it claims, and every sentence of the
// clean text maps back to the same bytes of the raw article.
TEST(CleanSeeds, SpansMapBackToRaw) {
  if (!fs::exists(SeedsDir())) GTEST_SKIP() << "no /work/shared/seeds";
  for (const char* seed : {"000_", "001_", "002_", "003_", "004_"}) {
    std::string raw = ReadSeed(seed);
    CleanText clean = CleanPlainText(raw);
    ASSERT_FALSE(clean.removed.empty() && std::string(seed) != "003_") << seed;
    for (const Removed& r : clean.removed) {
      ASSERT_LE(r.raw.end, raw.size()) << seed;
      std::string_view span = r.raw.In(raw);
      if (r.kind == "shortcode") {
        EXPECT_EQ(span.front(), '[') << seed;
        EXPECT_EQ(span.back(), ']') << seed;
        EXPECT_NE(span.find(r.text.substr(0, 20)), std::string_view::npos);
      } else {
        EXPECT_EQ(span, r.text) << seed << " " << r.kind;
      }
    }
    std::vector<Span> sentences = SplitSentences(clean.text);
    EXPECT_GT(sentences.size(), 5u) << seed;
    for (Span s : sentences) {
      std::string_view sentence = s.In(clean.text);
      Span r = clean.offsets.ToRaw(s);
      EXPECT_EQ(r.In(raw), sentence) << seed;
    }
  }
}

}  // namespace
}  // namespace sitrep
