// The date scanner: one pass over the tokens. At each token it tries, in
// order, a relative phrase ("last night"), "<n> <unit> ago", then an
// optional prefix ("on", "late on", "since", "in") followed by a weekday
// or an absolute date (numeric, month-first, day-first, bare month/year).
#include "sitrep/date_expr.h"

#include <algorithm>

#include "extract/date_lexicon.h"
#include "extract/date_resolve.h"
#include "extract/quantity_lexicon.h"
#include "extract/quantity_parse.h"
#include "extract/quantity_tokens.h"
#include "extract/recognisers.h"

namespace sitrep {
namespace {

// A date as written, before resolution. year/day 0 = not written.
struct AbsDate {
  int year = 0, month = 0, day = 0;
  size_t end = 0;  // one past the last token
  const char* rule = "";
  DatePrecision precision = DatePrecision::kDay;
};

class DateScanner {
 public:
  // `plain`: none of the skips below (start words, the ago-unit check, the
  // absolute forms' first token), the reference for their test.
  DateScanner(const QTokens& t, std::optional<CivilDay> ref, bool plain)
      : t_(t),
        dl_(DateLexicon::Get()),
        ql_(QuantityLexicon::Get()),
        ref_(ref),
        plain_(plain) {}

  // Tries a date expression at token i. *next is where scanning resumes.
  bool TryAt(size_t i, DateMention* m, size_t* next) const;
  // Whether the sentence has an ago unit, asked once and only when needed.
  bool HasAgoUnit() const {
    if (has_ago_unit_ < 0) has_ago_unit_ = plain_ || dl_.HasAgoUnit(t_);
    return has_ago_unit_ > 0;
  }

 private:
  bool TryRel(size_t i, DateMention* m, size_t* next) const;
  bool TryAgo(size_t i, DateMention* m, size_t* next) const;
  bool TryDaysFromPrior(size_t i, size_t k, int64_t n,
                        const DateLexicon::Ago& ago, DateMention* m,
                        size_t* next) const;
  bool TryWeekday(size_t i, size_t j, int mode, DateMention* m,
                  size_t* next) const;
  bool TrySinceEvent(size_t i, DateMention* m, size_t* next) const;
  bool TryAbsolute(size_t j, bool anchored, AbsDate* a) const;
  bool Numeric(size_t j, AbsDate* a) const;
  bool MonthFirst(size_t j, bool anchored, AbsDate* a) const;
  bool DayFirst(size_t j, AbsDate* a) const;
  bool Finish(const AbsDate& a, size_t i, int mode, DateMention* m) const;

  bool IsYear(size_t k) const;
  // A day-of-month number (1-31, one or two digits) at k.
  bool IsDayNumber(size_t k) const;
  bool IsOrdinalSuffix(size_t k) const;
  // A glued separator ("/" or "-") at k, between glued numbers.
  bool GluedSep(size_t k, std::string_view* sep) const;
  Span SpanOf(size_t b, size_t e) const { return {t_[b].begin, t_[e - 1].end}; }

