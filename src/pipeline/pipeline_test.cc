// Pipeline::Ingest on a thread pool: the same store, report and events
// whatever the thread count; ParallelFor runs every index once. A
// store-less pipeline derives the same events as a store-backed one.
#include "sitrep/pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

#include "common/test_paths.h"
#include "pipeline/memory_corpus.h"
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

// A pipeline over a fresh in-memory store, or a store-less one (`store`
// stays null).
Result<std::unique_ptr<Pipeline>> OpenPipeline(bool with_store, int threads,
                                               std::unique_ptr<Store>* store) {
  PipelineOptions options;
  options.threads = threads;
  if (!with_store) return Pipeline::OpenWithoutStore(options);
  SITREP_ASSIGN_OR_RETURN(*store, Store::Open(":memory:"));
  return Pipeline::Open(store->get(), options);
}

std::vector<std::string> EventLines(Pipeline& pipeline) {
  std::vector<std::string> lines;
  auto events = pipeline.DeriveEvents();
  EXPECT_TRUE(events.ok()) << events.status().ToString();
  if (events.ok()) {
    for (const Event& e : *events) lines.push_back(EventToJsonLine(e));
  }
  return lines;
}

// EventLines through DeriveEventsInto: each event as it is made.
std::vector<std::string> StreamedEventLines(Pipeline& pipeline) {
  std::vector<std::string> lines;
  Status st = pipeline.DeriveEventsInto([&](Event&& e) {
    lines.push_back(EventToJsonLine(e));
    return Status::OK();
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return lines;
}

// Ingests the example corpus into a fresh in-memory store (or none).
IngestRun IngestExamples(int threads, bool with_store = true) {
  IngestRun run;
  std::unique_ptr<Store> store;
  auto pipeline = OpenPipeline(with_store, threads, &store);
  if (!pipeline.ok()) return run;  // no gazetteer: the caller skips
  const std::vector<std::string> paths = {test_paths::SourcePath("/examples")};
  EXPECT_TRUE((*pipeline)->Ingest(paths, &run.report).ok());
  run.events = EventLines(**pipeline);
  EXPECT_EQ(StreamedEventLines(**pipeline), run.events);
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

TEST(PipelineTest, StorelessGivesTheStoredEvents) {
  if (!Gazetteer::OpenDefault().ok()) GTEST_SKIP() << "no gazetteer";
  const IngestRun stored = IngestExamples(1);
  ASSERT_GT(stored.events.size(), 5u);
  for (int threads : {1, 2}) {
    const IngestRun storeless = IngestExamples(threads, false);
    EXPECT_EQ(storeless.report.inserted, stored.report.inserted);
    EXPECT_EQ(storeless.report.mentions, stored.report.mentions);
    EXPECT_EQ(storeless.report.failures, stored.report.failures);
    EXPECT_EQ(storeless.events, stored.events) << threads << " threads";
  }
}

RawDocument Doc(std::string id, std::string text, bool dated) {
  RawDocument d;
  d.id = std::move(id);
  d.source_path = d.id + ".txt";
  d.bytes = std::move(text);
  if (dated) d.date = CivilDay{2021, 3, 14};
  return d;
}

// Versions, repeats, refusals and redating: the same report and events
// with and without a store. Sentences written for this test.
TEST(PipelineTest, StorelessFollowsTheStoreVersioning) {
  if (!Gazetteer::OpenDefault().ok()) GTEST_SKIP() << "no gazetteer";
  const std::string first =
      "Gunmen killed four farmers in Maiduguri on Tuesday, police said.";
  const std::string second =
      "Gunmen killed six farmers in Maiduguri on Tuesday, police said.";
  const std::vector<RawDocument> docs = {
      Doc("a", first, true),   Doc("b", first, false),
      Doc("a", second, true),  Doc("a", first, true),  // old content: present
      Doc("b", first, false),  Doc("", second, true),  // no id: refused
      Doc("c", second, false),
  };
  std::vector<IngestReport> reports(2);
  std::vector<std::vector<std::string>> events(2);
  for (bool with_store : {true, false}) {
    std::unique_ptr<Store> store;
    auto pipeline = OpenPipeline(with_store, 1, &store);
    ASSERT_TRUE(pipeline.ok());
    IngestReport& r = reports[with_store];
    for (const RawDocument& d : docs) {
      ASSERT_TRUE((*pipeline)->IngestDocument(d, &r).ok());
    }
    events[with_store] = EventLines(**pipeline);
  }
  EXPECT_EQ(reports[1].inserted, 3);
  EXPECT_EQ(reports[1].versions, 1);
  EXPECT_EQ(reports[1].present, 2);
  ASSERT_EQ(reports[1].failures.size(), 1u);
  EXPECT_EQ(reports[0].inserted, reports[1].inserted);
  EXPECT_EQ(reports[0].versions, reports[1].versions);
  EXPECT_EQ(reports[0].present, reports[1].present);
  EXPECT_EQ(reports[0].mentions, reports[1].mentions);
  EXPECT_EQ(reports[0].failures, reports[1].failures);
  ASSERT_FALSE(events[1].empty());
  EXPECT_EQ(events[0], events[1]);
}

// one_derivation extracts the articles without a complete day once, at
// the derivation, and takes the kept mentions: the events are those of
// extracting them at ingest and redating them (here derived again after
// each step on one pipeline), for any thread count; an article borrows a
// day only once its duplicate is ingested. A second derivation fails.
// Sentences written for this test.
TEST(PipelineTest, OneDerivationGivesTheSameEvents) {
  if (!Gazetteer::OpenDefault().ok()) GTEST_SKIP() << "no gazetteer";
  const std::string killed =
      "Gunmen killed four farmers in Maiduguri on Tuesday, police said.";
  const std::string stormed =
      "On Friday protesters stormed the governor's office in Kano, and "
      "police arrested twelve of them, a spokesman said.";
  const std::vector<std::vector<RawDocument>> rounds = {
      {Doc("b", killed, false), Doc("c", stormed, false),
       Doc("d", "Two soldiers died in a blast near Gao yesterday.", false)},
      {Doc("a", killed, true), Doc("c2", stormed, true),
       Doc("b", killed + " Three more were wounded.", false)},
  };
  const size_t steps = rounds.size() + 1;  // the rounds, then the examples
  auto ingest = [&](Pipeline& p, size_t step) {
    IngestReport r;
    if (step < rounds.size()) {
      for (const RawDocument& d : rounds[step]) {
        ASSERT_TRUE(p.IngestDocument(d, &r).ok());
      }
    } else {
      ASSERT_TRUE(p.Ingest({test_paths::SourcePath("/examples")}, &r).ok());
    }
  };
  for (int threads : {1, 2}) {
    PipelineOptions options;
    options.threads = threads;
    std::vector<std::vector<std::string>> repeated, once;
    auto plain = Pipeline::OpenWithoutStore(options);
    ASSERT_TRUE(plain.ok());
    for (size_t step = 0; step < steps; ++step) {
      ingest(**plain, step);
      repeated.push_back(EventLines(**plain));
    }
    options.one_derivation = true;
    for (size_t k = 1; k <= steps; ++k) {
      auto p = Pipeline::OpenWithoutStore(options);
      ASSERT_TRUE(p.ok());
      for (size_t step = 0; step < k; ++step) ingest(**p, step);
      // Streamed or not, the one derivation gives the same events.
      once.push_back(k % 2 ? StreamedEventLines(**p) : EventLines(**p));
      EXPECT_FALSE((*p)->DeriveEvents().ok());
      EXPECT_FALSE(
          (*p)->DeriveEventsInto([](Event&&) { return Status::OK(); }).ok());
    }
    ASSERT_FALSE(repeated[0].empty());
    ASSERT_GT(repeated.back().size(), 5u);
    EXPECT_EQ(once, repeated) << threads << " threads";
  }
}

// Article warnings reach the report once per stored article (not for a
// repeat), bounded to kMaxWarnings with the total counted, with and
// without a store.
TEST(PipelineTest, ReportsArticleWarningsBounded) {
  if (!Gazetteer::OpenDefault().ok()) GTEST_SKIP() << "no gazetteer";
  const int n = static_cast<int>(IngestReport::kMaxWarnings) + 5;
  for (bool with_store : {true, false}) {
    std::unique_ptr<Store> store;
    auto pipeline = OpenPipeline(with_store, 1, &store);
    ASSERT_TRUE(pipeline.ok());
    IngestReport r;
    for (int i = 0; i < n; ++i) {
      RawDocument d = Doc("w" + std::to_string(i),
                          "Two men were shot in \xff Kirkuk on Monday.", true);
      ASSERT_TRUE((*pipeline)->IngestDocument(d, &r).ok());
    }
    ASSERT_TRUE((*pipeline)
                    ->IngestDocument(Doc("w0",
                                         "Two men were shot in "
                                         "\xff Kirkuk on Monday.",
                                         true),
                                     &r)
                    .ok());
    EXPECT_EQ(r.warning_count, n) << with_store;
    ASSERT_EQ(r.warnings.size(), IngestReport::kMaxWarnings);
    EXPECT_EQ(r.warnings[0],
              "w0.txt: w0: invalid UTF-8 repaired (1 replacements)");
  }
}

TEST(MemoryCorpusTest, KeepsOnlyUndatedArticlesWhole) {
  pipeline_internal::MemoryCorpus corpus;
  struct Case {
    std::string id;
    std::optional<CivilDay> published;
    bool kept;
  };
  for (const Case& c :
       std::vector<Case>{{"dated", CivilDay{2020, 5, 1}, false},
                         {"partial", CivilDay{2020, 5, 0}, true},
                         {"undated", std::nullopt, true}}) {
    Article a;
    a.id = c.id;
    a.content_hash = "h-" + c.id;
    a.published = c.published;
    ASSERT_TRUE(corpus.Put(std::move(a), {}, {}).ok());
    auto got = corpus.GetArticle(c.id);
    EXPECT_EQ(got.ok(), c.kept) << c.id;
    if (got.ok()) {
      EXPECT_FALSE(got->published) << c.id;  // as a Store reads
    }
    EXPECT_TRUE(corpus.HasContent(c.id, "h-" + c.id));
    EXPECT_FALSE(corpus.HasContent(c.id, "other"));
  }
}

// A deferred article has no mentions until SetMentions; DeferredArticle
// gives it as it was put (its partial day too), GetArticle as a Store
// reads it. A dated article cannot be deferred; a new version put with
// mentions is no longer deferred.
TEST(MemoryCorpusTest, DeferredArticlesWaitForTheirMentions) {
  pipeline_internal::MemoryCorpus corpus;
  auto article = [](std::string id, std::optional<CivilDay> day) {
    Article a;
    a.id = id;
    a.content_hash = "h-" + id + (day ? "d" : "");
    a.published = day;
    return a;
  };
  EXPECT_FALSE(corpus.PutDeferred(article("x", CivilDay{2020, 5, 1}), {}).ok());
  ASSERT_TRUE(corpus.PutDeferred(article("p", CivilDay{2020, 5, 0}), {}).ok());
  ASSERT_TRUE(corpus.PutDeferred(article("u", std::nullopt), {}).ok());
  ASSERT_TRUE(corpus.PutDeferred(article("v", std::nullopt), {}).ok());
  EXPECT_EQ(corpus.Deferred(), (std::vector<std::string>{"p", "u", "v"}));
  auto p = corpus.DeferredArticle("p");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->published, (CivilDay{2020, 5, 0}));
  EXPECT_FALSE(corpus.GetArticle("p")->published);
  EXPECT_FALSE(corpus.DeferredArticle("x").ok());
  EXPECT_TRUE(corpus.Mentions().empty());
  std::vector<Mention> ms(2);
  for (Mention& m : ms) m.article_id = "u";
  corpus.SetMentions("u", std::move(ms));
  EXPECT_EQ(corpus.MentionsOf("u").size(), 2u);
  EXPECT_FALSE(corpus.DeferredArticle("u").ok());
  ASSERT_TRUE(corpus.Put(article("v", CivilDay{2020, 5, 2}), {}, {}).ok());
  EXPECT_EQ(corpus.Deferred(), (std::vector<std::string>{"p"}));
  EXPECT_FALSE(corpus.GetArticle("v").ok());  // dated now: not kept whole
}

// Mentions(keep) and MentionsOf(id) are Mentions() filtered, in its order.
TEST(MemoryCorpusTest, FilteredMentionsAreMentionsFiltered) {
  pipeline_internal::MemoryCorpus corpus;
  for (std::string id : {"c", "a", "b"}) {
    Article a;
    a.id = id;
    a.content_hash = "h-" + id;
    std::vector<Mention> ms(3);
    for (int k = 0; k < 3; ++k) {
      ms[k].article_id = id;
      ms[k].event_type = "type" + std::to_string(k);
    }
    ASSERT_TRUE(corpus.Put(std::move(a), std::move(ms), {}).ok());
  }
  pipeline_internal::MemoryCorpus taken = corpus;
  auto show = [](const std::vector<Mention>& ms) {
    std::string out;
    for (const Mention& m : ms) out += m.article_id + m.event_type + " ";
    return out;
  };
  std::vector<Mention> all = corpus.Mentions();
  ASSERT_EQ(all.size(), 9u);
  auto keep = [](const Mention& m) {
    return m.article_id != "b" && m.event_type != "type1";
  };
  std::vector<Mention> want = all;
  std::erase_if(want, [&](const Mention& m) { return !keep(m); });
  EXPECT_EQ(show(corpus.Mentions(keep)), show(want));
  for (std::string id : {"a", "b", "c", "none"}) {
    want = all;
    std::erase_if(want, [&](const Mention& m) { return m.article_id != id; });
    EXPECT_EQ(show(corpus.MentionsOf(id)), show(want)) << id;
  }
  // TakeMentions(keep, extra) is Mentions(keep) with room for `extra` more
  // (appended without reallocating), and leaves no mentions.
  std::vector<Mention> got = taken.TakeMentions(keep, 5);
  EXPECT_EQ(show(got), show(corpus.Mentions(keep)));
  EXPECT_GE(got.capacity(), got.size() + 5);
  EXPECT_TRUE(taken.Mentions().empty());
}

}  // namespace
}  // namespace sitrep
