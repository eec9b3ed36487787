// Lexicon: the analyst-editable word lists of data/lexicon/*.tsv, compiled
// into one PhraseMatcher.
//
// Files: triggers.tsv (event type cues), outcomes.tsv (killed / injured /
// arrested / missing phrases), actors.tsv (actor and victim classes),
// cues.tsv (negation, hypothetical, tally, attribution...). Each line is
// tab-separated; `#` starts a comment line. See the files' headers.
//
// Thread safety: immutable after Load().
#ifndef SITREP_EXTRACT_LEXICON_H_
#define SITREP_EXTRACT_LEXICON_H_

#include <memory>
#include <string>
#include <vector>

#include "extract/phrase_matcher.h"
#include "extract/whole_phrases.h"
#include "sitrep/event.h"
#include "sitrep/status.h"

namespace sitrep {

enum class LexKind : uint8_t { kTrigger, kOutcome, kActor, kCue };

// kOne: the phrase itself tells of one victim ("he died", "lost his life").
enum class OutcomeForm : uint8_t {
  kVerb,
  kIntransitive,
  kAdjective,
  kNoun,
  kOne
};

enum class ActorKind : uint8_t {
  kState,
  kArmed,
  kProtester,
  kCivilian,
  kPerson,
  kForeign,
  kGeneric
};

enum class Cue : uint8_t {
  kNegation,
  kHypothetical,
  kTally,
  kSince,
  kAggregate,
  kAttribution,
  kAnaphor,
  kRecollection,
  kPerfect,
  kPeriod,
  kGeneric,
  kMedia,
  kRegion,
  kSeparate,
  kClause,
  kPreposition,
  kRecalled,
  kSuperlative,
  kTarget,
  kDiedOfWounds,
  kAttackerCounted
};

struct LexEntry {
  LexKind kind;
  std::string phrase;
  // Trigger.
  std::string event_type, sub_event_type;
  int weight = 0;
  // Outcome.
  Outcome outcome = Outcome::kKilled;
  OutcomeForm form = OutcomeForm::kVerb;
  // Actor.
  std::string actor_class;
  ActorKind actor_kind = ActorKind::kGeneric;
  // Cue.
  Cue cue = Cue::kNegation;
};

// clauses.tsv: a clause boundary inside a sentence. The first clause ends
// where `phrase` starts; the second starts `drop` bytes into it.
struct ClauseSplit {
  std::string phrase;
  size_t drop = 0;
};
// clauses.tsv: "came a day after" dates the event told after it `days`
// before the day named before it.
struct DayShift {
  std::vector<std::string> words;  // lower case
  int days = 0;
};

// home_countries.tsv: an organisation, force or word of the local
// administration ("OSCE SMM", "Artsakh", "barangay") that places a text in
// its country (and some in their provinces) when the text never names it.
struct HomeCue {
  std::string phrase;                  // matched case-sensitively, whole words
  std::vector<std::string> countries;  // ISO alpha-2
  // Provinces: country code + GeoNames admin1 code ("UA", "05").
  std::vector<std::pair<std::string, std::string>> admin1;
};

class Lexicon {
 public:
  // Reads the four files from $SITREP_LEXICON_DIR when set, else the copies
  // compiled into the binary. Errors name the file and line.
  static Result<std::unique_ptr<Lexicon>> Load();
  // Parses the given file contents (for tests).
  static Result<std::unique_ptr<Lexicon>> FromStrings(std::string_view triggers,
                                                      std::string_view outcomes,
                                                      std::string_view actors,
                                                      std::string_view cues);

  const PhraseMatcher& matcher() const { return matcher_; }
  const std::vector<ClauseSplit>& clause_splits() const { return splits_; }
  const std::vector<DayShift>& day_shifts() const { return shifts_; }
  const std::vector<HomeCue>& home_cues() const { return home_cues_; }
  // The home cues' phrases, in home_cues() order, for one pass per text.
  const WholePhraseSet& home_cue_phrases() const { return home_cue_phrases_; }
  // Reads home_countries.tsv rows (Load does; FromStrings leaves none).
  Status AddHomeCues(std::string_view body);
  // Reads clauses.tsv rows (Load does; FromStrings leaves both lists empty).
  Status AddClauses(std::string_view body);
  const LexEntry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }

 private:
  Status AddFile(LexKind kind, std::string_view name, std::string_view body);
  Status AddLine(LexKind kind, const std::vector<std::string>& cols);
  PhraseMatcher matcher_;
  std::vector<LexEntry> entries_;
  std::vector<ClauseSplit> splits_;
  std::vector<DayShift> shifts_;
  std::vector<HomeCue> home_cues_;
  WholePhraseSet home_cue_phrases_;
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_LEXICON_H_
