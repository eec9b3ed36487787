#!/usr/bin/env python3
"""Runs sitrep's benchmark suite and prints one results table (`make bench`).

Usage: bench/run.py [--build build-bench] [--scale 10k|100k|1m]
                    [--timeout 600] [--out DIR]

Corpora come from bench/gen_corpus.py (seeded, cached in BUILD/corpus).
Every program runs under /usr/bin/time -v (CPU = user + sys, peak RSS) and
`timeout`; a run that hits the timeout is reported as such. Peers needing
/work/shared (Readability F1) or node_modules are skipped when absent.
Writes BUILD/bench-out/results.md and results.json beside the raw outputs.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
HTML_DIR = os.path.join(SHARED, "data", "article-extraction-benchmark", "html")
HTML_TRUTH = os.path.join(SHARED, "data", "article-extraction-benchmark",
                          "ground-truth.json")
SCALES = {"10k": [2000, 10000], "100k": [2000, 10000, 100000],
          "1m": [2000, 10000, 100000, 1000000]}
rows = []  # (metric, value, peer, ratio, target, met)


def row(metric, value, peer="", ratio="", target="", met=""):
    rows.append((metric, value, peer, ratio, target, met))
    print(f"  {metric}: {value} {peer} {ratio} {target} {met}", flush=True)


def timed(cmd, out_path, timeout, env=None):
    """Runs cmd under time -v; returns (rc, cpu_s, wall_s, rss_mb, stdout)."""
    tfile = out_path + ".time"
    # time outside timeout: a run cut at the cap still reports CPU and RSS.
    full = ["/usr/bin/time", "-v", "-o", tfile, "timeout", str(timeout)] + cmd
    with open(out_path, "w") as out:
        rc = subprocess.call(full, stdout=out, stderr=subprocess.DEVNULL,
                             env=env)
    t = open(tfile).read() if os.path.exists(tfile) else ""

    def field(name):
        m = re.search(re.escape(name) + r": ([\d.:]+)", t)
        return m.group(1) if m else "0"
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return rc, cpu, secs, rss, open(out_path).read()


def corpus(build, n):
    path = os.path.join(build, "corpus", f"c{n}.jsonl")
    deps = [os.path.join(HERE, "gen_corpus.py"), os.path.join(HERE, "vocab.tsv")]
    if not os.path.exists(path) or any(
            os.path.getmtime(d) > os.path.getmtime(path) for d in deps):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        subprocess.check_call([sys.executable, deps[0], "--articles", str(n),
                               "--out", path])
    return path


def human(n):
    return f"{n // 1000000}M" if n >= 1000000 else f"{n // 1000}k"


def pipeline(a, n, path):
    nd = os.path.join(a.out, f"neardup{human(n)}.json")
    keep = "1" if n <= 200000 else "0"
    rc, cpu, wall, rss, o = timed(
        [os.path.join(a.build, "neardup_bench"), "--corpus", path,
         "--threads", "2", "--exact", "3000", "--keep-shingles", keep],
        nd, a.timeout, a.env)
    info = json.loads(o) if rc == 0 else {}
    sents, mb = info.get("sentences", 0), info.get("text_mb", 0)
    if info:
        row(f"near-dup {human(n)}: signatures+LSH, 2 threads",
            f"{info['neardup_s_per_2cores']:.2f} s", "",
            "", "1M <= 60 s" if n >= 1000000 else "", "")
        row(f"near-dup recall (J>=0.8, first {info['exact_articles']} vs exact all-pairs)",
            f"{info['recall']:.3f} ({info['exact_pairs']} pairs)",
            f"exact all-pairs {info['exact_all_pairs_s']:.1f} s", "", ">= 0.95",
            "yes" if info["recall"] >= 0.95 else "no")
    for cmd in ("extract", "ingest"):
        out = os.path.join(a.out, f"{cmd}{human(n)}.out")
        db = os.path.join(a.out, f"{cmd}{human(n)}.db")
        for ext in ("", "-wal", "-shm"):
            if os.path.exists(db + ext):
                os.remove(db + ext)
        argv = [os.path.join(a.build, "sitrep"), "-q", "--db", db, cmd, path]
        # A whole ingest (into a new store) of 1M articles takes about as
        # many seconds as 100k articles per 1,000: the timeout grows with n.
        timeout = a.timeout * max(1, n // 100000)
        rc, cpu, wall, rss, _ = timed(argv, out, timeout, a.env)
        name = f"sitrep {cmd} {human(n)}"
        if rc == 124:
            row(name, f"timed out after {a.timeout} s (CPU {cpu:.0f} s, "
                f"peak RSS {rss:.0f} MB so far)", "", "", "", "no")
            continue
        per_core = sents / cpu if cpu else 0
        row(f"{name}: articles/s per core (CPU {cpu:.1f} s, wall {wall:.1f} s)",
            f"{n / cpu:.0f}" if cpu else "-")
        row(f"{name}: sentences/s per core", f"{per_core:.0f}", "", "",
            ">= 100000", "yes" if per_core >= 100000 else "no")
        row(f"{name}: MB/s per core (clean text)", f"{mb / cpu:.2f}" if cpu else "-")
        row(f"{name}: peak RSS", f"{rss:.0f} MB", "", "",
            "1M streaming <= 500 MB" if n >= 1000000 else "",
            ("yes" if rss <= 500 else "no") if n >= 1000000 else "")
        scaling(cmd, n, cpu)


CPU_PER_ARTICLE = {}  # (cmd, n) -> CPU seconds per article


def scaling(cmd, n, cpu):
    """The scaling curve: CPU per article against the 10k corpus's (the
    smaller ones carry the fixed costs of starting up)."""
    CPU_PER_ARTICLE[(cmd, n)] = cpu / n
    bases = [k for c, k in CPU_PER_ARTICLE if c == cmd and k >= 10000]
    if not bases or min(bases) == n:
        return
    base = min(bases)
    ratio = CPU_PER_ARTICLE[(cmd, n)] / CPU_PER_ARTICLE[(cmd, base)]
    row(f"sitrep {cmd}: CPU per article, {human(n)} vs {human(base)}",
        f"{ratio:.2f}x", "", "", "linear: <= 1.25x",
        "yes" if ratio <= 1.25 else "no")


def micro(a, path):
    out = os.path.join(a.out, "micro.json")
    env = dict(a.env, SITREP_BENCH_CORPUS=path, SITREP_BENCH_ARTICLES="1000")
    subprocess.call([os.path.join(a.build, "micro_bench"),
                     "--benchmark_min_time=0.2", "--benchmark_out=" + out,
                     "--benchmark_out_format=json"], env=env,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(out):
        return
    per_sentence = {}  # benchmark -> CPU seconds per sentence
    for b in json.load(open(out))["benchmarks"]:
        ms = b["cpu_time"] if b["time_unit"] == "ms" else b["cpu_time"] / 1e6
        if b.get("sentences"):
            per_sentence[b["name"]] = 1 / b["sentences"]
        extra = []
        for k in ("sentences", "articles", "mentions", "n_mentions"):
            if k in b:
                extra.append(f"{b[k]:,.0f} {k}{'' if k == 'n_mentions' else '/s'}")
        if "bytes_per_second" in b:
            extra.append(f"{b['bytes_per_second'] / 1e6:.1f} MB/s")
        target, met = "", ""
        if b["name"] == "BM_GazetteerOpen":
            target, met = "<= 100 ms", "yes" if ms <= 100 else "no"
        row(f"micro {b['name']} (1000 articles)",
            f"{ms:.3f} ms CPU/iter; " + ", ".join(extra), "", "", target, met)
    stages = ("BM_CleanPlainText", "BM_Extract")
    if all(k in per_sentence for k in stages):
        rate = 1 / sum(per_sentence[k] for k in stages)
        row("text -> mentions without merge (CleanPlainText + Extract), "
            "sentences/s per core", f"{rate:,.0f}", "", "", ">= 100000",
            "yes" if rate >= 100000 else "no")


def incremental(a, path):
    out = os.path.join(a.out, "incremental.json")
    rc, _, _, _, o = timed([os.path.join(a.build, "incremental_bench"),
                            "--corpus", path, "--prefill", "1000",
                            "--samples", "20"], out, a.timeout, a.env)
    if rc != 0:
        row("incremental ingest", "failed", "", "", "p50 <= 5 ms", "no")
        return
    r = json.loads(o)
    row(f"incremental IngestDocument, store of {r['prefill']} articles "
        f"({r['events']} events)",
        f"p50 {r['ingest_p50_ms']:.2f} ms, p99 {r['ingest_p99_ms']:.2f} ms",
        "", "", "p50 <= 5 ms", "yes" if r["ingest_p50_ms"] <= 5 else "no")
    row("incremental RebuildEvents (re-merges every mention)",
        f"p50 {r['rebuild_p50_ms']:.0f} ms, p99 {r['rebuild_p99_ms']:.0f} ms",
        "", "", "(ingest+rebuild) p50 <= 5 ms",
        "yes" if r["ingest_p50_ms"] + r["rebuild_p50_ms"] <= 5 else "no")


def score(jsonl):
    o = subprocess.check_output([sys.executable, os.path.join(
        SHARED, "eval", "extraction.py"), HTML_TRUTH, jsonl, "--json"])
    return json.loads(o)["f1"]


def html_peer(a):
    if not os.path.isdir(HTML_DIR):
        row("HTML vs Readability", "skipped (no /work/shared)")
        return
    mine = os.path.join(a.out, "sitrep_html.jsonl")
    r = json.loads(subprocess.check_output(
        [os.path.join(a.build, "html_bench"), "--dir", HTML_DIR, "--out", mine,
         "--repeat", "3"], env=a.env))
    f1 = score(mine)
    theirs = os.path.join(a.out, "readability.jsonl")
    js = os.path.join(HERE, "peers", "readability.js")
    try:
        p = json.loads(subprocess.check_output(["node", js, HTML_DIR, theirs],
                                               cwd=ROOT, timeout=a.timeout))
    except (subprocess.SubprocessError, OSError, ValueError):
        row("HTML sitrep BuildArticle pages/s", f"{r['build_article_pages_per_s']:.1f}",
            "Readability skipped (node_modules?)")
        return
    pf1 = score(theirs)
    ratio = r["build_article_pages_per_s"] / p["pages_per_s"]
    row("HTML pages/s (181 pages, sitrep BuildArticle vs Readability+jsdom)",
        f"{r['build_article_pages_per_s']:.1f}", f"{p['pages_per_s']:.1f}",
        f"{ratio:.1f}x", ">= 20x", "yes" if ratio >= 20 else "no")
    row("HTML F1 (extraction.py)", f"{f1:.3f}", f"{pf1:.3f}",
        f"{f1 - pf1:+.3f}", ">= Readability F1", "yes" if f1 >= pf1 else "no")


def dates_peer(a):
    r = json.loads(subprocess.check_output(
        [os.path.join(a.build, "date_bench")], stderr=subprocess.DEVNULL))
    try:
        p = json.loads(subprocess.check_output(
            ["node", os.path.join(HERE, "peers", "chrono.js")], cwd=ROOT,
            stderr=subprocess.DEVNULL, timeout=a.timeout))
    except (subprocess.SubprocessError, OSError, ValueError):
        p = None
    row(f"dates accuracy ({r['sentences']} sentences, bench/dates.tsv)",
        f"{r['accuracy']:.3f}", f"{p['accuracy']:.3f}" if p else "chrono skipped")
    if p:
        row("dates sentences/s (FindDates vs chrono-node)",
            f"{r['sentences_per_s']:.0f}", f"{p['sentences_per_s']:.0f}",
            f"{r['sentences_per_s'] / p['sentences_per_s']:.0f}x")


def table():
    head = ("metric", "sitrep", "peer", "ratio", "target", "met")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        lines.append("| " + " | ".join(str(x) for x in r) + " |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--scale", default=os.environ.get("BENCH_SCALE", "10k"))
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--out", default="")
    a = ap.parse_args()
    a.build = os.path.abspath(a.build)
    a.out = a.out or os.path.join(a.build, "bench-out")
    os.makedirs(a.out, exist_ok=True)
    a.env = dict(os.environ, SITREP_DATA_DIR=os.path.join(a.build, "data"))
    sizes = SCALES.get(a.scale, SCALES["10k"])
    paths = {n: corpus(a.build, n) for n in sizes}
    print(f"bench: scale {a.scale}, corpora {[human(n) for n in sizes]}", flush=True)
    micro(a, paths[10000])
    dates_peer(a)
    html_peer(a)
    incremental(a, paths[10000])
    for n in sizes:
        pipeline(a, n, paths[n])
    t = table()
    open(os.path.join(a.out, "results.md"), "w").write(t)
    json.dump(rows, open(os.path.join(a.out, "results.json"), "w"), indent=1)
    print("\n" + t)


if __name__ == "__main__":
    main()
