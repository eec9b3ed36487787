#include "sitrep/merge.h"

#include <xxhash.h>

#include <algorithm>
#include <tuple>

#include "merge/internal.h"

namespace sitrep {
namespace {

// Unique per mention: a sentence split into clauses gives several mentions
// with one sentence index, told apart by where their text starts.
std::string MentionKey(const Mention& m) {
  return m.article_id + "#" +
         std::to_string(m.sentences.empty() ? 0 : m.sentences.front()) + "@" +
         std::to_string(m.raw_spans.empty() ? 0 : m.raw_spans.front().begin) +
         "/" + std::to_string(m.location ? m.location->span.begin : 0);
}

// Canonical order: by date (unknown last), then article id and sentence.
bool CanonicalLess(const Mention& a, const Mention& b) {
  auto key = [](const Mention& m) {
    int64_t d = m.date.valid() ? m.date.ToDays() : INT64_MAX;
    int s = m.sentences.empty() ? 0 : m.sentences.front();
    uint32_t b = m.raw_spans.empty() ? 0 : m.raw_spans.front().begin;
    uint32_t p = m.location ? m.location->span.begin : 0;
    return std::make_tuple(d, m.article_id, s, b, p);
  };
  return key(a) < key(b);
}

std::string EventId(const Event& e) {
  std::string min_key;
  for (const auto& m : e.mentions) {
    std::string k = MentionKey(m);
    if (min_key.empty() || k < min_key) min_key = k;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "SR%016llx",
                static_cast<unsigned long long>(
                    XXH3_64bits(min_key.data(), min_key.size())));
  return buf;
}

}  // namespace

std::vector<Event> MergeMentions(std::vector<Mention> mentions,
                                 const MergeOptions& options) {
  std::sort(mentions.begin(), mentions.end(), CanonicalLess);
  std::vector<std::vector<Mention>> clusters;
  std::vector<Mention> weak;
  for (auto& m : mentions) {
    if (m.weak) {
      weak.push_back(std::move(m));
      continue;
    }
    std::vector<Mention>* home = nullptr;
    {
      for (auto& c : clusters) {
        if (c.front().kind != m.kind) continue;
        bool all = std::all_of(c.begin(), c.end(), [&](const Mention& o) {
          return merge_internal::SameEvent(o, m, options);
        });
        if (all) {
          home = &c;
          break;
        }
      }
    }
    if (home) {
      home->push_back(std::move(m));
    } else {
      clusters.push_back({std::move(m)});
    }
  }
  // A weak mention joins the one event it fits, or none.
  for (auto& w : weak) {
    std::vector<Mention>* home = nullptr;
    int fits = 0;
    for (auto& c : clusters) {
      if (c.front().kind != MentionKind::kIncident) continue;
      bool all = std::all_of(c.begin(), c.end(), [&](const Mention& o) {
        return merge_internal::WeakFits(o, w);
      });
      if (all && ++fits == 1) home = &c;
    }
    if (fits == 1) home->push_back(std::move(w));
  }
  std::vector<Event> events;
  for (auto& c : clusters) {
    Event e = merge_internal::MakeEvent(std::move(c), options);
    e.id = EventId(e);
    events.push_back(std::move(e));
  }
  merge_internal::LinkParts(&events);
  return events;
}

}  // namespace sitrep
