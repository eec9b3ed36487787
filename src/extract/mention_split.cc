// One sentence, several incidents: counts told each at its own place ("Four
// protesters were killed in Baghdad and two in Nasiriyah"). Internal to the
// extract stage (see mention_builder.h).
#include <algorithm>

#include "extract/mention_builder.h"
#include "extract/mention_util.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep {

using namespace mention_util;  // NOLINT: this stage's own helpers

namespace {

bool IsDigitWord(const std::string& w) {
  return !w.empty() && w[0] >= '0' && w[0] <= '9';
}

// One incident of a split sentence: the candidate with only `figures`.
Candidate SplitPart(const Candidate& c, std::vector<Figure> figures) {
  Candidate part = c;
  part.facts.figures = std::move(figures);
  part.split = true;
  return part;
}

}  // namespace

// The place a figure is told at: "in|at|near <place>" within a few words
// after its count, before any punctuation, "and" or other count.
std::optional<Location> MentionBuilder::PlaceOfFigure(const SentenceFacts& f,
                                                      const Figure& g) const {
  constexpr uint32_t kReach = 6;
  uint32_t first = f.TokAt(g.span.end);
  for (uint32_t t = first; t + 1 < f.toks.size() && t < first + kReach; ++t) {
    const Tok& tok = f.toks[t];
    if (tok.punct || tok.norm == "and"sv) return std::nullopt;
    if (tok.norm != "in"sv && tok.norm != "at"sv && tok.norm != "near"sv)
      continue;
    // "in Najaf", "in the capital Baghdad", "in the southern city of Kut".
    uint32_t at = t + 1;
    while (at < f.toks.size() && at < t + 6 && !f.toks[at].cap &&
           !f.toks[at].punct && !IsDigitWord(f.toks[at].norm)) {
      ++at;
    }
    if (at >= f.toks.size()) return std::nullopt;
    for (const PlaceMention& pm : f.places) {
      if (pm.span.begin != f.toks[at].span.begin || pm.demonym || pm.away) {
        continue;
      }
      const Place* p = ResolveBest(pm, ctx_);
      if (!p ||
          (p->kind != PlaceKind::kCity && p->kind != PlaceKind::kLandmark &&
           p->kind != PlaceKind::kAdmin2)) {
        return std::nullopt;
      }
      return ToLocation(*p, pm.span);
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::vector<Candidate> MentionBuilder::SplitByFigurePlaces(
    const Candidate& c) const {
  if (c.kind == MentionKind::kTally || c.facts.figures.size() < 2) return {};
  std::vector<std::pair<Location, std::vector<Figure>>> groups;
  std::vector<Figure> rest;
  for (const Figure& g : c.facts.figures) {
    std::optional<Location> at = PlaceOfFigure(c.facts, g);
    if (!at) {
      rest.push_back(g);
      continue;
    }
    auto same = [&](const auto& grp) {
      return grp.first.geonameid == at->geonameid && grp.first.name == at->name;
    };
    auto it = std::find_if(groups.begin(), groups.end(), same);
    if (it == groups.end()) {
      groups.push_back({*at, {g}});
    } else {
      it->second.push_back(g);
    }
  }
  if (groups.size() < 2) return {};
  std::vector<Candidate> out;
  for (auto& [where, figures] : groups) {
    Candidate part = SplitPart(c, std::move(figures));
    part.place = where;
    part.place_inherited = false;
    part.place_from_dateline = false;
    if (part.kind == MentionKind::kAggregate)
      part.kind = MentionKind::kIncident;
    out.push_back(std::move(part));
  }
  // "... for a total of six deaths": what no place claims stays together.
  if (!rest.empty()) {
    out.push_back(SplitPart(c, std::move(rest)));
  }
  return out;
}

// "37 civilians were killed in raids on Thursday night, and another 15 in
// strikes on Wednesday", "police arrested 17 Saturday night and 14 others
// on Sunday night": counts each told with a day of their own (the first
// event day after the count, before the next count) are incidents of
// their own days. Counts with no day of their own stay with the first.
std::vector<Candidate> MentionBuilder::SplitByFigureDays(const Candidate& c,
                                                         size_t i) const {
  const std::vector<Figure>& figs = c.facts.figures;
  if (c.kind != MentionKind::kIncident || figs.size() < 2) return {};
  std::vector<std::pair<DateMention, std::vector<Figure>>> groups;
  for (size_t k = 0; k < figs.size(); ++k) {
    uint32_t until =
        k + 1 < figs.size() ? figs[k + 1].span.begin : c.facts.span.end;
    std::optional<DateMention> day;
    for (const DateMention& d : c.facts.dates) {
      if (d.span.begin < figs[k].span.end || d.span.begin >= until) continue;
      if (ReportDate(c.facts, d) || !EventDay(d)) continue;
      day = SettleNumeric(d, sentence_named_weekdays_[i], month_first_,
                          article_.published);
      break;
    }
    auto same = [&](const auto& g) { return day && g.first.day == day->day; };
    auto it = std::find_if(groups.begin(), groups.end(), same);
    if (it != groups.end()) {
      it->second.push_back(figs[k]);
    } else if (day && day->day.valid()) {
      groups.push_back({*day, {figs[k]}});
    } else if (!groups.empty()) {
      groups.back().second.push_back(figs[k]);
    } else {
      return {};  // a count before any dated one: told over the sentence
    }
  }
  if (groups.size() < 2) return {};
  std::vector<Candidate> out;
  for (auto& [day, figures] : groups) {
    Candidate part = SplitPart(c, std::move(figures));
    part.date = day;
    part.date_inherited = false;
    for (Figure& g : part.facts.figures) g.adds = false;
    out.push_back(std::move(part));
  }
  return out;
}

}  // namespace sitrep
