#include "sitrep/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "sitrep/stage_clock.h"
#include "store/db.h"
#include "store/schema.h"

namespace sitrep {
namespace {

// A small article with every field set: raw has a noise prefix that the
// clean text drops, so the offset map is not the identity.
Article Sample(const std::string& id, const std::string& body) {
  Article a;
  a.id = id;
  a.source_path = "corpus/" + id + ".txt";
  a.format = "text";
  a.url = "https://example.org/" + id;
  a.outlet = "Reuters";
  a.title = "Protesters shot in " + id;
  a.published = CivilDay{2020, 1, 27};
  a.date_origin = DateOrigin::kDatelineInferredYear;
  a.raw = "[caption id=1]x[/caption]\n" + body;
  a.text = body;
  a.offsets.AddAnchor(0, 26, true);
  a.offsets.set_clean_size(static_cast<uint32_t>(body.size()));
  a.dateline = Dateline{"BAGHDAD", "Reuters", CivilDay{0, 1, 27}, Span{26, 33}};
  uint32_t half = static_cast<uint32_t>(body.size() / 2);
  a.sentences = {Span{0, half}, Span{half, static_cast<uint32_t>(body.size())}};
  a.removed = {Removed{"shortcode", Span{0, 25}, "[caption id=1]x[/caption]"}};
  a.warnings = {"invalid UTF-8 repaired", "two\nlines"};
  a.content_hash = "hash-of-" + body;
  return a;
}

std::unique_ptr<Store> OpenMemory() {
  auto s = Store::Open(":memory:");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

TEST(StoreTest, OpensAtLatestSchema) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), store_internal::LatestSchemaVersion());
  EXPECT_EQ(*store->CountArticles(), 0);
}

TEST(StoreTest, RoundTripsEveryField) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  Article in = Sample("a1", "BAGHDAD - Gunmen shot two protesters.");
  ASSERT_EQ(*store->PutArticle(in), PutOutcome::kInserted);
  auto got = store->GetArticle("a1");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  const Article& out = *got;
  EXPECT_EQ(out.id, in.id);
  EXPECT_EQ(out.source_path, in.source_path);
  EXPECT_EQ(out.format, in.format);
  EXPECT_EQ(out.url, in.url);
  EXPECT_EQ(out.outlet, in.outlet);
  EXPECT_EQ(out.title, in.title);
  EXPECT_EQ(out.published, in.published);
  EXPECT_EQ(out.date_origin, in.date_origin);
  ASSERT_TRUE(out.dateline.has_value());
  EXPECT_EQ(out.dateline->place, "BAGHDAD");
  EXPECT_EQ(out.dateline->outlet, "Reuters");
  EXPECT_EQ(out.dateline->date, (CivilDay{0, 1, 27}));
  EXPECT_EQ(out.dateline->raw, (Span{26, 33}));
  EXPECT_EQ(out.raw, in.raw);
  EXPECT_EQ(out.text, in.text);
  EXPECT_EQ(out.sentences, in.sentences);
  ASSERT_EQ(out.removed.size(), 1u);
  EXPECT_EQ(out.removed[0].kind, "shortcode");
  EXPECT_EQ(out.removed[0].raw, (Span{0, 25}));
  EXPECT_EQ(out.removed[0].text, in.removed[0].text);
  EXPECT_EQ(out.warnings,
            (std::vector<std::string>{"invalid UTF-8 repaired", "two lines"}));
  EXPECT_EQ(out.content_hash, in.content_hash);
  EXPECT_EQ(out.offsets.clean_size(), in.offsets.clean_size());
  EXPECT_EQ(out.offsets.ToRaw(Span{0, 7}), (Span{26, 33}));
}

