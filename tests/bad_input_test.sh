#!/usr/bin/env bash
# Bad-input catalogue: `sitrep ingest` over a batch of hostile files must not
# crash, must exit 2, must name each bad input (file, and line or record) with
# its exact message on stderr, and must still store every good file of the
# batch. The batch is generated at test time by tests/bad_inputs_gen.py.
# Usage: bad_input_test.sh PATH/TO/sitrep   (env SITREP_SOURCE_DIR: repo)
# See doc/RELIABILITY.md for the catalogue and what each case expects.
set -uo pipefail

SITREP="${1:?usage: bad_input_test.sh PATH/TO/sitrep}"
SITREP="$(cd "$(dirname "$SITREP")" && pwd)/$(basename "$SITREP")"
SRC="${SITREP_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
TMP="$(mktemp -d)"
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
FAILS=0
CHECKS=0

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
check() { CHECKS=$((CHECKS + 1)); }
# expect_line FILE LINE: FILE has LINE exactly, as a whole line.
expect_line() {
  check
  grep -Fxq -- "$2" "$1" || fail "$(basename "$1") lacks the line: $2"
}

IN="$TMP/in"
mkdir -p "$IN"
python3 "$SRC/tests/bad_inputs_gen.py" "$IN" || { echo "generator failed"; exit 1; }
ln -s "$IN/no-such-target.txt" "$IN/dangling.txt"
mkdir "$IN/dir.txt"  # a directory where a file is expected: walked, reported

GOOD=(good.txt page.html crlf.txt utf16.txt invalid_utf8.txt bad_date.txt
      absurd.txt bad_date.jsonl)
BAD=(nul.txt empty.txt long_line.txt deep.html bomb.txt.gz bad_headers.warc
     wrong_types.jsonl dangling.txt dir.txt)
if [ "$(id -u)" != 0 ]; then  # root reads mode-000 files: only test as a user
  printf 'x' >"$IN/unreadable.txt" && chmod 000 "$IN/unreadable.txt"
  BAD+=(unreadable.txt)
fi

# ---- ingest the whole batch (relative paths: messages name them so) ----
cd "$IN"
"$SITREP" --db "$TMP/db" ingest "${GOOD[@]}" "${BAD[@]}" \
  >"$TMP/out" 2>"$TMP/err"
rc=$?
check
[[ $rc == 2 ]] || fail "ingest exit $rc, want 2 (stderr: $(head -c 400 "$TMP/err"))"
check
if grep -Eq 'AddressSanitizer|runtime error|Segmentation|Aborted' "$TMP/err"; then
  fail "sanitizer or crash report: $(head -c 600 "$TMP/err")"
fi

E="$TMP/err"
expect_line "$E" "nul.txt: binary file"
# Article warnings are printed too, not only shown by `show`.
expect_line "$E" "invalid_utf8.txt: warning: invalid_utf8: invalid UTF-8 repaired (3 replacements)"
expect_line "$E" 'bad_date.txt: warning: bad_date: unparseable date in metadata line "date 2020-02-30" ignored'
expect_line "$E" 'bad_date.jsonl:1: warning: jl-feb30: unparseable date "2020-02-30" ignored'
check  # three warnings, no more
[[ $(grep -c ': warning: ' "$E") == 3 ]] || fail "warnings: $(grep ': warning: ' "$E")"
expect_line "$E" "empty.txt: empty"
expect_line "$E" "long_line.txt: article over size budget (52428800 bytes > 10485760)"
expect_line "$E" "deep.html: html: element nesting over the limit"
expect_line "$E" "bomb.txt.gz: gzip stream expansion ratio over 200 (decompression bomb?)"
expect_line "$E" "bad_headers.warc#2: malformed WARC record: missing or bad Content-Length"
expect_line "$E" 'wrong_types.jsonl:2: field "text" must be a string'
expect_line "$E" 'wrong_types.jsonl:3: field "id" must be a string or an integer'
expect_line "$E" 'wrong_types.jsonl:4: field "date" must be a string'
expect_line "$E" "wrong_types.jsonl:5: record is not a JSON object"
expect_line "$E" "wrong_types.jsonl:6: malformed JSON: A string is opened, but never closed."
check  # the file is named; the wording of the OS error may change
grep -Eq '^dangling\.txt: .*No such file or directory$' "$E" ||
  fail "dangling symlink not reported: $(cat "$E")"
