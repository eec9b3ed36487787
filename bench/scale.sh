#!/bin/bash
# The scaling curve of a whole ingest: for each corpus size, a new store,
# `sitrep -q --db NEW ingest cN.jsonl` under bench/rsswatch.sh (VmRSS and
# I/O each second), then a line with N, user and system CPU seconds, wall
# time, peak RSS (KB) and the number of events, and the md5 of the events
# and of their links (below 1M). OUT_DIR/wN.log.time holds each run's
# stages (ingest --timings) above time's report. Stores are deleted after
# use; 1M needs about 30 GB of free disk at its peak.
#
# Usage: SITREP_DATA_DIR=build/data bench/scale.sh SITREP CORPUS_DIR OUT_DIR [N...]
#   CORPUS_DIR holds cN.jsonl (bench/gen_corpus.py --articles N --out ...).
#   N defaults to 10000 100000 1000000.
set -eu
bin=$1 corpora=$2 out=$3
shift 3
sizes=${*:-10000 100000 1000000}
here=$(dirname "$0")
mkdir -p "$out"
for n in $sizes; do
  db=$out/w$n.db
  rm -f "$db" "$db-wal" "$db-shm"
  "$here/rsswatch.sh" "$out/w$n.log" "$bin" -q --db "$db" ingest --timings \
    "$corpora/c$n.jsonl"
  times=$(grep -E 'User time|System time|Elapsed|Maximum resident' \
    "$out/w$n.log.time" | awk -F': ' '{printf "%s ", $2}')
  echo "$n $times$(sqlite3 "$db" 'select count(*) from events')" \
    >>"$out/scale.txt"
  if [ "$n" -lt 1000000 ]; then
    sqlite3 "$db" "select json from events order by id" | md5sum \
      >>"$out/scale.txt"
    sqlite3 "$db" "select event_id||article_id from event_articles order by 1" \
      | md5sum >>"$out/scale.txt"
  fi
  rm -f "$db" "$db-wal" "$db-shm"
done
cat "$out/scale.txt"
