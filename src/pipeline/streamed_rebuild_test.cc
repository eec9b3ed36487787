// RebuildEvents (streamed through the store's staging table, events made
// one at a time) against the in-memory derivation (DeriveEvents:
// MergeMentions over every mention, the obviously correct reference), on
// a generated corpus: after a first ingest, after more articles, and after
// new versions of stored ones.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "merge/merge_test_util.h"
#include "pipeline/pipeline_test_util.h"
#include "sitrep/pipeline.h"
#include "store/db.h"

namespace sitrep {
namespace {

using pipeline_test::Generated;
using pipeline_test::Read;

// The stored events in the store's order ((event_date, id)), with their
// articles.
std::vector<std::string> Stored(Store* store) {
  std::vector<std::string> out;
  EXPECT_TRUE(store
                  ->ForEachEvent([&](const StoredEvent& e) {
                    out.push_back(e.json);
                    return Status::OK();
                  })
                  .ok());
  return out;
}

// The reference in the same order.
std::vector<std::string> Reference(Pipeline* p) {
  // (event_date, id): SQLite sorts NULL dates ("" here) first.
  std::set<std::pair<std::pair<std::string, std::string>, std::string>> sorted;
  auto events = p->DeriveEvents();
  EXPECT_TRUE(events.ok());
  if (!events.ok()) return {};
  for (const Event& e : *events) {
    StoredEvent s = ToStoredEvent(e);
    sorted.insert({{s.event_date, s.id}, s.json});
  }
  std::vector<std::string> out;
  for (auto& [key, json] : sorted) out.push_back(json);
  return out;
}

// Once with the scopes read through the index, once gathered first
// (PipelineOptions::gather_min_mentions).
class StreamedRebuildGathered : public ::testing::TestWithParam<int64_t> {};

TEST_P(StreamedRebuildGathered, EqualsTheInMemoryDerivation) {
  if (!Gazetteer::OpenDefault().ok()) GTEST_SKIP() << "no gazetteer";
  std::string corpus = Generated("streamed", 400, 17);
  if (corpus.empty()) GTEST_SKIP() << "no python3 for bench/gen_corpus.py";
  std::vector<RawDocument> docs = Read(corpus);
  std::filesystem::remove(corpus);
  ASSERT_EQ(docs.size(), 400u);
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  PipelineOptions options;
  options.threads = 1;
  options.gather_min_mentions = GetParam();
  auto p = Pipeline::Open(store->get(), options);
  ASSERT_TRUE(p.ok());
  IngestReport report;
  auto ingest = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      ASSERT_TRUE((*p)->IngestDocument(docs[i], &report).ok());
    }
  };
  ingest(0, 250);
  auto n = (*p)->RebuildEvents();
  ASSERT_TRUE(n.ok());
  EXPECT_GT(*n, 200u);
  std::vector<std::string> first = Stored(store->get());
  EXPECT_EQ(first.size(), *n);
  ASSERT_EQ(first, Reference(p->get()));
  ingest(250, 400);
  ASSERT_TRUE((*p)->RebuildEvents().ok());
  ASSERT_EQ(Stored(store->get()), Reference(p->get()));
  // New versions: the same ids with other texts (some events go, some
  // change, some stay).
  for (size_t i = 0; i < 40; ++i) {
    RawDocument d = docs[i + 300];
    d.id = docs[i].id;
    ASSERT_TRUE((*p)->IngestDocument(std::move(d), &report).ok());
  }
  EXPECT_GT(report.versions, 0);
  ASSERT_TRUE((*p)->RebuildEvents().ok());
  ASSERT_EQ(Stored(store->get()), Reference(p->get()));
}

INSTANTIATE_TEST_SUITE_P(IndexOrGathered, StreamedRebuildGathered,
                         ::testing::Values(-1, 0));

// Whether the store has the index of mentions by scope and day.
bool HasDayIndex(Store* store) {
  auto n = store->db().QueryInt(
      "SELECT count(*) FROM sqlite_schema WHERE name = "
      "'mentions_by_scope_day'");
  return n.ok() && *n == 1;
}

