// MemoryCorpus' Take forms hand over what the copying readers return, and
// the corpus keeps it no more. Sentences written for this test.
#include "pipeline/memory_corpus.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/ingest.h"

namespace sitrep::pipeline_internal {
namespace {

Article Built(std::string id, std::string text, bool dated) {
  RawDocument d;
  d.id = std::move(id);
  d.source_path = d.id + ".txt";
  d.bytes = std::move(text);
  if (dated) d.date = CivilDay{2021, 3, 14};
  Result<Article> a = BuildArticle(std::move(d), IngestLimits());
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? std::move(a.value()) : Article();
}

// "b" dated, "a" undated (kept whole), "c" undated and deferred.
MemoryCorpus ThreeArticles() {
  MemoryCorpus corpus;
  const std::vector<std::pair<std::string, bool>> docs = {
      {"b", true}, {"a", false}, {"c", false}};
  for (const auto& [id, dated] : docs) {
    Article a = Built(id,
                      "Gunmen killed four farmers near the river on Tuesday. "
                      "Police said the attackers fled on motorbikes. Article " +
                          id + ".",
                      dated);
    DedupInput dedup = PrepareArticle(a);
    Result<PutOutcome> put =
        id == "c" ? corpus.PutDeferred(std::move(a), std::move(dedup))
                  : corpus.Put(std::move(a), {}, std::move(dedup));
    EXPECT_TRUE(put.ok()) << put.status().ToString();
  }
  return corpus;
}

void ExpectSameArticle(const Article& got, const Article& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.text, want.text);
  EXPECT_EQ(got.published, want.published);
  EXPECT_EQ(got.sentences.size(), want.sentences.size());
  EXPECT_EQ(got.content_hash, want.content_hash);
}

TEST(MemoryCorpusTest, TakeDedupInputsMovesWhatDedupInputsCopies) {
  MemoryCorpus corpus = ThreeArticles();
  const std::vector<DedupInput> want = corpus.DedupInputs();
  const std::vector<DedupInput> got = corpus.TakeDedupInputs();
  ASSERT_EQ(got.size(), want.size());
  ASSERT_EQ(got.size(), 3u);
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].info.id, want[i].info.id);
    EXPECT_EQ(got[i].info.published, want[i].info.published);
    EXPECT_EQ(got[i].signature.minhash, want[i].signature.minhash);
    EXPECT_EQ(got[i].signature.shingles, want[i].signature.shingles);
    EXPECT_EQ(got[i].sentences, want[i].sentences);
  }
  for (const DedupInput& left : corpus.DedupInputs()) {
    EXPECT_TRUE(left.signature.shingles.empty());
    EXPECT_TRUE(left.sentences.empty());
  }
}

TEST(MemoryCorpusTest, TakeArticleMovesWhatGetArticleCopies) {
  MemoryCorpus corpus = ThreeArticles();
  Result<Article> want = corpus.GetArticle("a");
  ASSERT_TRUE(want.ok());
  Result<Article> got = corpus.TakeArticle("a");
  ASSERT_TRUE(got.ok());
  ExpectSameArticle(*got, *want);
  EXPECT_EQ(corpus.GetArticle("a").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(corpus.TakeArticle("a").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(corpus.TakeArticle("b").status().code(), StatusCode::kNotFound);
}

// A copy holds its own undated articles: taking one from the original
// leaves the copy's (and copy-assigning replaces the target's).
TEST(MemoryCorpusTest, CopyKeepsItsOwnUndatedArticles) {
  MemoryCorpus corpus = ThreeArticles();
  const MemoryCorpus copy = corpus;
  MemoryCorpus assigned;
  assigned = corpus;
  Result<Article> taken = corpus.TakeArticle("a");
  ASSERT_TRUE(taken.ok());
  for (const MemoryCorpus* c :
       {&copy, static_cast<const MemoryCorpus*>(&assigned)}) {
    Result<Article> kept = c->GetArticle("a");
    ASSERT_TRUE(kept.ok());
    ExpectSameArticle(*kept, *taken);
    EXPECT_EQ(c->GetArticle("b").status().code(), StatusCode::kNotFound);
    EXPECT_EQ(c->Deferred(), std::vector<std::string>{"c"});
  }
}

TEST(MemoryCorpusTest, TakeDeferredArticleMovesWhatDeferredArticleCopies) {
  MemoryCorpus corpus = ThreeArticles();
  EXPECT_EQ(corpus.Deferred(), std::vector<std::string>{"c"});
  Result<Article> want = corpus.DeferredArticle("c");
  ASSERT_TRUE(want.ok());
  Result<Article> got = corpus.TakeDeferredArticle("c");
  ASSERT_TRUE(got.ok());
  ExpectSameArticle(*got, *want);
  EXPECT_EQ(corpus.TakeDeferredArticle("c").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(corpus.TakeDeferredArticle("a").status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace sitrep::pipeline_internal
