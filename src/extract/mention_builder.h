// Joining analysed sentences into mentions within one article: gating,
// places, dates, in-article coreference, tallies and aggregates.
// Internal to the extract stage.
#ifndef SITREP_EXTRACT_MENTION_BUILDER_H_
#define SITREP_EXTRACT_MENTION_BUILDER_H_

#include <vector>

#include "extract/analysis.h"
#include "extract/classify.h"
#include "sitrep/article.h"
#include "sitrep/event.h"

namespace sitrep {

// A sentence that tells an event, before joining.
struct Candidate {
  SentenceFacts facts;
  Classification cls;
  std::optional<Location> place;
  bool place_inherited = false;
  bool place_from_dateline = false;  // the dateline city stands in
  bool place_fallback = false;       // the article's country stands in
  std::optional<DateMention> date;   // an explicit date in the sentence
  bool date_inherited = false;       // the date came from a sentence before
  bool attach_only = false;          // may only join a mention just told
  bool weak = false;                 // names an event without any anchor
  bool split = false;                // one of several places of one sentence
  bool restates = false;             // "3 fatalities.": the toll once more
  bool revised_toll = false;         // "The toll later rose to three."
  bool later_deaths = false;         // "A wounded officer died."
  std::optional<CivilDay> past;      // an earlier year or month it names
  int weekday = -1;                  // a weekday named but not resolvable
  MentionKind kind = MentionKind::kIncident;
  std::string attribution;
  // "21 were killed in the three bombings": the incidents its counts are
  // told over (0: one).
  int64_t shared_by = 0;
};

class MentionBuilder {
 public:
  MentionBuilder(const Lexicon& lex, const Gazetteer* gaz,
                 const Article& article);

  // The article's mentions from its analysed sentences (in text order; a
  // sentence split into clauses gives several units with one index).
  std::vector<Mention> Build(std::vector<SentenceFacts> sentences);

