// An event's fields, derived from its mentions.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include "merge/internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep::merge_internal {
namespace {

void PickDate(Event* e) {
  if (e->mentions.size() == 1) {  // its date, as the votes below give it
    const Mention& m = e->mentions.front();
    if (!m.date.valid()) {
      e->date_rule = "none";
      return;
    }
    e->date = CivilDay::FromDays(m.date.ToDays());
    e->date_rule = m.date_rule != "article"sv ? "text" : "article";
    return;
  }
  // Dates stated in the text outrank an article's publication day.
  for (bool stated : {true, false}) {
    std::map<int64_t, int> n;
    for (const auto& m : e->mentions) {
      if (!m.date.valid() || (m.date_rule != "article"sv) != stated) continue;
      ++n[m.date.ToDays()];
    }
    int top = 0;
    for (auto& [d, k] : n) {
      if (k > top) {
        top = k;
        e->date = CivilDay::FromDays(d);
      }
    }
    if (top > 0) {
      e->date_rule = stated ? "text" : "article";
      return;
    }
  }
  e->date_rule = "none";
}

void PickLocation(Event* e) {
  if (e->mentions.size() == 1) {  // its place, as the votes below give it
    if (e->mentions.front().location) {
      e->location = *e->mentions.front().location;
    }
    return;
  }
  const Location* best = nullptr;
  std::map<uint32_t, int> votes;
  for (const auto& m : e->mentions) {
    if (m.location) ++votes[m.location->geonameid];
  }
  for (const auto& m : e->mentions) {
    if (!m.location) continue;
    const Location& l = *m.location;
    int rank = PrecisionRank(l.precision);
    int best_rank = best ? PrecisionRank(best->precision) : 0;
    if (!best || rank < best_rank ||
        (rank == best_rank && votes[l.geonameid] > votes[best->geonameid])) {
      best = &l;
    }
  }
  if (best) e->location = *best;
}

// The mention sentence sharing the most words with the others.

}  // namespace

int PrecisionRank(std::string_view precision) {
  if (precision == "admin2"sv) return 1;
  if (precision == "admin1"sv) return 2;
  if (precision == "country"sv) return 3;
  return 0;  // "city", and any other (as a std::map's inserted 0 was)
}

namespace {

// The words of `s` longer than three letters (runs of letters and
// digits), lower-cased, sorted, unique: views into *lower, `s` lower-cased.
std::vector<std::string_view> NoteWords(const std::string& s,
                                        std::string* lower) {
  lower->resize(s.size());
  std::vector<std::string_view> w;
  size_t begin = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    const auto c = static_cast<unsigned char>(i < s.size() ? s[i] : ' ');
    if (std::isalnum(c)) {
      (*lower)[i] = static_cast<char>(std::tolower(c));
      continue;
    }
    if (i - begin > 3) w.emplace_back(lower->data() + begin, i - begin);
    begin = i + 1;
  }
  std::sort(w.begin(), w.end());
  w.erase(std::unique(w.begin(), w.end()), w.end());
  return w;
}

// How many words two sorted, unique lists share.
long SharedWords(const std::vector<std::string_view>& a,
                 const std::vector<std::string_view>& b) {
  long n = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    int c = a[i].compare(b[j]);
    n += c == 0;
    i += c <= 0;
    j += c >= 0;
  }
  return n;
}

}  // namespace

std::string CentralNotes(const std::vector<Mention>& ms) {
  if (ms.size() == 1) return ms[0].notes;     // nothing to share words with
  std::vector<std::string> lower(ms.size());  // the words' text
  std::vector<std::vector<std::string_view>> sets;
  sets.reserve(ms.size());
  for (size_t i = 0; i < ms.size(); ++i) {
    sets.push_back(NoteWords(ms[i].notes, &lower[i]));
  }
  size_t best = 0;
  long top = -1;
  for (size_t i = 0; i < ms.size(); ++i) {
    long shared = 0;
    for (size_t j = 0; j < ms.size(); ++j) {
      if (i != j) shared += SharedWords(sets[i], sets[j]);
    }
    if (shared > top) {
      top = shared;
      best = i;
    }
  }
  return ms.empty() ? "" : ms[best].notes;
}

