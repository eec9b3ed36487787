#!/usr/bin/env python3
"""Writes N small synthetic news articles as JSON Lines, for the kill and
concurrency tests (tests/kill_test.sh, tests/concurrency_test.sh).

Usage: news_gen.py OUTDIR N [FILES] [SEED] [PREFIX]
Articles are spread over FILES files OUTDIR/PREFIXpart_K.jsonl. Deterministic
for a given SEED. The text is invented: places are those of examples/, the
sentences vary in numbers, actors, places and dates so that the extractor
finds events and the merger has work to do.
"""
import json
import os
import random
import sys

PLACES = ["Baghdad", "Nasiriyah", "Basra", "Erbil", "Falluja", "Mosul",
          "Karbala", "Najaf", "Kirkuk", "Afgooye", "Mogadishu", "Kismayo",
          "Baidoa", "Monguno", "Maiduguri", "Damasak", "Dikwa"]
OUTLETS = ["Meridian", "Tigris Post", "Gulf Echo", "Horn Daily",
           "Shabelle Voice", "Sahel Monitor", "Lagos Ledger"]
ACTORS = ["Security forces", "Gunmen", "Police", "Militants",
          "Unidentified attackers", "Soldiers", "Al Shabaab fighters",
          "Insurgents"]
VICTIMS = ["protesters", "civilians", "soldiers", "police officers",
           "aid workers", "villagers", "students", "traders"]
VERBS = ["killed", "shot dead", "wounded", "abducted", "arrested"]
SOURCES = ["police said", "a hospital official said", "witnesses said",
           "the health ministry said", "local officials said"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug",
          "Sept", "Oct", "Nov", "Dec"]
FILLER = [
    "The {place} provincial council called an emergency meeting.",
    "Residents said shops in the centre of {place} stayed closed.",
    "The government has promised an investigation into the violence.",
    "Roads into {place} were blocked by checkpoints for most of the day.",
    "It was the {nth} such incident in the province this year.",
    "Rights groups have called on the authorities to show restraint.",
    "Officials did not respond to requests for comment on {weekday}.",
    "Schools in {place} will remain closed until further notice.",
]
NTH = ["second", "third", "fourth", "fifth", "latest"]


def article(rng, i):
    place, other = rng.sample(PLACES, 2)
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    year = rng.choice([2019, 2020, 2021])
    outlet = rng.choice(OUTLETS)
    n = rng.randint(1, 60)
    actor, victims, verb = (rng.choice(ACTORS), rng.choice(VICTIMS),
                            rng.choice(VERBS))
    weekday = rng.choice(WEEKDAYS)
    lines = [
        f"{place.upper()}, {MONTHS[month]} {day} ({outlet}) - {actor} {verb} "
        f"{n} {victims} in {place} on {weekday}, {rng.choice(SOURCES)}.",
    ]
    if rng.random() < 0.6:
        m = rng.randint(2, 90)
        lines.append(f"At least {m} other people were wounded near {other}, "
                     f"{rng.choice(SOURCES)}.")
    for _ in range(rng.randint(1, 4)):
        lines.append(rng.choice(FILLER).format(
            place=rng.choice([place, other]), nth=rng.choice(NTH),
            weekday=rng.choice(WEEKDAYS)))
    lines.append(f"Report number {i} filed by {outlet} staff.")
    return {
        "id": f"gen_{i:06d}",
        "title": f"{n} {victims} {verb} in {place}",
        "date": f"{year}-{month + 1:02d}-{day:02d}",
        "text": "\n\n".join(lines),
    }


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    files = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    prefix = sys.argv[5] if len(sys.argv) > 5 else ""
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    handles = [open(os.path.join(out, f"{prefix}part_{k}.jsonl"), "w",
                    encoding="utf-8") for k in range(files)]
    for i in range(n):
        rec = article(rng, seed * 1000000 + i)
        handles[i % files].write(json.dumps(rec) + "\n")
    for h in handles:
        h.close()


if __name__ == "__main__":
    main()
