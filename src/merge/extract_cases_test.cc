// Table-driven tests of the whole extractor on tricky sentences, read from
// tests/golden/extract_cases.tsv (one regression case per bug).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "common/test_paths.h"
#include "extract/tsv.h"
#include "sitrep/extract.h"
#include "sitrep/merge.h"
#include "sitrep/sentences.h"

namespace sitrep {
namespace {

Article MakeArticle(const std::string& text, const std::string& published) {
  Article a;
  a.id = "case";
  a.raw = text;
  a.text = text;
  a.offsets = OffsetMap::Identity(static_cast<uint32_t>(text.size()));
  a.sentences = SplitSentences(a.text);
  if (auto d = CivilDay::ParseIso(published)) a.published = d;
  return a;
}

std::string Best(const std::optional<Count>& c) {
  if (!c) return "-";
  auto v = c->best ? c->best : c->low ? c->low : c->high;
  return v ? std::to_string(*v) : "-";
}

// The value the case file names for key `k` in event `e`.
std::string Field(const Event& e, const std::string& k) {
  if (k == "kind") return MentionKindName(e.kind);
  if (k == "type") return e.event_type;
  if (k == "sub") return e.sub_event_type;
  if (k == "killed") return Best(e.counts[0]);
  if (k == "injured") return Best(e.counts[1]);
  if (k == "arrested") return Best(e.counts[2]);
  if (k == "missing") return Best(e.counts[3]);
  if (k == "date") return e.date.valid() ? e.date.ToIso() : "-";
  if (k == "place") return e.location ? e.location->name : "-";
  if (k == "actor1") return e.actor1.empty() ? "-" : e.actor1;
  if (k == "actor2") return e.actor2.empty() ? "-" : e.actor2;
  return "unknown key " + k;
}

std::string Trim(std::string s) {
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

class ExtractorCases : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = Gazetteer::OpenDefault();
    if (g.ok()) gaz_ = std::move(g).value().release();
    auto x = Extractor::Create(gaz_);
    ASSERT_TRUE(x.ok()) << x.status().ToString();
    extractor_ = std::move(x).value().release();
  }
  static const Gazetteer* gaz_;
  static const Extractor* extractor_;
};
const Gazetteer* ExtractorCases::gaz_ = nullptr;
const Extractor* ExtractorCases::extractor_ = nullptr;

TEST_F(ExtractorCases, GoldenFile) {
  if (gaz_ == nullptr) GTEST_SKIP() << "no compiled gazetteer";
  std::ifstream in(test_paths::SourcePath("/tests/golden/extract_cases.tsv"));
  ASSERT_TRUE(in) << "missing tests/golden/extract_cases.tsv";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string body = ss.str();
  int cases = 0;
  for (const TsvRow& row : ParseTsv(body)) {
    ++cases;
    Article a = MakeArticle(std::string(row.at(1)), std::string(row.at(0)));
    std::vector<Event> events = MergeMentions(extractor_->Extract(a), {});
    std::stringstream expect(std::string(row.at(2)));
    std::string item;
    while (std::getline(expect, item, ';')) {
      item = Trim(item);
      size_t eq = item.find('=');
      ASSERT_NE(eq, std::string::npos) << "line " << row.line << ": " << item;
      std::string key = item.substr(0, eq), want = item.substr(eq + 1);
      if (key == "n") {
        EXPECT_EQ(std::to_string(events.size()), want) << "line " << row.line;
        continue;
      }
      ASSERT_FALSE(events.empty()) << "line " << row.line << ": no event";
      EXPECT_EQ(Field(events.front(), key), want)
          << "line " << row.line << ": " << key << " in " << row.at(1);
    }
  }
  EXPECT_GT(cases, 20);
}

// An undated article's weekday dates every event it tells, however far
// on: it is what keeps them apart from other days' events at the place.
TEST_F(ExtractorCases, UndatedArticleWeekdayReachesEveryEvent) {
  if (gaz_ == nullptr) GTEST_SKIP() << "no compiled gazetteer";
  Article a = MakeArticle(
      "A car bomb killed 20 people at a checkpoint in Baghdad on Tuesday. "
      "Shops closed. Streets emptied. Traffic stopped. Another three people "
      "were killed when a car bomb went off in a market in Baghdad.",
      "-");
  std::vector<Mention> ms = extractor_->Extract(a);
  ASSERT_EQ(ms.size(), 2u);
  for (const Mention& m : ms) {
    EXPECT_FALSE(m.date.valid());
    EXPECT_EQ(m.weekday, 1);  // Tuesday (0 = Monday)
  }
}

// A story that names one event day dates its later undated events by it;
// a round-up naming several days leaves them at the publication day.
TEST_F(ExtractorCases, StoryDayOnlyWhenTheArticleNamesOneDay) {
  if (gaz_ == nullptr) GTEST_SKIP() << "no compiled gazetteer";
  const std::string later =
      " Shops closed. Schools shut. Roads were blocked. Gunmen shot dead a "
      "protester in Baghdad, medics said.";
  struct Case {
    std::string lead, want;
  } cases[] = {
      {"Rockets hit the Green Zone on Saturday night.", "2020-01-25"},
      {"Protesters burnt tyres in Basra on Friday. Rockets hit the Green "
       "Zone on Saturday night.",
       "2020-01-26"},
  };
  for (const Case& c : cases) {
    Article a = MakeArticle(c.lead + later, "2020-01-26");
    std::vector<Mention> ms = extractor_->Extract(a);
    ASSERT_FALSE(ms.empty());
    EXPECT_EQ(ms.back().date.ToIso(), c.want) << c.lead;
  }
}

}  // namespace
}  // namespace sitrep
