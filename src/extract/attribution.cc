// Who gives a sentence's figures: "..., police and health sources said",
// "according to the IHCHR", "Security officials said ...".
#include <algorithm>

#include "extract/analysis.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep {
namespace {

bool Stop(const Tok& t) {
  return t.punct && (t.norm == ","sv || t.norm == "."sv || t.norm == ";"sv ||
                     t.norm == "\""sv || t.norm == "("sv || t.norm == ")"sv);
}

std::string Join(std::string_view text, const std::vector<Tok>& toks,
                 uint32_t b, uint32_t e) {
  while (b < e && (toks[b].norm == "an"sv || toks[b].norm == "a"sv ||
                   toks[b].norm == "the"sv)) {
    ++b;
  }
  while (e > b &&
         (toks[e - 1].norm == "tally"sv || toks[e - 1].norm == "count"sv ||
          toks[e - 1].norm == "figures"sv || toks[e - 1].norm == "on"sv ||
          toks[e - 1].norm == "have"sv || toks[e - 1].norm == "has"sv)) {
    --e;
  }
  if (b >= e || e - b > 10) return "";
  return std::string(text.substr(toks[b].span.begin,
                                 toks[e - 1].span.end - toks[b].span.begin));
}

}  // namespace

std::string FindAttribution(const Lexicon& lex, std::string_view text,
                            const SentenceFacts& f) {
  const auto& toks = f.toks;
  for (auto it = f.hits.rbegin(); it != f.hits.rend(); ++it) {
    const LexEntry& e = lex.entry(it->payload);
    if (e.kind != LexKind::kCue || e.cue != Cue::kAttribution) continue;
    if (e.phrase == "according to"sv) {
      uint32_t end = it->end;
      while (end < toks.size() && !Stop(toks[end])) ++end;
      return Join(text, toks, it->end, end);
    }
    bool reported = e.phrase == "reported"sv;
    if (e.phrase != "said"sv && e.phrase != "says"sv && e.phrase != "told"sv &&
        !reported) {
      continue;
    }
    // "AFP reported seven killed", but not "seven were reported killed".
    if (reported && it->begin > 0) {
      const std::string& w = toks[it->begin - 1].norm;
      if (w == "were"sv || w == "was"sv || w == "been"sv || w == "is"sv ||
          w == "are"sv || w == "be"sv || w == "also"sv || w == "it"sv) {
        continue;
      }
    }
    // "..., SOURCE said." or "SOURCE said ..." / "SOURCE told Reuters".
    uint32_t begin = it->begin;
    while (begin > 0 && !Stop(toks[begin - 1]) && it->begin - begin < 8)
      --begin;
    if (begin > 0 && !Stop(toks[begin - 1])) continue;
    return Join(text, toks, begin, it->begin);
  }
  return "";
}

}  // namespace sitrep