TEST(StoreTest, NullDateAndNoDatelineRoundTrip) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  Article in = Sample("n", "Nothing dated here.");
  in.published.reset();
  in.date_origin = DateOrigin::kNone;
  in.dateline.reset();
  in.raw = "";  // an empty blob is still a blob, not NULL
  in.removed.clear();
  ASSERT_TRUE(store->PutArticle(in).ok());
  auto out = store->GetArticle("n");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_FALSE(out->published.has_value());
  EXPECT_EQ(out->date_origin, DateOrigin::kNone);
  EXPECT_FALSE(out->dateline.has_value());
  EXPECT_EQ(out->raw, "");
}

TEST(StoreTest, SameContentIsStoredOnce) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  Article a = Sample("a1", "Same text.");
  EXPECT_EQ(*store->PutArticle(a), PutOutcome::kInserted);
  EXPECT_EQ(*store->PutArticle(a), PutOutcome::kAlreadyPresent);
  a.source_path = "elsewhere.txt";  // same bytes read from another path
  EXPECT_EQ(*store->PutArticle(a), PutOutcome::kAlreadyPresent);
  EXPECT_EQ(*store->CurrentVersion("a1"), 1);
  EXPECT_EQ(store->GetArticle("a1")->source_path, "corpus/a1.txt");
}

TEST(StoreTest, NewContentIsANewVersion) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(
      store->PutArticle(Sample("a1", "First text about rockets.")).ok());
  EXPECT_EQ(*store->PutArticle(Sample("a1", "Second text about tear gas.")),
            PutOutcome::kNewVersion);
  EXPECT_EQ(*store->CurrentVersion("a1"), 2);
  EXPECT_EQ(store->GetArticle("a1")->text, "Second text about tear gas.");
  EXPECT_EQ(*store->GetArticleText("a1"), "Second text about tear gas.");
  EXPECT_EQ(store->GetArticleText("a2").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*store->CountArticles(), 1);
  // An old version's content is still known: not stored again.
  EXPECT_EQ(*store->PutArticle(Sample("a1", "First text about rockets.")),
            PutOutcome::kAlreadyPresent);
  // Only the current version is searchable.
  EXPECT_TRUE(store->Search("rockets")->empty());
  EXPECT_EQ(store->Search("tear gas")->size(), 1u);
  int seen = 0;
  ASSERT_TRUE(store
                  ->ForEachArticle(ArticleLoad::kSummary,
                                   [&](const Article& a) {
                                     EXPECT_EQ(a.text,
                                               "Second text about tear gas.");
                                     ++seen;
                                     return Status::OK();
                                   })
                  .ok());
  EXPECT_EQ(seen, 1);
}

TEST(StoreTest, ForEachStreamsInIdOrderAndStopsOnError) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  for (const char* id : {"c", "a", "b"}) {
    ASSERT_TRUE(store->PutArticle(Sample(id, std::string("Text ") + id)).ok());
  }
  std::vector<std::string> ids;
  ASSERT_TRUE(store
                  ->ForEachArticle(ArticleLoad::kFull,
                                   [&](const Article& a) {
                                     EXPECT_FALSE(a.raw.empty());
                                     EXPECT_EQ(a.sentences.size(), 2u);
                                     ids.push_back(a.id);
                                     return Status::OK();
                                   })
                  .ok());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c"}));
  int calls = 0;
  Status st = store->ForEachArticle(ArticleLoad::kSummary, [&](const Article&) {
    ++calls;
    return Status::Internal("stop");
  });
  EXPECT_EQ(st.code(), StatusCode::kInternal);
  EXPECT_EQ(calls, 1);
}

TEST(StoreTest, SearchRanksAndSnippets) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutArticle(Sample("x", "Rockets hit the embassy.")).ok());
  ASSERT_TRUE(
      store
          ->PutArticle(Sample(
              "y", "Protesters marched. Rockets, rockets and more rockets."))
          .ok());
  ASSERT_TRUE(store->PutArticle(Sample("z", "A quiet day in Basra.")).ok());
  auto hits = store->Search("rockets", {.limit = 10});
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].id, "y");
  EXPECT_GT((*hits)[0].score, (*hits)[1].score);
  EXPECT_NE((*hits)[0].snippet.find("[Rockets]"), std::string::npos)
      << (*hits)[0].snippet;
  EXPECT_EQ((*hits)[0].title, "Protesters shot in y");
  // Diacritics fold; the title is indexed too.
  EXPECT_EQ(store->Search("embássy")->size(), 1u);
  EXPECT_EQ(store->Search("shot")->size(), 3u);
  EXPECT_EQ(store->Search("shot", {.limit = 2})->size(), 2u);
  EXPECT_TRUE(store->Search("")->empty());
}

