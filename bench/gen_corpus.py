#!/usr/bin/env python3
"""Deterministic synthetic news corpus for sitrep benchmarks (JSON Lines).

Usage: gen_corpus.py --articles N [--seed S] [--dup-share 0.10] [--out FILE]

Writes N records {"id","text","date"?,"source","url","title"} one per line
(streamed: memory does not grow with N). Articles are built from templates
and the vocabulary in bench/vocab.tsv (places, actors, victims, sources,
weapons, dates in the style of examples/), with scraper noise: ` date`
metadata lines, repeated titles, bylines, `[caption]`/`[aesop_image]`
shortcodes, photo captions, `[an error occurred while processing the
directive]`, datelines (`GAO, Mar 4 (AFP) -`), `Advertisement`, `Related
news` and `(Reporting by ...)` tails. A share of the records (--dup-share,
10% by default) are syndicated copies of a recent original with edits (new
headline and byline, a changed figure, sometimes a replaced paragraph).

The same --seed and --articles give byte-identical output. Only the Python
standard library is used.
"""
import argparse
import datetime
import json
import os
import random
import sys

MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug",
          "Sept", "Oct", "Nov", "Dec"]
LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December"]


def cap(s):
    """Upper-cases the first letter only (`al-Shabaab` stays as written)."""
    return s[:1].upper() + s[1:]


def load_vocab(path):
    vocab = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cat, value = line.rstrip("\n").split("\t", 1)
            vocab.setdefault(cat, []).append(value)
    vocab["place"] = [p.split("|") for p in vocab["place"]]
    return vocab


class Writer:
    """Builds one article from templates with a seeded generator."""

    def __init__(self, rng, vocab):
        self.r = rng
        self.v = vocab

    def pick(self, cat):
        return self.r.choice(self.v[cat])

    def count(self):
        r = self.r.random()
        if r < 0.45:
            return str(self.r.randint(2, 60))
        if r < 0.75:
            return self.pick("number")
        return f"{self.pick('qualifier')} {self.r.randint(3, 300)}"

    def lead(self, ev):
        c, vic, act, when, src = (ev["count"], ev["victims"], ev["actor"],
                                  ev["when"], self.pick("source"))
        city, prov = ev["place"][0], ev["place"][1]
        k = ev["kind"]
        if k == "shooting":
            return (f"{cap(c)} {vic} were killed and {self.count()} "
                    f"wounded {when} when {act} opened fire on "
                    f"{self.pick('crowd')} in {city}, {src}.")
        if k == "bomb":
            return (f"{cap(self.pick('weapon'))} killed {c} {vic} "
                    f"and injured {self.count()} others in {city} in "
                    f"{prov} province {when}, {src}.")
        if k == "abduction":
            return (f"{cap(act)} abducted {c} {vic} near {city} "
                    f"{when}, {src}, in the latest attack in {prov}.")
        if k == "arrests":
            return (f"Police arrested {c} {vic} in {city} {when} after "
                    f"clashes at {self.pick('crowd')}, {src}.")
        return (f"{cap(c)} {vic} died in fighting between {act} and "
                f"the army near {city} {when}, {src}.")

    def detail(self, ev):
        city, prov, country, demonym = ev["place"][:4]
        t = self.r.randrange(9)
        if t == 0:
            return (f"The {demonym} authorities blamed {ev['actor']} for the "
                    f"attack in {city}.")
        if t == 1:
            return (f"{cap(self.count())} of the wounded were taken to "
                    f"hospitals in {prov}, {self.pick('source')}.")
        if t == 2:
            return (f"\"They fired straight at us,\" said a {self.r.randint(19, 60)}"
                    f"-year-old resident of {city} who asked not to be named.")
        if t == 3:
            return (f"More than {self.r.randint(100, 900)} people have been "
                    f"killed in {country} since the unrest began, according "
                    f"to rights groups.")
        if t == 4:
            return (f"The attack came {self.r.randint(2, 9)} days after a "
                    f"similar incident in {self.pick('place')[0]}.")
        if t == 5:
            d = ev["day"] - datetime.timedelta(days=self.r.randint(20, 400))
            return (f"On {LONG_MONTHS[d.month - 1]} {d.day}, {d.year}, "
                    f"{self.count()} {self.pick('victim')} were killed in "
                    f"{city}.")
        if t == 6:
            return (f"{cap(ev['actor'])} have carried out "
                    f"{self.r.choice(['dozens of', 'several', 'many'])} "
                    f"attacks in {prov} this year.")
        if t == 7:
            return (f"About {self.r.randint(2, 40)} km from {city}, troops "
                    f"set up checkpoints on the main road.")
        return self.pick("filler")

    def caption(self, ev):
        person, agency = self.pick("person"), self.pick("agency")
        return (f"A {self.r.choice(['man', 'woman', 'boy', 'soldier'])} "
                f"{self.r.choice(['walks past', 'stands near', 'looks at'])} "
                f"{self.pick('crowd')} in {ev['place'][0]} {ev['when']} "
                f"({person}/{agency})")

    def shortcode(self, ev):
        cap = self.caption(ev)
        if self.r.random() < 0.5:
            n = self.r.randint(1000, 99999)
            return (f'[caption id="attachment_{n}" align="alignnone" '
                    f'width="800"]{cap}[/caption]')
        return (f'[aesop_image img="https://img.example/{self.r.randint(1, 9999)}'
                f'.jpg" credit="{self.pick("person")}/{self.pick("agency")}" '
                f'caption="{cap}"]')

    def event(self, day):
        kind = self.r.choice(["shooting", "bomb", "abduction", "arrests",
                              "clash"])
        return {"kind": kind, "place": self.pick("place"),
                "actor": self.pick("actor"), "victims": self.pick("victim"),
                "count": self.count(), "when": self.pick("when"), "day": day}

    def title(self, ev):
        noun = {"shooting": "shooting", "bomb": "blast",
                "abduction": "abduction", "arrests": "arrests",
                "clash": "clashes"}[ev["kind"]]
        return self.r.choice([
            f"{cap(ev['count'])} {ev['victims']} killed in {ev['place'][0]} {noun}",
            f"{cap(ev['actor'])} blamed for {ev['place'][0]} {noun}",
            f"{cap(noun)} in {ev['place'][1]} leaves {ev['count']} {ev['victims']} dead",
        ])

    def body(self, ev, wire):
        paras = []
        lead = self.lead(ev)
        if self.r.random() < 0.4:
            d = ev["day"]
            lead = (f"{ev['place'][4]}, {MONTHS[d.month - 1]} {d.day} "
                    f"({wire}) \u2013 {lead}")
        paras.append(lead)
        for _ in range(self.r.randint(5, 11)):
            n = self.r.randint(1, 3)
            paras.append(" ".join(self.detail(ev) for _ in range(n)))
            if self.r.random() < 0.08:
                paras.append(self.caption(ev))
        return paras

    def noise_head(self, title, day, outlet):
        head = []
        if self.r.random() < 0.15:
            head.append(f" date {day.isoformat()} {title}")
        else:
            head.append(title)
        for _ in range(self.r.choice([0, 0, 0, 1, 2])):
            head.append(title)
        if self.r.random() < 0.3:
            head.append(f"By {self.pick('person')}, {outlet}")
        if self.r.random() < 0.05:
            head.append("[an error occurred while processing the directive]")
        return head

    def noise_tail(self, wire):
        tail = []
        if self.r.random() < 0.1:
            tail.insert(0, "Advertisement")
        if self.r.random() < 0.15:
            tail.append(f"(Reporting by {self.pick('person')}; Editing by "
                        f"{self.pick('person')})")
        if self.r.random() < 0.2:
            tail.append("Related news")
            tail.extend(self.r.sample(self.v["related"], 2))
        return tail


