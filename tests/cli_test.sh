#!/usr/bin/env bash
# Integration test of the sitrep CLI: ingest, articles, show, search, exit
# codes. Usage: cli_test.sh PATH/TO/sitrep   (env SITREP_SOURCE_DIR: repo)
# The part over the shared seed articles is skipped when they are absent.
set -uo pipefail

SITREP="${1:?usage: cli_test.sh PATH/TO/sitrep}"
SRC="${SITREP_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
FAILS=0

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
# expect_rc WANT CMD...: runs CMD, stdout/stderr to $TMP/out, $TMP/err.
expect_rc() {
  local want="$1"; shift
  "$@" >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  [[ $rc == "$want" ]] || fail "exit $rc, want $want: $* ($(head -c 300 "$TMP/err"))"
}
expect_grep() {  # expect_grep FILE REGEX
  grep -Eq -- "$2" "$1" || fail "$1 lacks /$2/: $(head -c 300 "$1")"
}
# jq-free JSON field check: prints "id date" per line of JSON Lines on stdin.
ids_dates() {
  python3 -c 'import json,sys
for l in sys.stdin:
    r = json.loads(l); print(r["id"], r["date"])'
}

DB="$TMP/t.db"
S=("$SITREP" --db "$DB")

# ---- usage and help ----
expect_rc 1 "$SITREP"
expect_rc 1 "$SITREP" no-such-command
expect_rc 0 "$SITREP" --help
for cmd in ingest articles show search; do
  expect_rc 0 "$SITREP" "$cmd" --help
  expect_grep "$TMP/out" "Usage"
done
expect_rc 1 "${S[@]}" articles --format xml

# ---- temp inputs: text, JSON Lines with one bad line ----
mkdir -p "$TMP/in"
cat >"$TMP/in/kut_shooting.txt" <<'EOF'
KUT, Iraq, Jan 8, 2022 — Gunmen shot and wounded two protesters on Saturday, a security source said.

Police said the attackers fled.
EOF
cat >"$TMP/batch.jsonl" <<'EOF'
{"id": "j1", "text": "Rockets hit the Green Zone in Baghdad on Sunday, officials said.", "date": "2020-01-26", "title": "Rockets hit Green Zone"}
{"id": "j2", "text": "broken line, no closing brace"
{"id": "j3", "text": "Police arrested 12 people in Tahrir Square, O'Brien said; a \"quote\", a comma."}
EOF
expect_rc 2 "${S[@]}" ingest "$TMP/in" "$TMP/batch.jsonl"
expect_grep "$TMP/out" "^ingested 3, already present 0, new versions 0, failed 1$"
expect_grep "$TMP/err" "batch.jsonl:2: "
expect_rc 0 "${S[@]}" ingest "$TMP/in"
expect_grep "$TMP/out" "^ingested 0, already present 1, new versions 0, failed 0$"
expect_rc 0 "${S[@]}" --quiet ingest "$TMP/in"
[[ -s "$TMP/out" ]] && fail "--quiet ingest printed: $(cat "$TMP/out")"

# A changed article under the same id is a new version.
echo "Later: police said one protester died in hospital." >>"$TMP/in/kut_shooting.txt"
expect_rc 0 "${S[@]}" ingest "$TMP/in"
expect_grep "$TMP/out" "new versions 1,"
expect_rc 0 "${S[@]}" show kut_shooting
expect_grep "$TMP/out" "version 2"
expect_grep "$TMP/out" "^ +1 \[[0-9]+,[0-9]+\) +KUT|^ +1 \[[0-9]+,[0-9]+\) +Gunmen"
expect_grep "$TMP/out" "died in hospital"

# ---- articles: JSON Lines and CSV ----
expect_rc 0 "${S[@]}" articles
[[ $(wc -l <"$TMP/out") == 3 ]] || fail "articles: want 3 lines, got $(wc -l <"$TMP/out")"
ids_dates <"$TMP/out" >"$TMP/ids" || fail "articles output is not JSON Lines"
expect_grep "$TMP/ids" "^j1 2020-01-26$"
expect_grep "$TMP/ids" "^j3 None$"
expect_rc 0 "${S[@]}" articles --format csv
python3 - "$TMP/out" <<'EOF' || fail "articles --format csv does not parse"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert [r["id"] for r in rows] == ["j1", "j3", "kut_shooting"], rows
assert rows[1]["text"].endswith('a "quote", a comma.'), rows[1]["text"]
assert rows[0]["date"] == "2020-01-26" and rows[1]["date"] == ""
EOF

# ---- show, search ----
expect_rc 1 "${S[@]}" show no-such-id
expect_grep "$TMP/err" "no article no-such-id"
expect_rc 0 "${S[@]}" search "Green Zone"
expect_grep "$TMP/out" "^ 1\. j1 "
expect_grep "$TMP/out" "\[Green\] \[Zone\]"
expect_rc 0 "${S[@]}" search "'; DROP TABLE articles; --"
expect_rc 0 "${S[@]}" search "arrested OR rockets" --fts5
[[ $(grep -c '^ *[0-9]\. ' "$TMP/out") == 2 ]] || fail "fts5 OR: want 2 hits"
expect_rc 1 "${S[@]}" search '"unclosed' --fts5
expect_rc 3 "$SITREP" --db "$TMP/in" articles  # a directory is no database

# ---- the shared seed articles, when present ----
SEEDS="$SRC/../shared/seeds"
if [[ -d "$SEEDS" ]]; then
  SD=("$SITREP" --db "$TMP/seeds.db")
  expect_rc 0 "${SD[@]}" ingest "$SEEDS"
  expect_grep "$TMP/out" "^ingested 5, already present 0, new versions 0, failed 0$"
  expect_rc 0 "${SD[@]}" articles
  ids_dates <"$TMP/out" >"$TMP/seed_dates"
  for want in "000_60ab15af16507899 2020-01-27" "001_1e624239fb1a739b 2020-01-26" \
              "002_94d6b5e44e35da17 None" "003_9d45eec19942809f None" \
              "004_2a6d0a5e7ece637d 2022-01-08"; do
    expect_grep "$TMP/seed_dates" "^$want$"
  done
  [[ $(wc -l <"$TMP/seed_dates") == 5 ]] || fail "seeds: want 5 articles"
  expect_rc 0 "${SD[@]}" ingest "$SEEDS"
  expect_grep "$TMP/out" "^ingested 0, already present 5, new versions 0, failed 0$"
else
  echo "cli_test: $SEEDS absent, seed checks skipped"
fi

if ((FAILS > 0)); then
  echo "cli_test: $FAILS failure(s)" >&2
  exit 1
fi
echo "cli_test: ok"
