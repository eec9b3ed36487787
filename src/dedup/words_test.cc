// One scan of an article's words (PrepareArticle) against the plain
// signature and sentence fingerprints, each of which scans its own text.
#include "dedup/words.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "sitrep/dedup.h"

namespace sitrep {
namespace {

// Random text of words, ASCII and wide separators, non-ASCII letters,
// broken UTF-8 and words past kMaxWordBytes; spans anywhere, some cutting
// words or code points, some empty, overlapping or past the end.
struct RandomArticle {
  std::string text;
  std::vector<Span> sentences;
};

RandomArticle MakeArticle(std::mt19937* rng) {
  static const std::vector<std::string> pieces = {
      "a",
      "Killed",
      "BAGHDAD",
      "9",
      " ",
      " ",
      ".",
      ",",
      "-",
      "\n",
      "\xC2\xA0",  // NBSP
      "\xE2\x80\x94",
      "\xE2\x80\x9C",  // em dash, left quote
      "\xE3\x80\x82",
      "\xEF\xBB\xBF",  // ideographic full stop, BOM
      "caf\xC3\xA9",
      "\xD8\xA8\xD8\xBA",  // é, Arabic letters
      "\xE2",
      "\x80",
      "\xC2",  // broken UTF-8
      std::string(70, 'w')};
  RandomArticle a;
  size_t n = (*rng)() % 60;
  for (size_t i = 0; i < n; ++i) a.text += pieces[(*rng)() % pieces.size()];
  size_t spans = (*rng)() % 8;
  for (size_t i = 0; i < spans; ++i) {
    uint32_t b = static_cast<uint32_t>((*rng)() % (a.text.size() + 2));
    uint32_t e = b + static_cast<uint32_t>((*rng)() % 40);
    a.sentences.push_back(Span{b, e});
  }
  return a;
}

TEST(TextWords, SignatureAndFingerprintsMatchThePlainScans) {
  std::mt19937 rng(5);
  const SentenceOptions sent{.min_words = 2};
  int fingerprints = 0;
  for (int t = 0; t < 20000; ++t) {
    RandomArticle a = MakeArticle(&rng);
    SignatureOptions sig;
    sig.keep_shingles = t % 2 == 0;
    dedup_internal::TextWords words;
    dedup_internal::ScanWords(a.text, &words);
    ASSERT_EQ(dedup_internal::SignatureOfWords(words, a.text.size(), sig),
              ComputeSignature(a.text, sig))
        << t;
    auto want = FingerprintSentences(a.text, a.sentences, sent);
    fingerprints += static_cast<int>(want.size());
    ASSERT_EQ(dedup_internal::FingerprintSentencesOfWords(a.text, words,
                                                          a.sentences, sent),
              want)
        << t;
  }
  EXPECT_GT(fingerprints, 10000);
}

// A word's hash, lowered bytes and span, or a wide separator's span.
struct Seen {
  uint64_t hash;
  std::string lowered;
  size_t begin, end;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> Scan(const std::string& text, bool plain) {
  std::vector<Seen> out;
  auto word = [&](uint64_t h, std::string_view w, size_t b, size_t e) {
    out.push_back(Seen{h, std::string(w), b, e});
  };
  auto wide = [&](size_t b, size_t e) { out.push_back(Seen{0, "", b, e}); };
  if (plain) {
    dedup_internal::ForEachWordAtPlain(text, word, wide);
  } else {
    dedup_internal::ForEachWordAt(text, word, wide);
  }
  return out;
}

TEST(ForEachWordAt, SameAsThePlainByteScan) {
  std::mt19937 rng(9);
  const std::string extra[] = {"ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{", "Zz\x7F",
                               "\xC3\x89T\xC3\xA9", std::string(63, 'Q')};
  for (int t = 0; t < 20000; ++t) {
    std::string text = MakeArticle(&rng).text;
    if (t % 3 == 0) text += extra[rng() % 4];
    if (t % 5 == 0) text = extra[rng() % 4] + text;
    ASSERT_EQ(Scan(text, false), Scan(text, true)) << t;
    for (size_t cut = 0; cut < 3 && cut < text.size(); ++cut) {
      std::string part = text.substr(0, text.size() - cut);
      ASSERT_EQ(Scan(part, false), Scan(part, true)) << t;
    }
  }
}

TEST(TextWords, PrepareArticleMatchesThePlainForm) {
  std::mt19937 rng(6);
  for (int t = 0; t < 2000; ++t) {
    RandomArticle r = MakeArticle(&rng);
    Article a;
    a.id = "x";
    a.text = r.text;
    a.sentences = r.sentences;
    DedupInput in = PrepareArticle(a);
    EXPECT_EQ(in.signature, ComputeSignature(a.text));
    EXPECT_EQ(in.sentences, FingerprintSentences(a.text, a.sentences));
    // Past the byte budget the signature reads a prefix (plain path).
    SignatureOptions small;
    small.max_bytes = r.text.size() / 2;
    EXPECT_EQ(PrepareArticle(a, small).signature,
              ComputeSignature(a.text, small));
  }
}

TEST(SortUnique, MatchesStdSortAndUnique) {
  std::mt19937 rng(8);
  for (int t = 0; t < 3000; ++t) {
    size_t n = t < 200 ? static_cast<size_t>(t) : rng() % 3000;
    // Many repeats, few, or keys in few top-byte buckets.
    uint32_t range = t % 3 == 0 ? 50 : t % 3 == 1 ? 0xFFFFFFFFu : 0x3FFFFFFu;
    std::vector<uint32_t> v(n);
    for (auto& x : v) x = static_cast<uint32_t>(rng() % (uint64_t{range} + 1));
    std::vector<uint32_t> want = v;
    std::sort(want.begin(), want.end());
    want.erase(std::unique(want.begin(), want.end()), want.end());
    dedup_internal::SortUnique(&v);
    ASSERT_EQ(v, want) << t;
  }
}

}  // namespace
}  // namespace sitrep
