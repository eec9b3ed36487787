// Sentence fingerprints and the shared-sentence index.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "sitrep/dedup.h"

namespace sitrep {
namespace {

// Spans of the sentences of `text`, split at '|' (the bars are kept out).
std::vector<Span> Bars(std::string_view text) {
  std::vector<Span> out;
  uint32_t begin = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '|') {
      out.push_back({begin, i});
      begin = i + 1;
    }
  }
  return out;
}

std::vector<SentenceFingerprint> Fp(std::string_view text) {
  return FingerprintSentences(text, Bars(text));
}

struct SameCase {
  const char* a;
  const char* b;
  bool same;
};

TEST(DedupSentences, Normalisation) {
  const SameCase cases[] = {
      {"Four protesters were killed on Sunday afternoon.",
       "four protesters were  killed on sunday afternoon", true},
      {"Mr al-Sadr's supporters left the square today.",
       "Mr al-Sadr\xE2\x80\x99s supporters left the square today.", true},
      {"\"They fired straight at us, not above our heads,\" he said.",
       "\xE2\x80\x9CThey fired straight at us, not above our "
       "heads,\xE2\x80\x9D "
       "he said.",
       true},
      {"Four protesters were killed on Sunday afternoon.",
       "Five protesters were killed on Sunday afternoon.", false},
      {"Four protesters were killed on Sunday afternoon.",
       "Four protesters were killed Sunday on afternoon.", false},
  };
  for (const auto& c : cases) {
    auto a = Fp(c.a), b = Fp(c.b);
    ASSERT_EQ(a.size(), 1u) << c.a;
    ASSERT_EQ(b.size(), 1u) << c.b;
    EXPECT_EQ(a[0].hash == b[0].hash, c.same) << c.a << " / " << c.b;
  }
}

TEST(DedupSentences, ShortSentencesAndBadSpansAreSkipped) {
  std::string t = "Too short here.|Exactly six words are in this|";
  auto f = Fp(t);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].sentence, 1u);
  EXPECT_EQ(FingerprintSentences(t, {{0, 1000}}).size(), 0u);
  EXPECT_EQ(FingerprintSentences(t, Bars(t), {.min_words = 3}).size(), 2u);
}

TEST(DedupSentences, IndexReportsSharedSentences) {
  const std::string s1 = "The ministry said it had opened an investigation.";
  const std::string s2 = "Protest organisers said they would hold funerals.";
  const std::string s3 =
      "Three drones were launched at the air base overnight.";
  SharedSentenceIndex index;
  // Repeated sentence in one article counts once (its first index).
  ASSERT_TRUE(index.Add("b", Fp(s2 + "|" + s1 + "|" + s1)).ok());
  ASSERT_TRUE(index.Add("a", Fp(s1 + "|" + s2 + "|" + s3)).ok());
  ASSERT_TRUE(index.Add("c", Fp(s3)).ok());
  ASSERT_TRUE(index.Add("d", {}).ok());
  EXPECT_EQ(index.Add("a", {}).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(index.NumFingerprints("b"), 2u);
  EXPECT_EQ(index.NumFingerprints("zz"), 0u);
  std::vector<SharedSentence> want_a = {
      {"a", 0, "b", 1}, {"a", 1, "b", 0}, {"a", 2, "c", 0}};
  EXPECT_EQ(index.SharedWith("a"), want_a);
  std::vector<SharedSentence> want_b = {{"b", 0, "a", 1}, {"b", 1, "a", 0}};
  EXPECT_EQ(index.SharedWith("b"), want_b);
  EXPECT_TRUE(index.SharedWith("d").empty());
  EXPECT_TRUE(index.SharedWith("nope").empty());
  EXPECT_EQ(index.All(), want_a);
}

TEST(DedupSentences, BoilerplateIsCapped) {
  const std::string boiler = "Sign up for our newsletter to get the news.";
  SharedSentenceIndex index(/*max_articles=*/3);
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(index.Add(std::string(1, char('a' + i)), Fp(boiler)).ok());
  }
  EXPECT_TRUE(index.All().empty());
  SharedSentenceIndex small(3);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(small.Add(std::string(1, char('a' + i)), Fp(boiler)).ok());
  }
  EXPECT_EQ(small.All().size(), 3u);
}