 private:
  struct Work {
    Mention m;
    bool explicit_date = false;
    bool attacker_counted = false;  // an attacker_counted cue was told
    // A suicide attack told ("two suicide bombers"): how many attackers,
    // where (clean text) and in which sentence; 0 when none.
    int64_t suicide_attackers = 0;
    Span suicide_span;
    int suicide_sentence = -1;
    bool place_own = false;  // the place is named by its first sentence
    int64_t shared_by = 0;   // a joined Candidate's, told in:
    int shared_sentence = -1;
    Classification cls;  // evidence summed over the joined sentences
  };
  void MakeContext(const std::vector<SentenceFacts>& ss);
  // Resolves the sentence's "the next day", "two days later" against the
  // day told last: earlier in the sentence, else in the nearest of the
  // previous few sentences. Unresolved ones stay without a day.
  void ResolvePriors(SentenceFacts* f) const;
  void AddHomeCues(std::vector<std::pair<std::string_view, int>>* counts);
  void CountPlaceVotes(
      const std::vector<SentenceFacts>& ss,
      std::vector<std::pair<std::string_view, int>>* counts,
      std::vector<std::pair<std::string_view, uint32_t>>* town_votes);
  bool CountrySupported(const PlaceMention& pm, const Place& p) const;
  int EventPlaceRank(const PlaceMention& pm, const Place& p) const;
  static constexpr int kUnsupported = 10;  // EventPlace's rank penalty
  void MarkSelfOnly(
      const std::vector<std::pair<std::string_view, int>>& counts,
      const std::vector<std::pair<std::string_view, uint32_t>>& town_votes);
  bool EventPlaceCandidate(const SentenceFacts& f,
                           const PlaceMention& pm) const;
  void FindWebDateline(const std::vector<SentenceFacts>& ss);
  void PreferPlaceOverDateline(const std::vector<SentenceFacts>& ss);
  bool AfterDateline(Span sentence) const;
  // Whether unit `f` (its CueBits `cues`) may be a candidate at all.
  bool MayBeCandidate(const SentenceFacts& f, uint32_t cues) const;
  // Makes the candidate of unit `i` (one MayBeCandidate, its CueBits
  // `cues`) into `out` (default-made); false when the unit is none (`out`
  // is then to be dropped).
  bool MakeCandidate(SentenceFacts&& f, size_t i, uint32_t cues,
                     Candidate* out) const;
  bool Qualifies(const Candidate& c) const;
  bool Weak(const Candidate& c) const;
  bool Unreal(const Candidate& c) const;
  bool SameParagraph(size_t a, size_t b) const;
  std::optional<Location> EventPlace(const SentenceFacts& f) const;
  // EventPlace of unit `i` of the units Build was given, made on first use
  // only (most units are no candidate and no candidate's neighbour). A unit
  // is moved into its Candidate only after its own place was asked for.
  const std::optional<Location>& SentencePlace(size_t i) const;
  bool InsideActor(const SentenceFacts& f, Span span) const;
  std::optional<Location> ToLocation(const Place& p, Span span) const;
  // Fills `w` (default-made) from `c`.
  void ToWork(Candidate&& c, Work* w) const;
  std::vector<Location> CoordinatedPlaces(const SentenceFacts& f) const;
  // mention_split.cc: one candidate per place its counts are told at.
  std::optional<Location> PlaceOfFigure(const SentenceFacts& f,
                                        const Figure& g) const;
  std::vector<Candidate> SplitByFigurePlaces(const Candidate& c) const;
  std::vector<Candidate> SplitByFigureDays(const Candidate& c, size_t i) const;
  void AddOtherPlaces(const Candidate& c, Mention* m) const;
  void PlaceAtLeadTown(std::vector<Work>* works) const;
  void SetStoryDay(const std::vector<std::pair<CivilDay, int>>& days);
  // `latest`: `w` is the mention told last (no other told since).
  bool Compatible(const Work& w, const Candidate& c, bool latest) const;
  int Affinity(const Work& w, const Candidate& c) const;
  bool Updates(const Work& w, const Candidate& c, int reach) const;
  Work* UpdateTarget(std::vector<Work>* works, size_t last,
                     const Candidate& c) const;
  void Join(Work* w, const Candidate& c) const;
  void MarkAggregates(std::vector<Work>* ws) const;
  static void ShareTotals(std::vector<Work>* ws);
  static void MarkTotalsRetold(std::vector<Work>* ws);
  static void DivideShare(Work* w, std::vector<Work>* ws);
  static void MarkPerpetratorsKilled(Mention* m);
  void NoteSuicideAttack(const Candidate& c, Work* w) const;
  void CountSuicideAttacker(Work* w, bool only_suicide) const;
  static void MoveDiedOfWounds(Mention* m);

  const Lexicon& lex_;
  const Gazetteer* gaz_;
  const Article& article_;
  ResolveContext ctx_;
  std::optional<Location> dateline_place_;
  std::optional<Span> web_dateline_;  // "Lagos: ..." found by FindWebDateline
  std::optional<Location> country_place_;
  // Per analysed unit (a sentence, or a clause of one): its sentence index.
  std::vector<size_t> sentence_index_;
  const std::vector<SentenceFacts>* units_ = nullptr;  // Build's units
  mutable std::vector<std::optional<Location>> sentence_places_;
  mutable std::vector<char> place_made_;      // sentence_places_[i] is made
  std::vector<int> sentence_weekdays_;        // unresolved weekday named, or -1
  std::vector<int> sentence_named_weekdays_;  // any weekday named, or -1
  bool month_first_ = false;  // ambiguous numeric dates read month first
  int64_t one_of_ = 0;        // "one of three related attacks": 3
  // A sentence before qualified as an event (set as candidates are made).
  mutable bool event_told_ = false;
  std::vector<std::optional<DateMention>> sentence_dates_;  // first day named
  // The first event day a sentence of a dated article names, and where.
  std::optional<std::pair<CivilDay, int>> story_day_;
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_MENTION_BUILDER_H_
