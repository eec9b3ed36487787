// Sentence classification: ACLED event type, sub-event type and actors.
// Internal to the extract stage.
#ifndef SITREP_EXTRACT_CLASSIFY_H_
#define SITREP_EXTRACT_CLASSIFY_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/analysis.h"
#include "extract/type_scores.h"

namespace sitrep {

struct Classification {
  // Event type -> evidence. The keys view strings that outlive every
  // Classification (the lexicon's event types, classify.cc's type names):
  // no string is allocated or copied per type.
  TypeScores scores;
  std::string event_type;  // argmax, "" when no evidence
  std::string sub_event_type;
  double score = 0;
  std::string actor1, actor2;
  ActorKind actor1_kind = ActorKind::kGeneric;
  ActorKind actor2_kind = ActorKind::kGeneric;
  // Phrases that fired: views of the lexicon's own phrases (which outlive
  // every Classification), copied only into a Mention.
  std::vector<std::string_view> triggers;
  // True when no trigger fired and the type is only the default for the
  // sentence's figures ("Nine other people were wounded."): such a
  // sentence continues whatever event came before it.
  bool defaulted = false;
};

Classification Classify(const Lexicon& lex, const SentenceFacts& f);

// False when Classify(lex, f) certainly finds no event type: no trigger
// fired and the sentence states no figure (every other rule only shifts
// evidence that triggers or figures gave). Lets MentionBuilder skip
// Classify for most sentences; classify_test checks the promise.
bool MayClassify(const Lexicon& lex, const SentenceFacts& f);

// Picks the type with the most evidence and its sub-event type. Reads only
// c's scores and actor1_kind (Join re-decides a copy of just those).
void Decide(Classification* c, const Lexicon& lex, const SentenceFacts& f);

}  // namespace sitrep

#endif  // SITREP_EXTRACT_CLASSIFY_H_
