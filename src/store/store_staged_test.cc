// ReplaceDirtyEventsStreamed against ReplaceDirtyEvents (the reference):
// the same mentions and derived events give the same tables.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <initializer_list>
#include <random>
#include <string>
#include <vector>

#include "sitrep/store.h"
#include "store/db.h"
#include "store/store_test_util.h"

namespace sitrep::store_internal {
namespace {

using store_test::In;

// The first column of every row the statements give, in order.
std::vector<std::string> Rows(Store& s,
                              std::initializer_list<const char*> sqls) {
  std::vector<std::string> out;
  for (const char* sql : sqls) {
    auto st = s.db().Prepare(sql);
    EXPECT_TRUE(st.ok());
    while (st.ok() && *st->Step()) out.emplace_back(st->Text(0));
  }
  return out;
}

// Every row of events and event_articles, as text.
std::vector<std::string> Dump(Store& s) {
  return Rows(
      s, {"SELECT id || '|' || kind || '|' || event_type || '|' || "
          "coalesce(event_date, 'null') || '|' || coalesce(country, 'null') || "
          "'|' || coalesce(latitude, 'null') || '|' || "
          "coalesce(longitude, 'null') || '|' || coalesce(fatalities, 'null') "
          "|| '|' || json FROM events ORDER BY id",
          "SELECT event_id || '|' || article_id FROM event_articles "
          "ORDER BY 1",
          "SELECT 'dirty ' || country FROM dirty_scopes ORDER BY 1"});
}

// A derivation: per scope, a few events from a small pool of ids (so ids
// recur across rounds), whose json and articles change now and then.
std::vector<StoredEvent> Derive(const std::vector<std::string>& scopes,
                                unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<StoredEvent> out;
  for (const std::string& c : scopes) {
    for (int k = 0, n = rng() % 4; k < n; ++k) {
      StoredEvent e;
      e.id = "E" + c + std::to_string(k);
      e.kind = "incident";
      e.event_type = rng() % 2 ? "Protests" : "Riots";
      if (rng() % 2) e.event_date = "2020-01-2" + std::to_string(rng() % 9);
      e.country = c;
      if (rng() % 2) e.latitude = 33.25;
      if (rng() % 3) e.longitude = 44.5;
      if (rng() % 2) e.fatalities = rng() % 5;
      for (int a = 0, m = 1 + rng() % 3; a < m; ++a) {
        e.articles.push_back("a" + std::to_string(rng() % 6));
      }
      e.json = "{\"v\":" + std::to_string(rng() % 3) + "}";
      out.push_back(std::move(e));
    }
  }
  return out;
}

TEST(StoreStaged, EqualsReplaceDirtyEventsOverRandomRounds) {
  auto old_store = Store::Open(":memory:");
  auto new_store = Store::Open(":memory:");
  ASSERT_TRUE(old_store.ok() && new_store.ok());
  Store& a = **old_store;
  Store& b = **new_store;
  const std::string countries[] = {"IQ", "SO", "SY", ""};
  std::mt19937 rng(5);
  for (unsigned round = 0; round < 60; ++round) {
    for (int k = 0, n = 1 + rng() % 2; k < n; ++k) {
      std::string article = "a" + std::to_string(rng() % 6);
      std::vector<Mention> ms = {In(article, countries[rng() % 4])};
      ASSERT_TRUE(a.PutMentions(article, ms).ok());
      ASSERT_TRUE(b.PutMentions(article, ms).ok());
    }
    ASSERT_TRUE(a.ReplaceDirtyEvents([&](const std::vector<std::string>& s) {
                   return Result<std::vector<StoredEvent>>(Derive(s, round));
                 }).ok());
    ASSERT_TRUE(
        b.ReplaceDirtyEventsStreamed([&](const std::vector<std::string>& s,
                                         const Store::StoredEventSink& sink) {
           for (const StoredEvent& e : Derive(s, round)) {
             SITREP_RETURN_IF_ERROR(sink(e));
           }
           return Status::OK();
         }).ok());
    ASSERT_EQ(Dump(a), Dump(b)) << "round " << round;
  }
  EXPECT_GT(*b.CountEvents(), 0);
}

// The store's indexes as SQL, and SQLite's check of every index's rows.
std::vector<std::string> IndexesAndCheck(Store& s) {
  return Rows(s, {"SELECT name || ': ' || sql FROM sqlite_master WHERE type "
                  "= 'index' AND sql IS NOT NULL ORDER BY name",
                  "PRAGMA integrity_check"});
}

// Stages that rewrite most events (over 10,000: a full rebuild) build the
// secondary indexes again after the writes; small ones (a few events
// changed) keep them. Either way the tables equal ReplaceDirtyEvents' and
// the indexes are those of a new store, with every row.
TEST(StoreStaged, LargeStagesRebuildTheIndexes) {
  auto old_store = Store::Open(":memory:");
  auto new_store = Store::Open(":memory:");
  auto fresh = Store::Open(":memory:");
  ASSERT_TRUE(old_store.ok() && new_store.ok() && fresh.ok());
  Store& a = **old_store;
  Store& b = **new_store;
  auto derive = [](int n, int version) {
    std::vector<StoredEvent> out;
    for (int k = 0; k < n; ++k) {
      StoredEvent e;
      e.id = "E" + std::to_string(k * 7919 % 100003);
      e.kind = "incident";
      e.event_type = "Protests";
      e.event_date = "2020-01-" + std::to_string(10 + k % 19);
      e.country = "IQ";
      e.articles = {"a" + std::to_string(k % 5), "b" + std::to_string(k)};
      e.json = "{\"v\":" + std::to_string(k % 97 ? 0 : version) + "}";
      out.push_back(std::move(e));
    }
    return out;
  };
  const std::pair<int, int> rounds[] = {
      {12000, 1}, {12000, 2}, {11000, 3}, {11000, 3}, {30000, 4}};
  for (const auto& round : rounds) {
    // (not a structured binding: clang refuses to capture one)
    const int n = round.first, version = round.second;
    for (Store* s : {&a, &b}) {
      ASSERT_TRUE(s->PutMentions("a0", {In("a0", "IQ")}).ok());
    }
    ASSERT_TRUE(a.ReplaceDirtyEvents([&](const std::vector<std::string>&) {
                   return Result<std::vector<StoredEvent>>(derive(n, version));
                 }).ok());
    ASSERT_TRUE(
        b.ReplaceDirtyEventsStreamed([&](const std::vector<std::string>&,
                                         const Store::StoredEventSink& sink) {
           for (const StoredEvent& e : derive(n, version)) {
             SITREP_RETURN_IF_ERROR(sink(e));
           }
           return Status::OK();
         }).ok());
    ASSERT_EQ(Dump(a), Dump(b)) << n << " events, version " << version;
    EXPECT_EQ(IndexesAndCheck(b), IndexesAndCheck(**fresh));
  }
  EXPECT_EQ(*b.CountEvents(), 30000);
  // Killed after the events' commit, before the indexes are built again:
  // the next RestoreIndexes (Pipeline::Ingest, RebuildEvents) builds them.
  ASSERT_TRUE(b.db()
                  .Exec("DROP INDEX events_by_date; DROP INDEX "
                        "event_articles_by_article;")
                  .ok());
  ASSERT_NE(IndexesAndCheck(b), IndexesAndCheck(**fresh));
  ASSERT_TRUE(b.RestoreIndexes().ok());
  EXPECT_EQ(IndexesAndCheck(b), IndexesAndCheck(**fresh));
}

TEST(StoreStaged, DuplicateIdWritesNothing) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.PutMentions("a", {In("a", "IQ")}).ok());
  StoredEvent e;
  e.id = "E1";
  e.kind = "incident";
  e.country = "IQ";
  e.json = "{}";
  e.articles = {"a"};
  Status st = s.ReplaceDirtyEventsStreamed(
      [&](const std::vector<std::string>&, const Store::StoredEventSink& sink) {
        SITREP_RETURN_IF_ERROR(sink(e));
        return sink(e);
      });
  EXPECT_EQ(st.code(), StatusCode::kInternal);
  EXPECT_EQ(*s.CountEvents(), 0);
  EXPECT_EQ(*s.DirtyScopes(), (std::vector<std::string>{"IQ"}));
  // The stage is cleared: the next derivation stands alone.
  ASSERT_TRUE(
      s.ReplaceDirtyEventsStreamed([&](const std::vector<std::string>&,
                                       const Store::StoredEventSink& sink) {
         return sink(e);
       }).ok());
  EXPECT_EQ(*s.CountEvents(), 1);
  EXPECT_TRUE(s.DirtyScopes()->empty());
}

