#!/usr/bin/env bash
# Builds and runs sitrep's libFuzzer targets (fuzz/*_fuzzer.cc).
#
#   fuzz/run.sh [--seconds N] [--jobs J] [--targets a,b] [--build-dir DIR]
#       Fuzzes each target for N seconds (default 60), J at a time (default
#       1), starting from fuzz/corpus/<target>/ (read only; new inputs go to
#       DIR/corpus/<target>/). Crashes land in DIR/crashes/<target>-*.
#       Prints one line per target: executions, exec/s, corpus, crashes;
#       the same as TSV in DIR/fuzz/summary.tsv. Exit 1 if any crashed.
#       --no-build: use the fuzzers as built.
#   fuzz/run.sh --regressions [--build-dir DIR]
#       Replays fuzz/regressions/<target>/* and fuzz/corpus/<target>/*
#       through the fuzzers once (ctest `fuzz_regressions` runs this).
#   fuzz/run.sh --open [--build-dir DIR]
#       Replays fuzz/open/<target>/* (crashes found, not fixed yet) with the
#       fuzzers' known-issue filters off; each still failing is listed.
#
# DIR defaults to build-san: clang, ASan+UBSan, libraries with coverage
# (-fsanitize=fuzzer-no-link). The same build runs the sanitised test suite
# (`make asan`), so CI compiles once.
set -euo pipefail
SRC="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$SRC/build-san"
JOBS=1
SECONDS_PER_TARGET=60
TARGETS=""
MODE=fuzz
NO_BUILD=0
while (($#)); do
  case "$1" in
    --seconds) SECONDS_PER_TARGET="$2"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --targets) TARGETS="${2//,/ }"; shift 2 ;;
    --build-dir) BUILD="$(cd "$2" && pwd)"; shift 2 ;;
    --regressions) MODE=regressions; shift ;;
    --open) MODE=open; shift ;;
    --no-build) NO_BUILD=1; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

# Input size caps per target (-max_len), in bytes.
declare -A MAX_LEN=(
  [utf8]=16384 [sentences]=16384 [clean]=32768 [html]=65536
  [build_article]=65536 [quantity]=4096 [date_expr]=4096 [gazetteer]=8192
  [extract]=32768 [ingest_jsonl]=65536 [ingest_warc]=65536
  [ingest_gz]=32768 [ingest_tar]=65536 [ingest_zip]=65536 [http]=16384
)
ALL_TARGETS="utf8 sentences clean html build_article quantity date_expr
  gazetteer extract ingest_jsonl ingest_warc ingest_gz ingest_tar ingest_zip
  http"
TARGETS="${TARGETS:-$ALL_TARGETS}"

export SITREP_DATA_DIR="${SITREP_DATA_DIR:-$BUILD/data}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

build() {
  if [ ! -f "$BUILD/build.ninja" ]; then
    cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
      -DSITREP_FUZZ=ON -DSITREP_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g" >/dev/null
  fi
  ninja -C "$BUILD" fuzzers >/dev/null
}

