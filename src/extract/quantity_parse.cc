#include "extract/quantity_parse.h"

#include <cmath>
#include <limits>

namespace sitrep {
namespace {

constexpr int64_t kMaxValue = int64_t{1} << 60;  // saturate beyond this

int64_t SatMul(int64_t a, int64_t b) {
  if (a != 0 && b > kMaxValue / a) return kMaxValue;
  return a * b;
}

// Units, tens and scales are all in lx.number_words: a token the filter
// rejects is none of them, without hashing its text for the maps.
bool MayBeNumberWord(const QTokens& t, const QuantityLexicon& lx, size_t i) {
  return i >= t.size() || lx.number_words.MayContain(t.Hash(i));
}

int64_t ScaleAt(const QTokens& t, const QuantityLexicon& lx, size_t i) {
  if (!t.IsWord(i) || !MayBeNumberWord(t, lx, i)) return 0;
  auto it = lx.scales.find(t.Text(i));
  return it == lx.scales.end() ? 0 : it->second;
}

int64_t Lookup(const QStringMap<int64_t>& m, std::string_view w) {
  auto it = m.find(w);
  return it == m.end() ? -1 : it->second;
}

// Lookup(m, t.Text(i)) for m = lx.units or lx.tens.
int64_t LookupAt(const QTokens& t, const QuantityLexicon& lx,
                 const QStringMap<int64_t>& m, size_t i) {
  return MayBeNumberWord(t, lx, i) ? Lookup(m, t.Text(i)) : -1;
}

// State of the number-word grammar: what the last consumed word was.
enum class W { kNone, kA, kUnit, kTens, kHundred, kScale, kAnd };

// One step of the number-word grammar at token k. Returns false when token
// k cannot continue the number.
bool WordStep(const QTokens& t, const QuantityLexicon& lx, size_t k, W* st,
              int64_t* total, int64_t* cur, int64_t* last_scale) {
  if (!lx.number_words.MayContain(t.Hash(k))) return false;
  std::string_view w = t.Text(k);
  int64_t v;
  if ((w == "a" || w == "an") && *st == W::kNone) {
    if (ScaleAt(t, lx, k + 1) == 0) return false;
    *cur = 1;
    *st = W::kA;
  } else if ((v = Lookup(lx.units, w)) >= 0) {
    bool ok = *st == W::kNone || *st == W::kHundred || *st == W::kScale ||
              *st == W::kAnd || (*st == W::kTens && v >= 1 && v <= 9);
    if (!ok) return false;
    *cur += v;
    *st = W::kUnit;
  } else if ((v = Lookup(lx.tens, w)) >= 0) {
    if (*st != W::kNone && *st != W::kHundred && *st != W::kScale &&
        *st != W::kAnd) {
      return false;
    }
    *cur += v;
    *st = W::kTens;
  } else if ((v = Lookup(lx.scales, w)) > 0) {
    if (*st != W::kA && *st != W::kUnit && *st != W::kTens &&
        !(*st == W::kHundred && v > 100)) {
      return false;
    }
    if (v == 100) {
      if (*cur >= 100) return false;
      *cur *= 100;
      *st = W::kHundred;
      return true;
    }
    if (v >= *last_scale) return false;
    *total += SatMul(*cur, v);
    *cur = 0;
    *last_scale = v;
    *st = W::kScale;
  } else {
    return false;
  }
  return true;
}

bool ParseWords(const QTokens& t, const QuantityLexicon& lx, size_t i,
                int64_t* value, size_t* end) {
  // A number starts with a number word (or "a"/"an" before a scale): most
  // tokens fail the filter (so would the first step below).
  if (!t.IsWord(i) || !lx.number_words.MayContain(t.Hash(i))) return false;
  W st = W::kNone;
  int64_t total = 0, cur = 0, last_scale = std::numeric_limits<int64_t>::max();
  size_t k = i, good = i;
  while (k < t.size()) {
    if (st == W::kTens && t.IsDash(k) && t.Glued(k) && t.Glued(k + 1)) {
      int64_t u = t.IsWord(k + 1) ? LookupAt(t, lx, lx.units, k + 1) : -1;
      if (u < 1 || u > 9) break;
      ++k;
      continue;
    }
    if (!t.IsWord(k)) break;
    if (t.Is(k, "and")) {
      // "and" continues only after a hundred or a scale (most "and"s are
      // not in a number: no lookups then).
      if (st != W::kHundred && st != W::kScale) break;
      bool next_small = LookupAt(t, lx, lx.units, k + 1) >= 0 ||
                        LookupAt(t, lx, lx.tens, k + 1) >= 0;
      if (!next_small) break;
      st = W::kAnd;
      ++k;
      continue;
    }
    if (!WordStep(t, lx, k, &st, &total, &cur, &last_scale)) break;
    ++k;
    if (st != W::kA) {
      good = k;
      *value = total + cur;
    }
  }
  if (good == i) return false;
  *end = good;
  return true;
}

// Digits with an optional scale word: "75", "1,200", "1.2 million".
bool ParseDigits(const QTokens& t, const QuantityLexicon& lx, size_t i,
                 int64_t* value, size_t* end) {
  if (!t.IsNumber(i)) return false;
  const QToken& n = t[i];
  int64_t scale = ScaleAt(t, lx, i + 1);
  if (scale > 0) {
    double v = std::round(n.dvalue * static_cast<double>(scale));
    *value = v >= static_cast<double>(kMaxValue) ? kMaxValue
                                                 : static_cast<int64_t>(v);
    *end = i + 2;
    return true;
  }
  if (n.has_decimal) return false;  // "3.5" alone counts no people
  *value = n.value;
  *end = i + 1;
  return true;
}

}  // namespace

bool ParseCardinal(const QTokens& t, const QuantityLexicon& lx, size_t i,
                   int64_t* value, size_t* end) {
  return ParseDigits(t, lx, i, value, end) || ParseWords(t, lx, i, value, end);
}

bool ParseCore(const QTokens& t, const QuantityLexicon& lx, size_t i,
               QCore* out) {
  *out = QCore();
  out->begin = i;
  int payload;
  size_t end;
  bool phrase = true;
  if (lx.exact.MatchAt(t, i, &end, &payload)) {
    out->value = lx.exact_values[payload];
  } else if (lx.vague.MatchAt(t, i, &end, &payload)) {
    out->exact = false;
    out->vague = lx.vague_counts[payload];
  } else if (ParseDigits(t, lx, i, &out->value, &end)) {
    out->digits = true;
    phrase = false;
  } else if (ParseWords(t, lx, i, &out->value, &end)) {
    phrase = false;
  } else {
    return false;
  }
  // A phrase times a scale: "a couple hundred", "several thousand".
  if (int64_t s = phrase ? ScaleAt(t, lx, end) : 0; s > 0) {
    out->value = SatMul(out->value, s);
    for (auto* f : {&out->vague.low, &out->vague.best, &out->vague.high}) {
      if (f->has_value()) *f = SatMul(**f, s);
    }
    ++end;
  }
  if (!out->exact) {
    out->value = out->vague.best  ? *out->vague.best
                 : out->vague.low ? *out->vague.low
                                  : out->vague.high.value_or(0);
  }
  out->end = end;
  return true;
}

}  // namespace sitrep
