// Store::WriteBatch: many puts in one transaction, with full-text writes
// applied at the commit; a put failing once writing fails the batch.
#include <gtest/gtest.h>

#include <string>

#include "sitrep/store.h"
#include "store/db.h"

namespace sitrep {
namespace {

Article Plain(const std::string& id, const std::string& body) {
  Article a;
  a.id = id;
  a.source_path = id + ".txt";
  a.format = "text";
  a.title = "Report " + id;
  a.raw = body;
  a.text = body;
  a.offsets.set_clean_size(static_cast<uint32_t>(body.size()));
  a.sentences = {Span{0, static_cast<uint32_t>(body.size())}};
  a.content_hash = "hash-" + body;
  return a;
}

std::unique_ptr<Store> OpenMemory() {
  auto s = Store::Open(":memory:");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

TEST(WriteBatchTest, CommitStoresEveryPutAndIndexesTheCurrentVersions) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  auto batch = store->BeginWriteBatch();
  ASSERT_TRUE(batch.ok()) << batch.status().ToString();
  EXPECT_EQ(*store->PutArticle(Plain("a", "Rockets hit the base.")),
            PutOutcome::kInserted);
  EXPECT_EQ(*store->PutArticle(Plain("b", "Police fired tear gas.")),
            PutOutcome::kInserted);
  // A new version of `a` in the same batch replaces its index entry.
  EXPECT_EQ(*store->PutArticle(Plain("a", "Mortars hit the base.")),
            PutOutcome::kNewVersion);
  EXPECT_EQ(*store->PutArticle(Plain("b", "Police fired tear gas.")),
            PutOutcome::kAlreadyPresent);
  // An invalid article fails alone; the batch goes on.
  Article bad = Plain("c", "Shots.");
  bad.content_hash.clear();
  EXPECT_EQ(store->PutArticle(bad).status().code(),
            StatusCode::kInvalidArgument);
  ASSERT_TRUE((*batch)->Commit().ok());
  EXPECT_EQ(*store->CountArticles(), 2);
  EXPECT_TRUE(*store->HasContent("a", "hash-Mortars hit the base."));
  // Old versions stay stored: their content is "already present" too.
  EXPECT_TRUE(*store->HasContent("a", "hash-Rockets hit the base."));
  EXPECT_FALSE(*store->HasContent("b", "hash-Rockets hit the base."));
  EXPECT_FALSE(*store->HasContent("c", "hash-Shots."));
  EXPECT_TRUE(store->Search("rockets")->empty());
  EXPECT_EQ(store->Search("mortars")->size(), 1u);
  EXPECT_EQ(store->Search("tear gas")->size(), 1u);
}

TEST(WriteBatchTest, UncommittedBatchLeavesNothing) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  {
    auto batch = store->BeginWriteBatch();
    ASSERT_TRUE(batch.ok());
    ASSERT_TRUE(store->PutArticle(Plain("a", "Rockets hit the base.")).ok());
    EXPECT_EQ(store->BeginWriteBatch().status().code(), StatusCode::kInternal);
  }
  EXPECT_EQ(*store->CountArticles(), 0);
  EXPECT_TRUE(store->Search("rockets")->empty());
  // Outside a batch each put commits on its own again.
  EXPECT_EQ(*store->PutArticle(Plain("a", "Rockets hit the base.")),
            PutOutcome::kInserted);
  EXPECT_EQ(store->Search("rockets")->size(), 1u);
}

TEST(WriteBatchTest, RefusedArticleLeavesTheBatchAsItWas) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  {
    auto batch = store->BeginWriteBatch();
    ASSERT_TRUE(batch.ok());
    ASSERT_TRUE(store->PutArticle(Plain("a", "Rockets hit the base.")).ok());
    Article bad = Plain("", "No id.");
    EXPECT_EQ(store->PutArticle(bad).status().code(),
              StatusCode::kInvalidArgument);
    ASSERT_TRUE(store->PutArticle(Plain("b", "Two were hurt.")).ok());
    ASSERT_TRUE((*batch)->Commit().ok());
  }
  EXPECT_EQ(*store->CountArticles(), 2);
}

// A put failing after its article row is written (here a trigger refuses
// its sentences) is not undone alone: the batch fails, all of it.
TEST(WriteBatchTest, PutFailingOnceWritingFailsTheWholeBatch) {
  auto store = OpenMemory();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->db()
                  .Exec("CREATE TRIGGER refuse BEFORE INSERT ON sentences "
                        "WHEN (SELECT id FROM articles WHERE pk = "
                        "NEW.article) = 'bad' BEGIN SELECT RAISE(ABORT, "
                        "'refused'); END;")
                  .ok());
  {
    auto batch = store->BeginWriteBatch();
    ASSERT_TRUE(batch.ok());
    ASSERT_TRUE(store->PutArticle(Plain("a", "Rockets hit the base.")).ok());
    auto failed = store->PutArticle(Plain("bad", "Shops were burned."));
    ASSERT_FALSE(failed.ok());
    EXPECT_NE(failed.status().code(), StatusCode::kInvalidArgument);
    auto later = store->PutArticle(Plain("c", "Two were hurt."));
    EXPECT_EQ(later.status().message(), failed.status().message());
    EXPECT_EQ((*batch)->Commit().message(), failed.status().message());
  }
  EXPECT_EQ(*store->CountArticles(), 0);
  EXPECT_TRUE(store->Search("rockets")->empty());
  // The next batch starts clean.
  auto batch = store->BeginWriteBatch();
  ASSERT_TRUE(batch.ok());
  ASSERT_TRUE(store->PutArticle(Plain("a", "Rockets hit the base.")).ok());
  ASSERT_TRUE((*batch)->Commit().ok());
  EXPECT_EQ(*store->CountArticles(), 1);
}

}  // namespace
}  // namespace sitrep