check  # regression: the path was printed twice ("dangling.txt: dangling.txt: ...")
grep -q 'dangling\.txt.*dangling\.txt' "$E" &&
  fail "path printed twice: $(grep dangling "$E")"
if [ "$(id -u)" != 0 ]; then
  check
  grep -Eq '^unreadable\.txt: .*Permission denied$' "$E" ||
    fail "unreadable file not reported"
fi
expect_line "$E" "dir.txt: no input files in directory"
check  # nothing else fails: 13 failures (+1 unreadable as a user)
want_fail=13
[ "$(id -u)" != 0 ] && want_fail=14
n_err=$(grep -vc ': warning: ' "$E")
[[ $n_err == "$want_fail" ]] || fail "$n_err stderr lines, want $want_fail: $(cat "$E")"
expect_line "$TMP/out" "ingested 10, already present 0, new versions 0, failed $want_fail"

# ---- the good files of the batch are stored ----
"$SITREP" --db "$TMP/db" articles >"$TMP/articles" 2>"$TMP/err2"
check
n=$(wc -l <"$TMP/articles")
[[ $n == 10 ]] || fail "$n articles stored, want 10"
python3 - "$TMP/articles" >"$TMP/ids" <<'PY' || fail "articles output is not JSON Lines"
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    print(r["id"], json.dumps(r["date"]))
PY
for want in "good null" "page null" "crlf null" "utf16 null" \
    "invalid_utf8 null" "absurd null" "jl-good null" "dc386cf1ab5badeb null"; do
  expect_line "$TMP/ids" "$want"
done
# Impossible dates are never stored as dates.
expect_line "$TMP/ids" "jl-feb30 null"
expect_line "$TMP/ids" "bad_date null"

# Repairs and ignored fields are recorded as warnings on the article.
"$SITREP" --db "$TMP/db" show invalid_utf8 >"$TMP/show" 2>&1
expect_line "$TMP/show" "warning     invalid UTF-8 repaired (3 replacements)"
"$SITREP" --db "$TMP/db" show jl-feb30 >"$TMP/show" 2>&1
expect_line "$TMP/show" 'warning     unparseable date "2020-02-30" ignored'
# Regression: the impossible metadata line was kept as a sentence, silently.
"$SITREP" --db "$TMP/db" show bad_date >"$TMP/show" 2>&1
expect_line "$TMP/show" 'warning     unparseable date in metadata line "date 2020-02-30" ignored'
grep -q '^ *1 .*date 2020-02-30' "$TMP/show" && fail "bad metadata line kept as a sentence"
# UTF-16 with a BOM and CRLF come out as clean UTF-8 text.
check
grep -q 'near Kîrkûk on Sunday' "$TMP/articles" || fail "UTF-16 text not decoded"
check
grep -q $'\r' "$TMP/articles" && fail "CR left in clean text"

# ---- absurd figures: no event carries 10^12 as its fatalities ----
"$SITREP" extract absurd.txt >"$TMP/events" 2>"$TMP/err3"
rc=$?
check
[[ $rc == 0 ]] || fail "extract absurd.txt exit $rc: $(head -c 300 "$TMP/err3")"
check
python3 - "$TMP/events" <<'PY' || fail "an event trusts the absurd figure"
import json, sys
events = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert events, "no event extracted from absurd.txt"
for e in events:
    for k in ("fatalities", "injuries", "arrests", "missing"):
        v = e.get(k)
        best = v.get("best") if isinstance(v, dict) else v
        assert best is None or best < 1_000_000, (k, v)
    for s in e.get("sources", []):
        for f in s.get("figures", []):
            if (f["count"].get("best") or 0) > 1_000_000:
                assert f.get("implausible") is True, f
PY

# ---- the same bad inputs through `extract` (no database) ----
"$SITREP" extract "${BAD[@]}" >/dev/null 2>"$TMP/err4"
rc=$?
check
[[ $rc == 2 ]] || fail "extract over bad inputs exit $rc, want 2"
expect_line "$TMP/err4" "deep.html: html: element nesting over the limit"
expect_line "$TMP/err4" "bomb.txt.gz: gzip stream expansion ratio over 200 (decompression bomb?)"

PASSED=$((CHECKS - FAILS))
echo "bad_input_test: $PASSED passed, $FAILS failed"
((FAILS == 0))
