// Words, shingles, Jaccard and the signature blob.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/dedup.h"

namespace sitrep {
namespace {

struct WordsCase {
  const char* text;
  std::vector<std::string> words;
};

TEST(Dedup, NormalisedWords) {
  const WordsCase cases[] = {
      {"", {}},
      {"  \n\t ", {}},
      {"Hello, World!", {"hello", "world"}},
      {"al-Sadr's men", {"al", "sadr", "s", "men"}},
      {"al-Sadr\xE2\x80\x99s men", {"al", "sadr", "s", "men"}},  // U+2019
      {"\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x94 dash",
       {"quoted", "dash"}},  // “ ” —
      {"a\xC2\xA0"
       "b",
       {"a", "b"}},                                         // NBSP
      {"Caf\xC3\xA9 BAGHDAD", {"caf\xC3\xA9", "baghdad"}},  // é kept
      {"1,200 killed; 3.5%", {"1", "200", "killed", "3", "5"}},
      {"U.S.-led", {"u", "s", "led"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NormalisedWords(c.text), c.words) << c.text;
  }
}

TEST(Dedup, LongWordsAreTruncatedButDistinct) {
  std::string a(100, 'x'), b(101, 'x');
  EXPECT_EQ(NormalisedWords(a)[0].size(), 64u);
  EXPECT_NE(ShingleSet(a), ShingleSet(b));  // length is hashed too
}

struct ShingleCase {
  const char* text;
  size_t shingles;
};

TEST(Dedup, ShingleCounts) {
  const ShingleCase cases[] = {
      {"", 0},
      {"one", 1},
      {"one two three four", 1},
      {"one two three four five", 1},
      {"one two three four five six", 2},
      {"a b c d e a b c d e", 5},  // the 6th shingle repeats the 1st
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ShingleSet(c.text).size(), c.shingles) << c.text;
  }
}

TEST(Dedup, CaseAndPunctuationDoNotMatter) {
  EXPECT_EQ(ShingleSet("Four protesters were killed, officials said."),
            ShingleSet("four PROTESTERS were killed officials said"));
  EXPECT_NE(ShingleSet("four protesters were killed officials said"),
            ShingleSet("five protesters were killed officials said"));
}

struct JaccardCase {
  std::vector<uint32_t> a, b;
  double j;
};

TEST(Dedup, ExactJaccard) {
  const JaccardCase cases[] = {
      {{}, {}, 1.0},
      {{1}, {}, 0.0},
      {{1, 2, 3}, {1, 2, 3}, 1.0},
      {{1, 2, 3}, {4, 5}, 0.0},
      {{1, 2, 3, 4}, {3, 4, 5, 6}, 2.0 / 6},
      {{1, 2}, {1, 2, 3, 4}, 0.5},
  };
  for (const auto& c : cases) EXPECT_DOUBLE_EQ(ExactJaccard(c.a, c.b), c.j);
}

TEST(Dedup, SignatureBasics) {
  DocSignature empty = ComputeSignature("  ... ");
  EXPECT_EQ(empty.num_shingles, 0u);
  for (uint32_t v : empty.minhash) EXPECT_EQ(v, 0xFFFFFFFFu);
  std::string t =
      "The demonstrators had left their sit-in at Habboubi "
      "Square and were heading towards the government building.";
  DocSignature a = ComputeSignature(t), b = ComputeSignature(t);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.num_shingles, a.shingles.size());
  EXPECT_DOUBLE_EQ(EstimatedJaccard(a, b), 1.0);
  EXPECT_DOUBLE_EQ(SignatureJaccard(a, empty), 0.0);
  DocSignature c = ComputeSignature(t, {.keep_shingles = false});
  EXPECT_FALSE(c.has_shingles);
  EXPECT_TRUE(c.shingles.empty());
  EXPECT_EQ(c.minhash, a.minhash);
  DocSignature cut = ComputeSignature(t, {.max_bytes = 20});
  EXPECT_EQ(cut.text_bytes, 20u);
}

TEST(Dedup, BlobRoundTrip) {
  std::string t;
  for (int i = 0; i < 300; ++i)
    t += std::string("word") + std::to_string(i * 7 % 101) + " ";
  for (bool keep : {true, false}) {
    DocSignature s = ComputeSignature(t, {.keep_shingles = keep});
    std::string blob = s.Serialize();
    auto back = DocSignature::Deserialize(blob);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, s);
    if (!keep) {
      EXPECT_EQ(blob.size(), 4u + 4 + 4 + 1 + 4 * kMinHashSize);
    }
  }
  DocSignature e = ComputeSignature("");
  auto back = DocSignature::Deserialize(e.Serialize());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, e);
}

TEST(Dedup, BlobCorruption) {
  std::string good = ComputeSignature("a b c d e f g h i j k").Serialize();
  std::vector<std::string> bad = {"", "SDS", "XDS1" + good.substr(4),
                                  good.substr(0, good.size() - 1), good + "x"};
  std::string flags = good;
  flags[12] = 7;
  bad.push_back(flags);
  std::string count = good;
  count[13 + 4 * kMinHashSize] = 100;  // count beyond the bytes left
  bad.push_back(count);
  for (size_t i = 0; i < bad.size(); ++i) {
    auto r = DocSignature::Deserialize(bad[i]);
    ASSERT_FALSE(r.ok()) << i;
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption) << i;
  }
  // Every truncation of a good blob is rejected, never crashes.
  for (size_t n = 0; n < good.size(); ++n) {
    EXPECT_FALSE(DocSignature::Deserialize(good.substr(0, n)).ok()) << n;
  }
}

TEST(Dedup, SCurve) {
  LshParams p;  // 20 x 6
  EXPECT_GE(CandidateProbability(0.8, p), 0.95);
  EXPECT_GE(CandidateProbability(0.9, p), 0.9999);
  EXPECT_LE(CandidateProbability(0.3, p), 0.02);
  EXPECT_LE(CandidateProbability(0.1, p), 1e-4);
  EXPECT_DOUBLE_EQ(CandidateProbability(1.0, p), 1.0);
  EXPECT_DOUBLE_EQ(CandidateProbability(0.0, p), 0.0);
}

}  // namespace
}  // namespace sitrep
