// ScopeGroups: merging each group of scopes apart gives the events of
// MergeMentions over every mention (aggregates' parts across scopes
// included).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "merge/merge_test_util.h"
#include "sitrep/merge.h"

namespace sitrep {
namespace {

using merge_test::InCountry;
using merge_test::kBaghdad;
using merge_test::kExpl;
using merge_test::kJan26;
using merge_test::kNajaf;
using merge_test::M;

// Events by id, as the comparison needs them.
std::map<std::string, Event> ById(std::vector<Event> events) {
  std::map<std::string, Event> out;
  for (Event& e : events) out.emplace(e.id, std::move(e));
  return out;
}

// MergeMentions over each group's mentions, one group at a time.
std::vector<Event> MergeByGroup(
    const std::vector<Mention>& ms,
    const std::vector<std::vector<std::string>>& groups) {
  std::vector<Event> out;
  for (const std::vector<std::string>& group : groups) {
    std::vector<Mention> in;
    for (const Mention& m : ms) {
      if (std::count(group.begin(), group.end(), m.Scope())) in.push_back(m);
    }
    EXPECT_TRUE(MergeMentionsStreaming(in, {}, [&](Event&& e) {
                  out.push_back(std::move(e));
                  return Status::OK();
                }).ok());
  }
  return out;
}

bool SameEvents(const std::vector<Event>& got, const std::vector<Event>& want) {
  std::map<std::string, Event> a = ById(got), b = ById(want);
  if (a.size() != b.size() || got.size() != want.size()) return false;
  for (const auto& [id, e] : b) {
    auto it = a.find(id);
    if (it == a.end() || it->second.parts != e.parts ||
        it->second.articles != e.articles ||
        it->second.mentions.size() != e.mentions.size() ||
        it->second.notes != e.notes) {
      return false;
    }
  }
  return true;
}

TEST(ScopeGroups, MergingGroupsApartEqualsMergeMentions) {
  std::mt19937 rng(61);
  int linked = 0, apart_differs = 0;
  for (int round = 0; round < 60; ++round) {
    std::vector<Mention> ms = merge_test::RandomScopedMentions(rng);
    std::map<std::string, std::vector<Mention>> by_article;
    for (const Mention& m : ms) by_article[m.article_id].push_back(m);
    ScopeGroups groups, alone;
    for (const auto& [id, article] : by_article) groups.LinkArticle(article);
    for (const Mention& m : ms) alone.Add(m.Scope());
    std::vector<Event> want = MergeMentions(ms, {});
    EXPECT_TRUE(SameEvents(MergeByGroup(ms, groups.Groups()), want)) << round;
    linked += groups.Groups().size() < alone.Groups().size();
    apart_differs += !SameEvents(MergeByGroup(ms, alone.Groups()), want);
  }
  EXPECT_GT(linked, 0);
  EXPECT_GT(apart_differs, 0);  // the links are needed
}

TEST(ScopeGroups, LinksAnAggregateWithItsPartsScopes) {
  Mention part = M("a", kExpl, kBaghdad, kJan26, {}, 3);
  Mention other = M("a", kExpl, InCountry(kNajaf, "SO"), kJan26, {}, 4);
  Mention total = M("a", kExpl, InCountry(kNajaf, "NG"), kJan26, {}, 1);
  total.kind = MentionKind::kAggregate;
  total.parts = {3};
  ScopeGroups g;
  g.Add("YE");
  g.LinkArticle(std::vector<Mention>{part, other, total});
  using Groups = std::vector<std::vector<std::string>>;
  EXPECT_EQ(g.Groups(), (Groups{{"IQ", "NG"}, {"SO"}, {"YE"}}));
}

}  // namespace
}  // namespace sitrep
