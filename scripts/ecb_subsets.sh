#!/usr/bin/env bash
# Scores event clustering on the ECB+ folder and on 14 smaller folders cut
# from it by topic (the two halves, and topic number modulo 3, 4 and 5), then
# prints the mean F1: one folder alone is a noisy judge of a change.
# Extra arguments go to `crosscheck eval events`.
# Usage: scripts/ecb_subsets.sh [CROSSCHECK_BINARY] [ECBPLUS_DIR] [EVAL OPTIONS...]
set -euo pipefail
bin=${1:-build/crosscheck}
src=$(cd "${2:-../shared/corpus/ecbplus}" && pwd)
shift $(($# > 2 ? 2 : $#))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_folder() {  # name, awk condition on the topic number t
  mkdir "$work/$1"
  awk -F'\t' "{ t = substr(\$1, 1, index(\$1, \"_\") - 1) + 0; if ($2) print }" "$src/gold.tsv" > "$work/$1/gold.tsv"
  cut -f1 "$work/$1/gold.tsv" | while read -r id; do ln -s "$src/$id.txt" "$work/$1/$id.txt"; done
}
folders=("$src")
make_folder half1 "t <= 17"; make_folder half2 "t > 17"; folders+=("$work/half1" "$work/half2")
for m in 3 4 5; do
  for ((k = 0; k < m; k++)); do make_folder "mod${m}_$k" "t % $m == $k"; folders+=("$work/mod${m}_$k"); done
done
total=0 worst=1
for f in "${folders[@]}"; do
  f1=$("$bin" eval events "$@" "$f" | sed -n 's/.*F1 \([0-9.]*\).*/\1/p')
  printf '%-10s %s\n' "$(basename "$f")" "$f1"
  total=$(awk -v a="$total" -v b="$f1" 'BEGIN { print a + b }')
  worst=$(awk -v a="$worst" -v b="$f1" 'BEGIN { print (b < a ? b : a) }')
done
awk -v t="$total" -v n="${#folders[@]}" -v w="$worst" 'BEGIN { printf "mean F1 over %d folders: %.3f, worst %.3f\n", n, t / n, w }'
