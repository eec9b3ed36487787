// Store::Check against databases corrupted on purpose with raw SQL, and the
// atomic writers (PutArticleWithMentions, ReplaceEventsConsistently).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "sitrep/store.h"
#include "store/db.h"

namespace sitrep {
namespace {

constexpr char kBody[] = "BAGHDAD - Gunmen shot two protesters.";  // 37 bytes
constexpr char kPrefix[] = "[caption id=1]x[/caption]\n";          // 26 bytes

// Raw is 63 bytes: a removed shortcode, then the clean text copied.
Article SampleArticle() {
  Article a;
  a.id = "a1";
  a.source_path = "a1.txt";
  a.format = "text";
  a.title = "Protesters shot";
  a.raw = std::string(kPrefix) + kBody;
  a.text = kBody;
  a.offsets.AddAnchor(0, 26, true);
  a.offsets.set_clean_size(37);
  a.sentences = {Span{0, 18}, Span{18, 37}};
  a.removed = {Removed{"shortcode", Span{0, 25}, "[caption id=1]x[/caption]"}};
  a.content_hash = "h1";
  return a;
}

Mention SampleMention() {
  Mention m;
  m.article_id = "a1";
  m.event_type = "Violence against civilians";
  m.sentences = {0, 1};
  m.raw_spans = {Span{26, 44}, Span{44, 63}};
  Figure f;
  f.outcome = Outcome::kKilled;
  f.count = Count{std::nullopt, 2, std::nullopt};
  f.span = Span{22, 25};
  f.raw_span = Span{48, 51};
  f.sentence = 1;
  m.figures = {f};
  return m;
}

std::unique_ptr<Store> SampleStore() {
  auto s = Store::Open(":memory:");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return nullptr;
  auto store = std::move(s).value();
  auto put = store->PutArticleWithMentions(SampleArticle(), [](const Article&) {
    return std::vector<Mention>{SampleMention()};
  });
  EXPECT_TRUE(put.ok()) << put.status().ToString();
  StoredEvent e;
  e.id = "e1";
  e.kind = "incident";
  e.event_type = "Violence against civilians";
  e.articles = {"a1"};
  e.json = "{}";
  EXPECT_TRUE(store->ReplaceEvents({e}).ok());
  return store;
}

TEST(CheckTest, SampleIsClean) {
  auto store = SampleStore();
  ASSERT_NE(store, nullptr);
  auto r = store->Check();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->ok()) << r->problems[0];
  EXPECT_EQ(r->articles, 1);
  EXPECT_EQ(r->mentions, 1);
  EXPECT_EQ(r->events, 1);
}

struct Corruption {
  const char* name;
  const char* sql;
  const char* expected;  // one reported line is exactly this
};

constexpr Corruption kCorruptions[] = {
    {"SentenceOutsideText",
     "UPDATE sentences SET clean_end = 99 WHERE ordinal = 1",
     "article a1 v1: sentence 1 span [18,99) outside text (size 37)"},
    {"SentenceReversed",
     "UPDATE sentences SET clean_begin = 30, clean_end = 20 "
     "WHERE ordinal = 1",
     "article a1 v1: sentence 1 span [30,20) malformed"},
    {"NoSentences", "DELETE FROM sentences", "article a1 v1: no sentences"},
    {"OffsetsGarbage", "UPDATE articles SET offsets = x'07'",
     "article a1 v1: offsets blob: unknown format byte"},
    {"OffsetsShort", "UPDATE articles SET offsets = x'011400'",
     "article a1 v1: offsets cover 20 clean bytes, text has 37"},
    {"RawShrunk", "UPDATE articles SET raw = x'41'",
     "article a1 v1: sentence 0 maps to raw [26,44) outside raw (size 1)"},
    {"RemovedOutsideRaw", "UPDATE removed SET raw_end = 500",
     "article a1 v1: removed 0 (shortcode) span [0,500) outside raw (size 63)"},
    {"MentionBodyGarbage", "UPDATE mentions SET body = '{'",
     "mention a1#0: body does not decode: "},
    {"MentionOfMissingArticle", "UPDATE mentions SET article_id = 'ghost'",
     "mention ghost#0: article ghost does not exist"},
    {"MentionNamesOtherArticle",
     "UPDATE mentions SET body = json_set(body, '$.article', 'a2')",
     "mention a1#0: body names article a2"},
    {"MentionSentenceIndex",
     "UPDATE mentions SET body = json_set(body, '$.sentences[1]', 7)",
     "mention a1#0: sentence index 7 outside article (2 sentences)"},
    {"MentionRawSpan",
     "UPDATE mentions SET body = json_set(body, '$.raw_spans[1]', "
     "json('[44,64]'))",
     "mention a1#0: raw span [44,64) outside raw (size 63)"},
    {"FigureRawSpan",
     "UPDATE mentions SET body = json_set(body, '$.figures[0].r', "
     "json('[60,70]'))",
     "mention a1#0: figure fatalities raw span [60,70) outside raw (size 63)"},
    {"FigureSpan",
     "UPDATE mentions SET body = json_set(body, '$.figures[0].s', "
     "json('[30,38]'))",
     "mention a1#0: figure fatalities span [30,38) outside text (size 37)"},
    {"FigureCountsUnordered",
     "UPDATE mentions SET body = json_set(body, '$.figures[0].c', "
     "json('[5,2,null]'))",
     "mention a1#0: figure fatalities counts not ordered (low 5, best 2, "
     "high -)"},
    {"FigureSentence",
     "UPDATE mentions SET body = json_set(body, '$.figures[0].n', 2)",
     "mention a1#0: figure fatalities sentence index 2 outside article (2 "
     "sentences)"},
    {"EventWithoutArticles", "DELETE FROM event_articles",
     "event e1: no articles"},
    {"EventOfMissingArticle",
     "INSERT INTO event_articles VALUES ('e1', 'ghost')",
     "event e1: article ghost does not exist"},
    {"OrphanSentences",
     "PRAGMA foreign_keys = OFF; DELETE FROM articles; "
     "PRAGMA foreign_keys = ON",
     "orphan: 2 sentences rows of missing article pk 1"},
    {"OrphanRemoved",
     "PRAGMA foreign_keys = OFF; DELETE FROM articles; "
     "PRAGMA foreign_keys = ON",
     "orphan: 1 removed rows of missing article pk 1"},
    {"OrphanEventArticles",
     "PRAGMA foreign_keys = OFF; DELETE FROM events; "
     "PRAGMA foreign_keys = ON",
     "orphan: 1 event_articles rows of missing event e1"},
};

class CorruptionTest : public testing::TestWithParam<Corruption> {};

TEST_P(CorruptionTest, IsReported) {
  const Corruption& c = GetParam();
  auto store = SampleStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->db().Exec(c.sql).ok()) << c.sql;
  auto r = store->Check();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::string all;
  bool found = false;
  for (const std::string& p : r->problems) {
    all += p + "\n";
    found |= p == c.expected || (std::string_view(c.expected).ends_with(": ") &&
                                 p.starts_with(c.expected));
  }
  EXPECT_TRUE(found) << "expected: " << c.expected << "\ngot:\n" << all;
}

