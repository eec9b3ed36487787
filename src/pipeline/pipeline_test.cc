// Pipeline::Ingest on a thread pool: the same store, report and events
// whatever the thread count; ParallelFor runs every index once.
#include "sitrep/pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "pipeline/parallel.h"
#include "sitrep/export.h"

namespace sitrep {
namespace {

struct ParallelCase {
  size_t n;
  int threads;
};

TEST(ParallelForTest, RunsEveryIndexOnce) {
  for (const ParallelCase& c : std::vector<ParallelCase>{
           {0, 2}, {1, 4}, {5, 0}, {5, 1}, {100, 2}, {3, 8}}) {
    std::vector<std::atomic<int>> hits(c.n);
    pipeline_internal::ParallelFor(c.n, c.threads,
                                   [&](size_t i) { ++hits[i]; });
    for (size_t i = 0; i < c.n; ++i) {
      EXPECT_EQ(hits[i].load(), 1) << "n=" << c.n << " threads=" << c.threads;
    }
  }
}

struct IngestRun {
  IngestReport report;
  std::vector<std::string> events;  // JSON Lines
};

// Ingests the example corpus into a fresh in-memory store.
IngestRun IngestExamples(int threads) {
  IngestRun run;
  auto store = Store::Open(":memory:");
  EXPECT_TRUE(store.ok());
  if (!store.ok()) return run;
  PipelineOptions options;
  options.threads = threads;
  auto pipeline = Pipeline::Open(store->get(), options);
  if (!pipeline.ok()) return run;  // no gazetteer: the caller skips
  const std::vector<std::string> paths = {test_paths::SourcePath("/examples")};
  EXPECT_TRUE((*pipeline)->Ingest(paths, &run.report).ok());
  auto events = (*pipeline)->DeriveEvents();
  EXPECT_TRUE(events.ok());
  if (events.ok()) {
    for (const Event& e : *events) run.events.push_back(EventToJsonLine(e));
  }
  // Ingesting the same inputs again stores and extracts nothing.
  IngestReport again;
  EXPECT_TRUE((*pipeline)->Ingest(paths, &again).ok());
  EXPECT_EQ(again.present, run.report.inserted);
  EXPECT_EQ(again.inserted + again.mentions, 0);
  return run;
}

TEST(PipelineTest, IngestIsTheSameForAnyThreadCount) {
  if (!Gazetteer::OpenDefault().ok()) GTEST_SKIP() << "no gazetteer";
  const IngestRun one = IngestExamples(1);
  ASSERT_GT(one.report.inserted, 10);
  ASSERT_GT(one.events.size(), 5u);
  for (int threads : {2, 3}) {
    const IngestRun many = IngestExamples(threads);
    EXPECT_EQ(many.report.inserted, one.report.inserted);
    EXPECT_EQ(many.report.mentions, one.report.mentions);
    EXPECT_EQ(many.report.failures, one.report.failures);
    EXPECT_EQ(many.events, one.events) << threads << " threads";
  }
}

}  // namespace
}  // namespace sitrep
