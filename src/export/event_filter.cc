#include "sitrep/event_filter.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace sitrep {
namespace {

constexpr size_t kMaxQuery = 8192;

char Lower(char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
char Upper(char c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (Lower(s[i]) != lower[i]) return false;
  }
  return true;
}

bool ContainsLower(std::string_view hay, std::string_view lower) {
  auto it = std::search(hay.begin(), hay.end(), lower.begin(), lower.end(),
                        [](char a, char b) { return Lower(a) == b; });
  return it != hay.end();
}

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t comma = s.find(',');
    std::string_view item = s.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

Status Bad(std::string_view key, std::string_view value, std::string_view why) {
  return Status::InvalidArgument("filter " + std::string(key) + "=" +
                                 std::string(value.substr(0, 64)) + ": " +
                                 std::string(why));
}

Status ParseCountries(std::string_view v, EventFilter* f) {
  for (std::string c : SplitList(v)) {
    if (c.size() != 2 || !std::isalpha(static_cast<unsigned char>(c[0])) ||
        !std::isalpha(static_cast<unsigned char>(c[1]))) {
      return Bad("country", v, "want ISO 3166-1 alpha-2 codes");
    }
    for (char& ch : c) ch = Upper(ch);
    f->countries.push_back(c);
  }
  return Status::OK();
}

Status ParseKinds(std::string_view v, EventFilter* f) {
  for (const std::string& k : SplitList(v)) {
    std::string l = Lowered(k);
    if (l == "incident")
      f->kinds.push_back(MentionKind::kIncident);
    else if (l == "aggregate")
      f->kinds.push_back(MentionKind::kAggregate);
    else if (l == "tally")
      f->kinds.push_back(MentionKind::kTally);
    else
      return Bad("kind", v, "want incident, aggregate or tally");
  }
  return Status::OK();
}

Status ParseDay(std::string_view key, std::string_view v,
                std::optional<CivilDay>* out) {
  auto d = v.size() == 10 ? CivilDay::ParseIso(v) : std::nullopt;
  if (!d || !d->valid()) return Bad(key, v, "want YYYY-MM-DD");
  *out = *d;
  return Status::OK();
}

bool ParseNumber(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(*out);
}

Status ParseBBox(std::string_view v, EventFilter* f) {
  std::vector<std::string> parts = SplitList(v);
  double n[4];
  if (parts.size() != 4) return Bad("bbox", v, "want 4 numbers");
  for (int i = 0; i < 4; ++i) {
    if (!ParseNumber(parts[i], &n[i])) return Bad("bbox", v, "not a number");
  }
  if (n[0] < -180 || n[2] > 180 || n[0] > 180 || n[2] < -180 || n[1] < -90 ||
      n[3] > 90 || n[1] > n[3]) {
    return Bad("bbox", v, "want min_lon,min_lat,max_lon,max_lat in range");
  }
  f->bbox = BBox{n[0], n[1], n[2], n[3]};
  return Status::OK();
}

Status ParseOne(std::string_view key, std::string_view v, EventFilter* f) {
  if (key == "country") return ParseCountries(v, f);
  if (key == "type") {
    for (const auto& t : SplitList(v)) f->types.push_back(Lowered(t));
    return Status::OK();
  }
  if (key == "from") return ParseDay(key, v, &f->from);
  if (key == "to") return ParseDay(key, v, &f->to);
  if (key == "bbox") return ParseBBox(v, f);
  if (key == "kind") return ParseKinds(v, f);
  if (key == "q") {
    f->text = Lowered(v);
    return Status::OK();
  }
  return Status::Internal("filter: unhandled key");
}

bool KnownKey(std::string_view k) {
  return k == "country" || k == "type" || k == "from" || k == "to" ||
         k == "bbox" || k == "kind" || k == "q";
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = Lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string UrlDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && Hex(s[i + 1]) >= 0 &&
               Hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

bool TextMatches(const Event& e, std::string_view q) {
  if (ContainsLower(e.id, q) || ContainsLower(e.notes, q) ||
      ContainsLower(e.actor1, q) || ContainsLower(e.actor2, q) ||
      ContainsLower(e.source, q) || ContainsLower(e.event_type, q)) {
    return true;
  }
  return e.location && (ContainsLower(e.location->name, q) ||
                        ContainsLower(e.location->admin1, q));
}

}  // namespace

bool BBox::Contains(double lon, double lat) const {
  if (lat < min_lat || lat > max_lat) return false;
  if (min_lon <= max_lon) return lon >= min_lon && lon <= max_lon;
  return lon >= min_lon || lon <= max_lon;  // crosses the antimeridian
}

bool EventFilter::empty() const {
  return countries.empty() && types.empty() && !from && !to && !bbox &&
         kinds.empty() && text.empty();
}

bool EventFilter::Matches(const Event& e) const {
  if (!kinds.empty() &&
      std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end()) {
    return false;
  }
  if (!types.empty() &&
      std::none_of(types.begin(), types.end(), [&](const std::string& t) {
        return EqualsLower(e.event_type, t) || EqualsLower(e.sub_event_type, t);
      })) {
    return false;
  }
  if (!countries.empty() &&
      (!e.location || std::find(countries.begin(), countries.end(),
                                e.location->country) == countries.end())) {
    return false;
  }
  if (from || to) {
    if (!e.date.complete() || !e.date.valid()) return false;
    int64_t d = e.date.ToDays();
    if (from && d < from->ToDays()) return false;
    if (to && d > to->ToDays()) return false;
  }
  if (bbox) {
    if (!e.location || (e.location->lat == 0 && e.location->lon == 0)) {
      return false;
    }
    if (!bbox->Contains(e.location->lon, e.location->lat)) return false;
  }
  return text.empty() || TextMatches(e, text);
}

Result<EventFilter> EventFilter::Parse(
    const std::vector<std::pair<std::string, std::string>>& params) {
  EventFilter f;
  for (const auto& [key, value] : params) {
    if (!KnownKey(key)) {
      return Status::InvalidArgument("filter: unknown key '" +
                                     key.substr(0, 64) + "'");
    }
    if (!value.empty()) SITREP_RETURN_IF_ERROR(ParseOne(key, value, &f));
  }
  if (f.from && f.to && f.from->ToDays() > f.to->ToDays()) {
    return Status::InvalidArgument("filter: from is after to");
  }
  return f;
}

Result<EventFilter> EventFilter::ParseQuery(std::string_view query) {
  if (query.size() > kMaxQuery) {
    return Status::ResourceExhausted("filter: query longer than 8 KiB");
  }
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  std::vector<std::pair<std::string, std::string>> params;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view item = query.substr(0, amp);
    size_t eq = item.find('=');
    if (!item.empty()) {
      params.emplace_back(
          UrlDecode(item.substr(0, eq)),
          eq == std::string_view::npos ? "" : UrlDecode(item.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return Parse(params);
}

std::vector<Event> FilterEvents(const std::vector<Event>& events,
                                const EventFilter& filter) {
  std::vector<Event> out;
  for (const Event& e : events) {
    if (filter.Matches(e)) out.push_back(e);
  }
  return out;
}

}  // namespace sitrep
