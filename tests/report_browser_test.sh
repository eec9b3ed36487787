#!/usr/bin/env bash
# Browser test of the HTML report: headless Chromium (Debian `chromium`)
# driven by npm playwright-core opens a report, counts map markers and table
# rows, filters, selects an event and saves a screenshot under
# BUILD/test-output/. Skips (exit 0) when Chromium, node or playwright-core
# is missing.
# Usage: report_browser_test.sh PATH/TO/sitrep [REPORT.html]
# Without REPORT.html it writes one with BUILD/report_fixture.
set -uo pipefail

SITREP="${1:?usage: report_browser_test.sh PATH/TO/sitrep [REPORT.html]}"
SRC="${SITREP_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
BUILD="$(cd "$(dirname "$SITREP")" && pwd)"
OUT="$BUILD/test-output"
mkdir -p "$OUT"

if [[ ! -x /usr/bin/chromium ]]; then
  echo "SKIP: chromium not installed (scripts/setup installs it)"; exit 0
fi
if ! command -v node >/dev/null || [[ ! -d "$SRC/node_modules/playwright-core" ]]; then
  echo "SKIP: node or npm playwright-core missing (run scripts/setup)"; exit 0
fi

REPORT="${2:-}"
if [[ -z "$REPORT" ]]; then
  # The real thing: the example corpus through `sitrep ingest` and `report`.
  REPORT="$OUT/report_examples.html"
  DB="$OUT/report_examples.db"
  rm -f "$DB" "$DB-wal" "$DB-shm"
  "$1" --db "$DB" -q ingest "$SRC/examples" || { echo "FAIL: ingest" >&2; exit 1; }
  "$1" --db "$DB" -q report -o "$REPORT" || { echo "FAIL: report" >&2; exit 1; }
fi

cd "$SRC"
timeout 120 node tests/report_browser.mjs "$REPORT" "$OUT/report.png"
rc=$?
if [[ $rc == 77 ]]; then exit 0; fi
exit $rc
