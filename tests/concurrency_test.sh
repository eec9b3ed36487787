#!/usr/bin/env bash
# Concurrency on one database file (WAL, busy timeout):
#  1. readers (`events`, `articles`, `search`) succeed while an ingest runs;
#  2. two concurrent ingests of different inputs both succeed, and the
#     result equals a sequential ingest of both (articles, byte-identical
#     `events`, and `check --deep`: stored events = re-derived).
# Usage: concurrency_test.sh PATH/TO/sitrep   (env SITREP_SOURCE_DIR: repo;
# CONCURRENCY_TEST_DOCS, CONCURRENCY_TEST_ROUNDS override the defaults).
set -uo pipefail

SITREP="${1:?usage: concurrency_test.sh PATH/TO/sitrep}"
SRC="${SITREP_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
DOCS="${CONCURRENCY_TEST_DOCS:-800}"
ROUNDS="${CONCURRENCY_TEST_ROUNDS:-3}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }

python3 "$SRC/tests/news_gen.py" "$TMP/a" "$DOCS" 2 7 a_ || exit 1
python3 "$SRC/tests/news_gen.py" "$TMP/b" "$DOCS" 2 8 b_ || exit 1

# --- 1. readers beside a writer -------------------------------------------
DB="$TMP/readers.db"
"$SITREP" -q --db "$DB" ingest "$TMP/a" >"$TMP/w.out" 2>"$TMP/w.err" &
writer=$!
reads=0
while kill -0 "$writer" 2>/dev/null; do
  for cmd in "events" "articles" "search protesters"; do
    # shellcheck disable=SC2086  # $cmd is a command and its argument
    "$SITREP" --db "$DB" $cmd >/dev/null 2>"$TMP/r.err" ||
      fail "reader '$cmd' during ingest: $(head -3 "$TMP/r.err")"
    reads=$((reads + 1))
  done
done
wait "$writer" || fail "ingest beside readers failed: $(head -3 "$TMP/w.err")"
n=$("$SITREP" --db "$DB" articles | wc -l)
[[ $n == "$DOCS" ]] || fail "ingest beside readers stored $n articles, want $DOCS"
echo "readers: $reads reads during one ingest of $DOCS documents, all succeeded"

# --- 2. two writers -----------------------------------------------------------
REF="$TMP/ref.db"
"$SITREP" -q --db "$REF" ingest "$TMP/a" || fail "sequential ingest a"
"$SITREP" -q --db "$REF" ingest "$TMP/b" || fail "sequential ingest b"
"$SITREP" --db "$REF" events >"$TMP/ref.events"
for ((r = 1; r <= ROUNDS; r++)); do
  DB="$TMP/w$r.db"
  start=$(date +%s%3N)
  "$SITREP" -q --db "$DB" ingest "$TMP/a" 2>"$TMP/a.err" &
  pa=$!
  sleep "0.$((r - 1))"  # stagger the second writer a little more each round
  "$SITREP" -q --db "$DB" ingest "$TMP/b" 2>"$TMP/b.err" &
  pb=$!
  wait "$pa" || fail "round $r: ingest a failed: $(head -3 "$TMP/a.err")"
  wait "$pb" || fail "round $r: ingest b failed: $(head -3 "$TMP/b.err")"
  ms=$(( $(date +%s%3N) - start ))
  n=$("$SITREP" --db "$DB" articles | wc -l)
  [[ $n == $((2 * DOCS)) ]] || fail "round $r: $n articles, want $((2 * DOCS))"
  "$SITREP" --db "$DB" events >"$TMP/events"
  cmp -s "$TMP/events" "$TMP/ref.events" ||
    fail "round $r: events differ from the sequential ingest"
  "$SITREP" --db "$DB" check --deep >"$TMP/check" 2>&1 ||
    fail "round $r: check --deep: $(head -5 "$TMP/check")"
  echo "round $r: two concurrent ingests of $DOCS documents each in ${ms} ms"
done

if (( FAILS > 0 )); then
  echo "concurrency_test: $FAILS failures" >&2
  exit 1
fi
echo "concurrency_test: ok"
