#include "sitrep/event.h"

#include <cmath>
#include <string_view>

// Words compare as string_views: by size first, memcmp only on a tie
// (a std::string against a C string would strlen and compare each time).
using std::string_view_literals::operator""sv;

namespace sitrep {

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kKilled:
      return "fatalities";
    case Outcome::kInjured:
      return "injuries";
    case Outcome::kArrested:
      return "arrests";
    case Outcome::kMissing:
      return "missing";
  }
  return "fatalities";
}

const char* MentionKindName(MentionKind k) {
  switch (k) {
    case MentionKind::kIncident:
      return "incident";
    case MentionKind::kAggregate:
      return "aggregate";
    case MentionKind::kTally:
      return "tally";
  }
  return "incident";
}

bool IsLocal(const std::optional<Location>& l) {
  return l && l->precision != "country"sv;
}

bool MaySameVictims(const std::string& a, const std::string& b) {
  auto vague = [](const std::string& v) {
    return v.empty() || v == "people"sv;
  };
  return vague(a) || vague(b) || a == b;
}

double DistanceKm(const Location& a, const Location& b) {
  constexpr double kRad = M_PI / 180.0;
  double dp = (b.lat - a.lat) * kRad, dl = (b.lon - a.lon) * kRad;
  double h = std::sin(dp / 2) * std::sin(dp / 2) +
             std::cos(a.lat * kRad) * std::cos(b.lat * kRad) *
                 std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * 6371.0 * std::asin(std::sqrt(h));
}

bool IsNamedActor(const std::string& s) {
  return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}

bool TypesCompatible(const std::string& a, bool a_protesters,
                     const std::string& b, bool b_protesters) {
  if (a == b) return true;
  auto pr = [](const std::string& t) {
    return t == "Protests"sv || t == "Riots"sv;
  };
  if (pr(a) && pr(b)) return true;
  auto vpr = [](const std::string& t) {
    return t == "Protests"sv || t == "Riots"sv ||
           t == "Violence against civilians"sv;
  };
  bool ap = a_protesters || pr(a), bp = b_protesters || pr(b);
  return vpr(a) && vpr(b) && ap && bp;
}

const Figure* Mention::FigureFor(Outcome o) const {
  for (const auto& f : figures) {
    if (f.outcome == o && !f.implausible) return &f;
  }
  return nullptr;
}

Figure* Mention::FigureFor(Outcome o) {
  for (auto& f : figures) {
    if (f.outcome == o && !f.implausible) return &f;
  }
  return nullptr;
}

}  // namespace sitrep