# Replays every regression and seed input; fails on the first crash.
regressions() {
  local fail=0 n=0 t bin files
  for t in $TARGETS; do
    bin="$BUILD/fuzz/${t}_fuzzer"
    [ -x "$bin" ] || { echo "missing $bin (ninja -C $BUILD fuzzers)" >&2; exit 1; }
    files=()
    for d in "$SRC/fuzz/regressions/$t" "$SRC/fuzz/corpus/$t"; do  # files only
      [ -d "$d" ] && while IFS= read -r -d '' f; do files+=("$f"); done \
        < <(find "$d" -type f -print0 | sort -z)
    done
    ((${#files[@]})) || continue
    n=$((n + ${#files[@]}))
    if ! "$bin" -timeout=60 -rss_limit_mb=4096 "${files[@]}" \
        >"$BUILD/fuzz/$t.replay.log" 2>&1; then
      echo "FAIL $t: see $BUILD/fuzz/$t.replay.log" >&2
      tail -30 "$BUILD/fuzz/$t.replay.log" >&2
      fail=1
    fi
  done
  echo "fuzz regressions: $n inputs replayed"
  if ((fail)); then echo "0 passed, 1 failed"; exit 1; fi
  echo "1 passed, 0 failed"
}

# Replays each open reproducer alone, strict; lists those still failing.
open_issues() {
  local t f still=0
  export SITREP_FUZZ_STRICT=1
  for t in $TARGETS; do
    [ -d "$SRC/fuzz/open/$t" ] || continue
    for f in "$SRC/fuzz/open/$t"/*; do
      if "$BUILD/fuzz/${t}_fuzzer" "$f" >/dev/null 2>&1; then
        echo "fixed: $t/$(basename "$f") (move it to fuzz/regressions/$t/)"
      else
        echo "open:  $t/$(basename "$f")"; still=$((still + 1))
      fi
    done
  done
  echo "$still open reproducer(s) still failing"
}

# Fuzzes one target; prints its figures.
fuzz_one() {
  local t="$1" bin="$BUILD/fuzz/${1}_fuzzer" log="$BUILD/fuzz/$1.log"
  local corpus="$BUILD/corpus/$t" seeds="$SRC/fuzz/corpus/$t"
  mkdir -p "$corpus" "$BUILD/crashes"
  local dict=() extra=()
  [ -f "$SRC/fuzz/dict/$t.dict" ] && dict=(-dict="$SRC/fuzz/dict/$t.dict")
  [ -d "$seeds" ] && extra=("$seeds")
  local rc=0
  "$bin" "$corpus" "${extra[@]}" "${dict[@]}" -max_len="${MAX_LEN[$t]:-65536}" \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=30 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$BUILD/crashes/$t-" >"$log" 2>&1 || rc=$?
  local execs speed crashes
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  # Failures only: crash-, leak-, timeout- (over -timeout), oom-. libFuzzer
  # also writes slow-unit- files for inputs over 10 s, which a loaded
  # machine produces on its own; they are kept for inspection, not counted.
  crashes=$(find "$BUILD/crashes" -name "$t-*" ! -name "$t-slow-unit-*" \
    -newer "$log.start" | wc -l)
  printf '%-14s %10s execs %7s/s %5s corpus  %s crash(es)  rc=%s\n' "$t" \
    "${execs:-0}" "${speed:-0}" "$(ls "$corpus" | wc -l)" "$crashes" "$rc"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$SECONDS_PER_TARGET" \
    "${execs:-0}" "${speed:-0}" "$(ls "$corpus" | wc -l)" "$crashes" \
    >"$BUILD/fuzz/$t.tsv"
  return 0
}

[ "$MODE" = fuzz ] && ((!NO_BUILD)) && build
if [ "$MODE" = regressions ]; then regressions; exit 0; fi
if [ "$MODE" = open ]; then open_issues; exit 0; fi
echo "fuzzing ${SECONDS_PER_TARGET}s per target, $JOBS at a time; crashes in $BUILD/crashes/"
mkdir -p "$BUILD/crashes"
touch "$BUILD/fuzz/.run.start"
for t in $TARGETS; do
  while (($(jobs -rp | wc -l) >= JOBS)); do wait -n || true; done
  touch "$BUILD/fuzz/$t.log.start"
  rm -f "$BUILD/fuzz/$t.tsv"
  fuzz_one "$t" &
done
wait
printf 'target\tseconds\texecs\texec_per_s\tcorpus\tcrashes\n' >"$BUILD/fuzz/summary.tsv"
for t in $TARGETS; do
  cat "$BUILD/fuzz/$t.tsv" 2>/dev/null || printf '%s\t-\t0\t0\t0\tmissing\n' "$t"
done >>"$BUILD/fuzz/summary.tsv"
found=$(find "$BUILD/crashes" -type f ! -name "*-slow-unit-*" \
  -newer "$BUILD/fuzz/.run.start" | wc -l)
slow=$(find "$BUILD/crashes" -type f -name "*-slow-unit-*" \
  -newer "$BUILD/fuzz/.run.start" | wc -l)
((slow == 0)) || echo "note: $slow slow unit(s) (over 10 s, not failures) in $BUILD/crashes"
total=$(awk -F'\t' 'NR > 1 { s += $3 } END { print s + 0 }' "$BUILD/fuzz/summary.tsv")
echo "fuzzing done: $total executions; $found new crash file(s) in $BUILD/crashes"
((found == 0))