// Counts() equals CountShared(All()), the boilerplate cap included, for
// any number of occurrences counted at once, and
// CopyOf / ReferenceDates agree whichever they are given.
TEST(DedupSentences, CountsEqualCountedList) {
  std::vector<std::string> sents;
  for (int i = 0; i < 10; ++i) {
    sents.push_back(std::string("shared line ") + std::to_string(i) +
                    " has enough words in it");
  }
  for (size_t cap : {size_t{2}, size_t{3}, size_t{50}}) {
    SCOPED_TRACE(cap);
    SharedSentenceIndex index(cap);
    std::vector<CopyInfo> infos;
    for (int d = 0; d < 9; ++d) {
      std::string t;
      for (int k = 0; k < 5; ++k) t += sents[(d * 3 + k * 2) % 10] + "|";
      t += sents[d % 10] + "|";  // a repeat inside the article counts once
      std::string id = std::string("doc") + std::to_string(8 - d);
      ASSERT_TRUE(index.Add(id, Fp(t)).ok());
      CopyInfo info{id, std::nullopt, t.size(), index.NumFingerprints(id)};
      if (d % 2) info.published = CivilDay{2020, 5, d + 1};
      infos.push_back(info);
    }
    std::vector<SharedSentence> all = index.All();
    // Reference for All()'s rank sort: each id's SharedWith, kept where it
    // is article_a, in id (string) order, sorted by plain string compares.
    std::vector<SharedSentence> want;
    for (const CopyInfo& info : infos) {
      for (SharedSentence& s : index.SharedWith(info.id)) {
        if (s.article_a < s.article_b) want.push_back(std::move(s));
      }
    }
    std::sort(want.begin(), want.end(), [](const auto& x, const auto& y) {
      return std::tie(x.article_a, x.article_b, x.sentence_a, x.sentence_b) <
             std::tie(y.article_a, y.article_b, y.sentence_a, y.sentence_b);
    });
    EXPECT_EQ(all, want);
    std::vector<SharedCount> counts = index.Counts();
    EXPECT_EQ(counts, CountShared(all));
    std::vector<std::pair<uint32_t, uint32_t>> docs;  // numbered as added
    EXPECT_EQ(index.Counts(size_t{4} << 20, &docs), counts);
    ASSERT_EQ(docs.size(), counts.size());
    for (size_t i = 0; i < docs.size(); ++i) {
      EXPECT_EQ(infos[docs[i].first].id, counts[i].a);
      EXPECT_EQ(infos[docs[i].second].id, counts[i].b);
    }
    // Counted a few ranks at a time (down to one per pass): the same.
    for (size_t max_pairs : {size_t{0}, size_t{1}, size_t{3}, size_t{7}}) {
      EXPECT_EQ(index.Counts(max_pairs), counts) << max_pairs;
    }
    if (cap == 50) {
      ASSERT_FALSE(counts.empty());
    }
    EXPECT_EQ(CopyOfCounts({}, counts, infos), CopyOf({}, all, infos));
    EXPECT_EQ(ReferenceDatesOfCounts({}, counts, infos),
              ReferenceDates({}, all, infos));
  }
}

// An id without an info is undated: it borrows a day too, whether or not
// every other undated id has an info (the ties are then sorted by id).
TEST(DedupSentences, ReferenceDatesForIdsWithoutInfo) {
  std::vector<CopyInfo> infos = {{"b", CivilDay{2020, 5, 3}, 100, 4},
                                 {"c", CivilDay{2020, 5, 1}, 100, 4},
                                 {"d", std::nullopt, 100, 4}};
  std::vector<SharedCount> counts = {
      {"a", "b", 3}, {"a", "c", 2}, {"b", "d", 1}, {"c", "d", 1}};
  std::map<std::string, CivilDay> want = {{"a", CivilDay{2020, 5, 3}},
                                          {"d", CivilDay{2020, 5, 1}}};
  EXPECT_EQ(ReferenceDatesOfCounts({}, counts, infos), want);
  infos.push_back({"a", std::nullopt, 100, 4});  // every id has one
  EXPECT_EQ(ReferenceDatesOfCounts({}, counts, infos), want);
}

TEST(DedupSentences, DeterministicWhateverTheOrder) {
  std::vector<std::string> sents;
  for (int i = 0; i < 12; ++i) {
    sents.push_back(std::string("sentence number ") + std::to_string(i) +
                    " has enough words in it");
  }
  std::vector<std::pair<std::string, std::string>> docs;
  for (int d = 0; d < 8; ++d) {
    std::string t;
    for (int k = 0; k < 4; ++k) t += sents[(d * 5 + k * 3) % 12] + "|";
    docs.push_back({std::string("doc") + std::to_string(d), t});
  }
  std::vector<SharedSentence> first;
  for (int round = 0; round < 2; ++round) {
    SharedSentenceIndex index;
    for (const auto& [id, t] : docs) ASSERT_TRUE(index.Add(id, Fp(t)).ok());
    if (round == 0) {
      first = index.All();
      ASSERT_FALSE(first.empty());
    } else {
      EXPECT_EQ(index.All(), first);
    }
    std::reverse(docs.begin(), docs.end());
  }
}

}  // namespace
}  // namespace sitrep
