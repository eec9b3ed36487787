// Helpers shared by the mention builder's files (src/extract/mention_*.cc).
// Internal to the extract stage.
#ifndef SITREP_EXTRACT_MENTION_UTIL_H_
#define SITREP_EXTRACT_MENTION_UTIL_H_

#include <optional>
#include <string_view>

#include "extract/analysis.h"
#include "sitrep/event.h"

namespace sitrep::mention_util {

// 0 = Monday .. 6 = Sunday when `s` names a weekday, else -1.
int WeekdayNamed(std::string_view s);
// "said on Friday": when it was reported, not when it happened.
bool ReportDate(const SentenceFacts& f, const DateMention& d);
// "came a day after" shifts the date named before it back.
DateMention ShiftAfter(const SentenceFacts& f, DateMention d);
// An ambiguous numeric date settled by the weekday the text names.
DateMention Disambiguate(DateMention d, int weekday);
// Short capitals that are acronyms, not country codes or places.
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

}  // namespace sitrep::mention_util

#endif  // SITREP_EXTRACT_MENTION_UTIL_H_
