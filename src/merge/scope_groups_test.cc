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

// MergeScopeStreaming over each scope alone, scopes in `order`, with
// the aggregates' parts resolved across scopes.
std::vector<Event> MergeEachScope(const std::vector<Mention>& ms,
                                  const std::vector<std::string>& order,
                                  size_t* held) {
  CrossScopeParts cross;
  std::map<std::string, std::vector<Mention>> by_article;
  for (const Mention& m : ms) by_article[m.article_id].push_back(m);
  for (const auto& [id, article] : by_article) cross.AddArticle(article);
  std::vector<Event> out;
  auto keep = [&](Event&& e) {
    out.push_back(std::move(e));
    return Status::OK();
  };
  for (const std::string& scope : order) {
    std::vector<Mention> in;
    for (const Mention& m : ms) {
      if (m.Scope() == scope) in.push_back(m);
    }
    EXPECT_TRUE(MergeScopeStreaming(in, {}, &cross, keep).ok());
  }
  *held = cross.held();
  EXPECT_TRUE(cross.Finish(keep).ok());
  return out;
}

// Every field MergeMentions sets that scope-by-scope merging could change.
bool EqualEvents(const std::vector<Event>& got,
                 const std::vector<Event>& want) {
  if (!SameEvents(got, want)) return false;
  std::map<std::string, Event> a = ById(got);
  for (const Event& e : want) {
    const Event& g = a.at(e.id);
    if (g.kind != e.kind || g.date != e.date || g.n_sources != e.n_sources ||
        g.event_type != e.event_type || g.date_rule != e.date_rule ||
        g.disagreements != e.disagreements) {
      return false;
    }
    for (size_t i = 0; i < g.mentions.size(); ++i) {
      const Mention &x = g.mentions[i], &y = e.mentions[i];
      if (x.article_id != y.article_id || x.sentences != y.sentences ||
          x.raw_spans != y.raw_spans) {
        return false;
      }
    }
  }
  return true;
}

TEST(CrossScopeParts, MergingEachScopeAloneEqualsMergeMentions) {
  std::mt19937 rng(67);
  size_t held = 0, rounds_held = 0;
  for (int round = 0; round < 150; ++round) {
    std::vector<Mention> ms = merge_test::RandomScopedMentions(rng);
    std::vector<Event> want = MergeMentions(ms, {});
    std::vector<std::string> order;
    for (const Mention& m : ms) {
      if (!std::count(order.begin(), order.end(), m.Scope())) {
        order.push_back(m.Scope());
      }
    }
    std::shuffle(ms.begin(), ms.end(), rng);
    EXPECT_TRUE(EqualEvents(MergeEachScope(ms, order, &held), want)) << round;
    rounds_held += held > 0;
    std::reverse(order.begin(), order.end());
    EXPECT_TRUE(EqualEvents(MergeEachScope(ms, order, &held), want)) << round;
  }
  EXPECT_GT(rounds_held, 20u);  // the mechanism is exercised
}

// A sentence told in two scopes is owned by the event MergeMentions makes
// last: the one whose first mention comes later (here the later day).
TEST(CrossScopeParts, TheLastEventAcrossScopesOwnsAPart) {
  Mention early = M("a", kExpl, kBaghdad, kJan26, {}, 3);
  Mention late = M("a", kExpl, InCountry(kNajaf, "SO"), {2020, 1, 28}, {}, 3);
  late.raw_spans = {Span{40, 50}};
  Mention total = M("a", kExpl, InCountry(kNajaf, "NG"), kJan26, {}, 1);
  total.kind = MentionKind::kAggregate;
  total.parts = {3};
  const std::vector<Mention> ms{early, late, total};
  std::vector<Event> want = MergeMentions(ms, {});
  for (const auto& order : {std::vector<std::string>{"IQ", "NG", "SO"},
                            std::vector<std::string>{"SO", "NG", "IQ"}}) {
    size_t held = 0;
    std::vector<Event> got = MergeEachScope(ms, order, &held);
    EXPECT_EQ(held, 1u);
    EXPECT_TRUE(EqualEvents(got, want));
  }
  std::map<std::string, Event> by_id = ById(want);
  const Event* agg = nullptr;
  for (const auto& [id, e] : by_id) {
    if (e.kind == MentionKind::kAggregate) agg = &e;
  }
  ASSERT_NE(agg, nullptr);
  ASSERT_EQ(agg->parts.size(), 1u);
  EXPECT_EQ(by_id.at(agg->parts[0]).location->country, "SO");
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
