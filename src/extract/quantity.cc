// The quantity scanner: one pass over the tokens; at each token it tries a
// zero expression, then [qualifier] core [range] [suffix], then rejects the
// candidate when its context says it is not a count of people (years,
// times, dates, ages, money, units, identifiers).
#include "sitrep/quantity.h"

#include <algorithm>

#include "extract/date_lexicon.h"
#include "extract/quantity_lexicon.h"
#include "extract/quantity_parse.h"
#include "extract/quantity_tokens.h"
#include "extract/recognisers.h"

namespace sitrep {
namespace {

class QuantityScanner {
 public:
  // `plain`: no start-word filter (the reference for its test).
  explicit QuantityScanner(const QTokens& t, bool plain = false)
      : t_(t),
        lx_(QuantityLexicon::Get()),
        dl_(DateLexicon::Get()),
        plain_(plain) {}

  // Tries a quantity starting at token i. On success fills *q and returns
  // true; *next is always set to the token where scanning resumes.
  bool TryAt(size_t i, Quantity* q, size_t* next) const;
  // For i < t.size(): false when no quantity can start at token i (TryAt
  // fails there and
  // resumes at i + 1): each form opens with a number or a word of
  // lx_.starts (a zero phrase, a qualifier, "between", or a core).
  bool MayStart(size_t i) const { return plain_ || lx_.starts.MayStart(t_, i); }

 private:
  bool TryZero(size_t i, Quantity* q, size_t* next) const;
  bool CoreBlocked(const QCore& c, bool qualified) const;
  bool LeftBlocked(size_t start, size_t j) const;
  bool RightBlocked(size_t end) const;
  bool AgeLike(const QCore& c) const;
  bool TryRange(const QCore& c, bool between, QCore* hi) const;
  Span SpanOf(size_t b, size_t e) const { return {t_[b].begin, t_[e - 1].end}; }