  const QTokens& t_;
  const DateLexicon& dl_;
  const QuantityLexicon& ql_;
  std::optional<CivilDay> ref_;
  // TryAgo needs an ago unit after its number: most sentences have none,
  // and it then fails at a number word without parsing it. -1 = not asked
  // yet (set by HasAgoUnit, at the first number word: the scanner is local
  // to one scan).
  mutable int has_ago_unit_ = -1;
  bool plain_;
};

bool DateScanner::IsYear(size_t k) const {
  if (!t_.IsNumber(k)) return false;
  const QToken& n = t_[k];
  return n.int_digits == 4 && !n.has_comma && !n.has_decimal &&
         n.value >= 1900 && n.value <= 2100;
}

bool DateScanner::IsDayNumber(size_t k) const {
  if (!t_.IsNumber(k)) return false;
  const QToken& n = t_[k];
  return n.int_digits <= 2 && !n.has_decimal && n.value >= 1 && n.value <= 31;
}

bool DateScanner::IsOrdinalSuffix(size_t k) const {
  std::string_view s = t_.Text(k);
  return t_.IsWord(k) && t_.Glued(k) &&
         (s == "st" || s == "nd" || s == "rd" || s == "th");
}

bool DateScanner::GluedSep(size_t k, std::string_view* sep) const {
  std::string_view s = t_.Text(k);
  if (s != "/" && s != "-") return false;
  *sep = s;
  return t_.Glued(k) && t_.IsNumber(k + 1) && t_.Glued(k + 1);
}

// "2020-01-26", "2020/01/26", "01/01/2011", "27-01-2020".
bool DateScanner::Numeric(size_t j, AbsDate* a) const {
  std::string_view s1, s2;
  if (!t_.IsNumber(j) || !GluedSep(j + 1, &s1) || !GluedSep(j + 3, &s2) ||
      s1 != s2) {
    return false;
  }
  const QToken &x = t_[j], &y = t_[j + 2], &z = t_[j + 4];
  if (x.has_decimal || y.has_decimal || z.has_decimal || y.int_digits > 2) {
    return false;
  }
  a->end = j + 5;
  if (IsYear(j) && z.int_digits <= 2) {
    *a = {static_cast<int>(x.value), static_cast<int>(y.value),
          static_cast<int>(z.value), j + 5, "iso"};
    return true;
  }
  if (x.int_digits > 2 || !IsYear(j + 4)) return false;
  int p = static_cast<int>(x.value), q = static_cast<int>(y.value);
  a->year = static_cast<int>(z.value);
  // Day first unless the first part cannot be a day-with-month reading.
  bool mdy = q > 12 && p <= 12;
  a->month = mdy ? p : q;
  a->day = mdy ? q : p;
  a->rule = mdy                  ? "numeric_mdy"
            : (p > 12 || p == q) ? "numeric_dmy"
                                 : "numeric_dmy_ambiguous";
  return true;
}

// "Jan. 27", "January 3, 2020", "October 2019", "(in) October".
bool DateScanner::MonthFirst(size_t j, bool anchored, AbsDate* a) const {
  int month = dl_.MonthAt(t_, j);
  if (month == 0) return false;
  size_t k = j + 1;
  if (t_.Is(k, ".") && t_.Glued(k)) ++k;
  a->month = month;
  if (IsDayNumber(k) &&
      !(t_.Glued(k + 1) && !IsOrdinalSuffix(k + 1) && !t_.Is(k + 1, ",") &&
        !t_.Is(k + 1, ")") && !t_.Is(k + 1, "."))) {
    a->day = static_cast<int>(t_[k].value);
    ++k;
    if (IsOrdinalSuffix(k)) ++k;
    size_t y = t_.Is(k, ",") ? k + 1 : k;
    if (IsYear(y)) {
      a->year = static_cast<int>(t_[y].value);
      k = y + 1;
    }
    a->end = k;
    a->rule = a->year ? "month_day_year" : "month_day";
    return true;
  }
  a->precision = DatePrecision::kMonth;
  if (IsYear(k)) {
    a->year = static_cast<int>(t_[k].value);
    a->end = k + 1;
    a->rule = "month_year";
    return true;
  }
  a->end = j + 1;
  a->rule = "month";
  return anchored;
}

// "27 January", "3 January 2020", "27th of January".
bool DateScanner::DayFirst(size_t j, AbsDate* a) const {
  if (!IsDayNumber(j)) return false;
  size_t k = j + 1;
  if (IsOrdinalSuffix(k)) ++k;
  if (t_.Is(k, "of")) ++k;
  int month = dl_.MonthAt(t_, k);
  if (month == 0) return false;
  a->day = static_cast<int>(t_[j].value);
  a->month = month;
  ++k;
  if (t_.Is(k, ".") && t_.Glued(k) && IsYear(k + 1)) ++k;
  size_t y = t_.Is(k, ",") ? k + 1 : k;
  if (IsYear(y)) {
    a->year = static_cast<int>(t_[y].value);
    k = y + 1;
  }
  a->end = k;
  a->rule = a->year ? "day_month_year" : "day_month";
  return true;
}

bool DateScanner::TryAbsolute(size_t j, bool anchored, AbsDate* a) const {
  *a = AbsDate();
  // Every form below opens with a number (Numeric, DayFirst, a year) or a
  // month name (MonthFirst): most tokens are neither.
  if (!plain_ && !t_.IsNumber(j) && dl_.MonthAt(t_, j) == 0) return false;
  if (Numeric(j, a)) return true;
  *a = AbsDate();
  if (MonthFirst(j, anchored, a)) return true;
  *a = AbsDate();
  if (DayFirst(j, a)) return true;
  *a = AbsDate();
  if (anchored && IsYear(j) &&
      !(t_.IsDash(j + 1) && t_.Glued(j + 1) && t_.IsNumber(j + 2))) {
    *a = {static_cast<int>(t_[j].value), 0, 0, j + 1, "year",
          DatePrecision::kYear};
    return true;
  }
  return false;
}

// Resolves `a` into *m. False for impossible dates (Feb 30).
bool DateScanner::Finish(const AbsDate& a, size_t i, int mode,
                         DateMention* m) const {
  *m = DateMention();
  m->span = SpanOf(i, a.end);
  m->precision = a.precision;
  m->range_start = mode == DateLexicon::kSince;
  m->rule = a.rule;
  bool strict = mode == DateLexicon::kLast;
  if (a.precision == DatePrecision::kYear) {
    m->day = CivilDay{a.year, 0, 0};
  } else if (a.precision == DatePrecision::kMonth) {
    m->day = CivilDay{a.year, a.month, 0};
    m->relative = a.year == 0;
    if (a.year == 0 && ref_) m->day = LatestMonth(a.month, *ref_, strict);
  } else if (a.year != 0) {
    m->day = CivilDay{a.year, a.month, a.day};
    if (!m->day.valid()) return false;
  } else {
    if (!ValidMonthDay(a.month, a.day)) return false;
    m->day = CivilDay{0, a.month, a.day};
    m->relative = true;
    if (ref_) {
      std::optional<CivilDay> d = LatestMonthDay(a.month, a.day, *ref_, strict);
      if (!d) return false;
      m->day = *d;
    }
  }
  return true;
}

bool DateScanner::TryRel(size_t i, DateMention* m, size_t* next) const {
  size_t end;
  int idx;
  if (!dl_.rel.MatchAt(t_, i, &end, &idx)) return false;
  const DateLexicon::Rel& r = dl_.rels[idx];
  *m = DateMention();
  m->span = SpanOf(i, end);
  m->precision = r.unit;
  m->relative = true;
  m->rule = r.rule;
  if (r.prior) {
    m->after_prior = r.offset;  // resolved by the caller (ResolvePrior)
  } else if (ref_ && r.weekend) {
    // "over the weekend": the latest Saturday (offset weeks away), told
    // with week precision since it may have been the Sunday.
    m->day = LatestWeekday(5, ref_->AddDays(7 * int64_t{r.offset}));
  } else if (ref_) {
    switch (r.unit) {
      case DatePrecision::kDay:
        m->day = ref_->AddDays(r.offset);
        break;
      case DatePrecision::kWeek:
        m->day = WeekStart(ref_->AddDays(7 * int64_t{r.offset}));
        break;
      case DatePrecision::kMonth:
        m->day = AddMonths(*ref_, r.offset);
        break;
      case DatePrecision::kYear:
        m->day = CivilDay{ref_->year + r.offset, 0, 0};
        break;
    }
  }
  *next = end;
  return true;
}

// "two days ago", "three weeks ago", "a month ago".
bool DateScanner::TryAgo(size_t i, DateMention* m, size_t* next) const {
  int64_t n = 0;
  size_t k;
  if (t_.Is(i, "a") || t_.Is(i, "an")) {
    n = 1;
    k = i + 1;
  } else if (!(t_.IsNumber(i) ||
               (t_.IsWord(i) && ql_.number_words.MayContain(t_.Hash(i)) &&
                HasAgoUnit())) ||
             !ParseCardinal(t_, ql_, i, &n, &k)) {
    // A number is parsed at once (cheap); a number word only in a sentence
    // with an ago unit somewhere (no unit, no "two days ago"); no other
    // word starts a cardinal.
    return false;
  }
  auto it = t_.IsWord(k) && dl_.ago_filter.MayContain(t_.Hash(k))
                ? dl_.agos.find(t_.Text(k))
                : dl_.agos.end();
  if (it == dl_.agos.end() || n > 5000) return false;
  const DateLexicon::Ago& ago = it->second;
  if (TryDaysFromPrior(i, k, n, ago, m, next)) return true;
  if (!t_.Is(k + 1, "ago")) return false;
  *m = DateMention();
  m->span = SpanOf(i, k + 2);
  m->precision = ago.precision;
  m->relative = true;
  m->rule = "ago";
  if (ref_) {
    int units = static_cast<int>(n);
    if (ago.days > 0) {
      m->day = ref_->AddDays(-int64_t{units} * ago.days);
      if (ago.precision == DatePrecision::kWeek) m->day = WeekStart(m->day);
    } else if (ago.precision == DatePrecision::kMonth) {
      m->day = AddMonths(*ref_, -units);
    } else {
      m->day = CivilDay{ref_->year - units, 0, 0};
    }
  }
  *next = k + 2;
  return true;
}

// "two days later", "three days earlier": counted from the date told
// before, like "the next day". Days only: "two weeks later" is left alone.
bool DateScanner::TryDaysFromPrior(size_t i, size_t k, int64_t n,
                                   const DateLexicon::Ago& ago, DateMention* m,
                                   size_t* next) const {
  if (ago.days != 1 || !t_.IsWord(k + 1) || n > 366) return false;
  auto sign = dl_.priors.find(t_.Text(k + 1));
  if (sign == dl_.priors.end()) return false;
  *m = DateMention();
  m->span = SpanOf(i, k + 2);
  m->relative = true;
  m->rule = sign->second > 0 ? "days_later" : "days_earlier";
  m->after_prior = sign->second * static_cast<int>(n);
  *next = k + 2;
  return true;
}

// "on Sunday", "late on Sunday", "Monday morning", "Friday (Jan 24)".
bool DateScanner::TryWeekday(size_t i, size_t j, int mode, DateMention* m,
                             size_t* next) const {
  int wd = dl_.WeekdayAt(t_, j);
  if (wd < 0) return false;
  size_t k = j + 1;
  if (t_.IsWord(k) && dl_.wd_suffixes.count(t_.Text(k))) ++k;
  size_t p = k;
  bool paren = t_.Is(p, "(");
  if (paren || t_.Is(p, ",")) ++p;
  AbsDate a;
  if (TryAbsolute(p, false, &a) && a.precision == DatePrecision::kDay) {
    size_t end = a.end;
    if (paren && t_.Is(end, ")")) ++end;
    a.end = end;
    a.rule = "weekday_date";
    *next = end;
    return Finish(a, i, mode, m);
  }
  *m = DateMention();
  m->span = SpanOf(i, k);
  m->relative = true;
  m->range_start = mode == DateLexicon::kSince;
  m->rule = "weekday";
  if (ref_) m->day = LatestWeekday(wd, *ref_, mode == DateLexicon::kLast);
  *next = k;
  return true;
}

// "since the unrest began": a period start with no date.
bool DateScanner::TrySinceEvent(size_t i, DateMention* m, size_t* next) const {
  for (size_t k = i + 1; k < t_.size() && k <= i + 10; ++k) {
    if (!t_.IsWord(k)) return false;  // stop at punctuation and numbers
    size_t end;
    int payload;
    if (dl_.since_event.MatchAt(t_, k, &end, &payload)) {
      *m = DateMention();
      m->span = SpanOf(i, end);
      m->range_start = true;
      m->rule = "since_event";
      *next = end;
      return true;
    }
  }
  return false;
}

bool DateScanner::TryAt(size_t i, DateMention* m, size_t* next) const {
  *next = i + 1;
  if (TryRel(i, m, next) || TryAgo(i, m, next)) return true;
  size_t j = i;
  int mode = -1;
  if (!dl_.wd_prefix.MatchAt(t_, i, &j, &mode)) {
    if (int anchor = dl_.AnchorAt(t_, i); anchor >= 0) {
      mode = anchor;
      j = i + 1;
      if (t_.IsDash(j) && t_.Glued(j)) ++j;  // "mid-October"
    }
  }
  AbsDate a;
  if (mode >= 0) {
    if (TryWeekday(i, j, mode, m, next)) return true;
    if (TryAbsolute(j, true, &a)) {
      *next = a.end;
      return Finish(a, i, mode, m);
    }
    if (mode == DateLexicon::kSince && t_.Is(i, "since") &&
        TrySinceEvent(i, m, next)) {
      return true;
    }
  }
  if (TryWeekday(i, i, -1, m, next)) return true;
  if (TryAbsolute(i, false, &a)) {
    *next = a.end;
    return Finish(a, i, -1, m);
  }
  return false;
}

}  // namespace

std::optional<DateMention> ResolvePrior(DateMention d, const CivilDay& told) {
  if (!d.after_prior || !told.complete() || !told.valid()) return std::nullopt;
  d.day = told.AddDays(*d.after_prior);
  d.precision = DatePrecision::kDay;
  return d;
}

std::vector<DateMention> FindDates(std::string_view text,
                                   std::optional<CivilDay> reference) {
  return FindDatesIn(QTokens(text), reference);
}

namespace {

std::vector<DateMention> ScanDates(const QTokens& t,
                                   std::optional<CivilDay> reference,
                                   bool plain) {
  if (reference && !reference->valid()) reference.reset();
  std::vector<DateMention> out;
  DateScanner scan(t, reference, plain);
  DateMention m;
  const QStartFilter& starts = DateLexicon::Get().starts;
  size_t i = 0, next = 0;
  while ((i = plain ? i : starts.NextStart(t, i)) < t.size()) {
    // The tokens skipped above: TryAt fails there and resumes at the next.
    if (scan.TryAt(i, &m, &next)) out.push_back(std::move(m));
    i = std::max(next, i + 1);
  }
  return out;
}

}  // namespace

std::vector<DateMention> FindDatesIn(const QTokens& t,
                                     std::optional<CivilDay> reference) {
  return ScanDates(t, reference, false);
}

std::vector<DateMention> FindDatesPlainIn(const QTokens& t,
                                          std::optional<CivilDay> reference) {
  return ScanDates(t, reference, true);
}

}  // namespace sitrep