TEST(StoreTest, Fts5SyntaxErrorsAreInvalidArgument) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutArticle(Sample("x", "Rockets hit.")).ok());
  auto bad = store->Search("\"unclosed", {.fts5_syntax = true});
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  auto good = store->Search("rock* OR tanks", {.fts5_syntax = true});
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good->size(), 1u);
}

TEST(StoreTest, HostileStringsAreData) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  const std::string evil[] = {
      "'; DROP TABLE articles; --",
      "x\" OR 1=1 --",
      "Robert'); DELETE FROM sentences WHERE ('1'='1",
      std::string("nul\0byte", 8),
  };
  for (const std::string& s : evil) {
    Article a = Sample(s, "Body of " + s + " with rockets.");
    a.title = s;
    a.url = s;
    ASSERT_EQ(*store->PutArticle(a), PutOutcome::kInserted) << s;
    auto got = store->GetArticle(s);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->title, s);
    EXPECT_EQ(got->url, s);
    EXPECT_EQ(got->sentences.size(), 2u);
    // As a plain-words query, operators and quotes are inert.
    auto hits = store->Search(s);
    EXPECT_TRUE(hits.ok()) << s << ": " << hits.status().ToString();
  }
  EXPECT_EQ(*store->CountArticles(), 4);
  EXPECT_EQ(store->GetArticle("' OR '1'='1").status().code(),
            StatusCode::kNotFound);
}

TEST(StoreTest, RejectsInvalidArticles) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  Article no_id = Sample("", "x");
  EXPECT_EQ(store->PutArticle(no_id).status().code(),
            StatusCode::kInvalidArgument);
  Article bad_span = Sample("b", "short");
  bad_span.sentences = {Span{0, 99}};
  EXPECT_EQ(store->PutArticle(bad_span).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(*store->CountArticles(), 0);  // nothing half-stored
  EXPECT_EQ(store->GetArticle("b").status().code(), StatusCode::kNotFound);
}

TEST(StoreTest, MigratesStepByStepFromEmpty) {
  using store_internal::Db;
  using store_internal::Migration;
  auto db = Db::Open(":memory:");
  ASSERT_TRUE(db.ok());
  const Migration steps[] = {
      {1, "one", "CREATE TABLE t1 (x); PRAGMA application_id = 1936290930;"},
      {2, "two", "CREATE TABLE t2 (y); INSERT INTO t2 VALUES (2);"},
      {3, "bad", "CREATE TABLE t3 (z); THIS IS NOT SQL;"},
  };
  ASSERT_TRUE(store_internal::MigrateTo(db->get(), steps, 1).ok());
  EXPECT_EQ(*store_internal::SchemaVersion(db->get()), 1);
  ASSERT_TRUE(store_internal::MigrateTo(db->get(), steps, 2).ok());
  EXPECT_EQ(*store_internal::SchemaVersion(db->get()), 2);
  // A failing step rolls back whole: no t3, version unchanged.
  Status st = store_internal::MigrateTo(db->get(), steps, 3);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("schema migration 3"), std::string::npos);
  EXPECT_EQ(*store_internal::SchemaVersion(db->get()), 2);
  EXPECT_FALSE((*db)->Exec("SELECT * FROM t3").ok());
  EXPECT_TRUE((*db)->Exec("SELECT * FROM t2").ok());
  // A database newer than the code is refused.
  EXPECT_EQ(store_internal::MigrateTo(db->get(), {steps, 1}, 1).code(),
            StatusCode::kCorruption);
}

