#include "extract/quantity_lexicon.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "extract/tsv.h"

namespace sitrep {

void QPhraseTable::Add(std::string_view phrase, int payload) {
  QTokens t(phrase);
  if (t.size() == 0) return;
  Phrase p;
  p.payload = payload;
  for (size_t i = 0; i < t.size(); ++i) {
    p.toks.emplace_back(t.Text(i));
    p.hashes.push_back(t.Hash(i));
  }
  max_len_ = std::max(max_len_, p.toks.size());
  first_filter_.Add(p.toks[0]);
  List* list = const_cast<List*>(FindList(p.hashes[0], p.toks[0]));
  if (list == nullptr) {
    lists_.push_back({p.toks[0], p.hashes[0], {}});
    list = &lists_.back();
    size_t n = std::max<size_t>(16, slots_.size());  // a power of two
    while (n < 2 * lists_.size()) n *= 2;
    slots_.assign(n, 0);  // re-indexed below
    const size_t mask = slots_.size() - 1;
    for (size_t k = 0; k < lists_.size(); ++k) {
      size_t s = lists_[k].hash & mask;
      while (slots_[s] != 0) s = (s + 1) & mask;
      slots_[s] = static_cast<uint32_t>(k + 1);
    }
  }
  list->phrases.push_back(std::move(p));
  std::stable_sort(list->phrases.begin(), list->phrases.end(),
                   [](const Phrase& a, const Phrase& b) {
                     return a.toks.size() > b.toks.size();
                   });
}

const QPhraseTable::List* QPhraseTable::FindList(uint64_t h,
                                                 std::string_view text) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  for (size_t s = h & mask; slots_[s] != 0; s = (s + 1) & mask) {
    const List& l = lists_[slots_[s] - 1];
    if (l.hash == h && l.first == text) return &l;
  }
  return nullptr;
}

bool QPhraseTable::MatchPhrasesAt(const QTokens& t, size_t i, size_t* end,
                                  int* payload) const {
  const List* list = FindList(t.Hash(i), t.Text(i));
  if (list == nullptr) return false;
  for (const Phrase& p : list->phrases) {
    if (i + p.toks.size() > t.size()) continue;
    size_t k = 1;
    while (k < p.toks.size() && t.Hash(i + k) == p.hashes[k] &&
           t.Text(i + k) == p.toks[k]) {
      ++k;
    }
    if (k == p.toks.size()) {
      *end = i + k;
      *payload = p.payload;
      return true;
    }
  }
  return false;
}

bool QPhraseTable::MatchEndingAt(const QTokens& t, size_t end) const {
  for (size_t len = 1; len <= max_len_ && len <= end; ++len) {
    size_t e;
    int payload;
    if (MatchAt(t, end - len, &e, &payload) && e == end) return true;
  }
  return false;
}

void QStartFilter::AddPhrases(const QPhraseTable& table, bool single_leads) {
  table.ForEachPhrase([&](const std::vector<std::string>& toks) {
    if (toks.size() > 1) {
      AddPair(toks[0], toks[1]);
    } else if (single_leads) {
      AddLead(toks[0]);
    } else {
      AddAny(toks[0]);
    }
  });
}

Count QTemplate::Apply(int64_t n) const {
  Count c;
  if (low) c.low = n;
  if (best) c.best = n;
  if (high) c.high = n;
  return c;
}

