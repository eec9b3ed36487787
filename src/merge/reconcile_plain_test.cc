// ReconcileFigures against its plain form: event.cc as it was before its
// sentence and article groupings became sorted vectors (std::map and
// std::set of copied strings), on random events.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "merge/internal.h"

using std::string_view_literals::operator""sv;

namespace sitrep {
namespace plain {
namespace {

bool OpenTop(const Figure& f) {
  return !f.count.high &&
         (f.qualifier == "at least"sv || f.qualifier == "more than"sv ||
          f.qualifier == "vague"sv);
}

// One sentence's total: figures with distinct victim classes add up ("3
// soldiers and 2 civilians"; an unstated class counts as one).
struct SentenceTotal {
  int64_t value = 0;
  std::set<std::string> victims;
  const SourceFigure* example = nullptr;
  bool adds = false;  // "two more died": never the same people as before
};

// Whether one sentence's counts are of different people: other classes
// ("3 soldiers and 2 civilians"), the attacker beside those he killed, or
// the wounded who later died beside those killed outright;
// "police said 14 people ... officials said 18" may count the same.
bool Apart(const std::vector<const SourceFigure*>& group) {
  for (size_t a = 0; a < group.size(); ++a) {
    for (size_t b = 0; b < a; ++b) {
      const Figure& x = group[a]->figure;
      const Figure& y = group[b]->figure;
      bool attacker =
          (x.victims == "attackers"sv) != (y.victims == "attackers"sv);
      // "killed a farmer and wounded his son, who later died": two dead.
      bool later =
          (x.qualifier == "later died"sv) != (y.qualifier == "later died"sv);
      if (!attacker && !later && MaySameVictims(x.victims, y.victims)) {
        return false;
      }
    }
  }
  return true;
}

std::vector<SentenceTotal> SentenceTotals(
    const std::vector<const SourceFigure*>& figs) {
  std::map<int, std::vector<const SourceFigure*>> by_sentence;
  for (const auto* f : figs) by_sentence[f->figure.sentence].push_back(f);
  std::vector<SentenceTotal> out;
  for (auto& [s, group] : by_sentence) {
    bool adds = !out.empty();
    for (const auto* f : group) adds &= f->figure.adds;
    if (adds) {
      SentenceTotal t{0, {}, group.front(), true};
      for (const auto* f : group) t.value += f->figure.count.value();
      out.push_back(std::move(t));
      continue;
    }
    // "3 soldiers and 2 civilians" add up, and so does the suicide attacker
    // with those he killed; "police said 14 people ... officials said 18"
    // are two counts that may be of the same people.
    std::set<std::string> victims;
    for (const auto* f : group) victims.insert(f->figure.victims);
    if (group.size() > 1 && victims.size() == group.size() && Apart(group)) {
      SentenceTotal t{0, victims, group.front()};
      for (const auto* f : group) t.value += f->figure.count.value();
      out.push_back(std::move(t));
    } else {
      for (const auto* f : group) {
        out.push_back({f->figure.count.value(), {f->figure.victims}, f});
      }
    }
  }
  return out;
}

bool Overlap(const SentenceTotal& a, const SentenceTotal& b) {
  if (a.adds || b.adds) return false;
  for (const auto& x : a.victims) {
    for (const auto& y : b.victims) {
      if (MaySameVictims(x, y)) return true;
    }
  }
  return false;
}

// One article's values for one outcome. Sentences counting the same people
// are alternative reports; sentences counting other people ("13 soldiers
// ... six insurgents were also killed") add up: the values are the sums of
// each group's lowest and highest report.
std::vector<std::pair<int64_t, const SourceFigure*>> ArticleValues(
    const std::vector<const SourceFigure*>& figs) {
  std::vector<SentenceTotal> totals = SentenceTotals(figs);
  std::vector<int> group(totals.size());
  for (size_t i = 0; i < totals.size(); ++i) {
    group[i] = static_cast<int>(i);
    for (size_t j = 0; j < i; ++j) {
      if (Overlap(totals[i], totals[j])) {
        int from = group[i], to = group[j];
        for (auto& g : group) g = g == from ? to : g;
      }
    }
  }
  std::map<int, std::pair<int64_t, int64_t>> range;  // group -> lo, hi
  for (size_t i = 0; i < totals.size(); ++i) {
    auto [it, fresh] =
        range.try_emplace(group[i], totals[i].value, totals[i].value);
    it->second.first = std::min(it->second.first, totals[i].value);
    it->second.second = std::max(it->second.second, totals[i].value);
  }
  std::vector<std::pair<int64_t, const SourceFigure*>> out;
  if (range.size() == 1) {
    for (const auto& t : totals) out.emplace_back(t.value, t.example);
    return out;
  }
  int64_t lo = 0, hi = 0;
  for (const auto& [g, r] : range) {
    lo += r.first;
    hi += r.second;
  }
  out.emplace_back(lo, totals.front().example);
  if (hi != lo) out.emplace_back(hi, totals.front().example);
  return out;
}

std::string Describe(int64_t v, const SourceFigure& f) {
  std::string s = std::to_string(v) + " (" + f.article_id;
  if (!f.figure.attribution.empty()) s += ": " + f.figure.attribution;
  return s + ")";
}

// "Several people were wounded" beside "wounding 15": a word amount is a
// lower bound that a stated count at or above it fulfils, not a rival
// report, so it does not compete for the best value.
void DropFulfilledVague(const std::set<int64_t>& stated,
                        std::map<int64_t, int>* votes) {
  if (stated.empty()) return;
  int64_t top = *stated.rbegin();
  std::erase_if(*votes, [&](const auto& kv) {
    return !stated.count(kv.first) && kv.first <= top;
  });
}

void ReconcileOutcome(Event* e, int o, const MergeOptions& opt) {
  const auto& figs = e->figures[o];
  if (figs.empty()) return;
  std::map<std::string, std::vector<const SourceFigure*>> by_article;
  for (const auto& f : figs) by_article[f.article_id].push_back(&f);
  std::map<int64_t, int> votes;
  std::map<int64_t, CivilDay> latest;
  std::map<int64_t, const SourceFigure*> example;
  std::set<int64_t> stated;  // values some non-vague figure gives
  bool open_top_at_max = false;
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (auto& [article, list] : by_article) {
    std::set<int64_t> seen;
    auto values = ArticleValues(list);
    // An article's own count is its largest: the others are parts of it
    // ("Four officers were killed ... Three died at the scene"). Unless
    // it quotes sources that disagree ("residents said 20 ... police said
    // nine"): then each is a report of its own.
    // (The outlet's own, unattributed words are no rival source: "Two were
    // shot dead ... bringing the toll to three, medics said".)
    std::set<std::string> sources;
    for (const auto* f : list) {
      if (!f->figure.attribution.empty()) sources.insert(f->figure.attribution);
    }
    int64_t own = INT64_MIN;
    for (auto& [v, f] : values) own = std::max(own, v);
    for (auto& [v, f] : values) {
      // Each figure is plausible, their sum over victim groups may not be:
      // like an implausible figure, it is never used.
      if (v > kImplausibleCount) continue;
      lo = std::min(lo, v);
      if (v > hi) open_top_at_max = false;
      hi = std::max(hi, v);
      if (v == hi && OpenTop(f->figure)) open_top_at_max = true;
      example.emplace(v, f);
      if (f->figure.qualifier != "vague"sv) stated.insert(v);
      if ((sources.size() <= 1 && v != own) || !seen.insert(v).second) {
        continue;
      }
      votes[v] += f->independent ? 1 : 0;
      auto pub = opt.published.find(article);
      if (pub != opt.published.end() &&
          (!latest.count(v) || latest[v].ToDays() < pub->second.ToDays())) {
        latest[v] = pub->second;
      }
    }
  }
  if (lo == INT64_MAX) return;  // only implausible sums
  DropFulfilledVague(stated, &votes);
  int64_t best = lo;
  if (!opt.conservative) {
    int top = -1;
    for (auto& [v, n] : votes) {
      int64_t day = latest.count(v) ? latest[v].ToDays() : INT64_MIN;
      int64_t best_day = latest.count(best) ? latest[best].ToDays() : INT64_MIN;
      if (n > top || (n == top && day > best_day)) {
        top = n;
        best = v;
      }
    }
  }
  Count c;
  c.low = lo;
  c.best = best;
  if (!open_top_at_max) c.high = hi;
  e->counts[o] = c;
  if (example.size() > 1) {
    std::string d = std::string(OutcomeName(static_cast<Outcome>(o))) + ": ";
    bool first = true;
    for (auto& [v, f] : example) {
      d += (first ? "" : " vs ") + Describe(v, *f);
      first = false;
    }
    e->disagreements.push_back(std::move(d));
  }
}

void PlainReconcileFigures(Event* e, const MergeOptions& opt) {
  e->disagreements.clear();
  for (int o = 0; o < kNumOutcomes; ++o) {
    e->counts[o].reset();
    ReconcileOutcome(e, o, opt);
  }
  // ACLED's convention: an attack reported with wounded and no dead has 0
  // fatalities (marked as implied, since no source states the zero).
  const auto& injured = e->counts[static_cast<int>(Outcome::kInjured)];
  auto& killed = e->counts[static_cast<int>(Outcome::kKilled)];
  e->fatalities_implied = false;
  if (e->kind == MentionKind::kIncident && !killed && injured &&
      injured->best.value_or(0) > 0) {
    killed = Count{0, 0, 0};
    e->fatalities_implied = true;
  }
  std::set<std::string> independent;
  for (const auto& a : e->articles) {
    if (!opt.copy_of.count(a)) independent.insert(a);
  }
  e->n_sources = static_cast<int>(std::max<size_t>(independent.size(), 1));
}

}  // namespace
}  // namespace plain

namespace {

Figure RandomFigure(std::mt19937& rng) {
  static const char* kVictims[] = {
      "",          "people", "soldiers",        "civilians",
      "attackers", "police", "wounded who died"};
  static const char* kQualifiers[] = {"",      "at least",   "more than",
                                      "vague", "later died", "single"};
  static const char* kAttributions[] = {"", "", "police", "medics", "AFP"};
  Figure f;
  f.outcome = static_cast<Outcome>(rng() % kNumOutcomes);
  int64_t v = rng() % 4 == 0 ? 0 : static_cast<int64_t>(rng() % 30);
  if (rng() % 50 == 0) v = kImplausibleCount / 2 + 1;
  f.count.low = v;
  f.count.best = v;
  if (rng() % 3) f.count.high = v + static_cast<int64_t>(rng() % 3);
  f.victims = kVictims[rng() % std::size(kVictims)];
  f.qualifier = kQualifiers[rng() % std::size(kQualifiers)];
  f.attribution = kAttributions[rng() % std::size(kAttributions)];
  f.sentence = static_cast<int>(rng() % 5);
  f.adds = rng() % 6 == 0;
  return f;
}

Event RandomEvent(std::mt19937& rng, int most) {
  static const char* kArticles[] = {"a", "b", "c-long-article-id-0001", "d"};
  Event e;
  e.kind = static_cast<MentionKind>(rng() % 3);
  for (int k = static_cast<int>(rng() % most); k > 0; --k) {
    SourceFigure s;
    s.article_id = kArticles[rng() % std::size(kArticles)];
    s.figure = RandomFigure(rng);
    s.independent = rng() % 5 != 0;
    e.figures[static_cast<int>(s.figure.outcome)].push_back(s);
    if (std::find(e.articles.begin(), e.articles.end(), s.article_id) ==
        e.articles.end()) {
      e.articles.push_back(s.article_id);
    }
  }
  return e;
}

TEST(ReconcileFigures, MatchesThePlainForm) {
  std::mt19937 rng(31);
  for (int n = 0; n < 20000; ++n) {
    // (Some with over 32 figures of one outcome: the sorts' other path.)
    Event e = RandomEvent(rng, n % 10 == 0 ? 200 : 12);
    // Articles sorted and unique (as MakeEvent lists them: counted in
    // place), in first-seen order, or with a repeat (through a set).
    if (n % 3 == 0) std::sort(e.articles.begin(), e.articles.end());
    if (n % 7 == 0 && !e.articles.empty()) {
      e.articles.push_back(e.articles.front());
    }
    MergeOptions opt;
    opt.conservative = rng() % 4 == 0;
    if (rng() % 2) opt.published["a"] = CivilDay{2020, 1, 5};
    if (rng() % 2) opt.published["b"] = CivilDay{2020, 1, 7};
    if (rng() % 3 == 0) opt.copy_of["d"] = "a";
    Event want = e;
    plain::PlainReconcileFigures(&want, opt);
    ReconcileFigures(&e, opt);
    for (int o = 0; o < kNumOutcomes; ++o) {
      ASSERT_EQ(e.counts[o].has_value(), want.counts[o].has_value());
      if (!want.counts[o]) continue;
      EXPECT_EQ(e.counts[o]->low, want.counts[o]->low);
      EXPECT_EQ(e.counts[o]->best, want.counts[o]->best);
      ASSERT_EQ(e.counts[o]->high, want.counts[o]->high);
    }
    ASSERT_EQ(e.disagreements, want.disagreements);
    ASSERT_EQ(e.fatalities_implied, want.fatalities_implied);
    ASSERT_EQ(e.n_sources, want.n_sources);
  }
}

}  // namespace
}  // namespace sitrep
