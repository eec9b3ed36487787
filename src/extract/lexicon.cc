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
                   {"noun", OutcomeForm::kNoun}},
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
                                   {"recalled", Cue::kRecalled}},
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
  return FromStrings(files[0], files[1], files[2], files[3]);
}

}  // namespace sitrep
