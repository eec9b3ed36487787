#!/usr/bin/env bash
# Loopback load test of `sitrep serve` with wrk: GET /api/events (default
# page of 100) from 64 connections on 2 threads for 30 s, latency
# percentiles on. Reports requests/s, p99 latency, non-2xx responses and
# socket errors; fails (exit 1) if there are any errors. Traffic goes to
# 127.0.0.1 only. Not a ctest test (it runs 30 s): `make load`.
# Usage: bench/load.sh PATH/TO/sitrep [SECONDS] [CONNECTIONS] [ARTICLES]
#   ARTICLES > 0: the store holds that many synthetic articles
#   (bench/gen_corpus.py) besides examples/.
set -uo pipefail

SITREP="${1:?usage: load.sh PATH/TO/sitrep [SECONDS] [CONNECTIONS] [ARTICLES]}"
SECONDS_RUN="${2:-30}"
CONNS="${3:-64}"
ARTICLES="${4:-0}"
SRC="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(cd "$(dirname "$SITREP")" && pwd)"
export SITREP_DATA_DIR="${SITREP_DATA_DIR:-$BUILD/data}"
command -v wrk >/dev/null || { echo "load.sh: wrk not installed (scripts/setup)" >&2; exit 2; }

TMP="$(mktemp -d)"
PID=""
cleanup() {
  [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

DB="$TMP/load.db"
"$SITREP" -q --db "$DB" ingest "$SRC/examples" || exit 1
if (( ARTICLES > 0 )); then
  python3 "$SRC/bench/gen_corpus.py" --articles "$ARTICLES" --out "$TMP/corpus.jsonl" &&
    "$SITREP" -q --db "$DB" ingest "$TMP/corpus.jsonl" || exit 1
fi

# One worker thread per keep-alive connection (cpp-httplib's model) + spare.
"$SITREP" --db "$DB" serve --host 127.0.0.1 --port 0 --threads $((CONNS + 8)) \
  2>"$TMP/server.log" &
PID=$!
PORT=""
for _ in $(seq 1 600); do
  PORT="$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$TMP/server.log" | head -1)"
  [[ -n "$PORT" ]] && curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/events?limit=1" && break
  PORT=""
  sleep 0.1
done
[[ -n "$PORT" ]] || { echo "server did not start: $(cat "$TMP/server.log")" >&2; exit 1; }
URL="http://127.0.0.1:$PORT/api/events"
EVENTS="$(curl -s "$URL?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
BYTES="$(curl -s "$URL" | wc -c)"
echo "store: $EVENTS events; GET /api/events returns $BYTES bytes"

timeout $((SECONDS_RUN + 30)) wrk -t2 -c"$CONNS" -d"${SECONDS_RUN}s" --timeout 5s --latency "$URL" \
  | tee "$TMP/wrk.txt"
rc=${PIPESTATUS[0]}
(( rc == 0 )) || { echo "load.sh: wrk failed (exit $rc)" >&2; exit 1; }

RPS="$(awk '/^Requests\/sec/ {print $2}' "$TMP/wrk.txt")"
P99="$(awk '$1 == "99%" {print $2}' "$TMP/wrk.txt")"
NON2XX="$(awk '/Non-2xx or 3xx responses/ {print $NF}' "$TMP/wrk.txt")"
SOCKERR="$(sed -n 's/.*Socket errors: //p' "$TMP/wrk.txt")"
echo "load: ${RPS} requests/s, p99 ${P99}, non-2xx ${NON2XX:-0}, socket errors: ${SOCKERR:-none}" \
     "(${CONNS} connections, 2 threads, ${SECONDS_RUN} s, ${EVENTS} events)"
kill -0 "$PID" 2>/dev/null || { echo "load.sh: the server died" >&2; exit 1; }
[[ -z "$NON2XX" && -z "$SOCKERR" ]] || exit 1