namespace {

bool ParseInt(std::string_view s, int64_t* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// A count column: a number or "-" (unknown).
bool ParseCountCell(std::string_view s, std::optional<int64_t>* out) {
  if (s == "-") return true;
  int64_t v;
  if (!ParseInt(s, &v)) return false;
  *out = v;
  return true;
}

// A template column: "N" (takes the number) or "-".
bool ParseTemplateCell(std::string_view s, bool* out) {
  *out = s == "N";
  return s == "N" || s == "-";
}

Status AddRow(const TsvRow& r, QuantityLexicon* lx) {
  std::string_view kind = r.at(0), phrase = r.at(1);
  if (phrase.empty()) return Status::InvalidArgument("empty phrase");
  int64_t v = 0;
  if (kind == "unit" || kind == "tens" || kind == "scale" || kind == "exact") {
    if (!ParseInt(r.at(2), &v)) return Status::InvalidArgument("bad value");
    if (kind == "exact") {
      lx->exact.Add(phrase, static_cast<int>(lx->exact_values.size()));
      lx->exact_values.push_back(v);
    } else {
      auto& map = kind == "unit"   ? lx->units
                  : kind == "tens" ? lx->tens
                                   : lx->scales;
      map[std::string(phrase)] = v;
    }
  } else if (kind == "vague") {
    Count c;
    if (!ParseCountCell(r.at(2), &c.low) || !ParseCountCell(r.at(3), &c.best) ||
        !ParseCountCell(r.at(4), &c.high)) {
      return Status::InvalidArgument("bad vague counts");
    }
    lx->vague.Add(phrase, static_cast<int>(lx->vague_counts.size()));
    lx->vague_counts.push_back(c);
  } else if (kind == "qual" || kind == "suffix") {
    QTemplate q;
    q.name = std::string(r.at(2));
    if (q.name.empty() || !ParseTemplateCell(r.at(3), &q.low) ||
        !ParseTemplateCell(r.at(4), &q.best) ||
        !ParseTemplateCell(r.at(5), &q.high)) {
      return Status::InvalidArgument("bad qualifier template");
    }
    auto& list = kind == "qual" ? lx->quals : lx->suffixes;
    (kind == "qual" ? lx->qual : lx->suffix)
        .Add(phrase, static_cast<int>(list.size()));
    list.push_back(std::move(q));
  } else if (kind == "zero") {
    lx->zero.Add(phrase, 0);
  } else if (kind == "zerohead") {
    lx->zerohead.Add(phrase, 0);
  } else if (kind == "zeronoun") {
    lx->zeronouns[std::string(phrase)] = true;
  } else if (kind == "unit_after") {
    lx->unit_after.Add(phrase, 0);
  } else if (kind == "skip_before") {
    lx->skip_before.Add(phrase, 0);
  } else if (kind == "skip_pair") {
    if (r.at(2).empty()) return Status::InvalidArgument("skip_pair needs 2");
    lx->skip_pairs[std::string(phrase)].emplace_back(r.at(2));
  } else {
    return Status::InvalidArgument("unknown kind '" + std::string(kind) + "'");
  }
  return Status::OK();
}

// What QuantityScanner::TryAt can start with: a zero phrase, a qualifier
// then a count (or "between" and a range), or a count (exact and vague
// phrases, number words; "a" and "an" only before a scale).
void BuildStarts(QuantityLexicon* lx) {
  QStartFilter& f = lx->starts;
  for (const auto* m : {&lx->units, &lx->tens, &lx->scales}) {
    for (const auto& [word, value] : *m) f.AddAny(word);
  }
  for (const auto& [scale, value] : lx->scales) {
    f.AddPair("a", scale);
    f.AddPair("an", scale);
  }
  f.AddPhrases(lx->zero, false);
  f.AddPhrases(lx->zerohead, false);
  f.AddPhrases(lx->exact, false);
  f.AddPhrases(lx->vague, false);
  f.AddPhrases(lx->qual, true);
  f.AddLead("between");
  // What a count after a qualifier or "between" opens with.
  f.AddNext(lx->number_words);
  f.AddNext(lx->exact.first_filter());
  f.AddNext(lx->vague.first_filter());
  f.AddNext("between");
}

}  // namespace

Result<QuantityLexicon> QuantityLexicon::Parse(std::string_view tsv) {
  QuantityLexicon lx;
  for (const TsvRow& r : ParseTsv(tsv)) {
    Status st = AddRow(r, &lx);
    if (!st.ok()) {
      return st.WithContext("numbers.tsv:" + std::to_string(r.line));
    }
  }
  for (const auto* m : {&lx.units, &lx.tens, &lx.scales}) {
    for (const auto& [word, value] : *m) lx.number_words.Add(word);
  }
  lx.number_words.Add("a");
  lx.number_words.Add("an");
  BuildStarts(&lx);
  return lx;
}

const QuantityLexicon& QuantityLexicon::Get() {
  static const QuantityLexicon* lx = [] {
    Result<QuantityLexicon> r = Parse(LoadLexiconText("numbers.tsv"));
    if (!r.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", r.status().ToString().c_str());
      return new QuantityLexicon();
    }
    return new QuantityLexicon(std::move(r).value());
  }();
  return *lx;
}

}  // namespace sitrep