// v4 fills mentions.scope from the stored bodies (the place's country,
// '' without a place).
TEST(StoreTest, MigrationFourFillsMentionScopes) {
  using store_internal::Db;
  auto db = Db::Open(":memory:");
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(
      store_internal::MigrateTo(db->get(), store_internal::Migrations(), 3)
          .ok());
  ASSERT_TRUE((*db)
                  ->Exec(R"sql(
    INSERT INTO mentions VALUES ('a', 0, 'incident', 'Riots', NULL,
                                 '{"loc":{"country":"SO","name":"x"}}'),
                                ('a', 1, 'incident', 'Riots', NULL,
                                 '{"loc":null}'),
                                ('b', 0, 'incident', 'Riots', NULL, '{}');
  )sql")
                  .ok());
  ASSERT_TRUE(
      store_internal::MigrateTo(db->get(), store_internal::Migrations(), 4)
          .ok());
  auto s = (*db)->Prepare(
      "SELECT group_concat(article_id || ordinal || '=' || scope, ' ') FROM "
      "(SELECT * FROM mentions INDEXED BY mentions_by_scope "
      "ORDER BY article_id, ordinal)");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(*s->Step());
  EXPECT_EQ(s->Text(0), "a0=SO a1= b0=");
}

// v6 makes events a rowid table: the rows, the links (which would cascade
// away if events were dropped under them), the indexes and the foreign key
// all come through.
TEST(StoreTest, MigrationSixKeepsEventsAndLinks) {
  using store_internal::Db;
  auto db = Db::Open(":memory:");
  ASSERT_TRUE(db.ok());
  Db& d = **db;
  ASSERT_TRUE(
      store_internal::MigrateTo(&d, store_internal::Migrations(), 5).ok());
  const std::string json(1500, 'x');  // over a WITHOUT ROWID row's page share
  ASSERT_TRUE(d.Exec("INSERT INTO events VALUES ('E2', 'incident', 'Riots', "
                     "'2020-01-26', 'IQ', 33.3, 44.4, 3, '" +
                     json +
                     "'), ('E1', 'tally', 'Riots', NULL, NULL, NULL, NULL, "
                     "NULL, '{}');"
                     "INSERT INTO event_articles VALUES ('E1', 'a'), "
                     "('E2', 'a'), ('E2', 'b');")
                  .ok());
  auto dump = [&](const char* sql) {
    auto s = d.Prepare(sql);
    EXPECT_TRUE(s.ok());
    std::string out;
    while (s.ok() && *s->Step()) out += std::string(s->Text(0)) + ";";
    return out;
  };
  const char* kEvents =
      "SELECT id || kind || event_type || coalesce(event_date, '-') || "
      "coalesce(country, '-') || coalesce(latitude, '-') || "
      "coalesce(longitude, '-') || coalesce(fatalities, '-') || json "
      "FROM events ORDER BY id";
  const char* kLinks =
      "SELECT event_id || article_id FROM event_articles ORDER BY 1";
  const std::string events = dump(kEvents), links = dump(kLinks);
  ASSERT_TRUE(
      store_internal::MigrateTo(&d, store_internal::Migrations(), 6).ok());
  EXPECT_EQ(dump(kEvents), events);
  EXPECT_EQ(dump(kLinks), "E1a;E2a;E2b;");
  EXPECT_EQ(links, "E1a;E2a;E2b;");
  EXPECT_EQ(dump("SELECT name FROM sqlite_master WHERE sql LIKE "
                 "'%WITHOUT ROWID%' AND name LIKE 'event%' ORDER BY 1"),
            "event_articles;");
  EXPECT_EQ(dump("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                 "tbl_name LIKE 'event%' AND sql IS NOT NULL ORDER BY 1"),
            "event_articles_by_article;events_by_date;");
  EXPECT_EQ(dump("PRAGMA integrity_check"), "ok;");
  ASSERT_TRUE(d.Exec("DELETE FROM events WHERE id = 'E2'").ok());
  EXPECT_EQ(dump(kLinks), "E1a;");  // the cascade still holds
}

// The names of `table`'s indexes, sorted, space-separated.
std::string IndexesOf(store_internal::Db& d, const std::string& table) {
  auto s = d.Prepare(
      "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master "
      "WHERE type = 'index' AND tbl_name = ? ORDER BY 1)");
  EXPECT_TRUE(s.ok());
  if (!s.ok()) return "";
  s->Bind(1, table);
  EXPECT_TRUE(*s->Step());
  return std::string(s->Text(0));
}

// v7 drops mentions_by_scope; lookups by scope alone use the (scope, day)
// index.
TEST(StoreTest, MigrationSevenLeavesScopeLookupsTheDayIndex) {
  auto db = store_internal::Db::Open(":memory:");
  ASSERT_TRUE(db.ok());
  store_internal::Db& d = **db;
  ASSERT_TRUE(
      store_internal::MigrateTo(&d, store_internal::Migrations(), 6).ok());
  EXPECT_EQ(IndexesOf(d, "mentions"),
            "mentions_by_scope mentions_by_scope_day");
  ASSERT_TRUE(
      store_internal::MigrateTo(&d, store_internal::Migrations(), 7).ok());
  EXPECT_EQ(IndexesOf(d, "mentions"), "mentions_by_scope_day");
  for (const char* q : {"SELECT body FROM mentions WHERE scope = 'IQ'",
                        "SELECT count(*) FROM mentions WHERE scope = 'IQ'"}) {
    const std::string sql = std::string("EXPLAIN QUERY PLAN ") + q;
    auto plan = d.Prepare(sql.c_str());
    ASSERT_TRUE(plan.ok() && *plan->Step());
    EXPECT_NE(
        std::string(plan->Text(3)).find("mentions_by_scope_day (scope=?)"),
        std::string::npos)
        << q << ": " << plan->Text(3);
  }
}

// v8 drops articles_by_hash: the lookup of an article by id and bytes
// takes the (id, version) index and still finds it.
TEST(StoreTest, MigrationEightFindsContentByTheIdIndex) {
  auto db = store_internal::Db::Open(":memory:");
  ASSERT_TRUE(db.ok());
  store_internal::Db& d = **db;
  ASSERT_TRUE(
      store_internal::MigrateTo(&d, store_internal::Migrations(), 7).ok());
  EXPECT_EQ(IndexesOf(d, "articles"),
            "articles_by_hash sqlite_autoindex_articles_1");
  ASSERT_TRUE(
      store_internal::MigrateTo(&d, store_internal::Migrations(), 8).ok());
  EXPECT_EQ(IndexesOf(d, "articles"), "sqlite_autoindex_articles_1");
  auto plan = d.Prepare(
      "EXPLAIN QUERY PLAN SELECT 1 FROM articles WHERE id = ?1 AND "
      "content_hash = ?2 LIMIT 1");
  ASSERT_TRUE(plan.ok() && *plan->Step());
  EXPECT_NE(std::string(plan->Text(3)).find("sqlite_autoindex_articles_1"),
            std::string::npos)
      << plan->Text(3);
}

// A bulk ingest drops the index of mentions by scope and day; Restore
// builds it as v5 defined it. Open writes nothing (a reader must not build
// it under a running bulk ingest): the pipeline restores it.
TEST(StoreTest, SuspendedMentionIndexComesBack) {
  std::string path = testing::TempDir() + "/store_test_suspend.db";
  std::remove(path.c_str());
  auto index_sql = [](Store& s) {
    auto q = s.db().Prepare(
        "SELECT coalesce(group_concat(sql), '') FROM sqlite_schema WHERE "
        "name = 'mentions_by_scope_day'");
    EXPECT_TRUE(q.ok() && *q->Step());
    return q.ok() ? std::string(q->Text(0)) : "";
  };
  const std::string v5 =
      "CREATE INDEX mentions_by_scope_day ON mentions (scope, event_date, "
      "kind)";
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(index_sql(**store), v5);
    ASSERT_TRUE((*store)->SuspendMentionIndex().ok());
    EXPECT_EQ(index_sql(**store), "");
    ASSERT_TRUE((*store)->RestoreIndexes().ok());
    EXPECT_EQ(index_sql(**store), v5);
    ASSERT_TRUE((*store)->RestoreIndexes().ok());  // present: nothing to do
    ASSERT_TRUE((*store)->SuspendMentionIndex().ok());
  }
  auto store = Store::Open(path);  // as after a killed bulk ingest
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(index_sql(**store), "");
  ASSERT_TRUE((*store)->RestoreIndexes().ok());
  EXPECT_EQ(index_sql(**store), v5);
  store->reset();
  std::remove(path.c_str());
}

