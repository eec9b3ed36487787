#include "extract/analysis.h"
#include "extract/figures_internal.h"
#include "extract/lexicon.h"
#include "extract/mention_builder.h"
#include "sitrep/extract.h"

namespace sitrep {
namespace {

// Splits a sentence that tells two events ("In Basra, two were shot dead,
// while in Kut a man died") at the clause boundaries of clauses.tsv, into
// `out` (cleared first: one buffer serves an article's sentences).
void Clauses(std::string_view text, Span s,
             const std::vector<ClauseSplit>& splits, std::vector<Span>* out) {
  constexpr uint32_t kMinClause = 25;  // shorter: a list, not an event
  out->clear();
  uint32_t begin = s.begin;
  std::string_view body = s.In(text);
  size_t pos = 0;
  while (true) {
    size_t best = std::string_view::npos, len = 0, skip = 0;
    for (const ClauseSplit& sp : splits) {
      size_t p = body.find(sp.phrase, pos);
      if (p < best) {
        best = p;
        len = sp.phrase.size();
        skip = sp.drop;
      }
    }
    if (best == std::string_view::npos) break;
    uint32_t cut = s.begin + static_cast<uint32_t>(best);
    if (cut - begin >= kMinClause && s.end - cut >= kMinClause) {
      out->push_back({begin, cut});
      begin = cut + static_cast<uint32_t>(skip);
    }
    pos = best + len;
  }
  out->push_back({begin, s.end});
}

// "..., nearly two weeks after a car bombing left 118 dead": an older event
// recalled at the end of a clause is background, not part of the event the
// clause tells. Returns where the clause should end, or its own end.
uint32_t RecallCut(const Lexicon& lex, const SentenceFacts& f) {
  for (const auto& h : f.hits) {
    const LexEntry& e = lex.entry(h.payload);
    if (e.kind != LexKind::kCue || e.cue != Cue::kRecalled) continue;
    uint32_t cut = h.begin;
    // "..., nearly two weeks after": the comma before the span of time.
    for (uint32_t k = h.begin; k > 0 && k + 4 > h.begin; --k) {
      if (f.toks[k - 1].norm == ",") {
        cut = k - 1;
        break;
      }
    }
    if (cut == 0) return f.span.end;  // nothing before it: a clause of its own
    return f.toks[cut].span.begin;
  }
  return f.span.end;
}

class ExtractorImpl : public Extractor {
 public:
  ExtractorImpl(std::unique_ptr<Lexicon> lex, const Gazetteer* gaz)
      : lex_(std::move(lex)), gaz_(gaz) {}

  std::vector<Mention> Extract(const Article& a) const override {
    std::vector<SentenceFacts> facts;
    facts.reserve(a.sentences.size());
    std::vector<Span> units;
    for (size_t i = 0; i < a.sentences.size(); ++i) {
      Clauses(a.text, a.sentences[i], lex_->clause_splits(), &units);
      for (Span unit : units) {
        SentenceFacts f = AnalyzeSentence(*lex_, gaz_, a.text, unit,
                                          static_cast<int>(i), a.published);
        if (uint32_t cut = RecallCut(*lex_, f); cut < unit.end) {
          unit.end = cut;
          f = AnalyzeSentence(*lex_, gaz_, a.text, unit, static_cast<int>(i),
                              a.published);
        }
        BindFigures(*lex_, &f);
        facts.push_back(std::move(f));
      }
    }
    figures_internal::BindGroupsTold(*lex_, &facts);
    figures_internal::BindIdentifiedTold(*lex_, &facts);
    MentionBuilder builder(*lex_, gaz_, a);
    return builder.Build(std::move(facts));
  }

 private:
  std::unique_ptr<Lexicon> lex_;
  const Gazetteer* gaz_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const Gazetteer* gaz) {
  SITREP_ASSIGN_OR_RETURN(std::unique_ptr<Lexicon> lex, Lexicon::Load());
  return std::unique_ptr<Extractor>(new ExtractorImpl(std::move(lex), gaz));
}

}  // namespace sitrep
