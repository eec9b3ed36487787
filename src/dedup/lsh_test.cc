// LSH recall against a slow all-pairs reference, determinism, speed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "sitrep/dedup.h"

namespace sitrep {
namespace {

// Synthetic corpus: random texts over a 5,000-word vocabulary, and copies of
// some of them with a given fraction of words replaced, inserted or deleted.
class Synth {
 public:
  explicit Synth(uint32_t seed) : rng_(seed) {}
  std::string Word() {
    std::string w = std::to_string(word_(rng_));
    w.insert(w.begin(), 'w');  // "w" + ... trips a GCC 12 -Wrestrict bug
    return w;
  }
  std::vector<std::string> Text(int n) {
    std::vector<std::string> t;
    for (int i = 0; i < n; ++i) t.push_back(Word());
    return t;
  }
  std::vector<std::string> Edit(std::vector<std::string> t, double p) {
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<std::string> out;
    for (auto& w : t) {
      double r = u(rng_);
      if (r < p / 3) continue;                              // delete
      if (r < 2 * p / 3) out.push_back(Word());             // insert
      out.push_back(r < p && r >= 2 * p / 3 ? Word() : w);  // replace
    }
    return out;
  }
  static std::string Join(const std::vector<std::string>& t) {
    std::string s;
    for (const auto& w : t) s += w + " ";
    return s;
  }