// SmallSorts shrinks the page cache (and so SQLite's sort buffer) while it
// lives and gives the old size back.
TEST(StoreTest, SmallSortsRestoresTheCacheSize) {
  auto db = store_internal::Db::Open(":memory:");
  ASSERT_TRUE(db.ok());
  auto cache_size = [&] {
    auto s = (*db)->Prepare("PRAGMA main.cache_size");
    EXPECT_TRUE(s.ok() && *s->Step());
    return s.ok() ? s->Int(0) : 0;
  };
  const int64_t before = cache_size();
  EXPECT_EQ(before, -32768);
  {
    store_internal::SmallSorts small(db->get(), 4096);
    EXPECT_EQ(cache_size(), -4096);
  }
  EXPECT_EQ(cache_size(), before);
}

// The rebuild's temp tables (written and read in order, cleared whole)
// take 64 KiB pages, not one system call per 4 KiB, and the WAL is
// checkpointed at 64 MiB, not 4 (db.cc).
TEST(StoreTest, TempTablesTakeLargePagesAndTheWalALargeCheckpoint) {
  std::string path = testing::TempDir() + "/store_test_temp_pages.db";
  std::remove(path.c_str());
  auto db = store_internal::Db::Open(path);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(
      (*db)->Exec("CREATE TEMP TABLE t (x); INSERT INTO t VALUES (1)").ok());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA temp.page_size"), 65536);
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA main.page_size"), 16384);
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA wal_autocheckpoint"), 4096);  // 64 MiB
  db->reset();
  std::remove(path.c_str());
}