INSTANTIATE_TEST_SUITE_P(Rows, CorruptionTest, testing::ValuesIn(kCorruptions),
                         [](const testing::TestParamInfo<Corruption>& i) {
                           return i.param.name;
                         });

TEST(CheckTest, ExtractRunsOnlyWhenStored) {
  auto s = Store::Open(":memory:");
  ASSERT_TRUE(s.ok());
  int calls = 0;
  auto extract = [&](const Article&) {
    ++calls;
    return std::vector<Mention>{SampleMention()};
  };
  EXPECT_EQ(*(*s)->PutArticleWithMentions(SampleArticle(), extract),
            PutOutcome::kInserted);
  EXPECT_EQ(*(*s)->PutArticleWithMentions(SampleArticle(), extract),
            PutOutcome::kAlreadyPresent);
  Article v2 = SampleArticle();
  v2.content_hash = "h2";
  EXPECT_EQ(*(*s)->PutArticleWithMentions(v2, extract),
            PutOutcome::kNewVersion);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(*(*s)->CountMentions(), 1);  // replaced, not added
}

// A commit by another connection while `derive` runs makes it run again, so
// the stored events reflect that commit.
TEST(CheckTest, ReplaceEventsRederivesAfterConcurrentCommit) {
  std::string path =
      testing::TempDir() + "/check_test_" + std::to_string(getpid()) + ".db";
  std::remove(path.c_str());
  auto a = Store::Open(path);
  auto b = Store::Open(path);
  ASSERT_TRUE(a.ok() && b.ok());
  int calls = 0;
  Status st = (*a)->ReplaceEventsConsistently(
      [&]() -> Result<std::vector<StoredEvent>> {
        auto n = (*a)->CountArticles();
        if (!n.ok()) return n.status();
        if (++calls == 1) {  // another ingest commits meanwhile
          auto put = (*b)->PutArticle(SampleArticle());
          if (!put.ok()) return put.status();
        }
        StoredEvent e;
        e.id = "articles=" + std::to_string(*n);
        e.articles = {"a1"};
        return std::vector<StoredEvent>{e};
      });
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(calls, 2);
  std::vector<std::string> ids;
  ASSERT_TRUE((*b)->ForEachEvent([&](const StoredEvent& e) {
                    ids.push_back(e.id);
                    return Status::OK();
                  })
                  .ok());
  EXPECT_EQ(ids, std::vector<std::string>{"articles=1"});
  a->reset();
  b->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::remove((path + suffix).c_str());
  }
}

}  // namespace
}  // namespace sitrep