 private:
  std::mt19937 rng_;
  std::uniform_int_distribution<int> word_{0, 4999};
};

struct Corpus {
  std::vector<std::string> ids, texts;
};

Corpus MakeCorpus(int bases, uint32_t seed) {
  Synth s(seed);
  Corpus c;
  const double kEdits[] = {0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2};
  for (int b = 0; b < bases; ++b) {
    auto base = s.Text(150 + b % 400);
    c.ids.push_back(std::string("d") + std::to_string(b));
    c.texts.push_back(Synth::Join(base));
    for (int v = 0; v < 3; ++v) {
      double p = kEdits[(b * 3 + v) % 8];
      c.ids.push_back(std::string("d") + std::to_string(b) + std::string("v") +
                      std::to_string(v));
      c.texts.push_back(Synth::Join(s.Edit(base, p)));
    }
  }
  return c;
}

// The reference: every pair, exact Jaccard, no LSH.
std::vector<DuplicatePair> AllPairsReference(
    const std::vector<std::string>& ids,
    const std::vector<std::vector<uint32_t>>& sets, double threshold) {
  std::vector<DuplicatePair> out;
  for (size_t i = 0; i < ids.size(); ++i) {
    for (size_t j = i + 1; j < ids.size(); ++j) {
      double jac = ExactJaccard(sets[i], sets[j]);
      if (jac < threshold) continue;
      DuplicatePair p{ids[i], ids[j], jac, true};
      if (p.b < p.a) std::swap(p.a, p.b);
      out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return out;
}

TEST(DedupLsh, RecallAgainstAllPairsReference) {
  Corpus c = MakeCorpus(300, 7);
  NearDuplicateIndex index;
  std::vector<std::vector<uint32_t>> sets;
  for (size_t i = 0; i < c.ids.size(); ++i) {
    sets.push_back(ShingleSet(c.texts[i]));
    ASSERT_TRUE(index.Add(c.ids[i], ComputeSignature(c.texts[i])).ok());
  }
  // Recall per Jaccard band, over the reference pairs at >= 0.5.
  auto truth = AllPairsReference(c.ids, sets, 0.5);
  auto found = index.Pairs(0.5);
  for (const auto& p : found) EXPECT_GE(p.jaccard, 0.5);
  std::set<std::pair<std::string, std::string>> got;
  for (const auto& p : found) got.insert({p.a, p.b});
  const double kLevels[] = {0.5, 0.6, 0.7, 0.8, 0.9};
  for (double lo : kLevels) {
    int n = 0, hit = 0;
    for (const auto& p : truth) {
      if (p.jaccard < lo || p.jaccard >= lo + 0.1) continue;
      ++n, hit += got.count({p.a, p.b});
    }
    std::printf("Jaccard [%.1f, %.1f): %d pairs, recall %.3f (S-curve %.3f)\n",
                lo, lo + 0.1, n, n ? double(hit) / n : 1.0,
                CandidateProbability(lo));
  }
  // The requirement: recall >= 0.95 at Jaccard >= 0.8; and no false pair.
  std::vector<DuplicatePair> truth08;
  for (const auto& p : truth) {
    if (p.jaccard >= 0.8) truth08.push_back(p);
  }
  auto found08 = index.Pairs(0.8);
  size_t hit = 0;
  for (const auto& p : truth08) hit += got.count({p.a, p.b});
  double recall = double(hit) / truth08.size();
  std::printf("recall at Jaccard >= 0.8: %.4f over %zu pairs\n", recall,
              truth08.size());
  ASSERT_GT(truth08.size(), 200u);
  EXPECT_GE(recall, 0.95);
  EXPECT_LE(found08.size(), truth08.size());
  for (const auto& p : found08) {
    EXPECT_TRUE(std::binary_search(truth08.begin(), truth08.end(), p,
                                   [](const auto& x, const auto& y) {
                                     return x.a != y.a ? x.a < y.a : x.b < y.b;
                                   }));
  }
}

TEST(DedupLsh, EstimateTracksExactJaccard) {
  Corpus c = MakeCorpus(100, 11);
  double worst = 0;
  for (size_t i = 0; i + 1 < c.texts.size(); i += 4) {
    for (size_t v = 1; v <= 3; ++v) {
      DocSignature a = ComputeSignature(c.texts[i]);
      DocSignature b = ComputeSignature(c.texts[i + v]);
      worst = std::max(worst, std::abs(EstimatedJaccard(a, b) -
                                       ExactJaccard(a.shingles, b.shingles)));
    }
  }
  // 128 values: standard error <= 0.045; 300 pairs stay within ~4.5 sigma.
  EXPECT_LT(worst, 0.2);
}

TEST(DedupLsh, DeterministicWhateverTheOrder) {
  Corpus c = MakeCorpus(60, 3);
  std::vector<size_t> order(c.ids.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<DuplicateGroup> first;
  std::vector<DuplicatePair> first_candidates;
  std::mt19937 rng(5);
  for (int round = 0; round < 3; ++round) {
    LshParams p;
    p.max_bucket = 2;  // exercise the star path as well
    NearDuplicateIndex index(p);
    for (size_t i : order) {
      ASSERT_TRUE(index.Add(c.ids[i], ComputeSignature(c.texts[i])).ok());
    }
    auto groups = index.Groups();
    auto cands = index.Candidates();
    if (round == 0) {
      first = groups, first_candidates = cands;
      ASSERT_FALSE(groups.empty());
    } else {
      ASSERT_EQ(groups.size(), first.size());
      for (size_t g = 0; g < groups.size(); ++g) {
        EXPECT_EQ(groups[g].ids, first[g].ids);
        EXPECT_EQ(groups[g].pairs, first[g].pairs);
      }
      EXPECT_EQ(cands, first_candidates);
    }
    std::shuffle(order.begin(), order.end(), rng);
  }
}

TEST(DedupLsh, AddQueryAndErrors) {
  NearDuplicateIndex index;
  std::string t = Synth::Join(Synth(1).Text(200));
  ASSERT_TRUE(index.Add("a", ComputeSignature(t)).ok());
  ASSERT_TRUE(index.Add("empty", ComputeSignature("")).ok());
  EXPECT_EQ(index.Add("a", ComputeSignature(t)).code(),
            StatusCode::kAlreadyExists);
  auto q = index.Query(ComputeSignature(t));
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].b, "a");
  EXPECT_DOUBLE_EQ(q[0].jaccard, 1.0);
  EXPECT_TRUE(index.Query(ComputeSignature("")).empty());
  EXPECT_TRUE(index.Groups().empty());
  ASSERT_TRUE(
      index.Add("b", ComputeSignature(t, {.keep_shingles = false})).ok());
  auto g = index.Groups();
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].ids, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(g[0].pairs[0].exact);  // b kept no shingle set
  NearDuplicateIndex bad(LshParams{.bands = 30, .rows = 5});
  EXPECT_EQ(bad.Add("x", ComputeSignature(t)).code(),
            StatusCode::kInvalidArgument);
}

// Groups verified through a ShingleSource (band keys only, sets fetched a
// chunk at a time) equal Groups over signatures that kept their sets, for
// any chunk size and with the star path; fetches stay within the chunk.
TEST(DedupLsh, GroupsFromSourceEqualGroupsWithKeptSets) {
  Corpus c = MakeCorpus(40, 11);
  struct Case {
    size_t chunk_docs;
    size_t max_bucket;
  };
  const Case kCases[] = {{1, 64}, {2, 64}, {7, 2}, {4096, 64}, {4096, 2}};
  for (const Case& k : kCases) {
    SCOPED_TRACE(k.chunk_docs);
    LshParams full_params{.max_bucket = k.max_bucket};
    LshParams keys_params = full_params;
    keys_params.keep_signatures = false;
    NearDuplicateIndex full(full_params), keys(keys_params);
    std::map<std::string, std::string> text;
    for (size_t i = 0; i < c.ids.size(); ++i) {
      text[c.ids[i]] = c.texts[i];
      ASSERT_TRUE(full.Add(c.ids[i], ComputeSignature(c.texts[i])).ok());
      ASSERT_TRUE(keys.Add(c.ids[i], ComputeSignature(c.texts[i],
                                                      {.keep_shingles = false}))
                      .ok());
    }
    size_t fetched = 0;
    ShingleSource source =
        [&](const std::string& id) -> Result<std::vector<uint32_t>> {
      ++fetched;
      return ShingleSet(text.at(id));
    };
    auto got = keys.Groups(0.8, source, k.chunk_docs);
    ASSERT_TRUE(got.ok());
    auto want = full.Groups(0.8);
    ASSERT_FALSE(want.empty());
    ASSERT_EQ(got->size(), want.size());
    for (size_t g = 0; g < want.size(); ++g) {
      EXPECT_EQ((*got)[g].ids, want[g].ids);
      EXPECT_EQ((*got)[g].pairs, want[g].pairs);
    }
    EXPECT_GT(fetched, 0u);
    // Without signatures the index itself verifies nothing.
    EXPECT_TRUE(keys.Groups(0.8).empty());
  }
}

TEST(DedupLsh, GroupsFromSourceReturnsItsError) {
  NearDuplicateIndex index(LshParams{.keep_signatures = false});
  std::string t = Synth::Join(Synth(4).Text(200));
  ASSERT_TRUE(index.Add("a", ComputeSignature(t)).ok());
  ASSERT_TRUE(index.Add("b", ComputeSignature(t)).ok());
  ShingleSource failing =
      [](const std::string& id) -> Result<std::vector<uint32_t>> {
    return Status::IOError("cannot read " + id);
  };
  EXPECT_EQ(index.Groups(0.8, failing).status().code(), StatusCode::kIOError);
  ShingleSource exact =
      [&](const std::string&) -> Result<std::vector<uint32_t>> {
    return ShingleSet(t);
  };
  auto g = index.Groups(0.8, exact);
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->size(), 1u);
  EXPECT_TRUE((*g)[0].pairs[0].exact);
}

// Each of 2,000 unrelated synthetic texts finds only itself. (Speed is
// measured by bench/micro_bench, never by a unit test.)
TEST(DedupLsh, QueryFindsOnlyItself) {
  Synth s(99);
  NearDuplicateIndex index;
  std::vector<DocSignature> sigs;
  for (int i = 0; i < 2000; ++i) {
    sigs.push_back(ComputeSignature(Synth::Join(s.Text(500))));
    ASSERT_TRUE(index.Add("t" + std::to_string(i), sigs.back()).ok());
  }
  EXPECT_TRUE(index.Candidates().empty());
  size_t hits = 0;
  for (const auto& sig : sigs) hits += index.Query(sig).size();
  EXPECT_EQ(hits, sigs.size());
}

}  // namespace
}  // namespace sitrep
