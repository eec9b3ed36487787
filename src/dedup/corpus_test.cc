// Dedup on real text: the seeds (001 and 002 share sentences verbatim) and
// the example corpus (03 is a syndicated rewrite of 02, see
// examples/README.md).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "common/test_paths.h"
#include "sitrep/dedup.h"
#include "sitrep/ingest.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// Articles built from every document under `paths`.
std::vector<Article> Load(const std::vector<std::string>& paths) {
  std::vector<Article> out;
  IngestLimits limits;
  Status st = ReadDocuments(
      paths, limits,
      [&](RawDocument&& d) {
        auto a = BuildArticle(std::move(d), limits);
        EXPECT_TRUE(a.ok()) << a.status().ToString();
        if (a.ok()) out.push_back(std::move(a).value());
      },
      [](InputError&& e) { ADD_FAILURE() << e.where << e.status.ToString(); });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

std::vector<std::string> Files(const fs::path& dir, std::string_view ext1,
                               std::string_view ext2 = "") {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    auto ext = e.path().extension().string();
    auto name = e.path().filename().string();
    if ((ext == ext1 || ext == ext2) && name != "README.md") {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

DedupResult DedupAll(const std::vector<Article>& articles) {
  std::vector<DedupInput> in;
  for (const auto& a : articles) in.push_back(PrepareArticle(a));
  auto r = Deduplicate(std::move(in));
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : DedupResult{};
}

const Article* Find(const std::vector<Article>& v, std::string_view prefix) {
  for (const auto& a : v) {
    if (a.id.rfind(prefix, 0) == 0) return &a;
  }
  return nullptr;
}

TEST(DedupCorpus, SeedsShareSentences) {
  fs::path dir = test_paths::SourcePath("/../shared/seeds");
  if (!fs::exists(dir)) GTEST_SKIP() << "no /work/shared/seeds";
  auto articles = Load(Files(dir, ".txt"));
  ASSERT_EQ(articles.size(), 5u);
  const Article* s1 = Find(articles, "001_");
  const Article* s2 = Find(articles, "002_");
  ASSERT_TRUE(s1 && s2);
  DedupResult r = DedupAll(articles);
  int n = 0;
  for (const auto& s : r.shared) {
    if (s.article_a != s1->id || s.article_b != s2->id) continue;
    ++n;
    std::printf("001/002 share: %s\n",
                std::string(s1->sentences[s.sentence_a].In(s1->text)).c_str());
    // The fingerprint never matches different words.
    EXPECT_EQ(NormalisedWords(s1->sentences[s.sentence_a].In(s1->text)),
              NormalisedWords(s2->sentences[s.sentence_b].In(s2->text)));
  }
  EXPECT_GE(n, 1);
  // Sharing a couple of sentences does not make either a copy.
  EXPECT_TRUE(r.groups.empty());
  EXPECT_TRUE(r.copy_of.empty());
}

TEST(DedupCorpus, ExamplesSyndicatedPair) {
  fs::path dir = test_paths::SourcePath("/examples");
  if (!fs::exists(dir / "02_tigrispost_nassiriya_protesters_killed.txt")) {
    GTEST_SKIP() << "no example corpus";
  }
  std::vector<std::string> paths = Files(dir, ".txt", ".html");
  paths.push_back((dir / "batch.jsonl").string());
  auto articles = Load(paths);
  ASSERT_EQ(articles.size(), 17u);
  const Article* a2 = Find(articles, "02_");
  const Article* a3 = Find(articles, "03_");
  ASSERT_TRUE(a2 && a3);
  DedupResult r = DedupAll(articles);
  double j =
      SignatureJaccard(ComputeSignature(a2->text), ComputeSignature(a3->text));
  size_t shared = 0;
  for (const auto& s : r.shared)
    shared += s.article_a == a2->id && s.article_b == a3->id;
  std::printf("02/03: shingle Jaccard %.3f, %zu shared sentences\n", j, shared);
  std::map<std::string, std::string> want = {{a3->id, a2->id}};
  EXPECT_EQ(r.copy_of, want);
  EXPECT_TRUE(r.reference_dates.empty());  // 09 copies nothing
}

// The streaming form the pipeline uses (band keys only, sets re-read on
// demand, no shared-sentence list) gives the same groups, copies and dates
// as Deduplicate over whole signatures.
TEST(DedupCorpus, StreamingBuilderEqualsDeduplicate) {
  fs::path dir = test_paths::SourcePath("/examples");
  if (!fs::exists(dir / "batch.jsonl")) GTEST_SKIP() << "no example corpus";
  std::vector<std::string> paths = Files(dir, ".txt", ".html");
  paths.push_back((dir / "batch.jsonl").string());
  auto articles = Load(paths);
  ASSERT_FALSE(articles.empty());
  DedupResult want = DedupAll(articles);
  ASSERT_FALSE(want.copy_of.empty());
  DedupBuilder builder({}, LshParams{.keep_signatures = false});
  std::map<std::string, std::string> text;
  for (const auto& a : articles) {
    text[a.id] = a.text;
    ASSERT_TRUE(builder.Add(PrepareArticle(a, {.keep_shingles = false})).ok());
  }
  ShingleSource source =
      [&](const std::string& id) -> Result<std::vector<uint32_t>> {
    return ShingleSet(text.at(id));
  };
  auto got = builder.Finish(&source, /*list_shared=*/false);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_TRUE(got->shared.empty());
  ASSERT_EQ(got->groups.size(), want.groups.size());
  for (size_t g = 0; g < want.groups.size(); ++g) {
    EXPECT_EQ(got->groups[g].ids, want.groups[g].ids);
    EXPECT_EQ(got->groups[g].pairs, want.groups[g].pairs);
  }
  EXPECT_EQ(got->copy_of, want.copy_of);
  EXPECT_EQ(got->reference_dates, want.reference_dates);
}

}  // namespace
}  // namespace sitrep
