// Per-sentence analysis: the facts one sentence states, before they are
// joined into mentions. Internal to the extract stage.
#ifndef SITREP_EXTRACT_ANALYSIS_H_
#define SITREP_EXTRACT_ANALYSIS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/lexicon.h"
#include "sitrep/date_expr.h"
#include "sitrep/event.h"
#include "sitrep/gazetteer.h"
#include "sitrep/quantity.h"

namespace sitrep {

// A word or punctuation token; `norm` is lower-case ASCII-folded text with
// a possessive `'s` removed.
struct Tok {
  Span span;  // in the article's clean text
  std::string norm;
  bool cap = false;    // starts with an upper-case letter
  bool punct = false;  // a single punctuation character
};

struct QuantityAt {
  uint32_t tok_begin, tok_end;  // token range covered
  Quantity q;                   // span in the article's clean text
};

struct SentenceFacts {
  int index = -1;
  Span span;  // clean text
  std::vector<Tok> toks;
  std::vector<PhraseHit> hits;  // lexicon hits, longest-first pruned
  std::vector<QuantityAt> quantities;
  std::vector<DateMention> dates;    // spans in the article's clean text
  std::vector<PlaceMention> places;  // spans in the article's clean text
  std::vector<Figure> figures;

  bool HasCue(const Lexicon& lex, Cue c) const;
  // Token index of the first token at or after clean offset `off`.
  uint32_t TokAt(uint32_t off) const;
};

// Splits `text` (a sentence at clean offset `base`) into tokens. With
// `hashes`, also sets it to PhraseMatcher::TokenHash of each token's norm
// (computed while the token is lower-cased, not in another pass).
std::vector<Tok> TokenizeForMatch(std::string_view text, uint32_t base,
                                  std::vector<uint64_t>* hashes = nullptr);

// Finds lexicon hits, quantities, dates and places in one sentence.
SentenceFacts AnalyzeSentence(const Lexicon& lex, const Gazetteer* gaz,
                              std::string_view article_text, Span sentence,
                              int index, std::optional<CivilDay> reference);

// Binds quantities to outcomes and victims (figures.cc).
void BindFigures(const Lexicon& lex, SentenceFacts* f);

// Who gives the sentence's figures ("police and health sources"), or "".
std::string FindAttribution(const Lexicon& lex, std::string_view text,
                            const SentenceFacts& f);

}  // namespace sitrep

#endif  // SITREP_EXTRACT_ANALYSIS_H_