// Regression: with Debian's secure_delete, dropping a temp table zeroed
// its pages and journaled them, writing the table twice over (a 1M
// rebuild's gathered mentions: 8.3 GB). The temp schema frees pages as
// they are; the main one keeps the build's setting.
TEST(StoreTest, DroppingATempTableWritesAlmostNothing) {
  std::string path = testing::TempDir() + "/store_test_temp_drop.db";
  std::remove(path.c_str());
  auto db = store_internal::Db::Open(path);
  ASSERT_TRUE(db.ok());
  store_internal::Db& d = **db;
  EXPECT_EQ(*d.QueryInt("PRAGMA temp.secure_delete"), 0);
  ASSERT_TRUE(d.Exec("CREATE TEMP TABLE t (x); BEGIN; WITH RECURSIVE n(i) AS "
                     "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000) "
                     "INSERT INTO t SELECT zeroblob(1000) || i FROM n; COMMIT")
                  .ok());
  std::FILE* probe = std::fopen("/proc/self/io", "r");
  if (probe == nullptr) GTEST_SKIP() << "no /proc/self/io here";
  std::fclose(probe);
  StageClock clock;  // counts the bytes written (wchar)
  clock.Enter("drop");
  ASSERT_TRUE(d.Exec("DROP TABLE temp.t").ok());
  clock.Stop();
  EXPECT_LT(clock.stages().at(0).spent.written_mb, 1.0);  // the table: 8 MB
  db->reset();
  std::remove(path.c_str());
}

// A store made before 16 KiB pages keeps its 4 KiB ones (SQLite fixes the
// size with the file); its WAL is still checkpointed at 64 MiB.
TEST(StoreTest, AnOlderStoreKeepsItsPageSize) {
  std::string path = testing::TempDir() + "/store_test_old_pages.db";
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::remove((path + suffix).c_str());
  }
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "PRAGMA journal_mode=WAL; CREATE TABLE t (x)",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  auto db = store_internal::Db::Open(path);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA main.page_size"), 4096);
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA wal_autocheckpoint"), 16384);
  db->reset();
  std::remove(path.c_str());
}

