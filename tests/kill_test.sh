#!/usr/bin/env bash
# Crash safety: SIGKILL `sitrep ingest` at random moments, then check the
# database (`sitrep check` must find nothing), finish the ingest, and compare
# with a reference database ingested without interruption: same article
# count, byte-identical `sitrep events`, and `check --deep` (stored events
# = re-derived) on some trials.
# Usage: kill_test.sh PATH/TO/sitrep   (env SITREP_SOURCE_DIR: repo;
# KILL_TEST_DOCS, KILL_TEST_TRIALS, KILL_TEST_SEED override the defaults).
set -uo pipefail

SITREP="${1:?usage: kill_test.sh PATH/TO/sitrep}"
SRC="${SITREP_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
DOCS="${KILL_TEST_DOCS:-1500}"
TRIALS="${KILL_TEST_TRIALS:-20}"
SEED="${KILL_TEST_SEED:-$$}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
now_ms() { date +%s%3N; }

python3 "$SRC/tests/news_gen.py" "$TMP/in" "$DOCS" 4 7 || exit 1
INPUT="$TMP/in"

# Reference: one uninterrupted ingest; its duration bounds the kill delays.
t0=$(now_ms)
"$SITREP" -q --db "$TMP/ref.db" ingest "$INPUT" || { echo "reference ingest failed" >&2; exit 1; }
REF_MS=$(( $(now_ms) - t0 ))
"$SITREP" --db "$TMP/ref.db" events >"$TMP/ref.events" || exit 1
REF_ARTICLES=$("$SITREP" --db "$TMP/ref.db" articles | wc -l)
[[ $REF_ARTICLES == "$DOCS" ]] || fail "reference holds $REF_ARTICLES articles, want $DOCS"
echo "reference: $DOCS documents, $(wc -l <"$TMP/ref.events") events, ingest ${REF_MS} ms"

RANDOM=$SEED
killed=0 finished=0 stored_at_kill=""
for ((t = 1; t <= TRIALS; t++)); do
  DB="$TMP/t$t.db"
  delay=$(( REF_MS * (5 + RANDOM % 90) / 100 ))   # 5..94% of a full run
  "$SITREP" -q --db "$DB" ingest "$INPUT" >/dev/null 2>"$TMP/err" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  if kill -KILL "$pid" 2>/dev/null; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  wait "$pid" 2>/dev/null
  if [[ -e $DB ]]; then
    "$SITREP" --db "$DB" check >"$TMP/check" 2>&1 ||
      fail "trial $t (kill after ${delay} ms): check: $(head -5 "$TMP/check")"
    stored_at_kill+="$("$SITREP" --db "$DB" articles | wc -l) "
  else
    stored_at_kill+="- "
  fi
  "$SITREP" -q --db "$DB" ingest "$INPUT" >/dev/null 2>"$TMP/err" ||
    fail "trial $t: re-ingest failed: $(head -3 "$TMP/err")"
  n=$("$SITREP" --db "$DB" articles | wc -l)
  [[ $n == "$DOCS" ]] || fail "trial $t (kill after ${delay} ms): $n articles, want $DOCS"
  "$SITREP" --db "$DB" events >"$TMP/events" 2>"$TMP/err" || fail "trial $t: events failed"
  cmp -s "$TMP/events" "$TMP/ref.events" ||
    fail "trial $t (kill after ${delay} ms): events differ from the reference ($(wc -l <"$TMP/events") vs $(wc -l <"$TMP/ref.events") lines)"
  if (( t % 5 == 0 )); then
    "$SITREP" --db "$DB" check --deep >"$TMP/check" 2>&1 ||
      fail "trial $t: check --deep: $(head -5 "$TMP/check")"
  fi
  rm -f "$DB" "$DB-wal" "$DB-shm"
done

echo "trials: $TRIALS (seed $SEED), killed mid-run $killed, finished before the kill $finished"
echo "articles stored at each kill: $stored_at_kill"
if (( FAILS > 0 )); then
  echo "kill_test: $FAILS failures" >&2
  exit 1
fi
echo "kill_test: ok"
