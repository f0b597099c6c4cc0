#!/usr/bin/env bash
# Load on `crosscheck serve` (wrk, from Debian): a database of 10,000
# generated articles, the cached report of a typical event (the median size)
# at 100 connections for DURATION seconds (plain, then as browsers ask for it:
# compressed), then the same while a client posts 1,000
# articles a second (10 batches of 100). Prints requests/s and the p50 and
# p99 latencies of each run.
# Usage: bench/serve_load.sh [DURATION]   (after scripts/setup.sh --dev; needs wrk and curl)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "serve_load: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done
bin=${CROSSCHECK:-build/crosscheck}  # CROSSCHECK=BIN measures another build
[[ -x build/crosscheck && -x build/crosscheck_ingest_scale ]] || { echo "serve_load: build first (scripts/setup.sh --dev)" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill "${server:-}" "${poster:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
build/crosscheck_ingest_scale --articles 40000 --write-jsonl "$work/all.jsonl" >/dev/null
head -n 10000 "$work/all.jsonl" >"$work/base.jsonl"
tail -n +10001 "$work/all.jsonl" | split -l 100 - "$work/batch."
"$bin" ingest --db "$work/db" "$work/base.jsonl" >/dev/null 2>&1
port=$((20000 + RANDOM % 20000))
"$bin" serve --db "$work/db" --port "$port" 2>"$work/serve.log" &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
# A typical event: the median size among the 500 most recently active.
id=$(curl -sf "http://127.0.0.1:$port/api/events?limit=500" |
  python3 -c 'import json,sys; e=sorted(json.load(sys.stdin)["events"], key=lambda x: x["articles"]); m=e[len(e)//2]; print(m["id"])')
url="http://127.0.0.1:$port/api/events/$id"
size=$(curl -sf "$url" | wc -c)  # builds and caches the report
articles=$(curl -sf "$url" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["sources"]))')
echo "event $id: $articles articles, a report of $size bytes"
run() {  # run WHAT [WRK ARGS...]
  local what=$1
  shift
  wrk -t2 -c100 -d"${duration}s" --latency "$@" "$url" |
    tee "$work/wrk.$RANDOM" | awk -v what="$what" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
         END {printf "%-28s %10s req/s  p50 %8s  p99 %8s\n", what, rps, p50, p99}'
}
# Each serving thread opens its own database connection on its first
# request: two seconds of load first, so the runs measure the steady state.
wrk -t2 -c100 -d2s "$url" >/dev/null
run "cached report, idle"
run "the same, gzip accepted" -H 'Accept-Encoding: gzip, deflate, br'
(
  # A batch of 100 every 0.1 s at most: 1,000 articles a second when the
  # server keeps up (the figure printed at the end says whether it did).
  for f in "$work"/batch.*; do
    curl -sf -H 'Content-Type: application/x-ndjson' --data-binary @"$f" "http://127.0.0.1:$port/api/articles" >/dev/null &
    sleep 0.1
    wait "$!" || true
  done
) &
poster=$!
sleep 1
posted_before=$(curl -sf "http://127.0.0.1:$port/metrics" | awk '/^crosscheck_articles / {print $2}')
run "cached report, ingesting"
posted_after=$(curl -sf "http://127.0.0.1:$port/metrics" | awk '/^crosscheck_articles / {print $2}')
echo "articles stored during the second run: $((posted_after - posted_before)) in ${duration} s"
[[ -n "${SERVE_LOAD_VERBOSE:-}" ]] && cat "$work"/wrk.*
