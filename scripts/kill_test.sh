#!/usr/bin/env bash
# Fault injection: `crosscheck ingest` killed with SIGKILL at random moments.
# Usage: scripts/kill_test.sh [KILLS] [ARTICLES]   (defaults 100, 10000)
# For each kill: the database passes PRAGMA integrity_check, holds each
# article id at most once, and a second run completes it to every article,
# again exactly once; the grouping it ends with is compared with that of an
# uninterrupted run of the same input. Prints one line per kill and a summary;
# exits 1 if anything was lost, doubled or corrupt (a different grouping is
# reported, not a failure).
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-100}
articles=${2:-10000}
./scripts/setup.sh --dev crosscheck crosscheck_ingest_scale >/dev/null
command -v sqlite3 >/dev/null || {
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/crosscheck_ingest_scale --articles "$articles" --write-jsonl "$work/in.jsonl" >/dev/null
q() { sqlite3 "$1" "$2"; }
grouping() {  # the partition of article ids into events, independent of event numbering
  q "$1" "SELECT group_concat(id, ' ') FROM (SELECT event, id FROM articles ORDER BY event, id) GROUP BY event" |
    sort | md5sum | cut -c1-12
}
start=$(date +%s.%N)
build/crosscheck ingest --db "$work/ref.db" "$work/in.jsonl" 2>/dev/null
took=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
ref=$(grouping "$work/ref.db")
ref_events=$(q "$work/ref.db" "SELECT count(DISTINCT event) FROM articles")
stored=$(q "$work/ref.db" "SELECT count(*) FROM articles")  # exact repeats of the input are stored once
echo "kill_test: $articles articles ($stored distinct), uninterrupted ${took}s, $ref_events events"
bad=0 same=0
for k in $(seq 1 "$kills"); do
  rm -f "$work"/k.db*
  build/crosscheck ingest --db "$work/k.db" "$work/in.jsonl" 2>/dev/null &
  pid=$!
  sleep "$(awk -v t="$took" -v r="$RANDOM" 'BEGIN { printf "%.3f", t * r / 32768 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  ok1=$(q "$work/k.db" "PRAGMA integrity_check" 2>&1 || true)
  kept=$(q "$work/k.db" "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
  dup1=$(q "$work/k.db" "SELECT count(*) - count(DISTINCT id) FROM articles" 2>/dev/null || echo 0)
  build/crosscheck ingest --db "$work/k.db" "$work/in.jsonl" 2>/dev/null || true
  ok2=$(q "$work/k.db" "PRAGMA integrity_check")
  total=$(q "$work/k.db" "SELECT count(*) FROM articles")
  dup2=$(q "$work/k.db" "SELECT count(*) - count(DISTINCT id) FROM articles")
  events=$(q "$work/k.db" "SELECT count(DISTINCT event) FROM articles")
  g=$(grouping "$work/k.db")
  [[ $g == "$ref" ]] && same=$((same + 1))
  status=ok
  if [[ ($ok1 != ok && -n $ok1) || $ok2 != ok || $dup1 != 0 || $dup2 != 0 || $total != "$stored" ]]; then
    status=FAIL
    bad=$((bad + 1))
  fi
  echo "kill $k: $status; $kept committed at the kill, $total after the rerun, $events events ($([[ $g == "$ref" ]] && echo same || echo other) grouping)"
done
echo "kill_test: $kills kills, $bad failures (lost, doubled or corrupt), grouping equal to the uninterrupted run's in $same"
((bad == 0))
