#include "extract/date_lexicon.h"

#include <cctype>
#include <charconv>
#include <cstdio>

#include "extract/tsv.h"

namespace sitrep {
namespace {

bool ParseSmallInt(std::string_view s, int* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool ParsePrecision(std::string_view s, DatePrecision* p) {
  if (s == "day")
    *p = DatePrecision::kDay;
  else if (s == "week")
    *p = DatePrecision::kWeek;
  else if (s == "month")
    *p = DatePrecision::kMonth;
  else if (s == "year")
    *p = DatePrecision::kYear;
  else
    return false;
  return true;
}

bool ParseMode(std::string_view s, DateLexicon::Mode* m) {
  if (s == "on" || s == "at")
    *m = DateLexicon::kOn;
  else if (s == "last")
    *m = DateLexicon::kLast;
  else if (s == "since")
    *m = DateLexicon::kSince;
  else
    return false;
  return true;
}

Status AddRow(const TsvRow& r, DateLexicon* lx) {
  std::string_view kind = r.at(0), phrase = r.at(1);
  if (phrase.empty()) return Status::InvalidArgument("empty phrase");
  int v = 0;
  if (kind == "month" || kind == "weekday") {
    bool ok = ParseSmallInt(r.at(2), &v) &&
              (kind == "month" ? v >= 1 && v <= 12 : v >= 0 && v <= 6);
    if (!ok) return Status::InvalidArgument("bad month/weekday number");
    (kind == "month" ? lx->months : lx->weekdays)[std::string(phrase)] = {
        v, r.at(3) == "cap"};
    (kind == "month" ? lx->month_filter : lx->weekday_filter).Add(phrase);
  } else if (kind == "rel") {
    DateLexicon::Rel rel;
    rel.weekend = r.at(3) == "weekend";
    rel.prior = r.at(3) == "prior";
    if (rel.weekend) rel.unit = DatePrecision::kWeek;
    if (rel.prior) rel.unit = DatePrecision::kDay;
    bool unit_ok =
        rel.weekend || rel.prior || ParsePrecision(r.at(3), &rel.unit);
    if (!ParseSmallInt(r.at(2), &rel.offset) || !unit_ok || r.at(4).empty()) {
      return Status::InvalidArgument("want: rel phrase offset unit rule");
    }
    rel.rule = std::string(r.at(4));
    lx->rel.Add(phrase, static_cast<int>(lx->rels.size()));
    lx->rels.push_back(std::move(rel));
  } else if (kind == "ago") {
    DateLexicon::Ago a;
    if (!ParseSmallInt(r.at(2), &a.days) ||
        !ParsePrecision(r.at(3), &a.precision)) {
      return Status::InvalidArgument("want: ago word days precision");
    }
    lx->agos[std::string(phrase)] = a;
    lx->ago_filter.Add(phrase);
  } else if (kind == "prior") {
    if (!ParseSmallInt(r.at(2), &v) || (v != 1 && v != -1)) {
      return Status::InvalidArgument("want: prior word 1|-1");
    }
    lx->priors[std::string(phrase)] = v;
  } else if (kind == "wd_prefix" || kind == "anchor") {
    DateLexicon::Mode m;
    if (!ParseMode(r.at(2), &m)) return Status::InvalidArgument("bad mode");
    if (kind == "anchor") {
      lx->anchors[std::string(phrase)] = m;
      lx->anchor_filter.Add(phrase);
    } else {
      lx->wd_prefix.Add(phrase, m);
    }
  } else if (kind == "wd_suffix") {
    lx->wd_suffixes[std::string(phrase)] = true;
  } else if (kind == "order") {
    if (r.at(2) != "dmy" && r.at(2) != "mdy") {
      return Status::InvalidArgument("want: order outlet dmy|mdy");
    }
    lx->month_first[std::string(phrase)] = r.at(2) == "mdy";
  } else if (kind == "since_event") {
    lx->since_event.Add(phrase, 0);
  } else {
    return Status::InvalidArgument("unknown kind '" + std::string(kind) + "'");
  }
  return Status::OK();
}

// What DateScanner::TryAt can start with: a relative phrase, a month or a
// weekday, "since" (its event form takes any words), a prefix or an anchor
// before a weekday, a number, a month or a dash ("mid-October"), and "a"
// or "an" before an ago unit ("a day ago", "an hour ago"), any other
// number word.
void BuildStarts(DateLexicon* lx) {
  QStartFilter& f = lx->starts;
  for (const auto* m : {&lx->months, &lx->weekdays}) {
    for (const auto& [word, named] : *m) {
      f.AddAny(word);
      f.AddNext(word);
    }
  }
  f.AddPhrases(lx->rel, false);
  f.AddPhrases(lx->wd_prefix, true);
  for (const auto& [word, mode] : lx->anchors) f.AddLead(word);
  f.AddAny("since");
  for (const char* dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    f.AddNext(dash);
  }
  for (const char* a : {"a", "an"}) {
    for (const auto& [unit, ago] : lx->agos) f.AddPair(a, unit);
  }
  // The other number words of "two days ago" (TryAgo gives up at once in
  // a sentence without an ago unit).
  const QuantityLexicon& ql = QuantityLexicon::Get();
  for (const auto* m : {&ql.units, &ql.tens, &ql.scales}) {
    for (const auto& [word, value] : *m) f.AddAny(word);
  }
}

}  // namespace

bool DateLexicon::MonthFirst(std::string_view outlet,
                             std::string_view url) const {
  std::string name;
  for (char ch : outlet) name.push_back(static_cast<char>(std::tolower(ch)));
  if (auto it = month_first.find(name);
      !name.empty() && it != month_first.end())
    return it->second;
  // The host of "https://www.apnews.com/article/...", then each suffix.
  size_t start = url.find("://");
  std::string_view host = start == std::string_view::npos
                              ? std::string_view()
                              : url.substr(start + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  while (!host.empty()) {
    if (auto it = month_first.find(host); it != month_first.end())
      return it->second;
    size_t dot = host.find('.');
    host = dot == std::string_view::npos ? std::string_view()
                                         : host.substr(dot + 1);
  }
  auto it = month_first.find(std::string_view("default"));
  return it != month_first.end() && it->second;
}

int DateLexicon::LookUpMonth(const QTokens& t, size_t i) const {
  auto it = months.find(t.Text(i));
  if (it == months.end() || (it->second.needs_cap && !t[i].capitalized)) {
    return 0;
  }
  return it->second.value;
}

int DateLexicon::LookUpWeekday(const QTokens& t, size_t i) const {
  auto it = weekdays.find(t.Text(i));
  if (it == weekdays.end() || (it->second.needs_cap && !t[i].capitalized)) {
    return -1;
  }
  return it->second.value;
}

int DateLexicon::LookUpAnchor(const QTokens& t, size_t i) const {
  auto it = anchors.find(t.Text(i));
  return it == anchors.end() ? -1 : it->second;
}

bool DateLexicon::HasAgoUnit(const QTokens& t) const {
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.IsWord(i) && ago_filter.MayContain(t.Hash(i)) &&
        agos.find(t.Text(i)) != agos.end()) {
      return true;
    }
  }
  return false;
}

Result<DateLexicon> DateLexicon::Parse(std::string_view tsv) {
  DateLexicon lx;
  for (const TsvRow& r : ParseTsv(tsv)) {
    Status st = AddRow(r, &lx);
    if (!st.ok()) return st.WithContext("dates.tsv:" + std::to_string(r.line));
  }
  BuildStarts(&lx);
  return lx;
}

const DateLexicon& DateLexicon::Get() {
  static const DateLexicon* lx = [] {
    Result<DateLexicon> r = Parse(LoadLexiconText("dates.tsv"));
    if (!r.ok()) {
      std::fprintf(stderr, "sitrep: %s\n", r.status().ToString().c_str());
      return new DateLexicon();
    }
    return new DateLexicon(std::move(r).value());
  }();
  return *lx;
}

}  // namespace sitrep