TEST(StoreTest, RefusesForeignDatabases) {
  std::string path = testing::TempDir() + "/store_test_foreign_" +
                     std::to_string(getpid()) + ".db";
  std::remove(path.c_str());
  {
    auto db = store_internal::Db::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("CREATE TABLE other (x)").ok());
  }
  EXPECT_EQ(Store::Open(path).status().code(), StatusCode::kCorruption);
  std::remove(path.c_str());
}

TEST(StoreTest, FileDatabasePersistsAcrossOpens) {
  std::string path = testing::TempDir() + "/store_test_persist_" +
                     std::to_string(getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::remove((path + suffix).c_str());
  }
  {
    auto s = Store::Open(path);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_TRUE((*s)->PutArticle(Sample("p", "Persisted text.")).ok());
  }
  auto s = Store::Open(path);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ((*s)->GetArticle("p")->text, "Persisted text.");
  EXPECT_EQ(*(*s)->PutArticle(Sample("p", "Persisted text.")),
            PutOutcome::kAlreadyPresent);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::remove((path + suffix).c_str());
  }
}

StoredEvent Ev(const std::string& id, const std::string& json,
               std::vector<std::string> articles) {
  StoredEvent e;
  e.id = id;
  e.kind = "incident";
  e.event_type = "Riots";
  e.articles = std::move(articles);
  e.json = json;
  return e;
}

// Rows of `sql` (two text columns) read through a second connection.
std::vector<std::string> Rows(const std::string& path, const char* sql) {
  auto db = store_internal::Db::Open(path);
  EXPECT_TRUE(db.ok());
  std::vector<std::string> out;
  if (!db.ok()) return out;
  auto q = (*db)->Prepare(sql);
  EXPECT_TRUE(q.ok());
  while (q.ok()) {
    auto row = q->Step();
    if (!row.ok() || !*row) break;
    out.push_back(std::string(q->Text(0)) + " " + std::string(q->Text(1)));
  }
  return out;
}

// ApplyEventDelta: removed events go, new and changed ones are written
// with their article links (the old links of a changed one go), an event
// given again unchanged stays as it was.
TEST(StoreTest, ApplyEventDeltaWritesNewAndChangedEvents) {
  std::string path = testing::TempDir() + "/store_test_delta_" +
                     std::to_string(getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::remove((path + suffix).c_str());
  }
  {
    auto s = Store::Open(path);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    Store& store = **s;
    ASSERT_TRUE(
        store.ReplaceEvents({Ev("A", "{a}", {"x"}), Ev("B", "{b}", {"y"})})
            .ok());
    auto version = store.DataVersion();
    ASSERT_TRUE(version.ok());
    auto applied = store.ApplyEventDelta(
        *version, {"B"}, {Ev("A", "{a}", {"x"}), Ev("C", "{c}", {"z", "x"})});
    ASSERT_TRUE(applied.ok() && *applied);
    EXPECT_EQ(Rows(path, "SELECT id, json FROM events ORDER BY id"),
              (std::vector<std::string>{"A {a}", "C {c}"}));
    applied = store.ApplyEventDelta(*version, {}, {Ev("A", "{a2}", {"w"})});
    ASSERT_TRUE(applied.ok() && *applied);
  }
  EXPECT_EQ(Rows(path, "SELECT id, json FROM events ORDER BY id"),
            (std::vector<std::string>{"A {a2}", "C {c}"}));
  EXPECT_EQ(Rows(path,
                 "SELECT event_id, article_id FROM event_articles "
                 "ORDER BY 1, 2"),
            (std::vector<std::string>{"A w", "C x", "C z"}));
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::remove((path + suffix).c_str());
  }
}

}  // namespace
}  // namespace sitrep
