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

using merge_test::Fig;
using merge_test::kBaghdad;
using merge_test::kExpl;
using merge_test::kJan26;
using merge_test::kNajaf;
using merge_test::kProt;
using merge_test::M;

Location In(Location l, const char* country) {
  l.country = country;
  return l;
}

// Events by id, as the comparison needs them.
std::map<std::string, Event> ById(std::vector<Event> events) {
  std::map<std::string, Event> out;
  for (Event& e : events) out.emplace(e.id, std::move(e));
  return out;
}

// Random mentions over four scopes ("" = no place), aggregates naming
// sentences of their article that other scopes' mentions may tell.
std::vector<Mention> RandomMentions(std::mt19937& rng) {
  const Location places[] = {kBaghdad, In(kNajaf, "SO"), In(kBaghdad, "NG")};
  const char* ids[] = {"a", "b", "c", "d", "e"};
  std::vector<Mention> ms;
  for (int i = 0; i < 30; ++i) {
    CivilDay day =
        rng() % 5 ? CivilDay{2020, 1, 24 + int(rng() % 4)} : CivilDay{};
    Mention m =
        M(ids[rng() % 5], rng() % 2 ? kExpl : kProt, places[rng() % 3], day,
          {Fig(Outcome::kKilled, 1 + rng() % 4)}, static_cast<int>(rng() % 5));
    if (rng() % 5 == 0) m.location.reset();
    m.raw_spans = {Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i)}};
    m.weak = rng() % 6 == 0;
    if (rng() % 4 == 0) {
      m.kind = MentionKind::kAggregate;
      m.parts = {static_cast<int>(rng() % 5), static_cast<int>(rng() % 5)};
    }
    ms.push_back(std::move(m));
  }
  return ms;
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
    std::vector<Mention> ms = RandomMentions(rng);
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
  Mention other = M("a", kExpl, In(kNajaf, "SO"), kJan26, {}, 4);
  Mention total = M("a", kExpl, In(kNajaf, "NG"), kJan26, {}, 1);
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
