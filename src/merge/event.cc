// Building an event from its mentions, and reconciling sources' figures.
#include <algorithm>
#include <map>
#include <set>

#include "merge/internal.h"

namespace sitrep {
namespace {

bool OpenTop(const Figure& f) {
  return !f.count.high &&
         (f.qualifier == "at least" || f.qualifier == "more than" ||
          f.qualifier == "vague");
}

// One article's values for one outcome: figures of one sentence with
// distinct victim classes add up ("3 soldiers and 2 civilians"), and so does
// a later sentence's figure that says it adds ("two more died"); other
// figures are alternative reports.
std::vector<std::pair<int64_t, const SourceFigure*>> ArticleValues(
    const std::vector<const SourceFigure*>& figs) {
  std::map<int, std::vector<const SourceFigure*>> by_sentence;
  for (const auto* f : figs) by_sentence[f->figure.sentence].push_back(f);
  std::vector<std::pair<int64_t, const SourceFigure*>> out;
  for (auto& [s, group] : by_sentence) {
    bool adds = !out.empty();
    for (const auto* f : group) adds &= f->figure.adds;
    if (adds) {
      int64_t more = 0;
      for (const auto* f : group) more += f->figure.count.value();
      out.back().first += more;
      continue;
    }
    std::set<std::string> victims;
    for (const auto* f : group) victims.insert(f->figure.victims);
    // Distinct victim classes add up (an unstated class counts as one).
    bool sum = group.size() > 1 && victims.size() == group.size();
    if (sum) {
      int64_t total = 0;
      for (const auto* f : group) total += f->figure.count.value();
      out.emplace_back(total, group.front());
    } else {
      for (const auto* f : group) out.emplace_back(f->figure.count.value(), f);
    }
  }
  return out;
}

std::string Describe(int64_t v, const SourceFigure& f) {
  std::string s = std::to_string(v) + " (" + f.article_id;
  if (!f.figure.attribution.empty()) s += ": " + f.figure.attribution;
  return s + ")";
}

void ReconcileOutcome(Event* e, int o, const MergeOptions& opt) {
  const auto& figs = e->figures[o];
  if (figs.empty()) return;
  std::map<std::string, std::vector<const SourceFigure*>> by_article;
  for (const auto& f : figs) by_article[f.article_id].push_back(&f);
  std::map<int64_t, int> votes;
  std::map<int64_t, CivilDay> latest;
  std::map<int64_t, const SourceFigure*> example;
  bool open_top_at_max = false;
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (auto& [article, list] : by_article) {
    std::set<int64_t> seen;
    auto values = ArticleValues(list);
    // An article's own count is its largest: the others are parts of it
    // ("Four officers were killed ... Three died at the scene").
    int64_t own = INT64_MIN;
    for (auto& [v, f] : values) own = std::max(own, v);
    for (auto& [v, f] : values) {
      lo = std::min(lo, v);
      if (v > hi) open_top_at_max = false;
      hi = std::max(hi, v);
      if (v == hi && OpenTop(f->figure)) open_top_at_max = true;
      example.emplace(v, f);
      if (v != own || !seen.insert(v).second) continue;
      votes[v] += f->independent ? 1 : 0;
      auto pub = opt.published.find(article);
      if (pub != opt.published.end() &&
          (!latest.count(v) || latest[v].ToDays() < pub->second.ToDays())) {
        latest[v] = pub->second;
      }
    }
  }
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
  std::set<std::string> independent;
  for (const auto& a : e->articles) {
    if (!opt.copy_of.count(a)) independent.insert(a);
  }
  e->n_sources = static_cast<int>(std::max<size_t>(independent.size(), 1));
}

}  // namespace sitrep
