// One sentence, several incidents: counts told each at its own place ("Four
// protesters were killed in Baghdad and two in Nasiriyah"). Internal to the
// extract stage (see mention_builder.h).
#include <algorithm>

#include "extract/mention_builder.h"

namespace sitrep {
namespace {

bool IsDigitWord(const std::string& w) {
  return !w.empty() && w[0] >= '0' && w[0] <= '9';
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
    if (tok.punct || tok.norm == "and") return std::nullopt;
    if (tok.norm != "in" && tok.norm != "at" && tok.norm != "near") continue;
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
      std::optional<Place> p = Resolve(pm, ctx_);
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
    Candidate part = c;
    part.facts.figures = std::move(figures);
    part.place = where;
    part.place_inherited = false;
    part.place_from_dateline = false;
    part.split = true;
    if (part.kind == MentionKind::kAggregate)
      part.kind = MentionKind::kIncident;
    out.push_back(std::move(part));
  }
  // "... for a total of six deaths": what no place claims stays together.
  if (!rest.empty()) {
    Candidate part = c;
    part.facts.figures = std::move(rest);
    part.split = true;
    out.push_back(std::move(part));
  }
  return out;
}

}  // namespace sitrep
