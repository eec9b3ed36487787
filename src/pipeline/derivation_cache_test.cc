// DerivationCache's handling of a sentence that a new article makes
// boilerplate (held by more than 50 articles, SharedSentenceIndex's limit):
// checked against Deduplicate over the same inputs.
#include "pipeline/derivation_cache.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace sitrep::pipeline_internal {
namespace {

constexpr uint64_t kBoiler = 1000;  // the sentence that becomes boilerplate

// An article with these distinct sentence fingerprints and no shingles (no
// near-duplicate candidate).
DedupInput Doc(const std::string& id, std::optional<CivilDay> day,
               const std::vector<uint64_t>& fps) {
  DedupInput in;
  in.info.id = id;
  in.info.published = day;
  in.info.text_bytes = 100 * fps.size();
  in.info.num_fingerprints = fps.size();
  for (size_t i = 0; i < fps.size(); ++i) {
    in.sentences.push_back({fps[i], static_cast<uint32_t>(i)});
  }
  return in;
}

// `first` plus fillers up to 50 holders of kBoiler (dated, each with its
// own other sentences).
std::vector<DedupInput> WithFillers(std::vector<DedupInput> first) {
  size_t holders = first.size();
  for (size_t i = 0; holders < 50; ++i, ++holders) {
    first.push_back(Doc("fill" + std::to_string(i), CivilDay{2021, 1, 15},
                        {kBoiler, 20000 + i, 30000 + i, 40000 + i}));
  }
  return first;
}

DedupResult Dedup(std::vector<DedupInput> inputs) {
  auto r = Deduplicate(std::move(inputs));
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : DedupResult{};
}

struct Admitted {
  bool incremental = false;
  std::map<std::string, CivilDay> redated;
};

Admitted Admit(const std::vector<DedupInput>& stored, DedupInput x) {
  DerivationCache cache(stored, Dedup(stored), {}, MergeOptions{});
  Admitted out;
  std::optional<CivilDay> published = x.info.published;
  auto deltas = cache.Admit(
      std::move(x), published, {},
      [&](const std::string& id, CivilDay day) -> Result<std::vector<Mention>> {
        out.redated[id] = day;
        return std::vector<Mention>();
      });
  EXPECT_TRUE(deltas.ok());
  out.incremental = deltas.ok() && deltas->has_value();
  return out;
}

// Undated U borrows the day of the article it shares most sentences with;
// once the shared boilerplate sentence stops counting, a tie falls to the
// earlier day: U is re-dated to it, as a full Deduplicate says.
TEST(DerivationCacheTest, BoilerplateSentenceReDatesItsUndatedHolders) {
  std::vector<DedupInput> stored = WithFillers({
      Doc("u", std::nullopt, {kBoiler, 5000, 6000, 7000, 8000, 9000}),
      Doc("b", CivilDay{2021, 1, 10}, {kBoiler, 5000, 2100, 2200}),
  });
  stored.push_back(Doc("d", CivilDay{2021, 1, 1}, {6000, 2300, 2400}));
  DedupInput x = Doc("x", CivilDay{2021, 2, 1}, {kBoiler, 100, 101, 102});
  ASSERT_EQ(Dedup(stored).reference_dates.at("u"), (CivilDay{2021, 1, 10}));
  std::vector<DedupInput> all = stored;
  all.push_back(x);
  CivilDay want = Dedup(all).reference_dates.at("u");
  ASSERT_EQ(want, (CivilDay{2021, 1, 1}));

  Admitted got = Admit(stored, x);
  EXPECT_TRUE(got.incremental);
  ASSERT_EQ(got.redated.count("u"), 1u);
  EXPECT_EQ(got.redated.at("u"), want);
}

// Two articles that are copies only with the boilerplate sentence counted
// stop being copies: their component splits (b is no longer a's copy), as
// a full Deduplicate says, without a full derivation.
TEST(DerivationCacheTest, BoilerplateSentenceUndoingACopySplitsIt) {
  std::vector<DedupInput> stored = WithFillers({
      Doc("a", CivilDay{2021, 1, 10}, {kBoiler, 5000, 6000, 7000}),
      Doc("b", CivilDay{2021, 1, 11}, {kBoiler, 5000, 6000, 8000}),
      Doc("c", CivilDay{2021, 1, 12}, {kBoiler, 5000, 6000, 7000, 9000}),
  });
  DedupInput x = Doc("x", CivilDay{2021, 2, 1}, {kBoiler, 100, 101, 102});
  ASSERT_EQ(Dedup(stored).copy_of.count("b"), 1u);
  std::vector<DedupInput> all = stored;
  all.push_back(x);
  DedupResult want = Dedup(all);
  ASSERT_EQ(want.copy_of.count("b"), 0u);
  ASSERT_EQ(want.copy_of.count("c"), 1u);  // c still copies a

  DerivationCache cache(stored, Dedup(stored), {}, MergeOptions{});
  auto deltas = cache.Admit(
      x, x.info.published, {},
      [](const std::string&, CivilDay) -> Result<std::vector<Mention>> {
        return std::vector<Mention>();
      });
  ASSERT_TRUE(deltas.ok());
  EXPECT_TRUE(deltas->has_value());
  EXPECT_EQ(cache.CopyOf(), want.copy_of);
}

// The same new article where the boilerplate sentence made no copy: merged
// incrementally.
TEST(DerivationCacheTest, BoilerplateSentenceKeepingCopiesIsIncremental) {
  std::vector<DedupInput> stored = WithFillers({
      Doc("a", CivilDay{2021, 1, 10}, {kBoiler, 5000, 6000, 7000}),
  });
  EXPECT_TRUE(
      Admit(stored, Doc("x", CivilDay{2021, 2, 1}, {kBoiler, 100, 101, 102}))
          .incremental);
}

// Random articles sharing sentences from a small pool (one sentence in half
// of them, so it turns boilerplate on the way), admitted one at a time:
// after each, the days the undated ones were re-dated to and the copies
// equal Deduplicate's over every article so far. A refused
// article makes a new cache from all of them (as the pipeline re-derives).
TEST(DerivationCacheTest, BorrowedDaysEqualDeduplicateAfterEveryArticle) {
  for (uint32_t seed = 1; seed <= 8; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % n); };
    std::vector<DedupInput> all;
    std::unique_ptr<DerivationCache> cache;
    std::map<std::string, CivilDay> days;  // the cache's borrowed days
    int refused = 0;
    for (int i = 0; i < 120; ++i) {
      std::vector<uint64_t> fps;
      if (pick(2) == 0) fps.push_back(kBoiler);
      for (int k = 1 + pick(4); k > 0; --k) fps.push_back(1 + pick(60));
      std::sort(fps.begin(), fps.end());
      fps.erase(std::unique(fps.begin(), fps.end()), fps.end());
      std::optional<CivilDay> day;
      if (pick(3) != 0) day = CivilDay{2021, 1, 1 + pick(28)};
      DedupInput x = Doc("a" + std::to_string(i), day, fps);
      bool admitted = false;
      if (cache) {
        auto deltas =
            cache->Admit(x, day, {},
                         [&](const std::string& id,
                             CivilDay d) -> Result<std::vector<Mention>> {
                           days[id] = d;
                           return std::vector<Mention>();
                         });
        ASSERT_TRUE(deltas.ok());
        admitted = deltas->has_value();
      }
      all.push_back(x);
      DedupResult want = Dedup(all);
      if (!admitted) {
        refused += cache != nullptr;
        cache = std::make_unique<DerivationCache>(
            all, want, std::vector<Mention>{}, MergeOptions{});
        days = want.reference_dates;
      }
      ASSERT_EQ(days, want.reference_dates) << "seed " << seed << " step " << i;
      ASSERT_EQ(cache->CopyOf(), want.copy_of)
          << "seed " << seed << " step " << i;
    }
    EXPECT_LE(refused, 10) << "seed " << seed;
  }
}

}  // namespace
}  // namespace sitrep::pipeline_internal