  const QTokens& t_;
  const QuantityLexicon& lx_;
  const DateLexicon& dl_;
  bool plain_;
};

bool QuantityScanner::TryZero(size_t i, Quantity* q, size_t* next) const {
  size_t end = 0;
  int payload;
  if (!lx_.zero.MatchAt(t_, i, &end, &payload)) {
    size_t k;
    if (!lx_.zerohead.MatchAt(t_, i, &k, &payload)) return false;
    auto noun = [&](size_t n) {
      return t_.IsWord(n) && lx_.zeronouns.count(t_.Text(n)) > 0;
    };
    if (noun(k)) {
      end = k + 1;
    } else if (t_.IsWord(k) && noun(k + 1)) {  // "no serious injuries"
      end = k + 2;
    } else {
      return false;
    }
  }
  q->span = SpanOf(i, end);
  q->count = Count{0, 0, 0};
  q->qualifier = "zero";
  *next = end;
  return true;
}

// Years ("2003"), and "one of"-style pairs.
bool QuantityScanner::CoreBlocked(const QCore& c, bool qualified) const {
  if (c.digits && c.end == c.begin + 1) {
    const QToken& n = t_[c.begin];
    if (!qualified && n.int_digits == 4 && !n.has_comma && n.value >= 1900 &&
        n.value <= 2100) {
      return true;
    }
  }
  if (c.end == c.begin + 1 && t_.IsWord(c.begin)) {
    auto it = lx_.skip_pairs.find(t_.Text(c.begin));
    if (it != lx_.skip_pairs.end()) {
      for (const std::string& w : it->second) {
        if (t_.Is(c.end, w)) return true;
      }
    }
  }
  return false;
}

// Context before the core at token j (expression starting at `start`).
bool QuantityScanner::LeftBlocked(size_t start, size_t j) const {
  if (lx_.skip_before.MatchEndingAt(t_, start) ||
      (j != start && lx_.skip_before.MatchEndingAt(t_, j))) {
    return true;
  }
  if (!t_.IsNumber(j)) return false;
  if (t_.Glued(j) && j > 0) {
    if (t_.IsWord(j - 1)) return true;  // "G20", "MQ9"
    std::string_view p = t_.Text(j - 1);
    bool joiner = t_.IsDash(j - 1) || p == "/" || p == ":" || p == "." ||
                  p == "$" || p == "#";
    if (joiner && t_.Glued(j - 1)) return true;  // "F-16", "10:30", "1/2"
  }
  // "Jan 27", "Jan. 27", "Friday 24".
  if (j > 0 && (dl_.MonthAt(t_, j - 1) || dl_.WeekdayAt(t_, j - 1) >= 0)) {
    return true;
  }
  return j > 1 && t_.Is(j - 1, ".") && dl_.MonthAt(t_, j - 2);
}

// Context after the expression ending before token `end`.
bool QuantityScanner::RightBlocked(size_t end) const {
  if (end >= t_.size()) return false;
  if (t_.Glued(end)) {
    if (t_.IsWord(end)) return true;  // "2am", "21st", "5km", "1990s"
    std::string_view p = t_.Text(end);
    bool joiner = t_.IsDash(end) || p == "/" || p == ":";
    if (joiner && t_.IsNumber(end + 1) && t_.Glued(end + 1)) return true;
  }
  size_t k = end;
  if (t_.IsDash(k) && t_.Glued(k)) ++k;  // "26-year-old", "160-km"
  size_t e;
  int payload;
  if (lx_.unit_after.MatchAt(t_, k, &e, &payload)) return true;
  // "27 January", "3rd of March".
  return dl_.MonthAt(t_, end) || (t_.Is(end, "of") && dl_.MonthAt(t_, end + 1));
}

// "Zaidoun, 26, was ..." or "Ali (26)": an age after a name.
bool QuantityScanner::AgeLike(const QCore& c) const {
  if (!c.digits || c.end != c.begin + 1 || t_[c.begin].value > 120) {
    return false;
  }
  size_t j = c.begin;
  if (j < 2 || !t_.IsWord(j - 2) || !t_[j - 2].capitalized) return false;
  return (t_.Is(j - 1, ",") && t_.Is(c.end, ",")) ||
         (t_.Is(j - 1, "(") && t_.Is(c.end, ")"));
}

bool QuantityScanner::TryRange(const QCore& c, bool between, QCore* hi) const {
  size_t k = c.end;
  bool joined = between ? t_.Is(k, "and")
                        : t_.Is(k, "to") || t_.Is(k, "or") || t_.IsDash(k);
  if (!joined || !c.exact || !ParseCore(t_, lx_, k + 1, hi) || !hi->exact) {
    return false;
  }
  if (t_.IsDash(k) && hi->digits != c.digits) return false;
  return hi->value > c.value && !CoreBlocked(*hi, false);
}

bool QuantityScanner::TryAt(size_t i, Quantity* q, size_t* next) const {
  *next = i + 1;
  if (!MayStart(i)) return false;
  if (TryZero(i, q, next)) return true;
  size_t j = i;
  int qi = -1;
  lx_.qual.MatchAt(t_, i, &j, &qi);
  bool between = t_.Is(j, "between");
  if (between) ++j;
  QCore c, hi;
  if (!ParseCore(t_, lx_, j, &c)) return false;
  if (CoreBlocked(c, qi >= 0) || LeftBlocked(i, j) || AgeLike(c)) {
    *next = c.end;
    return false;
  }
  bool range = TryRange(c, between, &hi);
  if (between && !range) return false;
  size_t end = range ? hi.end : c.end;
  int si = -1;
  if (!range) lx_.suffix.MatchAt(t_, end, &end, &si);
  if (RightBlocked(end)) {
    *next = end;
    return false;
  }
  if (range) {
    q->count = Count{c.value, c.value, hi.value};
    q->qualifier = "range";
  } else if (!c.exact) {
    q->count = c.vague;
    q->qualifier = "vague";
  } else if (si >= 0 || qi >= 0) {
    const QTemplate& tp = si >= 0 ? lx_.suffixes[si] : lx_.quals[qi];
    q->count = tp.Apply(c.value);
    q->qualifier = tp.name;
  } else {
    q->count = Count{c.value, c.value, c.value};
    q->qualifier = c.value == 0 ? "zero" : "exact";
  }
  int64_t top = range ? hi.value : c.value;
  q->implausible = top > kImplausibleCount;
  q->span = SpanOf(i, end);
  *next = end;
  return true;
}

}  // namespace

std::vector<Quantity> FindQuantities(std::string_view text) {
  return FindQuantitiesIn(QTokens(text));
}

namespace {

std::vector<Quantity> ScanQuantities(const QTokens& t, bool plain) {
  std::vector<Quantity> out;
  QuantityScanner scan(t, plain);
  Quantity q;
  const QStartFilter& starts = QuantityLexicon::Get().starts;
  size_t i = 0, next = 0;
  while ((i = plain ? i : starts.NextStart(t, i)) < t.size()) {
    // The tokens skipped above: TryAt fails there and resumes at the next.
    if (scan.TryAt(i, &q, &next)) out.push_back(std::move(q));
    i = std::max(next, i + 1);
  }
  return out;
}

}  // namespace

std::vector<Quantity> FindQuantitiesIn(const QTokens& t) {
  return ScanQuantities(t, false);
}

std::vector<Quantity> FindQuantitiesPlainIn(const QTokens& t) {
  return ScanQuantities(t, true);
}

std::optional<Quantity> ParseQuantity(std::string_view text) {
  QTokens t(text);
  if (t.size() == 0) return std::nullopt;
  QuantityScanner scan(t);
  Quantity q;
  size_t next = 0;
  if (!scan.TryAt(0, &q, &next) || next != t.size()) return std::nullopt;
  return q;
}

}  // namespace sitrep
