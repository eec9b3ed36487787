// Extractor: from an Article's sentences to Mentions of events.
//
// Per sentence: lexicon phrases (event triggers, outcome verbs, victim
// nouns, actor classes, tally and negation cues; data/lexicon/*.tsv,
// compiled into one token trie), quantities, dates and places are found,
// figures are bound to outcomes and victims, and the sentence gets an ACLED
// event type. Sentences about the same event within an article are joined
// into one Mention; running tolls become tallies; a figure summing other
// incidents of the article becomes an aggregate.
//
// Costs: linear in the article; the gazetteer and lexicons are loaded once
// by Create() (tens of milliseconds).
// Thread safety: Extract() is const and may be called from many threads.
#ifndef SITREP_EXTRACT_H_
#define SITREP_EXTRACT_H_

#include <memory>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/event.h"
#include "sitrep/gazetteer.h"
#include "sitrep/status.h"

namespace sitrep {

class Extractor {
 public:
  // `gazetteer` may be null (places are then not resolved); it must outlive
  // the Extractor. Lexicons: $SITREP_LEXICON_DIR if set, else the copies
  // compiled into the binary.
  static Result<std::unique_ptr<Extractor>> Create(const Gazetteer* gazetteer);
  virtual ~Extractor() = default;

  virtual std::vector<Mention> Extract(const Article& article) const = 0;
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_H_
