#!/usr/bin/env bash
# Integration test of `sitrep serve` (doc/api.md): starts the server on a
# free loopback port over a temporary database filled with examples/, checks
# every endpoint against the CLI's view of the same store
# (tests/api_check.py), a server without a token (POST -> 403), then the
# live UI in headless Chromium (tests/api_browser.mjs; skipped without
# Chromium). The servers are always killed on exit.
# Usage: api_test.sh PATH/TO/sitrep   (env SITREP_SOURCE_DIR: repo,
#        SITREP_DATA_DIR: the build's data/ with gazetteer.bin)
set -uo pipefail

SITREP="${1:?usage: api_test.sh PATH/TO/sitrep}"
SRC="${SITREP_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
BUILD="$(cd "$(dirname "$SITREP")" && pwd)"
export SITREP_DATA_DIR="${SITREP_DATA_DIR:-$BUILD/data}"
OUT="$BUILD/test-output"
mkdir -p "$OUT"
TMP="$(mktemp -d)"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
  rm -rf "$TMP"
}
trap cleanup EXIT
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }

# start_server LOG ARGS...: starts `sitrep serve --port 0 ARGS` in the
# background and sets PORT once it listens (the port is read from its log).
start_server() {
  local log="$1"; shift
  "$SITREP" --db "$DB" serve --host 127.0.0.1 --port 0 "$@" 2>"$log" &
  PIDS+=($!)
  PORT=""
  for _ in $(seq 1 300); do
    PORT="$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log" | head -1)"
    [[ -n "$PORT" ]] && curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/events?limit=1" && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "server did not start: $(head -c 500 "$log")" >&2
  return 1
}

DB="$TMP/api.db"
"$SITREP" -q --db "$DB" ingest "$SRC/examples" || { echo "FAIL: ingest examples" >&2; exit 1; }

TOKEN="tok-$RANDOM-$RANDOM-$$"
start_server "$TMP/server.log" --token "$TOKEN" --threads 8 || exit 1
BASE="http://127.0.0.1:$PORT"
echo "server at $BASE"

python3 "$SRC/tests/api_check.py" "$BASE" "$TOKEN" "$SITREP" "$DB" || fail "api_check.py"

# A server without a token refuses every POST (403), whatever the header.
SITREP_TOKEN= start_server "$TMP/server2.log" --threads 2 || exit 1
code="$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
  --data-binary '{"id":"x","text":"y"}' "http://127.0.0.1:$PORT/api/articles")"
[[ "$code" == 403 ]] || fail "POST without a configured token: $code, want 403"
grep -q '"error"' "$TMP/body" || fail "403 body lacks an error: $(cat "$TMP/body")"
# SITREP_TOKEN enables POST when --token is not given.
SITREP_TOKEN="$TOKEN" start_server "$TMP/server3.log" --threads 2 || exit 1
code="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
  --data-binary '{"id":"api_env_token","text":"Nothing happened here."}' \
  "http://127.0.0.1:$PORT/api/articles")"
[[ "$code" == 201 ]] || fail "POST with \$SITREP_TOKEN: $code, want 201"

# The live UI in a browser (skips without Chromium or playwright-core).
if [[ -x /usr/bin/chromium ]] && command -v node >/dev/null &&
   [[ -d "$SRC/node_modules/playwright-core" ]]; then
  (cd "$SRC" && timeout 120 node tests/api_browser.mjs "$BASE/" "$OUT/ui.png")
  rc=$?
  [[ $rc == 0 || $rc == 77 ]] || fail "api_browser.mjs (exit $rc)"
else
  echo "SKIP: live UI browser check (no chromium, node or playwright-core)"
fi

# The servers must still be alive (no crash on any input above).
for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null || fail "server $p died"; done

if (( FAILS )); then echo "$FAILS failures" >&2; exit 1; fi
echo "api_test: all checks passed"
