// StreamingDedup (spilled to disk, pairs acted on as counted) against
// DedupBuilder (everything in memory): the same groups, copies and
// borrowed days on random corpora with near-copies, shared sentences,
// boilerplate and undated articles.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "dedup/spill.h"
#include "sitrep/dedup.h"
#include "sitrep/sentences.h"

namespace sitrep {
namespace {

struct Corpus {
  std::vector<Article> articles;  // in random id order
  std::map<std::string, std::string> texts;
};

// A sentence of 5-9 words from a small vocabulary (some repeat at random).
std::string Sentence(std::mt19937& rng) {
  static const char* kWords[] = {"army",   "rebels", "killed", "town",
                                 "police", "market", "attack", "two",
                                 "three",  "near",   "north",  "village"};
  std::string s;
  int n = 5 + static_cast<int>(rng() % 5);
  for (int i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += kWords[rng() % 12];
  }
  return s + ". ";
}

Corpus Make(std::mt19937& rng, int n) {
  std::vector<std::string> pool;  // shared sentences (a few boilerplate)
  for (int i = 0; i < 40; ++i) pool.push_back(Sentence(rng));
  Corpus c;
  for (int i = 0; i < n; ++i) {
    Article a;
    a.id = "a" + std::to_string(rng() % 100000) + "_" + std::to_string(i);
    if (i > 0 && rng() % 4 == 0) {  // a near-copy of an earlier article
      a.text = c.articles[rng() % c.articles.size()].text;
      if (rng() % 2) a.text += Sentence(rng);
    } else {
      int k = 2 + static_cast<int>(rng() % 8);
      for (int j = 0; j < k; ++j) {
        a.text += rng() % 2 ? pool[rng() % pool.size()] : Sentence(rng);
      }
    }
    if (rng() % 3) {
      a.published = CivilDay{2022, 1 + static_cast<int>(rng() % 2),
                             1 + static_cast<int>(rng() % 3)};
    }
    a.sentences = SplitSentences(a.text);
    c.texts[a.id] = a.text;
    c.articles.push_back(std::move(a));
  }
  return c;
}

void ExpectSameGroups(const std::vector<DuplicateGroup>& got,
                      const std::vector<DuplicateGroup>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].ids, want[i].ids);
    EXPECT_EQ(got[i].pairs, want[i].pairs);
  }
}

TEST(StreamingDedup, EqualsDedupBuilder) {
  std::mt19937 rng(7);
  int with_copies = 0, with_days = 0;
  for (int round = 0; round < 40; ++round) {
    Corpus c = Make(rng, 20 + static_cast<int>(rng() % 200));
    ShingleSource source =
        [&](const std::string& id) -> Result<std::vector<uint32_t>> {
      return ShingleSet(c.texts.at(id));
    };
    SignatureOptions sig;
    sig.keep_shingles = false;
    LshParams lsh;
    lsh.keep_signatures = false;
    lsh.max_bucket = 2 + rng() % 8;  // stars around the smallest id too
    DedupBuilder plain({}, lsh);
    DedupBuilder listed({}, lsh);  // the public functions, ids looked up
    StreamingDedup spilled({}, lsh, /*spill_buffer=*/1 + rng() % 5);
    // Most given with their sets (spilled at Add, never asked of `source`).
    StreamingDedup with_sets({}, lsh, /*spill_buffer=*/1 + rng() % 5);
    SignatureOptions kept = sig;
    kept.keep_shingles = true;
    std::set<std::string> given;
    for (const Article& a : c.articles) {
      ASSERT_TRUE(plain.Add(PrepareArticle(a, sig)).ok());
      ASSERT_TRUE(listed.Add(PrepareArticle(a, sig)).ok());
      ASSERT_TRUE(spilled.Add(PrepareArticle(a, sig)).ok());
      const bool give = rng() % 4 != 0;
      if (give) given.insert(a.id);
      ASSERT_TRUE(with_sets.Add(PrepareArticle(a, give ? kept : sig)).ok());
    }
    Result<DedupResult> want = plain.Finish(&source, /*list_shared=*/false);
    Result<DedupResult> by_list = listed.Finish(&source, /*list_shared=*/true);
    ASSERT_TRUE(want.ok() && by_list.ok());
    EXPECT_EQ(by_list->copy_of, want->copy_of) << "round " << round;
    EXPECT_EQ(by_list->reference_dates, want->reference_dates) << round;
    Result<DedupResult> got = spilled.Finish(source);
    ASSERT_TRUE(want.ok() && got.ok()) << got.status().ToString();
    ExpectSameGroups(got->groups, want->groups);
    EXPECT_EQ(got->copy_of, want->copy_of) << "round " << round;
    EXPECT_EQ(got->reference_dates, want->reference_dates) << "round " << round;
    EXPECT_TRUE(got->shared.empty());
    int asked_given = 0;
    ShingleSource others =
        [&](const std::string& id) -> Result<std::vector<uint32_t>> {
      asked_given += given.count(id);
      return ShingleSet(c.texts.at(id));
    };
    Result<DedupResult> from_sets = with_sets.Finish(others);
    ASSERT_TRUE(from_sets.ok()) << from_sets.status().ToString();
    ExpectSameGroups(from_sets->groups, want->groups);
    EXPECT_EQ(from_sets->copy_of, want->copy_of) << "round " << round;
    EXPECT_EQ(from_sets->reference_dates, want->reference_dates) << round;
    EXPECT_EQ(asked_given, 0) << "round " << round;
    with_copies += !want->copy_of.empty() && !want->groups.empty();
    with_days += !want->reference_dates.empty();
  }
  EXPECT_GT(with_copies, 30);  // the rounds test something
  EXPECT_GT(with_days, 30);
}

TEST(StreamingDedup, RepeatedIdAndBadParams) {
  Article a;
  a.id = "x";
  a.text = "the army killed two rebels near the town. ";
  a.sentences = SplitSentences(a.text);
  StreamingDedup d;
  ASSERT_TRUE(d.Add(PrepareArticle(a)).ok());
  ASSERT_TRUE(d.Add(PrepareArticle(a)).ok());
  ShingleSource none = [](const std::string&) -> Result<std::vector<uint32_t>> {
    return std::vector<uint32_t>{};
  };
  EXPECT_EQ(d.Finish(none).status().code(), StatusCode::kAlreadyExists);
  LshParams bad;
  bad.bands = 30;
  StreamingDedup b({}, bad);
  EXPECT_EQ(b.Add(PrepareArticle(a)).code(), StatusCode::kInvalidArgument);
}

TEST(DedupSpill, ReadsBackEachPartitionInOrder) {
  for (size_t buffer : {1, 3, 64}) {
    dedup_internal::Spill<uint64_t> s(5, buffer);
    std::vector<std::vector<uint64_t>> want(5);
    for (uint64_t i = 0; i < 200; ++i) {
      size_t p = (i * 7) % 5 == 4 ? 4 : i % 3;  // partition 3 stays empty
      ASSERT_TRUE(s.Add(p, i * i).ok());
      want[p].push_back(i * i);
    }
    for (size_t p = 0; p < 5; ++p) {
      Result<std::vector<uint64_t>> got = s.Take(p);
      ASSERT_TRUE(got.ok());
      EXPECT_EQ(*got, want[p]) << buffer << " " << p;
      EXPECT_TRUE(s.Take(p)->empty());  // taken
    }
    s.Clear();
    EXPECT_EQ(s.partitions(), 0u);
  }
}

}  // namespace
}  // namespace sitrep
