#!/usr/bin/env bash
# Fuzzes every parser of outside input with libFuzzer (clang, ASan+UBSan).
# Usage: scripts/fuzz.sh SECONDS [TARGET...]
#   SECONDS  time per target (the targets run side by side, one per core)
#   TARGET   text_report html_extract jsonl feed sgml warc dates eval_inputs (default all)
# Seeds: fuzz/corpus/<target>, plus large inputs of the worst shapes made
# here (one long line, all names, deep nesting, unclosed svg/script, huge
# JSONL lines, feeds and archives of many items), so the fuzzers reach large sizes. An
# input slower than 10 s counts as a finding like a crash. Findings are
# written to fuzz/findings/<target>/; copy each into fuzz/corpus/<target>/
# once fixed, where the ordinary test suite replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
targets=("$@")
((${#targets[@]})) || targets=(text_report html_extract jsonl feed sgml warc dates eval_inputs)

./scripts/setup.sh >/dev/null  # Debian packages
# Debian's clang brings the libFuzzer and sanitizer runtimes (libclang-common-*-dev).
if ! dpkg-query -W -f='${Status}' clang 2>/dev/null | grep -q "install ok installed"; then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq clang >/dev/null
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSCHECK_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/%/_fuzz}" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
line() { (set +o pipefail; yes "$1" | tr '\n' ' ' | head -c "$2"); }
large() {  # large seeds of the worst shapes for target $1 into $2
  case $1 in
    text_report)
      { echo "A headline"; echo; line "the minister said on Tuesday that officials would review it" 60000; } >"$2/long_line.txt"
      { echo "Names"; echo; line "John Smith Mary Jones Kyiv Moscow United Nations" 60000; } >"$2/names.txt"
      { echo "Quotes"; echo; line '"We will not accept this," said Mary Jones.' 60000; } >"$2/quotes.txt" ;;
    html_extract)
      { printf '<html><body>'; line '<div>' 3000; printf '<p>Deep text of the article here.</p></body></html>'; } >"$2/deep.html"
      { printf '<html><body><article><p>Opening text of the article.</p>'; line '<svg><g><script>var a; <style>p{}' 200000; } >"$2/unclosed.html" ;;
    jsonl)
      { printf '{"id":"x","text":"'; line 'long text of an article' 60000; printf '"}\n'; line '[' 20000; echo; } >"$2/big.jsonl" ;;
    feed)
      { printf '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>';
        for i in $(seq 1 1500); do printf '<item><guid>g%d</guid><description>The harbour reopened, item %d.</description></item>' "$i" "$i"; done
        printf '</channel></rss>'; } >"$2/many.xml" ;;
    sgml)
      for i in $(seq 1 1500); do printf '<DOC><DOCNO> W%d </DOCNO><TEXT><P> The harbour reopened.\n</P>' "$i"; done >"$2/many"
      { printf '<DOC><DOCNO>x</DOCNO><TEXT>'; line '<P <A &amp ``' 100000; } >"$2/tags" ;;
    warc)
      for i in $(seq 1 1500); do
        printf 'WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://x.example/%d\r\n' "$i"
        printf 'Content-Type: text/plain\r\nContent-Length: 25\r\n\r\nThe harbour reopened %04d\r\n\r\n' "$i"
      done >"$2/many.warc" ;;
    dates) line 'on 3 March 2025 and 4,000 people since 1991 about 40 percent' 60000 >"$2/long.txt" ;;
    eval_inputs) line $'T1\tSource 0 5\tAlice\n' 60000 >"$2/big.ann" ;;
  esac
}

pids=()
for t in "${targets[@]}"; do
  mkdir -p "$work/$t" "fuzz/findings/$t"
  cp fuzz/corpus/"$t"/* "$work/$t/" 2>/dev/null || true
  large "$t" "$work/$t"
  max_len=131072
  [[ $t == eval_inputs || $t == dates ]] && max_len=65536
  build-fuzz/fuzz/"${t}"_fuzz "$work/$t" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
    -rss_limit_mb=4096 -report_slow_units=10 -artifact_prefix="fuzz/findings/$t/" -print_final_stats=1 \
    >"$work/$t.log" 2>&1 &
  pids+=($!)
  # One target per core.
  while (($(jobs -rp | wc -l) >= $(nproc))); do sleep 1; done
done
status=0
for i in "${!pids[@]}"; do wait "${pids[$i]}" || status=1; done
for t in "${targets[@]}"; do
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$' || echo "?")
  slow=$(grep -c 'Slowest unit' "$work/$t.log" || true)
  found=$(find "fuzz/findings/$t" -type f | wc -l)
  echo "fuzz: $t: ${seconds}s, $runs runs, $found findings, $slow slow-unit reports"
  ((found == 0)) || { status=1; grep -E 'ERROR|SUMMARY|Slowest' "$work/$t.log" | head -5; }
done
exit $status