// A bulk ingest (PipelineOptions::bulk_min_articles) stores most articles
// without the mention index, builds it at the end, and derives the events
// an ordinary ingest does.
TEST(StreamedRebuild, BulkIngestEqualsAnOrdinaryOne) {
  if (!Gazetteer::OpenDefault().ok()) GTEST_SKIP() << "no gazetteer";
  std::string corpus = Generated("bulk", 600, 23);
  if (corpus.empty()) GTEST_SKIP() << "no python3 for bench/gen_corpus.py";
  std::vector<std::string> events[2];
  for (int bulk : {0, 1}) {
    auto store = Store::Open(":memory:");
    ASSERT_TRUE(store.ok());
    PipelineOptions options;
    options.threads = 1;
    options.bulk_min_articles = bulk ? 100 : -1;
    auto p = Pipeline::Open(store->get(), options);
    ASSERT_TRUE(p.ok());
    IngestReport report;
    bool dropped = false;
    ASSERT_TRUE((*p)->Ingest({corpus}, &report,
                             [&](const IngestReport&, std::string_view) {
                               dropped |= !HasDayIndex(store->get());
                             })
                    .ok());
    EXPECT_EQ(report.inserted, 600);
    EXPECT_EQ(dropped, bulk == 1);
    EXPECT_TRUE(HasDayIndex(store->get()));
    ASSERT_TRUE((*p)->RebuildEvents().ok());
    events[bulk] = Stored(store->get());
    // A second, small ingest into the larger store stays ordinary.
    dropped = false;
    ASSERT_TRUE((*p)->Ingest({corpus}, &report,
                             [&](const IngestReport&, std::string_view) {
                               dropped |= !HasDayIndex(store->get());
                             })
                    .ok());
    EXPECT_FALSE(dropped);
    // A store a killed bulk ingest left without the index gets it back at
    // the next ingest, and at the next rebuild.
    ASSERT_TRUE((*store)->SuspendMentionIndex().ok());
    ASSERT_TRUE((*p)->Ingest({}, &report).ok());
    EXPECT_TRUE(HasDayIndex(store->get()));
    ASSERT_TRUE((*store)->SuspendMentionIndex().ok());
    ASSERT_TRUE((*p)->RebuildEvents().ok());
    EXPECT_TRUE(HasDayIndex(store->get()));
  }
  std::filesystem::remove(corpus);
  EXPECT_GT(events[0].size(), 300u);
  EXPECT_EQ(events[1], events[0]);
}

// Random mentions over four scopes ("" = no place) in five articles, with
// aggregates whose part sentences other scopes' mentions may tell: scopes
// derived one at a time (CrossScopeParts) must give every event with its
// parts, as the derivation of all mentions at once does.
std::map<std::string, std::vector<Mention>> RandomArticles(std::mt19937& rng) {
  std::map<std::string, std::vector<Mention>> out;
  for (Mention& m : merge_test::RandomScopedMentions(rng)) {
    out[m.article_id].push_back(std::move(m));
  }
  return out;
}

TEST(StreamedRebuild, ScopesAloneEqualTheInMemoryDerivation) {
  std::mt19937 rng(7);
  size_t with_parts = 0;
  for (int round = 0; round < 30; ++round) {
    auto store = Store::Open(":memory:");
    ASSERT_TRUE(store.ok());
    PipelineOptions options;
    options.threads = 1;
    options.gather_min_mentions = round % 2 ? 0 : -1;  // gathered or not
    auto p = Pipeline::Open(store->get(), options);
    ASSERT_TRUE(p.ok());
    for (const auto& [id, ms] : RandomArticles(rng)) {
      ASSERT_TRUE((*store)->PutMentions(id, ms).ok());
    }
    ASSERT_TRUE((*p)->RebuildEvents().ok());
    std::vector<std::string> want = Reference(p->get());
    ASSERT_EQ(Stored(store->get()), want) << round;
    for (const std::string& json : want) {
      with_parts += json.find("\"parts\":[\"") != std::string::npos;
    }
    // New mentions for two articles: only their scopes are re-derived.
    auto next = RandomArticles(rng);
    for (const char* id : {"a", "d"}) {
      ASSERT_TRUE((*store)->PutMentions(id, next[id]).ok());
    }
    ASSERT_TRUE((*p)->RebuildEvents().ok());
    ASSERT_EQ(Stored(store->get()), Reference(p->get())) << round;
  }
  EXPECT_GT(with_parts, 0u);
}

}  // namespace
}  // namespace sitrep
