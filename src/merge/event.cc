// Building an event from its mentions, and reconciling sources' figures.
#include <algorithm>
#include <map>
#include <set>
#include <span>

#include "merge/internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep {
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
  std::vector<const std::string*> victims;  // the figures' own, distinct
  const SourceFigure* example = nullptr;
  bool adds = false;  // "two more died": never the same people as before
};

// Whether one sentence's counts are of different people: other classes
// ("3 soldiers and 2 civilians"), the attacker beside those he killed, or
// the wounded who later died beside those killed outright;
// "police said 14 people ... officials said 18" may count the same.
bool Apart(std::span<const SourceFigure* const> group) {
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

// `figs` in runs of equal key(f), runs in ascending key, each in its
// original order (as a std::map of vectors, without one).
template <typename Key>
std::vector<const SourceFigure*> GroupedBy(
    const std::vector<const SourceFigure*>& figs, Key key) {
  std::vector<const SourceFigure*> out = figs;
  auto less = [&](const SourceFigure* a, const SourceFigure* b) {
    return key(a) < key(b);
  };
  if (out.size() > 32) {
    std::stable_sort(out.begin(), out.end(), less);
    return out;
  }
  // A few figures: a stable insertion sort (std::stable_sort allocates).
  for (size_t i = 1; i < out.size(); ++i) {
    const SourceFigure* f = out[i];
    size_t j = i;
    for (; j > 0 && less(f, out[j - 1]); --j) out[j] = out[j - 1];
    out[j] = f;
  }
  return out;
}

// Calls fn(run) for each run of equal key(f) in `sorted`.
template <typename Key, typename Fn>
void ForEachRun(const std::vector<const SourceFigure*>& sorted, Key key,
                Fn fn) {
  for (size_t b = 0, e = 0; b < sorted.size(); b = e) {
    for (e = b + 1; e < sorted.size() && key(sorted[e]) == key(sorted[b]);) {
      ++e;
    }
    fn(std::span<const SourceFigure* const>(sorted.data() + b, e - b));
  }
}

std::vector<SentenceTotal> SentenceTotals(
    const std::vector<const SourceFigure*>& figs) {
  auto sentence = [](const SourceFigure* f) { return f->figure.sentence; };
  std::vector<SentenceTotal> out;
  ForEachRun(GroupedBy(figs, sentence), sentence, [&](auto group) {
    bool adds = !out.empty();
    for (const auto* f : group) adds &= f->figure.adds;
    if (adds) {
      SentenceTotal t{0, {}, group.front(), true};
      for (const auto* f : group) t.value += f->figure.count.value();
      out.push_back(std::move(t));
      return;
    }
    // "3 soldiers and 2 civilians" add up, and so does the suicide attacker
    // with those he killed; "police said 14 people ... officials said 18"
    // are two counts that may be of the same people.
    std::vector<const std::string*> victims;
    for (const auto* f : group) victims.push_back(&f->figure.victims);
    std::sort(victims.begin(), victims.end(),
              [](auto* a, auto* b) { return *a < *b; });
    victims.erase(std::unique(victims.begin(), victims.end(),
                              [](auto* a, auto* b) { return *a == *b; }),
                  victims.end());
    if (group.size() > 1 && victims.size() == group.size() && Apart(group)) {
      SentenceTotal t{0, std::move(victims), group.front()};
      for (const auto* f : group) t.value += f->figure.count.value();
      out.push_back(std::move(t));
    } else {
      for (const auto* f : group) {
        out.push_back({f->figure.count.value(), {&f->figure.victims}, f});
      }
    }
  });
  return out;
}

bool Overlap(const SentenceTotal& a, const SentenceTotal& b) {
  if (a.adds || b.adds) return false;
  for (const std::string* x : a.victims) {
    for (const std::string* y : b.victims) {
      if (MaySameVictims(*x, *y)) return true;
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

// ReconcileOutcome of one figure (most outcomes of most events): its one
// value is low and best, and high unless its top is open; none when it is
// implausible. What the general path below gives, without its containers.
void ReconcileSingle(const SourceFigure& f, std::optional<Count>* out) {
  const int64_t v = f.figure.count.value();
  if (v > kImplausibleCount) return;
  Count c;
  c.low = v;
  c.best = v;
  if (!OpenTop(f.figure)) c.high = v;
  *out = c;
}

void ReconcileOutcome(Event* e, int o, const MergeOptions& opt) {
  const auto& figs = e->figures[o];
  if (figs.empty()) return;
  if (figs.size() == 1) return ReconcileSingle(figs.front(), &e->counts[o]);
  std::vector<const SourceFigure*> all;
  all.reserve(figs.size());
  for (const auto& f : figs) all.push_back(&f);
  auto article_of = [](const SourceFigure* f) -> const std::string& {
    return f->article_id;
  };
  std::map<int64_t, int> votes;
  std::map<int64_t, CivilDay> latest;
  std::map<int64_t, const SourceFigure*> example;
  std::set<int64_t> stated;  // values some non-vague figure gives
  bool open_top_at_max = false;
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  ForEachRun(GroupedBy(all, article_of), article_of, [&](auto run) {
    const std::string& article = run.front()->article_id;
    std::vector<const SourceFigure*> list(run.begin(), run.end());
    std::vector<int64_t> seen;  // values this article voted for
    auto values = ArticleValues(list);
    // An article's own count is its largest: the others are parts of it
    // ("Four officers were killed ... Three died at the scene"). Unless
    // it quotes sources that disagree ("residents said 20 ... police said
    // nine"): then each is a report of its own.
    // (The outlet's own, unattributed words are no rival source: "Two were
    // shot dead ... bringing the toll to three, medics said".)
    const std::string* source = nullptr;  // the first attribution
    bool rival_sources = false;           // and another one
    for (const auto* f : list) {
      const std::string& a = f->figure.attribution;
      if (a.empty()) continue;
      if (!source) source = &a;
      rival_sources |= a != *source;
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
      if ((!rival_sources && v != own) ||
          std::find(seen.begin(), seen.end(), v) != seen.end()) {
        continue;
      }
      seen.push_back(v);
      votes[v] += f->independent ? 1 : 0;
      auto pub = opt.published.find(article);
      if (pub != opt.published.end() &&
          (!latest.count(v) || latest[v].ToDays() < pub->second.ToDays())) {
        latest[v] = pub->second;
      }
    }
  });
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

// How many distinct articles of `e` copy no other. MakeEvent lists them
// sorted and unique: counted in place; any other list through a set.
size_t Independent(const Event& e, const MergeOptions& opt) {
  const auto& as = e.articles;
  if (std::adjacent_find(
          as.begin(), as.end(),
          [](const auto& a, const auto& b) { return !(a < b); }) == as.end()) {
    return static_cast<size_t>(
        std::count_if(as.begin(), as.end(),
                      [&](const auto& a) { return !opt.copy_of.count(a); }));
  }
  std::set<std::string> independent;
  for (const auto& a : as) {
    if (!opt.copy_of.count(a)) independent.insert(a);
  }
  return independent.size();
}

}  // namespace

void ReconcileFigures(Event* e, const MergeOptions& opt) {
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
  e->n_sources = static_cast<int>(std::max<size_t>(Independent(*e, opt), 1));
}

}  // namespace sitrep