// Another connection commits while the events are derived: derived again,
// and the result reflects its mentions.
TEST(StoreStaged, ConcurrentCommitDerivesAgain) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("sitrep_staged_" + std::to_string(getpid()) + ".db"))
                         .string();
  {
    auto one = Store::Open(path);
    auto two = Store::Open(path);
    ASSERT_TRUE(one.ok() && two.ok());
    ASSERT_TRUE((*one)->PutMentions("a", {In("a", "IQ")}).ok());
    int calls = 0;
    std::vector<std::string> last;
    ASSERT_TRUE((*one)
                    ->ReplaceDirtyEventsStreamed(
                        [&](const std::vector<std::string>& scopes,
                            const Store::StoredEventSink& sink) {
                          if (++calls == 1) {
                            SITREP_RETURN_IF_ERROR(
                                (*two)->PutMentions("b", {In("b", "SO")}));
                          }
                          last = scopes;
                          for (const StoredEvent& e : Derive(scopes, 3)) {
                            SITREP_RETURN_IF_ERROR(sink(e));
                          }
                          return Status::OK();
                        })
                    .ok());
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(last, (std::vector<std::string>{"IQ", "SO"}));
    EXPECT_TRUE((*one)->DirtyScopes()->empty());
  }
  for (const char* ext : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + ext);
  }
}

}  // namespace
}  // namespace sitrep::store_internal
