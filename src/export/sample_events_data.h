// The events of sample::Events(); see sample_events.h.
#ifndef SITREP_EXPORT_SAMPLE_EVENTS_DATA_H_
#define SITREP_EXPORT_SAMPLE_EVENTS_DATA_H_

namespace sitrep::sample {

inline std::vector<Event> Events() {
  using O = Outcome;
  std::vector<Event> out;
  Event a = Make("SR00000000000000a1", "Protests",
                 "Excessive force against protesters",
                 Place("Nasiriyah", "IQ", "Dhi Qar", 31.05799, 46.25726),
                 CivilDay{2019, 11, 28});
  a.actor1 = "Protesters (Iraq)";
  a.actor2 = "Police Forces of Iraq";
  AddSource(&a, Source("art-001",
                       "Security forces shot dead 25 protesters "
                       "on a bridge in Nasiriyah, medics said.",
                       O::kKilled, Range(25, 25, 25), "25 protesters", "exact",
                       "medics"));
  AddSource(&a, Source("art-002",
                       "At least 29 people were killed in "
                       "Nasiriyah on Thursday, \"a massacre\", a doctor said.",
                       O::kKilled, Range(29, 29, std::nullopt), "At least 29",
                       "at least", "a doctor"));
  a.counts[0] = Range(25, 29, 29);
  a.disagreements.push_back(
      "fatalities: art-001 says 25, art-002 says at least 29");
  out.push_back(a);

  Event b = Make("SR00000000000000b2", "Protests", "Peaceful protest",
                 Place("Baghdad", "IQ", "Baghdad", 33.34058, 44.40088),
                 CivilDay{2019, 11, 29});
  b.actor1 = "Protesters (Iraq)";
  AddSource(&b, Source("art-003",
                       "Thousands marched in Baghdad; 12 were "
                       "wounded by tear gas canisters.",
                       O::kInjured, Range(12, 12, 12), "12", "exact"));
  out.push_back(b);

  Event c = Make("SR00000000000000c3", "Explosions/Remote violence",
                 "Remote explosive/landmine/IED",
                 Place("Basra", "IQ", "Basra", 30.50852, 47.7804),
                 CivilDay{2019, 12, 1});
  AddSource(
      &c, Source("art-004",
                 "A roadside bomb killed 3 soldiers and "
                 "wounded 4 near Basra, <b>police</b> said.",
                 O::kKilled, Range(3, 3, 3), "3 soldiers", "exact", "police"));
  out.push_back(c);

  Event d = Make("SR00000000000000d4", "Riots", "Violent demonstration",
                 Place("Beirut", "LB", "Beyrouth", 33.89332, 35.50157),
                 CivilDay{2019, 12, 14});
  AddSource(&d, Source("art-005",
                       "Police arrested 41 people after rioters "
                       "set fire to tents, the army said.",
                       O::kArrested, Range(41, 41, 41), "41 people", "exact",
                       "the army"));
  out.push_back(d);

  Event e = Make(
      "SR00000000000000e5", "Protests", "Protest with intervention",
      Place("Santiago", "CL", "Santiago Metropolitan", -33.45694, -70.64827),
      CivilDay{2019, 12, 2});
  AddSource(
      &e, Source("art-006",
                 "Dozens were injured, among them 7 "
                 "seriously, in clashes in Santiago.",
                 O::kInjured, Range(7, 30, std::nullopt), "Dozens", "dozens"));
  out.push_back(e);

  Event f = Make("SR00000000000000f6", "Violence against civilians", "Attack",
                 std::nullopt, CivilDay{2019, 12, 3});
  AddSource(&f, Source("art-007",
                       "Gunmen killed 2 civilians, a local "
                       "official said, without naming the village.",
                       O::kKilled, Range(2, 2, 2), "2 civilians", "exact"));
  out.push_back(f);

  Event g = Make("SR00000000000000a7", "Protests", "Peaceful protest",
                 Place("Iraq", "IQ", "", 33.0, 44.0, "country"),
                 CivilDay{2019, 12, 1});
  g.kind = MentionKind::kAggregate;
  AddSource(&g, Source("art-004",
                       "Across the country, 28 people died in "
                       "protest-related violence on Sunday.",
                       O::kKilled, Range(28, 28, 28), "28 people", "exact"));
  out.push_back(g);

  int tally_days[] = {20, 27, 3, 10};
  int tally_months[] = {11, 11, 12, 12};
  int64_t tally_counts[] = {330, 400, 420, 460};
  for (int i = 0; i < 4; ++i) {
    std::string id = "SR0000000000000t0" + std::to_string(i);
    Event t = Make(id.c_str(), "Protests", "", std::nullopt,
                   CivilDay{2019, tally_months[i], tally_days[i]});
    t.kind = MentionKind::kTally;
    t.source = i % 2 ? "AFP tally" : "Iraqi Human Rights Commission";
    t.subject = "killed";
    std::string n = std::to_string(tally_counts[i]);
    AddSource(&t,
              Source("art-t" + std::to_string(i),
                     "More than " + n +
                         " people have been killed since October, according "
                         "to " +
                         t.source + ".",
                     O::kKilled,
                     Range(tally_counts[i], tally_counts[i], std::nullopt),
                     "More than " + n, "more than", t.source));
    out.push_back(t);
  }
  return out;
}

}  // namespace sitrep::sample

#endif  // SITREP_EXPORT_SAMPLE_EVENTS_DATA_H_
