#!/bin/bash
# Runs a command under /usr/bin/time -v and samples, each second, its
# resident memory (VmRSS, KB) and the bytes it has read and written through
# system calls (rchar, wchar from /proc/PID/io, MB), so that a long run's
# phases show in the log. The command's stdout goes to LOG.out, time's
# report to LOG.time; LOG ends with the command's exit status.
#
# Usage: bench/rsswatch.sh LOG COMMAND [ARGS...]
set -u
log=$1
shift
/usr/bin/time -v "$@" >"$log.out" 2>"$log.time" &
tpid=$!
pid=""
for _ in $(seq 50); do
  pid=$(pgrep -P "$tpid" | head -1)
  [ -n "$pid" ] && break
  sleep 0.1
done
peak=0
while kill -0 "$tpid" 2>/dev/null; do
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null)
  io=$(awk '/^rchar|^wchar/ {printf "%d ", $2 / 1048576}' "/proc/$pid/io" 2>/dev/null)
  if [ -n "$rss" ]; then
    [ "$rss" -gt "$peak" ] && peak=$rss
    echo "$(date +%H:%M:%S) $rss peak=$peak io_mb=$io" >>"$log"
  fi
  sleep 1
done
wait "$tpid"
echo "rc=$?" >>"$log"
