#include "extract/lexicon.h"

#include <cstdlib>

#include "extract/tsv.h"

namespace sitrep {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

template <typename E>
bool Lookup(std::string_view s,
            std::initializer_list<std::pair<const char*, E>> table, E* out) {
  for (const auto& [name, v] : table) {
    if (s == name) {
      *out = v;
      return true;
    }
  }
  return false;
}

}  // namespace

Status Lexicon::AddLine(LexKind kind, const std::vector<std::string>& c) {
  LexEntry e;
  e.kind = kind;
  e.phrase = Lower(c[0]);
  switch (kind) {
    case LexKind::kTrigger:
      if (c.size() < 4) return Status::InvalidArgument("want 4 columns");
      e.event_type = c[1];
      e.sub_event_type = c[2];
      e.weight = std::atoi(c[3].c_str());
      break;
    case LexKind::kOutcome:
      if (c.size() < 3 ||
          !Lookup(c[1],
                  {{"killed", Outcome::kKilled},
                   {"injured", Outcome::kInjured},
                   {"arrested", Outcome::kArrested},
                   {"missing", Outcome::kMissing}},
                  &e.outcome) ||
          !Lookup(c[2],
                  {{"verb", OutcomeForm::kVerb},
                   {"intr", OutcomeForm::kIntransitive},
                   {"adj", OutcomeForm::kAdjective},
                   {"noun", OutcomeForm::kNoun},
                   {"one", OutcomeForm::kOne}},
                  &e.form)) {
        return Status::InvalidArgument("want phrase, outcome, form");
      }
      break;
    case LexKind::kActor:
      e.actor_class = c.size() > 1 ? c[1] : "";
      if (c.size() < 3 || !Lookup(c[2],
                                  {{"state", ActorKind::kState},
                                   {"armed", ActorKind::kArmed},
                                   {"protester", ActorKind::kProtester},
                                   {"civilian", ActorKind::kCivilian},
                                   {"person", ActorKind::kPerson},
                                   {"foreign", ActorKind::kForeign},
                                   {"generic", ActorKind::kGeneric}},
                                  &e.actor_kind)) {
        return Status::InvalidArgument("want phrase, class, kind");
      }
      break;
    case LexKind::kCue:
      if (c.size() < 2 || !Lookup(c[1],
                                  {{"negation", Cue::kNegation},
                                   {"hypothetical", Cue::kHypothetical},
                                   {"tally", Cue::kTally},
                                   {"since", Cue::kSince},
                                   {"aggregate", Cue::kAggregate},
                                   {"attribution", Cue::kAttribution},
                                   {"anaphor", Cue::kAnaphor},
                                   {"recollection", Cue::kRecollection},
                                   {"perfect", Cue::kPerfect},
                                   {"period", Cue::kPeriod},
                                   {"generic", Cue::kGeneric},
                                   {"media", Cue::kMedia},
                                   {"region", Cue::kRegion},
                                   {"separate", Cue::kSeparate},
                                   {"clause", Cue::kClause},
                                   {"prep", Cue::kPreposition},
                                   {"recalled", Cue::kRecalled},
                                   {"superlative", Cue::kSuperlative},
                                   {"target", Cue::kTarget},
                                   {"died_of_wounds", Cue::kDiedOfWounds},
                                   {"attacker_counted", Cue::kAttackerCounted}},
                                  &e.cue)) {
        return Status::InvalidArgument("want phrase, cue");
      }
      break;
  }
  matcher_.Add(e.phrase, static_cast<uint32_t>(entries_.size()));
  entries_.push_back(std::move(e));
  return Status::OK();
}

Status Lexicon::AddFile(LexKind kind, std::string_view name,
                        std::string_view body) {
  for (const TsvRow& row : ParseTsv(body)) {
    std::vector<std::string> cols(row.fields.begin(), row.fields.end());
    Status st = AddLine(kind, cols);
    if (!st.ok()) {
      return st.WithContext(std::string(name) + ":" + std::to_string(row.line));
    }
  }
  return Status::OK();
}

