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
  REPORT="$OUT/report_fixture.html"
  if [[ ! -x "$BUILD/report_fixture" ]]; then
    echo "FAIL: $BUILD/report_fixture not built (ninja report_fixture)" >&2; exit 1
  fi
  "$BUILD/report_fixture" "$REPORT" || { echo "FAIL: report_fixture" >&2; exit 1; }
fi

cd "$SRC"
timeout 120 node tests/report_browser.mjs "$REPORT" "$OUT/report.png"
rc=$?
if [[ $rc == 77 ]]; then exit 0; fi
exit $rc
