// How an event's counts are reconciled from its sources' figures
// (src/merge/event.cc): votes, word amounts, one article's own count,
// sentence sums, copies and ACLED's implied zero.
#include <gtest/gtest.h>

#include "merge/merge_test_util.h"
#include "sitrep/merge.h"

namespace sitrep {
namespace {

using namespace merge_test;  // NOLINT: the shared fixtures

TEST(Merge, SameEventFromThreeOutletsIsOneWithDisagreement) {
  auto events = MergeMentions(
      {M("a", kExpl, kBaghdad, kJan26, {Fig(Outcome::kInjured, 0)}),
       M("b", kExpl, kBaghdad, kJan26, {Fig(Outcome::kInjured, 3)}),
       M("c", kExpl, kBaghdad, kJan26, {Fig(Outcome::kInjured, 0)})},
      {});
  ASSERT_EQ(events.size(), 1u);
  const auto& c = events[0].counts[static_cast<int>(Outcome::kInjured)];
  ASSERT_TRUE(c);
  EXPECT_EQ(c->low, 0);
  EXPECT_EQ(c->high, 3);
  EXPECT_EQ(c->best, 0);  // two sources against one
  EXPECT_EQ(events[0].articles, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(events[0].disagreements.size(), 1u);
  EXPECT_NE(events[0].disagreements[0].find("injuries"), std::string::npos);
}

TEST(Merge, ImplausibleSumOfVictimGroupsIsNeverUsed) {
  struct Case {
    int64_t soldiers, civilians;
    std::optional<int64_t> best;
  };
  const Case kCases[] = {
      {600000, 600000, std::nullopt}, {3, 4, 7}, {1000000, 0, 1000000}};
  for (const Case& c : kCases) {
    auto events =
        MergeMentions({M("a", kExpl, kBaghdad, kJan26,
                         {Fig(Outcome::kKilled, c.soldiers, 0, "soldiers"),
                          Fig(Outcome::kKilled, c.civilians, 0, "civilians")})},
                      MergeOptions());
    ASSERT_EQ(events.size(), 1u);
    const auto& killed = events[0].counts[0];
    EXPECT_EQ(killed ? killed->best : std::nullopt, c.best) << c.soldiers;
  }
}

TEST(Merge, ConservativeBestIsTheLowest) {
  MergeOptions o;
  o.conservative = true;
  auto events = MergeMentions(
      {M("a", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 4)}),
       M("b", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 3)}),
       M("c", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 4)})},
      o);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].counts[0]->best, 3);
  o.conservative = false;
  events = MergeMentions(
      {M("a", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 4)}),
       M("b", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 3)}),
       M("c", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 4)})},
      o);
  EXPECT_EQ(events[0].counts[0]->best, 4);
}

// "Several were wounded" (a word amount, at least 3) is fulfilled by
// "wounding 15" from another source of the article: 15 is the best count.
TEST(Merge, StatedCountOutranksTheWordAmountItFulfils) {
  Figure several = Fig(Outcome::kInjured, 3, 1);
  several.qualifier = "vague";
  several.count = Count{3, std::nullopt, std::nullopt};
  several.attribution = "the operations command";
  Figure fifteen = Fig(Outcome::kInjured, 15, 0);
  fifteen.attribution = "an official";
  auto one =
      MergeMentions({M("a", kExpl, kBaghdad, kJan26, {fifteen, several})}, {});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].counts[1]->best, 15);
  EXPECT_EQ(one[0].counts[1]->low, 3);
  // Alone, or above every stated count, the word amount stands.
  auto alone = MergeMentions({M("a", kExpl, kBaghdad, kJan26, {several})}, {});
  EXPECT_EQ(alone[0].counts[1]->best, 3);
}

// "Two were shot dead ... another died, bringing the toll to three, medics
// said": the outlet's own words are no rival source; its largest count is
// the article's.
TEST(Merge, UnattributedCountIsNoRivalSource) {
  Figure two = Fig(Outcome::kKilled, 2, 0);
  Figure three = Fig(Outcome::kKilled, 3, 1);
  three.attribution = "medics";
  auto events =
      MergeMentions({M("a", kProt, kNasiriyah, kJan26, {two, three})}, {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].counts[0]->best, 3);
  EXPECT_EQ(events[0].counts[0]->low, 2);
  // Two named sources that disagree stay two reports (the lower wins the
  // tie of one vote each).
  Figure nine = Fig(Outcome::kKilled, 9, 2);
  nine.attribution = "police";
  Figure twenty = Fig(Outcome::kKilled, 20, 3);
  twenty.attribution = "residents";
  events =
      MergeMentions({M("a", kProt, kNasiriyah, kJan26, {nine, twenty})}, {});
  EXPECT_EQ(events[0].counts[0]->best, 9);
}

// One sentence, two counts that may be of the same people ("police said
// 14 people were killed, but officials said the toll was 18") are two
// reports, not 32 dead; other classes and the attacker add up.
TEST(Merge, OneSentenceAddsOnlyCountsOfOtherPeople) {
  auto events = MergeMentions({M("a", kExpl, kBaghdad, kJan26,
                                 {Fig(Outcome::kKilled, 14, 0, "people"),
                                  Fig(Outcome::kKilled, 18, 0)})},
                              {});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].counts[0]->low, 14);
  EXPECT_EQ(events[0].counts[0]->high, 18);
  events = MergeMentions({M("a", kExpl, kBaghdad, kJan26,
                            {Fig(Outcome::kKilled, 5, 0, "civilians"),
                             Fig(Outcome::kKilled, 2, 0, "guards")})},
                         {});
  EXPECT_EQ(events[0].counts[0]->best, 7);
  events = MergeMentions({M("a", kExpl, kBaghdad, kJan26,
                            {Fig(Outcome::kKilled, 17, 0, "people"),
                             Fig(Outcome::kKilled, 1, 0, "attackers")})},
                         {});
  EXPECT_EQ(events[0].counts[0]->best, 18);
}

TEST(Merge, SyndicatedCopyIsNotAnIndependentSource) {
  MergeOptions o;
  o.copy_of["b"] = "a";
  auto events = MergeMentions(
      {M("a", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 3)}),
       M("b", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 3)}),
       M("c", kProt, kNasiriyah, kJan26, {Fig(Outcome::kKilled, 4)})},
      o);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].n_sources, 2);
  EXPECT_EQ(events[0].articles.size(), 3u);
}

TEST(Merge, InjuredWithoutDeadImpliesZeroFatalities) {
  auto events = MergeMentions(
      {M("a", kProt, kBaghdad, kJan26, {Fig(Outcome::kInjured, 2)})}, {});
  ASSERT_TRUE(events[0].counts[0]);
  EXPECT_EQ(events[0].counts[0]->best, 0);
  EXPECT_TRUE(events[0].fatalities_implied);
}

}  // namespace
}  // namespace sitrep
