// The date recogniser's word lists, read from data/lexicon/dates.tsv (see
// that file's header for the kinds).
//
// Thread safety: immutable after construction; Get() is initialised once.
#ifndef SITREP_EXTRACT_DATE_LEXICON_H_
#define SITREP_EXTRACT_DATE_LEXICON_H_

#include <string>
#include <vector>

#include "extract/quantity_lexicon.h"
#include "extract/quantity_tokens.h"
#include "sitrep/date_expr.h"
#include "sitrep/status.h"

namespace sitrep {

struct DateLexicon {
  struct Named {
    int value;       // month 1-12 or weekday 0-6
    bool needs_cap;  // only when written capitalised
  };
  struct Rel {
    int offset;
    DatePrecision unit = DatePrecision::kDay;
    std::string rule;
    bool weekend = false;  // unit "weekend": the Saturday, week precision
    bool prior = false;    // unit "prior": offset days from the date told
                           // last ("the next day"), left to the caller
  };
  struct Ago {
    int days;  // per unit; 0 = calendar months/years
    DatePrecision precision;
  };
  enum Mode { kOn = 0, kLast = 1, kSince = 2 };

  QStringMap<Named> months, weekdays;
  QWordFilter month_filter, weekday_filter;  // their keys: skips most lookups
  QPhraseTable rel, wd_prefix, since_event;
  std::vector<Rel> rels;
  QStringMap<Ago> agos;
  QWordFilter ago_filter;  // the agos' keys
  QStringMap<int> priors;  // "later" +1, "earlier" -1 ("two days later")
  QStringMap<bool> wd_suffixes;
  QStringMap<Mode> anchors;
  QWordFilter anchor_filter;  // the anchors' keys: skips most lookups
  // Where a date may start, judged with the token after it (QStartFilter):
  // a number, a rel or wd_prefix phrase, an anchor before a date, a month,
  // a weekday, "a" or "an" before an ago unit, another number word.
  QStartFilter starts;
  // How an outlet writes ambiguous numeric dates (01/02/2011): true = month
  // first. Keys are lower-case outlet names or web hosts; "default" is the
  // reading when neither the article nor its outlet settles it.
  QStringMap<bool> month_first;

  // Whether an article from `outlet` at `url` writes month first, by the
  // `order` rows (host suffixes match: "www.apnews.com" <- "apnews.com").
  bool MonthFirst(std::string_view outlet, std::string_view url) const;

  // Month (1-12) named by token i, or 0. Capitalisation is checked.
  // (The filters are inline: the scanner asks at most tokens.)
  int MonthAt(const QTokens& t, size_t i) const {
    if (!t.IsWord(i) || !month_filter.MayContain(t.Hash(i))) return 0;
    return LookUpMonth(t, i);
  }
  // Weekday (0-6) named by token i, or -1.
  int WeekdayAt(const QTokens& t, size_t i) const {
    if (!t.IsWord(i) || !weekday_filter.MayContain(t.Hash(i))) return -1;
    return LookUpWeekday(t, i);
  }
  // The mode of the anchor word ("on", "last", "since") at token i, or -1.
  int AnchorAt(const QTokens& t, size_t i) const {
    if (!t.IsWord(i) || !anchor_filter.MayContain(t.Hash(i))) return -1;
    return LookUpAnchor(t, i);
  }
  // The three above past their filters.
  int LookUpMonth(const QTokens& t, size_t i) const;
  int LookUpWeekday(const QTokens& t, size_t i) const;
  int LookUpAnchor(const QTokens& t, size_t i) const;
  // Whether some word token of `t` is a unit of `agos` ("days", "weeks"):
  // without one no "N days ago" or "two days later" can start anywhere.
  bool HasAgoUnit(const QTokens& t) const;

  static Result<DateLexicon> Parse(std::string_view tsv);
  // From LoadLexiconText("dates.tsv"); empty (message on stderr) if broken.
  static const DateLexicon& Get();
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_DATE_LEXICON_H_