Result<std::unique_ptr<Lexicon>> Lexicon::FromStrings(std::string_view triggers,
                                                      std::string_view outcomes,
                                                      std::string_view actors,
                                                      std::string_view cues) {
  auto lex = std::make_unique<Lexicon>();
  SITREP_RETURN_IF_ERROR(
      lex->AddFile(LexKind::kTrigger, "triggers.tsv", triggers));
  SITREP_RETURN_IF_ERROR(
      lex->AddFile(LexKind::kOutcome, "outcomes.tsv", outcomes));
  SITREP_RETURN_IF_ERROR(lex->AddFile(LexKind::kActor, "actors.tsv", actors));
  SITREP_RETURN_IF_ERROR(lex->AddFile(LexKind::kCue, "cues.tsv", cues));
  return lex;
}

Result<std::unique_ptr<Lexicon>> Lexicon::Load() {
  std::string files[4];
  const char* names[4] = {"triggers.tsv", "outcomes.tsv", "actors.tsv",
                          "cues.tsv"};
  for (int i = 0; i < 4; ++i) {
    files[i] = LoadLexiconText(names[i]);
    if (files[i].empty()) {
      return Status::NotFound(std::string("lexicon ") + names[i] +
                              " is missing or empty");
    }
  }
  SITREP_ASSIGN_OR_RETURN(std::unique_ptr<Lexicon> lex,
                          FromStrings(files[0], files[1], files[2], files[3]));
  SITREP_RETURN_IF_ERROR(lex->AddClauses(LoadLexiconText("clauses.tsv")));
  SITREP_RETURN_IF_ERROR(
      lex->AddHomeCues(LoadLexiconText("home_countries.tsv")));
  return lex;
}

namespace {

std::vector<std::string_view> SplitCommas(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    size_t comma = s.find(',');
    std::string_view item = TrimTsvField(s.substr(0, comma));
    if (!item.empty()) out.push_back(item);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

bool IsCountryCode(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
         s[1] <= 'Z';
}

}  // namespace

Status Lexicon::AddHomeCues(std::string_view body) {
  for (const TsvRow& row : ParseTsv(body)) {
    auto bad = [&](const char* what) {
      return Status::InvalidArgument(what).WithContext(
          "home_countries.tsv:" + std::to_string(row.line));
    };
    if (row.fields.size() < 2 || row.fields[0].empty()) {
      return bad("want phrase, countries[, provinces]");
    }
    HomeCue cue;
    cue.phrase = std::string(row.fields[0]);
    for (std::string_view cc : SplitCommas(row.fields[1])) {
      if (!IsCountryCode(cc)) return bad("want ISO alpha-2 countries");
      cue.countries.emplace_back(cc);
    }
    if (row.fields.size() > 2) {
      for (std::string_view a : SplitCommas(row.fields[2])) {
        if (a.size() < 4 || !IsCountryCode(a.substr(0, 2)) || a[2] != '.') {
          return bad("want provinces as CC.code");
        }
        cue.admin1.emplace_back(a.substr(0, 2), a.substr(3));
      }
    }
    if (cue.countries.empty()) return bad("want at least one country");
    home_cues_.push_back(std::move(cue));
  }
  std::vector<std::string> phrases;
  for (const HomeCue& c : home_cues_) phrases.push_back(c.phrase);
  home_cue_phrases_ = WholePhraseSet(std::move(phrases));
  return Status::OK();
}

Status Lexicon::AddClauses(std::string_view body) {
  for (const TsvRow& row : ParseTsv(body)) {
    auto bad = [&](const char* what) {
      return Status::InvalidArgument(what).WithContext(
          "clauses.tsv:" + std::to_string(row.line));
    };
    if (row.fields.size() < 2) return bad("want phrase, kind");
    std::string phrase(row.fields[0]);
    if (row.fields[1] == "split") {
      size_t bar = phrase.find('|');
      if (bar == std::string::npos || bar == 0) return bad("want a '|' in it");
      phrase.erase(bar, 1);
      splits_.push_back({phrase, bar});
    } else if (row.fields[1] == "shift" && row.fields.size() >= 3) {
      DayShift d;
      for (size_t i = 0, j; i < phrase.size(); i = j + 1) {
        j = phrase.find(' ', i);
        if (j == std::string::npos) j = phrase.size();
        if (j > i) d.words.push_back(phrase.substr(i, j - i));
      }
      d.days = std::atoi(std::string(row.fields[2]).c_str());
      if (d.words.empty() || d.days <= 0) return bad("want words and days");
      shifts_.push_back(std::move(d));
    } else {
      return bad("want kind split or shift (with days)");
    }
  }
  return Status::OK();
}

}  // namespace sitrep
