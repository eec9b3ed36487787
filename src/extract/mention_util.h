// Helpers shared by the mention builder's files (src/extract/mention_*.cc).
// Internal to the extract stage.
#ifndef SITREP_EXTRACT_MENTION_UTIL_H_
#define SITREP_EXTRACT_MENTION_UTIL_H_

#include <optional>
#include <string_view>

#include "extract/analysis.h"
#include "sitrep/article.h"
#include "sitrep/event.h"

namespace sitrep::mention_util {

// 0 = Monday .. 6 = Sunday when `s` names a weekday, else -1.
int WeekdayNamed(std::string_view s);
// "said on Friday": when it was reported, not when it happened.
bool ReportDate(const SentenceFacts& f, const DateMention& d);

// A date that can be an event's own: a full day or a week ("over the
// weekend", "last week"; the event keeps the week precision), not a period
// start ("since Oct. 1").
inline bool EventDay(const DateMention& d) {
  return !d.range_start && d.day.year != 0 &&
         (d.precision == DatePrecision::kDay ||
          d.precision == DatePrecision::kWeek);
}

// "More than 250 were killed in October", "... this year": the sentence
// names a month, or the year of publication, and no day or week, so its
// counts are a period's total. An older year recalls an event of its own.
bool PeriodOnly(const SentenceFacts& f,
                const std::optional<CivilDay>& published);

// Whether the sentence's first figure stands nearer (in bytes) to `a` than
// to `b`. False when the sentence has no figure.
bool NearerToFigures(const SentenceFacts& f, Span a, Span b);
// "came a day after" shifts the date named before it back.
DateMention ShiftAfter(const Lexicon& lex, const SentenceFacts& f,
                       DateMention d);
// An ambiguous numeric date (01/02/2011) settled by the weekday the text
// names, then the publication day (no reading after it), then
// `month_first` (the article's convention; see ArticleMonthFirst).
DateMention SettleNumeric(DateMention d, int weekday, bool month_first,
                          const std::optional<CivilDay>& published);
// Whether a cue of kind `cue` (hypothetical, generic, recollection) speaks
// of the event the sentence tells. It does not when it stands after the
// main trigger of `event_type`, past a comma or a word opening another
// clause, with no speech verb between and no trigger after it: "held a
// protest, fearing they would lose their jobs" tells a protest; "a rally in
// Kisumu was called off", "organisers said they would march", "... could
// spark a crackdown" do not. Without such a trigger, any cue speaks.
bool CueGoverns(const Lexicon& lex, const SentenceFacts& f, Cue cue,
                std::string_view event_type);
// How `a` writes numeric dates (true = month first): an unambiguous one in
// it (12/25/2011 month first, 25/12/2011 day first) settles the others when
// all agree; else an ambiguous one its sentence's weekday settles ("01/06/2011:
// On Thursday" is month first); else its outlet's convention (dates.tsv
// `order`).
bool ArticleMonthFirst(const std::vector<SentenceFacts>& ss, const Article& a);
// "21 people were killed in the three bombings", "between the two attacks",
// "across all ten incidents": how many incidents the sentence's counts are
// told over (words.tsv sets "over" and "incidents"; "both" is two); 0 when
// none.
int64_t IncidentsCounted(const SentenceFacts& f);
// "in one of three related attacks": how many incidents the article says
// the one it reports is one of; 0 when it says none.
int64_t OneOfIncidents(const std::vector<SentenceFacts>& ss);
// Short capitals that are acronyms, not country codes or places.
// The sentence's cues, one bit per Cue, from one pass over its hits: bit
// c is f.HasCue(lex, c) (for a sentence asked about several cues).
uint32_t CueBits(const Lexicon& lex, const SentenceFacts& f);
inline bool HasCueBit(uint32_t bits, Cue c) {
  return (bits >> static_cast<int>(c) & 1) != 0;
}
bool CodeLike(std::string_view s);
bool Acronym(std::string_view s);
std::string_view TrimSpaces(std::string_view s);
bool Near(const Location& a, const Location& b);
// The mention's place, or another local place its sentences named.
bool NearAny(const Mention& m, const Location& l);
// "Video showed ...", "Footage shared online shows ...": the sentence is
// about footage (a media word opens it), not "a video and CD market".
bool AboutFootage(const Lexicon& lex, const SentenceFacts& f);
// "3 fatalities.", "Death toll: 12, with 30 injured.": a short sentence that
// only states the toll of the event just told (no victims named, nothing
// "other" or "more" added to it). Its figures replace that event's.
bool Restatement(const Lexicon& lex, const SentenceFacts& f);
bool RevisedToll(const Lexicon& lex, const SentenceFacts& f);
bool LaterDeathsOnly(const SentenceFacts& f);

}  // namespace sitrep::mention_util

#endif  // SITREP_EXTRACT_MENTION_UTIL_H_
