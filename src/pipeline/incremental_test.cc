// keep_derivation: after every one-article ingest, the events in the store
// equal a from-scratch derivation (the slow, obviously correct reference),
// over the example corpus and a generated one, in random orders.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "pipeline/pipeline_test_util.h"
#include "sitrep/pipeline.h"

namespace sitrep {
namespace {

using pipeline_test::Generated;
using pipeline_test::Read;

std::multiset<std::string> StoredEvents(Store* store) {
  std::multiset<std::string> out;
  EXPECT_TRUE(store
                  ->ForEachEvent([&](const StoredEvent& e) {
                    out.insert(e.json);
                    return Status::OK();
                  })
                  .ok());
  return out;
}

std::multiset<std::string> Reference(Pipeline* p) {
  std::multiset<std::string> out;
  auto events = p->DeriveEvents();
  EXPECT_TRUE(events.ok());
  if (events.ok()) {
    for (const Event& e : *events) out.insert(ToStoredEvent(e).json);
  }
  return out;
}

std::vector<std::string> InOrder(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const Event& e : events) out.push_back(ToStoredEvent(e).json);
  return out;
}

struct Case {
  const char* name;
  unsigned seed;
  size_t prefill;   // articles stored before the first (full) rebuild
  size_t max_full;  // rebuilds after it that may fall back to a full one
};

void Check(std::vector<RawDocument> docs, const Case& c) {
  std::mt19937 rng(c.seed);
  std::shuffle(docs.begin(), docs.end(), rng);
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  PipelineOptions options;
  options.keep_derivation = true;
  options.threads = 1;
  auto p = Pipeline::Open(store->get(), options);
  ASSERT_TRUE(p.ok());
  IngestReport report;
  size_t step = 0;
  for (RawDocument& d : docs) {
    ASSERT_TRUE((*p)->IngestDocument(std::move(d), &report).ok());
    if (++step < c.prefill) continue;
    ASSERT_TRUE((*p)->RebuildEvents().ok());
    ASSERT_EQ(StoredEvents(store->get()), Reference(p->get()))
        << c.name << " after article " << step;
    auto current = (*p)->CurrentEvents();  // what the server serves
    auto derived = (*p)->DeriveEvents();
    ASSERT_TRUE(current.ok() && derived.ok());
    ASSERT_EQ(InOrder(*current), InOrder(*derived))
        << c.name << " after article " << step;
  }
  const auto& counts = (*p)->rebuild_counts();
  EXPECT_GT(counts.incremental, 0);
  EXPECT_LE(counts.full, int64_t{1} + c.max_full) << c.name;
}

// A corpus where one sentence (a ministry's line) is held by 51 articles:
// the last of them makes it boilerplate, so a and b, copies only by it,
// stop being copies while c still copies a (the copy component splits).
std::string BoilerplateCorpus() {
  std::string out = (std::filesystem::temp_directory_path() /
                     ("sitrep_boiler_" + std::to_string(getpid()) + ".jsonl"))
                        .string();
  const std::string boiler =
      "The ministry said more details would be released in the coming days. ";
  const std::string s1 =
      "Gunmen opened fire on a checkpoint near the market in Mosul. ";
  const std::string s2 =
      "Three soldiers were killed and five wounded in the attack, police "
      "said. ";
  const std::string s3 =
      "The army closed the roads around the district after the shooting. ";
  std::mt19937 rng(7);
  const char* words[] = {"river",    "council", "bridge",    "farmers",
                         "harvest",  "school",  "teachers",  "museum",
                         "festival", "rain",    "engineers", "railway",
                         "doctors",  "clinic",  "market"};
  auto noise = [&](int sentences, int words_each) {
    std::string t;
    for (int s = 0; s < sentences; ++s) {
      t += "Visitors saw the ";
      for (int w = 0; w < words_each; ++w) {
        t += std::string(words[rng() % 15]) + " ";
      }
      t += std::to_string(rng() % 100000) + " times. ";
    }
    return t;
  };
  std::ofstream f(out);
  auto line = [&](const std::string& id, int day, const std::string& text) {
    f << "{\"id\": \"" << id << "\", \"date\": \"2021-03-"
      << (day < 10 ? "0" : "") << day << "\", \"text\": \"" << text << "\"}\n";
  };
  // a-b and b-c share three sentences (a copy), two without the
  // ministry's line; a-c four (three). Their own long sentence keeps
  // them apart as near-duplicates.
  line("a", 2, s1 + s2 + s3 + boiler + noise(1, 60));
  line("b", 3, s1 + s2 + boiler + noise(1, 60));
  line("c", 4, s1 + s2 + s3 + boiler + noise(1, 60));
  for (int i = 0; i < 48; ++i) {
    line("f" + std::to_string(i), 1 + i % 28,
         std::to_string(2 + i) +
             " people were killed in clashes in Basra "
             "on the day, officials said. " +
             boiler + noise(3, 9));
  }
  return out;
}

TEST(IncrementalPipeline, EveryRebuildEqualsAFullDerivation) {
  if (!Gazetteer::OpenDefault().ok()) GTEST_SKIP() << "no gazetteer";
  // The examples are few and tied (syndicated pairs): copies join their
  // originals' components incrementally.
  Check(Read(test_paths::SourcePath("/examples")), {"examples", 1, 4, 0});
  std::string corpus = Generated("incremental", 160, 11);
  if (corpus.empty()) GTEST_SKIP() << "no python3 for bench/gen_corpus.py";
  std::vector<RawDocument> docs = Read(corpus);
  std::filesystem::remove(corpus);
  ASSERT_EQ(docs.size(), 160u);
  // 10% of the generated articles are syndicated copies: merged
  // incrementally too (no full rebuild after the first).
  Check(std::move(docs), {"generated", 2, 60, 0});
}

// A sentence turned boilerplate that splits a copy component is merged
// incrementally too (it fell back to a full derivation before).
TEST(IncrementalPipeline, BoilerplateSplittingACopyEqualsAFullDerivation) {
  if (!Gazetteer::OpenDefault().ok()) GTEST_SKIP() << "no gazetteer";
  std::string corpus = BoilerplateCorpus();
  std::vector<RawDocument> docs = Read(corpus);
  std::filesystem::remove(corpus);
  ASSERT_EQ(docs.size(), 51u);
  for (unsigned seed : {3u, 4u, 5u}) {
    Check(docs, {"boilerplate", seed, 5, 0});
  }
}

}  // namespace
}  // namespace sitrep