Event MakeEvent(std::vector<Mention> mentions, const MergeOptions& o) {
  Event e;
  e.mentions = std::move(mentions);
  const Mention& first = e.mentions.front();
  e.kind = first.kind;
  using V = std::string_view;
  e.event_type = ModeString(e.mentions,
                            [](const Mention& m) -> V { return m.event_type; });
  e.sub_event_type = ModeString(e.mentions, [&](const Mention& m) -> V {
    return m.event_type == e.event_type ? V(m.sub_event_type) : V();
  });
  e.actor1 =
      ModeString(e.mentions, [](const Mention& m) -> V { return m.actor1; });
  e.actor2 =
      ModeString(e.mentions, [](const Mention& m) -> V { return m.actor2; });
  PickLocation(&e);
  PickDate(&e);
  for (const auto& m : e.mentions) {
    for (const auto& f : m.figures) {
      if (f.implausible) continue;
      e.figures[static_cast<int>(f.outcome)].push_back(
          {m.article_id, f, !o.copy_of.count(m.article_id)});
    }
  }
  if (e.mentions.size() == 1) {  // one article: no set to sort them
    e.articles.push_back(first.article_id);
  } else {
    std::set<std::string> arts;
    for (const auto& m : e.mentions) arts.insert(m.article_id);
    e.articles.assign(arts.begin(), arts.end());
  }
  e.notes = CentralNotes(e.mentions);
  e.source = first.source;
  e.subject = first.subject;
  ReconcileFigures(&e, o);
  return e;
}

// Sentences are keyed by (article id, index), the same as the string
// "id#index" (the index is the text after the last '#'), and only the
// sentences some aggregate names as a part are kept: most events have none.
void LinkParts(std::vector<Event>* events) {
  using Key = std::pair<std::string_view, int>;
  std::set<Key> wanted;
  for (const auto& e : *events) {
    if (e.kind != MentionKind::kAggregate) continue;
    for (const auto& m : e.mentions) {
      for (int p : m.parts) wanted.insert({m.article_id, p});
    }
  }
  std::map<Key, std::string_view> owner;  // the last event naming it
  for (const auto& e : *events) {
    if (wanted.empty()) break;
    for (const auto& m : e.mentions) {
      for (int s : m.sentences) {
        if (wanted.count({m.article_id, s})) owner[{m.article_id, s}] = e.id;
      }
    }
  }
  for (auto& e : *events) {
    if (e.kind != MentionKind::kAggregate) continue;
    std::set<std::string> parts;
    for (const auto& m : e.mentions) {
      for (int p : m.parts) {
        auto it = owner.find({m.article_id, p});
        if (it != owner.end()) parts.insert(std::string(it->second));
      }
    }
    e.parts.assign(parts.begin(), parts.end());
  }
}

}  // namespace sitrep::merge_internal

namespace sitrep::merge_internal {

// As LinkParts, on the clusters in event order: a sentence's owner is the
// last cluster naming it, and only the owners' ids are computed.
std::map<size_t, std::vector<std::string>> ClusterParts(
    const Clusters& clusters) {
  using Key = std::pair<std::string_view, int>;
  const std::vector<Mention>& ms = clusters.mentions;
  const size_t n = clusters.members.size();
  auto aggregate = [&](size_t c) {
    const auto& members = clusters.members[c];
    return !members.empty() &&
           ms[members.front()].kind == MentionKind::kAggregate;
  };
  std::set<Key> wanted;
  for (size_t c = 0; c < n; ++c) {
    if (!aggregate(c)) continue;
    for (uint32_t i : clusters.members[c]) {
      for (int p : ms[i].parts) wanted.insert({ms[i].article_id, p});
    }
  }
  std::map<Key, size_t> owner;
  for (size_t c = 0; !wanted.empty() && c < n; ++c) {
    for (uint32_t i : clusters.members[c]) {
      for (int s : ms[i].sentences) {
        Key key{ms[i].article_id, s};
        if (wanted.count(key)) owner[key] = c;
      }
    }
  }
  std::map<size_t, std::string> ids;
  for (const auto& [key, c] : owner) {
    if (!ids.count(c)) ids[c] = clusters.Id(c);
  }
  std::map<size_t, std::vector<std::string>> out;
  for (size_t c = 0; c < n; ++c) {
    if (!aggregate(c)) continue;
    std::set<std::string> parts;
    for (uint32_t i : clusters.members[c]) {
      for (int p : ms[i].parts) {
        auto it = owner.find({ms[i].article_id, p});
        if (it != owner.end()) parts.insert(ids[it->second]);
      }
    }
    if (!parts.empty()) out[c].assign(parts.begin(), parts.end());
  }
  return out;
}

}  // namespace sitrep::merge_internal