def make_original(w, idx, base, days):
    day = base + datetime.timedelta(days=w.r.randrange(days))
    ev = w.event(day)
    outlet, wire = w.pick("outlet"), w.pick("wire")
    title = w.title(ev)
    paras = w.body(ev, wire)
    if w.r.random() < 0.15:
        paras.insert(1, w.shortcode(ev))
    return {"id": f"b{idx:07d}", "day": day, "outlet": outlet, "wire": wire,
            "title": title, "ev": ev, "paras": paras}


def make_copy(w, idx, orig):
    """A syndicated copy: new headline and outlet, small edits."""
    paras = list(orig["paras"])
    ev = dict(orig["ev"])
    i = w.r.randrange(1, len(paras))
    paras[i] = w.detail(ev)
    if w.r.random() < 0.5:
        paras[0] = paras[0].replace(ev["count"], w.count(), 1)
    if w.r.random() < 0.3:
        j = w.r.randrange(1, len(paras))
        paras[j] = " ".join(w.detail(ev) for _ in range(2))
    day = orig["day"] + datetime.timedelta(days=w.r.choice([0, 0, 1]))
    return {"id": f"b{idx:07d}", "day": day, "outlet": w.pick("outlet"),
            "wire": orig["wire"], "title": w.title(ev), "ev": ev,
            "paras": paras}


def render(w, a):
    lines = w.noise_head(a["title"], a["day"], a["outlet"])
    lines += a["paras"] + w.noise_tail(a["wire"])
    rec = {"id": a["id"], "text": "\n\n".join(lines)}
    if w.r.random() < 0.8:
        rec["date"] = a["day"].isoformat()
    rec["source"] = a["outlet"]
    rec["url"] = f"https://{a['outlet'].lower().replace(' ', '')}.example/{a['id']}"
    rec["title"] = a["title"]
    return json.dumps(rec, ensure_ascii=False)


def generate(n, seed, dup_share, vocab, out, days=730):
    w = Writer(random.Random(seed), vocab)
    base = datetime.date(2021, 1, 1)
    recent = []  # ring of recent originals that copies are drawn from
    for idx in range(n):
        if recent and w.r.random() < dup_share:
            a = make_copy(w, idx, w.r.choice(recent))
        else:
            a = make_original(w, idx, base, days)
            recent.append(a)
            if len(recent) > 500:
                recent.pop(w.r.randrange(len(recent)))
        out.write(render(w, a))
        out.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--seed", type=int, default=20220213)
    ap.add_argument("--dup-share", type=float, default=0.10)
    ap.add_argument("--days", type=int, default=730,
                    help="the span the events' days are drawn from; fewer "
                    "days make denser days (10k articles over 73 days are "
                    "as dense as 100k over 730)")
    ap.add_argument("--out", default="-")
    ap.add_argument("--vocab", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "vocab.tsv"))
    args = ap.parse_args()
    vocab = load_vocab(args.vocab)
    if args.out == "-":
        generate(args.articles, args.seed, args.dup_share, vocab, sys.stdout,
                 args.days)
        return
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        generate(args.articles, args.seed, args.dup_share, vocab, f,
                 args.days)
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
