#include "extract/analysis.h"
#include "extract/lexicon.h"
#include "extract/mention_builder.h"
#include "sitrep/extract.h"

namespace sitrep {
namespace {

// Splits a sentence that tells two events ("In Basra, two were shot dead,
// while in Kut a man died") at "; " and ", while" / ", whereas" into clauses.
std::vector<Span> Clauses(std::string_view text, Span s) {
  // Pattern, and how many of its bytes are dropped (", and a day of unrest"
  // keeps "a day of unrest" in the second clause).
  static const std::pair<std::string_view, size_t> kSplits[] = {
      {"; ", 2},
      {", while ", 8},
      {", whereas ", 10},
      {", and a day of ", 6},
      {", and a night of ", 6}};
  std::vector<Span> out;
  uint32_t begin = s.begin;
  std::string_view body = s.In(text);
  size_t pos = 0;
  while (true) {
    size_t best = std::string_view::npos, len = 0, skip = 0;
    for (const auto& [sp, drop] : kSplits) {
      size_t p = body.find(sp, pos);
      if (p < best) {
        best = p;
        len = sp.size();
        skip = drop;
      }
    }
    if (best == std::string_view::npos) break;
    uint32_t cut = s.begin + static_cast<uint32_t>(best);
    // Clauses under 25 bytes are lists, not events of their own.
    if (cut - begin >= 25 && s.end - cut >= 25) {
      out.push_back({begin, cut});
      begin = cut + static_cast<uint32_t>(skip);
    }
    pos = best + len;
  }
  out.push_back({begin, s.end});
  return out;
}

class ExtractorImpl : public Extractor {
 public:
  ExtractorImpl(std::unique_ptr<Lexicon> lex, const Gazetteer* gaz)
      : lex_(std::move(lex)), gaz_(gaz) {}

  std::vector<Mention> Extract(const Article& a) const override {
    std::vector<SentenceFacts> facts;
    facts.reserve(a.sentences.size());
    for (size_t i = 0; i < a.sentences.size(); ++i) {
      for (Span unit : Clauses(a.text, a.sentences[i])) {
        SentenceFacts f = AnalyzeSentence(*lex_, gaz_, a.text, unit,
                                          static_cast<int>(i), a.published);
        BindFigures(*lex_, &f);
        facts.push_back(std::move(f));
      }
    }
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
