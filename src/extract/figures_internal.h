// Helpers shared by the figure binder's files (src/extract/figures*.cc):
// binding counts of people to outcomes ("killing 5", "two more died").
// Internal to the extract stage. Thread safety: the word sets are
// immutable statics, safe to read from any thread.
#ifndef SITREP_EXTRACT_FIGURES_INTERNAL_H_
#define SITREP_EXTRACT_FIGURES_INTERNAL_H_

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/analysis.h"
#include "extract/word_table.h"

namespace sitrep::figures_internal {

// A lexicon hit of one kind in a sentence, in tokens.
struct Hit {
  uint32_t begin, end;
  const LexEntry* e;
};

// A set of words looked up by hash: the figure rules ask about most tokens
// of a sentence (a std::set took a few string compares per lookup).
using Words = WordTable;

// A word set of data/lexicon/words.tsv by name ("filler", "thing",
// "amount", "zero", "counted"); empty when unknown. Read once.
const Words& WordSet(std::string_view name);
// Words that may stand between a count and its outcome ("were", "also").
const Words& Fillers();
// Nouns counted in news that are not people ("rockets", "houses").
const Words& Things();
// "a number of", "an unknown number of": amounts, not one victim.
const Words& Amounts();
// "no", "without", "nobody": an outcome counted as zero.
const Words& ZeroWords();

// The sentence's lexicon hits of one kind.
std::vector<Hit> HitsOf(const Lexicon& lex, const SentenceFacts& f,
                        LexKind kind);
// The same into `out` (cleared first), for a caller reusing one buffer.
void HitsInto(const Lexicon& lex, const SentenceFacts& f, LexKind kind,
              std::vector<Hit>* out);
bool IsQuantityTok(const SentenceFacts& f, uint32_t t);
// The quantity starting at token `k`, or null. Defined in figures_lists.cc.
const QuantityAt* QuantityStarting(const SentenceFacts& f, uint32_t k);
// "killed the mayor of Jere, Ali Musa, and his son": the relatives (one,
// or the count after "his") closing an apposition that starts at token `k`;
// 0 when none. Defined in figures_lists.cc.
int64_t AndHisAfterApposition(const std::vector<Hit>& outcomes,
                              const SentenceFacts& f, uint32_t k);
bool HasWordBetween(const SentenceFacts& f, uint32_t b, uint32_t e,
                    std::string_view word);
bool Preposition(const std::string& w);
// "a", "an", "one", "the", "another".
bool Determiner(const std::string& w);
bool Adverb(const std::string& w);
// Whether a trigger or an outcome of the lexicon starts at token `k`.
bool LexHitAt(const Lexicon& lex, const SentenceFacts& f, uint32_t k);
// The killed verb after "were" (and adverbs) at token `k`, or null.
const Hit* KilledAfterWere(const std::vector<Hit>& outcomes,
                           const SentenceFacts& f, uint32_t k);
Figure MakeFigure(const Quantity& q, Outcome o, std::string victims);
// Adds `fig` unless the sentence has one for the same outcome and span.
void AddFigure(SentenceFacts* f, Figure fig);

// The victim actor right after a count (up to two modifiers or a run of
// name words), or null.
const Hit* VictimAfter(const std::vector<Hit>& actors, const SentenceFacts& f,
                       uint32_t pos);
// The end of the words naming what the count ending at `pos` counts.
uint32_t NounPhraseEnd(const std::vector<Hit>& outcomes, const SentenceFacts& f,
                       uint32_t pos);
// An outcome reached from `pos` over filler words only, within `limit`.
const Hit* OutcomeAfter(const std::vector<Hit>& outcomes,
                        const SentenceFacts& f, uint32_t pos, uint32_t limit);
// An outcome verb right before `pos` ("killed at least 29 people").
const Hit* OutcomeBefore(const std::vector<Hit>& outcomes,
                         const SentenceFacts& f, uint32_t pos);

// figures_groups.cc: counts told against other counts.
// "Two of the wounded", "12 of them": part of a group already counted.
bool Subset(const SentenceFacts& f, const QuantityAt& qa);
// "injuring all three": restates the group already counted.
bool AllOfTold(const std::vector<Hit>& outcomes, const SentenceFacts& f,
               const QuantityAt& qa);
// "six militants, two soldiers and a civilian were killed": counts joined
// by "," or "and" to a bound count share its outcome.
void BindCoordinated(const std::vector<Hit>& outcomes,
                     const std::vector<Hit>& actors, SentenceFacts* f);
// "fatalities coded as 0", "death toll: zero".
void BindStatedZero(const std::vector<Hit>& outcomes, const QuantityAt& qa,
                    SentenceFacts* f);
// "wounding five, two of whom later died": the dead are counted too.
void BindDiedOfWounded(const std::vector<Hit>& outcomes, const QuantityAt& qa,
                       SentenceFacts* f);

// "a drone strike killed Qassem Soleimani": one per named person.
void BindNamedVictims(const std::vector<Hit>& outcomes,
                      const std::vector<Hit>& actors, SentenceFacts* f);
// "killing a soldier", "a man was shot dead", "killing him".
void BindSingleVictims(const std::vector<Hit>& outcomes,
                       const std::vector<Hit>& actors, SentenceFacts* f);
// "two soldiers, a policeman and a civilian were killed": one figure for
// the list, replacing those bound to its items.
void BindVictimLists(const std::vector<Hit>& outcomes, SentenceFacts* f);
// "Colonel Ali Khan, the district police chief, and two other officers were
// killed" (3), "a local commander and his son were shot dead" (2): the one
// person told before "and" adds to the count of the item after it ("his
// son", "his two guards", "two other officers", "three others") when no
// count stands before "and".
void BindOneAndOthers(const std::vector<Hit>& outcomes, SentenceFacts* f);
// figures_ellipsis.cc: "killed four in Basra and two in Amara": a count
// with only its place after "and" shares the outcome and victims of the
// placed count before it.
void BindElliptical(SentenceFacts* f);
// "wounded his wife, who later succumbed to her injuries": marks the killed
// figure a died_of_wounds cue tells (qualifier "later died"), adding one
// for "who"/"he" (two for "both") when none is bound; the mention then
// takes them out of the wounded (MentionBuilder::MoveDiedOfWounds).
void MarkDiedOfWounds(const Lexicon& lex, SentenceFacts* f);
void MarkWoundedWhoDied(const Lexicon& lex, SentenceFacts* f);
// "Five people, three civilians and two policemen, were wounded", "18
// people, including three soldiers and 15 civilians": counts after a
// total of unnamed people that add up to it (or less, after "including")
// are its breakdown, not more victims; they are dropped.
void DropBreakdowns(SentenceFacts* f);
// figures_told.cc: "both civilians were injured", "they were both hurt":
// two, before the "were" at `aux` (or between it and the outcome at `o`).
int64_t BothSubject(const SentenceFacts& f, uint32_t aux, uint32_t o);
// "a clerk sustained minor injuries", "he was killed and his daughter
// injured": one victim as a bare subject of outcome `o`.
void BindBareSubject(const Hit& o, SentenceFacts* f);
// "injured aid worker Ali Khan": the first token of a name after lower-case
// title words from `from` (its end in `*end`), or `from` when none.
uint32_t TitledNameAt(const std::vector<Hit>& outcomes, const SentenceFacts& f,
                      uint32_t from, uint32_t* end);
// The value of the one count told before token `k` ("abducted three youths
// and killed them"), or 0 when none or several were told.
int64_t OnlyCountBefore(const SentenceFacts& f, uint32_t k);
// "killing them both" 2; "injuring them all", "killed them": the count told
// before the verb `o`; 0 when the object is no such pronoun.
int64_t GroupPronounObject(const SentenceFacts& f, const Hit& o);
// Over an article's sentences: "kidnapped three
// villagers. The villagers were later shot dead": the group's count told
// before (for "the hostages", the abducted) is the count of the outcome.
void BindGroupsTold(const Lexicon& lex, std::vector<SentenceFacts>* ss);
// "The injured were identified as A and B", in an article that told no
// count of the injured: two, by their names.
void BindIdentifiedTold(const Lexicon& lex, std::vector<SentenceFacts>* ss);
// "threatened to kill the workers", "tried to kill the deputy": figures of
// an outcome verb right after a hypothetical cue are dropped.
void DropHypotheticalFigures(const Lexicon& lex,
                             const std::vector<Hit>& outcomes,
                             SentenceFacts* f);
// "two ASWJ cadres, identified as Abu Hashim and Zubair, were shot and
// killed", "eight people including four policemen and the party secretary,
// Ali Musa, were killed": a count of two or more opening a clause whose
// subject runs on in an apposition (commas, brackets, names, "including",
// "identified as") from `after` to a passive killed verb, which is
// returned (null when none). No trigger, outcome, "was"/"had", or count
// outside an "including" breakdown stands in between. Killed only, like
// the long subjects of PassiveAfterLongSubject (figures.cc).
const Hit* PassiveAfterApposition(const Lexicon& lex,
                                  const std::vector<Hit>& outcomes,
                                  const SentenceFacts& f, const QuantityAt& qa,
                                  uint32_t after);
// Whether count `qa`'s phrase, ending at `end`, is joined by "," or "and"
// to the next count, which an outcome follows ("four police officers and 11
// civilians were wounded").
bool JoinedToNext(const std::vector<Hit>& outcomes, const SentenceFacts& f,
                  uint32_t end);
// "wounded two of them": a count right after an outcome verb is its object.
bool VerbObject(const std::vector<Hit>& outcomes, const QuantityAt& qa);
// Only "," and "and" (and a trailing group noun) between two counts.
bool Joined(const SentenceFacts& f, uint32_t from, uint32_t to);
// Whether "and" at `k` opens a clause of another verb with its object ("and
// destroyed the car"), which ends an outcome's object.
bool VerbClauseAfter(const SentenceFacts& f, uint32_t k);
// Sets Figure::adds on counts told as more ("two more", "also killed").
void MarkAdditions(SentenceFacts* f);
// "... and the bomber was killed as well": the attacker's own death beside
// his victims', a figure of class "attackers".
void BindAttackerKilled(const std::vector<Hit>& outcomes, SentenceFacts* f);
// Sums the counts of a sentence that each tell their own part ("in the
// first car ... in the second car") into one figure.
void MarkPartitions(SentenceFacts* f);

}  // namespace sitrep::figures_internal

#endif  // SITREP_EXTRACT_FIGURES_INTERNAL_H_
